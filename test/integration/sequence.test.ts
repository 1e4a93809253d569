// Contract §1: every row of the default sequence, run by the engine against real loopback servers.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cramMd5Response } from "../../src/protocol/auth.js";
import type { AuthMechanism } from "../../src/protocol/auth.js";
import { startScriptedServer, startScriptedSmtp } from "../support/scripted-server.js";
import { startSmtpServer } from "../support/smtp-server.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { EHLO_REPLY, EHLO_STARTTLS, Servers, commands, extras, probe, replyCodes, target, verdicts } from "./helpers.js";

// With send, MAIL FROM declares the message size when the server advertises SIZE (RFC 1870), as production senders do.
const MAIL_WITH_SIZE = expect.stringMatching(/^MAIL FROM:<app@example\.com> SIZE=\d+$/);

const servers = new Servers();
let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});
afterEach(() => servers.closeAll());

const BASIC = { EHLO: EHLO_REPLY, MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n", NOOP: "250 2.0.0 Ok\r\n" };

describe("greeting", () => {
  it("220 passes and the sequence runs: greeting, EHLO, QUIT", async () => {
    const srv = servers.add(await startScriptedSmtp({ greeting: "220 mx.test ESMTP\r\n", ...BASIC }));
    const r = await probe(target(srv.port));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "QUIT"]);
    expect(replyCodes(r)).toEqual([220, 250, 221]);
    expect(r.steps.map((s) => s.expected)).toEqual(["220", "250", "221"]);
    expect(verdicts(r)).toEqual(["pass", "pass", "pass"]);
    expect(r.verdict).toBe("pass");
    expect(r.error).toBeNull();
    expect(r.findings).toEqual([]);
    expect(r.tls).toBeNull();
    expect(r.extensions).toEqual(["PIPELINING", "SIZE 1000000", "8BITMIME"]);
    expect(srv.received).toEqual(["EHLO ci.example.com", "QUIT"]);
  });

  it("a 554 greeting fails, nothing but QUIT is sent", async () => {
    const srv = servers.add(await startScriptedSmtp({ greeting: "554 5.3.2 no service for you\r\n", ...BASIC }));
    const r = await probe(target(srv.port, { to: ["a@example.com"] }));
    expect(commands(r)).toEqual([null, "QUIT"]);
    expect(verdicts(r)).toEqual(["fail", "pass"]);
    expect(extras(r)).toEqual([undefined, "cleanup"]);
    expect(r.verdict).toBe("fail");
    expect(r.findings.map((f) => [f.severity, f.step])).toEqual([["error", 0]]);
    expect(srv.received).toEqual(["QUIT"]);
  });

  it("a 2xx other than 220 as greeting fails", async () => {
    const srv = servers.add(await startScriptedSmtp({ greeting: "250 hello\r\n", ...BASIC }));
    const r = await probe(target(srv.port));
    expect(r.steps[0]).toMatchObject({ command: null, expected: "220", verdict: "fail", class: "success" });
    expect(r.verdict).toBe("fail");
    expect(srv.received).toEqual(["QUIT"]);
  });

  it("with tls: implicit, the greeting comes after the handshake", async () => {
    const srv = servers.add(await startScriptedSmtp({ greeting: "220 mx.test ESMTP implicit\r\n", ...BASIC }, { tls: { cert: certs.certPem, key: certs.keyPem }, implicitTls: true }));
    const r = await probe(target(srv.port, { tls: "implicit", ca: certs.caPem }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "QUIT"]);
    expect(r.steps[0]?.reply?.lines).toEqual(["mx.test ESMTP implicit"]);
    expect(r.tls).toMatchObject({ authorized: true, subject: "localhost" });
    expect(r.tlsMode).toBe("implicit");
    expect(r.verdict).toBe("pass");
  });
});

