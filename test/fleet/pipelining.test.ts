// RFC 2920 PIPELINING on the wire: what one read on the server side holds, per mode.
import { afterEach, describe, expect, it } from "vitest";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { startScriptedServer, type ScriptedServer } from "../support/scripted-server.js";
import { startRecordingSmtp, target, type RecordingServer } from "./helpers.js";

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const TO = ["a@example.com", "b@example.com"];
const TRANSACTION = ["MAIL FROM:<app@example.com>", "RCPT TO:<a@example.com>", "RCPT TO:<b@example.com>", "RSET", "QUIT"];

describe("pipelining", () => {
  it("auto, server advertises PIPELINING: MAIL, RCPT×2, RSET, QUIT arrive in one read, each gets its own reply", async () => {
    server = await startRecordingSmtp({ pipelining: true });
    const r = await probeTarget(target(server.port, { to: TO, pipelining: "auto" }), new Redactor());
    expect(server.sessions).toHaveLength(1);
    expect(server.sessions[0]?.chunks).toEqual(["EHLO ci.example.com\r\n", TRANSACTION.map((l) => `${l}\r\n`).join("")]);
    expect(r.steps.map((s) => [s.command, s.reply?.code, s.reply?.enhanced, s.pipelined ?? false])).toEqual([
      [null, 220, null, false],
      ["EHLO ci.example.com", 250, null, false],
      ["MAIL FROM:<app@example.com>", 250, "2.1.0", true],
      ["RCPT TO:<a@example.com>", 250, "2.1.5", true],
      ["RCPT TO:<b@example.com>", 250, "2.1.5", true],
      ["RSET", 250, "2.0.0", true],
      ["QUIT", 221, "2.0.0", true],
    ]);
    expect(r.verdict).toBe("pass");
    expect(r.findings.map((f) => f.id)).not.toContain("pipelining-broken");
  });

  it("off: every command arrives in its own read, after the previous reply", async () => {
    server = await startRecordingSmtp({ pipelining: true });
    const r = await probeTarget(target(server.port, { to: TO, pipelining: "off" }), new Redactor());
    expect(server.sessions[0]?.chunks).toEqual(["EHLO ci.example.com", ...TRANSACTION].map((l) => `${l}\r\n`));
    expect(r.steps.some((s) => s.pipelined)).toBe(false);
    expect(r.verdict).toBe("pass");
  });

  it("auto, PIPELINING not advertised: lockstep, one command per read", async () => {
    server = await startRecordingSmtp({ pipelining: false });
    const r = await probeTarget(target(server.port, { to: TO, pipelining: "auto" }), new Redactor());
    expect(server.sessions[0]?.chunks).toEqual(["EHLO ci.example.com", ...TRANSACTION].map((l) => `${l}\r\n`));
    expect(r.verdict).toBe("pass");
  });

  it("replies out of order (RCPT's 250 2.1.5 before MAIL's 250 2.1.0) → finding pipelining-broken", async () => {
    server = await startRecordingSmtp({ pipelining: true, swapMailRcpt: true });
    const r = await probeTarget(target(server.port, { to: ["a@example.com"], pipelining: "auto" }), new Redactor());
    expect(server.sessions[0]?.chunks[1]).toBe("MAIL FROM:<app@example.com>\r\nRCPT TO:<a@example.com>\r\nRSET\r\nQUIT\r\n");
    const mail = r.steps.findIndex((s) => s.command?.startsWith("MAIL"));
    expect(r.steps[mail]?.reply?.enhanced).toBe("2.1.5");
    const f = r.findings.find((x) => x.id === "pipelining-broken");
    expect(f).toMatchObject({ severity: "error", step: mail });
    expect(r.verdict).toBe("fail");
  });
});

/**
 * A server that reads the whole pipelined group before it answers, then answers it in one write:
 * every reply arrives before the probe reads the second, so the session must keep them all.
 */
function burstServer(recipients: number): Promise<ScriptedServer> {
  const lines = ["MAIL FROM:<app@example.com>", ...Array.from({ length: recipients }, (_, i) => `RCPT TO:<r${i}@example.com>`), "RSET", "QUIT"];
  const replies = ["250 2.1.0 Ok", ...Array.from({ length: recipients }, (_, i) => `250 2.1.5 r${i} Ok`), "250 2.0.0 Ok", "221 2.0.0 Bye"];
  return startScriptedServer([
    { send: "220 mx.test ESMTP\r\n" },
    { expect: "EHLO" },
    { send: "250-mx.test\r\n250 PIPELINING\r\n" },
    ...lines.map((l) => ({ expect: l })),
    { send: replies.map((r) => `${r}\r\n`).join("") },
    { close: true },
  ]);
}

describe("a deep pipeline: every reply the ledger is owed is kept", () => {
  let burst: ScriptedServer | undefined;
  afterEach(async () => {
    await burst?.close();
    burst = undefined;
  });

  for (const n of [80, 500]) {
    it(`${n} recipients in one write, answered in one write: each RCPT gets its own 250, the probe passes`, async () => {
      burst = await burstServer(n);
      const to = Array.from({ length: n }, (_, i) => `r${i}@example.com`);
      const r = await probeTarget(target(burst.port, { to, pipelining: "auto" }), new Redactor());
      expect(burst.mismatches).toEqual([]);
      expect(r.error).toBeNull();
      const rcpts = r.steps.filter((s) => s.command?.startsWith("RCPT"));
      expect(rcpts).toHaveLength(n);
      // Each reply names its recipient: none was dropped, none credited to the wrong command.
      expect(rcpts.map((s) => s.reply?.lines[0])).toEqual(to.map((_, i) => `2.1.5 r${i} Ok`));
      expect(r.steps.at(-1)).toMatchObject({ command: "QUIT", reply: { code: 221 }, pipelined: true });
      expect(r.unsolicitedReplies).toBe(0);
      expect(r.verdict).toBe("pass");
    });
  }
});
