/**
 * RFC 2920 PIPELINING gone wrong: replies lost (a timeout inside a pipelined group), merged or
 * out of order (a reply that cannot answer the command it lines up with).
 */
import { policyAdvice } from "../knowledge/policy-advice.js";
import { replyCodeText } from "../protocol/reply.js";
import { serverFamily } from "./evidence.js";
import { finding, type Rule } from "./rule.js";

/** Reply codes that can answer each pipelined verb (RFC 5321 §4.3.2); 4xx/5xx fit any. */
const PLAUSIBLE: Record<string, readonly number[]> = {
  MAIL: [250], RCPT: [250, 251, 252], RSET: [250], DATA: [354], QUIT: [221],
};
/** RFC 3463 subjects that mark a reply as being about the sender (X.1.0) or a recipient (X.1.5). */
const SUBJECT: Record<string, RegExp> = { MAIL: /^\d\.1\.[5]$/, RCPT: /^\d\.1\.0$/ };

export const brokenPipelining: Rule = (p) => {
  const i = p.steps.findIndex((s) => {
    if (!s.pipelined || !s.verb) return false;
    const verb = s.verb;
    if (!s.reply) return p.error?.step !== undefined && p.error.kind === "timeout";
    const c = s.reply.code;
    const fits = c >= 400 || (PLAUSIBLE[verb] ?? []).includes(c);
    const crossed = s.reply.enhanced !== null && (SUBJECT[verb]?.test(s.reply.enhanced) ?? false);
    return !fits || crossed;
  });
  if (i === -1) return [];
  const s = p.steps[i];
  const lost = !s?.reply;
  const advice = policyAdvice("pipelining-broken", serverFamily(p));
  return [finding("pipelining-broken", "error", i,
    lost
      ? `The server advertised PIPELINING but a reply to a pipelined command never came (${s?.command}): replies were lost.`
      : `The reply to pipelined "${s?.command}" (${s?.reply ? replyCodeText(s.reply) : ""}) cannot answer that command: replies came merged or out of order.`,
    advice.causes, advice.fixes)];
};
