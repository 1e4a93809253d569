/**
 * Bugs this suite found where src/ contradicted the contract (/work/shared/contract.md). Each
 * names the place it was found (as of 7e4dd55/75d2ca9). They failed until fixed in c3f47e8 and
 * now stand as regression tests; do not weaken them.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseSteps, type StepSpec } from "../../src/protocol/steps.js";
import { runTargets } from "../../src/engine/run.js";
import { renderJson } from "../../src/report/json.js";
import { renderText } from "../../src/report/text.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { EHLO_REPLY, EHLO_STARTTLS, Servers, commands, probe, target } from "./helpers.js";

const servers = new Servers();
let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});
afterEach(() => servers.closeAll());

const BASIC = { EHLO: EHLO_REPLY, MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n", HELO: "250 mx.test\r\n" };

describe("regression 1 — src/engine/plan.ts + src/engine/probe.ts: a recipient containing `{helo}`/`{from}`/`{to}` is rewritten on the wire", () => {
  // `{` and `}` are atext (RFC 5321), so checkMailbox accepts "ops{helo}@example.com"; the plan bakes
  // each address into a template that is then run through fillPlaceholders.
  it("RCPT TO carries the configured address unchanged", async () => {
    const srv = servers.add(await startScriptedSmtp(BASIC));
    const r = await probe(target(srv.port, { to: ["ops{helo}@example.com", "x{from}@example.com"] }));
    await srv.settled();
    expect(srv.received).toContain("RCPT TO:<ops{helo}@example.com>");
    expect(srv.received).toContain("RCPT TO:<x{from}@example.com>");
    expect(commands(r)).toContain("RCPT TO:<ops{helo}@example.com>");
  });
});

describe("regression 2 — src/engine/probe.ts: base64 of the password/token is not redacted by the CLI/engine (contract §5: every derived value)", () => {
  // Only the raw secrets are registered; derivedSecretForms() (src/protocol/auth.ts) is used by the action only.
  it("a server that puts base64(password) or base64(token) in its reply does not leak it into the report", async () => {
    const PW = "Canary-Pw-9f3b";
    const TOKEN = "Canary-Tok-77aa";
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const srv = servers.add(
      await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 AUTH PLAIN XOAUTH2\r\n", AUTH: `535 5.7.8 credentials ${b64(PW)} ${b64(TOKEN)} rejected\r\n` }),
    );
    const report = await runTargets([
      target(srv.port, { name: "plain", credentials: { username: "u@example.com", password: PW, mechanism: "PLAIN" } }),
      target(srv.port, { name: "xoauth2", credentials: { username: "u@example.com", oauthToken: TOKEN, mechanism: "XOAUTH2" } }),
    ]);
    expect(report.targets.map((t) => t.steps[2]?.reply?.code)).toEqual([535, 535]);
    for (const text of [renderJson(report), renderText(report, { color: false }), renderMarkdown(report)]) {
      expect(text).not.toContain(b64(PW));
      expect(text).not.toContain(b64(TOKEN));
    }
  });
});

describe("regression 3 — src/engine/probe.ts (afterEhlo): `EHLO … => 500` answered 500 is demoted to warn and an unrequested HELO is sent", () => {
  // Contract §2: `pass` = the reply met the expectation; the HELO fallback is the exception for a step that does not pass.
  it("an EHLO whose explicit expectation is met passes and no HELO is sent", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, EHLO: "500 5.5.1 no ESMTP here\r\n" }));
    const r = await probe(target(srv.port, { steps: parseSteps("EHLO {helo} => 500") as StepSpec[] }));
    expect(r.steps[1]).toMatchObject({ command: "EHLO ci.example.com", expected: "500", verdict: "pass" });
    expect(r.verdict).toBe("pass");
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", "QUIT"]);
  });
});

describe("regression 4 — src/diagnose/replies.ts (rejectedSteps) + src/engine/probe.ts: a failed TLS handshake adds a bogus `unexpected-acceptance` finding", () => {
  // upgrade() sets the STARTTLS step (reply 220, expected 220) to fail; rejectedSteps then reports
  // '"STARTTLS" was answered 220 while 220 was expected: the server accepted what the test says it must refuse.'
  it("the STARTTLS step gets the TLS failure, not a claim that the server accepted what it must refuse", async () => {
    const srv = servers.add(
      await startScriptedSmtp({ ...BASIC, EHLO: EHLO_STARTTLS, STARTTLS: "220 go ahead\r\n" }, { tls: { cert: certs.selfSignedCertPem, key: certs.selfSignedKeyPem } }),
    );
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem }));
    expect(r.error).toMatchObject({ kind: "tls", step: 2 });
    const ids = r.findings.map((f) => f.id);
    // The handshake failed on the certificate: that one cause, on the STARTTLS step.
    expect(ids).toEqual(["certificate-untrusted"]);
    expect(r.findings[0]?.step).toBe(2);
    expect(ids).not.toContain("unexpected-acceptance");
    expect(r.findings.filter((f) => /answered 220 while 220 was expected/.test(f.message))).toEqual([]);
  });
});
