// Diagnosis end to end: probeTarget against scripted servers on loopback, and the CLI in-process
// for baseline drift. Each test names the finding a real session must produce.
import { localIo } from "../../src/config/local-io.js";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TargetKey } from "../../src/config/keys.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import type { TargetConfig } from "../../src/config/target.js";
import type { Finding, TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { main, type CliIo } from "../../src/cli/main.js";
import { startScriptedServer, startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";

const EHLO = "250-mx.test.local\r\n250-SIZE 10240000\r\n250 8BITMIME\r\n";
const EHLO_STARTTLS = "250-mx.test.local\r\n250-SIZE 10240000\r\n250-STARTTLS\r\n250 8BITMIME\r\n";
const BASIC = { EHLO, MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n", HELO: "250 mx.test.local\r\n" };

let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});

const open: ScriptedServer[] = [];
const tmpDirs: string[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
  for (const d of tmpDirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

async function smtp(handlers: Parameters<typeof startScriptedSmtp>[0], opts?: Parameters<typeof startScriptedSmtp>[1]): Promise<ScriptedServer> {
  const s = await startScriptedSmtp(handlers, opts);
  open.push(s);
  return s;
}

function target(port: number, raw: RawTarget = {}): TargetConfig {
  const r = resolveTarget({ host: "127.0.0.1", port, helo: "ci.example.com", timeout: "1", tls: "none", ...raw }, { env: {}, label: (k: TargetKey) => k, ...localIo() });
  if ("problems" in r) throw new Error(`config problems: ${JSON.stringify(r.problems)}`);
  return r;
}

const run = (t: TargetConfig): Promise<TargetResult> => probeTarget(t, new Redactor());
const byId = (r: TargetResult, id: string): Finding | undefined => r.findings.find((f) => f.id === id);
const idsOf = (r: TargetResult) => r.findings.map((f) => f.id);
const why = (r: TargetResult) => JSON.stringify({ error: r.error, steps: r.steps.map((s) => [s.command, s.reply?.code, s.verdict]), findings: r.findings.map((f) => [f.id, f.severity, f.step]) });

describe("SMTP-inspecting firewall: masked banner, EHLO 500, HELO 250, no STARTTLS", () => {
  const firewall = { greeting: "220 ******************************\r\n", EHLO: "500 5.5.1 Command unrecognized\r\n", HELO: "250 mx.test.local\r\n" };

  it("with tls: opportunistic → smtp-inspection error at the banner", async () => {
    const srv = await smtp(firewall);
    const r = await run(target(srv.port, { tls: "opportunistic" }));
    expect(r.steps.map((s) => [s.command, s.verdict])).toEqual([[null, "pass"], ["EHLO ci.example.com", "warn"], ["HELO ci.example.com", "pass"], ["QUIT", "pass"]]);
    const f = byId(r, "smtp-inspection");
    expect(f, why(r)).toMatchObject({ severity: "error", step: 0 });
    expect(f?.message).toMatch(/masked with asterisks.*EHLO was refused while HELO worked/);
    expect(r.verdict).toBe("fail");
    expect(srv.received).not.toContain("STARTTLS");
  });

  it("with tls: starttls → smtp-inspection (STARTTLS refused too) and starttls-not-advertised", async () => {
    const srv = await smtp(firewall);
    const r = await run(target(srv.port, { tls: "starttls" }));
    expect(srv.received).toContain("STARTTLS");
    const f = byId(r, "smtp-inspection");
    expect(f, why(r)).toMatchObject({ severity: "error", step: 0 });
    expect(f?.message).toMatch(/STARTTLS is missing or refused/);
    expect(byId(r, "starttls-not-advertised")?.severity).toBe("error");
    expect(r.verdict).toBe("fail");
  });
});

describe("TLS mode mismatch", () => {
  it("implicit-TLS client against a plain server → tls-mode-mismatch (not a generic tls-failed)", async () => {
    const srv = await smtp(BASIC);
    const r = await run(target(srv.port, { tls: "implicit" }));
    expect(r.error?.kind, why(r)).toBe("tls");
    expect(idsOf(r)).toContain("tls-mode-mismatch");
    expect(idsOf(r)).not.toContain("tls-failed");
    expect(byId(r, "tls-mode-mismatch")?.message).toMatch(new RegExp(`port ${srv.port} speaks plain SMTP`));
    expect(r.verdict).toBe("fail");
  });

  it("STARTTLS client against an implicit-TLS server → timeout at the greeting → tls-mode-mismatch", async () => {
    const srv = await smtp(BASIC, { tls: { cert: certs.certPem, key: certs.keyPem }, implicitTls: true });
    const r = await run(target(srv.port, { tls: "starttls" }));
    expect(r.error, why(r)).toMatchObject({ kind: "timeout", step: 0 });
    expect(r.transcript.some((t) => t.dir === "S")).toBe(false);
    const f = byId(r, "tls-mode-mismatch");
    expect(f, why(r)).toMatchObject({ severity: "error", step: 0 });
    expect(f?.message).toMatch(/implicit TLS/);
    expect(idsOf(r)).not.toContain("timeout");
  });
});

describe("not SMTP", () => {
  it("an HTTP server → not-smtp naming HTTP", async () => {
    const srv = await startScriptedServer([{ send: "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n" }, { close: true }]);
    open.push(srv);
    const r = await run(target(srv.port));
    expect(r.error?.kind, why(r)).toBe("protocol");
    expect(idsOf(r)).toEqual(["not-smtp"]);
    expect(r.findings[0]).toMatchObject({ severity: "error", step: 0 });
    expect(r.findings[0]?.message).toMatch(/answered like HTTP \("HTTP\/1\.1 400 Bad Request/);
  });
});

describe("certificates (makeCerts)", () => {
  it("expired certificate with insecure: true → certificate-expired notice (verification off is an explicit choice); the session goes on", async () => {
    const srv = await smtp({ ...BASIC, EHLO: EHLO_STARTTLS, STARTTLS: "220 2.0.0 Ready to start TLS\r\n" }, { tls: { cert: certs.expiredCertPem, key: certs.expiredKeyPem } });
    const r = await run(target(srv.port, { tls: "starttls", insecure: "true", ca: certs.caFile }));
    expect(r.error, why(r)).toBeNull();
    expect(r.tls?.authorized).toBe(false);
    // One problem, one finding: the expiry (OpenSSL's CERT_HAS_EXPIRED), no second "untrusted" for the same cause.
    expect(idsOf(r), why(r)).toEqual(["certificate-expired"]);
    expect(byId(r, "certificate-expired")).toMatchObject({ severity: "notice", step: 2 });
    expect(byId(r, "certificate-expired")?.message).toMatch(/expired on 2020-02-01.*Verification is off/);
    expect(byId(r, "certificate-expired")?.fixes[0]).toMatch(/^Renew the certificate, then reload whatever terminates TLS/);
    expect(r.steps.map((s) => s.command)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "QUIT"]);
    expect(r.verdict).toBe("pass");
  });

  it("self-signed certificate without insecure → ONE finding, certificate-untrusted, saying self-signed, first fix --ca", async () => {
    const srv = await smtp({ ...BASIC, EHLO: EHLO_STARTTLS, STARTTLS: "220 2.0.0 Ready to start TLS\r\n" }, { tls: { cert: certs.selfSignedCertPem, key: certs.selfSignedKeyPem } });
    const r = await run(target(srv.port, { tls: "starttls" }));
    expect(r.error, why(r)).toMatchObject({ kind: "tls", step: 2 });
    expect(r.findings).toHaveLength(1);
    const u = byId(r, "certificate-untrusted");
    expect(u, why(r)).toMatchObject({ severity: "error", step: 2 });
    expect(u?.message).toMatch(/self-signed/);
    expect(u?.message).toMatch(/DEPTH_ZERO_SELF_SIGNED_CERT/);
    expect(u?.fixes[0]).toMatch(/--ca FILE/);
  });
});

describe("open-relay policy", () => {
  it("a server accepting RCPT to example.net → open-relay error, and it never received DATA", async () => {
    const srv = await smtp(BASIC);
    const r = await run(target(srv.port, { "open-relay": "true", to: ["ops@example.com"], send: "true" }));
    const i = r.steps.findIndex((s) => s.command === "RCPT TO:<smtp-gate-relay-test@example.net>");
    expect(i, why(r)).toBeGreaterThan(0);
    expect(byId(r, "open-relay"), why(r)).toMatchObject({ severity: "error", step: i });
    expect(r.verdict).toBe("fail");
    // Every connection closed: the server has recorded every line it read (no sleep).
    await srv.settled();
    expect(srv.received).toContain("RCPT TO:<smtp-gate-relay-test@example.net>");
    expect(srv.received).not.toContain("DATA");
    expect(srv.received).not.toContain("RCPT TO:<ops@example.com>");
    expect(srv.messages).toEqual([]);
  });

  it("a server refusing with 554 relay denied → no open-relay finding, and the sequence goes on", async () => {
    const srv = await smtp({ ...BASIC, RCPT: (line) => (line.includes("@example.net") ? "554 5.7.1 <smtp-gate-relay-test@example.net>: Relay access denied\r\n" : "250 2.1.5 Ok\r\n") });
    const r = await run(target(srv.port, { "open-relay": "true", to: ["ops@example.com"] }));
    expect(idsOf(r), why(r)).not.toContain("open-relay");
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe("pass");
    // Every connection closed: the server has recorded every line it read (no sleep).
    await srv.settled();
    expect(srv.received).toEqual([
      "EHLO ci.example.com", "MAIL FROM:<smtp-gate@ci.example.com>", "RCPT TO:<smtp-gate-relay-test@example.net>", "RSET",
      "MAIL FROM:<smtp-gate@ci.example.com>", "RCPT TO:<ops@example.com>", "RSET", "QUIT",
    ]);
  });
});

describe("vrfy-disabled policy", () => {
  it("VRFY answered 250 → vrfy-enabled", async () => {
    const srv = await smtp({ ...BASIC, VRFY: "250 2.0.0 <postmaster@test.local>\r\n" });
    const r = await run(target(srv.port, { "vrfy-disabled": "true" }));
    const i = r.steps.findIndex((s) => s.command?.startsWith("VRFY "));
    expect(byId(r, "vrfy-enabled"), why(r)).toMatchObject({ severity: "error", step: i });
    expect(r.verdict).toBe("fail");
  });

  it("VRFY answered 502 → no finding", async () => {
    const srv = await smtp({ ...BASIC, VRFY: "502 5.5.1 VRFY command is disabled\r\n" });
    const r = await run(target(srv.port, { "vrfy-disabled": "true" }));
    expect(r.steps.some((s) => s.command?.startsWith("VRFY "))).toBe(true);
    expect(r.findings, why(r)).toEqual([]);
    expect(r.verdict).toBe("pass");
  });
});

describe("baseline drift through the CLI (--write-baseline, then --baseline)", () => {
  function io(): CliIo & { out: () => string; err: () => string } {
    let out = "";
    let err = "";
    return { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: {}, color: false, out: () => out, err: () => err };
  }

  it("STARTTLS lost since the baseline → baseline-starttls-lost in the JSON report, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-drift-"));
    tmpDirs.push(dir);
    const file = join(dir, "baseline.json");
    const common = ["--host", "127.0.0.1", "--helo", "ci.example.com", "--timeout", "2", "--name", "mx", "--format", "json"];

    const healthy = await smtp({ ...BASIC, EHLO: EHLO_STARTTLS, STARTTLS: "220 2.0.0 Ready to start TLS\r\n" }, { tls: { cert: certs.certPem, key: certs.keyPem } });
    const io1 = io();
    expect(await main([...common, "--port", String(healthy.port), "--tls", "starttls", "--ca", certs.caFile, "--write-baseline", file], io1), io1.out() + io1.err()).toBe(0);
    expect(io1.err()).toContain(`smtp-gate: wrote the baseline of 1 target to ${file}\n`);
    const baseline = JSON.parse(readFileSync(file, "utf8")) as { schema: string; targets: Record<string, { extensionsBeforeTls: string[] | null; tlsProtocol: string | null }> };
    expect(baseline.schema).toBe("smtp-gate/baseline@1");
    expect(baseline.targets.mx?.extensionsBeforeTls).toContain("STARTTLS");
    expect(baseline.targets.mx?.tlsProtocol).toMatch(/^TLSv1\.[23]$/);

    const stripped = await smtp(BASIC);
    const io2 = io();
    const code = await main([...common, "--port", String(stripped.port), "--tls", "opportunistic", "--baseline", file], io2);
    const report = JSON.parse(io2.out()) as { verdict: string; targets: TargetResult[] };
    const findings = report.targets[0]?.findings ?? [];
    expect(findings.find((f) => f.id === "baseline-starttls-lost"), io2.out()).toMatchObject({ severity: "error" });
    expect(report.verdict).toBe("fail");
    expect(code).toBe(1);
  });
});
