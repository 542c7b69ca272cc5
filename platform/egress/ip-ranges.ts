import net from 'node:net';

/**
 * What an address is, for the egress guard. `public` is the only class a delivery may reach
 * without an allowance; `private` (RFC 1918, CGNAT, unique-local) only to a host the
 * municipality's administrator named; `loopback` only in development and tests. The others
 * (link-local with cloud metadata at 169.254.169.254, unspecified, multicast, broadcast,
 * documentation and other reserved ranges) are never reachable.
 */
export type AddressClass =
  'public' | 'private' | 'loopback' | 'link-local' | 'unspecified' | 'multicast' | 'reserved' | 'invalid';

type Range = [prefix: string, bits: number, cls: AddressClass];

// IANA IPv4 Special-Purpose Address Registry (RFC 6890 and successors).
const V4: Range[] = [
  ['0.0.0.0', 8, 'unspecified'],
  ['10.0.0.0', 8, 'private'],
  ['100.64.0.0', 10, 'private'],
  ['127.0.0.0', 8, 'loopback'],
  ['169.254.0.0', 16, 'link-local'],
  ['172.16.0.0', 12, 'private'],
  ['192.0.0.0', 24, 'reserved'],
  ['192.0.2.0', 24, 'reserved'],
  ['192.88.99.0', 24, 'reserved'],
  ['192.168.0.0', 16, 'private'],
  ['198.18.0.0', 15, 'reserved'],
  ['198.51.100.0', 24, 'reserved'],
  ['203.0.113.0', 24, 'reserved'],
  ['224.0.0.0', 4, 'multicast'],
  ['240.0.0.0', 4, 'reserved'],
];

// IANA IPv6 Special-Purpose Address Registry; embedded IPv4 forms are unwrapped before this.
const V6: Range[] = [
  ['::', 128, 'unspecified'],
  ['::1', 128, 'loopback'],
  ['100::', 64, 'reserved'],
  ['64:ff9b:1::', 48, 'reserved'],
  ['2001::', 23, 'reserved'],
  ['2001:db8::', 32, 'reserved'],
  ['3fff::', 20, 'reserved'],
  ['5f00::', 16, 'reserved'],
  ['fc00::', 7, 'private'],
  ['fe80::', 10, 'link-local'],
  ['fec0::', 10, 'private'],
  ['ff00::', 8, 'multicast'],
];

function v4Bytes(ip: string): number[] {
  return ip.split('.').map(Number);
}

/** 16 bytes of an IPv6 address in any textual form net.isIPv6 accepts (zone ids dropped). */
function v6Bytes(ip: string): number[] {
  let text = ip.split('%')[0]!;
  const tail: number[] = [];
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    tail.push(...v4Bytes(text.slice(lastColon + 1)));
    text = `${text.slice(0, lastColon + 1)}0:0`;
  }
  const [head, rest] = text.split('::') as [string, string | undefined];
  const groups = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  const bytes = all.flatMap((g) => [(g >> 8) & 0xff, g & 0xff]);
  if (tail.length) bytes.splice(12, 4, ...tail);
  return bytes;
}

function matches(bytes: number[], prefix: number[], bits: number): boolean {
  for (let i = 0; i < bits; i++) {
    const bit = (b: number[]) => (b[i >> 3]! >> (7 - (i & 7))) & 1;
    if (bit(bytes) !== bit(prefix)) return false;
  }
  return true;
}

function lookupRange(bytes: number[], ranges: Range[], toBytes: (s: string) => number[]): AddressClass {
  let best: { bits: number; cls: AddressClass } | undefined;
  for (const [prefix, bits, cls] of ranges) {
    if ((!best || bits > best.bits) && matches(bytes, toBytes(prefix), bits)) best = { bits, cls };
  }
  return best?.cls ?? 'public';
}

function classifyV4(bytes: number[]): AddressClass {
  if (bytes.every((b) => b === 255)) return 'reserved';
  return lookupRange(bytes, V4, v4Bytes);
}

/**
 * The IPv4 address an IPv6 address carries, when it carries one a host may route to:
 * IPv4-mapped (::ffff:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96),
 * SIIT (::ffff:0:a.b.c.d) and 6to4 (2002:AABB:CCDD::).
 */
function embeddedV4(b: number[]): number[] | undefined {
  const zero = (from: number, to: number) => b.slice(from, to).every((x) => x === 0);
  if (zero(0, 10) && b[10] === 0xff && b[11] === 0xff) return b.slice(12);
  if (zero(0, 8) && b[8] === 0xff && b[9] === 0xff && zero(10, 12)) return b.slice(12);
  if (zero(0, 12) && !(zero(12, 15) && (b[15] === 0 || b[15] === 1))) return b.slice(12);
  if (b[0] === 0x00 && b[1] === 0x64 && b[2] === 0xff && b[3] === 0x9b && zero(4, 12)) return b.slice(12);
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6);
  return undefined;
}

/** The class of an IP address in the textual form a resolver or the URL parser gives. */
export function classifyAddress(address: string): AddressClass {
  const ip = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const family = net.isIP(ip.split('%')[0]!);
  if (family === 4) return classifyV4(v4Bytes(ip));
  if (family !== 6) return 'invalid';
  const bytes = v6Bytes(ip);
  const v4 = embeddedV4(bytes);
  if (v4) {
    const inner = classifyV4(v4);
    // A mapped public address is still the public host; a mapped private one is that private host.
    return inner;
  }
  return lookupRange(bytes, V6, v6Bytes);
}
