/** TLS rules: certificate verification in words, days left, protocol version, TLS required. */
import { tlsVersionRank, type Policy } from "../config/policy.js";
import type { Finding } from "../model/report.js";
import type { Severity } from "../model/enums.js";
import { ipFamily } from "../protocol/address.js";
import {
  CERTIFICATE_ADVICE, CERTIFICATE_EXPIRING, OR_CHAIN_INCOMPLETE, OR_WRONG_CA, POSTFIX_RELOAD, VERIFICATION_OFF, chainSettings, type CertificateProblem,
} from "../knowledge/certificates.js";
import { describeVerifyError, type TlsFacts } from "../session/tls-facts.js";
import { serverFamily, tlsActiveAt, tlsFamily } from "./evidence.js";
import { capitalize as cap, finding, type Rule } from "./rule.js";
import { policyAdvice } from "../knowledge/policy-advice.js";

/**
 * One finding per certificate problem, each with the fix for that verification result. The
 * problem the session stopped on comes first (an error); with verification off (`insecure`) each
 * problem is still reported, as a notice. Expiry and the name are read from the facts themselves,
 * since OpenSSL reports only the first problem it meets.
 */
export const certificate: Rule = (p, policy) => {
  const t = p.tls;
  if (!t) return [];
  // The session stopped on verification; otherwise a certificate that is not trusted got through
  // because verification was off, an explicit choice (older reports do not say so): a notice.
  const stopped = p.error?.kind === "tls" && !t.authorized;
  const unverified = p.insecure === true || !t.authorized;
  const step = stopped ? (p.error?.step ?? null) : handshakeStep(p);
  const out: Finding[] = [];
  for (const problem of certificateProblems(t)) {
    const f = certificateFinding(problem, p, t, !stopped && unverified ? "notice" : "error", step);
    if (!out.some((o) => o.id === f.id)) out.push(f);
  }
  if (expiresSoon(t, policy)) {
    const a = CERTIFICATE_EXPIRING;
    const fill = (x: string) => x.replace(/\{daysLeft\}/g, String(t.daysLeft)).replace(/\{validTo\}/g, t.validTo ?? "?");
    out.push({ ...finding(a.id, "warning", step, `The server's certificate expires in ${t.daysLeft} day(s) (${t.validTo}), below cert-min-days ${policy.certMinDays}.`, a.causes.map(fill), a.fixes.map(fill)), summary: fill(a.summary) });
  }
  if (t.protocol && tlsVersionRank(t.protocol) !== -1 && tlsVersionRank(t.protocol) < tlsVersionRank(policy.minTls)) {
    // The recognised product's own settings; none when a box in front may be what ends TLS.
    const advice = policyAdvice("tls-version-too-old", tlsFamily(p));
    out.push(finding("tls-version-too-old", "error", null, `The session negotiated ${t.protocol}, below min-tls ${policy.minTls}.`, advice.causes, advice.fixes));
  }
  return out;
};

/** Fewer days left than `cert-min-days`, not yet expired: certificate-expiring. */
function expiresSoon(t: TlsFacts, policy: Policy): boolean {
  return t.daysLeft !== null && t.daysLeft >= 0 && t.daysLeft < policy.certMinDays;
}

/**
 * What this rule says about the session's own certificate: its chain (an intermediate left out,
 * or an issuer not trusted although the server sent only its certificate, which names the left-out
 * intermediate as the second reading), its name, its expiry. The TLS audit does not say it again.
 */
export function certificateCovers(t: TlsFacts, policy: Policy): { chain: boolean; name: boolean; expiry: boolean } {
  const problems = certificateProblems(t);
  return {
    chain: problems.includes("chain-incomplete") || (problems.includes("private-ca") && t.authorizationError === "UNABLE_TO_VERIFY_LEAF_SIGNATURE"),
    name: problems.includes("name-mismatch"),
    expiry: problems.includes("expired") || expiresSoon(t, policy),
  };
}

/** OpenSSL's codes for a chain it could not complete or trust. */
const CHAIN_CODES: Record<string, CertificateProblem> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "private-ca",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "private-ca",
  UNABLE_TO_GET_ISSUER_CERT: "private-ca",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "private-ca",
};

