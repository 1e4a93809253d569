/**
 * Certificate problems by verification result: what each means and what to do, one row per root
 * cause (RFC 5280 §6 path validation, RFC 6125 §6 names). The rule (diagnose/tls.ts) decides the
 * problem from the session's facts and fills the placeholders: {subject}, {issuer}, {name},
 * {names}, {validTo} (and its day, {validToDate}), {validFrom}, {why}; `{openssl}` is the
 * target's own s_client line.
 *
 * Nothing here is about the port's mode: a certificate exists only once a handshake completed.
 */
import { on, pickFixes, type FixRow } from "./root-causes.js";
import type { ServerFamily } from "./servers.js";

export type CertificateProblem =
  | "self-signed" | "private-ca" | "chain-incomplete" | "expired" | "not-yet-valid" | "name-mismatch" | "unverified";

export interface CertificateAdvice {
  /** The finding's id. */
  id: string;
  /** A short phrase for one-line faces (the `summary` output, annotation titles). */
  summary: string;
  causes: string[];
  fixes: string[];
}

const SERVE_PUBLIC_CHAIN = "For senders on the internet, serve a certificate from a public CA with its full chain (Let's Encrypt works for SMTP), then reload whatever terminates TLS on this port.";
const RELOAD = "reload whatever terminates TLS on this port (the MTA, or a TLS terminator in front of it: stunnel `cert =`, HAProxy `crt`): most read the certificate only when they start";

export const CERTIFICATE_ADVICE: Record<CertificateProblem, CertificateAdvice> = {
  "self-signed": {
    id: "certificate-untrusted",
    summary: "the certificate is self-signed",
    causes: ["The server presents a self-signed certificate (\"{subject}\"): no CA vouches for it, so only a client told to trust that very certificate can verify it."],
    fixes: [
      "Trust it here: save the certificate's PEM block (`{openssl} -showcerts`) to a file and pass it with `--ca FILE` (input `ca`) rather than turning verification off.",
      SERVE_PUBLIC_CHAIN,
    ],
  },
  "private-ca": {
    id: "certificate-untrusted",
    summary: "the certificate's issuer is not trusted",
    causes: ["The certificate was issued by a private or internal CA (\"{issuer}\") that this runner does not trust."],
    fixes: [
      "Trust the private CA: pass its certificate (\"{issuer}\", PEM) with `--ca FILE` (input `ca`) rather than turning verification off.",
      SERVE_PUBLIC_CHAIN,
    ],
  },
  "chain-incomplete": {
    id: "certificate-chain-incomplete",
    summary: "the server does not send its intermediate certificate",
    causes: ["The server sends only its own certificate, not the intermediate (\"{issuer}\") that links it to a trusted root: mail clients and MTAs do not fetch a missing intermediate, so they cannot verify it."],
    fixes: [
      `Serve the chain: point the server's certificate setting at a file holding the certificate followed by its intermediate (Let's Encrypt's fullchain.pem, not cert.pem), then ${RELOAD}.`,
      "Check what the server sends: `{openssl} -showcerts` should list two certificates or more, not one.",
    ],
  },
  expired: {
    id: "certificate-expired",
    summary: "the certificate expired on {validToDate}",
    causes: ["Renewal did not run, or it ran and whatever terminates TLS was not reloaded afterwards, so the old certificate is still served."],
    fixes: [
      `Renew the certificate, then ${RELOAD}.`,
      "Check the renewal job and its deploy hook, so that the next renewal reloads the server too.",
    ],
  },
  "not-yet-valid": {
    id: "certificate-not-yet-valid",
    summary: "the certificate is not valid yet",
    causes: ["The certificate's validity starts on {validFrom}: a clock is wrong (the CA's when it issued it, or this runner's), or a new certificate was deployed before its time."],
    fixes: ["Check the clocks (NTP) of the runner and of the server; serve a certificate whose validity has begun."],
  },
  "name-mismatch": {
    id: "certificate-name-mismatch",
    summary: "the certificate does not name {name}",
    causes: ["The certificate holds {names}, not {name}: it was issued for another name, or the probe reaches the server by a name (or address) that senders do not use."],
    fixes: [
      "Issue a certificate that also names {name} (in its subjectAltName), then " + RELOAD + ".",
      "If senders reach this server by one of {names}, verify that name: `--servername NAME` (input `servername`).",
    ],
  },
  unverified: {
    id: "certificate-untrusted",
    summary: "the certificate could not be verified",
    causes: ["OpenSSL's verification refused the certificate: {why}."],
    fixes: ["Inspect the chain the server sends: `{openssl} -showcerts`."],
  },
};

