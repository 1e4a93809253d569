// The real-server suite: smtp-gate against Postfix 3.7 + Dovecot SASL started by
// scripts/test-mta.sh. Required in CI (SMTP_GATE_REQUIRE_MTA=1: absence fails); skipped with a
// message locally when nothing listens on 127.0.0.1:2525.
import { beforeAll, describe, expect, it } from "vitest";
import type { TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { parseStepLine, type StepSpec } from "../../src/protocol/steps.js";
import { DEFAULT_BODY } from "../../src/protocol/message.js";
import { MTA_PORTS, MTA_USER, SKIP_HINT, detectMta, maildirMessages, mtaTarget, testUser, waitForMessage } from "../support/mta.js";

const mta = await detectMta();
if (!mta.available && !mta.required) console.warn(`[test/mta] skipping the Postfix suite: ${mta.reason}; ${SKIP_HINT}`);

const probe = (t: Parameters<typeof probeTarget>[0]): Promise<TargetResult> => probeTarget(t, new Redactor());
const commands = (r: TargetResult) => r.steps.map((s) => s.command);
const codes = (r: TargetResult) => r.steps.map((s) => s.reply?.code ?? null);
const verdicts = (r: TargetResult) => r.steps.map((s) => s.verdict);
const ids = (r: TargetResult) => r.findings.map((f) => f.id);
const steps = (...lines: string[]): StepSpec[] =>
  lines.map((l) => {
    const s = parseStepLine(l);
    if ("error" in s) throw new Error(s.error);
    return s;
  });
/**
 * The finding on a step, with an id from `ids` (the diagnosis rules are growing: the ids listed
 * are the one the generic code table gives and the more specific one a rule gives for it).
 */
function expectFinding(r: TargetResult, stepIndex: number, ids: string[]): void {
  const at = r.findings.filter((f) => f.step === stepIndex).map((f) => f.id);
  expect(at.some((id) => ids.includes(id)), `findings on step ${stepIndex}: ${JSON.stringify(at)}; expected one of ${JSON.stringify(ids)}`).toBe(true);
}
const indexOf = (r: TargetResult, s: TargetResult["steps"][number] | undefined): number => (s ? r.steps.indexOf(s) : -1);
/** The step with this command (the first whose command starts with it). */
const step = (r: TargetResult, prefix: string) => r.steps.find((s) => s.command?.startsWith(prefix));

describe.skipIf(!mta.available && !mta.required)("Postfix (scripts/test-mta.sh)", () => {
  beforeAll(() => {
    if (!mta.available) throw new Error(`SMTP_GATE_REQUIRE_MTA is set but the test MTA is not reachable: ${mta.reason}; run scripts/test-mta.sh start`);
  });

  describe("the production sequence on each port", () => {
    it("2525: STARTTLS with the private CA (PEM text), EHLO again, MAIL, RCPT, RSET", async () => {
      const t = mtaTarget(MTA_PORTS.plain, { to: [MTA_USER] });
      const r = await probe(t);
      expect(commands(r)).toEqual([null, `EHLO ${t.helo}`, "STARTTLS", `EHLO ${t.helo}`, "MAIL FROM:<app@example.com>", `RCPT TO:<${MTA_USER}>`, "RSET", "QUIT"]);
      expect(codes(r)).toEqual([220, 250, 220, 250, 250, 250, 250, 221]);
      expect(r.verdict).toBe("pass");
      expect(r.error).toBeNull();
      expect(r.findings).toEqual([]);
      expect(r.tls).toMatchObject({ authorized: true, authorizationError: null, subject: "localhost" });
      expect(r.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
      expect(r.steps[0]?.reply?.lines[0]).toMatch(/^mta\.smtp-gate\.test ESMTP/);
      expect(r.extensionsBeforeTls).toContain("STARTTLS");
      expect(r.extensions).not.toContain("STARTTLS");
      expect(r.extensions).toContain("AUTH PLAIN LOGIN");
    });

    it("2525 without the CA: certificate verification fails (tls), nothing after STARTTLS", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.plain, { ca: undefined }));
      expect(r.verdict).toBe("fail");
      expect(r.error?.kind).toBe("tls");
      expect(r.error?.message).toMatch(/certificate/);
      expect(ids(r).some((id) => ["tls-failed", "certificate-untrusted"].includes(id)), JSON.stringify(ids(r))).toBe(true);
    });

    it("4650: implicit TLS, greeting after the handshake, AUTH and the envelope", async () => {
      const t = mtaTarget(MTA_PORTS.implicit, { tls: "implicit", credentials: testUser(), to: [MTA_USER] });
      const r = await probe(t);
      expect(commands(r)).toEqual([null, `EHLO ${t.helo}`, "AUTH PLAIN ***", "MAIL FROM:<app@example.com>", `RCPT TO:<${MTA_USER}>`, "RSET", "QUIT"]);
      expect(codes(r)).toEqual([220, 250, 235, 250, 250, 250, 221]);
      expect(r.verdict).toBe("pass");
      expect(r.tls).toMatchObject({ authorized: true });
      expect(r.tlsMode).toBe("implicit");
    });

    it("5870: STARTTLS then AUTH (the submission sequence), relaying to a foreign domain once authenticated", async () => {
      const t = mtaTarget(MTA_PORTS.submission, { credentials: testUser(), from: MTA_USER, to: ["someone@example.com"] });
      const r = await probe(t);
      expect(commands(r)).toEqual([null, `EHLO ${t.helo}`, "STARTTLS", `EHLO ${t.helo}`, "AUTH PLAIN ***", `MAIL FROM:<${MTA_USER}>`, "RCPT TO:<someone@example.com>", "RSET", "QUIT"]);
      expect(codes(r)).toEqual([220, 250, 220, 250, 235, 250, 250, 250, 221]);
      expect(r.verdict).toBe("pass");
      // Postfix offers AUTH on the submission port only after STARTTLS (smtpd_tls_auth_only).
      expect(r.extensionsBeforeTls?.some((e) => e.startsWith("AUTH"))).toBe(false);
      expect(r.extensions).toContain("AUTH PLAIN LOGIN");
    });

    it("5870 without credentials: the recipient is refused (554 5.7.1 client host rejected): log in first", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.submission, { to: [MTA_USER] }));
      const rcpt = step(r, "RCPT");
      expect(rcpt?.reply).toMatchObject({ code: 554, enhanced: "5.7.1" });
      expect(rcpt?.reply?.lines[0]).toMatch(/Client host rejected: Access denied/);
      expect(r.verdict).toBe("fail");
      expectFinding(r, indexOf(r, rcpt), ["auth-required"]);
      expect(r.findings.find((f) => f.step === indexOf(r, rcpt))?.cause).toBe("auth-required");
    });

    it("5870: MAIL before STARTTLS is refused with 530 5.7.0", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.submission, { tls: "none", steps: steps("EHLO {helo}", "MAIL FROM:<{from}>") }));
      const mail = step(r, "MAIL");
      expect(mail?.reply).toMatchObject({ code: 530, enhanced: "5.7.0", lines: ["5.7.0 Must issue a STARTTLS command first"] });
      expect(mail?.verdict).toBe("fail");
      expectFinding(r, indexOf(r, mail), ["auth-or-tls-required", "starttls-required-first"]);
      expect(commands(r).at(-1)).toBe("QUIT");
    });
  });

  describe("credentials only where Postfix offers them (RFC 4954 §4)", () => {
    it("5870 in plain text offers no AUTH (smtpd_tls_auth_only): nothing of the credentials is sent", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.submission, { tls: "none", credentials: testUser("PLAIN") }));
      expect(r.authWithheld).toMatchObject({ reason: "auth-not-offered", offered: [] });
      expect(r.transcript.filter((e) => e.dir === "C").map((e) => e.text)).not.toContainEqual(expect.stringMatching(/^AUTH/));
      expect(ids(r)).toContain("auth-withheld");
      expect(r.verdict).toBe("fail");
    });

    it("after STARTTLS, a mechanism Postfix does not offer (CRAM-MD5) is not tried", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.submission, { credentials: { ...testUser(), mechanism: "CRAM-MD5" } }));
      expect(r.tls?.authorized).toBe(true);
      expect(r.authWithheld).toMatchObject({ reason: "mechanism-not-offered", mechanism: "CRAM-MD5", tls: true });
      expect(r.transcript.filter((e) => e.dir === "C").map((e) => e.text)).not.toContainEqual(expect.stringMatching(/^AUTH/));
    });
  });

  describe("AUTH against Dovecot SASL", () => {
    for (const mech of ["PLAIN", "LOGIN"] as const) {
      it(`AUTH ${mech} with the right password: 235 2.7.0`, async () => {
        const r = await probe(mtaTarget(MTA_PORTS.submission, { credentials: testUser(mech) }));
        const first = r.steps.findIndex((s) => s.command?.startsWith("AUTH"));
        const exchange = r.steps.slice(first, r.steps.findIndex((s) => s.command?.startsWith("MAIL") || s.command === "QUIT"));
        // PLAIN: one line with the initial response; LOGIN: 334 for the username, 334 for the password, then 235.
        expect(exchange.map((s) => s.command)).toEqual(mech === "PLAIN" ? ["AUTH PLAIN ***"] : ["AUTH LOGIN", "***", "***"]);
        expect(exchange.map((s) => s.reply?.code)).toEqual(mech === "PLAIN" ? [235] : [334, 334, 235]);
        expect(exchange.at(-1)?.reply).toMatchObject({ code: 235, enhanced: "2.7.0" });
        expect(r.verdict).toBe("pass");
        // The password never appears in the transcript.
        expect(JSON.stringify(r)).not.toContain("smtp-gate-test-password");
      });

      it(`AUTH ${mech} with a wrong password: 535 5.7.8, a hard failure`, async () => {
        const r = await probe(mtaTarget(MTA_PORTS.plain, { credentials: testUser(mech, "wrong-password"), to: [MTA_USER] }));
        const failed = r.steps.find((s) => s.reply?.code === 535);
        expect(failed?.reply?.enhanced).toBe("5.7.8");
        expect(failed?.reply?.lines[0]).toMatch(/authentication failed/);
        expect(failed?.verdict).toBe("fail");
        expect(r.verdict).toBe("fail");
        expectFinding(r, indexOf(r, failed), ["auth-failed"]);
        // Nothing after the failed AUTH but QUIT.
        expect(commands(r).slice(r.steps.indexOf(failed as never) + 1)).toEqual(["QUIT"]);
      });
    }
  });

  describe("a deep pipeline (RFC 2920): every reply the ledger is owed is kept", () => {
    // Postfix's smtpd_recipient_limit is 1,000: 500 is well inside it, the 1,001st gets 452 4.5.3.
    for (const n of [80, 500]) {
      it(`${n} recipients in one pipelined group: each RCPT answered 250, the probe passes`, async () => {
        const r = await probe(mtaTarget(MTA_PORTS.plain, { to: Array.from({ length: n }, () => MTA_USER), pipelining: "auto" }));
        expect(r.error).toBeNull();
        const rcpts = r.steps.filter((s) => s.command?.startsWith("RCPT"));
        expect(rcpts).toHaveLength(n);
        expect(rcpts.every((s) => s.reply?.code === 250 && s.pipelined === true)).toBe(true);
        expect(commands(r).slice(-2)).toEqual(["RSET", "QUIT"]);
        expect(codes(r).slice(-2)).toEqual([250, 221]);
        expect(r.unsolicitedReplies).toBe(0);
        expect(r.findings).toEqual([]);
        expect(r.verdict).toBe("pass");
      });
    }

    it("the 1,001st recipient meets Postfix's own limit: 452 4.5.3, named as such", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.plain, { to: Array.from({ length: 1001 }, () => MTA_USER), pipelining: "auto" }));
      expect(r.error).toBeNull();
      const rcpts = r.steps.filter((s) => s.command?.startsWith("RCPT"));
      expect(rcpts.slice(0, 1000).every((s) => s.reply?.code === 250)).toBe(true);
      expect(rcpts[1000]?.reply).toMatchObject({ code: 452, enhanced: "4.5.3" });
      expectFinding(r, indexOf(r, rcpts[1000]), ["too-many-recipients"]);
    });
  });

  describe("a PROXY header to Postfix's plain smtpd, which greets first", () => {
    it("is proxy-header-unexpected in every run (24, v1 and v2), whatever the timing", async () => {
      for (let run = 0; run < 24; run++) {
        const version = run % 2 === 0 ? "v1" : "v2";
        const r = await probe(mtaTarget(MTA_PORTS.plain, { proxyProtocol: version, to: [MTA_USER] }));
        const at = `run ${run}, ${version}`;
        expect(ids(r), at).toEqual(["proxy-header-unexpected"]);
        expect(r.verdict, at).toBe("fail");
        expect(r.error?.message, at).toMatch(/answered the PROXY protocol header as a command/);
        // Nothing past the barrier: no EHLO, no transaction, so no reply credited to the wrong command.
        expect(commands(r).filter((c) => c !== null && c !== "NOOP" && c !== "QUIT"), at).toEqual([]);
        for (const s of r.steps) if (s.command === "QUIT" && s.reply) expect(s.reply.code, at).toBe(221);
      }
    });
  });

  describe("Postfix's refusals", () => {
    it("relay to a foreign domain without AUTH: 554 5.7.1 Relay access denied", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.plain, { to: ["someone@example.com"] }));
      const rcpt = step(r, "RCPT");
      expect(rcpt?.reply).toMatchObject({ code: 554, enhanced: "5.7.1" });
      expect(rcpt?.reply?.lines).toEqual(["5.7.1 <someone@example.com>: Relay access denied"]);
      expect(r.verdict).toBe("fail");
      expectFinding(r, indexOf(r, rcpt), ["transaction-failed", "relay-denied"]);
      // The open transaction is reset before QUIT.
      expect(commands(r).slice(-2)).toEqual(["RSET", "QUIT"]);
    });

    it("a custom step expecting the relay denial passes (=> 554)", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.plain, { steps: steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "MAIL FROM:<{from}>", "RCPT TO:<someone@example.com> => 554", "RSET") }));
      expect(verdicts(r).every((v) => v === "pass")).toBe(true);
      expect(r.verdict).toBe("pass");
    });

    it("an unknown user in the test domain: 550 5.1.1", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.plain, { to: ["nobody@smtp-gate.test"] }));
      const rcpt = step(r, "RCPT");
      expect(rcpt?.reply).toMatchObject({ code: 550, enhanced: "5.1.1" });
      expect(rcpt?.reply?.lines[0]).toMatch(/User unknown in virtual mailbox table/);
      expectFinding(r, indexOf(r, rcpt), ["mailbox-unavailable", "unknown-user"]);
      expect(r.verdict).toBe("fail");
    });

    it("an unknown command: Postfix 3.7 answers 500 5.5.2 Error: command not recognized", async () => {
      const r = await probe(mtaTarget(MTA_PORTS.plain, { tls: "none", steps: steps("EHLO {helo}", "XAUTH2 login") }));
      const x = step(r, "XAUTH2");
      expect(x?.reply).toMatchObject({ code: 500, enhanced: "5.5.2", lines: ["5.5.2 Error: command not recognized"] });
      expect(x?.verdict).toBe("fail");
      expectFinding(r, indexOf(r, x), ["command-unrecognized"]);
      // A finding that names the real command (XAUTH2 → AUTH …) is welcome, not required.
      expect(ids(r).every((id) => ["command-unrecognized", "near-miss"].includes(id))).toBe(true);
      expect(r.verdict).toBe("fail");
    });
  });

  describe("delivery", () => {
    it("send: true delivers the test message to the Maildir intact, dot-stuffing undone", async () => {
      const t = mtaTarget(MTA_PORTS.submission, { credentials: testUser(), from: MTA_USER, to: [MTA_USER], send: true });
      const r = await probe(t);
      const data = step(r, "DATA");
      expect(data?.reply?.code).toBe(354);
      const queued = r.steps[indexOf(r, data) + 1];
      expect(queued?.reply?.code).toBe(250);
      expect(queued?.reply?.lines[0]).toMatch(/^2\.0\.0 Ok: queued as \w+/);
      expect(commands(r).at(-1)).toBe("QUIT");
      expect(r.verdict).toBe("pass");
      const text = await waitForMessage(t.helo);
      expect(text, `no message mentioning ${t.helo} arrived in the Maildir`).not.toBeNull();
      const msg = (text as string).replace(/\r\n/g, "\n");
      const body = msg.slice(msg.indexOf("\n\n") + 2);
      expect(body.replace(/\n$/, "")).toBe(DEFAULT_BODY);
      expect(body.split("\n")).toEqual(expect.arrayContaining([".", "..", ".x"]));
      expect(msg).toMatch(/^Subject: smtp-gate test message$/m);
      expect(msg).toMatch(/^X-Smtp-Gate: test$/m);
      expect(msg).toMatch(/^Delivered-To: tester@smtp-gate\.test$/m);
    });

    it("without send, RSET ends the transaction and nothing arrives", async () => {
      const before = maildirMessages().length;
      const t = mtaTarget(MTA_PORTS.submission, { credentials: testUser(), from: MTA_USER, to: [MTA_USER] });
      const r = await probe(t);
      expect(commands(r).slice(-2)).toEqual(["RSET", "QUIT"]);
      expect(commands(r)).not.toContain("DATA");
      expect(r.verdict).toBe("pass");
      expect(await waitForMessage(t.helo, 1500)).toBeNull();
      expect(maildirMessages().filter((m) => m.text.includes(t.helo))).toEqual([]);
      expect(maildirMessages().length).toBeGreaterThanOrEqual(before);
    });
  });
});