/** Every problem the facts show, the one verification reported first. */
export function certificateProblems(t: TlsFacts): CertificateProblem[] {
  const code = t.authorizationError;
  const out: CertificateProblem[] = [];
  if (code && !t.authorized) {
    const chain = CHAIN_CODES[code];
    if (chain) out.push(chain === "private-ca" && leftOutIntermediate(t) ? "chain-incomplete" : chain);
    else if (code === "CERT_HAS_EXPIRED") out.push("expired");
    else if (code === "CERT_NOT_YET_VALID") out.push("not-yet-valid");
    else if (code === "ERR_TLS_CERT_ALTNAME_INVALID") out.push("name-mismatch");
    else out.push("unverified");
  }
  if (t.daysLeft !== null && t.daysLeft < 0 && !out.includes("expired")) out.push("expired");
  if (t.nameMatches === false && !out.includes("name-mismatch")) out.push("name-mismatch");
  return out;
}

/**
 * The server sent only its own certificate, and either the certificate names where its issuer is
 * published (public CAs do, RFC 5280 §4.2.2.1) or the CA file given did not verify it: an
 * intermediate left out is then likelier than an unknown CA.
 */
function leftOutIntermediate(t: TlsFacts): boolean {
  return t.authorizationError === "UNABLE_TO_VERIFY_LEAF_SIGNATURE" && (Boolean(t.issuerUrl) || t.trust === "ca");
}

function certificateFinding(problem: CertificateProblem, p: Parameters<Rule>[0], t: TlsFacts, severity: Severity, step: number | null): Finding {
  const a = CERTIFICATE_ADVICE[problem];
  const names = certificateNames(t);
  const name = t.checkedName ?? p.host;
  const fill = (x: string) => x
    .replace(/\{subject\}/g, t.subject ?? "?").replace(/\{issuer\}/g, t.issuer ?? "?")
    .replace(/\{name\}/g, name).replace(/\{names\}/g, names.length ? names.join(", ") : "no name")
    .replace(/\{validTo\}/g, t.validTo ?? "?").replace(/\{validToDate\}/g, t.validTo?.slice(0, 10) ?? "?").replace(/\{validFrom\}/g, t.validFrom ?? "?")
    .replace(/\{why\}/g, describeVerifyError(t.authorizationError ?? "unknown"));
  let causes = a.causes;
  let fixes = a.fixes;
  if (problem === "private-ca" && t.authorizationError === "UNABLE_TO_VERIFY_LEAF_SIGNATURE") {
    causes = [...causes, OR_CHAIN_INCOMPLETE.cause];
    fixes = [fixes[0] as string, OR_CHAIN_INCOMPLETE.fix, ...fixes.slice(1)];
  }
  // Only when Postfix itself holds the certificate: behind a terminator the MTA is not what reloads.
  if (problem === "expired" && serverFamily(p) === "postfix" && !p.server?.via) fixes = [...fixes, POSTFIX_RELOAD];
  if (problem === "chain-incomplete") {
    // The product's own chain setting, after the generic "serve the chain".
    fixes = [fixes[0] as string, ...chainSettings(tlsFamily(p)), ...fixes.slice(1)];
    if (t.trust === "ca") causes = [...causes, OR_WRONG_CA];
    if (t.issuerUrl) fixes = [...fixes, `The issuer's certificate is published at ${t.issuerUrl}.`];
  }
  // Probing by address (or by another name than senders use): verifying the right name comes first.
  if (problem === "name-mismatch" && ipFamily(name) !== 0) fixes = [...fixes].reverse();
  const off = severity === "notice" ? ` ${VERIFICATION_OFF}` : "";
  return { ...finding(a.id, severity, step, `${cap(fill(a.summary))}: ${certificateFacts(problem, t, name, names)}.${off}`, causes.map(fill), fixes.map(fill)), summary: fill(a.summary) };
}

