/** With `send`: a message that did not go out is said in words, with why (the refusals have their own findings). */
import { finding, type Rule } from "./rule.js";

export const messageNotSent: Rule = (p) => {
  if (p.messageSent !== false) return [];
  const rcpts = p.steps.map((s, i) => ({ s, i })).filter(({ s }) => s.command !== null && /^RCPT\b/i.test(s.command) && s.check === undefined);
  const refused = rcpts.filter(({ s }) => s.reply && s.class !== "success");
  const steps = (xs: typeof rcpts) => `step${xs.length > 1 ? "s" : ""} ${xs.map(({ i }) => i).join(", ")}`;
  if (rcpts.length && refused.length === rcpts.length) {
    return [{ ...finding("message-not-sent", "notice", refused[0]?.i ?? null,
      `The test message was not sent: the server refused every recipient (${steps(refused)}), so there was no one to deliver it to.`, [], []), summary: "the message was not sent: every recipient was refused" }];
  }
  if (refused.length) {
    return [{ ...finding("message-not-sent", "notice", refused[0]?.i ?? null,
      `The test message was not sent: the server refused ${refused.length} of ${rcpts.length} recipients (${steps(refused)}), and smtp-gate sends only when every recipient is accepted.`, [], []), summary: "the message was not sent: a recipient was refused" }];
  }
  const end = p.steps.findIndex((s) => (s.command === "." || /^BDAT\b/i.test(s.command ?? "")) && s.reply !== null);
  if (end !== -1) {
    return [{ ...finding("message-not-sent", "notice", end,
      `The test message was not delivered: the server received it and refused it at its end (step ${end}).`, [], []), summary: "the message was refused after it was sent" }];
  }
  const stop = p.steps.findIndex((s) => s.verdict === "fail" && s.consequenceOf === undefined);
  return [{ ...finding("message-not-sent", "notice", stop === -1 ? null : stop,
    `The test message was not sent: the session stopped before the message went out${stop === -1 ? "" : ` (at step ${stop})`}.`, [], []), summary: "the message was not sent" }];
};
