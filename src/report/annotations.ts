/**
 * Annotations as data: one per failing step (error) and warning step (warning), most important
 * first, capped because GitHub shows only about ten of a type per step.
 */
import type { Finding, Report, TargetResult } from "../model/report.js";
import { replyCodeText } from "../protocol/reply.js";
import { quotedCommand } from "./step-label.js";
import { neutralised } from "./neutralise.js";

export const MAX_ANNOTATIONS_PER_TYPE = 10;

export interface Annotation {
  level: "error" | "warning" | "notice";
  title: string;
  message: string;
  file?: string;
  line?: number;
}

export function planAnnotations(untrusted: Report): Annotation[] {
  const report = neutralised(untrusted);
  const all: Annotation[] = [];
  // Loops, not push(...list): a list of 200,000 would be as many arguments, and overflow the stack.
  for (const t of report.targets) for (const a of targetAnnotations(t)) all.push(a);
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

/**
 * One annotation per root cause: each finding (not notices) once, titled by its short phrase or
 * the step it sits on; a failing step no finding covers gets its own; a step marked
 * `consequenceOf` adds nothing. A finding about the session's error covers the error's step.
 */
function targetAnnotations(t: TargetResult): Annotation[] {
  const where = t.source ? { file: t.source.file, line: t.source.line } : {};
  const out: Annotation[] = [];
  const covered = new Set<number>();
  for (const f of t.findings) {
    if (f.severity === "notice") continue;
    const s = f.step !== null ? t.steps[f.step] : undefined;
    if (f.step !== null) covered.add(f.step);
    if (f.step === null && f.severity === "error" && t.error && t.error.step !== null) covered.add(t.error.step);
    const title = f.summary
      ? `smtp-gate: ${f.summary} — ${t.name}`
      : s && (s.reply || t.error?.step === f.step)
        ? `SMTP ${s.reply ? replyCodeText(s.reply) : (t.error?.kind ?? "no reply")} on ${quotedCommand(s)} — ${t.name}`
        : `smtp-gate: ${f.id.replace(/-/g, " ")} — ${t.name}`;
    out.push({ level: f.severity === "error" ? "error" : "warning", title, message: diagnosisLines(f), ...where });
  }
  t.steps.forEach((s, i) => {
    if (s.verdict === "pass" || covered.has(i) || s.consequenceOf !== undefined) return;
    const code = s.reply ? replyCodeText(s.reply) : (t.error?.kind ?? "no reply");
    out.push({ level: s.verdict === "fail" ? "error" : "warning", title: `SMTP ${code} on ${quotedCommand(s)} — ${t.name}`, message: t.error?.step === i ? t.error.message : "See the job summary.", ...where });
  });
  return out;
}

/** Three lines: what happened, what to do (the top fix), and the likeliest cause. */
function diagnosisLines(f: Finding): string {
  const lines = [f.message];
  if (f.fixes[0]) lines.push(`What to do: ${f.fixes[0]}`);
  if (f.causes[0]) lines.push(`Likely cause: ${f.causes[0]}`);
  return lines.join("\n");
}
