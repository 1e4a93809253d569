/**
 * The job summary: verdict first, then per target the step table, findings with causes and
 * fixes, TLS facts, extensions and the redacted transcript in a collapsed block. GitHub
 * refuses a step summary over 1 MiB, so transcripts are dropped first when space runs out.
 */
import type { Report, TargetResult } from "../engine/result.js";
import { ICON, cell, renderTargetMarkdown } from "./markdown.js";
import { renderMtaStsSummary } from "./mta-sts-summary.js";
import { renderDaneSummary } from "./dane-summary.js";
import { targetSummaryLine } from "./summary-line.js";

export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

export function renderJobSummary(report: Report, limit = SUMMARY_LIMIT_BYTES): string {
  const head = [
    `## smtp-gate: ${ICON[report.verdict]} ${report.verdict.toUpperCase()}`,
    "",
    ...overview(report.targets),
    "",
    ...renderMtaStsSummary(report),
    ...renderDaneSummary(report),
  ].join("\n");
  const bodies = report.targets.map((t) => renderTargetMarkdown(t).join("\n"));
  const transcripts = report.targets.map(renderTranscript);
  let out = head;
  let used = Buffer.byteLength(head);
  let omitted = 0;
  report.targets.forEach((_, i) => {
    const body = `${bodies[i]}\n\n`;
    const tr = `${transcripts[i]}\n\n`;
    const b = Buffer.byteLength(body);
    const t = Buffer.byteLength(tr);
    if (used + b + t <= limit) {
      out += body + tr;
      used += b + t;
    } else if (used + b <= limit) {
      out += `${body}_Transcript omitted: the job summary is limited to 1 MiB; the JSON report has it._\n\n`;
      used += b + 100;
    } else omitted++;
  });
  if (omitted) out += `_${omitted} target(s) omitted from the summary (1 MiB limit); the JSON report has every target._\n`;
  return out;
}

/**
 * One line per target; the addresses of one MX host are grouped under it, with the verdict of
 * each family, since "IPv6 fails, IPv4 passes" is what people need to see first.
 */
function overview(targets: readonly TargetResult[]): string[] {
  const groupOf = (t: TargetResult) => (t.mxHost !== undefined ? `${t.mxHost}:${t.port}` : undefined);
  const members = new Map<string, TargetResult[]>();
  for (const t of targets) {
    const g = groupOf(t);
    if (g) members.set(g, [...(members.get(g) ?? []), t]);
  }
  const lines: string[] = [];
  let current: string | undefined;
  for (const t of targets) {
    const g = groupOf(t);
    if (g && g !== current) {
      const family = (m: TargetResult) => ((m.address ?? "").includes(":") ? "IPv6" : "IPv4");
      lines.push(`- **${cell(t.mxHost as string)}**: ${(members.get(g) ?? []).map((m) => `${family(m)} ${ICON[m.verdict]}`).join(", ")}`);
    }
    current = g;
    lines.push(`${g ? "  " : ""}- ${ICON[t.verdict]} ${cell(targetSummaryLine(t))}`);
  }
  return lines;
}

function renderTranscript(t: TargetResult): string {
  const lines = t.transcript.map((e) => `${String(e.t).padStart(6)}ms ${e.dir} ${e.text}`);
  // A fence longer than any run of backticks inside keeps server text from closing it.
  const longest = Math.max(2, ...t.transcript.map((e) => Math.max(0, ...(e.text.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = "`".repeat(longest + 1);
  return [`<details><summary>Transcript of ${cell(t.name)} (redacted${t.transcriptCapped ? ", capped" : ""})</summary>`, "", `${fence}text`, ...lines, fence, "", "</details>"].join("\n");
}
