/** TLS rules: certificate verification in words, days left, protocol version, TLS required. */
import { tlsVersionRank } from "../config/policy.js";
import { describeVerifyError } from "../session/tls-facts.js";
import { serverFamily, tlsActiveAt } from "./evidence.js";
import { finding, type Rule } from "./rule.js";

export const certificate: Rule = (p, policy) => {
  const t = p.tls;
  if (!t) return [];
  const out = [];
  // A session that failed only on an expired certificate: certificate-expired below says it, once.
  const onlyExpired = t.authorizationError === "CERT_HAS_EXPIRED" && t.daysLeft !== null && t.daysLeft < 0 && p.error?.kind === "tls";
  if (!t.authorized && !onlyExpired) {
    const why = describeVerifyError(t.authorizationError ?? "unknown");
    // Without `insecure` the session already failed on it (error kind tls); a session that went on
    // past an untrusted certificate had verification off, an explicit choice: a notice, not a warning.
    const failed = p.error?.kind === "tls";
    const insecure = p.insecure ?? !failed;
    out.push(finding("certificate-untrusted", failed ? "error" : insecure ? "notice" : "warning", null,
      `The server's certificate is not trusted: ${why} (${t.authorizationError}).${t.subject ? ` Subject: ${t.subject}${t.issuer ? `, issuer: ${t.issuer}` : ""}.` : ""}${!failed && insecure ? " Verification is off (insecure: true), so the session went on." : ""}`,
      ["A self-signed or private-CA certificate, an expired certificate, one issued for another host name, or a missing intermediate certificate."],
      ["Install a certificate from a public CA with the full chain (Let's Encrypt works for SMTP).", "For a private CA, pass it with `ca` / `--ca FILE` instead of turning verification off."]));
  }
  if (t.daysLeft !== null && t.daysLeft < policy.certMinDays) {
    const expired = t.daysLeft < 0;
    out.push(finding(expired ? "certificate-expired" : "certificate-expiring", expired ? "error" : "warning", null,
      expired ? `The server's certificate expired ${-t.daysLeft} day(s) ago (${t.validTo}).` : `The server's certificate expires in ${t.daysLeft} day(s) (${t.validTo}), below cert-min-days ${policy.certMinDays}.`,
      ["Certificate renewal did not run, or what serves the certificate was not reloaded after it (an MTA or a TLS terminator in front of it reads certificates at start)."],
      [
        "Renew the certificate and reload what serves it on this port: the MTA, or the TLS terminator in front of it (stunnel `cert =`, HAProxy `crt`); check the renewal job's deploy hook.",
        // Only when Postfix itself holds the certificate: behind a terminator the MTA is not what reloads.
        ...(serverFamily(p) === "postfix" && !p.server?.via ? ["Postfix reads its certificate at start: `postfix reload` after renewal."] : []),
      ]));
  }
  if (t.protocol && tlsVersionRank(t.protocol) !== -1 && tlsVersionRank(t.protocol) < tlsVersionRank(policy.minTls)) {
    out.push(finding("tls-version-too-old", "error", null,
      `The session negotiated ${t.protocol}, below min-tls ${policy.minTls}.`,
      ["The server supports nothing newer, or an appliance in the path downgrades the handshake."],
      ["Enable TLS 1.2 and 1.3 in the MTA (Postfix: smtpd_tls_protocols = >=TLSv1.2) and its TLS library."]));
  }
  return out;
};

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
