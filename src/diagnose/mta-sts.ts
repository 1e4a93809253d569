/**
 * MTA-STS and TLS-RPT findings (contract §9): the domain's records and policy, then per MX address
 * what an RFC 8461 sender would do. Ids start with `mta-sts-` and `tls-rpt-`; these findings are
 * about the domain's publication, not about a reply, so they name no step.
 */
import { MAX_AGE_LIMIT, compareMx, mxMatches, type StsMode } from "../domain/mta-sts.js";
import type { DomainCheck } from "../engine/domain-policy.js";
import type { AddressMtaSts, Finding, TargetResult } from "../model/report.js";
import type { Severity } from "../model/enums.js";
import { describeVerifyError } from "../session/tls-facts.js";
import { escapeControls } from "../protocol/lines.js";
import { finding, list } from "./rule.js";

/**
 * DNS records, policy lines and HTTP headers are the peer's text: control characters are shown as
 * \xNN (no forged line or workflow command in our output) and a long record is cut.
 */
export function safe(f: Finding): Finding {
  const cut = (s: string) => escapeControls(s.length > 600 ? `${s.slice(0, 600)}…` : s);
  return { ...f, message: cut(f.message), fixes: f.fixes.map(cut) };
}

/** RFC 8461 §5: enforce refuses delivery, testing only reports, none withdraws the policy. */
const MODE_SEVERITY: Record<StsMode, Severity> = { enforce: "error", testing: "warning", none: "notice" };

const FETCH_FIX: Record<string, string> = {
  dns: "Publish an A/AAAA record for mta-sts.DOMAIN pointing at the web server that serves the policy.",
  connect: "Serve HTTPS on port 443 of mta-sts.DOMAIN.",
  tls: "Give mta-sts.DOMAIN a certificate from a public CA that names it (RFC 8461 §3.3), with its intermediates.",
  redirect: "Serve the file itself at https://mta-sts.DOMAIN/.well-known/mta-sts.txt; senders do not follow redirects (RFC 8461 §3.3).",
  status: "Put the policy at /.well-known/mta-sts.txt on mta-sts.DOMAIN and answer 200.",
  "content-type": "Serve the policy with Content-Type: text/plain.",
  "too-large": "Shrink the policy below 64 KiB: it needs only version, mode, mx and max_age lines.",
  timeout: "Make the policy host answer promptly: senders give up and fail open.",
};

/**
 * A certificate the fetch refused, by its verification code: the fix follows the evidence. RFC 8461
 * §3.3: the policy host's certificate must chain to a trusted root and be valid for mta-sts.DOMAIN.
 */
const FETCH_TLS_FIX: Record<string, string> = {
  ERR_TLS_CERT_ALTNAME_INVALID: "Add mta-sts.DOMAIN to the names of the certificate the policy host serves (RFC 8461 §3.3 checks that name; a certificate for DOMAIN or www.DOMAIN alone does not do), or give that virtual host its own certificate.",
  CERT_HAS_EXPIRED: "Renew the certificate of mta-sts.DOMAIN (RFC 8461 §3.3: senders refuse an expired one).",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "Serve the intermediates with the certificate of mta-sts.DOMAIN (the full chain file).",
};

/** A policy's problems, each with its own fix where one is specific; the generic layout otherwise. */
function policyFixes(problems: readonly string[]): string[] {
  const fixes: string[] = [];
  if (problems.some((p) => p.startsWith("max_age"))) fixes.push(`Set max_age to a number of seconds up to ${MAX_AGE_LIMIT} (a year; RFC 8461 §3.2), e.g. max_age: 604800 (a week) or more.`);
  fixes.push("Write version: STSv1, mode, one mx line per MX pattern and max_age, one per line.");
  return fixes;
}

