/**
 * Findings of the TLS audit (contract §9, `tls-audit`): ids start with `tls-audit-`. They read the
 * handshakes' facts only (engine/tls-audit.ts), never a reply.
 */
import { tlsVersionRank } from "../config/policy.js";
import type { Finding } from "../model/report.js";
import { finding, type Rule } from "./rule.js";

/** RFC 8996 deprecates TLS 1.0 and 1.1; RFC 9325 §4.1 asks for neither to be negotiated. */
const DEPRECATED = ["TLSv1", "TLSv1.1"];

export const tlsAuditFindings: Rule = (p, policy) => {
  const a = p.tlsAudit;
  if (!a) return [];
  const out: Finding[] = [];
  const where = p.address ? `${p.host} [${p.address}]` : p.host;
  const old = a.protocols.filter((v) => DEPRECATED.includes(v));
  if (old.length) {
    out.push(finding("tls-audit-old-protocol", "warning", null, `${where} accepts ${old.join(" and ")} (accepted: ${a.protocols.join(", ")}); RFC 8996 deprecates them.`,
      [], [`Raise the server's minimum to TLS 1.2 (Postfix: smtpd_tls_protocols = >=TLSv1.2 and smtpd_tls_mandatory_protocols = >=TLSv1.2; Exim: tls_require_ciphers / openssl_options = +no_tlsv1 +no_tlsv1_1).`]));
  }
  const below = a.protocols.filter((v) => tlsVersionRank(v) < tlsVersionRank(policy.minTls));
  if (below.length && !old.length) out.push(finding("tls-audit-below-min-tls", "warning", null, `${where} accepts ${below.join(", ")}, below min-tls ${policy.minTls}.`, [], ["Raise the server's minimum TLS version."]));
  if (!a.chainComplete) {
    out.push(finding("tls-audit-chain-incomplete", "warning", null, `${where} sends its certificate without the intermediate that issued it: clients that have not cached that intermediate cannot verify it.`,
      ["The certificate file holds the leaf only (a renewal wrote cert.pem instead of fullchain.pem)."], ["Configure the full chain (leaf, then intermediates), e.g. Postfix smtpd_tls_chain_files or fullchain.pem."]));
  }
  for (const c of a.certificates) {
    const which = a.certificates.length > 1 ? `The ${c.key} certificate of ${where}` : `The certificate of ${where}`;
    if (!c.matchesHost) out.push(finding("tls-audit-name-mismatch", "warning", null, `${which} does not name ${p.mxHost ?? p.host} (it names ${c.names.join(", ") || "no DNS name"}).`, [], [`Add ${p.mxHost ?? p.host} to the certificate's names.`]));
    const bits = /^RSA (\d+)$/.exec(c.key);
    if (bits && Number(bits[1]) < 2048) out.push(finding("tls-audit-weak-key", "warning", null, `${which} has a ${c.key}-bit key; 2048 bits is the least CAs issue.`, [], ["Issue a new certificate with an RSA 2048+ or EC P-256 key."]));
    if (/sha1|md5/i.test(c.signature)) out.push(finding("tls-audit-weak-signature", "warning", null, `${which} is signed with ${c.signature}.`, [], ["Reissue it with a SHA-256 signature."]));
    if (c.daysLeft !== null && c.daysLeft < policy.certMinDays && a.certificates.length > 1) {
      out.push(finding("tls-audit-expiring", c.daysLeft < 0 ? "error" : "warning", null, `${which} ${c.daysLeft < 0 ? "has expired" : `expires in ${c.daysLeft} days`}.`, [], ["Renew it (each key type's certificate separately)."]));
    }
  }
  return out;
};
