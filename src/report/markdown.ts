/** Markdown: the same facts as tables, to paste into a ticket (and the base of the job summary). */
import type { Report, TargetResult } from "../engine/result.js";
import { targetSummaryLine } from "./summary-line.js";

const ICON = { pass: "✅", warn: "⚠️", fail: "❌" } as const;

/** Escapes text for a table cell: pipes, backticks, HTML and line breaks. */
export function cell(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/`/g, "\\`").replace(/\r?\n/g, " ");
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
    "| # | command | reply | class | verdict | ms |",
    "|---|---|---|---|---|---|",
  ];
  t.steps.forEach((s, i) => {
    const reply = s.reply ? `${s.reply.code}${s.reply.enhanced ? ` ${s.reply.enhanced}` : ""} ${s.reply.lines[s.reply.lines.length - 1] ?? ""}`.trim() : "—";
    const verdict = `${ICON[s.verdict]} ${s.verdict}${s.verdict === "pass" ? "" : ` (expected ${s.expected})`}`;
    rows.push(`| ${i} | ${s.command === null ? "*(greeting)*" : `\`${cell(s.command).replace(/\\`/g, "'")}\``} | ${cell(truncate(reply, 120))} | ${s.class ?? "—"} | ${verdict} | ${s.ms} |`);
  });
  return rows;
}

export function renderTargetMarkdown(t: TargetResult): string[] {
  const where = t.name === `${t.host}:${t.port}` ? "" : ` — \`${t.host}:${t.port}\``;
  const out = [`### ${ICON[t.verdict]} ${cell(t.name)}${where} (tls ${t.tlsMode})`, ""];
  if (t.steps.length) out.push(...renderStepTable(t), "");
  if (t.error) out.push(`**Error** (${t.error.kind}): ${cell(t.error.message)}`, "");
  for (const f of t.findings) {
    out.push(`- **${f.severity}** \`${f.id}\`${f.step !== null ? ` (step ${f.step})` : ""}: ${cell(f.message)}`);
    if (f.causes.length) out.push(`  - Likely causes: ${f.causes.map(cell).join(" · ")}`);
    if (f.fixes.length) out.push(`  - What to do: ${f.fixes.map(cell).join(" · ")}`);
  }
  if (t.tls) out.push("", `TLS: ${t.tls.protocol ?? "?"}, ${cell(t.tls.cipher ?? "?")}, certificate ${t.tls.authorized ? "verified" : `not verified (${cell(t.tls.authorizationError ?? "?")})`}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`);
  if (t.extensions.length) out.push("", `Extensions: ${t.extensions.map((e) => `\`${cell(e)}\``).join(", ")}`);
  return out;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