describe("EHLO and the HELO fallback", () => {
  it.each([500, 502])("EHLO %i falls back to HELO, recorded as an extra step; EHLO is warn and the sequence goes on", async (code) => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, EHLO: `${code} 5.5.1 what is EHLO\r\n`, HELO: "250 mx.test\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "HELO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>", "RSET", "QUIT"]);
    expect(verdicts(r)).toEqual(["pass", "warn", "pass", "pass", "pass", "pass", "pass"]);
    expect(extras(r)).toEqual([undefined, undefined, "fallback", undefined, undefined, undefined, undefined]);
    expect(r.steps[2]?.expected).toBe("250");
    expect(r.extensions).toEqual([]);
    expect(r.verdict).toBe("warn");
    // Only warnings, all about the EHLO step (the code's own finding first; pattern findings may follow).
    expect(r.findings.map((f) => [f.severity, f.step])).toEqual(r.findings.map(() => ["warning", 1]));
    expect(r.findings[0]?.id).toBe(code === 500 ? "command-unrecognized" : "command-not-implemented");
    expect(srv.received).toEqual(["EHLO ci.example.com", "HELO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>", "RSET", "QUIT"]);
  });

  it("when HELO fails too, the sequence stops", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, EHLO: "500 5.5.1 no\r\n", HELO: "501 5.5.4 no either\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "HELO ci.example.com", "QUIT"]);
    expect(verdicts(r)).toEqual(["pass", "fail", "fail", "pass"]);
    expect(extras(r)).toEqual([undefined, undefined, "fallback", "cleanup"]);
    expect(r.verdict).toBe("fail");
    expect(srv.received).toEqual(["EHLO ci.example.com", "HELO ci.example.com", "QUIT"]);
  });

  it("EHLO 550 (not 500/502) does not fall back", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, EHLO: "550 5.7.1 go away\r\n", HELO: "250 mx.test\r\n" }));
    const r = await probe(target(srv.port));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "QUIT"]);
    expect(verdicts(r)).toEqual(["pass", "fail", "pass"]);
    expect(srv.received).not.toContain("HELO ci.example.com");
  });
});

