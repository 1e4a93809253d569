/** Diagnosis: every rule over a finished probe, in the order their findings are shown. */
import { DEFAULT_POLICY, type Policy } from "../config/policy.js";
import type { ProbeOutcome } from "../engine/result.js";
import type { Finding } from "../model/report.js";
import { authBeforeTls, commandWithheld, notAdvertised, starttlsNotAdvertised } from "./advertised.js";
import { baselineDrift } from "./baseline.js";
import { messageNotSent } from "./delivery.js";
import { credentialsInClear, credentialsWithheld, shortSecret } from "./credentials.js";
import { notSmtp, proxyHeaderUnexpected, sessionError, tlsModeMismatch } from "./connection.js";
import { forTarget } from "./evidence.js";
import { domainlessAccepted, heloNameForm, heloNotEhlo } from "./sender.js";
import { smtpInspection } from "./firewall.js";
import { declaredSizeAccepted, expectedExtensions, latency, openRelay, oversizeMessage, vrfyEnabled } from "./policy.js";
import { middlebox, middleboxFindings } from "./middlebox.js";
import { prepareOutcome } from "./prepare.js";
import { proxyUnknownRefused } from "./proxy-unknown.js";
import { reverseDnsFindings } from "./rdns.js";
import { unroutableAddresses } from "./unroutable.js";
import { bareLineFeeds, enhancedMismatch, rejectedSteps, unsolicitedReplies } from "./replies.js";
import { brokenPipelining } from "./pipelining.js";
import type { Rule } from "./rule.js";
import { smtpSmuggling } from "./smuggling.js";
import { certificate, plaintextSession, requireTls } from "./tls.js";
import { tlsAuditFindings } from "./tls-audit.js";
import { certificateDrift } from "./transport-drift.js";

export type { Rule } from "./rule.js";
export { prepareOutcome } from "./prepare.js";

export const RULES: readonly Rule[] = [
  middlebox, sessionError, notSmtp, tlsModeMismatch, proxyHeaderUnexpected, heloNotEhlo, credentialsWithheld, commandWithheld, rejectedSteps, smtpInspection, starttlsNotAdvertised, notAdvertised,
  certificate, requireTls, plaintextSession, oversizeMessage, declaredSizeAccepted, openRelay, vrfyEnabled, authBeforeTls, expectedExtensions, latency, baselineDrift,
  brokenPipelining, enhancedMismatch, bareLineFeeds, unsolicitedReplies, credentialsInClear, shortSecret, reverseDnsFindings, heloNameForm, domainlessAccepted, unroutableAddresses,
  smtpSmuggling, messageNotSent, tlsAuditFindings, certificateDrift,
];

/**
 * The findings for a finished probe: one per root cause. The outcome is prepared first (replies
 * that follow from an earlier refusal marked, the server recognised).
 */
export function diagnose(outcome: ProbeOutcome, policy: Policy = DEFAULT_POLICY, rules: readonly Rule[] = RULES): Finding[] {
  return diagnosePrepared(prepareOutcome(outcome), policy, rules);
}

/** The findings for an outcome prepareOutcome() already prepared (engine/judge.ts prepares once). */
export function diagnosePrepared(p: ProbeOutcome, policy: Policy = DEFAULT_POLICY, rules: readonly Rule[] = RULES): Finding[] {
  // A PROXY header answered as a command puts every later reply out of step, and one refused
  // for saying UNKNOWN leaves nothing else tested: each is the one cause, and what the steps
  // seem to say follows from it.
  const outOfStep = rules.includes(proxyHeaderUnexpected) ? [...proxyHeaderUnexpected(p, policy), ...proxyUnknownRefused(p, policy)] : [];
  if (outOfStep.length) return outOfStep;
  // A box in front that explains a step (it answered for the MTA, or the MTA never saw the
  // session) claims it: the generic findings on that step would send the user to the MTA.
  const boxed = rules.includes(middlebox) ? middleboxFindings(p) : [];
  const claimed = new Set(boxed.flatMap((b) => b.claims));
  const out: Finding[] = boxed.map((b) => fitToTarget(b.finding, p));
  // Index loops: every target of a fleet passes here, and most rules find nothing.
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r] as Rule;
    if (rule === middlebox) continue;
    const found = rule(p, policy);
    for (let i = 0; i < found.length; i++) {
      const f = found[i] as Finding;
      if (f.step === null || !claimed.has(f.step)) out.push(fitToTarget(f, p));
    }
  }
  return out.length > 1 ? mergeIdentical(out) : out;
}

/** Every fix runnable for this target: its placeholders ({host}, {port}, {openssl} …) filled. */
function fitToTarget(f: Finding, p: ProbeOutcome): Finding {
  return { ...f, fixes: f.fixes.map((x) => forTarget(x, p)) };
}

/** Findings of one id with the same message (one cause said twice, e.g. by two rules) become one. */
function mergeIdentical(fs: Finding[]): Finding[] {
  const seen = new Set<string>();
  return fs.filter((f) => {
    const key = `${f.id}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
