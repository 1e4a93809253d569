// Certificates and handshakes against real TLS servers on 127.0.0.35, with certificates made by
// the openssl CLI (test/support/certs.ts): one finding per root cause, the fix for that
// verification result, and no port-mode advice once STARTTLS was answered 220. Each fix that
// can be followed here is followed, and the probe then passes.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { localIo } from "../../src/config/local-io.js";
import type { RawTarget, TargetKey } from "../../src/config/keys.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { TargetConfig } from "../../src/config/target.js";
import { main } from "../../src/cli/main.js";
import type { Finding, Report, TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { planAnnotations } from "../../src/report/annotations.js";
import { renderText } from "../../src/report/text.js";
import { reportSummaryLine } from "../../src/report/summary-line.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";

const HOST = "127.0.0.35";
const EHLO = "250-mx.test.local\r\n250-STARTTLS\r\n250 8BITMIME\r\n";
const HANDLERS = { EHLO, STARTTLS: "220 2.0.0 Ready to start TLS\r\n" };
/** What the port-mode advice says; it must not appear once a handshake ran. */
const PORT_MODE = /465 is implicit|587 and 25 use STARTTLS|port's mode|tls: implicit/;
/** OpenSSL's own text, which belongs in the details only. */
const OPENSSL_TEXT = /error:[0-9A-F]{8}|SSL routines|deps\/openssl/;

let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});

const open: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((s) => s.close()));
});

async function tlsServer(cert: string, key: string, opts: { implicitTls?: boolean; handlers?: Parameters<typeof startScriptedSmtp>[0] } = {}): Promise<ScriptedServer> {
  const s = await startScriptedSmtp(opts.handlers ?? HANDLERS, { host: HOST, tls: { cert, key }, implicitTls: opts.implicitTls });
  open.push(s);
  return s;
}

function target(port: number, raw: RawTarget = {}): TargetConfig {
  const r = resolveTarget({ host: HOST, port, helo: "ci.example.com", timeout: "2", tls: "starttls", ...raw }, { env: {}, label: (k: TargetKey) => k, ...localIo() });
  if ("problems" in r) throw new Error(`config problems: ${JSON.stringify(r.problems)}`);
  return r;
}

const probe = (t: TargetConfig): Promise<TargetResult> => probeTarget(t, new Redactor());
const report = (...targets: TargetResult[]): Report => ({
  schema: "smtp-gate/report@1", verdict: targets.some((t) => t.verdict === "fail") ? "fail" : "pass",
  tool: { name: "smtp-gate", version: "test" }, startedAt: "2026-01-01T00:00:00.000Z", targets,
});
const ids = (r: TargetResult) => r.findings.map((f) => f.id);
const why = (r: TargetResult) => JSON.stringify({ error: r.error, tls: r.tls, findings: r.findings.map((f) => [f.id, f.severity, f.step, f.message]) });
const advice = (f: Finding | undefined) => [...(f?.causes ?? []), ...(f?.fixes ?? [])].join("\n");

