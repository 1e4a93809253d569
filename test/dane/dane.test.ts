// DANE for SMTP against real servers (scripts/test-dnssec.sh): BIND serving the signed zone
// dane.test, a bogus and an insecure child; a validating unbound on 127.0.0.29; a STARTTLS front
// (leaf + CA) on 127.0.0.151:25, a server without STARTTLS on 127.0.0.152:25, and Postfix
// (scripts/test-mta.sh) behind mx-postfix.dane.test. Every case is cross-checked with Postfix's
// posttls-finger (-l dane), run in a mount namespace whose /etc/resolv.conf names the validating
// resolver (posttls-finger asks the system resolver). Required in CI (SMTP_GATE_REQUIRE_MTA=1).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Resolver } from "node:dns/promises";
import { beforeAll, describe, expect, it } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import type { Report, TargetResult } from "../../src/model/report.js";
import { runTargets } from "../../src/engine/run.js";
import { parseReportJson } from "../../src/report/read-report.js";
import { renderJson } from "../../src/report/json.js";
import { renderText } from "../../src/report/text.js";
import { renderJobSummary } from "../../src/report/job-summary.js";
import { detectMta } from "../support/mta.js";
import { posttlsFinger } from "../support/policy-servers.js";

const DIR = process.env.SMTP_GATE_DNSSEC_DIR ?? "/tmp/smtp-gate-dnssec";
const RESOLVER = "127.0.0.29";
const AUTHORITATIVE = "127.0.0.150";
const CERTS = join(DIR, "certs");

async function detect(): Promise<{ available: boolean; required: boolean; reason: string }> {
  const mta = await detectMta();
  if (!mta.available) return mta;
  const r = new Resolver({ timeout: 1000, tries: 1 });
  r.setServers([RESOLVER]);
  const answer = await r.resolve4("mx-good.dane.test").catch((e: Error) => e.message);
  if (!Array.isArray(answer)) return { ...mta, available: false, reason: `the validating resolver on ${RESOLVER} does not answer (${answer}): run scripts/test-dnssec.sh start` };
  if (!existsSync(join(DIR, "tlsa.env"))) return { ...mta, available: false, reason: `${DIR}/tlsa.env is missing: run scripts/test-dnssec.sh start` };
  return mta;
}
const servers = await detect();
if (!servers.available && !servers.required) console.warn(`[test/dane] skipping: ${servers.reason}`);

/** The digests scripts/test-dnssec.sh computed with openssl at start. */
const digests = (): Record<string, string> => Object.fromEntries(readFileSync(join(DIR, "tlsa.env"), "utf8").trim().split("\n").map((l) => l.split("=") as [string, string]));

async function probe(domain: string, raw: RawTarget = {}): Promise<Report> {
  const port = domain === "postfix.dane.test" ? "2525" : "25";
  // The probe's own PKIX check trusts the test CAs; DANE ignores them.
  const t = resolveTarget({ mx: domain, port, ip: "4", resolver: RESOLVER, ca: domain === "postfix.dane.test" ? "/tmp/smtp-gate-mta/ca.pem" : join(CERTS, "ca.pem"), timeout: "20", helo: "ci.dane.test", ...raw }, { ...localIo(), env: {}, label: (k) => k });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return runTargets([t]);
}
const only = (r: Report): TargetResult => {
  expect(r.targets).toHaveLength(1);
  return r.targets[0] as TargetResult;
};
const daneIds = (t: TargetResult): string[] => t.findings.map((f) => f.id).filter((id) => id.startsWith("dane-")).sort();

