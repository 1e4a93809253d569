/** Markdown: the same facts as tables, to paste into a ticket (and the base of the job summary). */
import type { Finding, Report, StepResult, TargetResult } from "../engine/result.js";
import { commandLabel, notPassedBecause } from "./step-label.js";
import { serverLabel } from "../knowledge/middleboxes.js";
import { targetSummaryLine } from "./summary-line.js";

/** The verdict marks every Markdown face (summary, ticket, PR comment) uses. */
export const ICON = { pass: "✅", warn: "⚠️", fail: "❌" } as const;

/**
 * Escapes peer-controlled text for Markdown (tables included): HTML, pipes, backticks, line
 * breaks, and `@`/`#`/brackets so a server's reply cannot mention a user, link an issue, or
 * make a link or an image.
 */
export function cell(s: string): string {
  return s
    .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|").replace(/`/g, "\\`").replace(/\r?\n/g, " ")
    .replace(/[@#[\]]/g, (c) => (c === "@" ? "&#64;" : c === "#" ? "&#35;" : `\\${c}`));
}

/**
 * A code span for a table cell: its content is literal (no HTML, no mentions), so only a pipe
 * (GFM tables split on it even inside code) and the backtick delimiter need care.
 */
export function codeSpan(s: string): string {
  const body = s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
  const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
  const fence = "`".repeat(longest + 1);
  const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
  return `${fence}${pad}${body}${pad}${fence}`;
}

/**
 * Our own sentences for Markdown: code spans stay code (they hold commands and config knobs to
 * copy), everything between them is escaped like a cell, since it may quote what a server said.
 */
export function prose(s: string): string {
  return s.split(/(`[^`\r\n]+`)/).map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1)) : cell(part))).join("");
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

export function renderMarkdown(report: Report): string {
  const out = [`## smtp-gate: ${ICON[report.verdict]} ${report.verdict}`, ""];
  for (const t of report.targets) out.push(`- ${ICON[t.verdict]} ${cell(targetSummaryLine(t))}`);
  out.push("");
  for (const t of report.targets) out.push(...renderTargetMarkdown(t), "");
  return `${out.join("\n")}\n`;
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
  const where = t.name === `${t.host}:${t.port}` ? "" : ` — \`${t.host}:${t.port}\``;
  const server = t.server ? `, ${cell(serverLabel(t.server))}` : "";
  const out = [`### ${ICON[t.verdict]} ${cell(t.name)}${where} (tls ${t.tlsMode}${server})`, ""];
  if (t.steps.length) out.push(...renderStepTable(t), "");
  if (t.error) out.push(`**Error** (${t.error.kind}): ${cell(t.error.message)}`, "");
  for (const f of t.findings) if (!opts.skip?.(f)) out.push(...renderFindingMarkdown(f));
  if (t.tls) out.push("", `TLS: ${t.tls.protocol ?? "?"}, ${cell(t.tls.cipher ?? "?")}, certificate ${t.tls.authorized ? "verified" : `not verified (${cell(t.tls.authorizationError ?? "?")})`}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`);
  if (t.extensions.length) out.push("", `Extensions: ${t.extensions.map(codeSpan).join(", ")}`);
  return out;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
