/**
 * The SASL exchanges of the AUTH command (RFC 4954), once the credential gate (auth-gate.ts) has
 * allowed a mechanism. Every line is a step of its own, shown after the mechanism as `***` in the
 * step's `command` (contract §6) and labelled by what it carries (`sasl`) for people; every
 * value derived from a secret is registered with the redactor before it is sent.
 */
import type { Credentials } from "../config/target.js";
import { cramMd5Forms, cramMd5Response, loginResponses, plainResponse, xoauth2Response, type AuthMechanism, type SaslPayload } from "../protocol/auth.js";
import { MAX_COMMAND_OCTETS } from "../protocol/command.js";
import { AUTH_CHALLENGE_EXPECTATION, formatExpectation, meetsExpectation, type Expectation } from "../protocol/expect.js";
import type { StepResult } from "../model/report.js";

/** What an exchange needs from the probe: its one send-and-read function, and the redactor. */
export interface SaslIo {
  /** Sends an AUTH line (the larger line limit applies) and records its step; `carries` names what a secret line holds. */
  exchange(wire: string, shown: string, expect: Expectation, carries?: { mechanism: AuthMechanism; carries: SaslPayload }): Promise<StepResult>;
  secret(...forms: string[]): void;
}

/** Runs `mech` to its end; true when the final reply met `finalExpect`. */
export async function runSasl(mech: AuthMechanism, c: Credentials, finalExpect: Expectation, io: SaslIo): Promise<boolean> {
  const passes = async (wire: string, shown: string, expect: Expectation, carries?: SaslPayload) =>
    (await io.exchange(wire, shown, expect, carries && { mechanism: mech, carries })).verdict === "pass";
  const user = c.username;
  switch (mech) {
    case "PLAIN":
      return (await initialResponse("PLAIN", plainResponse(user, c.password ?? ""), finalExpect, io)).verdict === "pass";
    case "LOGIN": {
      const [u, p] = loginResponses(user, c.password ?? "");
      io.secret(u, p);
      if (!(await passes("AUTH LOGIN", "AUTH LOGIN", AUTH_CHALLENGE_EXPECTATION))) return false;
      if (!(await passes(u, "***", AUTH_CHALLENGE_EXPECTATION, "username"))) return false;
      return passes(p, "***", finalExpect, "password");
    }
    case "CRAM-MD5": {
      const first = await io.exchange("AUTH CRAM-MD5", "AUTH CRAM-MD5", AUTH_CHALLENGE_EXPECTATION);
      if (first.verdict !== "pass" || !first.reply) return false;
      const response = cramMd5Response(user, c.password ?? "", first.reply.lines[0] ?? "");
      io.secret(...cramMd5Forms(response));
      return passes(response, "***", finalExpect, "username and digest");
    }
    case "XOAUTH2": {
      // On failure the server sends a 334 with a JSON error; the client answers with an empty line.
      const withChallenge: Expectation = [...finalExpect, ...AUTH_CHALLENGE_EXPECTATION];
      const last = await initialResponse("XOAUTH2", xoauth2Response(user, c.oauthToken ?? ""), withChallenge, io);
      if (last.verdict !== "pass") return false;
      if (last.reply?.code !== 334 || !meetsExpectation(334, withChallenge)) return true;
      last.expected = formatExpectation(AUTH_CHALLENGE_EXPECTATION);
      return passes("", "***", finalExpect, "empty line");
    }
  }
}

/**
 * `AUTH MECH response` in one line — unless that line would pass RFC 5321's 512 octets: then
 * the client must not use the initial response (RFC 4954 §4), so the mechanism goes alone and
 * the response follows the server's empty 334 challenge, as a line of up to 12,288 octets.
 * Returns the last step.
 */
async function initialResponse(mech: "PLAIN" | "XOAUTH2", response: string, finalExpect: Expectation, io: SaslIo): Promise<StepResult> {
  io.secret(response);
  const line = `AUTH ${mech} ${response}`;
  const carries = { mechanism: mech, carries: mech === "PLAIN" ? "username and password" : "username and token" } as const;
  if (Buffer.byteLength(line) + 2 <= MAX_COMMAND_OCTETS) return io.exchange(line, `AUTH ${mech} ***`, finalExpect, carries);
  const first = await io.exchange(`AUTH ${mech}`, `AUTH ${mech}`, AUTH_CHALLENGE_EXPECTATION);
  return first.verdict === "pass" ? io.exchange(response, "***", finalExpect, carries) : first;
}
