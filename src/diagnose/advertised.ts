/** Rules comparing what was sent with what EHLO advertised (RFC 5321 §4.1.1.1, §2.2). */
import { closestKey } from "../config/keys.js";
import type { ProbeOutcome } from "../engine/result.js";
import { verbOf } from "../protocol/command.js";
import { authMechanisms, findExtension, parseEhloExtensions } from "../protocol/ehlo.js";
import { finding, lastHelloBefore, list, perStep, type Rule } from "./rule.js";

/** RFC 5321 §4.1 verbs every server knows, plus those of common extensions. */
const BASE_VERBS = ["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT"];

/** Which extension a command needs, by its verb or by a parameter on its line, with the RFC that defines it. */
const NEEDS: readonly { verb?: string; line?: RegExp; keyword: string; source: string }[] = [
  { verb: "STARTTLS", keyword: "STARTTLS", source: "RFC 3207" },
  { verb: "AUTH", keyword: "AUTH", source: "RFC 4954" },
  { verb: "BDAT", keyword: "CHUNKING", source: "RFC 3030" },
  { verb: "ETRN", keyword: "ETRN", source: "RFC 1985" },
  { line: /^MAIL\b.*\sSMTPUTF8\b/i, keyword: "SMTPUTF8", source: "RFC 6531" },
  { line: /^MAIL\b.*\sSIZE=/i, keyword: "SIZE", source: "RFC 1870" },
  { line: /^MAIL\b.*\sBODY=8BITMIME/i, keyword: "8BITMIME", source: "RFC 6152" },
  { line: /^MAIL\b.*\sREQUIRETLS\b/i, keyword: "REQUIRETLS", source: "RFC 8689" },
  { line: /^(MAIL|RCPT)\b.*\s(RET|ENVID|NOTIFY|ORCPT)=/i, keyword: "DSN", source: "RFC 3461" },
];

const NEED_BY_VERB = new Map(NEEDS.filter((n) => n.verb !== undefined).map((n) => [n.verb as string, n]));
const NEED_BY_LINE = NEEDS.filter((n) => n.line !== undefined);
/** Every NEEDS pattern on a line starts so: the others need not be tried on EHLO, RSET, QUIT… */
const PARAMETER_VERB = /^(MAIL|RCPT)\b/i;

/** The extension a command needs (the first match in NEEDS), if any. */
function needOf(command: string): (typeof NEEDS)[number] | undefined {
  return NEED_BY_VERB.get(verbOf(command)) ?? (PARAMETER_VERB.test(command) ? NEED_BY_LINE.find((n) => n.line?.test(command)) : undefined);
}

/** Extensions advertised by the EHLO that preceded step `i`, or null when there was none. */
function advertisedBefore(p: ProbeOutcome, i: number): string[] | null {
  const h = lastHelloBefore(p, i);
  const s = p.steps[h];
  if (!s?.reply || !/^EHLO\b/i.test(s.command ?? "")) return null;
  return parseEhloExtensions(s.reply.lines);
}

/** A command whose extension the server did not advertise. */
export const notAdvertised: Rule = (p) =>
  perStep(p, (s, i) => {
    if (!s.command || s.extra) return null;
    const command = s.command;
    const need = needOf(command);
    // The EHLO reply is parsed only for a step that needs an extension: a fleet runs this per step.
    const offered = need ? advertisedBefore(p, i) : null;
    if (!need || !offered) return null;
    let missing: string | null = findExtension(offered, need.keyword) ? null : need.keyword;
    const mech = /^AUTH\s+(\S+)/i.exec(command)?.[1]?.toUpperCase();
    if (!missing && need.keyword === "AUTH" && mech && !authMechanisms(offered).includes(mech)) missing = `AUTH ${mech}`;
    if (!missing) return null;
    // The required-STARTTLS case has its own finding (contract §2), of severity error.
    if (missing === "STARTTLS" && p.tlsMode === "starttls") return null;
    return finding("not-advertised", s.verdict === "pass" ? "notice" : s.verdict === "warn" ? "warning" : "error", i,
      `"${s.command}" needs ${missing} (${need.source}), which the server did not advertise; it offered: ${list(offered)}.`,
      ["The server does not support it on this port or before TLS (AUTH is often offered only after STARTTLS).", "An SMTP-inspecting firewall removed it from the EHLO reply."],
      ["Send only what EHLO advertises (production senders do); enable the extension in the MTA, or STARTTLS first.", "Compare the EHLO reply with `openssl s_client -starttls smtp -connect HOST:PORT -crlf` from inside the network."]);
  });

