/**
 * Sender-side mistakes the conversation shows, each said once, as the sender's: HELO where EHLO
 * was needed, an EHLO name that is neither a FQDN nor an address literal, an address without a
 * domain.
 *
 * A session that greets with HELO instead of EHLO (RFC 5321 §3.2, §4.1.1.1): the server lists
 * no extensions in reply to HELO, so STARTTLS, AUTH, SIZE and PIPELINING are never offered to a
 * sender that speaks only the pre-ESMTP dialect. Whatever follows from that (STARTTLS refused or
 * "not advertised", credentials kept back, HELO itself refused before TLS) is one cause, said once
 * here; the rules that would otherwise blame the server's TLS or AUTH set-up stand aside.
 */
import type { ProbeOutcome } from "../engine/result.js";
import type { RuledOut } from "../model/report.js";
import { ipFamily } from "../protocol/address.js";
import { envelopePath } from "../protocol/command.js";
import { findExtension } from "../protocol/ehlo.js";
import { codeText, finding, quoted, type Rule } from "./rule.js";

/**
 * The HELO step the sequence itself sent (a custom step, not the fallback after a refused EHLO)
 * in a session where no EHLO succeeded; -1 when the session greeted with EHLO.
 */
export function ownHelo(p: ProbeOutcome): number {
  if (p.steps.some((s) => s.verb === "EHLO" && s.class === "success")) return -1;
  return p.steps.findIndex((s) => s.verb === "HELO" && s.extra === undefined);
}

/**
 * The HELO step itself was refused with 530 (aiosmtpd's require_starttls takes only EHLO, NOOP,
 * QUIT and STARTTLS before TLS): this rule's finding covers it. Any other refusal of HELO (a
 * policy on the name: "Helo command rejected") would meet EHLO too, and replies.ts explains it.
 */
export function heloRefused(p: ProbeOutcome): number {
  const h = ownHelo(p);
  return h !== -1 && p.steps[h]?.reply?.code === 530 ? h : -1;
}

export const heloNotEhlo: Rule = (p) => {
  const h = ownHelo(p);
  if (h === -1) return [];
  const helo = p.steps[h];
  if (!helo) return [];
  const refusedAt = heloRefused(p);
  // HELO refused for its name or by policy: that refusal is the cause (replies.ts), not the verb.
  if (refusedAt === -1 && (helo.class === "transient" || helo.class === "permanent")) return [];
  const stls = p.steps.findIndex((s, i) => i > h && s.verb === "STARTTLS");
  const stlsStep = stls === -1 ? undefined : p.steps[stls];
  const stlsRefused = stlsStep !== undefined && (stlsStep.class === "permanent" || stlsStep.class === "transient");
  const noAuth = p.authWithheld?.reason === "auth-not-offered";
  const noStarttls = p.tlsMode === "starttls" && !findExtension(p.extensionsBeforeTls ?? p.extensions, "STARTTLS");
  const facts: string[] = [];
  if (refusedAt !== -1) facts.push(`the server refused HELO itself with ${codeText(helo)}`);
  if (stlsStep?.reply && stlsRefused) facts.push(`it refused STARTTLS, which a HELO reply cannot advertise, with ${codeText(stlsStep)}`);
  if (stlsStep?.reply?.code === 220) facts.push("it accepted STARTTLS anyway (220), so TLS is there; only the greeting hid it");
  if (noAuth) facts.push("no AUTH was offered, so smtp-gate did not send the credentials (AUTH is an EHLO extension, RFC 4954 §3)");
  const severe = refusedAt !== -1 || stlsRefused || noAuth || noStarttls;
  const ruledOut: RuledOut[] = stlsStep?.reply?.code === 220
    ? [{ cause: "STARTTLS is not configured on this listener.", evidence: "the server answered STARTTLS 220 and the handshake ran" }]
    : [];
  const at = refusedAt !== -1 ? refusedAt : stlsRefused ? stls : h;
  return [{
    ...finding("helo-not-ehlo", severe ? "error" : "notice", at,
      `The session greeted with ${quoted(helo)} instead of EHLO, and a server lists its extensions (STARTTLS, AUTH, SIZE, PIPELINING) only in reply to EHLO (RFC 5321 §4.1.1.1)${facts.length ? `: ${facts.join("; ")}` : ""}.`,
      ["The sender speaks the pre-ESMTP dialect: it greets with HELO, so it never learns of STARTTLS, AUTH or any other extension (RFC 5321 §3.2: a client that wants extensions sends EHLO)."],
      [
        "Make the sender greet with EHLO (libraries do once ESMTP, TLS or AUTH is turned on), then STARTTLS, EHLO again and AUTH (RFC 3207 §4.2, RFC 4954).",
        "In smtp-gate's steps, write `EHLO {helo}` where the sender's HELO is; without custom steps smtp-gate sends EHLO and falls back to HELO only when EHLO is refused.",
      ],
      ruledOut, refusedAt !== -1 || stlsRefused ? "bad-sequence" : null),
    summary: "HELO instead of EHLO: no extensions offered",
  }];
};

