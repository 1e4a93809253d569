// The TLS audit's findings (contract §9, `tls-audit`) over prepared outcomes: each fix names the
// recognised product's own setting and no other product's (generic words for an unknown server),
// and what the certificate rule already said about the session's certificate is not said again.
import { describe, expect, it } from "vitest";
import { diagnose } from "../../src/diagnose/index.js";
import { prepareOutcome } from "../../src/diagnose/prepare.js";
import { tlsAuditFindings } from "../../src/diagnose/tls-audit.js";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Finding, TlsAudit, TlsAuditCertificate, TlsFacts } from "../../src/model/report.js";
import { otherProducts } from "../support/product-words.js";
import { EHLO_PLAIN, EHLO_TLS, outcome, policy, tlsFacts } from "./fixtures.js";

const BANNERS: Record<string, string> = {
  postfix: "S: 220 mx.example.com ESMTP Postfix",
  exim: "S: 220 mx.example.com ESMTP Exim 4.96 Mon, 01 Jan 2024 12:00:00 +0000",
  sendmail: "S: 220 mx.example.com ESMTP Sendmail 8.17.1/8.17.1; Mon, 1 Jan 2024 12:00:00 +0000",
  opensmtpd: "S: 220 mx.example.com ESMTP OpenSMTPD",
  haraka: "S: 220 mx.example.com ESMTP Haraka/3.0.3 ready",
  exchange: "S: 220 mail1.example.com Microsoft ESMTP MAIL Service ready at Mon, 1 Jan 2024 12:00:00 +0000",
  aiosmtpd: "S: 220 mx.example.com Python SMTP 1.4.6",
  unknown: "S: 220 mx.example.com ESMTP ready",
};

const FP_RSA = "AA:BB:CC";
const FP_EC = "DD:EE:FF";

const cert = (over: Partial<TlsAuditCertificate> = {}): TlsAuditCertificate => ({
  key: "RSA 2048", signature: "sha256WithRSAEncryption", names: ["mx.example.com"], issuer: "R11", daysLeft: 90, matchesHost: true, chainComplete: true, fingerprint256: FP_RSA, ...over,
});

/** An mx target's STARTTLS session with the audit's facts; the session negotiated the certificate `tls` describes. */
function audited(banner: string, audit: Partial<TlsAudit>, tls: Partial<TlsFacts> = {}, extra: Partial<ProbeOutcome> = {}): ProbeOutcome {
  const o = outcome([banner, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS", ...EHLO_TLS, "C: QUIT", "S: 221 2.0.0 Bye"],
    { tlsMode: "starttls", tls: tlsFacts({ checkedName: "mx.example.com", nameMatches: true, fingerprint256: FP_RSA, ...tls }) });
  return { ...o, address: "192.0.2.25", mxHost: "mx.example.com", tlsAudit: { protocols: ["TLSv1.2", "TLSv1.3"], chainComplete: true, certificates: [cert()], ...audit }, ...extra };
}

const auditOnly = (p: ProbeOutcome): Finding[] => tlsAuditFindings(prepareOutcome(p), policy());
const byId = (fs: Finding[], id: string): Finding => {
  const f = fs.find((x) => x.id === id);
  expect(f, `${id} in ${fs.map((x) => x.id).join(", ")}`).toBeDefined();
  return f as Finding;
};
const advice = (f: Finding) => [...f.causes, ...f.fixes];

const OLD = { protocols: ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] };
// A leaf sent alone, seen by the audit only: the session's certificate verified (a client had the intermediate cached).
const LEAF_ONLY = { chainComplete: false, certificates: [cert({ chainComplete: false })] };

