/**
 * Addresses that can never be a remote MTA (RFC 6890's special-purpose registries): smtp-gate
 * does not connect to them, whatever DNS or the configuration says. Connecting to the unspecified
 * address reaches the runner itself; a link-local one reaches whatever sits on the runner's own
 * link (169.254.169.254 is the cloud instance-metadata service); multicast and broadcast are not
 * one host at all. Loopback stays allowed: tests and SSH tunnels use it on purpose.
 */
import { BlockList, SocketAddress } from "node:net";
import { ipFamily } from "../protocol/address.js";

const NEVER: readonly { prefix: string; bits: number; family: 4 | 6; why: string }[] = [
  { prefix: "0.0.0.0", bits: 8, family: 4, why: "the unspecified address (\"this host\", RFC 1122 §3.2.1.3): connecting to it reaches the runner itself" },
  { prefix: "::", bits: 128, family: 6, why: "the unspecified address (RFC 4291 §2.5.2): connecting to it reaches the runner itself" },
  { prefix: "169.254.169.254", bits: 32, family: 4, why: "the cloud instance-metadata service's link-local address (RFC 3927), on the runner's own link" },
  { prefix: "169.254.0.0", bits: 16, family: 4, why: "a link-local address (RFC 3927): it reaches only the runner's own link" },
  { prefix: "fe80::", bits: 10, family: 6, why: "a link-local address (RFC 4291 §2.5.6): it reaches only the runner's own link" },
  { prefix: "224.0.0.0", bits: 4, family: 4, why: "a multicast address (RFC 5771), not one host" },
  { prefix: "ff00::", bits: 8, family: 6, why: "a multicast address (RFC 4291 §2.7), not one host" },
  { prefix: "255.255.255.255", bits: 32, family: 4, why: "the limited broadcast address (RFC 919), not one host" },
];

// One list per rule, so that the first rule that matches gives its reason (the metadata service before link-local).
const LISTS = NEVER.map((r) => {
  const list = new BlockList();
  list.addSubnet(r.prefix, r.bits, r.family === 4 ? "ipv4" : "ipv6");
  return { list, why: r.why };
});

/** Why `address` can never be a remote MTA, or null when it may be one (names are not judged). */
export function neverRemoteMta(address: string): string | null {
  const family = ipFamily(address);
  if (family === 0) return null;
  // Parsed once for every list (a string would be parsed again by each check). BlockList matches
  // IPv4-mapped IPv6 (::ffff:169.254.169.254) against the IPv4 rules too.
  const parsed = new SocketAddress({ address, family: family === 4 ? "ipv4" : "ipv6" });
  for (const l of LISTS) if (l.list.check(parsed)) return l.why;
  return null;
}

/** The error message of a target not connected to, for its `dns` result. */
export function notConnectedMessage(host: string, address: string, why: string): string {
  return `${host === address ? address : `${host} resolves to ${address}`}, ${why}: it can never be a remote MTA, so smtp-gate did not connect to it`;
}
