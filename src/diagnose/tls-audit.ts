/**
 * Findings of the TLS audit (contract §9, `tls-audit`): ids start with `tls-audit-`. They read the
 * handshakes' facts only (engine/tls-audit.ts), never a reply.
 *
 * One cause, one finding: what the certificate rule (tls.ts) already says about the session's own
 * certificate (its chain, its name, its expiry) is not said again here. The audit adds what only
 * it sees: the protocol versions accepted, the other key type's certificate, weak keys and
 * signatures. Fixes name the recognised product's own settings (knowledge/policy-advice.ts,
 * knowledge/certificates.ts), generic words for any other.
 */
import { tlsVersionRank } from "../config/policy.js";
import { CHAIN_CAUSE, SERVE_FULL_CHAIN, chainSettings } from "../knowledge/certificates.js";
import { policyAdvice } from "../knowledge/policy-advice.js";
import type { Finding, TlsAuditCertificate } from "../model/report.js";
import { tlsFamily } from "./evidence.js";
import { finding, type Rule } from "./rule.js";
import { certificateCovers } from "./tls.js";

/** RFC 8996 deprecates TLS 1.0 and 1.1; RFC 9325 §4.1 asks for neither to be negotiated. */
const DEPRECATED = ["TLSv1", "TLSv1.1"];

const NOTHING = { chain: false, name: false, expiry: false };

export const tlsAuditFindings: Rule = (p, policy) => {
  const a = p.tlsAudit;
  if (!a) return [];
  const out: Finding[] = [];
  const family = tlsFamily(p);
  const where = p.address ? `${p.host} [${p.address}]` : p.host;
  const old = a.protocols.filter((v) => DEPRECATED.includes(v));
  if (old.length) {
    const advice = policyAdvice("tls-old-protocol", family);
    out.push(finding("tls-audit-old-protocol", "warning", null, `${where} accepts ${old.join(" and ")} (accepted: ${a.protocols.join(", ")}); RFC 8996 deprecates them.`, advice.causes, advice.fixes));
  }
  const below = a.protocols.filter((v) => tlsVersionRank(v) < tlsVersionRank(policy.minTls));
  if (below.length && !old.length) out.push(finding("tls-audit-below-min-tls", "warning", null, `${where} accepts ${below.join(", ")}, below min-tls ${policy.minTls}.`, [], ["Raise the server's minimum TLS version."]));

  // The session's own certificate is the one the certificate rule judged: what it said stays said once.
  const session = p.tls?.fingerprint256 ?? null;
  const said = p.tls ? certificateCovers(p.tls, policy) : NOTHING;
  const covers = (c: TlsAuditCertificate) => (c.fingerprint256 === session ? said : NOTHING);
  const which = (c: TlsAuditCertificate) => (a.certificates.length > 1 ? `The ${c.key} certificate of ${where}` : `The certificate of ${where}`);

  const leafOnly = a.certificates.filter((c) => !c.chainComplete && !covers(c).chain);
  if (leafOnly.length) {
    const whose = a.certificates.length > 1 ? `the ${leafOnly.map((c) => c.key).join(" and ")} certificate${leafOnly.length > 1 ? "s" : ""}` : "its certificate";
    out.push(finding("tls-audit-chain-incomplete", "warning", null, `${where} sends ${whose} without the intermediate that issued ${leafOnly.length > 1 ? "them" : "it"}: clients that have not cached that intermediate cannot verify ${leafOnly.length > 1 ? "them" : "it"}.`,
      [CHAIN_CAUSE], [...chainSettings(family), SERVE_FULL_CHAIN]));
  }
  for (const c of a.certificates) {
    const said = covers(c);
    if (!c.matchesHost && !said.name) out.push(finding("tls-audit-name-mismatch", "warning", null, `${which(c)} does not name ${p.mxHost ?? p.host} (it names ${c.names.join(", ") || "no DNS name"}).`, [], [`Add ${p.mxHost ?? p.host} to the certificate's names.`]));
    const bits = /^RSA (\d+)$/.exec(c.key);
    if (bits && Number(bits[1]) < 2048) out.push(finding("tls-audit-weak-key", "warning", null, `${which(c)} has a ${c.key}-bit key; 2048 bits is the least CAs issue.`, [], ["Issue a new certificate with an RSA 2048+ or EC P-256 key."]));
    if (/sha1|md5/i.test(c.signature)) out.push(finding("tls-audit-weak-signature", "warning", null, `${which(c)} is signed with ${c.signature}.`, [], ["Reissue it with a SHA-256 signature."]));
    if (c.daysLeft !== null && c.daysLeft < policy.certMinDays && !said.expiry) {
      out.push(finding("tls-audit-expiring", c.daysLeft < 0 ? "error" : "warning", null, `${which(c)} ${c.daysLeft < 0 ? "has expired" : `expires in ${c.daysLeft} days`}.`, [], [a.certificates.length > 1 ? "Renew it: each key type's certificate is renewed on its own." : "Renew it, then reload whatever terminates TLS on this port."]));
    }
  }
  return out;
};
