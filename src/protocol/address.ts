/**
 * Syntax checks for values that end up in commands: mailbox addresses (RFC 5321 §4.1.2
 * Mailbox, with RFC 6531 UTF-8 allowed), host names and EHLO names. Deliberately a little
 * permissive: the server, not smtp-gate, is the judge of what it accepts; these catch typos.
 */
/** UTF-8 beyond ASCII (RFC 6531), less the C1 controls and U+2028/U+2029, which are line breaks to some. */
const UTF8 = "\\u00A0-\\u2027\\u202A-\\uFFFF";
const ATEXT = `[A-Za-z0-9!#$%&'*+\\-/=?^_\`{|}~${UTF8}]`;
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = `"(?:[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e${UTF8}]|\\\\[\\x20-\\x7e])*"`;
const LABEL = `[A-Za-z0-9${UTF8}](?:[A-Za-z0-9\\-${UTF8}]{0,61}[A-Za-z0-9${UTF8}])?`;
const DOMAIN = `${LABEL}(?:\\.${LABEL})*\\.?`;
const ADDRESS_LITERAL = "\\[(?:[0-9.]+|IPv6:[0-9A-Fa-f:.]+)\\]";

const MAILBOX = new RegExp(`^(?:${DOT_STRING}|${QUOTED})@(?:${DOMAIN}|${ADDRESS_LITERAL})$`);
const HOST_NAME = new RegExp(`^${DOMAIN}$`);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const EHLO_NAME = new RegExp(`^(?:${DOMAIN}|${ADDRESS_LITERAL})$`);

/**
 * The EHLO name a connection uses (RFC 5321 §4.1.4): the configured one (a fully qualified
 * domain name), or else the address literal of our end of the connection.
 */
export function ehloName(configured: string | null, localAddress: string | undefined): string {
  return configured ?? addressLiteral(localAddress ?? "127.0.0.1");
}

/**
 * A value as it may be echoed in a message: the user information of a URL-shaped value
 * (`socks5://user:PASS@host:1080`, RFC 3986 §3.2.1) replaced by `***`, so that a password put
 * where an address belongs is never printed back.
 */
export function withoutUserinfo(value: string): string {
  return value.replace(/^([a-z][a-z0-9+.-]*:\/\/)?[^@/\s]*@/i, (_, scheme: string | undefined) => `${scheme ?? ""}***@`);
}

/** The password in a URL-shaped value (`scheme://user:PASS@host`), to mask it before anything is printed. */
export function userinfoPassword(value: string): string | null {
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?[^@/:\s]*:([^@/\s]+)@/i.exec(value.trim());
  return m?.[1] ?? null;
}

/** RFC 5321 §4.5.3.1: local part at most 64 octets, path at most 256. */
export function checkMailbox(value: string): string | null {
  if (!MAILBOX.test(value)) return "is not a mailbox address like user@example.com";
  const local = value.slice(0, value.lastIndexOf("@"));
  if (Buffer.byteLength(local) > 64) return "has a local part longer than 64 octets (RFC 5321 §4.5.3.1.1)";
  if (Buffer.byteLength(value) > 254) return "is longer than 254 octets (RFC 5321 §4.5.3.1.3)";
  return null;
}

/** RFC 4291 §2.2 text forms: eight groups, or fewer around one "::", optionally ending in IPv4. */
export function isIPv6(value: string): boolean {
  const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
  if (v4 && !IPV4.test(v4[1] as string)) return false;
  const head = v4 ? value.slice(0, -(v4[1] as string).length) + "0:0" : value;
  const halves = head.split("::");
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
  if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

/** 4 or 6 for an IP address in text form, 0 for anything else (what node:net's isIP says, without I/O modules). */
export function ipFamily(value: string): 0 | 4 | 6 {
  return IPV4.test(value) ? 4 : isIPv6(value) ? 6 : 0;
}

export function checkHost(value: string): string | null {
  if (IPV4.test(value) || isIPv6(value)) return null;
  // A name made only of digits and dots is a malformed IPv4 address, not a host name.
  return HOST_NAME.test(value) && !/^[\d.]+$/.test(value) && value.length <= 253 ? null : "is not a host name or IP address";
}

export function checkEhloName(value: string): string | null {
  return EHLO_NAME.test(value) ? null : "is not a domain name or an address literal like [192.0.2.1]";
}

/**
 * The address literal of an IP address (RFC 5321 §4.1.3): `[192.0.2.10]`, `[IPv6:2001:db8::1]`;
 * an IPv4 address mapped into IPv6 (`::ffff:192.0.2.10`, a dual-stack socket's form) as IPv4.
 */
export function addressLiteral(ip: string): string {
  const v4 = ip.replace(/^::ffff:/i, "");
  return IPV4.test(v4) ? `[${v4}]` : `[IPv6:${ip}]`;
}

/**
 * True for an address on this machine: 127.0.0.0/8, ::1, and 127.x mapped into IPv6
 * (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3, §2.5.5.2). Credentials may cross such a connection in
 * clear text without an opt-in: it never leaves the host.
 */
export function isLoopbackAddress(address: string): boolean {
  const v4 = address.replace(/^::ffff:/i, "");
  if (IPV4.test(v4)) return v4.startsWith("127.");
  return isIPv6(address) && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(address);
}

/** A configured host that is known before connecting to be this machine: a loopback address or `localhost`. */
export function isLoopbackHost(host: string): boolean {
  return isLoopbackAddress(host) || host.toLowerCase().replace(/\.$/, "") === "localhost";
}
