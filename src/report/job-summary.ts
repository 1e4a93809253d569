/**
 * The job summary: verdict first, then per target the step table, findings with causes and
 * fixes, TLS facts, extensions and the redacted transcript in a collapsed block. GitHub
 * refuses a step summary over 1 MiB, so transcripts are dropped first when space runs out.
 */
import type { Finding, Report, TargetResult } from "../engine/result.js";
import { ICON, cell, renderFindingMarkdown, renderTargetMarkdown } from "./markdown.js";
import { renderMtaStsSummary } from "./mta-sts-summary.js";
import { targetSummaryLine } from "./summary-line.js";

export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;

export function renderJobSummary(report: Report, limit = SUMMARY_LIMIT_BYTES): string {
  const units = worstUnitsFirst(report.targets);
  const shared = sharedNotices(report.targets);
  const head = [
    `## smtp-gate: ${ICON[report.verdict]} ${report.verdict.toUpperCase()}`,
    "",
    ...overview(units),
    "",
    ...renderMtaStsSummary(report),
    ...shared.flatMap((n) => [...renderSharedNotice(n), ""]),
  ].join("\n") + "\n";
  // Failing targets first, then warnings; in a fleet, the passing ones collapsed at the end.
  const ordered = units.flat();
  const passing = report.targets.length > 1 ? ordered.filter((t) => t.verdict === "pass") : [];
  const skip = (f: Finding) => shared.some((n) => n.findings.includes(f));
  let out = head;
  let used = Buffer.byteLength(head);
  let omitted = 0;
  let opened = false;
  for (const t of ordered) {
    if (t.verdict === "pass" && !opened && passing.length) {
      const open = `<details><summary>${ICON.pass} ${passing.length} passing target${passing.length === 1 ? "" : "s"}</summary>\n\n`;
      out += open;
      used += Buffer.byteLength(open);
      opened = true;
    }
    const body = `${renderTargetMarkdown(t, { skip }).join("\n")}\n\n`;
    const tr = `${renderTranscript(t)}\n\n`;
    const b = Buffer.byteLength(body);
    const n = Buffer.byteLength(tr);
    if (used + b + n <= limit) {
      out += body + tr;
      used += b + n;
    } else if (used + b <= limit) {
      out += `${body}_Transcript omitted: the job summary is limited to 1 MiB; the JSON report has it._\n\n`;
      used += b + 100;
    } else omitted++;
  }
  if (opened) out += "</details>\n\n";
  if (omitted) out += `_${omitted} target(s) omitted from the summary (1 MiB limit); the JSON report has every target._\n`;
  return out;
}

/**
 * Targets in units a reader takes in at once — the addresses of one MX host stay together —
 * worst unit first (fail, warn, pass); the configured order within each verdict.
 */
function worstUnitsFirst(targets: readonly TargetResult[]): TargetResult[][] {
  const units: TargetResult[][] = [];
  const byGroup = new Map<string, TargetResult[]>();
  for (const t of targets) {
    const g = t.mxHost !== undefined ? `${t.mxHost}:${t.port}` : undefined;
    const unit = g ? byGroup.get(g) : undefined;
    if (unit) unit.push(t);
    else {
      const fresh = [t];
      if (g) byGroup.set(g, fresh);
      units.push(fresh);
    }
  }
  const rank = (u: TargetResult[]) => Math.min(...u.map((t) => ({ fail: 0, warn: 1, pass: 2 })[t.verdict]));
  return units.map((u, i) => ({ u, i, r: rank(u) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.u);
}

/**
 * One line per target, failing and warning ones first; the addresses of one MX host are grouped
 * under it, with the verdict of each family, since "IPv6 fails, IPv4 passes" is what people need
 * to see first. Units where everything passed are collapsed.
 */
function overview(units: readonly TargetResult[][]): string[] {
  const family = (m: TargetResult) => ((m.address ?? "").includes(":") ? "IPv6" : "IPv4");
  const unitLines = (u: readonly TargetResult[]): string[] => {
    const first = u[0] as TargetResult;
    if (first.mxHost === undefined) return [`- ${ICON[first.verdict]} ${cell(targetSummaryLine(first))}`];
    return [`- **${cell(first.mxHost)}**: ${u.map((m) => `${family(m)} ${ICON[m.verdict]}`).join(", ")}`, ...u.map((t) => `  - ${ICON[t.verdict]} ${cell(targetSummaryLine(t))}`)];
  };
  const bad = units.filter((u) => u.some((t) => t.verdict !== "pass"));
  const good = units.filter((u) => u.every((t) => t.verdict === "pass"));
  const lines = bad.flatMap(unitLines);
  if (!good.length) return lines;
  const n = good.reduce((k, u) => k + u.length, 0);
  if (!bad.length && n === 1) return good.flatMap(unitLines);
  return [...lines, ...(lines.length ? [""] : []), `<details><summary>${ICON.pass} ${n} target${n === 1 ? "" : "s"} pass</summary>`, "", ...good.flatMap(unitLines), "", "</details>"];
}

/** A notice several targets share (the same problem under the same choice, e.g. `insecure`): said once for the run. */
interface SharedNotice {
  id: string;
  summary: string;
  targets: TargetResult[];
  findings: Finding[];
}

function sharedNotices(targets: readonly TargetResult[]): SharedNotice[] {
  const byKey = new Map<string, SharedNotice>();
  for (const t of targets) {
    for (const f of t.findings) {
      if (f.severity !== "notice" || !f.summary) continue;
      const key = `${f.id}\u0000${f.summary}`;
      const n = byKey.get(key) ?? { id: f.id, summary: f.summary, targets: [], findings: [] };
      n.targets.push(t);
      n.findings.push(f);
      byKey.set(key, n);
    }
  }
  return [...byKey.values()].filter((n) => n.targets.length > 1);
}

function renderSharedNotice(n: SharedNotice): string[] {
  const f = n.findings[0] as Finding;
  const shown = n.targets.slice(0, 5).map((t) => t.name);
  const names = n.targets.length > shown.length ? `${shown.join(", ")} and ${n.targets.length - shown.length} more` : shown.join(", ");
  const off = n.targets.every((t) => t.insecure) ? " Certificate verification is off for them (insecure), so their sessions went on." : "";
  // The message is ours except for the names, and renderFindingMarkdown escapes it as prose.
  return renderFindingMarkdown({ ...f, step: null, message: `${cap(n.summary)} on ${n.targets.length} targets (${names}).${off}` });
}

const cap = (s: string) => s.replace(/^./, (c) => c.toUpperCase());

function renderTranscript(t: TargetResult): string {
  const lines = t.transcript.map((e) => `${String(e.t).padStart(6)}ms ${e.dir} ${e.text}`);
  // A fence longer than any run of backticks inside keeps server text from closing it.
  const longest = Math.max(2, ...t.transcript.map((e) => Math.max(0, ...(e.text.match(/`+/g) ?? []).map((m) => m.length))));
  const fence = "`".repeat(longest + 1);
  return [`<details><summary>Transcript of ${cell(t.name)} (redacted${t.transcriptCapped ? ", capped" : ""})</summary>`, "", `${fence}text`, ...lines, fence, "", "</details>"].join("\n");
}
