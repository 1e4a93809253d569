// Contract §2: classification, verdicts, how a sequence goes on after a step that does not pass.
import { afterEach, describe, expect, it } from "vitest";
import { parseSteps, type StepSpec } from "../../src/protocol/steps.js";
import { runTargets } from "../../src/engine/run.js";
import { startScriptedServer, startScriptedSmtp } from "../support/scripted-server.js";
import { EHLO_REPLY, Servers, commands, extras, probe, replyCodes, target, verdicts } from "./helpers.js";

const servers = new Servers();
afterEach(() => servers.closeAll());

const BASIC = { EHLO: EHLO_REPLY, MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n", NOOP: "250 2.0.0 Ok\r\n" };

function steps(text: string): StepSpec[] {
  const s = parseSteps(text);
  if (!Array.isArray(s)) throw new Error(JSON.stringify(s));
  return s;
}

describe("replies are classified", () => {
  it("code, enhanced, lines and class for each reply class", async () => {
    const srv = servers.add(
      await startScriptedSmtp({ ...BASIC, VRFY: "252 2.5.2 cannot verify\r\n", DATA: "354 go on\r\n", ETRN: "458 4.4.4 no\r\n", EXPN: "550 5.7.1 denied\r\n" }),
    );
    const r = await probe(target(srv.port, { failOn: "never", steps: steps("VRFY a => 2xx\nEXPN b => 5xx\nETRN c => 4xx") }));
    // The lines do not open the session: they run after the production opening's EHLO (step 1).
    expect(r.steps[1]?.command).toBe("EHLO ci.example.com");
    expect(r.steps.slice(2, 5).map((s) => [s.command, s.reply?.code, s.reply?.enhanced, s.class, s.verdict])).toEqual([
      ["VRFY a", 252, "2.5.2", "success", "pass"],
      ["EXPN b", 550, "5.7.1", "permanent", "pass"],
      ["ETRN c", 458, "4.4.4", "transient", "pass"],
    ]);
  });

  it("an intermediate (3xx) reply is class intermediate; unknown verbs expect 2xx|3xx", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, XFOO: "354 3.0.0 go on\r\n" }));
    const r = await probe(target(srv.port, { steps: steps("XFOO bar") }));
    expect(r.steps[2]).toMatchObject({ command: "XFOO bar", class: "intermediate", expected: "2xx|3xx", verdict: "pass", reply: { code: 354, enhanced: null } });
  });
});

describe("4xx and fail-on", () => {
  it.each([
    ["hard", "warn", "warn", "warning"],
    ["soft", "fail", "fail", "error"],
    ["never", "warn", "warn", "warning"],
  ] as const)("fail-on %s: a 4xx RCPT is %s, target %s; the rest is not run", async (failOn, stepVerdict, targetVerdict, severity) => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, RCPT: (l) => (l.includes("busy@") ? "450 4.2.1 mailbox busy, try later\r\n" : "250 Ok\r\n") }));
    const r = await probe(target(srv.port, { failOn, to: ["busy@example.com", "other@example.com"] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<busy@example.com>", "RSET", "QUIT"]);
    expect(r.steps[3]).toMatchObject({ class: "transient", verdict: stepVerdict, expected: "250|251", reply: { code: 450, enhanced: "4.2.1" } });
    expect(extras(r).slice(4)).toEqual(["cleanup", "cleanup"]);
    expect(r.findings.map((f) => [f.severity, f.step])).toEqual([[severity, 3]]);
    expect(r.findings[0]?.id).toMatch(/busy|mailbox/);
    expect(r.verdict).toBe(targetVerdict);
    await srv.settled();
    expect(srv.received).not.toContain("RCPT TO:<other@example.com>");
    expect(srv.received.slice(-2)).toEqual(["RSET", "QUIT"]);
  });

  it("a 5xx fails under hard and soft; under never it is warn and the target at most warn", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, MAIL: "550 5.7.1 relaying denied\r\n" }));
    for (const [failOn, step, tgt] of [["hard", "fail", "fail"], ["soft", "fail", "fail"], ["never", "warn", "warn"]] as const) {
      const r = await probe(target(srv.port, { failOn, to: ["a@example.com"] }));
      expect(r.steps[2], failOn).toMatchObject({ command: "MAIL FROM:<app@example.com>", class: "permanent", verdict: step });
      expect(r.verdict, failOn).toBe(tgt);
      expect(commands(r), failOn).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "QUIT"]);
    }
  });

  it("fail-on never caps even a session error (timeout) at warn; the run's verdict is the worst target's", async () => {
    const silent = servers.add(await startScriptedServer([{ waitMs: 3000 }]));
    const ok = servers.add(await startScriptedSmtp({ ...BASIC }));
    const report = await runTargets([target(ok.port), target(silent.port, { failOn: "never", timeoutMs: 300 })]);
    const [a, b] = report.targets;
    expect(a?.verdict).toBe("pass");
    expect(b?.error).toMatchObject({ kind: "timeout", step: 0 });
    expect(b?.steps).toHaveLength(1);
    expect(b?.steps[0]).toMatchObject({ command: null, reply: null, class: null, verdict: "warn" });
    expect(b?.verdict).toBe("warn");
    expect(report.verdict).toBe("warn");
    const hard = await runTargets([target(ok.port), target(silent.port, { timeoutMs: 300 })]);
    expect(hard.targets[1]?.verdict).toBe("fail");
    expect(hard.verdict).toBe("fail");
  });

  it("a warning finding alone (bare-LF replies) makes the target warn although every step passed", async () => {
    const srv = servers.add(await startScriptedSmtp({ greeting: "220 mx.test\n", EHLO: "250-mx.test\n250 SIZE 10\n", QUIT: "221 bye\n" }));
    const r = await probe(target(srv.port));
    expect(verdicts(r)).toEqual(["pass", "pass", "pass"]);
    expect(r.findings.map((f) => [f.id, f.severity, f.step])).toEqual([["bare-lf-replies", "warning", 0]]);
    expect(r.verdict).toBe("warn");
  });
});

