// TLSA matching (RFC 6698, RFC 7671, RFC 7672 §3) on certificates made by the openssl CLI; the
// record for a key cross-checked with openssl's own SPKI digest.
import { execFileSync } from "node:child_process";
import { X509Certificate, createHash } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eeRecordOf, isUsable, readPemChain, recordsInUse, tlsaText, unusedMatches, verifyDane, type Tlsa } from "../../src/dane/tlsa.js";
import { makeCerts, type TestCerts } from "../support/certs.js";

let c: TestCerts;
let leaf: X509Certificate, ca: X509Certificate, expired: X509Certificate, selfSigned: X509Certificate;
beforeAll(async () => {
  c = await makeCerts();
  [leaf, ca, expired, selfSigned] = [c.certPem, c.caPem, c.expiredCertPem, c.selfSignedCertPem].map((p) => new X509Certificate(p)) as [X509Certificate, X509Certificate, X509Certificate, X509Certificate];
});
const rec = (text: string): Tlsa => {
  const [usage, selector, matchingType, data] = text.split(" ");
  return { usage: Number(usage), selector: Number(selector), matchingType: Number(matchingType), data: data as string };
};
const spki = (cert: X509Certificate, matching: 1 | 2 = 1): Tlsa => {
  const r = eeRecordOf(cert);
  if (matching === 1) return r;
  return { ...r, matchingType: 2, data: createHash("sha512").update(cert.publicKey.export({ type: "spki", format: "der" })).digest("hex") };
};

describe("usable records and digest agility", () => {
  it("DANE-TA(2) and DANE-EE(3) with selector 0/1 and matching 0/1/2 only", () => {
    expect(["2 0 0 aa", "2 1 1 aa", "3 1 2 aa", "3 0 1 aa"].map(rec).every(isUsable)).toBe(true);
    expect(["0 1 1 aa", "1 1 1 aa", "3 2 1 aa", "3 1 3 aa", "4 1 1 aa"].map(rec).some(isUsable)).toBe(false);
  });

  it("per usage/selector only the strongest matching type published is used (RFC 7671 §9)", () => {
    const inUse = recordsInUse(["3 1 1 aa", "3 1 2 bb", "3 0 1 cc", "2 1 0 dd", "2 1 1 ee", "0 1 2 ff"].map(rec)).map(tlsaText);
    expect(inUse).toEqual(["3 1 2 bb", "3 0 1 cc", "2 1 1 ee"]);
  });
});