export function domainFindings(c: DomainCheck, mxHosts: readonly string[]): Finding[] {
  const d = c.domain;
  const out: Finding[] = [];
  const txtName = `_mta-sts.${d}`;
  if (c.txt.kind === "lookup-failed") {
    out.push(finding("mta-sts-txt-lookup", "warning", null, `The TXT lookup of ${txtName} failed (${c.txt.code}); senders that cannot read it deliver without MTA-STS.`, ["The domain's DNS servers fail for this name."], [`Check the zone's DNS servers: dig TXT ${txtName}.`]));
  } else if (c.txt.kind === "multiple") {
    out.push(finding("mta-sts-txt-multiple", "error", null, `${txtName} has ${c.txt.records.length} v=STSv1 TXT records (${c.txt.records.map((r) => `"${r}"`).join(", ")}); with more than one, senders act as if there were no policy (RFC 8461 §3.1).`, ["An old record was left beside a new one when the id changed."], [`Keep one v=STSv1 record at ${txtName}.`]));
  } else if (c.txt.kind === "invalid") {
    out.push(finding("mta-sts-txt-invalid", "error", null, `${txtName} "${c.txt.record}" is not a valid MTA-STS record: ${c.txt.problem}; senders act as if there were no policy (RFC 8461 §3.1).`, [], [`Publish "v=STSv1; id=YYYYMMDDHHMMSS;" (id: 1 to 32 letters and digits) at ${txtName}.`]));
  }
  if (c.fetch && !c.fetch.ok) {
    const fix = (c.fetch.kind === "tls" && c.fetch.code ? FETCH_TLS_FIX[c.fetch.code] : undefined) ?? FETCH_FIX[c.fetch.kind] ?? "";
    out.push(finding(`mta-sts-policy-${c.fetch.kind}`, "error", null, `${txtName} announces a policy, but ${c.fetch.url} cannot be fetched: ${c.fetch.message}. Senders fail open: mail is not protected.`, [], [fix.replaceAll("DOMAIN", d)]));
  }
  if (c.parse && "problems" in c.parse) {
    out.push(finding("mta-sts-policy-invalid", "error", null, `The policy at ${c.fetch?.url} is not valid: ${c.parse.problems.join("; ")}. Senders ignore it (RFC 8461 §3.2).`, [], policyFixes(c.parse.problems)));
  }
  if (c.parse && "policy" in c.parse) {
    const { policy, notes } = c.parse;
    if (notes.length) out.push(finding("mta-sts-policy-repeated", "notice", null, `The policy repeats fields: ${notes.join("; ")}.`, [], ["Keep each field once (mx may repeat)."]));
    if (c.parse.trailingBlankLines) {
      out.push(finding("mta-sts-policy-blank-line", "notice", null, `The policy at ${c.fetch?.url} ends with ${c.parse.trailingBlankLines === 1 ? "an empty line" : `${c.parse.trailingBlankLines} empty lines`}. RFC 8461 §3.2's grammar has none; line-by-line readers (postfix-mta-sts-resolver) skip it, a strict parser may ignore the policy.`,
        [], ["End the file after the last field's line break."]));
    }
    if (policy.mode === "none") out.push(finding("mta-sts-mode-none", "notice", null, `The MTA-STS policy of ${d} is in mode none: senders drop it (RFC 8461 §5).`, [], []));
    if (policy.mode !== "none" && mxHosts.length) {
      const { uncovered, unused } = compareMx(policy.mx, mxHosts);
      // An MX the patterns miss is judged per address (mta-sts-mx-not-covered); a pattern no MX matches is stale.
      if (unused.length && uncovered.length === 0) out.push(finding("mta-sts-pattern-unused", "notice", null, `The policy's mx pattern${unused.length > 1 ? "s" : ""} ${unused.join(", ")} match${unused.length > 1 ? "" : "es"} no MX host of ${d} (MX: ${mxHosts.join(", ")}).`, ["An MX host was retired and the policy kept its pattern."], ["Remove the pattern, and publish a new id in the TXT record."]));
      else if (unused.length) out.push(finding("mta-sts-pattern-unused", "notice", null, `The policy's mx pattern${unused.length > 1 ? "s" : ""} ${unused.join(", ")} match${unused.length > 1 ? "" : "es"} no MX host of ${d}.`, [], []));
    }
  }
  const mtaStsInUse = c.result.mtaSts !== null;
  const rptName = `_smtp._tls.${d}`;
  if (c.tlsRpt.kind === "none" && mtaStsInUse) {
    out.push(finding("tls-rpt-missing", "notice", null, `${d} publishes MTA-STS but no TLS-RPT record at ${rptName}: nobody hears when senders fail to deliver over TLS (RFC 8460).`, [], [`Publish "v=TLSRPTv1; rua=mailto:tls-reports@${d}" at ${rptName}.`]));
  } else if (c.tlsRpt.kind === "multiple") {
    out.push(finding("tls-rpt-multiple", "warning", null, `${rptName} has ${c.tlsRpt.records.length} v=TLSRPTv1 records; senders send no reports then (RFC 8460 §3).`, [], [`Keep one v=TLSRPTv1 record at ${rptName}.`]));
  } else if (c.tlsRpt.kind === "invalid") {
    out.push(finding("tls-rpt-invalid", "warning", null, `${rptName} "${c.tlsRpt.record}" is not a valid TLS-RPT record: ${c.tlsRpt.problem}.`, [], [`Publish "v=TLSRPTv1; rua=mailto:…" (or https:) at ${rptName}.`]));
  } else if (c.tlsRpt.kind === "lookup-failed") {
    out.push(finding("tls-rpt-lookup", "notice", null, `The TXT lookup of ${rptName} failed (${c.tlsRpt.code}).`, [], []));
  }
  return out.map(safe);
}