describe("expectations (=> EXPECT)", () => {
  it("=> 550 answered 550 passes; the sequence goes on", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, RCPT: (l) => (l.includes("nobody@") ? "550 5.1.1 no such user\r\n" : "250 Ok\r\n") }));
    const r = await probe(target(srv.port, { steps: steps("EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<nobody@example.invalid> => 550\nRCPT TO:<ok@example.com>") }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<nobody@example.invalid>", "RCPT TO:<ok@example.com>", "RSET", "QUIT"]);
    expect(r.steps[3]).toMatchObject({ expected: "550", verdict: "pass", class: "permanent" });
    expect(extras(r)).toEqual([undefined, undefined, undefined, undefined, undefined, "cleanup", undefined]);
    expect(r.findings).toEqual([]);
    expect(r.verdict).toBe("pass");
  });

  it("=> 5xx answered 250 fails (unexpected-acceptance); nothing after it runs", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC }));
    const r = await probe(target(srv.port, { steps: steps("EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<relay@elsewhere.example> => 5xx\nNOOP") }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<relay@elsewhere.example>", "RSET", "QUIT"]);
    expect(r.steps[3]).toMatchObject({ expected: "5xx", verdict: "fail", class: "success", reply: { code: 250 } });
    expect(r.findings.map((f) => [f.id, f.severity, f.step])).toEqual([["unexpected-acceptance", "error", 3]]);
    expect(r.verdict).toBe("fail");
    await srv.settled();
    expect(srv.received).not.toContain("NOOP");
  });

  it("alternatives: => 250|251 accepts 251, rejects 252", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, VRFY: (l) => (l.includes("fwd") ? "251 will forward\r\n" : "252 cannot verify\r\n") }));
    const r = await probe(target(srv.port, { steps: steps("VRFY fwd => 250|251\nVRFY other => 250|251") }));
    expect(r.steps.slice(2, 4).map((s) => [s.reply?.code, s.expected, s.verdict])).toEqual([
      [251, "250|251", "pass"],
      [252, "250|251", "fail"],
    ]);
  });
});

describe("the sequence stops at the first step that does not pass", () => {
  it("steps after a failure are not sent and do not appear", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, NOOP: "502 5.5.2 not here\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"], steps: steps("EHLO {helo}\nNOOP\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nVRFY x") }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "NOOP", "QUIT"]);
    expect(verdicts(r)).toEqual(["pass", "pass", "fail", "pass"]);
    expect(r.steps[2]?.expected).toBe("250");
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", "NOOP", "QUIT"]);
  });

  it("custom step XAUTH2 login answered 500 5.5.1: fail, finding command-unrecognized pointing at firewalls", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, XAUTH2: (l) => `500 5.5.1 Command unrecognized: "${l}"\r\n` }));
    const r = await probe(target(srv.port, { to: ["a@example.com"], steps: steps("EHLO {helo}\nXAUTH2 login\nMAIL FROM:<{from}>\nRCPT TO:<{to}>") }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "XAUTH2 login", "QUIT"]);
    expect(r.steps[2]).toMatchObject({
      reply: { code: 500, enhanced: "5.5.1", lines: ['5.5.1 Command unrecognized: "XAUTH2 login"'] },
      class: "permanent", expected: "2xx|3xx", verdict: "fail",
    });
    const f = r.findings.find((x) => x.id === "command-unrecognized");
    expect(f).toMatchObject({ severity: "error", step: 2 });
    expect(f?.message).toContain("XAUTH2 login");
    expect(f?.causes.some((c) => /firewall/i.test(c))).toBe(true);
    expect(f?.fixes.length).toBeGreaterThan(0);
    expect(r.verdict).toBe("fail");
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", "XAUTH2 login", "QUIT"]);
  });

  it("placeholders {helo} {from} {to} are filled on the wire ({to} is the first recipient)", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, XSHOW: "250 shown\r\n" }));
    const r = await probe(
      target(srv.port, {
        helo: "probe.example.org", from: "sender@example.org", to: ["first@example.net", "second@example.net"],
        steps: steps("EHLO {helo}\nXSHOW {helo} {from} {to}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nRSET"),
      }),
    );
    expect(r.verdict).toBe("pass");
    expect(srv.received).toEqual([
      "EHLO probe.example.org", "XSHOW probe.example.org sender@example.org first@example.net", "MAIL FROM:<sender@example.org>", "RCPT TO:<first@example.net>", "RSET", "QUIT",
    ]);
    expect(commands(r)).toEqual([null, ...srv.received]);
  });
});

