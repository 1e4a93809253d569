/**
 * The test message sent after DATA (RFC 5321 §4.5.2 dot-stuffing, §4.5.3.1.6 998-octet lines).
 * Marked as a test so that nobody mistakes it for mail and no auto-responder answers it.
 */
import { loadCrypto } from "../builtins.js";

export const MAX_TEXT_LINE_OCTETS = 998;

export interface TestMessage {
  from: string;
  to: readonly string[];
  helo: string;
  body?: string;
  date?: Date;
}

/** RFC 5322 §3.3 date-time, e.g. `Sat, 28 Nov 2026 20:53:10 +0000`. */
export function rfc5322Date(d: Date): string {
  const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const p = (n: number) => String(n).padStart(2, "0");
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

export const DEFAULT_BODY = [
  "This is a test message sent by smtp-gate to check a mail path.",
  "It was sent because the probe was run with send enabled; no reply is needed.",
  "",
  "The next three lines start with dots and prove the sender's dot-stuffing:",
  ".",
  "..",
  ".x",
  "End of test message.",
].join("\n");

/** Builds the message text: headers and body, lines joined with LF (framing comes later). */
export function buildTestMessage(m: TestMessage): string {
  const domain = m.helo.replace(/^\[|\]$/g, "") || "localhost";
  const body = m.body ?? DEFAULT_BODY;
  const headers = [
    `From: <${m.from}>`,
    `To: ${m.to.map((t) => `<${t}>`).join(", ")}`,
    `Subject: smtp-gate test message`,
    `Date: ${rfc5322Date(m.date ?? new Date())}`,
    `Message-ID: <${loadCrypto().randomUUID()}@${domain}>`,
    `Auto-Submitted: auto-generated`,
    `X-Smtp-Gate: test`,
    `MIME-Version: 1.0`,
    `Content-Type: text/plain; charset=utf-8`,
    `Content-Transfer-Encoding: ${isAscii(body) ? "7bit" : "8bit"}`,
  ];
  return `${headers.join("\n")}\n\n${body}`;
}

export function isAscii(text: string): boolean {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(text);
}

/**
 * The MAIL FROM parameters a production sender adds for what the server advertised:
 * SIZE= (RFC 1870), BODY=8BITMIME for 8-bit content (RFC 6152), SMTPUTF8 for UTF-8 addresses
 * (RFC 6531). `advertised` tells whether a keyword was offered.
 */
export function mailParameters(o: { size: number | null; eightBit: boolean; utf8Addresses: boolean; advertised: (k: string) => boolean }): string {
  const p: string[] = [];
  if (o.size !== null && o.advertised("SIZE")) p.push(`SIZE=${o.size}`);
  if (o.eightBit && o.advertised("8BITMIME")) p.push("BODY=8BITMIME");
  if (o.utf8Addresses && o.advertised("SMTPUTF8")) p.push("SMTPUTF8");
  return p.map((x) => ` ${x}`).join("");
}

/**
 * Frames a message for DATA: every line ending becomes CRLF, every line that starts with "."
 * gets one more (all of them, not just the first), over-long lines are folded at 998 octets,
 * and the terminating `.` line is appended.
 */
export function frameForData(text: string): Buffer {
  const out = crlfLines(text).map((piece) => (piece.startsWith(".") ? `.${piece}` : piece));
  out.push(".");
  return Buffer.from(`${out.join("\r\n")}\r\n`, "utf8");
}

/**
 * Frames a message as one BDAT chunk (RFC 3030 §2): CRLF line endings and folded lines as for
 * DATA, but no dot-stuffing and no terminator — the chunk's size says where it ends.
 */
export function frameForBdat(text: string): Buffer {
  return Buffer.from(`${crlfLines(text).join("\r\n")}\r\n`, "utf8");
}

/** The message's lines, each at most 998 octets (RFC 5321 §4.5.3.1.6), to be joined with CRLF. */
function crlfLines(text: string): string[] {
  const lines = text.replace(/\r\n|\r|\n/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines.flatMap((line) => splitOctets(line, MAX_TEXT_LINE_OCTETS - 1));
}

/** Splits a line into pieces of at most `max` UTF-8 octets without cutting a character. */
function splitOctets(line: string, max: number): string[] {
  if (Buffer.byteLength(line, "utf8") <= max) return [line];
  const pieces: string[] = [];
  let cur = "";
  let n = 0;
  for (const ch of line) {
    const len = Buffer.byteLength(ch, "utf8");
    if (n + len > max) {
      pieces.push(cur);
      cur = "";
      n = 0;
    }
    cur += ch;
    n += len;
  }
  pieces.push(cur);
  return pieces;
}
