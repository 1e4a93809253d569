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
  // search, not split: a fleet calls this for every step, and split allocates an array each time.
  const end = t.search(/\s/);
  return (end === -1 ? t : t.slice(0, end)).toUpperCase();
}

/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
export const MAX_COMMAND_OCTETS = 512;