describe("a first run against a self-signed STARTTLS server", () => {
  it("the CLI prints ONE finding, whose first fix is --ca; following it, the probe passes", async () => {
    const srv = await tlsServer(certs.selfSignedCertPem, certs.selfSignedKeyPem);
    let out = "";
    const io = { stdout: (s: string) => void (out += s), stderr: (s: string) => void (out += s), env: {}, color: false };
    expect(await main(["--host", HOST, "--port", String(srv.port), "--timeout", "2"], io)).toBe(1);
    const findingLines = out.split("\n").filter((l) => /^ {3}(error|warning|notice) /.test(l));
    expect(findingLines, out).toHaveLength(1);
    expect(findingLines[0]).toMatch(/^ {3}error certificate-untrusted \(step 2\): The certificate is self-signed/);
    expect(out).toMatch(/what to do: Trust it here: .*`--ca FILE`/);
    expect(out).not.toMatch(PORT_MODE);
    // The STARTTLS step got its 220: it did not miss an expectation, the handshake after it failed.
    expect(out).toMatch(/S: 220 2\.0\.0 Ready to start TLS {3}success · FAIL \(the TLS handshake after it failed\)/);
    // The closing line says what it means, without advice and without the phase glued to it.
    expect(out).toMatch(new RegExp(`FAIL {2}${HOST}:${srv.port} — the certificate is self-signed\\n`));

    // The fix: trust that very certificate.
    out = "";
    expect(await main(["--host", HOST, "--port", String(srv.port), "--timeout", "2", "--ca", join(certs.dir, "self.pem")], io), out).toBe(0);
  });

  it("one annotation, titled by what happened, and the session's error holds facts, not advice", async () => {
    const srv = await tlsServer(certs.selfSignedCertPem, certs.selfSignedKeyPem);
    const r = await probe(target(srv.port));
    expect(r.error, why(r)).toMatchObject({ kind: "tls", step: 2 });
    expect(r.error?.message).toBe("certificate verification failed: the certificate is self-signed (DEPTH_ZERO_SELF_SIGNED_CERT) while performing the TLS handshake after STARTTLS");
    const a = planAnnotations(report(r));
    expect(a, JSON.stringify(a)).toHaveLength(1);
    expect(a[0]).toMatchObject({ level: "error", title: `smtp-gate: the certificate is self-signed — ${HOST}:${srv.port}` });
    expect(a[0]?.message.split("\n")[1]).toMatch(/^What to do: Trust it here/);
  });
});

