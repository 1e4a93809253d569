/**
 * The sequence a target runs: the default production sequence of contract §1, or the user's
 * custom steps — after the production opening unless they open the session themselves.
 * Pure: config in, planned steps out.
 */
import type { TargetConfig } from "../config/target.js";
import type { Expectation } from "../protocol/expect.js";
import { verbOf } from "../protocol/command.js";
import { CREDENTIAL_AUTH_STEP, opensSession, type StepSpec } from "../protocol/steps.js";

export interface PlannedStep {
  /** Command template, placeholders unfilled. */
  line: string;
  expect: Expectation | null;
  /** Opportunistic STARTTLS runs only when advertised; the EHLO after it only when TLS started. */
  when?: "starttls-advertised" | "tls-started";
  /** AUTH whose mechanism is chosen after EHLO, from what the server offers. */
  autoAuth?: boolean;
  /** The default sequence's MAIL: parameters (SIZE, BODY, SMTPUTF8) are added for what EHLO offered. */
  mailParams?: boolean;
  /** Sent as written: a configured address is data, not a template ({to} in it stays). */
  literal?: boolean;
  /** A policy check the probe runs as its own small exchange (see probe.ts). */
  check?: PolicyCheck;
}

export type PolicyCheck = "open-relay" | "vrfy";

export function planSequence(t: TargetConfig): PlannedStep[] {
  const steps: PlannedStep[] = t.steps ? customSequence(t, t.steps) : defaultSequence(t);
  const last = steps[steps.length - 1];
  if (!last || verbOf(last.line) !== "QUIT") steps.push({ line: "QUIT", expect: null });
  // Policy checks run unauthenticated, so before the first AUTH or MAIL (else before QUIT).
  const checks: PlannedStep[] = [];
  if (t.policy?.openRelay) checks.push({ line: `RCPT TO:<smtp-gate-relay-test@${t.policy.openRelay}>`, expect: null, check: "open-relay", literal: true });
  if (t.policy?.vrfyDisabled) checks.push({ line: `VRFY ${t.to[0] ?? "postmaster"}`, expect: null, check: "vrfy", literal: true });
  if (checks.length) {
    const at = steps.findIndex((s) => s.autoAuth || ["AUTH", "MAIL", "QUIT"].includes(verbOf(s.line)));
    steps.splice(at, 0, ...checks);
  }
  return steps;
}

/**
 * Steps that open the session themselves (EHLO, HELO or STARTTLS first) run exactly as written;
 * any other custom lines — `XAUTH2 login` — run where production would send them: after the
 * opening, and after its AUTH unless the steps authenticate themselves.
 */
function customSequence(t: TargetConfig, custom: readonly StepSpec[]): PlannedStep[] {
  const written = custom.map((s) => ({ line: s.line, expect: s.expect }));
  if (opensSession(custom)) return written;
  const authenticates = custom.some((s) => CREDENTIAL_AUTH_STEP.test(s.line));
  return [...productionOpening(t, !authenticates), ...written];
}

/** Greeting is read by the probe; then EHLO, STARTTLS and EHLO again as the TLS mode asks, AUTH with credentials. */
function productionOpening(t: TargetConfig, withAuth: boolean): PlannedStep[] {
  const s: PlannedStep[] = [{ line: "EHLO {helo}", expect: null }];
  if (t.tls === "starttls" || t.tls === "opportunistic") {
    const when = t.tls === "opportunistic" ? "starttls-advertised" : undefined;
    s.push({ line: "STARTTLS", expect: null, when }, { line: "EHLO {helo}", expect: null, when: "tls-started" });
  }
  if (t.credentials && withAuth) s.push({ line: "AUTH", expect: null, autoAuth: true });
  return s;
}

function defaultSequence(t: TargetConfig): PlannedStep[] {
  const s = productionOpening(t, true);
  if (t.to.length) {
    s.push({ line: "MAIL FROM:<{from}>", expect: null, mailParams: true });
    for (const to of t.to) s.push({ line: `RCPT TO:<${to}>`, expect: null, literal: true });
    // Nothing is delivered unless asked: without send, the transaction is reset instead.
    s.push({ line: t.send ? "DATA" : "RSET", expect: null });
  }
  return s;
}

/**
 * RFC 2920 §3.1: the transaction commands can be sent in one write; DATA or QUIT may only end
 * a group. Returns how many planned steps from `start` form a group (0 or 1: no pipelining).
 */
export function pipelineGroupLength(plan: readonly PlannedStep[], start: number): number {
  let n = 0;
  for (let i = start; i < plan.length; i++) {
    const p = plan[i] as PlannedStep;
    if (p.check || p.autoAuth || p.when) break;
    const verb = verbOf(p.line);
    if (n === 0 && verb !== "MAIL") return 0;
    if (verb === "MAIL" || verb === "RCPT" || verb === "RSET") n++;
    else if (verb === "DATA") return n + 1;
    // QUIT joins only after RSET: an open transaction is reset first, as without pipelining.
    else if (verb === "QUIT") return verbOf((plan[i - 1] as PlannedStep).line) === "RSET" ? n + 1 : n;
    else break;
  }
  return n;
}

/** Words for what a command does, used in messages: "while performing the EHLO handshake". */
/**
 * The verb of a recorded step (contract §8 \`step.verb\`): null for the greeting, "." for the end of
 * the message, and "AUTH" for a SASL response line, which is shown as "***" and belongs to AUTH.
 */
export function stepVerb(shown: string | null): string | null {
  if (shown === null) return null;
  const verb = verbOf(shown);
  return verb === "***" ? "AUTH" : verb;
}

export function phaseOf(shown: string | null): string {
  if (shown === null) return "waiting for the greeting";
  const verb = verbOf(shown);
  switch (verb) {
    case "EHLO":
    case "HELO":
      return `performing the ${verb} handshake`;
    case "STARTTLS":
      return "performing STARTTLS";
    case "AUTH":
    case "***":
      return "authenticating";
    case "MAIL":
      return "sending MAIL FROM";
    case "RCPT":
      return "sending RCPT TO";
    case "DATA":
      return "sending DATA";
    case ".":
      return "sending the message content";
    case "RSET":
      return "resetting the transaction";
    case "QUIT":
      return "ending the session";
    default:
      return `sending "${shown}"`;
  }
}