describe("STARTTLS", () => {
  it("required (tls: starttls) but not advertised: still sent, finding starttls-not-advertised, target fail", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, STARTTLS: "502 5.5.1 STARTTLS not implemented\r\n" }));
    const r = await probe(target(srv.port, { tls: "starttls" }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "QUIT"]);
    expect(replyCodes(r)).toEqual([220, 250, 502, 221]);
    expect(verdicts(r)).toEqual(["pass", "pass", "fail", "pass"]);
    const f = r.findings.find((x) => x.id === "starttls-not-advertised");
    // The finding sits on the refused STARTTLS and covers it: one cause, one finding.
    expect(f).toMatchObject({ severity: "error", step: 2 });
    expect(r.findings.map((x) => x.id)).toEqual(["starttls-not-advertised"]);
    expect(r.verdict).toBe("fail");
    expect(srv.received).toEqual(["EHLO ci.example.com", "STARTTLS", "QUIT"]);
  });

  it("required but not advertised, and the server upgrades anyway: the finding still fails the target", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, STARTTLS: "220 2.0.0 go ahead\r\n" }, { tls: { cert: certs.certPem, key: certs.keyPem } }));
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "QUIT"]);
    expect(verdicts(r)).toEqual(["pass", "pass", "pass", "pass", "pass"]);
    expect(r.tls?.authorized).toBe(true);
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([["starttls-not-advertised", "error"]]);
    expect(r.verdict).toBe("fail");
  });

  it("opportunistic and not advertised: STARTTLS is not sent", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, STARTTLS: "220 go ahead\r\n" }));
    const r = await probe(target(srv.port, { tls: "opportunistic" }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "QUIT"]);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe("pass");
    expect(r.tls).toBeNull();
    expect(srv.received).toEqual(["EHLO ci.example.com", "QUIT"]);
  });

  it("opportunistic and advertised: upgrades and says EHLO again", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, EHLO: EHLO_STARTTLS, STARTTLS: "220 go ahead\r\n" }, { tls: { cert: certs.certPem, key: certs.keyPem } }));
    const r = await probe(target(srv.port, { tls: "opportunistic", ca: certs.caPem }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "QUIT"]);
    expect(r.tls?.authorized).toBe(true);
    expect(r.verdict).toBe("pass");
  });

  it("EHLO again after STARTTLS: extensions are the post-TLS ones, the pre-TLS ones are kept apart", async () => {
    let ehlos = 0;
    const srv = servers.add(
      await startScriptedSmtp(
        {
          ...BASIC,
          EHLO: () => (++ehlos === 1 ? EHLO_STARTTLS : "250-test.local secure\r\n250-AUTH PLAIN LOGIN\r\n250 SIZE 2000\r\n"),
          STARTTLS: "220 2.0.0 Ready to start TLS\r\n",
        },
        { tls: { cert: certs.certPem, key: certs.keyPem } },
      ),
    );
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "QUIT"]);
    expect(replyCodes(r)).toEqual([220, 250, 220, 250, 221]);
    expect(r.steps.map((s) => s.expected)).toEqual(["220", "250", "220", "250", "221"]);
    expect(r.extensionsBeforeTls).toEqual(["PIPELINING", "STARTTLS", "8BITMIME"]);
    expect(r.extensions).toEqual(["AUTH PLAIN LOGIN", "SIZE 2000"]);
    expect(r.tls).toMatchObject({ authorized: true, authorizationError: null, subject: "localhost" });
    expect(r.tls?.protocol).toMatch(/^TLSv1\.[23]$/);
    expect(r.verdict).toBe("pass");
    expect(r.findings).toEqual([]);
    expect(srv.received).toEqual(["EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "QUIT"]);
  });

  it("a failed handshake after STARTTLS is error kind tls on the STARTTLS step; no more commands", async () => {
    const srv = servers.add(
      await startScriptedSmtp({ ...BASIC, EHLO: EHLO_STARTTLS, STARTTLS: "220 go ahead\r\n" }, { tls: { cert: certs.selfSignedCertPem, key: certs.selfSignedKeyPem } }),
    );
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem, to: ["a@example.com"] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "STARTTLS"]);
    expect(r.steps[2]).toMatchObject({ verdict: "fail", reply: { code: 220 } });
    expect(r.error).toMatchObject({ kind: "tls", step: 2 });
    expect(r.error?.message).toMatch(/self-signed/);
    // One cause, one finding: the certificate, with its own fix (trust it with --ca).
    expect(r.findings.map((f) => f.id)).toEqual(["certificate-untrusted"]);
    expect(r.findings[0]?.fixes[0]).toMatch(/--ca FILE/);
    expect(r.verdict).toBe("fail");
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", "STARTTLS"]);
  });

  it("a handshake that does not finish within the timeout is error kind timeout", async () => {
    const srv = servers.add(
      await startScriptedServer([{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: EHLO_STARTTLS }, { expect: "STARTTLS" }, { send: "220 go ahead\r\n" }, { waitMs: 3000 }]),
    );
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem, timeoutMs: 500 }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "STARTTLS"]);
    expect(r.error).toMatchObject({ kind: "timeout", step: 2 });
    expect(r.verdict).toBe("fail");
  });

  it("the real smtp-server with STARTTLS and AUTH: the whole submission sequence passes", async () => {
    const srv = servers.add(await startSmtpServer({ tls: { cert: certs.certPem, key: certs.keyPem }, users: { "app@example.com": "s3cret-pw" } }));
    const r = await probe(
      target(srv.port, { tls: "starttls", ca: certs.caPem, to: ["rcpt@example.com"], credentials: { username: "app@example.com", password: "s3cret-pw", mechanism: null } }),
    );
    expect(commands(r)).toEqual([
      null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com", "AUTH PLAIN ***", "MAIL FROM:<app@example.com>", "RCPT TO:<rcpt@example.com>", "RSET", "QUIT",
    ]);
    expect(replyCodes(r)).toEqual([220, 250, 220, 250, 235, 250, 250, 250, 221]);
    expect(r.verdict).toBe("pass");
    expect(srv.auths).toEqual([{ method: "PLAIN", username: "app@example.com" }]);
    expect(srv.messages).toEqual([]);
  });
});

