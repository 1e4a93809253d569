/** Rules comparing what was sent with what EHLO advertised (RFC 5321 §4.1.1.1, §2.2). */
import { closestKey } from "../config/keys.js";
import type { ProbeOutcome } from "../engine/result.js";
import { policyAdvice } from "../knowledge/policy-advice.js";
import { differential, forTarget, serverFamily } from "./evidence.js";
import { authMechanisms, findExtension, parseEhloExtensions } from "../protocol/ehlo.js";
import { ownHelo } from "./sender.js";
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
/** The extension a step's command needs (the first match in NEEDS), if any: by its verb, or by a parameter of MAIL or RCPT. */
function needOf(verb: string | null, command: string): (typeof NEEDS)[number] | undefined {
  return NEED_BY_VERB.get(verb ?? "") ?? (verb === "MAIL" || verb === "RCPT" ? NEED_BY_LINE.find((n) => n.line?.test(command)) : undefined);
}

/** Extensions advertised by the EHLO that preceded step `i`, or null when there was none. */
function advertisedBefore(p: ProbeOutcome, i: number): string[] | null {
  const h = lastHelloBefore(p, i);
  const s = p.steps[h];
  if (!s?.reply || s.verb !== "EHLO") return null;
  return parseEhloExtensions(s.reply.lines);
}

/** A command whose extension the server did not advertise. */
export const notAdvertised: Rule = (p) =>
  perStep(p, (s, i) => {
    if (!s.command || s.extra || p.commandWithheld?.step === i) return null;
    const command = s.command;
    const need = needOf(s.verb, command);
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
      ["Send only what EHLO advertises (production senders do); enable the extension in the MTA, or STARTTLS first.", forTarget("Compare the EHLO reply with `{openssl}` from inside the network.", p)]);
  });

const WITHHELD_ADVICE = { SMTPUTF8: "smtputf8-not-offered", CHUNKING: "chunking-not-offered" } as const;

/**
 * A command smtp-gate kept back because the server did not advertise the extension it needs
 * (engine/probe.ts `withhold`): the session's error is smtp-gate's own refusal, not a server
 * fault, so it is said as such, with what the server did offer.
 */
export const commandWithheld: Rule = (p) => {
  const w = p.commandWithheld;
  const s = w ? p.steps[w.step] : undefined;
  if (!w || !s?.command) return [];
  const offered = advertisedBefore(p, w.step) ?? p.extensions;
  const a = policyAdvice(w.needs === "CHUNKING" ? WITHHELD_ADVICE.CHUNKING : WITHHELD_ADVICE.SMTPUTF8, serverFamily(p));
  const what = w.needs === "CHUNKING"
    ? `"${s.command}" and the message chunk after it: the server's EHLO reply does not advertise CHUNKING (RFC 3030 §2), and a server without it would read the chunk's lines as commands`
    : `"${s.command}": it holds non-ASCII characters, and the server's EHLO reply does not advertise SMTPUTF8 (RFC 6531 §3.4), so no compliant sender may send it there`;
  return [{
    ...finding(`${w.needs.toLowerCase()}-not-offered`, "error", w.step, `smtp-gate did not send ${what}; it offered: ${list(offered)}.`, a.causes, a.fixes, [], w.needs === "SMTPUTF8" ? "smtputf8-required" : null),
    summary: `not sent: the server does not offer ${w.needs}`,
  }];
};

/**
 * Contract §2: with `tls: starttls`, a server that does not advertise STARTTLS is an error. When
 * the server then refused the STARTTLS that smtp-gate sent anyway, this finding sits on that step
 * and covers its refusal: one cause, one finding.
 */
export const starttlsNotAdvertised: Rule = (p) => {
  // After HELO nothing is advertised: sender.ts says so, instead of blaming the server's TLS.
  if (p.tlsMode !== "starttls" || ownHelo(p) !== -1) return [];
  const ehlo = p.steps.findIndex((s) => (s.verb === "EHLO" || s.verb === "HELO") && s.class === "success");
  if (ehlo === -1) return [];
  const before = p.extensionsBeforeTls ?? p.extensions;
  if (findExtension(before, "STARTTLS")) return [];
  const refused = p.steps.findIndex((s) => s.verb === "STARTTLS" && s.class === "permanent");
  const r = refused === -1 ? null : p.steps[refused]?.reply;
  const d = differential("starttls-not-advertised", p, refused === -1 ? ehlo : refused);
  return [finding("starttls-not-advertised", "error", refused === -1 ? ehlo : refused,
    `STARTTLS is required (tls: starttls) but the server did not advertise it${r ? ` and answered STARTTLS with ${r.code}${r.enhanced ? ` ${r.enhanced}` : ""}` : ""}; its EHLO reply offered: ${list(before)}.`,
    d.causes, d.fixes, d.ruledOut, r ? "tls-unavailable" : null)];
};

export interface Suggestion {
  /** The command the sender probably means, as it would be written: `AUTH LOGIN`. */
  command: string;
  /** One sentence for the finding's message, claiming only what this conversation showed. */
  sentence: string;
  fixes: string[];
}

/**
 * What a 500/502'd command probably meant, from the EHLO reply that preceded it: only keywords
 * that reply advertised (or RFC 5321 verbs), the command's argument weighed ("XAUTH2 login" with
 * AUTH LOGIN offered means AUTH LOGIN), and nothing claimed when no EHLO was answered.
 */
