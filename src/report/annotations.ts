/**
 * Annotations as data: one per failing step (error) and warning step (warning), most important
 * first, capped because GitHub shows only about ten of a type per step.
 */
import type { Finding, Report, TargetResult } from "../engine/result.js";
import { replyCodeText } from "../protocol/reply.js";

export const MAX_ANNOTATIONS_PER_TYPE = 10;

export interface Annotation {
  level: "error" | "warning" | "notice";
  title: string;
  message: string;
  file?: string;
  line?: number;
}

export function planAnnotations(report: Report): Annotation[] {
  const all: Annotation[] = [];
  for (const t of report.targets) all.push(...targetAnnotations(t));
  const errors = all.filter((a) => a.level === "error");
  const warnings = all.filter((a) => a.level === "warning");
  const out = [...errors.slice(0, MAX_ANNOTATIONS_PER_TYPE), ...warnings.slice(0, MAX_ANNOTATIONS_PER_TYPE)];
  const dropped = all.length - out.length;
  if (dropped > 0) {
    out.push({
      level: "notice",
      title: `smtp-gate: ${dropped} more problem${dropped === 1 ? "" : "s"} not annotated`,
      message: `GitHub shows about ${MAX_ANNOTATIONS_PER_TYPE} annotations of each type; the job summary lists all ${all.length}.`,
    });
  }
  return out;
}

function targetAnnotations(t: TargetResult): Annotation[] {
  const where = t.source ? { file: t.source.file, line: t.source.line } : {};
  const out: Annotation[] = [];
  const usedFindings = new Set<Finding>();
  t.steps.forEach((s, i) => {
    if (s.verdict === "pass") return;
    const onStep = t.findings.filter((x) => x.step === i && x.severity !== "notice");
    for (const f of onStep) usedFindings.add(f);
    const code = s.reply ? replyCodeText(s.reply) : (t.error?.kind ?? "no reply");
    const on = s.command === null ? "the greeting" : `"${s.command}"`;
    out.push({
      level: s.verdict === "fail" ? "error" : "warning",
      title: `SMTP ${code} on ${on} — ${t.name}`,
      message: diagnosisLines(onStep, t.error && t.error.step === i ? t.error.message : null),
      ...where,
    });
  });
  // Findings not tied to a failing step (an error before the greeting, STARTTLS not advertised…).
  for (const f of t.findings) {
    if (usedFindings.has(f) || f.severity === "notice") continue;
    out.push({ level: f.severity === "error" ? "error" : "warning", title: `smtp-gate: ${f.id.replace(/-/g, " ")} — ${t.name}`, message: diagnosisLines([f], null), ...where });
  }
  return out;
}

/**
 * Two or three lines: what happened, then the sharpest diagnosis (a second finding on the same
 * step, such as a near-miss, says more than the likeliest cause of the code), then what to do.
 */
function diagnosisLines(findings: readonly Finding[], error: string | null): string {
  const [first, second] = findings;
  const lines: string[] = [];
  if (error) lines.push(error);
  if (first && first.message !== error) lines.push(first.message);
  if (second) lines.push(second.message);
  else if (first?.causes[0]) lines.push(`Likely cause: ${first.causes[0]}`);
  const fix = second?.fixes[0] ?? first?.fixes[0];
  if (fix) lines.push(`What to do: ${fix}`);
  return lines.slice(0, 3).join("\n") || "See the job summary.";
}