describe("AUTH against smtp-server", () => {
  const USER = "alice@example.com";
  const PW = "right-password";
  const TOKEN = "right-token";
  const cases: { mech: AuthMechanism; good: [string[], number[]]; bad: [string[], number[]] }[] = [
    { mech: "PLAIN", good: [["AUTH PLAIN ***"], [235]], bad: [["AUTH PLAIN ***"], [535]] },
    { mech: "LOGIN", good: [["AUTH LOGIN", "***", "***"], [334, 334, 235]], bad: [["AUTH LOGIN", "***", "***"], [334, 334, 535]] },
    { mech: "CRAM-MD5", good: [["AUTH CRAM-MD5", "***"], [334, 235]], bad: [["AUTH CRAM-MD5", "***"], [334, 535]] },
    // smtp-server answers a bad token with 535 at once (no 334 JSON challenge; that path is tested below).
    { mech: "XOAUTH2", good: [["AUTH XOAUTH2 ***"], [235]], bad: [["AUTH XOAUTH2 ***"], [535]] },
  ];

  // Over STARTTLS, as credentials go to a server that is not on loopback (contract §7).
  async function run(mech: AuthMechanism, ok: boolean) {
    const srv = servers.add(await startSmtpServer({ users: { [USER]: PW }, oauthTokens: { [USER]: TOKEN }, tls: { cert: certs.certPem, key: certs.keyPem } }));
    const secret = mech === "XOAUTH2" ? { oauthToken: ok ? TOKEN : "wrong-token" } : { password: ok ? PW : "wrong-password" };
    const r = await probe(target(srv.port, { tls: "starttls", ca: certs.caPem, credentials: { username: USER, mechanism: mech, ...secret } }));
    return { srv, r };
  }

  it.each(cases)("$mech with good credentials: 235", async ({ mech, good }) => {
    const { srv, r } = await run(mech, true);
    expect(commands(r).slice(0, 4)).toEqual([null, "EHLO ci.example.com", "STARTTLS", "EHLO ci.example.com"]);
    const auth = r.steps.slice(4, -1);
    expect(auth.map((s) => s.command)).toEqual(good[0]);
    expect(auth.map((s) => s.reply?.code)).toEqual(good[1]);
    expect(auth.every((s) => s.verdict === "pass")).toBe(true);
    // A one-shot XOAUTH2 may also be answered with a 334 error challenge.
    expect(auth.at(-1)?.expected).toBe(mech === "XOAUTH2" ? "235|334" : "235");
    expect(commands(r).at(-1)).toBe("QUIT");
    expect(r.verdict).toBe("pass");
    expect(srv.auths).toEqual([{ method: mech, username: USER }]);
  });

  it.each(cases)("$mech with bad credentials: 535, auth-failed, then QUIT", async ({ mech, bad }) => {
    const { srv, r } = await run(mech, false);
    const auth = r.steps.slice(4, -1);
    expect(auth.map((s) => s.command)).toEqual(bad[0]);
    expect(auth.map((s) => s.reply?.code)).toEqual(bad[1]);
    expect(auth.at(-1)?.verdict).toBe("fail");
    expect(auth.slice(0, -1).every((s) => s.verdict === "pass")).toBe(true);
    expect(r.steps.at(-1)).toMatchObject({ command: "QUIT", extra: "cleanup", verdict: "pass" });
    expect(r.findings.map((f) => [f.severity, f.step])).toEqual([["error", r.steps.length - 2]]);
    expect(r.findings[0]?.id).toMatch(/auth/);
    expect(r.verdict).toBe("fail");
    expect(srv.auths).toEqual([]);
  });

  it("CRAM-MD5 answers the server's challenge (HMAC over the 334 text)", async () => {
    const seen: string[] = [];
    const challenge = Buffer.from("<1896.697170952@mx.test>").toString("base64");
    const srv = servers.add(
      await startScriptedSmtp({
        EHLO: "250-mx.test\r\n250 AUTH CRAM-MD5\r\n",
        "AUTH CRAM-MD5": `334 ${challenge}\r\n`,
        AUTH: "500 unexpected\r\n",
        // The response line has no verb we know; the catch-all records it.
        ...Object.fromEntries([[cramMd5Response(USER, PW, challenge), (l: string) => (seen.push(l), "235 2.7.0 ok\r\n")]]),
      }),
    );
    const r = await probe(target(srv.port, { credentials: { username: USER, password: PW, mechanism: null } }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "AUTH CRAM-MD5", "***", "QUIT"]);
    expect(seen).toEqual([cramMd5Response(USER, PW, challenge)]);
    // On loopback without TLS the credentials may go, and that is a warning (contract §7).
    expect(r.findings.map((f) => [f.id, f.severity])).toEqual([["auth-cleartext", "warning"]]);
    expect(r.verdict).toBe("warn");
  });

  it("XOAUTH2 refused with a 334 JSON challenge: the client answers an empty line, then 535", async () => {
    const json = Buffer.from('{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}').toString("base64");
    const srv = servers.add(
      await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 AUTH XOAUTH2\r\n", AUTH: `334 ${json}\r\n`, "": "535 5.7.8 Username and Password not accepted\r\n" }),
    );
    const r = await probe(target(srv.port, { credentials: { username: USER, oauthToken: "expired-token", mechanism: null } }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "AUTH XOAUTH2 ***", "***", "QUIT"]);
    expect(replyCodes(r)).toEqual([220, 250, 334, 535, 221]);
    expect(r.steps.map((s) => s.expected)).toEqual(["220", "250", "334", "235", "221"]);
    expect(verdicts(r)).toEqual(["pass", "pass", "pass", "fail", "pass"]);
    expect(r.findings.map((f) => [f.severity, f.step])).toEqual([["error", 3], ["warning", 2]]);
    expect(r.findings[0]?.id).toMatch(/auth/);
    await srv.settled();
    expect(srv.received[2]).toBe("");
    expect(srv.received).toHaveLength(4);
  });

  it("without a mechanism, PLAIN is chosen from what EHLO offers; a token alone picks XOAUTH2", async () => {
    const srv = servers.add(await startSmtpServer({ users: { [USER]: PW }, oauthTokens: { [USER]: TOKEN } }));
    const a = await probe(target(srv.port, { credentials: { username: USER, password: PW, mechanism: null } }));
    expect(commands(a)[2]).toBe("AUTH PLAIN ***");
    const b = await probe(target(srv.port, { credentials: { username: USER, oauthToken: TOKEN, mechanism: null } }));
    expect(commands(b)[2]).toBe("AUTH XOAUTH2 ***");
    expect(srv.auths.map((x) => x.method)).toEqual(["PLAIN", "XOAUTH2"]);
  });
});

