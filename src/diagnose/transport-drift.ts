/**
 * Drift of the transport-security facts (contract §9), beside the per-target baseline of
 * ./baseline.ts: the baseline file's `transport` section records each domain's MTA-STS policy id,
 * body digest and mx patterns, and each address's certificate keys and issuers (from the TLS
 * audit). A policy body that changed under the same id is the trap: senders that cached the policy
 * keep the old one until max_age runs out (RFC 8461 §3.1: they refetch only on a new id).
 */
import type { TransportBaseline } from "../config/policy.js";
import type { DomainResult, Finding, Report, TargetResult } from "../model/report.js";
import { finding, type Rule } from "./rule.js";

const certLines = (t: Pick<TargetResult, "tlsAudit">): string[] => (t.tlsAudit?.certificates ?? []).map((c) => `${c.key} by ${c.issuer ?? "unknown issuer"}`);

/** What `--write-baseline` records of transport security. */
export function transportBaseline(report: Report): TransportBaseline {
  const domains: TransportBaseline["domains"] = {};
  for (const d of report.domains ?? []) {
    if (d.mtaSts) domains[d.domain] = { policyId: d.mtaSts.policyId, bodySha256: d.mtaSts.bodySha256, mx: d.mtaSts.mx, maxAge: d.mtaSts.maxAge };
  }
  const certificates = Object.fromEntries(report.targets.filter((t) => t.tlsAudit).map((t) => [t.name, certLines(t)]));
  return { domains, certificates };
}

type DriftRule<T> = (was: T, now: T, name: string) => Finding | null;

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** One row per fact of a domain's policy. */
const DOMAIN_DRIFT: readonly DriftRule<TransportBaseline["domains"][string]>[] = [
  (was, now, d) => (was.bodySha256 && now.bodySha256 && was.bodySha256 !== now.bodySha256 && was.policyId === now.policyId
    ? finding("mta-sts-policy-changed-same-id", "warning", null, `The MTA-STS policy of ${d} changed since the baseline, but its id (${now.policyId}) did not: senders that cached it keep the old policy until max_age (${now.maxAge ?? "?"} s) runs out.`,
      ["The policy file was edited without publishing a new id in the TXT record."], [`Publish a new id in _mta-sts.${d} (e.g. the date and time: id=YYYYMMDDHHMMSS).`])
    : null),
  (was, now, d) => (was.policyId && now.policyId && was.policyId !== now.policyId
    ? finding("mta-sts-policy-id-changed", "notice", null, `The MTA-STS policy id of ${d} changed since the baseline: ${was.policyId} → ${now.policyId}.`, [], [])
    : null),
  (was, now, d) => (!sameList([...was.mx].sort(), [...now.mx].sort())
    ? finding("mta-sts-mx-patterns-changed", "notice", null, `The MTA-STS mx patterns of ${d} changed since the baseline: ${was.mx.join(", ") || "none"} → ${now.mx.join(", ") || "none"}.`, [], [])
    : null),
];

export function domainDrift(was: TransportBaseline | null, now: DomainResult): Finding[] {
  const before = was?.domains[now.domain];
  if (!before || !now.mtaSts) return [];
  const current = { policyId: now.mtaSts.policyId, bodySha256: now.mtaSts.bodySha256, mx: now.mtaSts.mx, maxAge: now.mtaSts.maxAge };
  return DOMAIN_DRIFT.map((rule) => rule(before, current, now.domain)).filter((f): f is Finding => f !== null);
}

/** A rule (./index.ts): the certificates the TLS audit saw against the baseline's. */
export const certificateDrift: Rule = (t, policy) => {
  const before = policy.baseline?.transport?.certificates[t.name];
  if (!before || !t.tlsAudit) return [];
  const now = certLines(t);
  if (sameList([...before].sort(), [...now].sort())) return [];
  return [finding("tls-audit-certificates-changed", "warning", null, `The certificates' keys or issuers changed since the baseline: ${before.join("; ") || "none"} → ${now.join("; ") || "none"}.`,
    ["A renewal with another key type or CA, or a TLS-intercepting appliance presenting its own certificate."], ["Check that the new key and issuer are expected (and that DANE TLSA records, if any, were updated)."])];
};
