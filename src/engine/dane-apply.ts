/**
 * DANE in the run (contract §9): after the probes, each MX address gets what a DANE sender would
 * do (`target.dane`) and the findings of diagnose/dane.ts; the verdict is recomputed. Lookups are
 * made once per (resolver, host, family); the candidate certificate is judged once per MX host.
 */
import type { TargetConfig } from "../config/target.js";
import { readPemChain } from "../dane/tlsa.js";
import { judgeCandidate, judgeDane } from "../diagnose/dane.js";
import type { DnsServer } from "./dns.js";
import { checkAddress, daneServer, lookupHostDane, mxSecure, resolverValidates, type HostDane } from "./dane.js";
import type { DomainResult, TargetResult } from "../model/report.js";
import { addFindings } from "./judge.js";

/** `resolver`: the run's override of every target's own (RunOptions.resolver). */
export async function applyDane(results: TargetResult[], configs: readonly TargetConfig[], domains: readonly DomainResult[], resolver?: DnsServer): Promise<void> {
  const hosts = new Map<string, Promise<HostDane>>();
  const validating = new Map<string, Promise<boolean | null>>();
  const mxSigned = new Map<string, Promise<boolean | null>>();
  // Every address's lookups and handshake at once (each its own TLS session, RFC 7672 §3.3's SNI):
  // an MX domain's addresses do not wait for one another. Then judged in order.
  const checks = results.map((r, i) => {
    const t = configs[i] as TargetConfig;
    if (!r.mxHost || !r.address || t.dane === false) return null;
    const server = resolver ?? daneServer(t);
    if (!server) return null;
    // The lookups end within the target's own bounds, as the probe does.
    const deadlineMs = Math.min(t.timeoutMs, t.deadlineMs ?? Infinity);
    const at = `${server.host}:${server.port}`;
    const family = r.address.includes(":") ? 6 : 4;
    const domain = t.domain ?? r.mxHost;
    const hostKey = `${at} ${r.mxHost} ${family} ${t.port} ${domain}`;
    let dns = hosts.get(hostKey);
    if (!dns) hosts.set(hostKey, (dns = lookupHostDane(r.mxHost, family, server, deadlineMs, { port: t.port, domain })));
    let validates = validating.get(`${at} ${domain}`);
    if (!validates) validating.set(`${at} ${domain}`, (validates = resolverValidates(domain, server, deadlineMs)));
    let signed = mxSigned.get(`${at} ${domain}`);
    if (!signed) mxSigned.set(`${at} ${domain}`, (signed = mxSecure(domain, server, deadlineMs)));
    const lookups = Promise.all([dns, validates, signed]);
    return lookups.then(([d, v, m]) => checkAddress(t, r, d, v, m));
  });
  const done = await Promise.all(checks);
  const candidateDone = new Set<string>();
  for (let i = 0; i < results.length; i++) {
    const check = done[i];
    if (!check) continue;
    const r = results[i] as TargetResult;
    const t = configs[i] as TargetConfig;
    const judged = judgeDane(check, r, `${r.mxHost} [${r.address}]`);
    r.dane = judged.dane;
    const added = judged.findings;
    if (t.candidateCert && r.mxHost && !candidateDone.has(r.mxHost) && check.resolverValidates !== false) {
      candidateDone.add(r.mxHost);
      const chain = readPemChain(t.candidateCert.pem);
      if (Array.isArray(chain)) added.push(...judgeCandidate({ path: t.candidateCert.path, chain }, check, domains.find((d) => d.domain === t.domain) ?? null));
    }
    addFindings(r, added, t.failOn);
  }
}
