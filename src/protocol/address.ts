/**
 * Syntax checks for values that end up in commands: mailbox addresses (RFC 5321 §4.1.2
 * Mailbox, with RFC 6531 UTF-8 allowed), host names and EHLO names. Deliberately a little
 * permissive: the server, not smtp-gate, is the judge of what it accepts; these catch typos.
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u0080-\\uFFFF]";
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e\\u0080-\\uFFFF]|\\\\[\\x20-\\x7e])*"';
const LABEL = "[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\-\\u0080-\\uFFFF]{0,61}[A-Za-z0-9\\u0080-\\uFFFF])?";
const DOMAIN = `${LABEL}(?:\\.${LABEL})*\\.?`;
const ADDRESS_LITERAL = "\\[(?:[0-9.]+|IPv6:[0-9A-Fa-f:.]+)\\]";

const MAILBOX = new RegExp(`^(?:${DOT_STRING}|${QUOTED})@(?:${DOMAIN}|${ADDRESS_LITERAL})$`);
const HOST = new RegExp(`^(?:${DOMAIN}|[0-9A-Fa-f:.]+)$`);
const EHLO_NAME = new RegExp(`^(?:${DOMAIN}|${ADDRESS_LITERAL})$`);

/** RFC 5321 §4.5.3.1: local part at most 64 octets, path at most 256. */
export function checkMailbox(value: string): string | null {
  if (!MAILBOX.test(value)) return "is not a mailbox address like user@example.com";
  const local = value.slice(0, value.lastIndexOf("@"));
  if (Buffer.byteLength(local) > 64) return "has a local part longer than 64 octets (RFC 5321 §4.5.3.1.1)";
  if (Buffer.byteLength(value) > 254) return "is longer than 254 octets (RFC 5321 §4.5.3.1.3)";
  return null;
}

export function checkHost(value: string): string | null {
  return HOST.test(value) && value.length <= 253 ? null : "is not a host name or IP address";
}

export function checkEhloName(value: string): string | null {
  return EHLO_NAME.test(value) ? null : "is not a domain name or an address literal like [192.0.2.1]";
}