export function suggestCommand(p: ProbeOutcome, i: number): Suggestion | null {
  const s = p.steps[i];
  if (!s?.command || !s.verb || !s.reply || (s.reply.code !== 500 && s.reply.code !== 502)) return null;
  const verb = s.verb;
  if (BASE_VERBS.includes(verb)) return null;
  const offered = advertisedBefore(p, i);
  const words = s.command.toUpperCase().split(/\s+/).filter(Boolean);
  if (/AUTH/.test(verb) && verb !== "AUTH") {
    if (!offered) return null;
    const mechs = authMechanisms(offered);
    if (!mechs.length) return authAfterTls(p, i, offered);
    const named = words.slice(1).find((w) => mechs.includes(w));
    const mech = named ?? (/OAUTH|XAUTH2/.test(verb) && mechs.includes("XOAUTH2") ? "XOAUTH2" : mechs.length === 1 ? mechs[0] : null);
    if (!mech) {
      const all = mechs.map((m) => `\`AUTH ${m}\``).join(" or ");
      return { command: `AUTH ${mechs[0]}`, sentence: `The server offers AUTH ${mechs.join(" ")}: the sender probably means ${all}.`, fixes: [`Make the sender use the standard AUTH command with a mechanism the server offers: ${all} (RFC 4954).`] };
    }
    const command = `AUTH ${mech}`;
    const why = named ? ` (the argument "${words[words.indexOf(named)]?.toLowerCase()}" names that mechanism)` : "";
    return {
      command,
      sentence: `The server offers AUTH ${mechs.join(" ")}${why}: the sender probably means \`${command}\`.`,
      fixes: [`Make the sender use the standard command: \`${command}\` (RFC 4954).`, `In smtp-gate, write the step as \`${command}\` with credentials configured; smtp-gate then runs the whole exchange.`],
    };
  }
  // A typo: RFC 5321 verbs always count; extension keywords only when this EHLO reply advertised them.
  const keywords = (offered ?? []).map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase()).filter((k) => k && k !== "AUTH");
  const candidates = [...BASE_VERBS, ...keywords, ...(offered && findExtension(offered, "AUTH") ? ["AUTH"] : [])];
  for (const w of words) {
    const near = closestKey(w, candidates, w.length < 6 ? 1 : 2)?.toUpperCase();
    if (near && near !== w) {
      const advertised = !BASE_VERBS.includes(near);
      return {
        command: near,
        sentence: `"${w}" is close to ${near}${advertised ? ", which the server advertised" : " (RFC 5321)"}: the sender probably means \`${near}\`.`,
        fixes: [`Correct the command to \`${near}\`.`],
      };
    }
  }
  return null;
}

/** An AUTH-like command sent where the current EHLO reply offers no AUTH. */
function authAfterTls(p: ProbeOutcome, i: number, offered: string[]): Suggestion | null {
  const afterTls = p.extensionsBeforeTls !== null && !tlsBefore(p, i) ? authMechanisms(p.extensions) : [];
  if (afterTls.length) {
    return {
      command: "STARTTLS",
      sentence: `The server offers AUTH only after STARTTLS (then AUTH ${afterTls.join(" ")}); this command was sent before it.`,
      fixes: [`Run STARTTLS and EHLO first, then \`AUTH ${afterTls[0]}\` (RFC 3207, RFC 4954).`],
    };
  }
  if (findExtension(offered, "STARTTLS") && !tlsBefore(p, i)) {
    return {
      command: "STARTTLS",
      sentence: "The server offers no AUTH on this unencrypted session, but it offers STARTTLS, after which servers usually offer AUTH.",
      fixes: ["Run STARTTLS and EHLO first, then AUTH with a mechanism the new EHLO reply offers (RFC 3207, RFC 4954)."],
    };
  }
  return null;
}

const tlsBefore = (p: ProbeOutcome, i: number): boolean =>
  p.tlsMode === "implicit" || p.steps.slice(1, i).some((s) => s.verb === "STARTTLS" && s.reply?.code === 220);

/**
 * A 500/502 for a command that looks like a known verb or an advertised keyword, as a finding of
 * its own. diagnose() does not list it: the suggestion is the top fix of the command's own finding
 * (rejectedSteps); this rule stays for callers that want the suggestion alone.
 */
export const nearMiss: Rule = (p) =>
  perStep(p, (s, i) => {
    const sug = suggestCommand(p, i);
    if (!sug || !s.command) return null;
    return finding("near-miss", "error", i, `"${s.command}" is not a command this server knows. ${sug.sentence}`,
      ["A legacy or home-made sender uses a non-standard command name, or a custom step has a typo."], sug.fixes);
  });

/** Policy `auth-requires-tls`: AUTH must not be offered before STARTTLS (RFC 4954 §4, credentials in clear). */
export const authBeforeTls: Rule = (p, policy) => {
  if (!policy.authRequiresTls) return [];
  const before = p.tlsMode === "implicit" ? null : (p.extensionsBeforeTls ?? (p.tls ? null : p.extensions));
  if (!before || !findExtension(before, "AUTH")) return [];
  const ehlo = p.steps.findIndex((s) => s.verb === "EHLO" && s.class === "success");
  const a = policyAdvice("auth-before-tls", serverFamily(p));
  return [finding("auth-before-tls", "error", ehlo === -1 ? null : ehlo,
    `The server offers AUTH (${findExtension(before, "AUTH")}) before STARTTLS, so passwords may cross the network in clear text.`, a.causes, a.fixes)];
};
