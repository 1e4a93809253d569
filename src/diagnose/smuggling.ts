/**
 * The SMTP smuggling check's findings (engine/smuggling.ts): an error naming every end-of-data
 * variant the server took as the end of the message, with the fix for the recognised server;
 * a notice when it took none; a warning when it could not be told for some.
 */
import type { SmugglingResult } from "../model/report.js";
import { SMUGGLING_VARIANTS } from "../protocol/smuggling.js";
import { differential } from "./evidence.js";
import { finding, type Rule } from "./rule.js";

const names = (vs: readonly SmugglingResult[]): string => vs.map((v) => v.variant).join(", ");

export const smtpSmuggling: Rule = (p) => {
  const given = p.smuggling;
  if (!given) return [];
  // "No smuggling" needs every variant judged: one missing from the results counts as not known.
  const missing = SMUGGLING_VARIANTS.filter((v) => !given.some((r) => r.variant === v.name))
    .map((v): SmugglingResult => ({ variant: v.name, endedData: null, replies: [], note: "not tried: no result for this variant" }));
  const results = [...given, ...missing];
  const ended = results.filter((v) => v.endedData === true);
  const unknown = results.filter((v) => v.endedData === null);
  const tried = results.filter((v) => v.endedData !== null);
  if (ended.length) {
    const d = differential("smtp-smuggling", p, null);
    return [finding("smtp-smuggling", "error", null,
      `The server ended the message at ${ended.length === 1 ? "a non-standard end of data" : `${ended.length} non-standard ends of data`}: ${names(ended)} (it answered the message early, then answered the smuggled line and the closing "." as commands). A sender can hide a second message inside the first (SMTP smuggling).${unknown.length ? ` Not determined: ${names(unknown)}.` : ""}`,
      d.causes, d.fixes, d.ruledOut)];
  }
  const why = unknown[0]?.note ?? "unknown";
  if (!tried.length && unknown.every((v) => v.note?.startsWith("not tried: "))) {
    return [finding("smtp-smuggling-not-checked", "warning", null, `The SMTP smuggling check did not run: ${why.replace(/^not tried: /, "")}.`,
      ["The normal transaction did not deliver, or the server ended the session."],
      ["Fix what stopped the normal transaction first (see the other findings), then run the check again."])];
  }
  if (unknown.length) {
    const judged = tried.length ? `The server treated ${names(tried)} as message content (each message was answered once, then NOOP), but` : "No variant could be judged:";
    return [finding("smtp-smuggling-incomplete", "warning", null,
      `${judged} ${names(unknown)} could not be: ${why}. This is no evidence that the server is safe from SMTP smuggling.`,
      ["The server closed the connection or stopped answering after a test message, before NOOP showed that every reply to it had arrived (some servers drop the session at a bare <CR> or <LF>); or it refused a test transaction."],
      ["Read the `smuggling` entries and the transcript (it shows each message's bytes from the variant on, and every reply with its time) for the variant that stopped the check."])];
  }
  return [finding("smtp-smuggling-ok", "notice", null,
    `No SMTP smuggling: each of the ${tried.length} test messages drew its one reply and nothing more before the NOOP after it was answered (or the server refused it with 421 and closed), so it took none of ${names(tried)} as the end of data.`, [], [])];
};
