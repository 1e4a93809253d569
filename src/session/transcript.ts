/**
 * The timed record of one session, capped: a hostile peer's endless reply must not grow it
 * without bound (Postfix's smtp_chat does the same for the same reason).
 */
import { monotonicMs } from "./clock.js";

export const MAX_TRANSCRIPT_ENTRIES = 2000;
export const MAX_TRANSCRIPT_CHARS = 256 * 1024;

import type { Direction } from "../model/enums.js";
import type { TranscriptEntry } from "../model/report.js";

export type { Direction } from "../model/enums.js";
export type { TranscriptEntry } from "../model/report.js";

/**
 * The note the session writes for a reply no command was waiting for, and its reader: diagnosis
 * reads the codes back (a balancer's PROXY header answered before the first command).
 */
export const unsolicitedNote = (code: number): string => `unsolicited reply ${code} discarded: no command was waiting for it`;

/** The code of an unsolicited-reply note, or null for any other entry. */
export function unsolicitedCode(e: TranscriptEntry): number | null {
  const m = e.dir === "*" ? /^unsolicited reply (\d{3}) discarded:/.exec(e.text) : null;
  return m ? Number(m[1]) : null;
}

export class Transcript {
  readonly entries: TranscriptEntry[] = [];
  capped = false;
  private chars = 0;
  /** When the session started, on monotonicMs()'s clock. */
  readonly start = monotonicMs();

  constructor(private readonly redact: (s: string) => string) {}

  elapsed(): number {
    return Math.round(monotonicMs() - this.start);
  }

  /** `t`: when the caller already read the clock for this entry (lines of one chunk share it). */
  add(dir: Direction, text: string, t: number = this.elapsed()): void {
    if (!this.capped) this.addRedacted(dir, this.redact(text), t);
  }

  /**
   * An entry whose text was redacted already: a reply line, which the session redacts as it
   * arrives because the reply keeps it too. Redacting costs a scan of the line per secret form;
   * once is enough.
   */
  addRedacted(dir: Direction, safe: string, t: number = this.elapsed()): void {
    if (this.capped) return;
    // The last slot is kept for the note that says the transcript was capped.
    if (this.entries.length >= MAX_TRANSCRIPT_ENTRIES - 1 || this.chars + safe.length > MAX_TRANSCRIPT_CHARS) {
      this.capped = true;
      this.entries.push({ t: this.elapsed(), dir: "*", text: `transcript capped at ${this.entries.length} entries; later lines are not recorded` });
      return;
    }
    this.chars += safe.length;
    this.entries.push({ t, dir, text: safe });
  }

  /** Another session's entries after these, each at its own time on this transcript's clock (that session started later). */
  append(other: Transcript): void {
    const offset = other.start - this.start;
    // Both clocks are rounded to the millisecond, so a time moved from one to the other can be
    // off by one: kept between this transcript's last entry and now, the entries stay in order.
    const first = this.entries.at(-1)?.t ?? 0;
    const now = this.elapsed();
    // Through add(): redacted again, with any secret form registered since those lines came.
    for (const e of other.entries) this.add(e.dir, e.text, Math.min(Math.max(Math.round(e.t + offset), first), now));
  }
}
