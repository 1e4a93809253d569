// candidate-cert against the MTA-STS mx patterns (RFC 8461 §4.2: the certificate must name the MX
// host) and the record it prints, on a certificate made by the openssl CLI (it names localhost).
import { X509Certificate } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eeRecordOf, tlsaText } from "../../src/dane/tlsa.js";
import { judgeCandidate } from "../../src/diagnose/dane.js";
import type { AddressDaneCheck } from "../../src/engine/dane.js";
import type { DomainResult } from "../../src/model/report.js";
import { makeCerts } from "../support/certs.js";

let leaf: X509Certificate;
beforeAll(async () => {
  leaf = new X509Certificate((await makeCerts()).certPem);
});
const check = (host: string): AddressDaneCheck => ({ host, dns: { kind: "insecure", addressesSecure: false, tlsaIgnored: [] }, resolverValidates: true, mxSecure: true, match: null, starttls: true, chain: [] });
const domain = (mode: "enforce" | "testing" | "none", mx: string[]): DomainResult => ({ domain: "example.test", mtaSts: { txtId: "1", policyId: "1", mode, maxAge: 86400, mx, bodySha256: null }, tlsRpt: null });
const ids = (f: { id: string; severity: string }[]) => f.map((x) => `${x.id}:${x.severity}`);

describe("judgeCandidate", () => {
  it("no DANE records: prints the 3 1 1 record to publish", () => {
    const f = judgeCandidate({ path: "new.pem", chain: [leaf] }, check("localhost"), null);
    expect(ids(f)).toEqual(["dane-candidate-record:notice"]);
    expect(f[0]?.message).toContain(`_25._tcp.localhost. IN TLSA ${tlsaText(eeRecordOf(leaf))}`);
  });

  it("an MX host the MTA-STS policy covers but the candidate does not name: an error under enforce, a warning under testing", () => {
    expect(ids(judgeCandidate({ path: "new.pem", chain: [leaf] }, check("mx1.example.test"), domain("enforce", ["*.example.test"])))).toEqual(["dane-candidate-record:notice", "dane-candidate-mta-sts-name:error"]);
    expect(ids(judgeCandidate({ path: "new.pem", chain: [leaf] }, check("mx1.example.test"), domain("testing", ["mx1.example.test"])))).toEqual(["dane-candidate-record:notice", "dane-candidate-mta-sts-name:warning"]);
    // Named, not covered, or mode none: nothing to say about MTA-STS.
    expect(ids(judgeCandidate({ path: "new.pem", chain: [leaf] }, check("localhost"), domain("enforce", ["localhost"])))).toEqual(["dane-candidate-record:notice"]);
    expect(ids(judgeCandidate({ path: "new.pem", chain: [leaf] }, check("mx1.example.test"), domain("enforce", ["mx2.example.test"])))).toEqual(["dane-candidate-record:notice"]);
    expect(ids(judgeCandidate({ path: "new.pem", chain: [leaf] }, check("mx1.example.test"), domain("none", ["*.example.test"])))).toEqual(["dane-candidate-record:notice"]);
  });
});
