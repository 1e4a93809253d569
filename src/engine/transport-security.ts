/**
 * Contract §9 in the run: each mail domain's policies are read once, beside the probes of its
 * addresses, then joined with what each address showed. Domain-wide findings go on the domain's
 * first (most preferred) address, per-address ones on that address; verdicts are recomputed.
 */
import type { TargetConfig } from "../config/target.js";
import { domainFindings, judgeAddress } from "../diagnose/mta-sts.js";
import { domainDrift } from "../diagnose/transport-drift.js";
import type { RecentlyUsed, RunDns } from "./dns.js";
import { checkDomain, type DomainCheck } from "./domain-policy.js";
import type { DomainResult, TargetResult } from "../model/report.js";
import { addFindings } from "./judge.js";

/** One target's domain check, shared through `byDomain` with every target of that domain and DNS server. */
export function startDomainCheck(t: TargetConfig, dnsFor: (t: TargetConfig) => RunDns, byDomain: Pick<RecentlyUsed<Promise<DomainCheck>>, "get" | "set">): Promise<DomainCheck> | undefined {
  if (!t.domain || t.mtaSts === false) return undefined;
  const key = `${t.domain} ${t.resolver ? `${t.resolver.host}:${t.resolver.port}` : ""}`;
  let check = byDomain.get(key);
  // The fetch must end within the target's own bounds (RFC 8461 §3.3 leaves the timeout to senders).
  const deadlineMs = Math.min(t.timeoutMs, t.deadlineMs ?? Infinity);
  if (!check) byDomain.set(key, (check = checkDomain(t.domain, dnsFor(t), { ca: t.ca, deadlineMs })));
  return check;
}

/**
 * `results[i]` came from `configs[i]`, which expanded from `origin[i]`. Returns the domains'
 * report entries, in input order.
 */
export async function applyDomainChecks(results: TargetResult[], configs: readonly TargetConfig[], origin: readonly TargetConfig[], checks: Map<TargetConfig, Promise<DomainCheck>>): Promise<DomainResult[]> {
  const domains = new Map<string, DomainResult>();
  const seen = new Set<TargetConfig>();
  for (let i = 0; i < results.length; i++) {
    const source = origin[i] as TargetConfig;
    const pending = checks.get(source);
    if (!pending) continue;
    const c = await pending;
    const r = results[i] as TargetResult;
    const added = [];
    if (!seen.has(source)) {
      seen.add(source);
      const mxHosts = [...new Set(results.filter((_, j) => origin[j] === source).map((x) => x.mxHost ?? x.host))];
      added.push(...domainFindings(c, mxHosts), ...domainDrift(configs[i]?.policy?.baseline?.transport ?? null, c.result));
    }
    const judged = judgeAddress(c, r);
    if (judged) {
      r.mtaSts = judged.mtaSts;
      added.push(...judged.findings);
    }
    domains.set(c.domain, c.result);
    addFindings(r, added, (configs[i] as TargetConfig).failOn);
  }
  return [...domains.values()];
}
