/**
 * Every line we send passes one check: CR, LF or NUL in it would let a value smuggle a second
 * command onto the wire (the SMTP equivalent of header injection).
 */
const FORBIDDEN = /[\r\n\0]/;

export function hasForbiddenChars(value: string): boolean {
  return FORBIDDEN.test(value);
}

/** Names the forbidden character for an error message. */
export function describeForbidden(value: string): string {
  const c = FORBIDDEN.exec(value)?.[0];
  return c === "\r" ? "CR" : c === "\n" ? "LF" : "NUL";
}

/**
 * What a command line may not carry beyond CR, LF and NUL: a line is printable text (RFC 5321
 * §2.3.8 printable US-ASCII and SP; RFC 6531 adds UTF-8, not controls). So C0 controls (TAB
 * too), DEL, the C1 controls (NEL, U+0085, among them) and U+2028/U+2029, which consoles and some
 * parsers take as line breaks, and an ESC would restyle the terminal the value is echoed on.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
/** The same for a message body, whose lines may hold TAB (RFC 5322 WSP). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_TAB = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/;
const CONTROL_NAMES: Record<number, string> = {
  0x00: "NUL", 0x09: "TAB", 0x0a: "LF", 0x0b: "VT", 0x0c: "FF", 0x0d: "CR", 0x1b: "ESC", 0x7f: "DEL", 0x85: "NEL",
  0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
};

/** The first control character in `value`, named for a message (`ESC (U+001B)`), or null. */
export function describeControl(value: string, allowTab = false): string | null {
  const c = (allowTab ? CONTROL_BUT_TAB : CONTROL).exec(value)?.[0];
  if (c === undefined) return null;
  const code = c.charCodeAt(0);
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
  const name = CONTROL_NAMES[code];
  return name ? `${name} (${hex})` : `the control character ${hex}`;
}

/**
 * The reverse-path or forward-path of a MAIL or RCPT line, between its angle brackets
 * (RFC 5321 §4.1.1.2, §4.1.1.3): `RCPT TO:<a@b> NOTIFY=NEVER` → `a@b`, `MAIL FROM:<>` → ``; null
 * for any other line.
 */
export function envelopePath(line: string): { verb: "MAIL" | "RCPT"; path: string } | null {
  const m = /^(MAIL\s+FROM|RCPT\s+TO):\s*<([^<>]*)>/i.exec(line);
  if (!m) return null;
  return { verb: (m[1] as string).slice(0, 4).toUpperCase() as "MAIL" | "RCPT", path: m[2] as string };
}

/** The verb of a command line, uppercased: `mail FROM:<a@b>` → `MAIL`. */
export function verbOf(line: string): string {
  // By hand (as trim() and a split at whitespace would): every step of every target asks, several times.
  let start = 0;
  while (start < line.length && isWhiteSpace(line.charCodeAt(start))) start++;
  let end = start;
  while (end < line.length && !isWhiteSpace(line.charCodeAt(end))) end++;
  return line.slice(start, end).toUpperCase();
}

/** The characters of a regular expression's `\s` (and of trim()): ECMAScript WhiteSpace and LineTerminator. */
export function isWhiteSpace(c: number): boolean {
  if (c === 0x20 || (c >= 0x09 && c <= 0x0d)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
export const MAX_COMMAND_OCTETS = 512;
/** RFC 4954 §4: a line of an AUTH exchange may be up to 12,288 octets including CRLF. */
export const MAX_AUTH_LINE_OCTETS = 12288;

/** An AUTH command or SASL response line has the larger limit; every other line is a command. */
export type OutgoingLine = "command" | "auth";

/**
 * Why `line` must not be written, or null. Every line the session writes passes here, whatever
 * validated it before (Go's net/smtp does the same): a CR, LF or NUL would let it carry a second
 * command, and an over-long line may be cut or refused by the server.
 */
export function refuseOutgoingLine(line: string, kind: OutgoingLine): string | null {
  if (hasForbiddenChars(line)) return `it contains ${describeForbidden(line)}, which would end the line and start another command`;
  const octets = Buffer.byteLength(line, "utf8") + 2;
  const limit = kind === "auth" ? MAX_AUTH_LINE_OCTETS : MAX_COMMAND_OCTETS;
  if (octets > limit) return `it is ${octets} octets long with CRLF, over the ${limit} that ${kind === "auth" ? "RFC 4954 §4" : "RFC 5321 §4.5.3.1.4"} allows`;
  return null;
}
