/**
 * One neutralisation for every string that a server or a report file controls, applied by every
 * renderer (text, Markdown, HTML, logs) before the template sees it. Reports read from a file
 * (`merge`, `comment-from-report`, `baseline`) are untrusted input: a pull request writes them.
 *
 * - Nothing may end a line: CR, LF, CR CR, VT, FF, NEL (U+0085), LINE and PARAGRAPH SEPARATOR
 *   (U+2028/9) all end a line somewhere (CommonMark, consoles, the Actions runner's log).
 * - No other control character (ESC restyles a terminal) and no bidi or invisible format
 *   character (Trojan Source, CVE-2021-42574) survives.
 * Each becomes a visible escape (`\r`, `\n`, `\u202E`), so the text still says what was there.
 *
 * Workflow commands: the Actions runner runs a log line that starts with `::` after leading white
 * space (actions/runner ActionCommand.TryParseV2). Server text cannot start a line once its
 * line breaks are gone, and guardCommandLines() makes sure of it for every rendered output.
 */
import type { Report } from "../model/report.js";
import { reportFields } from "../model/report-fields.js";

/** DEL, C1 controls (NEL among them), line/paragraph separators, bidi and invisible format characters. */
const BEYOND_C0 = "\\x7f-\\x9f\\u00ad\\u061c\\u115f\\u1160\\u180e\\u200b-\\u200f\\u2028-\\u202e\\u2060-\\u206f\\u3164\\ufe00-\\ufe0f\\ufeff\\ufff9-\\ufffb";
// eslint-disable-next-line no-misleading-character-class -- variation selectors are listed one by one on purpose
const UNSAFE = new RegExp(`[\\x00-\\x1f${BEYOND_C0}]`, "g");
/** What JSON.stringify leaves raw: it escapes C0 controls itself, and its own line breaks are structure. */
// eslint-disable-next-line no-misleading-character-class -- as above
const UNSAFE_IN_JSON = new RegExp(`[${BEYOND_C0}]`, "g");
const NAMED: Record<string, string> = { "\r": "\\r", "\n": "\\n", "\t": "\\t" };

/** `s` as one line of plain text: every line break, control and format character made visible. */
export function plainText(s: string): string {
  UNSAFE.lastIndex = 0;
  if (!UNSAFE.test(s)) return s;
  return s.replace(UNSAFE, (c) => NAMED[c] ?? `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`);
}

/** JSON text with every unsafe character (all inside strings: JSON's own syntax is ASCII) as a `\uXXXX` escape. */
export function escapeUnsafeJson(json: string): string {
  return json.replace(UNSAFE_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * Breaks any line of rendered output that would start (after white space) with `::`: the first
 * colon becomes U+FF1A FULLWIDTH COLON. Our templates never start a line so; only data could.
 */
export function guardCommandLines(text: string): string {
  return text.replace(/^(\s*):(?=:)/gmu, "$1\uFF1A");
}

const done = new WeakSet<Report>();

/**
 * The report with every string through plainText(), copied by the model's field table so that no
 * field is forgotten. Renderers call it first; a report already neutralised is returned as is.
 */
export function neutralised(report: Report): Report {
  if (done.has(report)) return report;
  const copy = reportFields.mapText(report, plainText);
  done.add(copy);
  return copy;
}
