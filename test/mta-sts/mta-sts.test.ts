// MTA-STS, TLS-RPT and the TLS audit against real servers: unbound (scripts/test-dns.sh) serving
// the zones of scripts/dns/zones.conf, nginx serving the policies and two TLS fronts
// (scripts/test-mta-sts.sh), Postfix behind the MX names (scripts/test-mta.sh). Required in CI
// (SMTP_GATE_REQUIRE_MTA=1); skipped with a message locally when they are not running.
import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Resolver } from "node:dns/promises";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { localIo } from "../../src/config/local-io.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import type { TargetConfig } from "../../src/config/target.js";
import type { Report, TargetResult } from "../../src/model/report.js";
import { runTargets } from "../../src/engine/run.js";
import { main } from "../../src/cli/main.js";
import { parseReportJson } from "../../src/report/read-report.js";
import { renderJson } from "../../src/report/json.js";
import { renderJobSummary } from "../../src/report/job-summary.js";
import { detectMta } from "../support/mta.js";

const run = promisify(execFile);
const STS_DIR = process.env.SMTP_GATE_STS_DIR ?? "/tmp/smtp-gate-mta-sts";
const CA_BUNDLE = join(STS_DIR, "ca-bundle.pem");
const DNS = "127.0.0.28";

async function detect(): Promise<{ available: boolean; required: boolean; reason: string }> {
  const mta = await detectMta();
  if (!mta.available) return mta;
  const r = new Resolver({ timeout: 1000, tries: 1 });
  r.setServers([DNS]);
  const answer = await r.resolve4("mta.smtp-gate.test").catch((e: Error) => e.message);
  if (!Array.isArray(answer)) return { ...mta, available: false, reason: `the test DNS server on ${DNS} does not answer (${answer}): run scripts/test-dns.sh start` };
  if (!existsSync(CA_BUNDLE)) return { ...mta, available: false, reason: `${CA_BUNDLE} is missing: run scripts/test-mta-sts.sh start` };
  return mta;
}
const servers = await detect();
if (!servers.available && !servers.required) console.warn(`[test/mta-sts] skipping: ${servers.reason}`);

function target(raw: RawTarget): TargetConfig {
  const t = resolveTarget({ port: "2525", ip: "4", resolver: DNS, ca: CA_BUNDLE, helo: "ci.sts.test", ...raw }, { ...localIo(), env: {}, label: (k) => k });
  if ("problems" in t) throw new Error(JSON.stringify(t.problems));
  return t;
}
const probeDomain = (domain: string, raw: RawTarget = {}): Promise<Report> => runTargets([target({ mx: domain, ...raw })]);
const ids = (r: TargetResult | Report): string[] => ("targets" in r ? r.targets.flatMap((t) => t.findings) : r.findings).map((f) => f.id);
const stsFindings = (r: Report) => r.targets.flatMap((t) => t.findings).filter((f) => f.id.startsWith("mta-sts-"));