describe("the TLS audit's fixes fit the product in front", () => {
  const FIRST: Record<string, { old: RegExp; chain: RegExp }> = {
    postfix: { old: /^Postfix: `smtpd_tls_protocols = >=TLSv1\.2` and `smtpd_tls_mandatory_protocols = >=TLSv1\.2`/, chain: /^Postfix: `smtpd_tls_chain_files`/ },
    exim: { old: /^Exim built with OpenSSL: `openssl_options = \+no_sslv3 \+no_tlsv1 \+no_tlsv1_1`.*`tls_require_ciphers = NORMAL:-VERS-TLS1\.0:-VERS-TLS1\.1`/, chain: /^Exim: `tls_certificate`/ },
    sendmail: { old: /^Sendmail: .*confSERVER_SSL_OPTIONS.*\+SSL_OP_NO_TLSv1 \+SSL_OP_NO_TLSv1_1/, chain: /^Sendmail: .*`confCACERT`/ },
    opensmtpd: { old: /^OpenSMTPD: add `protocols "tlsv1\.2:tlsv1\.3"` to the `listen on … tls` line/, chain: /^OpenSMTPD: the file on the `pki … cert` line/ },
    haraka: { old: /^Haraka: `minVersion=TLSv1\.2` in config\/tls\.ini/, chain: /^Haraka: the `cert` file of config\/tls\.ini/ },
    exchange: { old: /^Exchange: turn TLS 1\.0 and 1\.1 off in Schannel/, chain: /^Exchange: .*Intermediate Certification Authorities.*`Enable-ExchangeCertificate -Thumbprint <thumbprint> -Services SMTP`/ },
    aiosmtpd: { old: /^aiosmtpd: set `minimum_version = ssl\.TLSVersion\.TLSv1_2`/, chain: /^aiosmtpd: load the whole chain into the `tls_context`/ },
    unknown: { old: /^Accept TLS 1\.2 and 1\.3 only/, chain: /^Serve the full chain/ },
  };
  for (const [family, first] of Object.entries(FIRST)) {
    it(`on ${family}: TLS 1.0/1.1 and a leaf sent alone get its own setting first, no other product's`, () => {
      const fs = auditOnly(audited(BANNERS[family] as string, { ...OLD, ...LEAF_ONLY }));
      expect(fs.map((f) => f.id)).toEqual(["tls-audit-old-protocol", "tls-audit-chain-incomplete"]);
      const old = byId(fs, "tls-audit-old-protocol");
      const chain = byId(fs, "tls-audit-chain-incomplete");
      expect(old.fixes[0]).toMatch(first.old);
      expect(chain.fixes[0]).toMatch(first.chain);
      for (const f of fs) expect(advice(f).flatMap((x) => otherProducts(x, family === "unknown" ? null : family))).toEqual([]);
      // The generic words close the list for every product.
      expect(old.fixes.at(-1)).toMatch(/^Accept TLS 1\.2 and 1\.3 only/);
      expect(chain.fixes.at(-1)).toMatch(/^Serve the full chain/);
      if (family === "unknown") expect([old.fixes, chain.fixes]).toEqual([[old.fixes.at(-1)], [chain.fixes.at(-1)]]);
    });
  }

  it("Postfix gets only Postfix's settings: no Exim, Sendmail, OpenSMTPD, Haraka or Exchange words", () => {
    const text = auditOnly(audited(BANNERS.postfix as string, { ...OLD, ...LEAF_ONLY })).flatMap(advice).join("\n");
    expect(text).toContain("smtpd_tls_protocols");
    expect(text).toContain("smtpd_tls_chain_files");
    expect(text).not.toMatch(/Exim|openssl_options|tls_require_ciphers|tls_certificate|Sendmail|OpenSMTPD|Haraka|tls\.ini|Exchange|Schannel/);
  });

  it("Exim gets only Exim's settings", () => {
    const text = auditOnly(audited(BANNERS.exim as string, { ...OLD, ...LEAF_ONLY })).flatMap(advice).join("\n");
    expect(text).toMatch(/openssl_options/);
    expect(text).toMatch(/tls_certificate/);
    expect(text).not.toMatch(/Postfix|smtpd_tls_\w+|main\.cf|Sendmail|OpenSMTPD|Haraka|Exchange|Schannel/);
  });

  it("an unknown server: generic words only, no product named at all", () => {
    const text = auditOnly(audited(BANNERS.unknown as string, { ...OLD, ...LEAF_ONLY })).flatMap(advice).join("\n");
    expect(otherProducts(text, null)).toEqual([]);
    expect(text).not.toMatch(/Postfix|Exim|Sendmail|OpenSMTPD|Haraka|Exchange|Microsoft/);
  });

  it("a box in front (server.via): the MTA's settings may not be what holds TLS, so generic words", () => {
    const p = prepareOutcome(audited(BANNERS.postfix as string, { ...OLD, ...LEAF_ONLY }));
    const fs = tlsAuditFindings({ ...p, server: { ...(p.server ?? { product: null, version: null }), via: "stunnel" } }, policy());
    expect(fs.flatMap(advice).flatMap((x) => otherProducts(x, null))).toEqual([]);
  });
});

