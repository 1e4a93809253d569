/**
 * The job summary: verdict first, then per target the step table, findings with causes and
 * fixes, TLS facts, extensions and the redacted transcript in a collapsed block — failing targets
 * first, then warnings, and in a fleet the passing ones collapsed. GitHub refuses a step summary
 * over 1 MiB, so transcripts are dropped first when space runs out.
 */
import type { Finding, Report, TargetResult } from "../model/report.js";
import { ICON, cell, htmlText, renderFindingMarkdown, renderTargetMarkdown, strong } from "./markdown.js";
import { renderMtaStsSummary } from "./mta-sts-summary.js";
import { renderDaneSummary } from "./dane-summary.js";
import { guardCommandLines, neutralised } from "./neutralise.js";
import { targetSummaryLine } from "./summary-line.js";

export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 16 * 1024;
/** The overview, and the MTA-STS section, may each take this share of the budget, so a large fleet still shows target details. */
const OVERVIEW_SHARE = 0.25;

export function renderJobSummary(untrusted: Report, limit = SUMMARY_LIMIT_BYTES): string {
  const report = neutralised(untrusted);
  const units = worstUnitsFirst(report.targets);
  const shared = sharedNotices(report.targets);
  const head = [
    `## smtp-gate: ${ICON[report.verdict]} ${report.verdict.toUpperCase()}`,
    "",
    ...withinBudget(overview(units), Math.floor(limit * OVERVIEW_SHARE), (n) => `- …and ${n} more line${n === 1 ? "" : "s"}: the JSON report has every target.`),
    "",
    ...withinBudget(renderMtaStsSummary(report), Math.floor(limit * OVERVIEW_SHARE), (n) => `- …and ${n} more line${n === 1 ? "" : "s"}: the JSON report has every domain.`),
    ...withinBudget(renderDaneSummary(report), Math.floor(limit * OVERVIEW_SHARE), (n) => `- …and ${n} more line${n === 1 ? "" : "s"}: the JSON report has every address.`),
    ...shared.flatMap((n) => [...renderSharedNotice(n), ""]),
  ].join("\n") + "\n";
  const skip = (f: Finding) => shared.some((n) => n.findings.includes(f));
  // In a fleet, the passing targets go last, collapsed.
  const passing = report.targets.length > 1 ? report.targets.filter((t) => t.verdict === "pass").length : 0;
  const open = `<details><summary>${ICON.pass} ${passing} passing target${passing === 1 ? "" : "s"}</summary>\n\n`;
  let out = head;
  let used = Buffer.byteLength(head) + (passing ? Buffer.byteLength(open) + 12 : 0);
  let omitted = 0;
  let opened = false;
  // What the bodies may fill: the closing note about omitted targets must still fit.
  const room = limit - OMITTED_NOTE_BYTES;
  // One target at a time: a fleet's bodies and transcripts are never all in memory at once.
  for (const unit of units) {
    for (const t of unit) {
      // Once the budget is spent the rest are only counted, not rendered.
      if (used >= room) {
        omitted++;
        continue;
      }
      if (passing && t.verdict === "pass" && !opened) {
        out += open;
        opened = true;
      }
      const body = `${renderTargetMarkdown(t, { skip }).join("\n")}\n\n`;
      const b = Buffer.byteLength(body);
      if (used + b > room) {
        omitted++;
        continue;
      }
      const tr = `${renderTranscript(t)}\n\n`;
      const t2 = Buffer.byteLength(tr);
      if (used + b + t2 <= room) {
        out += body + tr;
        used += b + t2;
      } else if (used + b + TRANSCRIPT_OMITTED.length + 2 <= room) {
        out += `${body}${TRANSCRIPT_OMITTED}\n\n`;
        used += b + TRANSCRIPT_OMITTED.length + 2;
      } else omitted++;
    }
  }
  if (opened) out += "</details>\n\n";
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
    return [`- ${strong(first.mxHost)}: ${u.map((m) => `${family(m)} ${ICON[m.verdict]}`).join(", ")}`, ...u.map((t) => `  - ${ICON[t.verdict]} ${cell(targetSummaryLine(t))}`)];
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
  let longest = 2;
  for (const e of t.transcript) for (const m of e.text.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = "`".repeat(longest + 1);
  return [`<details><summary>Transcript of ${htmlText(t.name)} (redacted${t.transcriptCapped ? ", capped" : ""})</summary>`, "", `${fence}text`, ...lines, fence, "", "</details>"].join("\n");
}
