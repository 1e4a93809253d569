/**
 * Runs targets with bounded concurrency. `streamTargets` hands each result over as it finishes
 * and keeps none, so a fleet's memory follows the concurrency, not the number of targets;
 * `runTargets` collects them into a report, in input order.
 */
export { targetVerdict } from "./verdict.js";
import type { TargetConfig } from "../config/target.js";
import { judgeRun, judgeTarget } from "./judge.js";
import { Redactor } from "../protocol/redact.js";
import { RUN_DNS_CACHE, RecentlyUsed, createResolver, runDns, type DnsServer, type RunDns } from "./dns.js";
import type { DomainCheck } from "./domain-policy.js";
import { expandTarget, resolveHost } from "./expand.js";
import { runProbe } from "./probe.js";
import { auditTls } from "./tls-audit.js";
import { applyDomainChecks, startDomainCheck } from "./transport-security.js";
import { applyDane } from "./dane-apply.js";
import { inShard, type Shard } from "../model/shard.js";
import type { DomainResult, Report, RunIdentity, TargetResult } from "../model/report.js";
import { worst, type Verdict } from "./verdict.js";
import { RunIdentityHash } from "../model/run-identity.js";
import { VERSION } from "../version.js";

export interface RunOptions {
  concurrency?: number;
  /** Secrets are registered here so every renderer can redact with the same list. */
  redactor?: Redactor;
  /** Probe only this stable subset of the expanded targets (one job of a matrix). */
  shard?: Shard;
  /** The DNS server for every lookup, instead of each target's own `resolver` (tests point one at a loopback server). */
  resolver?: DnsServer;
  /**
   * The run's identity when the targets given are one shard's already (a targets-file read
   * twice, config/targets-file.ts); otherwise it is computed over the targets as they are read.
   */
  identity?: RunIdentity;
  /**
   * Each mail domain's entry (contract §9 `domains`) once, as soon as it is known, instead of in
   * RunEnd.domains: a streamed run of many domains keeps only their names, not their policies.
   */
  onDomain?: (d: DomainResult) => void;
}

/** What a streamed run knows at its end: the report's fields other than its targets. */
export type RunEnd = Omit<Report, "targets">;

export async function probeTarget(t: TargetConfig, redactor: Redactor): Promise<TargetResult> {
  const probed = await runProbe(t, redactor);
  // Contract §9: the audit's extra handshakes only where the probe itself reached TLS.
  if (t.tlsAudit && probed.tls) probed.tlsAudit = await auditTls(t);
  return judgeTarget(probed, t);
}

export async function runTargets(targets: readonly TargetConfig[], opts: RunOptions = {}): Promise<Report> {
  const results: { at: number; sub: number; result: TargetResult }[] = [];
  const end = await streamTargets(targets, opts, (result, at, sub) => void results.push({ at, sub, result }));
  results.sort((a, b) => a.at - b.at || a.sub - b.sub);
  const { domains, ...head } = end;
  return { ...head, targets: results.map((r) => r.result), ...(domains ? { domains } : {}) };
}

/**
 * Probes `targets` (an array, or an iterator read only as fast as the probes go) and calls
 * `onResult` with each result as it finishes: `at` is its configured target's place in the input,
 * `sub` its place among that target's addresses. The addresses of one configured target are
 * handed over together, once the comparisons that need all of them (the addresses of one MX
 * host, the domain's policies) are done. Nothing is kept but the domains' entries (with
 * `onDomain`, only their names).
 */
