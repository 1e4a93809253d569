// Every line the session writes passes one check (as Go's net/smtp does): CR, LF or NUL inside a
// line is refused, a command is at most 512 octets (RFC 5321 §4.5.3.1.4) and an AUTH line at most
// 12,288 (RFC 4954 §4). A refused line is an error of kind `protocol` and no byte of it is written;
// proved by calling the session directly, below any config validation, and through a probe.
import { afterEach, describe, expect, it } from "vitest";
import { SmtpSession } from "../../src/session/session.js";
import { MAX_AUTH_LINE_OCTETS, MAX_COMMAND_OCTETS } from "../../src/protocol/command.js";
import { startScriptedServer, startScriptedSmtp } from "../support/scripted-server.js";
import { Servers, commands, probe, target } from "./helpers.js";
import { eventually } from "../hostile/helpers.js";

const servers = new Servers();
const sessions: SmtpSession[] = [];
afterEach(async () => {
  for (const s of sessions.splice(0)) s.close();
  await servers.closeAll();
});

async function connected(): Promise<{ s: SmtpSession; srv: Awaited<ReturnType<typeof startScriptedServer>> }> {
  const srv = servers.add(await startScriptedServer([{ send: "220 mx.test ESMTP\r\n" }, { expect: "NOOP" }, { send: "250 2.0.0 Ok\r\n" }]));
  const s = new SmtpSession({ host: "127.0.0.1", port: srv.port, implicitTls: false, insecure: false, timeoutMs: 1000, redact: (x) => x });
  sessions.push(s);
  expect(await s.connect()).toBeNull();
  expect(await s.readReply()).toMatchObject({ code: 220 });
  return { s, srv };
}

describe("the session's wire check", () => {
  it.each([
    ["CR", "NOOP\rRCPT TO:<x@evil.example>", /contains CR/],
    ["LF", "NOOP\nRCPT TO:<x@evil.example>", /contains LF/],
    ["NUL", "NOOP\0", /contains NUL/],
    ["a 513-octet command", `NOOP ${"x".repeat(MAX_COMMAND_OCTETS - 6)}`, /513 octets long with CRLF, over the 512 that RFC 5321 §4\.5\.3\.1\.4 allows/],
  ])("%s: refused with kind protocol, nothing written, the connection still usable", async (_name, line, why) => {
    const { s, srv } = await connected();
    const err = s.writeLine(line);
    expect(err).toMatchObject({ kind: "protocol", message: expect.stringMatching(why) });
    expect(s.transcript.entries.filter((e) => e.dir === "C")).toEqual([]);
    expect(s.usable).toBe(true);
    // The next good line is the first thing the server gets.
    expect(s.writeLine("NOOP")).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 250 });
    expect(srv.rawReceived().toString("latin1")).toBe("NOOP\r\n");
  });

  it("512 octets with CRLF pass; an AUTH line may be 12,288, not one more", async () => {
    const { s, srv } = await connected();
    expect(s.writeLine("N".repeat(MAX_COMMAND_OCTETS - 2))).toBeNull();
    expect(s.writeLine("A".repeat(MAX_AUTH_LINE_OCTETS - 2), "***", "auth")).toBeNull();
    const over = s.writeLine("A".repeat(MAX_AUTH_LINE_OCTETS - 1), "***", "auth");
    expect(over?.message).toContain("12289 octets long with CRLF, over the 12288 that RFC 4954 §4 allows");
    // The refusal names the line as shown: a secret stays `***`.
    expect(over?.message).toContain('"***"');
    // A last line marks the end: exactly the lines that passed arrived before it, the refused one added no byte.
    expect(s.writeLine("QUIT")).toBeNull();
    expect(await eventually(() => srv.rawReceived().toString("latin1").endsWith("QUIT\r\n"))).toBe(true);
    expect(srv.rawReceived().length).toBe(MAX_COMMAND_OCTETS + MAX_AUTH_LINE_OCTETS + "QUIT\r\n".length);
  });

  it("a pipelined group with one bad line writes nothing at all", async () => {
    const { s, srv } = await connected();
    const err = s.writeLines([{ wire: "MAIL FROM:<a@example.com>", shown: "MAIL FROM:<a@example.com>" }, { wire: "RCPT TO:<b@example.com>\r\nDATA", shown: "RCPT" }]);
    expect(err?.kind).toBe("protocol");
    expect(s.writeLine("NOOP")).toBeNull();
    expect(await s.readReply()).toMatchObject({ code: 250 });
    expect(srv.rawReceived().toString("latin1")).toBe("NOOP\r\n");
  });
});

describe("through a probe", () => {
  it("a custom step longer than 512 octets is that step's protocol error; RSET-free QUIT still ends the session", async () => {
    const srv = servers.add(await startScriptedSmtp({ EHLO: "250 mx.test\r\n", NOOP: "250 ok\r\n" }));
    const long = `NOOP ${"x".repeat(600)}`;
    const r = await probe(target(srv.port, { steps: [{ line: "EHLO {helo}", expect: null }, { line: long, expect: null }] }));
    expect(commands(r)).toEqual([null, "EHLO ci.example.com", long, "QUIT"]);
    expect(r.steps[2]).toMatchObject({ reply: null, verdict: "fail" });
    expect(r.error).toMatchObject({ kind: "protocol", step: 2 });
    expect(srv.received).toEqual(["EHLO ci.example.com", "QUIT"]);
  });
});

describe("UTF-8 in a command needs SMTPUTF8 (RFC 6531)", () => {
  it("a custom step with UTF-8 is refused as its step's error when the server did not advertise SMTPUTF8; sent when it did", async () => {
    const plain = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 PIPELINING\r\n", NOOP: "250 ok\r\n" }));
    const r = await probe(target(plain.port, { steps: [{ line: "EHLO {helo}", expect: null }, { line: "NOOP café", expect: null }] }));
    expect(r.steps[2]).toMatchObject({ command: "NOOP café", reply: null, verdict: "fail" });
    expect(r.error?.message).toMatch(/non-ASCII characters and the server did not advertise SMTPUTF8/);
    expect(plain.received).toEqual(["EHLO ci.example.com", "QUIT"]);
    const utf8 = servers.add(await startScriptedSmtp({ EHLO: "250-mx.test\r\n250 SMTPUTF8\r\n", NOOP: "250 ok\r\n" }));
    const ok = await probe(target(utf8.port, { steps: [{ line: "EHLO {helo}", expect: null }, { line: "NOOP café", expect: null }] }));
    expect(ok.verdict).toBe("pass");
    expect(utf8.received).toContain("NOOP café");
  });
});
