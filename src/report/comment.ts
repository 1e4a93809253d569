/**
 * The sticky pull request comment, pure: report in, Markdown out.
 *
 *   <!-- smtp-gate:KEY -->                 found again by this marker (and by its author)
 *   <!-- smtp-gate:facts {...} -->         the run's compact facts, for the next run's diff
 *   ### smtp-gate: ❌ FAIL — …             verdict line
 *   changes since the last different result, top findings, a compact step table per target
 *   <sub>Updated by [workflow run](…)</sub>
 *
 * Nothing volatile (timings, dates) is rendered except the run link, so an identical re-run gives
 * an identical comment and no write. GitHub refuses a comment body over 65,536 characters; the
 * marker and the facts come first and are never cut, and a cut never leaves a code fence or a
 * `<details>` open.
 */
import type { Report, TargetResult } from "../model/report.js";
import type { Verdict } from "../engine/verdict.js";
import { diffFacts, fitStoredFacts, renderFactsBlock, type Facts, type StoredFacts, type TargetChange } from "./facts.js";
import { ICON, cell, codeSpan, htmlText, prose, strong } from "./markdown.js";
import { guardCommandLines, neutralised } from "./neutralise.js";
import { replyCodeText } from "../protocol/reply.js";
import { commandLabel, notPassedBecause } from "./step-label.js";
import { targetSummaryLine, worstFirst } from "./summary-line.js";

/** GitHub's limit is 65,536 characters; `.length` counts UTF-16 units (≥ characters), with room to spare. */
export const COMMENT_LIMIT = 65_000;
const TOP_FINDINGS = 5;
const RUN_LINK_PREFIX = "<sub>Updated by ";

export interface CommentOptions {
  /** The sticky key: `workflow/job` by default. */
  key: string;
  facts: Facts;
  /** The facts stored in the comment being replaced, if there is one. */
  previous: StoredFacts | null;
  runUrl: string | null;
  limit?: number;
  /** The counts of every target by verdict, when `report` shows only some (a streamed run's tally, ./stream.ts). */
  all?: Readonly<Record<Verdict, number>>;
}

/** The comment's hidden marker. Key text that could end the HTML comment is neutralised. */
export function commentMarker(key: string): string {
  return `<!-- smtp-gate:${safeKey(key)} -->`;
}

export function safeKey(key: string): string {
  return key.replace(/--+/g, "-").replace(/[<>\r\n]/g, "_").trim();
}

/**
 * The facts to store and diff against. When this run's facts equal the previous comment's, the
 * previous comment's own base is kept, so its "changes" section (and body) stays the same.
 */
export function nextStoredFacts(facts: Facts, previous: StoredFacts | null): StoredFacts {
  if (!previous) return { facts, base: null };
  const same = JSON.stringify(previous.facts) === JSON.stringify(facts);
  return { facts, base: same ? previous.base : previous.facts };
}

export function renderComment(untrusted: Report, opts: CommentOptions): string {
  const report = neutralised(untrusted);
  const limit = opts.limit ?? COMMENT_LIMIT;
  const stored = fitStoredFacts(nextStoredFacts(opts.facts, opts.previous));
  const head = `${commentMarker(opts.key)}\n${renderFactsBlock(stored)}\n`;
  const tail = opts.runUrl ? `\n${RUN_LINK_PREFIX}[workflow run](${opts.runUrl})</sub>\n` : "";
  const body = renderVisible(report, opts.facts, stored.base, limit, opts.all);
  return head + guardCommandLines(truncateMarkdown(body, limit - head.length - tail.length)) + tail;
}

/** The body without its run link line: two comments that differ only there are the same. */
export function stableCommentText(body: string): string {
  return body
    .split("\n")
    .filter((l) => !l.startsWith(RUN_LINK_PREFIX))
    .join("\n")
    .trimEnd();
}

