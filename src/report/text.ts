/** Terminal output: the transcript with each reply's class and verdict, then a verdict line per target. */
import { daneWords } from "./dane-summary.js";
import type { Finding, Report, StepResult, TargetError, TargetResult } from "../model/report.js";
import type { Verdict } from "../engine/verdict.js";
import { commandLabel, notPassedBecause } from "./step-label.js";
import { serverLabel } from "../knowledge/middleboxes.js";
import { guardCommandLines, neutralised } from "./neutralise.js";
import { targetSummaryLine } from "./summary-line.js";

export interface TextOptions {
  color: boolean;
}

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 } as const;

export function renderText(untrusted: Report, opts: TextOptions): string {
  const report = neutralised(untrusted);
  const paint = (c: keyof typeof CODES, s: string) => (opts.color ? `\x1b[${CODES[c]}m${s}\x1b[0m` : s);
  const verdictWord = (v: Verdict) => (v === "pass" ? paint("green", "pass") : v === "warn" ? paint("yellow", "WARN") : paint("red", "FAIL"));
  const out: string[] = [];
  // Loops, not push(...lines): a report from a file may have 200,000 steps, as many arguments.
  for (const t of report.targets) {
    for (const line of renderTarget(t, paint, verdictWord)) out.push(line);
    out.push("");
  }
  for (const t of report.targets) out.push(`${verdictWord(t.verdict).padEnd(opts.color ? 13 : 4)}  ${targetSummaryLine(t)}`);
  const counts = (["pass", "warn", "fail"] as const).map((v) => `${report.targets.filter((t) => t.verdict === v).length} ${v}`).join(", ");
  out.push(paint("bold", `verdict: ${report.verdict} (${counts})`));
  return guardCommandLines(`${out.join("\n")}\n`);
}

type Paint = (c: keyof typeof CODES, s: string) => string;

function renderTarget(t: TargetResult, paint: Paint, verdictWord: (v: Verdict) => string): string[] {
  const where = t.name === `${t.host}:${t.port}` ? "" : ` — ${t.host}:${t.port}`;
  const server = t.server ? `, ${serverLabel(t.server)}` : "";
  const lines = [paint("bold", `── ${t.name}${where}, tls ${t.tlsMode}${server} ──`)];
  if (t.tls) lines.push(paint("dim", `   TLS: ${t.tls.protocol} ${t.tls.cipher}, certificate ${t.tls.authorized ? "verified" : `NOT verified (${t.tls.authorizationError})`}${t.tls.subject ? `, subject ${t.tls.subject}` : ""}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`));
  // Transport security (contract §9): what an MTA-STS sender does here, and the TLS audit.
  if (t.mtaSts) lines.push(paint("dim", `   MTA-STS: ${t.mtaSts.covered ? "in the policy" : "NOT in the policy"}; a sender ${t.mtaSts.sender === "deliver" ? "delivers" : t.mtaSts.sender === "refuse" ? "REFUSES" : "? (TLS not reached)"}`));
  if (t.dane) lines.push(paint("dim", `   DANE: ${t.dane.secure ? `signed, ${t.dane.tlsa.length} TLSA record(s)` : "not signed"}; a sender ${daneWords(t.dane, t)}`));
  if (t.tlsAudit) lines.push(paint("dim", `   TLS audit: ${t.tlsAudit.protocols.join(", ") || "no handshake"}; chain ${t.tlsAudit.chainComplete ? "complete" : "INCOMPLETE"}; ${t.tlsAudit.certificates.map((c) => `${c.key} (${c.daysLeft ?? "?"} days)`).join(", ")}`));
  t.steps.forEach((s, i) => lines.push(...renderStep(s, i, t.error, paint, verdictWord)));
  if (t.error) lines.push(`   ${paint("red", `✖ ${t.error.kind}`)}: ${t.error.message}${t.error.received ? ` — received "${t.error.received}"` : ""}`);
  if (t.findings.length) {
    lines.push("   findings:");
    for (const f of t.findings) for (const line of renderFinding(f, paint)) lines.push(line);
  }
  return lines;
}

function renderStep(s: StepResult, i: number, error: TargetError | null, paint: Paint, verdictWord: (v: Verdict) => string): string[] {
  const lines: string[] = [];
  const tags = [s.extra, s.pipelined ? "pipelined" : undefined, s.check, s.consequenceOf !== undefined ? `follows from step ${s.consequenceOf}` : undefined].filter(Boolean).join(", ");
  lines.push(`   ${String(i).padStart(2)} C: ${commandLabel(s) ?? paint("dim", "(waiting for the greeting)")}${tags ? paint("dim", ` [${tags}]`) : ""}`);
  const judged = `${s.class ?? "no reply"} · ${verdictWord(s.verdict)}${s.verdict === "pass" ? "" : ` (${notPassedBecause(s, i, error)})`} · ${s.ms} ms`;
  if (!s.reply) {
    lines.push(`      S: ${paint("dim", "—")}   ${judged}`);
    return lines;
  }
  const r = s.reply;
  r.lines.forEach((text, j) => {
    const last = j === r.lines.length - 1;
    const shown = `${r.code}${last ? " " : "-"}${text}`;
    lines.push(`      S: ${shown}${last ? `   ${judged}` : ""}`);
  });
  return lines;
}

function renderFinding(f: Finding, paint: Paint): string[] {
  const sev = f.severity === "error" ? paint("red", "error") : f.severity === "warning" ? paint("yellow", "warning") : paint("dim", "notice");
  const lines = [`   ${sev} ${f.id}${f.step !== null ? ` (step ${f.step})` : ""}: ${f.message}`];
  const [top, ...more] = f.fixes;
  if (top) lines.push(`      what to do: ${top}`);
  if (f.causes.length) lines.push(f.causes.length === 1 ? `      likely cause: ${f.causes[0]}` : "      likely causes:", ...(f.causes.length === 1 ? [] : f.causes.map((c) => `        - ${c}`)));
  if (more.length) lines.push("      also:", ...more.map((c) => `        - ${c}`));
  const ruledOut = f.ruledOut ?? [];
  if (ruledOut.length) lines.push(paint("dim", "      ruled out:"), ...ruledOut.map((r) => paint("dim", `        - ${r.cause} — ${r.evidence}`)));
  return lines;
}
