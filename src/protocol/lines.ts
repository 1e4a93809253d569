/**
 * Line framing for replies: bytes in, complete lines out. Pure (no I/O) so the session can
 * feed it any chunking and the result is the same.
 *
 * RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets; real servers exceed that, so the cap
 * is generous but finite — an endless line from a hostile peer must not eat memory.
 */
export const MAX_LINE_OCTETS = 8192;

export type LineEnding = "crlf" | "lf";

export interface Line {
  text: string;
  ending: LineEnding;
}

/** A line over the cap; `octets` is always MAX_LINE_OCTETS + 1 so the event does not depend on chunking. */
export type LineEvent = Line | { kind: "too-long"; octets: number };

export class LineSplitter {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private overflowed = false;

  /** Appends bytes; returns the lines (or a too-long event) they completed. */
  push(chunk: Buffer): LineEvent[] {
    const out: LineEvent[] = [];
    let start = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
      const from = start;
      start = nl + 1;
      // Most lines arrive whole in one chunk: decoded from it where they lie, without a copy.
      if (!this.chunks.length && !this.overflowed) {
        out.push(lineOf(chunk, from, nl));
        continue;
      }
      const overflowed = this.overflowed;
      const whole = Buffer.concat([...this.chunks, chunk.subarray(from, nl)]);
      this.reset();
      // The rest of an over-long line is dropped: its event was already reported.
      if (!overflowed) out.push(lineOf(whole, 0, whole.length));
    }
    const rest = chunk.subarray(start);
    if (rest.length && !this.overflowed) {
      this.chunks.push(Buffer.from(rest));
      this.buffered += rest.length;
      if (this.buffered > MAX_LINE_OCTETS) {
        out.push({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
        this.reset();
        this.overflowed = true;
      }
    }
    return out;
  }

  /** Bytes received that do not yet form a line (a reply cut off by a close, say). */
  pending(): string {
    return this.chunks.length ? decodeLine(Buffer.concat(this.chunks)) : "";
  }

  /** Forgets buffered bytes: after STARTTLS's 220 nothing sent in plaintext may be read (RFC 3207 §4.2). */
  reset(): number {
    const dropped = this.buffered;
    this.chunks = [];
    this.buffered = 0;
    this.overflowed = false;
    return dropped;
  }
}

/** The line in `bytes[start, end)` (its LF excluded; a CR before it ends a CRLF line), or its too-long event. */
function lineOf(bytes: Buffer, start: number, end: number): LineEvent {
  if (end - start > MAX_LINE_OCTETS) return { kind: "too-long", octets: MAX_LINE_OCTETS + 1 };
  const crlf = end > start && bytes[end - 1] === 0x0d;
  return { text: escapeControls(bytes.toString("utf8", start, crlf ? end - 1 : end)), ending: crlf ? "crlf" : "lf" };
}

/**
 * Decodes a reply line for display and matching: UTF-8 (RFC 6531 allows it in replies),
 * invalid sequences become U+FFFD, and control characters other than TAB are shown as \xNN so
 * that a hostile reply cannot forge terminal escapes or workflow commands in our output.
 */
export function decodeLine(bytes: Uint8Array): string {
  return escapeControls(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;

export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}