/** Targets stop once `limit` is passed: truncateMarkdown cuts the rest, and a fleet's tables are never all built. */
function renderVisible(report: Report, facts: Facts, base: Facts | null, limit: number, all?: Readonly<Record<Verdict, number>>): string {
  const count = (v: Verdict) => (all ? all[v] : report.targets.filter((t) => t.verdict === v).length);
  const failing = count("fail");
  const warning = count("warn");
  const n = failing + warning + count("pass");
  const counts = failing || warning ? [failing ? `${failing} of ${n} failing` : "", warning ? `${warning} warning` : ""].filter(Boolean).join(", ") : `${n} target${n === 1 ? "" : "s"} checked`;
  const out = [`### smtp-gate: ${ICON[report.verdict]} ${report.verdict.toUpperCase()} — ${counts}`, ""];
  // A large run's report holds its worst targets (./stream.ts): say so, or they read as the run.
  if (n > report.targets.length) out.push(`The worst ${report.targets.length} of ${n} targets are shown; the JSON report has every one.`, "");
  if (base && base.verdict !== report.verdict) {
    out.push(report.verdict === "pass" ? `The earlier ${base.verdict} result no longer holds: every target passes now.` : `Was ${ICON[base.verdict]} ${base.verdict} before this result.`, "");
  }
  const changes = base ? renderChanges(diffFacts(base, facts)) : [];
  if (changes.length) out.push("**What changed since the previous result:**", "", ...changes, "");
  const findings = report.targets.flatMap((t) => t.findings.filter((f) => f.severity !== "notice").map((f) => ({ t, f })));
  findings.sort((a, b) => (a.f.severity === b.f.severity ? 0 : a.f.severity === "error" ? -1 : 1));
  if (findings.length) {
    out.push("**Top findings:**", "");
    for (const { t, f } of findings.slice(0, TOP_FINDINGS)) {
      out.push(`- ${f.severity === "error" ? "❌" : "⚠️"} ${strong(t.name)} ${codeSpan(f.id)}: ${prose(f.message)}`);
      if (f.fixes[0]) out.push(`  - **What to do:** ${prose(f.fixes[0])}`);
      const causes = f.causes.slice(0, 3);
      if (causes.length) out.push(`  - Likely cause${causes.length === 1 ? "" : "s"}: ${causes.map(prose).join(" · ")}`);
      const ruledOut = f.ruledOut ?? [];
      if (ruledOut.length) out.push(`  - <details><summary>Ruled out (${ruledOut.length})</summary>`, "", ...ruledOut.map((r) => `    - ${prose(r.cause)} — ${prose(r.evidence)}`), "", "    </details>");
    }
    if (findings.length > TOP_FINDINGS) out.push(`- …and ${findings.length - TOP_FINDINGS} more in the job summary.`);
    out.push("");
  }
  let length = out.reduce((n, l) => n + l.length + 1, 0);
  for (const t of worstFirst(report.targets)) {
    if (length > limit) break;
    for (const line of [...renderTarget(t), ""]) {
      out.push(line);
      length += line.length + 1;
    }
  }
  return out.join("\n");
}

function renderTarget(t: TargetResult): string[] {
  const head = `${ICON[t.verdict]} ${strong(t.name)} — ${cell(targetSummaryLine(t).replace(/^.*? — /, ""))}`;
  const meta = t.tls ? `TLS ${t.tls.protocol ?? "?"}${t.tls.daysLeft !== null ? `, certificate ${t.tls.daysLeft} days left` : ""}${t.tls.authorized ? "" : " (not verified)"}` : `tls ${t.tlsMode}`;
  const rows = ["| # | command | reply | verdict |", "|---|---|---|---|"];
  t.steps.forEach((s, i) => {
    const reply = s.reply ? cell(replyCodeText(s.reply)) : "—";
    const label = commandLabel(s);
    const cmd = label === null ? "*(greeting)*" : codeSpan(label);
    const follows = s.consequenceOf !== undefined ? `, follows from step ${s.consequenceOf}` : "";
    rows.push(`| ${i} | ${cmd} | ${reply} | ${ICON[s.verdict]}${s.verdict === "pass" ? "" : ` ${cell(notPassedBecause(s, i, t.error))}${follows}`} |`);
  });
  const error = t.error ? [`**Error** (${cell(t.error.kind)}): ${cell(t.error.message)}`, ""] : [];
  if (t.verdict === "pass") return [`<details><summary>${ICON.pass} ${htmlText(t.name)} — ${htmlText(meta)}</summary>`, "", ...rows, "", "</details>"];
  return [head, "", cell(meta), "", ...error, ...(t.steps.length ? rows : [])];
}