/**
 * RFC 8461 §4: a sender with the policy delivers to an MX host that a pattern covers and that
 * offers STARTTLS with a certificate chaining to a trusted root and naming the MX host (§4.2).
 * Null when the domain has no usable policy.
 */
export function judgeAddress(c: DomainCheck, r: TargetResult): { mtaSts: AddressMtaSts; findings: Finding[] } | null {
  const policy = c.txt.kind === "valid" && c.parse && "policy" in c.parse ? c.parse.policy : null;
  // An MX lookup that failed has no address to judge (its own finding says why).
  if (!policy || r.error?.kind === "dns") return null;
  const host = r.mxHost ?? r.host;
  const covered = policy.mx.some((p) => mxMatches(p, host));
  const mode = policy.mode;
  // RFC 8461 §5: in mode none senders treat the domain as having no policy (§8.3: how a policy is
  // withdrawn), so nothing about an MX host is a finding, and "add mx:" would be advice against
  // the owner's intent. mta-sts-mode-none says it once for the domain.
  if (mode === "none") return { mtaSts: { covered, sender: reachedHost(r) ? "deliver" : null }, findings: [] };
  const severity = MODE_SEVERITY[mode];
  const consequence = mode === "enforce" ? "an MTA-STS sender will not deliver to it" : mode === "testing" ? "senders deliver anyway (testing) but report the failure; in enforce mode they would not deliver" : "the policy is in mode none";
  const where = r.address ? `${host} [${r.address}]` : host;
  const findings: Finding[] = [];
  if (!covered) {
    // RFC 8461 §4.1: a wildcard covers exactly one leftmost label. The common surprises: a host
    // deeper than that, and the domain itself as its own MX under "*.domain".
    const bare = host.toLowerCase().replace(/\.$/, "");
    const deeper = policy.mx.find((p) => p.startsWith("*.") && bare.endsWith(p.slice(1)));
    const apex = deeper ? undefined : policy.mx.find((p) => p.startsWith("*.") && bare === p.slice(2).replace(/\.$/, ""));
    const why = deeper ? `; ${deeper} stands for exactly one label, and ${host} has more in its place (RFC 8461 §4.1)`
      : apex ? `; ${apex} stands for one label before ${bare}, so it does not cover ${bare} itself (RFC 8461 §4.1)` : "";
    const cover = deeper ? `*.${bare.split(".").slice(1).join(".")}` : null;
    findings.push(finding("mta-sts-mx-not-covered", severity, null, `The MX host ${host} matches none of the policy's mx patterns (${list(policy.mx)})${why}: ${consequence}.`,
      [deeper ? "The policy's wildcard was written for hosts one level below the domain; this MX host is further down."
        : apex ? "The domain is its own MX host, and the policy lists only a wildcard below it." : "An MX host was added or renamed without updating the policy."],
      [`Add "mx: ${host}"${cover ? ` (or "mx: ${cover}")` : apex ? "" : " (or a *. pattern that covers it)"} to ${c.fetch?.url ?? "the policy"}, then publish a new id in _mta-sts.${c.domain}.`]));
  }
  const reached = reachedHost(r);
  let tlsOk = false;
  if (r.tls === null) {
    if (reached) findings.push(finding("mta-sts-no-starttls", severity, null, `${where} did not negotiate STARTTLS: ${consequence}.`, ["STARTTLS is not offered, or a middlebox strips it."], ["Offer STARTTLS on the MX host (RFC 8461 §4.2)."]));
  } else if (!r.tls.authorized) {
    const code = r.tls.authorizationError ?? "";
    const nameProblem = code === "ERR_TLS_CERT_ALTNAME_INVALID";
    const names = r.tls.subjectAltNames.map((n) => n.replace(/^(DNS|IP Address):/, "")).join(", ") || r.tls.subject || "none";
    findings.push(finding("mta-sts-mx-certificate", severity, null,
      nameProblem ? `The certificate of ${where} does not name the MX host ${host} (it names ${names}): ${consequence}.` : `The certificate of ${where} does not verify (${describeVerifyError(code)}): ${consequence}.`,
      // The certificate's own causes are the TLS finding's (certificate-untrusted); this one says what MTA-STS makes of it.
      [],
      [nameProblem ? `Issue the certificate for ${host} too (RFC 8461 §4.2 checks the MX host name, not the greeting's).` : "Serve the full chain from a public CA, valid for the MX host name."]));
  } else tlsOk = true;
  const sender = !reached && r.tls === null ? null : mode === "enforce" ? (covered && tlsOk ? "deliver" : "refuse") : "deliver";
  return { mtaSts: { covered, sender }, findings: findings.map(safe) };
}

/** The probe got an answer from the address (TLS or not); a failed connect or a timeout says nothing. */
function reachedHost(r: TargetResult): boolean {
  return r.tls !== null || !(r.error && (r.error.kind === "connect" || r.error.kind === "timeout" || r.error.kind === "proxy"));
}