describe("one cause, one finding: the audit does not repeat the certificate rule", () => {
  // The session's certificate came without its intermediate: the certificate rule says so (certificate-chain-incomplete).
  const leafAlone = { authorized: false, authorizationError: "UNABLE_TO_VERIFY_LEAF_SIGNATURE", issuerUrl: "http://r11.i.lencr.org/", trust: "public" as const };

  it("a chain without its intermediate: certificate-chain-incomplete once, no tls-audit-chain-incomplete; the product's chain setting is on it", () => {
    const fs = diagnose(audited(BANNERS.postfix as string, LEAF_ONLY, leafAlone), policy());
    expect(fs.map((f) => f.id)).toEqual(["certificate-chain-incomplete"]);
    const f = fs[0] as Finding;
    expect(f.fixes[0]).toMatch(/^Serve the chain/);
    expect(f.fixes[1]).toMatch(/^Postfix: `smtpd_tls_chain_files`/);
    expect(f.fixes.flatMap((x) => otherProducts(x, "postfix"))).toEqual([]);
  });

  it("…and an unknown server's certificate-chain-incomplete keeps its generic words only", () => {
    const f = diagnose(audited(BANNERS.unknown as string, LEAF_ONLY, leafAlone), policy())[0] as Finding;
    expect(f.id).toBe("certificate-chain-incomplete");
    expect(f.fixes.flatMap((x) => otherProducts(x, null))).toEqual([]);
  });

  it("a wrong name: certificate-name-mismatch once, no tls-audit-name-mismatch for the same certificate", () => {
    const fs = diagnose(audited(BANNERS.postfix as string, { certificates: [cert({ names: ["other.example.com"], matchesHost: false })] },
      { authorized: false, authorizationError: "ERR_TLS_CERT_ALTNAME_INVALID", subjectAltNames: ["DNS:other.example.com"], nameMatches: false }), policy());
    expect(fs.map((f) => f.id)).toEqual(["certificate-name-mismatch"]);
  });

  it("an expiring certificate: certificate-expiring once, no tls-audit-expiring for the session's certificate", () => {
    const fs = diagnose(audited(BANNERS.postfix as string, { certificates: [cert({ daysLeft: 5 }), cert({ key: "EC P-256", fingerprint256: FP_EC })] }, { daysLeft: 5 }), policy());
    expect(fs.map((f) => f.id)).toEqual(["certificate-expiring"]);
  });

  it("dual RSA/ECDSA: what only the audit sees is still reported — the other key type's chain, name and expiry", () => {
    const other = cert({ key: "EC P-256", fingerprint256: FP_EC, chainComplete: false, matchesHost: false, names: ["old.example.com"], daysLeft: 3 });
    const fs = diagnose(audited(BANNERS.postfix as string, { chainComplete: false, certificates: [cert({ chainComplete: false }), other] }, leafAlone), policy());
    expect(fs.map((f) => f.id)).toEqual(["certificate-chain-incomplete", "tls-audit-chain-incomplete", "tls-audit-name-mismatch", "tls-audit-expiring"]);
    expect(byId(fs, "tls-audit-chain-incomplete").message).toMatch(/^mx\.example\.com \[192\.0\.2\.25\] sends the EC P-256 certificate without the intermediate/);
    expect(byId(fs, "tls-audit-name-mismatch").message).toMatch(/^The EC P-256 certificate of /);
    expect(byId(fs, "tls-audit-expiring").message).toMatch(/^The EC P-256 certificate of .* expires in 3 days\.$/);
  });

  it("protocols, weak keys and signatures are the audit's alone: reported beside the certificate rule's finding", () => {
    const fs = diagnose(audited(BANNERS.postfix as string, { ...OLD, certificates: [cert({ key: "RSA 1024", signature: "sha1WithRSAEncryption" })] }, { daysLeft: 5 }), policy());
    expect(fs.map((f) => f.id)).toEqual(["certificate-expiring", "tls-audit-old-protocol", "tls-audit-weak-key", "tls-audit-weak-signature"]);
  });

  it("a certificate the session did not negotiate (another fingerprint) is the audit's to report", () => {
    const fs = auditOnly(audited(BANNERS.postfix as string, { certificates: [cert({ fingerprint256: FP_EC, daysLeft: 5 })] }, { daysLeft: 90 }));
    expect(fs.map((f) => f.id)).toEqual(["tls-audit-expiring"]);
  });
});
