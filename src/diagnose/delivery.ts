/** With `send`: a message that did not go out is said in words, with why (each refusal has its own finding). */
import { finding, type Rule } from "./rule.js";

export const messageNotSent: Rule = (p) => {
  const m = p.message;
  if (!m || m.sent) return [];
  const notSent = (step: number | null, message: string, summary: string) => [{ ...finding("message-not-sent", "notice", step, message, [], []), summary }];
  const end = p.steps.findIndex((s) => (s.command === "." || s.verb === "BDAT") && s.reply !== null);
  if (end !== -1) return notSent(end, `The test message was not delivered: the server received it and refused it at its end (step ${end}).`, "the message was refused at its end");
  const rcpts = p.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.verb === "RCPT" && s.check === undefined && s.reply !== null);
  const refused = rcpts.filter(({ s }) => s.class !== "success");
  const at = refused[0]?.i ?? null;
  const steps = `step${refused.length > 1 ? "s" : ""} ${refused.map(({ i }) => i).join(", ")}`;
  if (refused.length && refused.length === m.recipients) {
    return notSent(at, `The test message was not sent: the server refused every recipient (${steps}), so there was no one to deliver it to.`, "the message was not sent: every recipient was refused");
  }
  if (refused.length) {
    const untried = m.recipients - rcpts.length;
    const rest = untried > 0 ? `; the other ${untried} recipient(s) were not tried` : "";
    return notSent(at, `The test message was not sent: the server refused ${refused.length} of ${m.recipients} recipients (${steps})${rest}, and smtp-gate sends only when every recipient is accepted.`, "the message was not sent: a recipient was refused");
  }
  const stop = p.steps.findIndex((s) => s.verdict === "fail" && s.consequenceOf === undefined);
  return notSent(stop === -1 ? null : stop, `The test message was not sent: the session stopped before it went out${stop === -1 ? "" : ` (at step ${stop})`}.`, "the message was not sent");
};
