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
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      if (nl === -1) break;
      const lineStart = start;
      start = nl + 1;
      if (this.overflowed) {
        // The rest of an over-long line: drop it, the event was already reported.
        this.overflowed = false;
        this.chunks = [];
        this.buffered = 0;
        continue;
      }
      if (!this.chunks.length) {
        // The common case, a whole line inside this chunk: decoded in place, no Buffer made for it.
        if (nl - lineStart > MAX_LINE_OCTETS) {
          out.push({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
          continue;
        }
        const crlf = nl > lineStart && chunk[nl - 1] === 0x0d;
        out.push({ text: escapeControls(chunk.toString("utf8", lineStart, crlf ? nl - 1 : nl)), ending: crlf ? "crlf" : "lf" });
        continue;
      }
      const whole = Buffer.concat([...this.chunks, chunk.subarray(lineStart, nl)]);
      this.chunks = [];
      this.buffered = 0;
      if (whole.length > MAX_LINE_OCTETS) {
        out.push({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
        continue;
      }
      const crlf = whole.length > 0 && whole[whole.length - 1] === 0x0d;
      out.push({ text: decodeLine(crlf ? whole.subarray(0, -1) : whole), ending: crlf ? "crlf" : "lf" });
    }
    const rest = chunk.subarray(start);
    if (rest.length && !this.overflowed) {
      this.chunks.push(Buffer.from(rest));
      this.buffered += rest.length;
      if (this.buffered > MAX_LINE_OCTETS) {
        out.push({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
        this.overflowed = true;
        this.chunks = [];
        this.buffered = 0;
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

/**
 * Decodes a reply line for display and matching: UTF-8 (RFC 6531 allows it in replies),
 * invalid sequences become U+FFFD, and control characters other than TAB are shown as \xNN so
 * that a hostile reply cannot forge terminal escapes or workflow commands in our output.
 */
export function decodeLine(bytes: Uint8Array): string {
  return escapeControls(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/;
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;

/** decodeLine's second half, over text already decoded. Most lines have nothing to escape: test first. */
function escapeControls(text: string): string {
  return CONTROL.test(text) ? text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`) : text;
}
