/**
 * The report's consumers at fleet scale: the PR comment and the job summary of N targets (10,000
 * by default), each rendered in a child process of its own so that its peak RSS is its own.
 * Linear time is the point (issue 24: the comment was quadratic, 800 targets took 15.7 s).
 */
import { compactFacts } from "../src/report/facts.js";
import { renderComment } from "../src/report/comment.js";
import { renderJobSummary } from "../src/report/job-summary.js";
import type { Report, StepResult, TargetResult } from "../src/model/report.js";
import { timeProcess } from "./spawn.js";
import { mib, ms, type Row } from "./stats.js";

const KINDS = ["comment", "summary"] as const;
type Kind = (typeof KINDS)[number];

/** A fleet's report: every tenth target fails RCPT with a finding; each has a short transcript. */
export function syntheticReport(n: number): Report {
  const step = (command: string | null, code: number, verdict: StepResult["verdict"] = "pass"): StepResult => ({
    command, verb: command?.split(" ")[0] ?? null, reply: { code, enhanced: code >= 400 ? "5.1.1" : "2.0.0", lines: [`${code} mx.example.com says something`], ending: "crlf" },
    class: code >= 500 ? "permanent" : "success", expected: "250", verdict, ms: 12, phase: "x",
  });
  const targets: TargetResult[] = [];
  for (let i = 0; i < n; i++) {
    const failing = i % 10 === 0;
    const steps = [step(null, 220), step("EHLO ci.example.com", 250), step("MAIL FROM:<app@example.com>", 250), step("RCPT TO:<ops@example.com>", failing ? 550 : 250, failing ? "fail" : "pass"), step("RSET", 250), step("QUIT", 221)];
    targets.push({
      name: `mx${i}.example.com:25`, host: `mx${i}.example.com`, port: 25, tlsMode: "starttls", verdict: failing ? "fail" : "pass", durationMs: 120, error: null,
      tls: { protocol: "TLSv1.3", cipher: "TLS_AES_256_GCM_SHA384", authorized: true, authorizationError: null, subject: "mx", subjectAltNames: [], issuer: "ca", validFrom: null, validTo: null, daysLeft: 60, fingerprint256: null },
      extensions: ["PIPELINING", "SIZE 10240000", "STARTTLS", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES"], extensionsBeforeTls: null, steps,
      findings: failing ? [{ id: "unknown-user", severity: "error", step: 3, message: "RCPT TO was answered 550 5.1.1 (unknown user).", cause: "unknown-recipient", causes: ["The recipient does not exist."], ruledOut: [], fixes: ["Check the address."] }] : [],
      transcript: steps.flatMap((s, t) => [...(s.command ? [{ t, dir: "C" as const, text: s.command }] : []), { t, dir: "S" as const, text: s.reply?.lines[0] ?? "" }]),
      transcriptCapped: false, unsolicitedReplies: 0,
    });
  }
  return { schema: "smtp-gate/report@1", verdict: "fail", tool: { name: "smtp-gate", version: "bench" }, startedAt: new Date(0).toISOString(), targets };
}

/** `bench consumer-child KIND N`: renders once in the child; prints one JSON line. */
export function consumerChild(kind: Kind, n: number): void {
  const report = syntheticReport(n);
  const began = performance.now();
  const text = kind === "comment" ? renderComment(report, { key: "bench/probe", facts: compactFacts(report), previous: null, runUrl: null }) : renderJobSummary(report);
  const took = performance.now() - began;
  process.stdout.write(`${JSON.stringify({ ms: took, bytes: Buffer.byteLength(text), maxRssKiB: process.resourceUsage().maxRSS })}\n`);
}

export async function benchConsumers(self: string, n: number): Promise<{ rows: Row[]; notes: string[] }> {
  const rows: Row[] = [];
  for (const kind of KINDS) {
    const r = await timeProcess(process.execPath, [self, "consumer-child", kind, String(n)]);
    if (r.code !== 0) throw new Error(`consumer-child ${kind} failed: ${r.stderr}`);
    const f = JSON.parse(r.stdout) as { ms: number; bytes: number; maxRssKiB: number };
    const what = kind === "comment" ? "PR comment" : "job summary";
    rows.push({ measure: `${what}: render time`, value: ms(f.ms), target: kind === "comment" ? "< 2000 ms" : "", met: kind === "comment" ? f.ms < 2000 : null });
    rows.push({ measure: `${what}: size`, value: `${(f.bytes / 1024).toFixed(1)} KiB`, target: kind === "comment" ? "≤ 65,536 chars" : "≤ 1 MiB", met: kind === "comment" ? f.bytes <= 65_536 * 4 : f.bytes <= 1024 * 1024 });
    rows.push({ measure: `${what}: peak RSS of the process`, value: mib(f.maxRssKiB) });
  }
  return { rows, notes: [`a synthetic report of ${n} targets (6 steps each, every tenth failing with a finding), built in the child before the clock starts`] };
}