/**
 * The EHLO name the session used is neither a fully qualified domain name nor an address literal
 * (RFC 5321 §4.1.4, §2.3.5): a bare IP address (`127.0.0.1`, not `[127.0.0.1]`) or a name
 * without a dot (`ci-runner`, `localhost`). A notice: this server took it, which says nothing of
 * receivers that check the name.
 */
export const heloNameForm: Rule = (p) => {
  const i = p.steps.findIndex((s) => (s.verb === "EHLO" || s.verb === "HELO") && s.class === "success");
  const s = i === -1 ? undefined : p.steps[i];
  const name = s?.command?.split(/\s+/)[1];
  if (!s || !name) return [];
  const form = ipFamily(name) !== 0 ? `an IP address without brackets (the address literal is [${ipFamily(name) === 6 ? `IPv6:${name}` : name}])`
    : /^[a-z0-9-]+$/i.test(name) ? "a name without a domain" : null;
  if (!form) return [];
  return [{
    ...finding("helo-name-form", "notice", i,
      `The ${s.verb} name "${name}" is ${form}: RFC 5321 §4.1.4 wants the client's fully qualified domain name or the address literal of its address. This server accepted it; a receiver that checks the name may refuse it or score it as spam.`,
      ["The sender's host name is not set to a FQDN (a container's or CI runner's short name), or the sender was configured with an address."],
      ["Set the sender's EHLO name to a FQDN whose A/AAAA record and PTR match its public address, or, without one, to the address literal (`[192.0.2.1]`)."]),
    summary: `${s.verb} name "${name}" is not a FQDN or an address literal`,
  }];
};

/**
 * The address of a MAIL or RCPT line when it has no domain (`MAIL FROM:<ci-runner>`), else null;
 * `<>` and `<postmaster>` go without one (RFC 5321 §4.1.1.3, §4.5.5). The configuration refuses
 * such an address; a custom step can still send it.
 */
export function domainlessAddress(command: string | null, verb: string | null): string | null {
  if (verb !== "MAIL" && verb !== "RCPT") return null;
  const a = envelopePath(command ?? "")?.path;
  return a && !/[@\s]/.test(a) && a.toLowerCase() !== "postmaster" ? a : null;
}

/** A domainless address this server accepted (Postfix, for one, appends $myorigin): a notice, since others refuse it (replies.ts says so when one does). */
export const domainlessAccepted: Rule = (p) => {
  const i = p.steps.findIndex((s) => s.class === "success" && domainlessAddress(s.command, s.verb) !== null);
  const s = i === -1 ? undefined : p.steps[i];
  if (!s) return [];
  const a = domainlessAddress(s.command, s.verb) as string;
  return [finding("address-without-domain", "notice", i,
    `${quoted(s)} names <${a}>, an address without a domain (RFC 5321 §4.1.2 wants local-part@domain); this server accepted it, and may complete it with a domain of its own, but other servers refuse it (501 or 553).`,
    ["The sender is configured with a bare user name instead of a full address."],
    [`Give the ${s.verb === "MAIL" ? "sender" : "recipient"} a fully qualified address (\`${a}@\` followed by a domain you own).`])];
};
