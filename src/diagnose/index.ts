/** Diagnosis: every rule over a finished probe, in the order their findings are shown. */
import { DEFAULT_POLICY, type Policy } from "../config/policy.js";
import type { ProbeOutcome } from "../engine/result.js";
import type { Finding } from "../engine/result.js";
import { authBeforeTls, nearMiss, notAdvertised, starttlsNotAdvertised } from "./advertised.js";
import { baselineDrift } from "./baseline.js";
import { credentialsInClear, credentialsWithheld, shortSecret } from "./credentials.js";
import { notSmtp, proxyHeaderUnexpected, sessionError, tlsModeMismatch } from "./connection.js";
import { smtpInspection } from "./firewall.js";
import { expectedExtensions, latency, openRelay, oversizeMessage, vrfyEnabled } from "./policy.js";
import { reverseDnsFindings } from "./rdns.js";
import { bareLineFeeds, enhancedMismatch, rejectedSteps, unsolicitedReplies } from "./replies.js";
import { brokenPipelining } from "./pipelining.js";
import type { Rule } from "./rule.js";
import { certificate, requireTls } from "./tls.js";

export type { Rule } from "./rule.js";

export const RULES: readonly Rule[] = [
  sessionError, notSmtp, tlsModeMismatch, proxyHeaderUnexpected, credentialsWithheld, rejectedSteps, nearMiss, smtpInspection, starttlsNotAdvertised, notAdvertised,
  certificate, requireTls, oversizeMessage, openRelay, vrfyEnabled, authBeforeTls, expectedExtensions, latency, baselineDrift,
  brokenPipelining, enhancedMismatch, bareLineFeeds, unsolicitedReplies, credentialsInClear, shortSecret, reverseDnsFindings,
];

export function diagnose(p: ProbeOutcome, policy: Policy = DEFAULT_POLICY, rules: readonly Rule[] = RULES): Finding[] {
  // A PROXY header answered as a command puts every later reply out of step: it is the one
  // cause, and what the steps seem to say follows from it.
  const outOfStep = rules.includes(proxyHeaderUnexpected) ? proxyHeaderUnexpected(p, policy) : [];
  if (outOfStep.length) return outOfStep;
  const out: Finding[] = [];
  for (const rule of rules) for (const f of rule(p, policy)) out.push(f);
  return out;
}
