/** Markdown: the same facts as tables, to paste into a ticket (and the base of the job summary). */
import type { Finding, Report, StepResult, TargetResult } from "../model/report.js";
import { commandLabel, notPassedBecause } from "./step-label.js";
import { serverLabel } from "../knowledge/middleboxes.js";
import { guardCommandLines, neutralised, plainText } from "./neutralise.js";
import { targetSummaryLine } from "./summary-line.js";

/** The verdict marks every Markdown face (summary, ticket, PR comment) uses. */
export const ICON = { pass: "✅", warn: "⚠️", fail: "❌" } as const;

/** U+2060 WORD JOINER: invisible, and it keeps `@name`, `#12`, `GH-12` and `http://` from being recognised. */
const JOIN = "\u2060";

/**
 * What GitHub turns into a ping, a link or a reference in rendered text (its filters run on the
 * HTML's text, after entities are decoded, so an entity alone does not stop them): @mentions,
 * `#12`, `GH-12`, `owner/repo#12`, and bare URLs (GFM autolinks: `http://`, `https://`, `www.`).
 */
function unlinked(s: string): string {
  return s
    .replace(/@/g, `${JOIN}@${JOIN}`) // on both sides: neither a mention nor an e-mail autolink
    .replace(/#/g, `#${JOIN}`)
    .replace(/(GH)-(?=\d)/gi, `$1-${JOIN}`)
    .replace(/:\/\//g, `${JOIN}://`)
    .replace(/(www)\./gi, `$1${JOIN}.`);
}

/** Text for HTML (inside `<summary>`, where Markdown is not parsed): one line, no markup, nothing linked. */
export function htmlText(s: string): string {
  return unlinked(plainText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;"));
}

/**
 * Escapes peer-controlled text for Markdown (tables included): one line (plainText), HTML as
 * entities, every character that starts inline Markdown (emphasis, code, links, images, strike-
 * through, math, table pipes) backslash-escaped (CommonMark §2.4), and nothing linked or pinged.
 */
export function cell(s: string): string {
  return edges(inline(s));
}

function inline(s: string): string {
  return unlinked(plainText(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/[\\`*_~[\]|$!]/g, "\\$&"));
}

/**
 * The ends of a value, where it may meet a line's start or end. White space becomes character
 * references: at the start of a list item four spaces would begin a code block, at the end of a
 * line two make a hard line break, and around `**` they keep it from opening or closing
 * (CommonMark §4.4, §6.7, §6.2). A leading block marker (`-`, `+`, `#`, `>`, `=`, `1.`, `1)`)
 * is backslash-escaped, so a value at the start of a list item cannot begin a list, heading or quote.
 */
function edges(s: string): string {
  const spaced = s.replace(/^\s+|\s+$/gu, (ws) => [...ws].map((c) => `&#${c.codePointAt(0)};`).join(""));
  return /^[-+#>=]/.test(spaced) ? `\\${spaced}` : spaced.replace(/^(\d{1,9})([.)])/, "$1\\$2");
}

/** Peer text in bold (cell() keeps white space at its ends from undoing the `**`). */
export function strong(s: string): string {
  return `**${cell(s)}**`;
}

/**
 * A code span for a table cell: its content is literal (no HTML, no mentions), so only a pipe
 * (GFM tables split on it even inside code) and the backtick delimiter need care: the fence is
 * longer than any run of backticks inside (CommonMark §6.1).
 */
export function codeSpan(s: string): string {
  const body = plainText(s).replace(/\|/g, "\\|");
  // An empty span would be a bare run of backticks, pairing with the next span's fence.
  if (body === "") return "` `";
  let longest = 0;
  for (const m of body.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") || (body.startsWith(" ") && body.endsWith(" ")) ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Our own sentences for Markdown: code spans stay code (they hold commands and config knobs to
 * copy), everything between them is escaped like a cell, since it may quote what a server said.
 */
export function prose(s: string): string {
  return edges(s.split(/(`[^`\r\n]+`)/).map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1)) : inline(part))).join(""));
}

/** A finding as a reader acts on it: what happened, the top fix, the likely causes, the ruled-out ones collapsed. */
export function renderFindingMarkdown(f: Finding, opts: { maxCauses?: number; stepLabel?: boolean } = {}): string[] {
  const out = [`- **${f.severity}** ${codeSpan(f.id)}${opts.stepLabel !== false && f.step !== null ? ` (step ${f.step})` : ""}: ${prose(f.message)}`];
  const [top, ...more] = f.fixes;
  if (top) out.push(`  - **What to do:** ${prose(top)}`);
  const causes = opts.maxCauses !== undefined ? f.causes.slice(0, opts.maxCauses) : f.causes;
  if (causes.length === 1) out.push(`  - Likely cause: ${prose(causes[0] as string)}`);
  else if (causes.length) out.push("  - Likely causes:", ...causes.map((c) => `    - ${prose(c)}`));
  if (more.length) out.push("  - Also:", ...more.map((x) => `    - ${prose(x)}`));
  const ruledOut = f.ruledOut ?? [];
  if (ruledOut.length) {
    out.push(`  - <details><summary>Ruled out by this conversation (${ruledOut.length})</summary>`, "", ...ruledOut.map((r) => `    - ${prose(r.cause)} — ${prose(r.evidence)}`), "", "    </details>");
  }
  return out;
}

/** The reply as one cell: code and first line (which carries the enhanced code), and how many more. */
function replyText(r: NonNullable<StepResult["reply"]>): string {
  const more = r.lines.length > 1 ? ` (+${r.lines.length - 1} lines)` : "";
  return `${r.code} ${r.lines[0] ?? ""}`.trim() + more;
}

export function renderMarkdown(untrusted: Report): string {
  const report = neutralised(untrusted);
  const out = [`## smtp-gate: ${ICON[report.verdict]} ${report.verdict}`, ""];
  for (const t of report.targets) out.push(`- ${ICON[t.verdict]} ${cell(targetSummaryLine(t))}`);
  out.push("");
  // Loops, not push(...lines): a report from a file may have 200,000 steps, as many arguments.
  for (const t of report.targets) {
    for (const line of renderTargetMarkdown(t)) out.push(line);
    out.push("");
  }
  return guardCommandLines(`${out.join("\n")}\n`);
}

export function renderStepTable(t: TargetResult): string[] {
  const rows = [
    "| # | command | reply | verdict | ms |",
    "|---|---|---|---|---|",
  ];
  t.steps.forEach((s, i) => {
    const reply = s.reply ? cell(truncate(replyText(s.reply), 120)) : "—";
    const follows = s.consequenceOf !== undefined ? `, follows from step ${s.consequenceOf}` : "";
    const verdict = `${ICON[s.verdict]} ${s.verdict}${s.verdict === "pass" ? "" : ` (${cell(notPassedBecause(s, i, t.error))}${follows})`}`;
    const tags = [s.extra, s.pipelined ? "pipelined" : undefined].filter(Boolean).join(", ");
    const label = commandLabel(s);
    rows.push(`| ${i} | ${label === null ? "*(greeting)*" : codeSpan(label)}${tags ? ` *${tags}*` : ""} | ${reply} | ${verdict} | ${s.ms} |`);
  });
  return rows;
}

/** `skip`: findings said elsewhere (the job summary says a notice several targets share once). */
export function renderTargetMarkdown(t: TargetResult, opts: { skip?: (f: Finding) => boolean } = {}): string[] {
  const where = t.name === `${t.host}:${t.port}` ? "" : ` — ${codeSpan(`${t.host}:${t.port}`)}`;
  const server = t.server ? `, ${cell(serverLabel(t.server))}` : "";
  const out = [`### ${ICON[t.verdict]} ${cell(t.name)}${where} (tls ${t.tlsMode}${server})`, ""];
  if (t.steps.length) {
    for (const row of renderStepTable(t)) out.push(row);
    out.push("");
  }
  if (t.error) out.push(`**Error** (${t.error.kind}): ${cell(t.error.message)}`, "");
  for (const f of t.findings) if (!opts.skip?.(f)) for (const line of renderFindingMarkdown(f)) out.push(line);
  if (t.tls) out.push("", `TLS: ${cell(t.tls.protocol ?? "?")}, ${cell(t.tls.cipher ?? "?")}, certificate ${t.tls.authorized ? "verified" : `not verified (${cell(t.tls.authorizationError ?? "?")})`}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`);
  if (t.extensions.length) out.push("", `Extensions: ${t.extensions.map(codeSpan).join(", ")}`);
  return out;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
