/**
 * Credentials that were not sent, or that went without TLS (RFC 4954 §4: a client uses only a
 * mechanism the server advertised, and should not send passwords over an unprotected channel).
 */
import type { AuthWithheld } from "../model/report.js";
import { FRAGMENT } from "../protocol/redact.js";
import { ownHelo } from "./sender.js";
import { finding, lastHelloBefore, list, type Rule } from "./rule.js";

const mechs = (m: readonly string[]): string => (m.length ? `AUTH ${m.join(" ")}` : "no AUTH");

/** One sentence for why the credentials stayed home, from what this session saw. */
function whyWithheld(w: AuthWithheld, tlsMode: string): { message: string; causes: string[]; fixes: string[] } {
  const afterTls = w.tls ? " after STARTTLS" : "";
  const onlyBefore = w.tls && w.offeredBeforeTls?.length ? ` Before STARTTLS it offered ${mechs(w.offeredBeforeTls)}, so it takes credentials only in clear text on this port.` : "";
  switch (w.reason) {
    case "tls-not-active":
      return {
        message: `Credentials were not sent: tls is ${tlsMode}, so they go only over TLS, and TLS was not active when AUTH was due.`,
        causes: ["The sequence reached AUTH before STARTTLS completed."],
        fixes: ["Run STARTTLS and EHLO again before the AUTH step."],
      };
    case "auth-not-offered":
      return {
        message: `Credentials were not sent: the server's EHLO reply${afterTls} did not advertise AUTH (RFC 4954 §4).${onlyBefore}${!w.tls ? " Many servers offer AUTH only after STARTTLS, which this session did not run." : ""}`,
        causes: w.tls
          ? ["Authentication is not enabled on this listener (for example a port-25 MX listener that only receives mail).", "The port is wrong: submission is usually 587 (STARTTLS) or 465 (implicit TLS)."]
          : ["The server offers AUTH only on an encrypted connection.", "Authentication is not enabled on this listener, or the port is wrong (submission is usually 587 or 465)."],
        fixes: w.tls
          ? ["Point the check at the server's submission port, or enable authentication on this listener."]
          : ["Use tls: starttls (or implicit on port 465) so that the server offers AUTH after TLS."],
      };
    case "mechanism-not-offered":
      return {
        message: w.mechanism
          ? `Credentials were not sent: AUTH ${w.mechanism} was asked for, but the server's EHLO reply${afterTls} offers ${mechs(w.offered)}.`
          : `Credentials were not sent: the server${afterTls} offers ${mechs(w.offered)}, and none of them works with the configured credentials (PLAIN, LOGIN or CRAM-MD5 with a password; XOAUTH2 with a token).`,
        causes: ["The production sender and the server do not share a mechanism: the sender will fail to log in the same way."],
        fixes: [`Use a mechanism the server offers (${list(w.offered)}), or enable the one the sender uses on the server.`],
      };
    case "cleartext":
      return {
        message: `Credentials were not sent: the connection is not encrypted (${tlsMode === "none" ? "tls is none" : "the server offered no STARTTLS"}) and the server is not on a loopback address.`,
        causes: ["Without TLS, anyone on the path can read the password or token."],
        fixes: ["Enable STARTTLS on the server, or use tls: implicit on its TLS port.", "If clear text is really intended (a test network), set allow-plaintext-auth: true (CLI --allow-plaintext-auth)."],
      };
  }
}

/** Credentials were configured, and smtp-gate kept them back. */
export const credentialsWithheld: Rule = (p) => {
  const w = p.authWithheld;
  // A HELO reply offers no AUTH: sender.ts names the greeting as the cause.
  if (!w || (w.reason === "auth-not-offered" && ownHelo(p) !== -1)) return [];
  const { message, causes, fixes } = whyWithheld(w, p.tlsMode);
  const ehlo = lastHelloBefore(p, p.steps.length);
  return [finding("auth-withheld", "error", ehlo === -1 ? null : ehlo, message, causes, fixes)];
};

/** Credentials crossed a connection without TLS: allowed (loopback or opted in), and still worth a warning. */
export const credentialsInClear: Rule = (p) => {
  if (!p.credentialsInClear) return [];
  const auth = p.steps.findIndex((s) => s.verb === "AUTH");
  return [finding("auth-cleartext", "warning", auth === -1 ? null : auth,
    "Credentials were sent without TLS: anyone who can see this connection can read them.",
    ["The target uses tls: none, or opportunistic TLS and the server offered no STARTTLS."],
    ["Use tls: starttls or implicit, with STARTTLS enabled on the server."])];
};

/** A secret too short to redact well: every occurrence is still blanked, which may blank ordinary text too. */
export const shortSecret: Rule = (p) =>
  p.shortSecret
    ? [finding("secret-short", "warning", null,
      `A configured password or token is shorter than ${FRAGMENT} characters: smtp-gate blanks every occurrence of it in what it shows (so ordinary text that happens to contain it is blanked too), and cannot recognise shorter pieces of it in a server's echo.`,
      ["A short password or token is also easy to guess."],
      ["Use a longer secret for the account this check logs in with."])]
    : [];
