// A 354 that will not be followed by the message is abandoned by closing the connection:
// "." would deliver an empty message, and any command would be read as message content.
import { afterEach, describe, expect, it } from "vitest";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { Closer, eventually, resolved, timedProbe } from "./helpers.js";

const closer = new Closer();
afterEach(() => closer.closeAll());

const BASE = { MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n", DATA: "354 go ahead\r\n" };

describe("DATA answered 354 without a message to follow", () => {
  it("a custom `DATA => 554` answered 354: the step fails and nothing more is written", async () => {
    const srv = closer.add(await startScriptedSmtp({ ...BASE, EHLO: "250 mx.test\r\n" }));
    const { r } = await timedProbe(resolved({
      port: srv.port, tls: "none", to: "b@example.com", send: "true", timeout: "1",
      steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nDATA => 554",
    }));
    expect(r.steps.map((s) => [s.command, s.reply?.code, s.verdict])).toEqual([
      [null, 220, "pass"], ["EHLO ci.example.com", 250, "pass"], ["MAIL FROM:<app@example.com>", 250, "pass"],
      ["RCPT TO:<b@example.com>", 250, "pass"], ["DATA", 354, "fail"],
    ]);
    await eventually(() => srv.received.length >= 4);
    // Not RSET, not QUIT, not "." after the 354: the server would read them as content.
    expect(srv.received).toEqual(["EHLO ci.example.com", "MAIL FROM:<app@example.com>", "RCPT TO:<b@example.com>", "DATA"]);
    expect(srv.messages).toEqual([]);
  });

  it("a pipelined DATA answered 354 after a refused recipient: closed, no message", async () => {
    const srv = closer.add(await startScriptedSmtp({
      ...BASE, EHLO: "250-mx.test\r\n250 PIPELINING\r\n",
      RCPT: (line: string) => (line.includes("bad@") ? "550 5.1.1 unknown\r\n" : "250 2.1.5 Ok\r\n"),
    }));
    const { r } = await timedProbe(resolved({ port: srv.port, tls: "none", to: "b@example.com, bad@example.com", send: "true", timeout: "1" }));
    expect(r.steps.slice(2).map((s) => [s.command, s.reply?.code, s.pipelined])).toEqual([
      ["MAIL FROM:<app@example.com>", 250, true], ["RCPT TO:<b@example.com>", 250, true],
      ["RCPT TO:<bad@example.com>", 550, true], ["DATA", 354, true],
    ]);
    expect(r.verdict).toBe("fail");
    await eventually(() => srv.received.includes("DATA"));
    expect(srv.received.slice(srv.received.indexOf("DATA") + 1)).toEqual([]);
    expect(srv.messages).toEqual([]);
  });

  it("a pipelined transaction whose message exceeds SIZE goes one command at a time and never sends DATA", async () => {
    const srv = closer.add(await startScriptedSmtp({ ...BASE, EHLO: "250-mx.test\r\n250-PIPELINING\r\n250 SIZE 100\r\n" }));
    const { r } = await timedProbe(resolved({ port: srv.port, tls: "none", to: "b@example.com", send: "true", timeout: "1" }));
    expect(r.findings.map((f) => f.id)).toContain("message-exceeds-size");
    await eventually(() => srv.received.includes("QUIT"));
    expect(srv.received).not.toContain("DATA");
    expect(srv.received.slice(-2)).toEqual(["RSET", "QUIT"]);
  });
});
