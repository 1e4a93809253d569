/**
 * SOCKS version 5 (RFC 1928) with username/password authentication (RFC 1929): the messages a
 * client writes and a parser for what the proxy answers. Pure: the session does the I/O.
 *
 *   C: 05 02 00 02                      greeting: no authentication, or username/password
 *   S: 05 02                            the proxy chose username/password (§3)
 *   C: 01 ulen user plen pass           RFC 1929 §2
 *   S: 01 00                            accepted
 *   C: 05 01 00 03 len name port        CONNECT to a domain name (ATYP 3), or 01 IPv4 / 04 IPv6 (§4)
 *   S: 05 00 00 01 a.b.c.d port         succeeded; BND.ADDR and BND.PORT (§6)
 */
import { ipFamily } from "./address.js";
import { addressBytes } from "./proxy-header.js";

export interface Socks5Credentials {
  username: string;
  password: string;
}

/** RFC 1928 §6: what each REP code means, in words for the report. */
export const SOCKS5_REPLIES: Readonly<Record<number, string>> = {
  1: "general SOCKS server failure",
  2: "connection not allowed by the proxy's rules",
  3: "network unreachable",
  4: "host unreachable",
  5: "connection refused by destination",
  6: "TTL expired",
  7: "command not supported",
  8: "address type not supported",
};

export function socks5Greeting(credentials: Socks5Credentials | null): Buffer {
  return Buffer.from(credentials ? [0x05, 0x02, 0x00, 0x02] : [0x05, 0x01, 0x00]);
}

/** RFC 1929 §2: each field is 1 to 255 octets. */
export function socks5Auth(c: Socks5Credentials): Buffer {
  const user = Buffer.from(c.username, "utf8");
  const pass = Buffer.from(c.password, "utf8");
  return Buffer.concat([Buffer.from([0x01, user.length]), user, Buffer.from([pass.length]), pass]);
}

/** CONNECT: an address as an address, a host name as a domain name so that the proxy resolves it (§4, §5). */
export function socks5Connect(host: string, port: number): Buffer {
  const family = ipFamily(host);
  const address = family === 0
    ? Buffer.concat([Buffer.from([0x03, Buffer.byteLength(host)]), Buffer.from(host, "utf8")])
    : Buffer.concat([Buffer.from([family === 4 ? 0x01 : 0x04]), addressBytes(host, family)]);
  return Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), address, Buffer.from([port >> 8, port & 0xff])]);
}

export type Socks5Step = "method" | "auth" | "connect";

/**
 * Reads the proxy's answer at `step` from the bytes so far: `need` when more are to come,
 * `done` with how many bytes it took (what follows belongs to the tunnelled connection), or a
 * problem in words.
 */
export function parseSocks5Reply(step: Socks5Step, b: Buffer): { need: true } | { done: number; method?: number; bound?: Socks5Bound } | { problem: string } {
  if (step === "method") {
    if (b.length < 2) return { need: true };
    if (b[0] !== 0x05) return { problem: "the proxy does not speak SOCKS version 5" };
    if (b[1] === 0xff) return { problem: "the proxy accepts none of the offered authentication methods (it may require a username and password)" };
    if (b[1] !== 0x00 && b[1] !== 0x02) return { problem: `the proxy chose an authentication method smtp-gate did not offer (${b[1]})` };
    return { done: 2, method: b[1] };
  }
  if (step === "auth") {
    if (b.length < 2) return { need: true };
    return b[1] === 0x00 ? { done: 2 } : { problem: "the proxy refused the username and password (RFC 1929)" };
  }
  if (b.length < 5) return { need: true };
  if (b[0] !== 0x05) return { problem: "the proxy's answer to CONNECT is not SOCKS version 5" };
  if (b[1] !== 0x00) return { problem: `the proxy could not connect: ${SOCKS5_REPLIES[b[1] as number] ?? `reply code ${b[1]}`}` };
  const atyp = b[3];
  const addressLength = atyp === 0x01 ? 4 : atyp === 0x04 ? 16 : atyp === 0x03 ? 1 + (b[4] as number) : -1;
  if (addressLength < 0) return { problem: `the proxy's answer has an unknown address type (${atyp})` };
  const total = 4 + addressLength + 2;
  if (b.length < total) return { need: true };
  // §6: BND.ADDR and BND.PORT, the address the proxy connected to the target from; a name says no address.
  const port = b.readUInt16BE(4 + addressLength);
  if (atyp === 0x03) return { done: total };
  const raw = b.subarray(4, 4 + addressLength);
  const address = atyp === 0x01 ? [...raw].join(".") : (raw.toString("hex").match(/.{4}/g) ?? []).map((g) => g.replace(/^0{1,3}/, "")).join(":");
  return { done: total, bound: { address, port } };
}

/** The CONNECT reply's BND.ADDR and BND.PORT (RFC 1928 §6), IPv6 as eight groups. */
export interface Socks5Bound {
  address: string;
  port: number;
}