describe("verifyDane", () => {
  it("the 3 1 1 record of a key is what openssl computes from the certificate", () => {
    const pub = execFileSync("openssl", ["x509", "-pubkey", "-noout"], { input: c.certPem });
    const der = execFileSync("openssl", ["pkey", "-pubin", "-outform", "DER"], { input: pub });
    const digest = execFileSync("sha256sum", { input: der }).toString().split(" ")[0];
    expect(tlsaText(eeRecordOf(leaf))).toBe(`3 1 1 ${digest}`);
  });

  it("DANE-EE(3) matches the leaf and ignores names and dates (RFC 7672 §3.1.1)", () => {
    expect(verifyDane({ chain: [expired], records: [eeRecordOf(expired)], names: ["mx.example.net"] })).toMatchObject({ ok: true, depth: 0 });
    expect(verifyDane({ chain: [leaf, ca], records: [eeRecordOf(ca)], names: ["localhost"] }).ok).toBe(false);
  });

  it("DANE-TA(2): the anchor sent in the chain, the chain verified, the name checked", () => {
    const ta = { ...eeRecordOf(ca), usage: 2 };
    expect(verifyDane({ chain: [leaf, ca], records: [ta], names: ["localhost"] })).toMatchObject({ ok: true, depth: 1 });
    const wrongName = verifyDane({ chain: [leaf, ca], records: [ta], names: ["mx.example.net"] });
    expect(wrongName).toMatchObject({ ok: false, reason: expect.stringContaining("names none of mx.example.net") });
    // A DANE-TA(2) digest needs the anchor among the certificates the server sent (RFC 7671 §5.2.2).
    expect(verifyDane({ chain: [leaf], records: [ta], names: ["localhost"] }).ok).toBe(false);
    // Dates count under DANE-TA(2).
    expect(verifyDane({ chain: [expired, ca], records: [ta], names: ["localhost"] })).toMatchObject({ ok: false, reason: expect.stringContaining("outside its dates") });
    // A leaf the anchor did not sign.
    expect(verifyDane({ chain: [selfSigned, ca], records: [ta], names: ["localhost"] })).toMatchObject({ ok: false, reason: expect.stringContaining("does not verify") });
  });

  it("DANE-TA(2) whose anchor the server did not send: said so, and marked for the chain advice (RFC 7671 §5.2.2)", () => {
    const ta = { ...eeRecordOf(ca), usage: 2 };
    expect(verifyDane({ chain: [leaf], records: [ta], names: ["localhost"] })).toEqual({ ok: false, anchorNotSent: true, reason: expect.stringContaining("sent its own certificate alone, not the trust anchor") });
    // Beside a 3 1 1 of another key, both are named.
    expect(verifyDane({ chain: [leaf], records: [ta, { ...eeRecordOf(ca) }], names: ["localhost"] })).toMatchObject({ anchorNotSent: true, reason: expect.stringMatching(/^no DANE-EE\(3\) record matches the server's key, and the server sent/) });
    // A wrong 3 1 1 alone is not that case.
    expect(verifyDane({ chain: [leaf], records: [eeRecordOf(ca)], names: [] })).toEqual({ ok: false, reason: "no TLSA record in use matches the certificate chain" });
  });

  it("unusedMatches: records a sender does not use that match the chain (PKIX usages; a digest hidden by a stronger one)", () => {
    const pkixEe = { ...eeRecordOf(leaf), usage: 1 };
    expect(unusedMatches([pkixEe, eeRecordOf(ca)], [leaf, ca]).map(tlsaText)).toEqual([tlsaText(pkixEe)]);
    const hidden = eeRecordOf(leaf);
    expect(unusedMatches([hidden, { ...spki(ca, 2), usage: 3 }], [leaf]).map(tlsaText)).toEqual([tlsaText(hidden)]);
    // Selector 2 is no selector: never taken as matching, whatever its data.
    expect(unusedMatches([{ ...eeRecordOf(leaf), selector: 2 }], [leaf])).toEqual([]);
    expect(unusedMatches([eeRecordOf(leaf)], [leaf])).toEqual([]);
  });

  it("DANE-TA(2) with the full certificate in the record (2 0 0): the anchor need not be sent", () => {
    const full: Tlsa = { usage: 2, selector: 0, matchingType: 0, data: ca.raw.toString("hex") };
    expect(verifyDane({ chain: [leaf], records: [full], names: ["localhost"] })).toMatchObject({ ok: true, depth: 1 });
  });

  it("a stronger record that does not match hides a weaker one that does", () => {
    expect(verifyDane({ chain: [leaf], records: [eeRecordOf(leaf), { ...spki(ca, 2), usage: 3 }], names: [] }).ok).toBe(false);
    expect(verifyDane({ chain: [leaf], records: [{ ...eeRecordOf(ca) }, { ...spki(leaf, 2), usage: 3 }], names: [] }).ok).toBe(true);
  });
});

describe("readPemChain", () => {
  it("reads the certificates in order; says what is wrong otherwise", () => {
    const chain = readPemChain(`${c.certPem}\n${c.caPem}`);
    expect(Array.isArray(chain) ? chain.map((x) => x.fingerprint256) : chain).toEqual([leaf.fingerprint256, ca.fingerprint256]);
    expect(readPemChain("LEAF_SPKI=abc")).toEqual({ problem: "no PEM certificate in it" });
    expect(readPemChain("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).toMatchObject({ problem: expect.stringContaining("certificate 1 does not parse") });
  });
});