describe.skipIf(!servers.available && !servers.required)("MTA-STS against unbound, nginx and Postfix", () => {
  beforeAll(() => {
    if (!servers.available) throw new Error(`SMTP_GATE_REQUIRE_MTA is set but the MTA-STS servers are not reachable: ${servers.reason}`);
  });

  it("a healthy enforce domain passes: policy read, MX covered, the sender delivers", async () => {
    const r = await probeDomain("good.sts.test");
    expect(r.verdict).toBe("pass");
    expect(r.domains).toEqual([{
      domain: "good.sts.test",
      mtaSts: { txtId: "20261207T01", policyId: "20261207T01", mode: "enforce", maxAge: 604800, mx: ["mta.smtp-gate.test"], bodySha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
      tlsRpt: { rua: ["mailto:tlsrpt@good.sts.test"] },
    }]);
    expect(r.targets).toHaveLength(1);
    expect(r.targets[0]?.mtaSts).toEqual({ covered: true, sender: "deliver" });
    expect(ids(r)).toEqual([]);
    // Through the JSON report and back.
    const back = parseReportJson(renderJson(r));
    expect("problem" in back).toBe(false);
    if (!("problem" in back)) {
      expect(back.domains).toEqual(r.domains);
      expect(back.targets[0]?.mtaSts).toEqual({ covered: true, sender: "deliver" });
    }
  });

  it("an MX missing from the policy fails, naming the MX and the patterns; the covered MX still delivers", async () => {
    const r = await probeDomain("missing.sts.test");
    expect(r.verdict).toBe("fail");
    const byHost: Record<string, TargetResult> = Object.fromEntries(r.targets.map((t) => [t.mxHost, t]));
    expect(byHost["mta.smtp-gate.test"]?.mtaSts).toEqual({ covered: true, sender: "deliver" });
    expect(byHost.localhost?.mtaSts).toEqual({ covered: false, sender: "refuse" });
    const f = byHost.localhost?.findings.find((x) => x.id === "mta-sts-mx-not-covered");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("localhost");
    expect(f?.message).toContain("mta.smtp-gate.test, *.old.sts.test");
    expect(ids(r)).toContain("mta-sts-pattern-unused");
  });

  it("a certificate for another name fails under enforce (the MX host name is what counts)", async () => {
    const r = await probeDomain("wrongname.sts.test");
    expect(r.verdict).toBe("fail");
    expect(r.targets[0]?.mtaSts).toEqual({ covered: true, sender: "refuse" });
    const f = r.targets[0]?.findings.find((x) => x.id === "mta-sts-mx-certificate");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("does not name the MX host mx.wrongname.sts.test");
    expect(r.domains?.[0]?.tlsRpt).toEqual({ rua: ["mailto:tls@wrongname.sts.test", "https://report.wrongname.sts.test/tlsrpt"] });
  });

  it("the same under testing is a warning, and the sender delivers", async () => {
    const r = await probeDomain("testing.sts.test");
    expect(r.targets[0]?.mtaSts).toEqual({ covered: true, sender: "deliver" });
    expect(r.targets[0]?.findings.find((x) => x.id === "mta-sts-mx-certificate")?.severity).toBe("warning");
  });

  // Each policy fault is its own finding, an error: the owner published a TXT record.
  it.each([
    ["redirect.sts.test", "mta-sts-policy-redirect", /HTTP 301/],
    ["notfound.sts.test", "mta-sts-policy-status", /HTTP 404/],
    ["big.sts.test", "mta-sts-policy-too-large", /65536 bytes/],
    ["badid.sts.test", "mta-sts-txt-invalid", /id "2026-12-07" is not 1 to 32 letters and digits/],
    ["twotxt.sts.test", "mta-sts-txt-multiple", /2 v=STSv1 TXT records/],
  ])("%s → %s", async (domain, id, message) => {
    const r = await probeDomain(domain);
    expect(r.verdict).toBe("fail");
    const found = stsFindings(r);
    expect(found.map((f) => f.id)).toEqual([id]);
    expect(found[0]?.severity).toBe("error");
    expect(found[0]?.message).toMatch(message);
    expect(found[0]?.step).toBeNull();
  });

  it("ca trusts the policy host too: with the MTAs' CA alone, its certificate fails (mta-sts-policy-tls)", async () => {
    const r = await probeDomain("good.sts.test", { ca: join(process.env.SMTP_GATE_MTA_DIR ?? "/tmp/smtp-gate-mta", "ca.pem") });
    const found = stsFindings(r);
    expect(found.map((f) => f.id)).toEqual(["mta-sts-policy-tls"]);
    expect(found[0]?.message).toContain("mta-sts.good.sts.test");
    expect(r.targets[0]?.tls?.authorized).toBe(true);
  });

  it("a policy slower than the target's timeout: mta-sts-policy-timeout (nginx sends it at 1 byte/s)", async () => {
    const r = await probeDomain("slow.sts.test", { timeout: "2" });
    expect(stsFindings(r).map((f) => f.id)).toEqual(["mta-sts-policy-timeout"]);
  });

  it("TLS-RPT: an ftp: rua is invalid; no MTA-STS at all gives no MTA-STS finding", async () => {
    const r = await probeDomain("plain.sts.test");
    expect(r.domains?.[0]).toEqual({ domain: "plain.sts.test", mtaSts: null, tlsRpt: null });
    expect(ids(r)).toEqual(["tls-rpt-invalid"]);
    expect(r.targets[0]?.mtaSts).toBeUndefined();
  });

  it("--no-mta-sts (mta-sts: false) reads nothing", async () => {
    const r = await probeDomain("wrongname.sts.test", { "mta-sts": false });
    expect(r.domains).toBeUndefined();
    expect(ids(r).filter((i) => i.startsWith("mta-sts-"))).toEqual([]);
  });

  it("a host target with domain: the host is judged as that domain's MX", async () => {
    const r = await runTargets([target({ host: "mta.smtp-gate.test", "every-address": true, domain: "missing.sts.test" })]);
    expect(r.targets[0]?.mtaSts).toEqual({ covered: true, sender: "deliver" });
  });

  it("through the CLI, a fleet of domains: --report and --format json carry every domain (streamed, each once), as runTargets reports them", async () => {
    const domains = ["good.sts.test", "plain.sts.test", "missing.sts.test", "good.sts.test"];
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-sts-cli-"));
    const config = join(dir, "fleet.yml");
    writeFileSync(config, ["defaults:", "  port: 2525", "  ip: 4", `  resolver: ${DNS}`, `  ca: ${CA_BUNDLE}`, "  helo: ci.sts.test", "targets:", ...domains.map((d, i) => `  - { name: d${i}, mx: ${d} }`)].join("\n"));
    const reportFile = join(dir, "report.json");
    let out = "";
    await main(["--config", config, "--concurrency", "4", "--format", "json", "--report", reportFile], { stdout: (x) => void (out += x), stderr: () => {}, env: {}, color: false });
    const whole = await runTargets(domains.map((d) => target({ mx: d })));
    const byName = (r: Pick<Report, "domains">) => [...(r.domains ?? [])].sort((a, b) => a.domain.localeCompare(b.domain));
    expect(byName(whole).map((d) => d.domain)).toEqual(["good.sts.test", "missing.sts.test", "plain.sts.test"]);
    for (const text of [out, readFileSync(reportFile, "utf8")]) {
      const r = parseReportJson(text);
      if ("problem" in r) throw new Error(JSON.stringify(r.problem));
      expect(byName(r)).toEqual(byName(whole));
    }
  });

  it("the job summary shows each MX address's MTA-STS verdict", async () => {
    const r = await probeDomain("missing.sts.test");
    const md = renderJobSummary(r);
    expect(md).toContain("**missing.sts.test**: MTA-STS (enforce), id m1, 2 mx pattern(s)");
    expect(md).toContain("  - ✅ mta.smtp-gate.test \\[127.0.0.1\\]: delivers");
    expect(md).toContain("  - ❌ localhost \\[127.0.0.1\\]: refuses: not in the policy");
  });
});

describe.skipIf(!servers.available && !servers.required)("the TLS audit, cross-checked with testssl.sh and posttls-finger", () => {
  it("TLS 1.0 accepted and no intermediate sent: found, and testssl.sh and posttls-finger agree", { timeout: 180_000 }, async () => {
    const r = await probeDomain("legacy.sts.test", { "tls-audit": true });
    const t = r.targets[0] as TargetResult;
    expect(t.tlsAudit?.protocols).toEqual(["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]);
    expect(t.tlsAudit?.chainComplete).toBe(false);
    expect(t.tlsAudit?.certificates.map((c) => c.chainComplete)).toEqual([false]);
    // One cause, one finding: the session's certificate came without its intermediate, which the
    // certificate rule already says (certificate-chain-incomplete); the audit adds only what it
    // alone sees (TLS 1.0 and 1.1 accepted). The front is aiosmtpd: its settings, no other product's.
    expect(t.server?.family).toBe("aiosmtpd");
    expect(ids(t)).toEqual(["certificate-chain-incomplete", "tls-audit-old-protocol"]);
    expect(t.findings.filter((f) => /intermediate/.test(f.message))).toHaveLength(1);
    const [chainFinding, oldFinding] = t.findings;
    expect(chainFinding?.fixes[1]).toMatch(/^aiosmtpd: load the whole chain into the `tls_context`/);
    expect(oldFinding?.fixes[0]).toMatch(/^aiosmtpd: set `minimum_version = ssl\.TLSVersion\.TLSv1_2`/);
    const advice = t.findings.flatMap((f) => [...f.causes, ...f.fixes]).join("\n");
    expect(advice).not.toMatch(/Postfix|smtpd_tls_|Exim|openssl_options|Sendmail|OpenSMTPD|Haraka|Exchange|Schannel/);

    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-testssl-"));
    const json = join(dir, "testssl.json");
    await run("testssl", ["-p", "--starttls", "smtp", "--jsonfile", json, "--warnings", "off", "--quiet", "--color", "0", "127.0.0.129:2525"], { timeout: 170_000 }).catch((e: { code?: number }) => e);
    const offered = (JSON.parse(readFileSync(json, "utf8")) as { id: string; finding: string }[]).filter((x) => /^(SSLv|TLS)/.test(x.id) && x.finding.startsWith("offered")).map((x) => x.id);
    const testssl: Record<string, string> = { TLS1: "TLSv1", TLS1_1: "TLSv1.1", TLS1_2: "TLSv1.2", TLS1_3: "TLSv1.3" };
    expect(offered.map((id) => testssl[id] ?? id)).toEqual(t.tlsAudit?.protocols);

    const chain = await postTlsFinger("127.0.0.129");
    expect(chain.sent).toBe(1); // the leaf alone
    expect(chain.subjects[0]).toBe("/CN=mx.legacy.sts.test");
  });

  it("a certificate for another name with tls-audit: the certificate rule says it, the audit does not say it again", async () => {
    const r = await probeDomain("wrongname.sts.test", { "tls-audit": true });
    const t = r.targets[0] as TargetResult;
    expect(t.tlsAudit?.certificates.map((c) => c.matchesHost)).toEqual([false]);
    expect(ids(t).filter((id) => id === "certificate-name-mismatch")).toHaveLength(1);
    expect(ids(t)).not.toContain("tls-audit-name-mismatch");
  });

  it("RSA and ECDSA certificates on one server are both reported; the chain is complete", async () => {
    const r = await probeDomain("dual.sts.test", { "tls-audit": true });
    const a = r.targets[0]?.tlsAudit;
    expect(a?.protocols).toEqual(["TLSv1.2", "TLSv1.3"]);
    expect(a?.chainComplete).toBe(true);
    expect(a?.certificates.map((c) => [c.key, c.chainComplete])).toEqual([["RSA 2048", true], ["EC P-256", true]]);
    expect(a?.certificates.every((c) => c.matchesHost && c.names.includes("mx.dual.sts.test") && c.signature === "sha256WithRSAEncryption")).toBe(true);
    expect(ids(r)).toEqual([]);
    const chain = await postTlsFinger("127.0.0.130");
    expect(chain.sent).toBe(2); // leaf and intermediate
    expect(chain.signature).toMatch(/ECDSA \(prime256v1\)/);
  });
});

/** posttls-finger's view of a server's chain (-C prints it); Postfix's config dir is an empty one of ours. */
async function postTlsFinger(address: string): Promise<{ sent: number; subjects: string[]; signature: string }> {
  const conf = join(STS_DIR, "posttls-finger");
  mkdirSync(conf, { recursive: true });
  writeFileSync(join(conf, "main.cf"), "");
  const out = await run("posttls-finger", ["-c", "-C", "-l", "secure", "-F", join(STS_DIR, "certs", "root.pem"), `[${address}]:2525`], { env: { ...process.env, MAIL_CONFIG: conf }, timeout: 30_000 })
    .then((r) => r.stdout + r.stderr, (e: { stdout?: string; stderr?: string }) => `${e.stdout ?? ""}${e.stderr ?? ""}`);
  const subjects = [...out.matchAll(/^ \d+ subject: (.*)$/gm)].map((m) => m[1] as string);
  return { sent: subjects.length, subjects, signature: /server-signature ([^\n]+?) server-digest/.exec(out)?.[1] ?? "" };
}

describe.skipIf(!servers.available && !servers.required)("drift of the transport facts (baseline)", () => {
  /** Runs once to write a baseline, lets `edit` change it (what a later deploy would differ in), runs again against it. */
  async function against(domain: string, raw: RawTarget, edit: (b: { transport: { domains: Record<string, { bodySha256: string; mx: string[] }>; certificates: Record<string, string[]> } }) => void): Promise<string[]> {
    const { renderBaseline } = await import("../../src/report/baseline.js");
    const b = JSON.parse(renderBaseline(await probeDomain(domain, raw)));
    edit(b);
    const file = join(mkdtempSync(join(tmpdir(), "smtp-gate-baseline-")), "baseline.json");
    writeFileSync(file, JSON.stringify(b));
    return ids(await probeDomain(domain, { ...raw, baseline: file }));
  }

  it("a policy body that changed under the same id is a warning; changed mx patterns a notice", async () => {
    const found = await against("good.sts.test", {}, (b) => {
      const d = b.transport.domains["good.sts.test"] as { bodySha256: string; mx: string[] };
      d.bodySha256 = "0".repeat(64);
      d.mx = ["old.smtp-gate.test"];
    });
    expect(found).toEqual(expect.arrayContaining(["mta-sts-policy-changed-same-id", "mta-sts-mx-patterns-changed"]));
  });

  it("no transport drift against its own baseline", async () => {
    // (baseline-missing, a notice, is the per-target baseline's: it keys an mx target by its unexpanded name.)
    expect((await against("good.sts.test", {}, () => {})).filter((id) => id !== "baseline-missing")).toEqual([]);
  });

  it("certificate keys or issuers that changed (TLS audit) are a warning", async () => {
    const found = await against("dual.sts.test", { "tls-audit": true }, (b) => {
      const name = Object.keys(b.transport.certificates)[0] as string;
      expect(b.transport.certificates[name]).toEqual(["RSA 2048 by smtp-gate MTA-STS test intermediate", "EC P-256 by smtp-gate MTA-STS test intermediate"]);
      b.transport.certificates[name] = ["RSA 2048 by smtp-gate MTA-STS test intermediate"];
    });
    expect(found).toContain("tls-audit-certificates-changed");
  });
});
