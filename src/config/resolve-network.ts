/**
 * How a target is reached (contract §7): the DNS server for address expansion, the address
 * family, every address of a host, a PROXY protocol header, a SOCKS5 proxy. Validated here, before
 * anything is sent; each problem names its key.
 */
import { checkHost, ipFamily, withoutUserinfo } from "../protocol/address.js";
import type { ProxyProtocolVersion } from "../protocol/proxy-header.js";
import type { TargetKey } from "./keys.js";
import type { TargetConfig } from "./target.js";
import type { ValueReaders } from "./values.js";

export type NetworkKeys = Pick<TargetConfig, "resolver" | "ip" | "everyAddress" | "proxyProtocol" | "socks5">;

/** `HOST[:PORT]`, `[v6]:PORT` or a bare IPv6 address; null with a message when malformed. */
export function parseHostPort(text: string, defaultPort: number): { host: string; port: number } | { problem: string } {
  // A URL with credentials (`socks5://user:PASS@host`) is refused without echoing them.
  if (/^[a-z][a-z0-9+.-]*:\/\/|@/i.test(text)) {
    return { problem: `"${withoutUserinfo(text)}" is not HOST[:PORT]: give the address alone${text.includes("@") ? " (a proxy's username and password go in socks5-username and socks5-password, never in the address)" : ""}` };
  }
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? (ipFamily(text) === 6 ? [text, text, undefined] : /^([^:]+)(?::(\d+))?$/.exec(text));
  const host = m?.[1];
  if (!m || !host || checkHost(host) !== null) return { problem: `"${text}" is not HOST[:PORT] (an IPv6 address with a port goes in brackets: [2001:db8::53]:53)` };
  const port = m[2] === undefined ? defaultPort : Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { problem: `"${text}" has a port outside 1 to 65535` };
  return { host, port };
}

export function resolveNetwork(r: ValueReaders, env: Record<string, string | undefined>, problem: (key: TargetKey, message: string) => void): NetworkKeys {
  const out: NetworkKeys = {};
  const at = (key: TargetKey, defaultPort: number) => {
    const text = r.str(key);
    if (text === undefined) return undefined;
    const hp = parseHostPort(text, defaultPort);
    if ("problem" in hp) problem(key, hp.problem);
    else return hp;
    return undefined;
  };
  const resolver = at("resolver", 53);
  if (resolver) out.resolver = resolver;
  const ip = r.str("ip");
  if (ip !== undefined) {
    if (ip === "4" || ip === "6") out.ip = Number(ip) as 4 | 6;
    else problem("ip", `must be 4 or 6, not "${ip}"`);
  }
  if (r.bool("every-address")) out.everyAddress = true;
  const proxy = r.str("proxy-protocol");
  if (proxy !== undefined) out.proxyProtocol = r.oneOf<ProxyProtocolVersion>("proxy-protocol", ["v1", "v2"], "v1");
  const socks = at("socks5", 1080);
  const username = r.str("socks5-username");
  const password = r.secret("socks5-password-env", "socks5-password", env);
  // RFC 1929 §2: each field is 1 to 255 octets.
  if (username !== undefined && Buffer.byteLength(username) > 255) problem("socks5-username", "is longer than 255 octets (RFC 1929)");
  if (password !== undefined && Buffer.byteLength(password) > 255) problem("socks5-password-env", "holds a password longer than 255 octets (RFC 1929)");
  if ((username === undefined) !== (password === undefined) && (username !== undefined || r.str("socks5-password-env") === undefined)) {
    problem(username === undefined ? "socks5-username" : "socks5-password-env", "the SOCKS5 proxy's username and password go together");
  }
  if ((username !== undefined || password !== undefined) && !socks && r.str("socks5") === undefined) problem("socks5", "is required with socks5-username and socks5-password");
  if (socks) out.socks5 = { ...socks, credentials: username !== undefined && password !== undefined ? { username, password } : null };
  // Through SOCKS5 the proxy resolves names (RFC 1928 §4, ATYP 3): the addresses it would reach are not known here.
  if (out.everyAddress && out.socks5) problem("every-address", "cannot be used with socks5: the proxy resolves the host name, so the addresses it would connect to are not known here; give each address as its own host target, or drop every-address");
  return out;
}
