/**
 * The TLS audit (contract §9, opt-in `tls-audit`): extra STARTTLS (or implicit TLS) handshakes per
 * address, one per protocol version and one per key type, each on its own connection that ends with
 * QUIT. What it finds: the versions accepted (TLS 1.0 and 1.1 are deprecated, RFC 8996), whether the
 * server sends the intermediates its leaf needs (a chain that only verifies where a client has the
 * intermediate cached), and per certificate the key, the signature algorithm, the names and the days
 * left. Certificates are read as sent: these handshakes trust no CA, so nothing is added to the chain.
 */
import { ehloName } from "../protocol/address.js";
import { X509Certificate } from "node:crypto";
import { rootCertificates, type DetailedPeerCertificate } from "node:tls";
import type { TargetConfig } from "../config/target.js";
import { SmtpSession, isReply } from "../session/session.js";
import type { TlsAudit, TlsAuditCertificate } from "../model/report.js";

const VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const;
type Version = (typeof VERSIONS)[number];

/** RFC 8446 §4.2.3 names; one list per key type, so that a server holding both shows each. */
const KEY_SIGALGS: Record<"RSA" | "ECDSA", string> = {
  RSA: "rsa_pss_rsae_sha256:rsa_pss_rsae_sha384:rsa_pss_rsae_sha512:rsa_pkcs1_sha256:rsa_pkcs1_sha384:rsa_pkcs1_sha512",
  ECDSA: "ecdsa_secp256r1_sha256:ecdsa_secp384r1_sha384:ecdsa_secp521r1_sha512",
};

interface Handshake {
  protocol: string | null;
  chain: DetailedPeerCertificate | null;
}

/** One connection: greeting, EHLO, STARTTLS (unless implicit), the handshake, QUIT. Null when it did not complete. */
export async function handshake(t: TargetConfig, extra: NonNullable<ConstructorParameters<typeof SmtpSession>[0]["tlsExtra"]>): Promise<Handshake | null> {
  const s = new SmtpSession({
    host: t.host, port: t.port, implicitTls: t.tls === "implicit", servername: t.servername, insecure: true,
    timeoutMs: t.timeoutMs, address: t.address, proxyProtocol: t.proxyProtocol, socks5: t.socks5, redact: (x) => x,
    // An empty trust store: the chain read is what the server sent, nothing added from a store.
    tlsExtra: { ca: [], ...extra },
  });
  try {
    if (await s.connect()) return null;
    if (t.tls === "implicit") return { protocol: s.tls?.protocol ?? null, chain: s.peerChain };
    const greeting = await s.readReply();
    if (!isReply(greeting) || greeting.code !== 220) return null;
    for (const line of [`EHLO ${ehloName(t.helo, s.localAddress)}`, "STARTTLS"]) {
      if (s.writeLine(line)) return null;
      const r = await s.readReply();
      if (!isReply(r) || r.code >= 400) return null;
    }
    if (await s.startTls()) return null;
    const done = { protocol: s.tls?.protocol ?? null, chain: s.peerChain };
    if (!s.writeLine("QUIT")) await s.readReply();
    return done;
  } finally {
    s.close();
  }
}

export async function auditTls(t: TargetConfig): Promise<TlsAudit> {
  const protocols: string[] = [];
  for (const v of VERSIONS) {
    // OpenSSL 3 refuses TLS 1.0/1.1's SHA-1 signatures at its default security level: level 0 asks
    // what the server accepts, not what we would.
    const old = v === "TLSv1" || v === "TLSv1.1";
    const h = await handshake(t, { minVersion: v as Version, maxVersion: v as Version, ...(old ? { ciphers: "DEFAULT:@SECLEVEL=0" } : {}) });
    if (h?.protocol === v) protocols.push(v);
  }
  const certificates: TlsAuditCertificate[] = [];
  let chainComplete = true;
  for (const sigalgs of Object.values(KEY_SIGALGS)) {
    const h = await handshake(t, { sigalgs });
    if (!h?.chain?.raw) continue;
    const leaf = new X509Certificate(h.chain.raw);
    if (certificates.some((c) => c.fingerprint256 === leaf.fingerprint256)) continue;
    const complete = sentIssuer(h.chain) || issuedByTrustedRoot(leaf, t.ca);
    certificates.push(describe(leaf, t.mxHost ?? t.servername ?? t.host, complete));
    if (!complete) chainComplete = false;
  }
  return { protocols, chainComplete, certificates };
}

/** The leaf is self-issued, or the server sent the certificate that issued it. */
function sentIssuer(chain: DetailedPeerCertificate): boolean {
  const leaf = new X509Certificate(chain.raw);
  if (leaf.checkIssued(leaf)) return true;
  const next = chain.issuerCertificate;
  return next !== undefined && next !== chain && next.raw !== undefined && leaf.checkIssued(new X509Certificate(next.raw));
}

/** A leaf issued by a root itself needs nothing sent beside it. */
function issuedByTrustedRoot(leaf: X509Certificate, ca: string | undefined): boolean {
  const pems = [...rootCertificates, ...(ca?.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [])];
  return pems.some((pem) => {
    try {
      return leaf.checkIssued(new X509Certificate(pem));
    } catch {
      return false;
    }
  });
}

const DAY_MS = 86_400_000;

function describe(c: X509Certificate, host: string, chainComplete: boolean): TlsAuditCertificate {
  const k = c.publicKey;
  const d = k.asymmetricKeyDetails ?? {};
  const curve = ({ prime256v1: "P-256", secp384r1: "P-384", secp521r1: "P-521" } as Record<string, string>)[d.namedCurve ?? ""] ?? d.namedCurve;
  const key = k.asymmetricKeyType === "rsa" || k.asymmetricKeyType === "rsa-pss" ? `RSA ${d.modulusLength}` : k.asymmetricKeyType === "ec" ? `EC ${curve}` : (k.asymmetricKeyType ?? "unknown").replace(/^ed/, "Ed");
  const names = (c.subjectAltName ?? "").split(/,\s*/).filter((n) => n.startsWith("DNS:")).map((n) => n.slice(4));
  return {
    key,
    // Node 24 has it; the @types/node in use does not declare it yet.
    signature: (c as X509Certificate & { signatureAlgorithm?: string }).signatureAlgorithm ?? "unknown",
    names,
    issuer: /CN=([^\n]+)/.exec(c.issuer)?.[1] ?? null,
    daysLeft: Math.floor((new Date(c.validTo).getTime() - Date.now()) / DAY_MS),
    matchesHost: c.checkHost(host) !== undefined,
    chainComplete,
    fingerprint256: c.fingerprint256,
  };
}
