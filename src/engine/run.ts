/** Runs targets with bounded concurrency and assembles the report, in input order. */
import type { TargetConfig } from "../config/target.js";
import { diagnose, prepareOutcome } from "../diagnose/index.js";
import { Redactor } from "../protocol/redact.js";
import { monotonicMs } from "../session/clock.js";
import type { MxResolver } from "./mx.js";
import { runProbe } from "./probe.js";
import type { Finding, Report, TargetResult } from "./result.js";
import { capVerdict, worst, type Verdict } from "./verdict.js";
import { VERSION } from "../version.js";

export interface RunOptions {
  concurrency?: number;
  /** Secrets are registered here so every renderer can redact with the same list. */
  redactor?: Redactor;
  /** For `mx` targets; node:dns/promises' Resolver by default (tests point one at a loopback server). */
  resolver?: MxResolver;
}

export async function probeTarget(t: TargetConfig, redactor: Redactor): Promise<TargetResult> {
  // Marks replies that follow from an earlier refusal and records the server, for the report too.
  const outcome = prepareOutcome(await runProbe(t, redactor));
  const findings = diagnose(outcome, t.policy);
  const verdict = targetVerdict(outcome.steps.map((s) => s.verdict), outcome.error !== null, findings, t.failOn);
  // One copy of the outcome, not three: a fleet makes one of these per target.
  const { closedByServer: _closed, ...result } = outcome;
  return Object.assign(result, { verdict, findings });
}

/** Contract §2: the worst of the steps, the error (fail) and the findings; `never` caps at warn. */
export function targetVerdict(steps: Verdict[], hasError: boolean, findings: Finding[], failOn: TargetConfig["failOn"]): Verdict {
  const fromFindings = findings.map((f): Verdict => (f.severity === "error" ? "fail" : f.severity === "warning" ? "warn" : "pass"));
  return capVerdict(worst(...steps, hasError ? "fail" : "pass", ...fromFindings), failOn);
}

export async function runTargets(targets: readonly TargetConfig[], opts: RunOptions = {}): Promise<Report> {
  const redactor = opts.redactor ?? new Redactor();
  const startedAt = new Date().toISOString();
  const concurrency = opts.concurrency ?? 16;
  const expanded = (await mapLimit(targets, concurrency, (t) => expandTarget(t, opts.resolver))).flat();
  const results = await mapLimit(expanded, concurrency, (t) => ("verdict" in t ? Promise.resolve(t) : probeTarget(t, redactor)));
  return {
    schema: "smtp-gate/report@1",
    verdict: worst(...results.map((r) => r.verdict)),
    tool: { name: "smtp-gate", version: VERSION },
    startedAt,
    targets: results,
  };
}

/**
 * An `mx` target becomes one target per MX host, most preferred first, named
 * `mx example.com → mx1.example.com (10)`; a DNS failure or a null MX becomes that target's
 * result, error kind `dns`, with its finding. Other targets pass through.
 */
export async function expandTarget(t: TargetConfig, resolver?: MxResolver): Promise<(TargetConfig | TargetResult)[]> {
  if (t.mx === undefined) return [t];
  const started = monotonicMs();
  // Loaded on demand: DNS code is start-up cost a plain probe does not need.
  const { expandMx } = await import("./mx.js");
  const r = await expandMx(t.mx, resolver);
  if ("hosts" in r && r.hosts.length) {
    return r.hosts.map((h) => ({ ...t, mx: undefined, host: h.host, name: `${t.name} → ${h.host} (${h.preference})` }));
  }
  const message = "error" in r ? r.error.message : `MX lookup for ${t.mx}: no hosts`;
  const outcome = {
    name: t.name, host: t.mx, port: t.port, tlsMode: t.tls, durationMs: Math.round(monotonicMs() - started),
    error: { kind: "dns" as const, message, step: null }, tls: null, extensions: [], extensionsBeforeTls: null, steps: [],
    transcript: [], transcriptCapped: false, unsolicitedReplies: 0, closedByServer: false, server: null, ...(t.source ? { source: t.source } : {}),
  };
  const findings = diagnose(outcome, t.policy);
  const { closedByServer: _c, ...result } = outcome;
  return [{ ...result, findings, verdict: targetVerdict([], true, findings, t.failOn) }];
}

/** Like Promise.all over `items`, at most `limit` at a time, results in input order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