describe("each verification result gets its own finding and fix", () => {
  it("a private CA (the leaf alone, its issuer unknown here) → certificate-untrusted, --ca first; with the CA, pass", async () => {
    const srv = await tlsServer(certs.certPem, certs.keyPem);
    const r = await probe(target(srv.port));
    expect(ids(r), why(r)).toEqual(["certificate-untrusted"]);
    const f = r.findings[0];
    expect(f?.message).toMatch(/^The certificate's issuer is not trusted: issued by "smtp-gate test CA", and the server sent only its own certificate \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\.$/);
    expect(f?.fixes[0]).toMatch(/^Trust the private CA: .*`--ca FILE`/);
    expect(advice(f)).not.toMatch(PORT_MODE);
    expect((await probe(target(srv.port, { ca: certs.caFile }))).verdict).toBe("pass");
  });

  it("expired → certificate-expired alone (no second 'untrusted' for the same cause): renew, then reload", async () => {
    const srv = await tlsServer(certs.expiredCertPem, certs.expiredKeyPem);
    const r = await probe(target(srv.port, { ca: certs.caFile }));
    expect(ids(r), why(r)).toEqual(["certificate-expired"]);
    expect(r.findings[0]).toMatchObject({ severity: "error", step: 2, summary: "the certificate expired on 2020-02-01" });
    expect(r.findings[0]?.fixes[0]).toMatch(/^Renew the certificate, then reload whatever terminates TLS on this port/);
    expect(advice(r.findings[0])).not.toMatch(PORT_MODE);
  });

  it("a wrong name → certificate-name-mismatch naming both sides; --servername first (probed by address); with it, pass", async () => {
    const srv = await tlsServer(certs.wrongNameCertPem, certs.wrongNameKeyPem);
    const r = await probe(target(srv.port, { ca: certs.caFile }));
    expect(ids(r), why(r)).toEqual(["certificate-name-mismatch"]);
    expect(r.findings[0]?.message).toBe(`The certificate does not name ${HOST}: it names mail.other.example, and the name checked was ${HOST}.`);
    expect(r.findings[0]?.fixes[0]).toMatch(/`--servername NAME`/);
    expect((await probe(target(srv.port, { ca: certs.caFile, servername: "mail.other.example" }))).verdict).toBe("pass");
  });

  it("under insecure every problem is still reported as a notice, the name included", async () => {
    const srv = await tlsServer(certs.wrongNameCertPem, certs.wrongNameKeyPem);
    const r = await probe(target(srv.port, { insecure: "true" }));
    expect(r.error).toBeNull();
    expect(r.findings.map((f) => [f.id, f.severity]), why(r)).toEqual([["certificate-untrusted", "notice"], ["certificate-name-mismatch", "notice"]]);
    for (const f of r.findings) expect(f.message).toMatch(/Verification is off \(insecure\), so the session went on\.$/);
    expect(r.verdict).toBe("pass");
  });

  it("a missing intermediate → certificate-chain-incomplete: serve the chain; served with it, pass", async () => {
    const leafOnly = await tlsServer(certs.chainLeafPem, certs.chainLeafKeyPem);
    for (const raw of [{ ca: certs.chainRootFile }, {}]) {
      const r = await probe(target(leafOnly.port, raw));
      expect(ids(r), why(r)).toEqual(["certificate-chain-incomplete"]);
      expect(r.findings[0]?.summary).toBe("the server does not send its intermediate certificate");
      expect(r.findings[0]?.fixes[0]).toMatch(/^Serve the chain: .*fullchain\.pem/);
      expect(r.findings[0]?.fixes.join(" ")).toContain("http://127.0.0.35/intermediate.crt");
      expect(r.tls?.issuerUrl).toBe("http://127.0.0.35/intermediate.crt");
    }
    const chain = await tlsServer(certs.chainLeafPem + certs.chainIntermediatePem, certs.chainLeafKeyPem);
    const ok = await probe(target(chain.port, { ca: certs.chainRootFile }));
    expect(ok.verdict, why(ok)).toBe("pass");
    expect(ok.findings).toEqual([]);
  });
});

describe("the port's mode", () => {
  it("implicit TLS on a plain port: a short phrase in the headline, summary and annotation; OpenSSL's text only in the details", async () => {
    const srv = await startScriptedSmtp({ EHLO: "250 mx.test.local\r\n" }, { host: HOST });
    open.push(srv);
    const r = await probe(target(srv.port, { tls: "implicit" }));
    expect(ids(r), why(r)).toEqual(["tls-mode-mismatch"]);
    const rep = report(r);
    const summary = reportSummaryLine(rep);
    expect(summary).toBe(`${HOST}:${srv.port} — the port speaks plain SMTP, not TLS`);
    const a = planAnnotations(rep);
    expect(a).toHaveLength(1);
    for (const said of [r.findings[0]?.message ?? "", summary, a[0]?.title ?? "", a[0]?.message ?? "", r.error?.message ?? ""]) expect(said).not.toMatch(OPENSSL_TEXT);
    // The details keep OpenSSL's words, once.
    const detail = r.transcript.filter((e) => OPENSSL_TEXT.test(e.text));
    expect(detail).toHaveLength(1);
    expect(renderText(rep, { color: false }).match(/wrong version number/g)).toHaveLength(1);
  });

  it("plain (STARTTLS) on an implicit-TLS port: tls-mode-mismatch at the greeting", async () => {
    const srv = await tlsServer(certs.certPem, certs.keyPem, { implicitTls: true });
    const r = await probe(target(srv.port, { timeout: "1" }));
    expect(ids(r), why(r)).toEqual(["tls-mode-mismatch"]);
    expect(r.findings[0]).toMatchObject({ step: 0 });
    expect(r.findings[0]?.fixes[0]).toMatch(/tls: implicit/);
  });

  it("a handshake that fails after STARTTLS's 220 (the server speaks only TLS 1.1): the port's mode is right, so no port-mode advice", async () => {
    const srv = await startScriptedSmtp(HANDLERS, { host: HOST, tls: { cert: certs.certPem, key: certs.keyPem, maxVersion: "TLSv1.1" } });
    open.push(srv);
    const r = await probe(target(srv.port, { ca: certs.caFile }));
    expect(r.error, why(r)).toMatchObject({ kind: "tls", step: 2 });
    expect(r.tls).toBeNull();
    expect(r.findings, why(r)).toHaveLength(1);
    expect(r.findings[0]?.step).toBe(2);
    expect(advice(r.findings[0])).not.toMatch(PORT_MODE);
    expect(r.findings[0]?.message).not.toMatch(OPENSSL_TEXT);
  });
});