export async function streamTargets(
  targets: Iterable<TargetConfig> | AsyncIterable<TargetConfig>,
  opts: RunOptions,
  onResult: (result: TargetResult, at: number, sub: number) => void | Promise<void>,
): Promise<RunEnd> {
  const redactor = opts.redactor ?? new Redactor();
  const startedAt = new Date().toISOString();
  const concurrency = Math.max(1, opts.concurrency ?? 16);
  // Caches of recent answers, not of the whole run: each in-flight target asks a handful of names
  // (MX, addresses, PTR, the policies' TXT), and what many domains share (their MX hosts) stays.
  const cacheSize = Math.max(RUN_DNS_CACHE, 8 * concurrency);
  // One cached DNS per resolver and timeout for the whole run: MX hosts shared by domains are asked once.
  const perServer = new Map<string, RunDns>();
  const dnsFor = (t: TargetConfig): RunDns => {
    const server = opts.resolver ?? t.resolver;
    const key = `${server ? `${server.host}:${server.port}` : "system"} ${t.timeoutMs}`;
    let dns = perServer.get(key);
    if (!dns) perServer.set(key, (dns = runDns(createResolver(server, t.timeoutMs), cacheSize)));
    return dns;
  };
  const byDomain = new RecentlyUsed<Promise<DomainCheck>>(cacheSize);
  const domains = new Map<string, { at: number; result: DomainResult }>();
  // With onDomain: the domains already handed over, each once (several targets may share one).
  const handedOver = new Set<string>();
  const probes = new Slots(concurrency);
  let verdict: Verdict = "pass";
  const identity = new RunIdentityHash();

  const runOne = async (origin: TargetConfig, at: number): Promise<void> => {
    const check = startDomainCheck(origin, dnsFor, byDomain);
    const all = await expandTarget(origin, dnsFor(origin));
    // Sharded after address expansion, so a matrix spreads the addresses of one MX host too.
    const expanded = opts.shard ? all.filter((t) => inShard(t.name, opts.shard as Shard)) : all;
    // A host name is looked up just before its probe (after sharding: a shard asks only for its own).
    const results = await Promise.all(
      expanded.map((t) =>
        "verdict" in t
          ? t
          : probes.run(async () => {
              const ready = await resolveHost(t, dnsFor(t));
              return "verdict" in ready ? ready : probeTarget(ready, redactor);
            }),
      ),
    );
    // What only the addresses of one configured target together say (diagnose/addresses.ts).
    judgeRun(results);
    const configs = expanded.map((t) => ("verdict" in t ? origin : t));
    const own = check ? await applyDomainChecks(results, configs, results.map(() => origin), new Map([[origin, check]])) : [];
    for (const d of own) {
      if (!opts.onDomain) domains.set(d.domain, { at: Math.min(at, domains.get(d.domain)?.at ?? at), result: d });
      else if (!handedOver.has(d.domain)) {
        handedOver.add(d.domain);
        opts.onDomain(d);
      }
    }
    // DANE per configured target's addresses (its lookups are cached per call: per domain here);
    // only an MX host's addresses have TLSA records to look up (RFC 7672 §2.2).
    if (results.some((r) => r.mxHost)) await applyDane(results, configs, own, opts.resolver);
    for (let sub = 0; sub < results.length; sub++) {
      const r = results[sub] as TargetResult;
      verdict = worst(verdict, r.verdict);
      await onResult(r, at, sub);
    }
  };

  // As many configured targets in flight as probes may run: a slow DNS answer holds no probe slot.
  const source = Symbol.asyncIterator in targets ? targets[Symbol.asyncIterator]() : targets[Symbol.iterator]();
  let at = 0;
  const worker = async (): Promise<void> => {
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      identity.add(next.value);
      await runOne(next.value, at++);
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    // Queries a deadline gave up on may still wait or be in flight: the process need not wait for them.
    for (const dns of perServer.values()) dns.close();
  }
  return {
    schema: "smtp-gate/report@1",
    verdict,
    tool: { name: "smtp-gate", version: VERSION },
    startedAt,
    run: opts.identity ?? identity.identity(opts.shard),
    // In input order, as the targets of runTargets.
    ...(domains.size ? { domains: [...domains.values()].sort((a, b) => a.at - b.at).map((d) => d.result) } : {}),
  };
}

/** At most `limit` tasks at once; the others wait their turn, first come first served. */
class Slots {
  private busy = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.busy >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.busy++;
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, or is freed.
      const next = this.waiting.shift();
      if (next) next();
      else this.busy--;
    }
  }
}

export { runIdentity } from "../model/run-identity.js";

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