describe("421 ends the session", () => {
  it.each([
    ["hard", "warn"],
    ["soft", "fail"],
  ] as const)("421 mid-session (fail-on %s): judged as a 4xx, no RSET, no QUIT, no error", async (failOn, v) => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, RCPT: "421 4.7.0 mx.test closing connection\r\n" }));
    const r = await probe(target(srv.port, { failOn, to: ["a@example.com", "b@example.com"] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>"]);
    expect(r.steps[3]).toMatchObject({ class: "transient", verdict: v, reply: { code: 421, enhanced: "4.7.0" } });
    expect(r.error).toBeNull();
    expect(r.findings.map((f) => f.step)).toEqual([3]);
    expect(r.findings[0]?.id).toMatch(/clos/);
    expect(r.verdict).toBe(v);
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>"]);
  });

  it("421 as the greeting: nothing is sent at all", async () => {
    const srv = servers.add(await startScriptedSmtp({ ...BASIC, greeting: "421 4.3.2 too busy, come back later\r\n" }));
    const r = await probe(target(srv.port, { to: ["a@example.com"] }));
    expect(commands(r)).toEqual([null]);
    expect(r.steps[0]).toMatchObject({ verdict: "warn", class: "transient", reply: { code: 421 } });
    expect(r.error).toBeNull();
    // A 4xx instead of the greeting fails the target (contract §2, third round): nothing was tested.
    expect(r.verdict).toBe("fail");
    expect(r.findings[0]?.message).toMatch(/temporary.*nothing of the production sequence was tested/);
    await srv.settled();
    expect(srv.received).toEqual([]);
  });

  it("421 followed by the server closing the connection is still not an error", async () => {
    const srv = servers.add(
      await startScriptedServer([{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: "421 4.4.2 idle timeout\r\n" }, { close: true }]),
    );
    const r = await probe(target(srv.port));
    expect(replyCodes(r)).toEqual([220, 421]);
    expect(r.error).toBeNull();
    // 421 to EHLO: temporary, but the sequence stopped before it began, so the target fails.
    expect(r.verdict).toBe("fail");
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com"]);
  });
});

describe("no usable reply", () => {
  it("a non-SMTP banner: error protocol on step 0 with what was received; nothing is sent", async () => {
    const srv = servers.add(await startScriptedServer([{ send: "HTTP/1.1 400 Bad Request\r\n\r\n" }, { waitMs: 1000 }]));
    const r = await probe(target(srv.port));
    expect(r.steps).toHaveLength(1);
    expect(r.steps[0]).toMatchObject({ command: null, reply: null, class: null, verdict: "fail" });
    expect(r.error).toMatchObject({ kind: "protocol", step: 0, received: "HTTP/1.1 400 Bad Request" });
    expect(r.findings[0]).toMatchObject({ id: "not-smtp", severity: "error", step: 0 });
    expect(r.verdict).toBe("fail");
    await srv.settled();
    expect(srv.received).toEqual([]);
  });

  it("the connection closes after a command: error closed on that step", async () => {
    const srv = servers.add(await startScriptedServer([{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: EHLO_REPLY }, { expect: "MAIL" }, { close: true }]));
    const r = await probe(target(srv.port, { to: ["a@example.com"] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", "MAIL FROM:<app@example.com>"]);
    expect(r.steps[2]).toMatchObject({ reply: null, verdict: "fail" });
    expect(r.error).toMatchObject({ kind: "closed", step: 2 });
    expect(r.verdict).toBe("fail");
  });

  it("connection refused: error connect, no steps", async () => {
    const { freePort } = await import("./helpers.js");
    const r = await probe(target(await freePort()));
    expect(r.steps).toEqual([]);
    expect(r.error).toMatchObject({ kind: "connect", step: null });
    // A refusal is told apart from a filtered port and an unreachable host.
    expect(r.findings.map((f) => f.id)).toEqual(["connect-refused"]);
    expect(r.verdict).toBe("fail");
  });
});
