/**
 * One line per target, for the action's `summary` output and the CLI's closing lines:
 * `smtp.example.com:587 — 500 5.5.1 on "XAUTH2 login" (command unrecognized)`.
 */
import type { Report, TargetResult } from "../model/report.js";
import { replyCodeText } from "../protocol/reply.js";
import { quotedCommand } from "./step-label.js";
import { plainText } from "./neutralise.js";

export function targetSummaryLine(t: TargetResult): string {
  const where = t.name === `${t.host}:${t.port}` ? t.name : `${t.name} (${t.host}:${t.port})`;
  const bad = t.steps.findIndex((s) => s.verdict !== "pass");
  const finding = t.findings.find((f) => f.severity === "error") ?? t.findings.find((f) => f.severity === "warning");
  const why = finding ? ` (${finding.id.replace(/-/g, " ")})` : "";
  const notSent = t.message?.sent === false ? "; the message was not sent" : "";
  // A finding's short phrase says what the error means; the error's own text is for the details.
  if (finding?.summary && (t.error || bad === -1 || finding.step === bad)) return `${where} — ${finding.summary}${notSent}`;
  if (t.error && (bad === -1 || t.error.step === bad || !t.steps[bad]?.reply)) return `${where} — ${t.error.kind}: ${t.error.message}${why}`;
  const step = t.steps[bad];
  if (step?.reply) {
    const code = replyCodeText(step.reply);
    const on = quotedCommand(step);
    return `${where} — ${code} on ${on}${why}${notSent}`;
  }
  if (finding) return `${where} — ${finding.message}`;
  return `${where} — ${t.verdict} (${t.steps.length} steps, ${t.durationMs} ms)`;
}

/** Worst first: failing targets, then warnings, then passes (a stable sort keeps the configured order within each). */
export function worstFirst(targets: readonly TargetResult[]): TargetResult[] {
  const order = { fail: 0, warn: 1, pass: 2 } as const;
  return [...targets].sort((a, b) => order[a.verdict] - order[b.verdict]);
}

/**
 * The run in one line: the worst target's line, and what the others did: `(+2 more targets, both
 * pass)`. `all`: the counts of every target by verdict, when the report shows only some (a
 * streamed run's tally, report/stream.ts).
 */
export function reportSummaryLine(r: Report, all?: Readonly<Record<"pass" | "warn" | "fail", number>>): string {
  const [first, ...rest] = worstFirst(r.targets);
  if (!first) return "no targets";
  const byVerdict = (v: "pass" | "warn" | "fail") => (all ? all[v] - (first.verdict === v ? 1 : 0) : rest.filter((t) => t.verdict === v).length);
  // The action's `summary` output and its failure message: one line, whatever the report held.
  return plainText(`${targetSummaryLine(first)}${othersSaid(byVerdict)}`);
}

function othersSaid(byVerdict: (v: "pass" | "warn" | "fail") => number): string {
  const counts = (["fail", "warn", "pass"] as const).map((v) => [v, byVerdict(v)] as const).filter(([, c]) => c > 0);
  const n = counts.reduce((a, [, c]) => a + c, 0);
  if (!n) return "";
  const all = n === 1 ? "" : n === 2 ? "both " : "all ";
  const what = counts.length === 1 ? `${all}${(counts[0] as readonly [string, number])[0]}` : counts.map(([v, c]) => `${c} ${v}`).join(", ");
  return ` (+${n} more target${n > 1 ? "s" : ""}, ${what})`;
}