describe("MAIL, RCPT, RSET, DATA, QUIT", () => {
  it("with recipients and send false: MAIL, one RCPT per recipient, RSET, QUIT — never DATA", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, RCPT: (l) => (l.includes("b@") ? "251 2.1.5 will forward\r\n" : "250 2.1.5 Ok\r\n") }));
    const r = await probe(target(srv.port, { to: ["a@example.com", "b@example.com", "c@example.com"] }));
    expect(commands(r)).toEqual([
      null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>", "RCPT TO:<b@example.com>", "RCPT TO:<c@example.com>", "RSET", "QUIT",
    ]);
    expect(replyCodes(r)).toEqual([220, 250, 250, 250, 251, 250, 250, 221]);
    expect(r.steps.map((s) => s.expected)).toEqual(["220", "250", "250", "250|251", "250|251", "250|251", "250", "221"]);
    expect(extras(r).every((e) => e === undefined)).toBe(true);
    expect(r.verdict).toBe("pass");
    await srv.settled();
    expect(srv.received).toEqual([
      "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>", "RCPT TO:<b@example.com>", "RCPT TO:<c@example.com>", "RSET", "QUIT",
    ]);
    expect(srv.received.some((l) => /^DATA/i.test(l))).toBe(false);
    expect(srv.messages).toEqual([]);
  });

  it("send: true delivers the test message (DATA 354, then 250) with dot-lines intact", async () => {
    const srv = servers.add(await startSmtpServer());
    const r = await probe(target(srv.port, { to: ["rcpt@example.com"], send: true }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<rcpt@example.com>", "DATA", ".", "QUIT"]);
    expect(replyCodes(r)).toEqual([220, 250, 250, 250, 354, 250, 221]);
    expect(r.steps.map((s) => s.expected)).toEqual(["220", "250", "250", "250|251", "354", "250", "221"]);
    expect(r.verdict).toBe("pass");
    expect(srv.messages).toHaveLength(1);
    const m = srv.messages[0]!;
    expect(m.from).toBe("app@example.com");
    expect(m.to).toEqual(["rcpt@example.com"]);
    const lines = m.raw.split("\r\n");
    expect(lines).toContain("Auto-Submitted: auto-generated");
    const dot = lines.indexOf(".");
    expect(dot).toBeGreaterThan(0);
    expect(lines.slice(dot, dot + 3)).toEqual([".", "..", ".x"]);
    expect(m.raw).not.toMatch(/(^|[^\r])\n/);
  });

  it("send: true on the wire: the body is dot-stuffed and ends with '.', no RSET", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC }));
    const r = await probe(target(srv.port, { to: ["rcpt@example.com"], send: true }));
    expect(r.verdict).toBe("pass");
    expect(srv.received).toEqual(["EHLO ci.example.com", MAIL_WITH_SIZE, "RCPT TO:<rcpt@example.com>", "DATA", "QUIT"]);
    expect(srv.messages).toHaveLength(1);
    expect(srv.messages[0]).toContain("\r\n..\r\n...\r\n..x\r\n");
    expect(srv.bareLfLines).toEqual([]);
  });

  it("a failure after MAIL was accepted: the rest is skipped, RSET then QUIT are sent", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, RCPT: (l) => (l.includes("bad@") ? "550 5.1.1 no such user\r\n" : "250 2.1.5 Ok\r\n") }));
    const r = await probe(target(srv.port, { to: ["bad@example.com", "good@example.com"], send: true }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", MAIL_WITH_SIZE, "RCPT TO:<bad@example.com>", "RSET", "QUIT"]);
    expect(verdicts(r)).toEqual(["pass", "pass", "pass", "fail", "pass", "pass"]);
    expect(extras(r)).toEqual([undefined, undefined, undefined, undefined, "cleanup", "cleanup"]);
    // The refusal's finding, and the message not sent said in words (the second recipient was never tried).
    expect(r.findings.map((f) => [f.severity, f.step])).toEqual([["error", 3], ["notice", 3]]);
    expect(r.findings[0]?.id).toMatch(/mailbox|user/);
    expect(r.findings[1]?.id).toBe("message-not-sent");
    expect(r.findings[1]?.message).toMatch(/refused 1 of 2 recipients \(step 3\); the other 1 recipient\(s\) were not tried/);
    expect(r.message).toEqual({ sent: false, recipients: 2 });
    expect(r.verdict).toBe("fail");
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", MAIL_WITH_SIZE, "RCPT TO:<bad@example.com>", "RSET", "QUIT"]);
  });

  it("a failure before MAIL: QUIT only, no RSET", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, MAIL: "553 5.7.1 sender rejected\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "QUIT"]);
    expect(extras(r)).toEqual([undefined, undefined, undefined, "cleanup"]);
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", "MAIL FROM:<app@example.com>", "QUIT"]);
  });

  it("a rejected message (554 after the dot): QUIT follows, the transaction is over", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, ".": "554 5.6.0 content rejected\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"], send: true }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", MAIL_WITH_SIZE, "RCPT TO:<a@example.com>", "DATA", ".", "QUIT"]);
    expect(r.steps[5]).toMatchObject({ verdict: "fail", expected: "250", reply: { code: 554, enhanced: "5.6.0" } });
    expect(r.verdict).toBe("fail");
  });

  it("a QUIT that is not answered 221 is recorded as its own failing step", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, QUIT: "500 what\r\n" }));
    const r = await probe(target(srv.port));
    expect(r.steps.at(-1)).toMatchObject({ command: "QUIT", verdict: "fail", expected: "221" });
    expect(r.verdict).toBe("fail");
  });
});