/** The facts behind a problem, in one clause. */
function certificateFacts(problem: CertificateProblem, t: TlsFacts, name: string, names: string[]): string {
  const code = t.authorizationError && !t.authorized ? ` (${t.authorizationError})` : "";
  switch (problem) {
    case "self-signed": return `subject "${t.subject ?? "?"}", issued by itself${code}`;
    case "private-ca": return `issued by "${t.issuer ?? "?"}"${SENT[t.authorizationError ?? ""] ?? ""}${code}`;
    case "chain-incomplete": return `issued by "${t.issuer ?? "?"}", and the server sent only its own certificate${t.issuerUrl ? " (the certificate says where the issuer is published)" : ""}${code}`;
    case "expired": return t.daysLeft !== null && t.daysLeft < 0 ? `${-t.daysLeft} day(s) ago (valid until ${t.validTo ?? "?"})` : `valid until ${t.validTo ?? "?"}${code}`;
    case "not-yet-valid": return `valid from ${t.validFrom ?? "?"}${code}`;
    case "name-mismatch": return `it names ${names.length ? names.join(", ") : "nothing"}, and the name checked was ${name}`;
    case "unverified": return `${describeVerifyError(t.authorizationError ?? "unknown")}${code}`;
  }
}

/** What the server sent, as OpenSSL's chain-building code tells it. */
const SENT: Record<string, string> = {
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: ", and the server sent only its own certificate",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: ", at the top of a chain the server sent",
  SELF_SIGNED_CERT_IN_CHAIN: ", a root the server sent along with its certificate",
};

/** DNS and IP names of the certificate (subjectAltName), else its subject. */
function certificateNames(t: TlsFacts): string[] {
  const sans = t.subjectAltNames.map((n) => n.replace(/^(DNS|IP Address):/, "")).filter(Boolean);
  return sans.length ? sans : t.subject ? [t.subject] : [];
}

/** The step whose handshake the certificate came from: STARTTLS's, or null for implicit TLS. */
function handshakeStep(p: Parameters<Rule>[0]): number | null {
  const i = p.steps.findIndex((s) => s.verb === "STARTTLS" && s.reply?.code === 220);
  return i === -1 ? null : i;
}

/** Policy `require-tls`: the session must have run under TLS. */
export const requireTls: Rule = (p, policy) =>
  policy.requireTls && !p.tls && !p.error
    ? [finding("tls-not-used", "error", null, "The session ran without TLS, but require-tls is set.",
        ["`tls` is `none`, or `opportunistic` and the server did not advertise STARTTLS (possibly stripped by an appliance)."],
        ["Use `tls: starttls` or `tls: implicit`; make the server offer STARTTLS."])]
    : [];

/**
 * The STARTTLS step that `tls: starttls` requires, when the server refused it for now (4xx), or -1.
 * Contract §7 (refining §2): the reply is transient, but nothing after STARTTLS — the production
 * sequence — was tested, so the target fails.
 */
export function requiredStartTlsRefused(p: Parameters<Rule>[0]): number {
  if (p.tlsMode !== "starttls") return -1;
  return p.steps.findIndex((s, i) => s.verb === "STARTTLS" && s.class === "transient" && !tlsActiveAt(p, i));
}

/**
 * `tls: starttls` with a custom sequence that never runs STARTTLS: the session stayed in plain
 * text, which the configuration says it must not (the default sequence always sends STARTTLS).
 */
export const plaintextSession: Rule = (p) => {
  if (p.tlsMode !== "starttls" || p.tls || p.steps.some((s) => s.verb === "STARTTLS")) return [];
  const i = p.steps.findIndex((s) => s.command && !s.extra && s.verb !== "EHLO" && s.verb !== "HELO");
  if (i === -1) return [];
  return [finding("plaintext-session", "warning", i,
    "tls is starttls, but the sequence never ran STARTTLS: the whole session stayed in plain text, so what it tested is not what an encrypted sender sees.",
    ["The custom steps leave out STARTTLS (and the EHLO after it)."],
    ["Add `STARTTLS` and `EHLO {helo}` after the first EHLO in the steps, or set `tls: none` if plain text is what you mean to test."])];
};
