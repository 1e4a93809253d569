/**
 * The SMTP smuggling check's findings (engine/smuggling.ts): an error naming every end-of-data
 * variant the server took as the end of the message, with the fix for the recognised server;
 * a notice when it took none; a warning when it could not be told for some.
 */
import type { SmugglingResult } from "../engine/result.js";
import { differential } from "./evidence.js";
import { finding, type Rule } from "./rule.js";

const names = (vs: readonly SmugglingResult[]): string => vs.map((v) => v.variant).join(", ");

export const smtpSmuggling: Rule = (p) => {
  const results = p.smuggling;
  if (!results) return [];
  const ended = results.filter((v) => v.endedData === true);
  const unknown = results.filter((v) => v.endedData === null);
  const tried = results.filter((v) => v.endedData !== null);
  if (ended.length) {
    const d = differential("smtp-smuggling", p, null);
    return [finding("smtp-smuggling", "error", null,
      `The server ended the message at ${ended.length === 1 ? "a non-standard end of data" : `${ended.length} non-standard ends of data`}: ${names(ended)} (it answered the message early, then answered the smuggled line and the closing "." as commands). A sender can hide a second message inside the first (SMTP smuggling).${unknown.length ? ` Not determined: ${names(unknown)}.` : ""}`,
      d.causes, d.fixes, d.ruledOut)];
  }
  if (!tried.length) {
    const why = unknown[0]?.note ?? "not tried";
    return [finding("smtp-smuggling-not-checked", "warning", null, `The SMTP smuggling check did not run: ${why.replace(/^not tried: /, "")}.`,
      ["The normal transaction did not deliver, or the server ended the session."],
      ["Fix what stopped the normal transaction first (see the other findings), then run the check again."])];
  }
  if (unknown.length) {
    return [finding("smtp-smuggling-incomplete", "warning", null,
      `The server treated ${names(tried)} as message content (each message was answered once), but ${names(unknown)} could not be checked: ${unknown[0]?.note ?? "unknown"}.`,
      ["The server refused a test transaction or closed the connection during the check (some servers drop the session at a bare <CR> or <LF>)."],
      ["Read the `smuggling` entries and the transcript for the variant that stopped the check."])];
  }
  return [finding("smtp-smuggling-ok", "notice", null,
    `No SMTP smuggling: the server answered each of the ${tried.length} test messages once, so it took none of ${names(tried)} as the end of data.`, [], [])];
};
