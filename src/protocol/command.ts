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

/** The verb of a command line, uppercased: `mail FROM:<a@b>` → `MAIL`. */
export function verbOf(line: string): string {
  const t = line.trim();
  // A scan, not split or search: a fleet calls this several times per step.
  let end = 0;
  while (end < t.length && !isSpace(t.charCodeAt(end))) end++;
  return (end === t.length ? t : t.slice(0, end)).toUpperCase();
}

/** What `\s` matches: ASCII by hand, the Unicode spaces through the regex itself. */
function isSpace(c: number): boolean {
  if (c < 128) return c === 32 || (c >= 9 && c <= 13);
  return /\s/.test(String.fromCharCode(c));
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
