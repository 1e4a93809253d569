/**
 * The job summary: verdict first, then per target the step table, findings with causes and
 * fixes, TLS facts, extensions and the redacted transcript in a collapsed block. GitHub
 * refuses a step summary over 1 MiB, so transcripts are dropped first when space runs out.
 */
import type { Report, TargetResult } from "../engine/result.js";
import { ICON, cell, htmlText, renderTargetMarkdown, strong } from "./markdown.js";
import { renderMtaStsSummary } from "./mta-sts-summary.js";
import { renderDaneSummary } from "./dane-summary.js";
import { guardCommandLines, neutralised } from "./neutralise.js";
import { targetSummaryLine } from "./summary-line.js";

export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
/** The overview, and the MTA-STS section, may each take this share of the budget, so a large fleet still shows target details. */
const OVERVIEW_SHARE = 0.25;

export function renderJobSummary(untrusted: Report, limit = SUMMARY_LIMIT_BYTES): string {
  const report = neutralised(untrusted);
  const head = [
    `## smtp-gate: ${ICON[report.verdict]} ${report.verdict.toUpperCase()}`,
    "",
    ...withinBudget(overview(report.targets), Math.floor(limit * OVERVIEW_SHARE), (n) => `- …and ${n} more line${n === 1 ? "" : "s"}: the JSON report has every target.`),
    "",
    ...withinBudget(renderMtaStsSummary(report), Math.floor(limit * OVERVIEW_SHARE), (n) => `- …and ${n} more line${n === 1 ? "" : "s"}: the JSON report has every domain.`),
    ...withinBudget(renderDaneSummary(report), Math.floor(limit * OVERVIEW_SHARE), (n) => `- …and ${n} more line${n === 1 ? "" : "s"}: the JSON report has every address.`),
  ].join("\n");
  let out = head;
  let used = Buffer.byteLength(head);
  let omitted = 0;
  // One target at a time: a fleet's bodies and transcripts are never all in memory at once.
  for (const t of report.targets) {
    // Once the budget is spent the rest are only counted, not rendered.
    if (used >= limit - OMITTED_NOTE_BYTES) {
      omitted++;
      continue;
    }
    const body = `${renderTargetMarkdown(t).join("\n")}\n\n`;
    const b = Buffer.byteLength(body);
    if (used + b > limit) {
      omitted++;
      continue;
    }
    const tr = `${renderTranscript(t)}\n\n`;
    const t2 = Buffer.byteLength(tr);
    if (used + b + t2 <= limit) {
      out += body + tr;
      used += b + t2;
    } else if (used + b + TRANSCRIPT_OMITTED.length + 2 <= limit) {
      out += `${body}${TRANSCRIPT_OMITTED}\n\n`;
      used += b + TRANSCRIPT_OMITTED.length + 2;
    } else omitted++;
  }
  if (omitted) out += `_${omitted} target(s) omitted from the summary (1 MiB limit); the JSON report has every target._\n`;
  return guardCommandLines(out);
}

/** Room kept for the closing note that says how many targets were left out. */
const OMITTED_NOTE_BYTES = 200;
const TRANSCRIPT_OMITTED = "_Transcript omitted: the job summary is limited to 1 MiB; the JSON report has it._";

/** The lines that fit in `budget` bytes, and a last line (made by `more`) saying how many did not. */
function withinBudget(lines: string[], budget: number, more: (n: number) => string): string[] {
  let used = 0;
  for (let i = 0; i < lines.length; i++) {
    used += Buffer.byteLength(lines[i] as string) + 1;
    if (used > budget - 200) return [...lines.slice(0, i), more(lines.length - i)];
  }
  return lines;
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
    if (!g) continue;
    const list = members.get(g);
    if (list) list.push(t);
    else members.set(g, [t]);
  }
  const lines: string[] = [];
  let current: string | undefined;
  for (const t of targets) {
    const g = groupOf(t);
    if (g && g !== current) {
      const family = (m: TargetResult) => ((m.address ?? "").includes(":") ? "IPv6" : "IPv4");
      lines.push(`- ${strong(t.mxHost as string)}: ${(members.get(g) ?? []).map((m) => `${family(m)} ${ICON[m.verdict]}`).join(", ")}`);
    }
    current = g;
    lines.push(`${g ? "  " : ""}- ${ICON[t.verdict]} ${cell(targetSummaryLine(t))}`);
  }
  return lines;
}

function renderTranscript(t: TargetResult): string {
  const lines = t.transcript.map((e) => `${String(e.t).padStart(6)}ms ${e.dir} ${e.text}`);
  // A fence longer than any run of backticks inside keeps server text from closing it.
  let longest = 2;
  for (const e of t.transcript) for (const m of e.text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(longest + 1);
  return [`<details><summary>Transcript of ${htmlText(t.name)} (redacted${t.transcriptCapped ? ", capped" : ""})</summary>`, "", `${fence}text`, ...lines, fence, "", "</details>"].join("\n");
}
