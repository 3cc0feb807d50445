// The network a sign-in came from, for the limits per address. IPv4 as it is; IPv6 by its /64,
// since one home or phone is given a whole /64 and could otherwise try from 2^64 addresses.
import { isIPv6 } from 'node:net';

/** The eight groups of an IPv6 address, '::' expanded. */
function groupsOf(ip: string) {
  const [head = '', tail] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  if (tail === undefined) return left;
  return [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
}

/** @param ip req.ip (which follows trustProxy) */
export function networkOf(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1] as string;
  if (!isIPv6(ip)) return ip;
  const groups = groupsOf(ip.split('%')[0] as string).map((group) => group.toLowerCase().replace(/^0+(?=.)/, ''));
  return `${groups.slice(0, 4).join(':')}::/64`;
}