/**
 * The second reading of "the issuer is not trusted" when the server sent only its own
 * certificate: a public CA's intermediate left out looks the same as a private CA.
 */
export const OR_CHAIN_INCOMPLETE = {
  cause: "Or \"{issuer}\" is a public CA's intermediate that the server does not send (it sent only its own certificate).",
  fix: "If \"{issuer}\" is a public CA's intermediate, serve it: the certificate followed by the intermediate (fullchain.pem), then reload the server.",
};

/** …and the second reading of a missing intermediate when a CA file was given. */
export const OR_WRONG_CA = "Or the CA file given (`ca`) is not the CA that issued \"{issuer}\".";

/** Postfix reads its certificate at start (when Postfix itself terminates TLS). */
export const POSTFIX_RELOAD = "Postfix reads its certificate at start: `postfix reload` after renewal.";

/** Verification off (`insecure`) is a choice: its problems are notices, and the message says so. */
export const VERIFICATION_OFF = "Verification is off (insecure), so the session went on.";

/** Fewer days left than `cert-min-days`: a policy warning, not a verification result. */
export const CERTIFICATE_EXPIRING: CertificateAdvice = {
  id: "certificate-expiring",
  summary: "the certificate expires in {daysLeft} day(s)",
  causes: ["Renewal is due and has not happened yet, or it happened and the server was not reloaded."],
  fixes: [`Renew the certificate before {validTo}, then ${RELOAD}.`, "Check the renewal job and its deploy hook."],
};

/**
 * Where each product reads the chain it sends: an intermediate left out is fixed in that setting.
 * Shown only to the recognised product (`chainSettings`), after the generic "serve the chain".
 */
export const CHAIN_SETTINGS: readonly FixRow[] = [
  on("postfix", "Postfix: `smtpd_tls_chain_files` (the key, then the certificate followed by its intermediates; Postfix 3.4 and later) or `smtpd_tls_cert_file` must name a file holding the whole chain, such as Let's Encrypt's fullchain.pem; then `postfix reload`."),
  on("exim", "Exim: `tls_certificate` must name a file holding the certificate followed by its intermediates (Let's Encrypt's fullchain.pem); then restart Exim."),
  on("sendmail", "Sendmail: put the intermediate in the file `confCACERT` names (OpenSSL builds the chain it sends from it), rebuild sendmail.cf and restart."),
  on("opensmtpd", "OpenSMTPD: the file on the `pki … cert` line of smtpd.conf must hold the certificate followed by its intermediates (Let's Encrypt's fullchain.pem); then restart smtpd."),
  on("haraka", "Haraka: the `cert` file of config/tls.ini (tls_cert.pem), or the bundle in config/tls/, must hold the certificate followed by its intermediates; then restart Haraka."),
  on("aiosmtpd", "aiosmtpd: load the whole chain into the `tls_context`: `load_cert_chain(certfile, keyfile)` with a certfile holding the certificate followed by its intermediates (Let's Encrypt's fullchain.pem); then restart the server."),
  on("exchange", "Exchange: Schannel sends the intermediates it finds in the computer's Intermediate Certification Authorities store: import the intermediate there (or import the certificate as a PFX holding its whole chain), then `Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services SMTP` and restart MSExchangeTransport."),
];

/** The recognised product's own chain setting (none for an unknown product). */
export function chainSettings(family: ServerFamily | null): string[] {
  return pickFixes(CHAIN_SETTINGS, family);
}

/** Why a chain goes out without its intermediate, any product. */
export const CHAIN_CAUSE = "The certificate file holds the leaf only (a renewal wrote cert.pem where fullchain.pem belongs, or the intermediate was never appended).";

/** The generic words for a chain served without its intermediate, any product. */
export const SERVE_FULL_CHAIN = `Serve the full chain: point the server's certificate setting at a file holding the certificate followed by its intermediates (Let's Encrypt's fullchain.pem, not cert.pem), then ${RELOAD}.`;
