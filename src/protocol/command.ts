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
