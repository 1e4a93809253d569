import type { TLSSocket, PeerCertificate, DetailedPeerCertificate } from "node:tls";
import { checkServerIdentity } from "node:tls";
import { loadCrypto } from "../builtins.js";
import type { CertificateTrust } from "../model/enums.js";
import type { TlsFacts } from "../model/report.js";

export type { TlsFacts } from "../model/report.js";

/** How the session verified: the name it checked and the roots it trusted. */
export interface TlsCheck {
  name: string;
  trust: CertificateTrust;
}

const DAY_MS = 86_400_000;

export function readTlsFacts(socket: TLSSocket, check: TlsCheck, now: Date = new Date()): TlsFacts {
  const cert = socket.getPeerCertificate(true) as DetailedPeerCertificate | Record<string, never>;
  const has = cert && "valid_to" in cert;
  const validTo = has ? new Date(cert.valid_to) : null;
  const validFrom = has ? new Date(cert.valid_from) : null;
  const cipher = socket.getCipher();
  const err = socket.authorizationError as unknown;
  return {
    protocol: socket.getProtocol() ?? null,
    cipher: cipher ? ((cipher as { standardName?: string }).standardName ?? cipher.name) : null,
    authorized: socket.authorized,
    authorizationError: err ? (err instanceof Error ? ((err as NodeJS.ErrnoException).code ?? err.message) : String(err)) : null,
    subject: has ? nameOf(cert.subject) : null,
    subjectAltNames: has && cert.subjectaltname ? cert.subjectaltname.split(/,\s*/) : [],
    issuer: has ? nameOf(cert.issuer) : null,
    validFrom: validFrom && !isNaN(+validFrom) ? validFrom.toISOString() : null,
    validTo: validTo && !isNaN(+validTo) ? validTo.toISOString() : null,
    daysLeft: validTo && !isNaN(+validTo) ? Math.floor((+validTo - +now) / DAY_MS) : null,
    fingerprint256: has ? cert.fingerprint256 : null,
    publicKey256: has && cert.pubkey ? loadCrypto().createHash("sha256").update(cert.pubkey).digest("hex") : null,
    checkedName: check.name,
    ...(has ? { nameMatches: checkServerIdentity(check.name, cert as PeerCertificate) === undefined } : {}),
    issuerUrl: has ? issuerUrlOf(cert as PeerCertificate) : null,
    trust: check.trust,
  };
}

/** `CA Issuers - URI:http://…` in the certificate's infoAccess (Node lists it by access method). */
function issuerUrlOf(cert: PeerCertificate): string | null {
  const access = (cert as { infoAccess?: Record<string, string[] | undefined> }).infoAccess;
  return access?.["CA Issuers - URI"]?.[0] ?? null;
}

function nameOf(n: PeerCertificate["subject"] | undefined): string | null {
  if (!n) return null;
  const cn = n.CN;
  if (cn) return Array.isArray(cn) ? cn.join(", ") : cn;
  const o = n.O;
  return o ? (Array.isArray(o) ? o.join(", ") : o) : null;
}

/** Plain words for OpenSSL's verification codes, for messages people read. */
export const VERIFY_ERRORS: Record<string, string> = {
  DEPTH_ZERO_SELF_SIGNED_CERT: "the certificate is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "the chain ends in a root certificate that is not trusted here",
  CERT_HAS_EXPIRED: "the certificate has expired",
  CERT_NOT_YET_VALID: "the certificate is not valid yet",
  ERR_TLS_CERT_ALTNAME_INVALID: "the certificate does not name this host",
  // OpenSSL's verify code says whether the server sent more than its own certificate: "leaf" when
  // it sent only that one, "locally" when it sent a chain whose top is not trusted here.
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the server sent only its own certificate, and its issuer is not trusted here",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the chain the server sent ends in an issuer that is not trusted here",
  UNABLE_TO_GET_ISSUER_CERT: "the issuer certificate could not be found",
  CERT_REVOKED: "the certificate was revoked",
};

export function describeVerifyError(code: string): string {
  return VERIFY_ERRORS[code] ?? code;
}
