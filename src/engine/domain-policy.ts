/**
 * Reads a mail domain's transport-security policies once per run: the `_mta-sts` TXT record and,
 * when there is one, the policy file (RFC 8461 §3); the `_smtp._tls` TLS-RPT record (RFC 8460 §3).
 * Everything through the run's DNS (the target's `resolver`). Judged by diagnose/mta-sts.ts.
 */
import { createHash } from "node:crypto";
import type { LookupAddress } from "node:dns";
import { POLICY_SIZE_LIMIT, parsePolicy, readStsTxt, type PolicyParse, type TxtVerdict } from "../domain/mta-sts.js";
import { readTlsRptTxt, type TlsRptVerdict } from "../domain/tls-rpt.js";
import type { RunDns } from "./dns.js";
import { fetchPolicy, type PolicyFetch } from "../session/policy-fetch.js";
import { monotonicMs } from "../session/clock.js";
import type { DomainResult } from "../model/report.js";

export interface DomainCheck {
  domain: string;
  txt: TxtVerdict | { kind: "lookup-failed"; code: string };
  /** Null when there was no TXT record to send a sender looking. */
  fetch: PolicyFetch | null;
  parse: PolicyParse | null;
  tlsRpt: TlsRptVerdict | { kind: "lookup-failed"; code: string };
  /** The report's view of it. */
  result: DomainResult;
}

/** A record that does not exist is no record; any other DNS failure is reported as such. */
async function txtRecords(dns: RunDns, name: string): Promise<string[][] | { code: string }> {
  const r = await dns.txt(name);
  if (Array.isArray(r)) return r;
  return r.code === "ENOTFOUND" || r.code === "ENODATA" ? [] : r;
}

/** The policy host's addresses from the run's DNS (IPv4 first, then IPv6), then the fetch, all within one deadline. */
async function fetchThrough(dns: RunDns, domain: string, o: { ca?: string; deadlineMs: number }): Promise<PolicyFetch> {
  const started = monotonicMs();
  const host = `mta-sts.${domain}`;
  const addresses: LookupAddress[] = [];
  for (const family of [4, 6] as const) {
    const found = await dns.addresses(host, family);
    if (Array.isArray(found)) addresses.push(...found.map((address) => ({ address, family })));
  }
  return fetchPolicy(domain, { addresses, ca: o.ca, maxBytes: POLICY_SIZE_LIMIT, deadlineMs: o.deadlineMs - (monotonicMs() - started) });
}

export async function checkDomain(domain: string, dns: RunDns, o: { ca?: string; deadlineMs: number }): Promise<DomainCheck> {
  const [stsRecords, rptRecords] = await Promise.all([txtRecords(dns, `_mta-sts.${domain}`), txtRecords(dns, `_smtp._tls.${domain}`)]);
  const txt = Array.isArray(stsRecords) ? readStsTxt(stsRecords) : { kind: "lookup-failed" as const, code: stsRecords.code };
  const tlsRpt = Array.isArray(rptRecords) ? readTlsRptTxt(rptRecords) : { kind: "lookup-failed" as const, code: rptRecords.code };
  // Fetched whenever an STSv1 record exists, valid or not: the owner meant to publish a policy,
  // and what the file says is worth knowing even while the record is broken.
  const fetch = txt.kind === "none" || txt.kind === "lookup-failed" ? null : await fetchThrough(dns, domain, o);
  const parse = fetch?.ok ? parsePolicy(fetch.body) : null;
  const policy = parse && "policy" in parse ? parse.policy : null;
  const txtId = txt.kind === "valid" ? txt.id : null;
  const result: DomainResult = {
    domain,
    mtaSts: txt.kind === "none" || txt.kind === "lookup-failed" ? null : {
      txtId,
      policyId: policy ? txtId : null,
      mode: policy?.mode ?? null,
      maxAge: policy?.maxAge ?? null,
      mx: policy?.mx ?? [],
      bodySha256: fetch?.ok ? createHash("sha256").update(fetch.body).digest("hex") : null,
    },
    tlsRpt: tlsRpt.kind === "valid" ? { rua: tlsRpt.rua } : null,
  };
  return { domain, txt, fetch, parse, tlsRpt, result };
}