function renderChanges(changes: TargetChange[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const name = `${strong(c.name)}`;
    if (c.kind === "added") {
      out.push(`- ${name}: new target`);
      continue;
    }
    if (c.kind === "removed") {
      out.push(`- ${name}: no longer probed`);
      continue;
    }
    const parts: string[] = [];
    if (c.verdict) parts.push(`${verdictWord(c.verdict.from)} → ${verdictWord(c.verdict.to)}`);
    if (c.tls) parts.push(`TLS ${cell(c.tls.from ?? "none")} → ${cell(c.tls.to ?? "none")}`);
    if (c.days) parts.push(`certificate days left ${c.days.from ?? "—"} → ${c.days.to ?? "—"}`);
    if (c.extGained.length) parts.push(`extensions gained ${c.extGained.map(codeSpan).join(", ")}`);
    if (c.extLost.length) parts.push(`extensions lost ${c.extLost.map(codeSpan).join(", ")}`);
    for (const s of c.steps) parts.push(`${s.cmd === null ? "greeting" : codeSpan(s.cmd)}${s.n ? ` (#${s.n + 1})` : ""} ${s.from ?? "no reply"} → ${s.to ?? "no reply"}`);
    out.push(`- ${name}: ${parts.join("; ")}`);
  }
  return out;
}

function verdictWord(v: Verdict): string {
  return `${ICON[v]} ${v}`;
}


// ---- truncation ------------------------------------------------------------------------------

const FENCE_RE = /^ {0,3}(`{3,}|~{3,})/;
const TRUNCATION_NOTE = "_…truncated: a comment is limited to 65,536 characters; the job summary and the JSON report have everything._";

/**
 * Cuts Markdown to at most `limit` UTF-16 units, at a line boundary, then closes what the cut
 * left open (a code fence, `<details>` blocks) and says that the rest is in the job summary.
 */
export function truncateMarkdown(md: string, limit: number): string {
  if (md.length <= limit) return md;
  const state = new OpenBlocks();
  const kept: string[] = [];
  let used = 0;
  for (const line of md.split("\n")) {
    const next = state.after(line);
    const cost = line.length + 1;
    if (used + cost + next.closers().length + TRUNCATION_NOTE.length + 2 > limit) break;
    kept.push(line);
    used += cost;
    state.fence = next.fence;
    state.details = next.details;
  }
  return `${kept.join("\n")}\n${state.closers()}\n${TRUNCATION_NOTE}\n`;
}

/** Which blocks are open after some lines: a code fence (inside which nothing else counts) and `<details>`. */
class OpenBlocks {
  fence: string | null = null;
  details = 0;

  after(line: string): OpenBlocks {
    const s = new OpenBlocks();
    s.fence = this.fence;
    s.details = this.details;
    const m = FENCE_RE.exec(line);
    const marker = m?.[1];
    if (s.fence) {
      // CommonMark §4.5: a closing fence is the same character, at least as long, and nothing else.
      if (marker && marker[0] === s.fence[0] && marker.length >= s.fence.length && line.trim() === marker) s.fence = null;
      return s;
    }
    if (marker) {
      s.fence = marker;
      return s;
    }
    s.details += (line.match(/<details[\s>]/gi) ?? []).length - (line.match(/<\/details>/gi) ?? []).length;
    return s;
  }

  /** Lines that close what is open: the fence first, then each `<details>`. */
  closers(): string {
    return `${this.fence ? `${this.fence}\n` : ""}${"\n</details>\n".repeat(Math.max(0, this.details))}`;
  }
}
