import { classifyAddress } from '../../../server/egress/ip-ranges';

describe('address classes for the egress guard', () => {
  it.each([
    ['8.8.8.8', 'public'], ['93.184.216.34', 'public'], ['2a00:1450:4001::1', 'public'], ['::ffff:8.8.8.8', 'public'],
    ['127.0.0.1', 'loopback'], ['127.255.0.9', 'loopback'], ['::1', 'loopback'], ['[::1]', 'loopback'],
    ['10.0.0.5', 'private'], ['172.16.0.1', 'private'], ['172.31.255.255', 'private'], ['192.168.1.10', 'private'], ['100.64.0.1', 'private'],
    ['fd00::1', 'private'], ['fc00::1', 'private'],
    ['169.254.169.254', 'link-local'], ['fe80::1', 'link-local'], ['fe80::1%eth0', 'link-local'],
    ['0.0.0.0', 'unspecified'], ['0.1.2.3', 'unspecified'], ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'], ['239.255.255.250', 'multicast'], ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'], ['240.0.0.1', 'reserved'], ['192.0.2.1', 'reserved'], ['198.18.0.1', 'reserved'], ['2001:db8::1', 'reserved'],
    // IPv6 forms that carry an IPv4 address are judged by that address.
    ['::ffff:127.0.0.1', 'loopback'], ['::ffff:7f00:1', 'loopback'], ['::127.0.0.1', 'loopback'], ['::7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'link-local'], ['::ffff:a9fe:a9fe', 'link-local'], ['::ffff:10.0.0.5', 'private'],
    ['64:ff9b::7f00:1', 'loopback'], ['64:ff9b::169.254.169.254', 'link-local'], ['64:ff9b::a00:5', 'private'], ['64:ff9b:1::1', 'reserved'],
    ['::ffff:0:7f00:1', 'loopback'], ['2002:7f00:1::', 'loopback'], ['2002:a9fe:a9fe::1', 'link-local'],
    ['not-an-ip', 'invalid'], ['2130706433', 'invalid'],
  ])('%s is %s', (address, cls) => {
    expect(classifyAddress(address)).toBe(cls);
  });
});
