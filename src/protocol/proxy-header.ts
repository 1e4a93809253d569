/**
 * The HAProxy PROXY protocol header (haproxy.org, doc/proxy-protocol.txt), sent first on a
 * connection so that a backend behind a load balancer (HAProxy, AWS NLB, Postfix postscreen with
 * `postscreen_upstream_proxy_protocol = haproxy`) learns the client's address. Pure.
 *
 *   v1:  "PROXY TCP4 192.0.2.7 198.51.100.25 51234 25\r\n"   (text, at most 107 bytes)
 *   v2:  \r\n\r\n\0\r\nQUIT\n  0x21  0x11|0x21  length  addresses ports   (binary)
 */
import { ipFamily } from "./address.js";
import type { ProxyProtocolVersion } from "../model/enums.js";

export type { ProxyProtocolVersion } from "../model/enums.js";

export interface ProxyEndpoints {
  source: string;
  sourcePort: number;
  destination: string;
  destinationPort: number;
}

/**
 * The endpoints of a connection made through a SOCKS5 proxy, as the target sees it: from the
 * proxy's bound address (the CONNECT reply's BND.ADDR and BND.PORT, RFC 1928 §6) to the target's
 * address. Either may be unknown — the proxy says no usable address (0.0.0.0, port 0, a name),
 * or the target is a name the proxy resolved — and then the header can only say UNKNOWN (v1) or
 * LOCAL (v2): `unknown` says why, in words.
 */
export function tunnelEndpoints(bound: { address: string; port: number } | undefined, target: { host: string; port: number }): ProxyEndpoints | { unknown: string } {
  const boundFamily = bound ? ipFamily(bound.address) : 0;
  // Some proxies answer 0.0.0.0:0 (RFC 1928 leaves it to them): that says nothing of the source.
  const source = bound && boundFamily !== 0 && bound.port !== 0 && addressBytes(bound.address, boundFamily).some((x) => x !== 0) ? bound : null;
  const destination = ipFamily(target.host) !== 0 ? target.host : null;
  const missing = [
    ...(source ? [] : [bound ? `the proxy's CONNECT reply gave no usable bound address (${bound.address}:${bound.port})` : "the proxy's CONNECT reply gave its bound address as a name"]),
    ...(destination ? [] : [`the target ${target.host} is a name the proxy resolved, so its address is not known here`]),
  ];
  if (!source || !destination) return { unknown: missing.join("; ") };
  const endpoints = { source: source.address, sourcePort: source.port, destination, destinationPort: target.port };
  return familyOf(endpoints) ? endpoints : { unknown: `the proxy's bound address ${source.address} and the target's ${destination} are not of one IP family` };
}

/** The v2 signature (§2.2): it cannot start a valid v1 header or an HTTP/SMTP command. */
const V2_SIGNATURE = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);

/** The header for these endpoints; `UNKNOWN` (v1) or LOCAL (v2) when the addresses are not both of one IP family. */
export function proxyHeader(version: ProxyProtocolVersion, e: ProxyEndpoints | null): Buffer {
  const family = e ? familyOf(e) : null;
  return version === "v1" ? Buffer.from(v1(e, family), "latin1") : v2(e, family);
}

function familyOf(e: ProxyEndpoints): 4 | 6 | null {
  const src = ipFamily(unmapped(e.source));
  return src !== 0 && src === ipFamily(unmapped(e.destination)) ? src : null;
}

/** Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d; the header wants a.b.c.d. */
function unmapped(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}

function v1(e: ProxyEndpoints | null, family: 4 | 6 | null): string {
  if (!e || !family) return "PROXY UNKNOWN\r\n";
  return `PROXY TCP${family} ${unmapped(e.source)} ${unmapped(e.destination)} ${e.sourcePort} ${e.destinationPort}\r\n`;
}

function v2(e: ProxyEndpoints | null, family: 4 | 6 | null): Buffer {
  if (!e || !family) {
    // Version 2, command LOCAL (0x20), family UNSPEC: the receiver uses the connection's own addresses.
    return Buffer.concat([V2_SIGNATURE, Buffer.from([0x20, 0x00, 0x00, 0x00])]);
  }
  const addresses = Buffer.concat([addressBytes(unmapped(e.source), family), addressBytes(unmapped(e.destination), family), port(e.sourcePort), port(e.destinationPort)]);
  // Version 2, command PROXY (0x21); TCP over IPv4 (0x11) or IPv6 (0x21); then the length.
  const head = Buffer.from([0x21, family === 4 ? 0x11 : 0x21, addresses.length >> 8, addresses.length & 0xff]);
  return Buffer.concat([V2_SIGNATURE, head, addresses]);
}

function port(p: number): Buffer {
  return Buffer.from([p >> 8, p & 0xff]);
}

/** Network-order bytes of an address already known to be of `family`. */
export function addressBytes(address: string, family: 4 | 6): Buffer {
  if (family === 4) return Buffer.from(address.split(".").map(Number));
  const [head = "", tail = ""] = address.includes("::") ? address.split("::") : [address, ""];
  const groups = (s: string) => (s ? s.split(":") : []);
  let h = groups(head);
  let t = groups(tail);
  // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
  const fromV4 = (gs: string[]) => {
    const last = gs[gs.length - 1];
    if (!last?.includes(".")) return gs;
    const b = last.split(".").map(Number) as [number, number, number, number];
    return [...gs.slice(0, -1), ((b[0] << 8) | b[1]).toString(16), ((b[2] << 8) | b[3]).toString(16)];
  };
  if (t.length) t = fromV4(t);
  else h = fromV4(h);
  const all = address.includes("::") ? [...h, ...Array<string>(8 - h.length - t.length).fill("0"), ...t] : h;
  const out = Buffer.alloc(16);
  all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
  return out;
}
