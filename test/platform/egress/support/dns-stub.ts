import dgram from 'node:dgram';
import net from 'node:net';

/**
 * A tiny DNS server on 127.0.0.1 for tests: answers A and AAAA questions from a table the test
 * may change between questions (DNS rebinding), NXDOMAIN otherwise. TTL 0, no caching.
 */
export interface DnsStub {
  server: string;
  answers: Map<string, string[]>;
  questions: string[];
  close(): Promise<void>;
}

function readName(msg: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  let i = offset;
  while (msg[i]! !== 0) {
    const len = msg[i]!;
    labels.push(msg.subarray(i + 1, i + 1 + len).toString('ascii'));
    i += len + 1;
  }
  return { name: labels.join('.').toLowerCase(), end: i + 1 };
}

function v6Bytes(ip: string): Buffer {
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const g = (s: string) => (s ? s.split(':') : []);
  const left = g(head);
  const right = tail === undefined ? [] : g(tail);
  const all = [...left, ...new Array(8 - left.length - right.length).fill('0'), ...right];
  return Buffer.from(
    all.flatMap((x) => {
      const n = parseInt(x, 16);
      return [n >> 8, n & 0xff];
    }),
  );
}

export async function startDnsStub(answers: Record<string, string[]> = {}): Promise<DnsStub> {
  const table = new Map(Object.entries(answers));
  const questions: string[] = [];
  const socket = dgram.createSocket('udp4');
  socket.on('message', (msg, rinfo) => {
    const { name, end } = readName(msg, 12);
    const qtype = msg.readUInt16BE(end);
    questions.push(`${name}/${qtype === 28 ? 'AAAA' : qtype === 1 ? 'A' : qtype}`);
    const family = qtype === 1 ? 4 : qtype === 28 ? 6 : 0;
    const listed = table.get(name);
    const found = (listed ?? []).filter((a) => net.isIP(a) === family);
    const header = Buffer.alloc(12);
    msg.copy(header, 0, 0, 2);
    header.writeUInt16BE(listed ? 0x8180 : 0x8183, 2);
    header.writeUInt16BE(1, 4);
    header.writeUInt16BE(found.length, 6);
    const question = msg.subarray(12, end + 4);
    const records = found.map((a) => {
      const rdata = family === 4 ? Buffer.from(a.split('.').map(Number)) : v6Bytes(a);
      const rr = Buffer.alloc(12);
      rr.writeUInt16BE(0xc00c, 0);
      rr.writeUInt16BE(qtype, 2);
      rr.writeUInt16BE(1, 4);
      rr.writeUInt32BE(0, 6);
      rr.writeUInt16BE(rdata.length, 10);
      return Buffer.concat([rr, rdata]);
    });
    socket.send(Buffer.concat([header, question, ...records]), rinfo.port, rinfo.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return {
    server: `127.0.0.1:${socket.address().port}`,
    answers: table,
    questions,
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}
