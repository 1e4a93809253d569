/**
 * SMTP reply parsing (RFC 5321 §4.2), pure: lines in, one complete reply out.
 *
 *   250-smtp.example.com          continued line: code, "-", text
 *   250-PIPELINING
 *   250 SIZE 10240000             last line: code, SP, text — or the bare code alone
 */
import type { Line } from "./lines.js";
import type { ReplyEnding } from "../model/enums.js";
import { isWhiteSpace } from "./command.js";

/** A reply of more lines than this is a hostile or broken peer, not an EHLO list. */
export const MAX_REPLY_LINES = 256;

export type { ReplyEnding } from "../model/enums.js";

export interface Reply {
  code: number;
  /** RFC 3463 `class.subject.detail` as received, or null. */
  enhanced: string | null;
  /** Each line's text after the code and separator. */
  lines: string[];
  /** Which line ending the server used: bare LF is itself a finding. */
  ending: ReplyEnding;
}

export interface CodeLine {
  code: number;
  continued: boolean;
  text: string;
}

export type ReplyProblem =
  | { kind: "malformed"; line: string }
  | { kind: "too-many-lines"; lines: number }
  | { kind: "too-long"; octets: number };

/**
 * Parses one reply line. The code is three digits whose first is 2–5 (RFC 5321 §4.2: there
 * are no 1yz replies in SMTP); the fourth character is "-", SP, or absent.
 */
export function parseCodeLine(text: string): CodeLine | null {
  // By hand rather than by a regular expression: every line a fleet reads comes through here.
  const a = text.charCodeAt(0) - 48;
  const b = text.charCodeAt(1) - 48;
  const c = text.charCodeAt(2) - 48;
  if (!(a >= 2 && a <= 5 && b >= 0 && b <= 9 && c >= 0 && c <= 9)) return null;
  const code = a * 100 + b * 10 + c;
  if (text.length === 3) return { code, continued: false, text: "" };
  const sep = text[3];
  if (sep !== "-" && sep !== " ") return null;
  return { code, continued: sep === "-", text: text.slice(4) };
}

/**
 * The RFC 3463 code at the start of a reply text, whether or not ENHANCEDSTATUSCODES was
 * advertised: `class.subject.detail`, 1–3 digits each, then whitespace or the end; leading zeros
 * dropped (`5.01.1` → `5.1.1`). By hand, as parseCodeLine: every reply a fleet reads comes here.
 */
export function parseEnhancedCode(text: string): string | null {
  const cls = text.charCodeAt(0);
  if ((cls !== 0x32 && cls !== 0x34 && cls !== 0x35) || text.charCodeAt(1) !== 0x2e) return null;
  const subject = digitsAt(text, 2);
  if (!subject || text.charCodeAt(subject.end) !== 0x2e) return null;
  const detail = digitsAt(text, subject.end + 1);
  if (!detail || (detail.end < text.length && !isWhiteSpace(text.charCodeAt(detail.end)))) return null;
  return `${text[0]}.${subject.value}.${detail.value}`;
}

/**
 * Where a product's own words start in a reply line: after the reply code (when a caller left it on) and after the
 * enhanced code, which leads the text of every line of a reply that carries one (RFC 3463 §2, RFC 2034 §4).
 * Diagnosis (knowledge/cause-signs.ts) and recognition (knowledge/servers.ts) read these words, so a pattern
 * anchored at the start of a product's text ("^Please try again later") matches with or without an enhanced code.
 * qmail's "(#5.1.1)" at the end and Cisco's "#4.4.3" are the product's own text and stay.
 */
const LEADING_CODES = /^\s*(?:[2-5]\d\d(?:[ -]|$))?(?:[245]\.\d{1,3}\.\d{1,3}(?=\s|$))?\s*/;

/** One reply line's words: the line without its leading reply code and enhanced code. */
export function lineWords(line: string): string {
  return line.replace(LEADING_CODES, "");
}

/** A reply's words, what signs read: each line's words (`lineWords`), joined by a space. */
export function replyWords(lines: readonly string[]): string {
  return lines.map(lineWords).join(" ");
}

/** One to three decimal digits at `at`: their value and where they end; null when there is none, or a fourth. */
function digitsAt(text: string, at: number): { value: number; end: number } | null {
  let value = 0;
  let end = at;
  for (; end < text.length && end - at < 4; end++) {
    const d = text.charCodeAt(end) - 0x30;
    if (d < 0 || d > 9) break;
    value = value * 10 + d;
  }
  return end === at || end - at > 3 ? null : { value, end };
}

/**
 * Collects lines into a reply. Like Go's textproto, a line inside a multi-line reply whose
 * code differs or that does not parse is kept as text: the reply ends only on a proper last line.
 */
export class ReplyAssembler {
  private code: number | null = null;
  private lines: string[] = [];
  // Which endings this reply's lines used.
  private crlf = false;
  private lf = false;

  /** Feeds one line; returns the reply when it is complete, a problem when it cannot be one. */
  push(line: Line): Reply | ReplyProblem | null {
    const parsed = parseCodeLine(line.text);
    if (line.ending === "crlf") this.crlf = true;
    else this.lf = true;
    if (this.code === null) {
      if (!parsed) return this.fail({ kind: "malformed", line: line.text });
      this.code = parsed.code;
    }
    if (parsed && parsed.code === this.code) {
      this.lines.push(parsed.text);
      if (!parsed.continued) return this.finish();
    } else {
      this.lines.push(line.text);
    }
    if (this.lines.length >= MAX_REPLY_LINES) return this.fail({ kind: "too-many-lines", lines: this.lines.length });
    return null;
  }

  /** True while part of a reply has arrived. */
  get started(): boolean {
    return this.code !== null;
  }

  private finish(): Reply {
    const reply: Reply = {
      code: this.code as number,
      enhanced: firstEnhanced(this.lines),
      lines: this.lines,
      ending: this.crlf && this.lf ? "mixed" : this.crlf ? "crlf" : "lf",
    };
    this.reset();
    return reply;
  }

  private fail(problem: ReplyProblem): ReplyProblem {
    this.reset();
    return problem;
  }

  private reset(): void {
    this.code = null;
    this.lines = [];
    this.crlf = false;
    this.lf = false;
  }
}

function firstEnhanced(lines: string[]): string | null {
  for (const l of lines) {
    const e = parseEnhancedCode(l);
    if (e) return e;
  }
  return null;
}

/** `550 5.1.1`, or `550` without an enhanced code: how reports name a reply. */
export function replyCodeText(r: Pick<Reply, "code" | "enhanced">): string {
  return r.enhanced ? `${r.code} ${r.enhanced}` : String(r.code);
}

/** Parses a whole reply from text, e.g. a recorded transcript. Returns null unless it is exactly one reply. */
export function parseReply(text: string): Reply | null {
  const raw = text.split("\n");
  if (raw[raw.length - 1] === "") raw.pop();
  const asm = new ReplyAssembler();
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i] as string;
    const crlf = t.endsWith("\r");
    const r = asm.push({ text: crlf ? t.slice(0, -1) : t, ending: crlf ? "crlf" : "lf" });
    if (r && "code" in r) return i === raw.length - 1 ? r : null;
    if (r) return null;
  }
  return null;
}
