/** How a step's command reads for people (every renderer): a secret AUTH line by what it carried. */
import type { StepResult, TargetError } from "../model/report.js";
import { saslLabel } from "../protocol/auth.js";

/** The command as people read it; null for the greeting. The JSON `command` stays `***` (contract §6). */
export function commandLabel(s: StepResult): string | null {
  return s.sasl ? saslLabel(s.sasl.mechanism, s.sasl.carries) : s.command;
}

/** `the greeting` or `"EHLO x"`, for sentences. */
export function quotedCommand(s: StepResult): string {
  const c = commandLabel(s);
  return c === null ? "the greeting" : `"${c}"`;
}

/**
 * Why a step did not pass, in a few words: the expectation it missed, or — when its reply was
 * right and what followed failed (STARTTLS answered 220, then the handshake) — that.
 */
export function notPassedBecause(s: StepResult, i: number, error: TargetError | null): string {
  if (s.reply && error?.step === i) return error.kind === "tls" ? "the TLS handshake after it failed" : `then ${error.kind}`;
  return `expected ${s.expected}`;
}