/** Contract §2: with `tls: starttls`, a server that does not advertise STARTTLS is an error. */
export const starttlsNotAdvertised: Rule = (p) => {
  if (p.tlsMode !== "starttls") return [];
  const ehlo = p.steps.findIndex((s) => /^(EHLO|HELO)\b/i.test(s.command ?? "") && s.class === "success");
  if (ehlo === -1) return [];
  const before = p.extensionsBeforeTls ?? p.extensions;
  if (findExtension(before, "STARTTLS")) return [];
  return [finding("starttls-not-advertised", "error", ehlo,
    `STARTTLS is required (tls: starttls) but the server did not advertise it; it offered: ${list(before)}.`,
    ["An SMTP-inspecting firewall or security appliance (such as Cisco ASA ESMTP inspection) removed STARTTLS from the EHLO reply.", "TLS is not configured on this listener (no certificate, or smtpd_tls_security_level = none)."],
    ["Compare with `openssl s_client -starttls smtp -connect HOST:PORT -crlf` from inside the network; if STARTTLS appears there, an appliance in the path strips it: disable its SMTP inspection.", "Enable STARTTLS in the MTA (Postfix: smtpd_tls_security_level = may, with smtpd_tls_chain_files)."])];
};

/** A 500/502 for a command that looks like a known verb or an advertised keyword: suggest the real one. */
export const nearMiss: Rule = (p) =>
  perStep(p, (s, i) => {
    if (!s.command || !s.reply || (s.reply.code !== 500 && s.reply.code !== 502)) return null;
    const verb = verbOf(s.command);
    if (BASE_VERBS.includes(verb)) return null;
    const offered = advertisedBefore(p, i) ?? p.extensions;
    const mechs = authMechanisms(offered);
    const keywords = offered.map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase()).filter((k) => k && k !== "AUTH");
    // Candidates: verbs, advertised keywords, and "AUTH <mech>" for each offered mechanism.
    const candidates = new Map<string, string>();
    for (const v of [...BASE_VERBS, "STARTTLS", "AUTH", ...keywords]) candidates.set(v, v);
    for (const m of mechs) candidates.set(m, `AUTH ${m}`);
    const words = s.command.toUpperCase().split(/\s+/).filter(Boolean);
    // "XAUTH2 login" → an AUTH-ish verb: the offered mechanism says more than the bare verb.
    let suggestion: string | null = /AUTH/.test(verb) && mechs.length ? `AUTH ${mechs.includes("XOAUTH2") ? "XOAUTH2" : mechs[0]}` : null;
    for (const w of suggestion ? [] : words) {
      const near = closestKey(w, [...candidates.keys()], w.length < 6 ? 1 : 2);
      if (near && near !== w) {
        suggestion = candidates.get(near) ?? null;
        break;
      }
    }
    if (!suggestion) return null;
    return finding("near-miss", "error", i,
      `"${s.command}" is not a command this server knows, but it offers ${suggestion}: the sender probably means \`${suggestion}\`.`,
      ["A legacy or home-made sender uses a non-standard command name (for example XAUTH2 instead of AUTH XOAUTH2).", "A typo in a custom step."],
      [`Make the sender use the standard command: \`${suggestion}\`${suggestion.startsWith("AUTH ") ? " (RFC 4954)" : ""}.`, `In smtp-gate, write the step as \`${suggestion}\`${suggestion.startsWith("AUTH ") ? " with credentials configured; smtp-gate then runs the whole exchange" : ""}.`]);
  });

/** Policy `auth-requires-tls`: AUTH must not be offered before STARTTLS (RFC 4954 §4, credentials in clear). */
export const authBeforeTls: Rule = (p, policy) => {
  if (!policy.authRequiresTls) return [];
  const before = p.tlsMode === "implicit" ? null : (p.extensionsBeforeTls ?? (p.tls ? null : p.extensions));
  if (!before || !findExtension(before, "AUTH")) return [];
  const ehlo = p.steps.findIndex((s) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success");
  return [finding("auth-before-tls", "error", ehlo === -1 ? null : ehlo,
    `The server offers AUTH (${findExtension(before, "AUTH")}) before STARTTLS, so passwords may cross the network in clear text.`,
    ["The MTA allows authentication on unencrypted connections (Postfix: smtpd_tls_auth_only = no)."],
    ["Offer AUTH only after STARTTLS (Postfix: smtpd_tls_auth_only = yes; Exim: auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}})."])];
};
