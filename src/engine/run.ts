/** Runs targets with bounded concurrency and assembles the report, in input order. */
import { loadCrypto } from "../builtins.js";
export { targetVerdict } from "./verdict.js";
import type { TargetConfig } from "../config/target.js";
import { judgeRun, judgeTarget } from "./judge.js";
import { Redactor } from "../protocol/redact.js";
import { createResolver, runDns, type DnsServer, type RunDns } from "./dns.js";
import { expandTarget, resolveHost } from "./expand.js";
import { runProbe } from "./probe.js";
import { auditTls } from "./tls-audit.js";
import { applyDomainChecks, startDomainChecks } from "./transport-security.js";
import { applyDane } from "./dane-apply.js";
import { inShard, type Shard } from "./shard.js";
import type { Report, RunIdentity, TargetResult } from "../model/report.js";
import { worstOf } from "./verdict.js";
import { VERSION } from "../version.js";

export interface RunOptions {
  concurrency?: number;
  /** Secrets are registered here so every renderer can redact with the same list. */
  redactor?: Redactor;
  /** Probe only this stable subset of the expanded targets (one job of a matrix). */
  shard?: Shard;
  /** The DNS server for every lookup, instead of each target's own `resolver` (tests point one at a loopback server). */
  resolver?: DnsServer;
}

export async function probeTarget(t: TargetConfig, redactor: Redactor): Promise<TargetResult> {
  const probed = await runProbe(t, redactor);
  // Contract §9: the audit's extra handshakes only where the probe itself reached TLS.
  if (t.tlsAudit && probed.tls) probed.tlsAudit = await auditTls(t);
  return judgeTarget(probed, t);
}

export async function runTargets(targets: readonly TargetConfig[], opts: RunOptions = {}): Promise<Report> {
  const redactor = opts.redactor ?? new Redactor();
  const startedAt = new Date().toISOString();
  const concurrency = opts.concurrency ?? 16;
  // One cached DNS per resolver and timeout for the whole run: MX hosts shared by domains are asked once.
  const perServer = new Map<string, RunDns>();
  const dnsFor = (t: TargetConfig): RunDns => {
    const server = opts.resolver ?? t.resolver;
    const key = `${server ? `${server.host}:${server.port}` : "system"} ${t.timeoutMs}`;
    let dns = perServer.get(key);
    if (!dns) perServer.set(key, (dns = runDns(createResolver(server, t.timeoutMs))));
    return dns;
  };
  const checks = startDomainChecks(targets, dnsFor);
  try {
    const perTarget = await mapLimit(targets, concurrency, (t) => expandTarget(t, dnsFor(t)));
    const all = perTarget.flatMap((list, i) => list.map((t) => ({ t, origin: targets[i] as TargetConfig })));
    const expanded = opts.shard ? all.filter((e) => inShard(e.t.name, opts.shard as Shard)) : all;
    // A host name is looked up just before its probe (after sharding: a shard asks only for its own).
    const results = await mapLimit(expanded, concurrency, async ({ t }) => {
      const ready = "verdict" in t ? t : await resolveHost(t, dnsFor(t));
      return "verdict" in ready ? ready : probeTarget(ready, redactor);
    });
    judgeRun(results);
    const configs = expanded.map((e) => ("verdict" in e.t ? e.origin : e.t));
    const domains = await applyDomainChecks(results, configs, expanded.map((e) => e.origin), checks);
    await applyDane(results, configs, domains, opts.resolver);
    return {
      schema: "smtp-gate/report@1",
      verdict: worstOf(results.map((r) => r.verdict)),
      tool: { name: "smtp-gate", version: VERSION },
      startedAt,
      run: runIdentity(targets, opts.shard),
      targets: results,
      ...(domains.length ? { domains } : {}),
    };
  } finally {
    // Queries a deadline gave up on may still wait or be in flight: the process need not wait for them.
    for (const dns of perServer.values()) dns.close();
  }
}

/**
 * Which run this is (contract §8): every shard of one run computes the same count and digest
 * from the same configured targets, so `merge` can tell shards of another run and count them.
 * The digest covers the targets as configured, before sharding and before MX expansion (which
 * may differ from job to job as DNS changes).
 */
export function runIdentity(targets: readonly TargetConfig[], shard?: Shard): RunIdentity {
  const hash = loadCrypto().createHash("sha256");
  for (const t of targets) hash.update(`${JSON.stringify([t.name, t.mx ?? t.host, t.port, t.tls])}\n`);
  return { shard: shard ? `${shard.index}/${shard.count}` : null, targets: targets.length, digest: hash.digest("hex") };
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