describe.skipIf(!servers.available && !servers.required)("DANE against BIND, a validating unbound, SMTP fronts and Postfix; posttls-finger beside", () => {
  let d: Record<string, string> = {};
  beforeAll(() => {
    if (!servers.available) throw new Error(`SMTP_GATE_REQUIRE_MTA is set but the DNSSEC servers are not reachable: ${servers.reason}`);
    d = digests();
  });

  it("3 1 1 of the leaf beside 2 1 1 of its CA: delivers, the EE record matches, no rollover finding; through the JSON report and back", { timeout: 120_000 }, async () => {
    const t = only(await probe("good.dane.test"));
    expect(t.dane).toEqual({ secure: true, tlsa: [`2 1 1 ${d.CA_SPKI}`, `3 1 1 ${d.LEAF_SPKI}`], matched: `3 1 1 ${d.LEAF_SPKI}`, sender: "deliver" });
    expect(daneIds(t)).toEqual([]);
    const f = await posttlsFinger("mx-good.dane.test");
    expect(f.sender, f.out).toBe("deliver");
    expect(f.matched).toBe(t.dane?.matched);
    const back = parseReportJson(renderJson({ schema: "smtp-gate/report@1", verdict: t.verdict, tool: { name: "smtp-gate", version: "0" }, startedAt: "", targets: [t] }));
    expect("problem" in back ? back.problem : back.targets[0]?.dane).toEqual(t.dane);
  });

  it("a single matching 3 1 1: delivers, and the rollover finding says a key change breaks it", { timeout: 120_000 }, async () => {
    const t = only(await probe("ee.dane.test"));
    expect(t.dane).toEqual({ secure: true, tlsa: [`3 1 1 ${d.LEAF_SPKI}`], matched: `3 1 1 ${d.LEAF_SPKI}`, sender: "deliver" });
    expect(daneIds(t)).toEqual(["dane-rollover"]);
    const f = await posttlsFinger("mx-ee.dane.test");
    expect([f.sender, f.matched], f.out).toEqual(["deliver", `3 1 1 ${d.LEAF_SPKI}`]);
  });

  it("a matching 2 1 1 (the CA sent in the chain, the name checked): delivers", { timeout: 120_000 }, async () => {
    const t = only(await probe("ta.dane.test"));
    expect(t.dane).toMatchObject({ secure: true, matched: `2 1 1 ${d.CA_SPKI}`, sender: "deliver" });
    expect(daneIds(t)).toEqual([]);
    const f = await posttlsFinger("mx-ta.dane.test");
    expect([f.sender, f.matched], f.out).toEqual(["deliver", `2 1 1 ${d.CA_SPKI}`]);
  });

  it("another key's 3 1 1 and another key's 2 1 1: refused with dane-no-match, as posttls-finger refuses", { timeout: 120_000 }, async () => {
    for (const [domain, host] of [["wrong.dane.test", "mx-wrong.dane.test"], ["wrongta.dane.test", "mx-wrongta.dane.test"]] as const) {
      const t = only(await probe(domain));
      expect(t.dane).toMatchObject({ secure: true, matched: null, sender: "refuse" });
      expect(daneIds(t)).toContain("dane-no-match");
      expect(t.verdict).toBe("fail");
      // The message names the key the server holds, as the record to publish.
      expect(t.findings.find((x) => x.id === "dane-no-match")?.message).toContain(`3 1 1 ${d.LEAF_SPKI}`);
      const f = await posttlsFinger(host);
      expect(f.sender, f.out).toBe("refuse");
      // The job summary's DANE block and the text line say the same.
      const r: Report = { schema: "smtp-gate/report@1", verdict: t.verdict, tool: { name: "smtp-gate", version: "0" }, startedAt: "", targets: [t] };
      expect(renderJobSummary(r)).toContain(`### DANE: what a sender does\n\n- ❌ ${host} \\[127.0.0.151\\]: refuses: no TLSA record matches`);
      expect(renderText(r, { color: false })).toContain("DANE: signed, 1 TLSA record(s); a sender refuses: no TLSA record matches");
    }
  });

  it("digest agility: per usage/selector only the strongest matching type counts (RFC 7671 §9)", { timeout: 120_000 }, async () => {
    const full = only(await probe("full.dane.test"));
    expect(full.dane).toMatchObject({ matched: `2 1 2 ${d.CA_SPKI512}`, sender: "deliver" });
    const strong = only(await probe("strong.dane.test"));
    expect(strong.dane).toMatchObject({ matched: null, sender: "refuse" });
    const [ff, fs] = [await posttlsFinger("mx-full.dane.test"), await posttlsFinger("mx-strong.dane.test")];
    expect([ff.sender, ff.matched], ff.out).toEqual(["deliver", `2 1 2 ${d.CA_SPKI512}`]);
    expect(fs.sender, fs.out).toBe("refuse");
  });

  it("a bogus TLSA RRset (altered after signing): the host is unusable, never a silent downgrade", { timeout: 120_000 }, async () => {
    const t = only(await probe("bogus.dane.test"));
    expect(t.dane).toEqual({ secure: false, tlsa: [], matched: null, sender: "refuse" });
    expect(daneIds(t)).toEqual(["dane-dns-bogus"]);
    expect(t.verdict).toBe("fail");
    const f = await posttlsFinger("mx.bogus.dane.test");
    expect(f.sender, f.out).toBe("refuse");
    expect(f.out).toMatch(/TLSA lookup error/);
  });

  it("an insecure delegation: TLSA records there are ignored (a notice), the sender delivers without DANE", { timeout: 120_000 }, async () => {
    const t = only(await probe("insecure.dane.test"));
    expect(t.dane).toEqual({ secure: false, tlsa: [], matched: null, sender: "deliver" });
    expect(daneIds(t)).toEqual(["dane-tlsa-insecure"]);
    const f = await posttlsFinger("mx.insecure.dane.test");
    expect(f.sender, f.out).toBe("deliver");
    expect(f.matched).toBeNull();
  });

  it("a signed MX host whose TLSA zone is unsigned: secure addresses, TLSA ignored, no DANE", { timeout: 120_000 }, async () => {
    const t = only(await probe("split.dane.test"));
    expect(t.dane).toEqual({ secure: true, tlsa: [], matched: null, sender: "deliver" });
    expect(daneIds(t)).toEqual(["dane-tlsa-insecure"]);
    const f = await posttlsFinger("mx-split.dane.test");
    expect([f.sender, f.matched], f.out).toEqual(["deliver", null]);
  });

  it("TLSA records on a host without STARTTLS: refused (dane-no-starttls)", { timeout: 120_000 }, async () => {
    const t = only(await probe("plain.dane.test"));
    expect(t.dane).toMatchObject({ secure: true, matched: null, sender: "refuse" });
    expect(daneIds(t)).toContain("dane-no-starttls");
    const f = await posttlsFinger("mx-plain.dane.test");
    expect(f.sender, f.out).toBe("refuse");
  });

  it("only unusable records (0 x x, 1 x x, selector 2, matching 9): TLS required but not authenticated", { timeout: 120_000 }, async () => {
    const t = only(await probe("unusable.dane.test"));
    expect(t.dane).toMatchObject({ secure: true, matched: null, sender: "deliver" });
    expect(t.dane?.tlsa).toHaveLength(4);
    expect(daneIds(t)).toEqual(["dane-unusable-only"]);
    const f = await posttlsFinger("mx-unusable.dane.test");
    expect([f.sender, f.matched], f.out).toEqual(["deliver", null]);
  });

  it("a real MTA (Postfix) behind a 3 1 1 of its certificate; an MX that is a CNAME (RFC 7672 §2.2.3)", { timeout: 120_000 }, async () => {
    const t = only(await probe("postfix.dane.test"));
    expect(t.dane).toMatchObject({ secure: true, matched: `3 1 1 ${d.MTA_SPKI}`, sender: "deliver" });
    const f = await posttlsFinger("mx-postfix.dane.test", 2525);
    expect([f.sender, f.matched], f.out).toEqual(["deliver", `3 1 1 ${d.MTA_SPKI}`]);
    const alias = only(await probe("alias.dane.test"));
    expect(alias.dane).toMatchObject({ secure: true, matched: `3 1 1 ${d.LEAF_SPKI}`, sender: "deliver" });
    const fa = await posttlsFinger("mx-alias.dane.test");
    expect([fa.sender, fa.matched], fa.out).toEqual(["deliver", `3 1 1 ${d.LEAF_SPKI}`]);
  });

  it("three full-certificate records (3 0 0): truncated over UDP, asked again over TCP, the leaf's record matches", { timeout: 120_000 }, async () => {
    const t = only(await probe("big.dane.test"));
    expect(t.dane).toMatchObject({ secure: true, matched: `3 0 0 ${d.LEAF_DER}`, sender: "deliver" });
    expect(t.dane?.tlsa).toHaveLength(3);
    const f = await posttlsFinger("mx-big.dane.test");
    expect(f.sender, f.out).toBe("deliver");
    expect(f.matched ?? "", f.out).toMatch(/^3 0 0 /);
  });

  it("an unsigned MX RRset naming a signed host with TLSA: DANE still applies (Postfix's default), and a notice says the MX can be forged", { timeout: 120_000 }, async () => {
    const t = only(await probe("crossed.insecure.dane.test"));
    expect(t.dane).toMatchObject({ secure: true, matched: `3 1 1 ${d.LEAF_SPKI}`, sender: "deliver" });
    expect(daneIds(t)).toEqual(["dane-mx-insecure"]);
    // Through the MX lookup posttls-finger says "Trusted", not "Verified": the MX name could be forged.
    const f = await posttlsFinger("crossed.insecure.dane.test", 25, "crossed.insecure.dane.test");
    expect([f.sender, f.matched], f.out).toEqual(["deliver", `3 1 1 ${d.LEAF_SPKI}`]);
    expect(f.out).toMatch(/Trusted TLS connection established to mx-good\.dane\.test/);
    const signed = await posttlsFinger("good.dane.test", 25, "good.dane.test");
    expect(signed.out).toMatch(/Verified TLS connection established to mx-good\.dane\.test/);
  });

  it("a resolver that does not validate (the authoritative server itself): said, and no verdict claimed", { timeout: 120_000 }, async () => {
    const t = only(await probe("good.dane.test", { resolver: AUTHORITATIVE }));
    expect(t.dane).toEqual({ secure: false, tlsa: [], matched: null, sender: null });
    expect(daneIds(t)).toEqual(["dane-resolver-not-validating"]);
  });

  it("--no-dane: no DANE lookups, no field", { timeout: 120_000 }, async () => {
    const t = only(await probe("wrong.dane.test", { dane: "false" }));
    expect(t.dane).toBeUndefined();
    expect(daneIds(t)).toEqual([]);
  });

  it("candidate-cert: a new key against a lone 3 1 1 fails the run and prints the record to publish; the same key, or a 2 1 1 anchor, passes", { timeout: 120_000 }, async () => {
    const broken = only(await probe("ee.dane.test", { "candidate-cert": join(CERTS, "candidate-new-chain.pem") }));
    expect(daneIds(broken)).toEqual(["dane-candidate-mismatch", "dane-rollover"]);
    expect(broken.verdict).toBe("fail");
    const publish = `_25._tcp.mx-ee.dane.test. IN TLSA 3 1 1 ${d.NEW_SPKI}`;
    expect(broken.findings.find((x) => x.id === "dane-candidate-mismatch")?.message).toContain(publish);
    const text = renderText({ schema: "smtp-gate/report@1", verdict: broken.verdict, tool: { name: "smtp-gate", version: "0" }, startedAt: "", targets: [broken] }, { color: false });
    expect(text).toContain(publish);
    const same = only(await probe("ee.dane.test", { "candidate-cert": join(CERTS, "candidate-same-chain.pem") }));
    expect(daneIds(same)).toEqual(["dane-candidate-matches", "dane-rollover"]);
    expect(same.verdict).not.toBe("fail");
    const anchored = only(await probe("good.dane.test", { "candidate-cert": join(CERTS, "candidate-new-chain.pem") }));
    expect(daneIds(anchored)).toEqual(["dane-candidate-matches"]);
    expect(anchored.findings.find((x) => x.id === "dane-candidate-matches")?.message).toContain(`2 1 1 ${d.CA_SPKI}`);
    // 127.0.0.151 has no PTR (a warning of its own); nothing about the candidate fails the run.
    expect(anchored.verdict).not.toBe("fail");
  });

  it("candidate-cert that is not PEM: a problem naming the key, nothing sent", () => {
    const t = resolveTarget({ mx: "good.dane.test", "candidate-cert": join(DIR, "tlsa.env") }, { ...localIo(), env: {}, label: (k) => k });
    expect("problems" in t ? t.problems.map((p) => p.field) : []).toEqual(["candidate-cert"]);
  });
});
