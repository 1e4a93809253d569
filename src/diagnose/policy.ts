/** Policy rules: latency budgets, expected extensions, open relay, VRFY. */
import type { Finding } from "../model/report.js";
import { findExtension } from "../protocol/ehlo.js";
import { policyAdvice } from "../knowledge/policy-advice.js";
import { fixesFor } from "../knowledge/root-causes.js";
import { serverFamily } from "./evidence.js";
import { rootCauseAt } from "./replies.js";
import { finding, list, perStep, type Rule } from "./rule.js";

/** Like check_smtp's warning threshold: a step slower than max-step-ms, a target slower than max-total-ms. */
export const latency: Rule = (p, policy) => {
  const out = [];
  if (policy.maxStepMs !== null) {
    p.steps.forEach((s, i) => {
      if (s.ms > (policy.maxStepMs as number)) {
        const a = policyAdvice("slow-step", serverFamily(p));
        out.push(finding("slow-step", "warning", i, `"${s.command ?? "greeting"}" took ${s.ms} ms, over max-step-ms ${policy.maxStepMs}.`, a.causes, a.fixes));
      }
    });
  }
  if (policy.maxTotalMs !== null && p.durationMs > policy.maxTotalMs) {
    out.push(finding("slow-session", "warning", null, `The whole session took ${p.durationMs} ms, over max-total-ms ${policy.maxTotalMs}.`,
      ["Slow steps (see the step table), a slow network path, or a deliberately delayed greeting."],
      ["Find the slowest step in the table; raise the budget if the delay is intended."]));
  }
  return out;
};

export const expectedExtensions: Rule = (p, policy) => {
  if (!policy.expectExtensions.length || p.error) return [];
  const ehlo = p.steps.reduce((last, s, i) => (s.verb === "EHLO" && s.class === "success" ? i : last), -1);
  if (ehlo === -1) return [];
  return policy.expectExtensions.flatMap((e) => {
    const found = findExtension(p.extensions, e.keyword);
    if (!found) {
      return [finding("extension-missing", "error", ehlo, `The server does not advertise ${e.keyword}, which expect-extensions requires; it offered: ${list(p.extensions)}.`,
        ["The MTA has it disabled, or an SMTP-inspecting appliance strips unknown extensions."],
        [`Enable ${e.keyword} in the MTA; compare the EHLO reply from inside the network.`])];
    }
    if (e.atLeast !== undefined) {
      const value = Number(found.split(/[\s=]+/)[1]);
      // SIZE 0 (or no value) means no fixed limit (RFC 1870 §4).
      if (Number.isFinite(value) && value > 0 && value < e.atLeast) {
        return [finding("extension-too-small", "error", ehlo, `The server advertises ${found}, below the expected ${e.keyword}>=${e.atLeast}.`,
          ["The limit in the MTA is lower than the production sender needs."],
          [`Raise it to at least ${e.atLeast}.`, ...(e.keyword.toUpperCase() === "SIZE" ? fixesFor("message-too-big", serverFamily(p)).slice(0, 1) : [])])];
      }
    }
    return [];
  });
};

/**
 * The test message is larger than the server's SIZE (RFC 1870 §5: the client must not send it).
 * When the server already refused the MAIL that declared it (552, RFC 1870 §6.1; Haraka says 550), its refusal's
 * finding says so with the limit, and this one would repeat it; when the transaction stopped
 * for another reason first, smtp-gate's check was not what kept DATA back, and the words say so.
 */
export const oversizeMessage: Rule = (p) => {
  const o = p.oversize;
  if (!o) return [];
  const mail = p.steps.findIndex((s) => s.verb === "MAIL" && s.check === undefined && s.class === "permanent");
  if (mail !== -1 && rootCauseAt(p, mail).cause === "message-too-big") return [];
  const stoppedFirst = p.steps.some((s) => (s.verb === "MAIL" || s.verb === "RCPT") && s.check === undefined && s.verdict === "fail" && s.consequenceOf === undefined);
  return [finding("message-exceeds-size", "error", null,
    `The test message (${o.octets} octets) is larger than the server's SIZE ${o.limit}, so ${stoppedFirst ? "smtp-gate would not have sent it even had the transaction gone on" : "DATA was not sent"}.`,
    ["The configured body is larger than the server accepts (RFC 1870)."],
    ["Use a smaller `body`, or raise the server's limit.", ...fixesFor("message-too-big", serverFamily(p)).slice(0, 1)])];
};

/**
 * A MAIL that declared a SIZE over the server's advertised limit, and was accepted: the server
 * checks only the data (RFC 1870 §6 lets it), so the message would be refused after it had been
 * sent. smtp-gate's own test message over the limit has its own finding (above).
 */
export const declaredSizeAccepted: Rule = (p) => {
  if (p.oversize) return [];
  const limit = Number(findExtension(p.extensions, "SIZE")?.split(/\s+/)[1]);
  if (!(limit > 0)) return [];
  return perStep(p, (s, i) => {
    const declared = s.verb === "MAIL" && s.class === "success" ? Number(/\sSIZE=(\d+)/i.exec(s.command ?? "")?.[1]) : NaN;
    return declared > limit
      ? finding("size-declared-over-limit", "notice", i,
        `${s.command} declared ${declared} octets, over the SIZE ${limit} the server advertised, and the server accepted it: it checks the size on the data only, so such a message would be refused after it had been sent (RFC 1870 §6).`,
        ["The sender's message is larger than this server takes; the server does not refuse at MAIL (RFC 1870 lets it wait for the data)."],
        ["Keep messages under the SIZE the EHLO reply advertises (link large files instead of attaching them), or raise the server's limit.", ...fixesFor("message-too-big", serverFamily(p)).slice(0, 1)])
      : null;
  });
};

export const openRelay: Rule = (p) =>
  perStep(p, (s, i) =>
    s.check === "open-relay" && s.verb === "RCPT" && s.class === "success"
      ? withAdvice(finding("open-relay", "error", i, `The server accepted ${s.command} from an unauthenticated client: it is an open relay.`, [], []), policyAdvice("open-relay", serverFamily(p)))
      : null);

export const vrfyEnabled: Rule = (p) =>
  perStep(p, (s, i) =>
    s.check === "vrfy" && (s.reply?.code === 250 || s.reply?.code === 251)
      ? withAdvice(finding("vrfy-enabled", "error", i, `The server confirms mailboxes with VRFY (${s.reply.code} ${s.reply.lines[0] ?? ""}), which lets anyone enumerate addresses.`, [], []), policyAdvice("vrfy-enabled", serverFamily(p)))
      : null);

/** A finding with a policy table's causes and fixes. */
function withAdvice(f: Finding, a: { causes: string[]; fixes: string[] }): Finding {
  return { ...f, causes: a.causes, fixes: a.fixes };
}
