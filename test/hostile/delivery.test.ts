// Nothing is delivered by accident: without `send` a transaction is reset, never DATA; with
// `send` the message on the wire is CRLF, ≤ 998 octets a line, dot-stuffed; SIZE is respected.
import { afterEach, describe, expect, it } from "vitest";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { Closer, eventually, resolved, timedProbe } from "./helpers.js";

const closer = new Closer();
afterEach(() => closer.closeAll());

const OK = { EHLO: "250-mx.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n", MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n", NOOP: "250 2.0.0 Ok\r\n" };

async function server(over: Record<string, string> = {}) {
  return closer.add(await startScriptedSmtp({ ...OK, ...over }));
}

const verbs = (lines: string[]): string[] => lines.map((l) => l.split(" ")[0]?.toUpperCase() ?? "");

const PIPELINING_EHLO = "250-mx.test\r\n250-PIPELINING\r\n250 8BITMIME\r\n";
const LOCKSTEP_EHLO = "250-mx.test\r\n250 8BITMIME\r\n";

/** [label, raw target keys, server advertises PIPELINING] — the pipelined custom sequence ending after RCPT is in KNOWN-BUGS.test.ts. */
const NO_SEND_CASES: [string, Record<string, string>, boolean][] = [
  ["default sequence", {}, false],
  ["default sequence, pipelined", {}, true],
  ["default sequence, two recipients, pipelined", { to: "b@example.com, c@example.com" }, true],
  ["custom sequence ending after RCPT", { steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>" }, false],
  ["custom sequence with NOOP and QUIT of its own", { steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nNOOP\nQUIT" }, false],
  ["custom sequence with NOOP and QUIT of its own, pipelined", { steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nNOOP\nQUIT" }, true],
];

/** Probes with a recipient and no send; asserts RSET after the last RCPT and before QUIT, and no DATA. */
async function expectResetNotDelivered(raw: Record<string, string>, pipelining: boolean): Promise<void> {
  const srv = await server({ EHLO: pipelining ? PIPELINING_EHLO : LOCKSTEP_EHLO });
  const { r } = await timedProbe(resolved({ port: srv.port, timeout: "2", to: "b@example.com", ...raw }));
  expect(r.error).toBeNull();
  await eventually(() => srv.received.includes("QUIT"));
  const v = verbs(srv.received);
  expect(v).not.toContain("DATA");
  expect(srv.messages).toEqual([]);
  expect(v, JSON.stringify(srv.received)).toContain("RSET");
  expect(v.lastIndexOf("RSET")).toBeGreaterThan(v.lastIndexOf("RCPT"));
  expect(v.lastIndexOf("RSET")).toBeLessThan(v.indexOf("QUIT"));
}

describe("without send: RSET, never DATA", () => {
  for (const [label, raw, pipelining] of NO_SEND_CASES) {
    it(label, () => expectResetNotDelivered(raw, pipelining));
  }

  it("a refused RCPT in a custom sequence: cleanup RSET, QUIT, no DATA", async () => {
    const srv = await server({ RCPT: "550 5.1.1 no such user\r\n" });
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: "2", to: "b@example.com", steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nNOOP" }));
    expect(r.verdict).toBe("fail");
    await eventually(() => srv.received.includes("QUIT"));
    expect(verbs(srv.received)).toEqual(["EHLO", "MAIL", "RCPT", "RSET", "QUIT"]);
  });

  it("a DATA step is refused at configuration time without send", () => {
    expect(() => resolved({ port: 25, to: "b@example.com", steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nDATA" })).toThrow(/DATA/);
  });
});

describe("with send: the message on the wire", () => {
  it("CRLF everywhere, every line ≤ 998 octets (a 5000-character line folded), leading dots doubled", async () => {
    const long = `${"a".repeat(997)}.${"b".repeat(4002)}`;
    const body = ["first line", ".", "..", ".x", "bare CR\rthen bare LF\nthen CRLF\r\nend", long, "ünïcödé ✓ ".repeat(300), "last"].join("\n");
    const srv = await server();
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: "2", to: "b@example.com", send: "true", body }));
    expect(r.error).toBeNull();
    expect(r.verdict).toBe("pass");
    expect(srv.messages).toHaveLength(1);
    const raw = srv.messages[0] as string;
    expect(srv.bareLfLines).toEqual([]);
    expect(raw.endsWith("\r\n")).toBe(true);
     
    expect(raw.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = raw.slice(0, -2).split("\r\n");
    for (const l of lines) expect(Buffer.byteLength(l, "utf8")).toBeLessThanOrEqual(998);
    expect(lines).toContain("..");
    expect(lines).toContain("...");
    expect(lines).toContain("..x");
    // No line is a lone "." (that would end the message early), and every line starting with "."
    // was stuffed: unstuffing gives back the body, its long lines folded.
    expect(lines.filter((l) => l === ".")).toEqual([]);
    for (const l of lines) if (l.startsWith(".")) expect(l.startsWith("..")).toBe(true);
    const unstuffed = lines.map((l) => (l.startsWith(".") ? l.slice(1) : l));
    const bodyStart = unstuffed.indexOf("") + 1;
    expect(unstuffed.slice(bodyStart, bodyStart + 7)).toEqual(["first line", ".", "..", ".x", "bare CR", "then bare LF", "then CRLF"]);
    expect(unstuffed.join("")).toContain(long);
    // The fold of the 5000-character line lands on its ".": that piece is stuffed to exactly 998 octets.
    expect(lines).toContain(`..${"b".repeat(996)}`);
    expect(verbs(srv.received)).toEqual(["EHLO", "MAIL", "RCPT", "DATA", "QUIT"]);
  });

  it("a server advertising SIZE 100: DATA is never sent, finding message-exceeds-size, transaction reset", async () => {
    const srv = await server({ EHLO: "250-mx.test\r\n250-SIZE 100\r\n250 8BITMIME\r\n" });
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: "2", to: "b@example.com", send: "true" }));
    await eventually(() => srv.received.includes("QUIT"));
    expect(verbs(srv.received)).not.toContain("DATA");
    expect(srv.messages).toEqual([]);
    expect(r.findings.map((f) => f.id)).toContain("message-exceeds-size");
    expect(r.verdict).toBe("fail");
    expect(verbs(srv.received)).toEqual(["EHLO", "MAIL", "RCPT", "RSET", "QUIT"]);
  });
});

// Issue 15 defect 2: BDAT (RFC 3030) delivers like DATA. Without send it is a configuration error;
// with send smtp-gate frames the chunk itself and never sends the step's line as written.
describe("BDAT", () => {
  it.each(["BDAT 0 LAST", "bdat 6 last", "Bdat", "BDAT 100"])("%s without send: configuration error, nothing sent", (line) => {
    expect(() => resolved({ port: 1, to: "b@example.com", steps: `EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\n${line}` })).toThrow(/BDAT, which delivers a message \(RFC 3030\): set send to true/);
  });

  it("with send, a BDAT line that carries its own size is refused: smtp-gate sends the chunk", () => {
    expect(() => resolved({ port: 1, to: "b@example.com", send: true, steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nBDAT 6 LAST" })).toThrow(/write BDAT alone/);
  });

  it("with send, BDAT sends the test message as one chunk of its exact size, not dot-stuffed", async () => {
    const srv = await server({ EHLO: "250-mx.test\r\n250 CHUNKING\r\n" });
    const { r } = await timedProbe(resolved({ port: srv.port, timeout: "2", to: "b@example.com", send: true, steps: "EHLO {helo}\nMAIL FROM:<{from}>\nRCPT TO:<{to}>\nBDAT" }));
    const bdat = r.steps.find((s) => s.command?.startsWith("BDAT"));
    const size = Number(/^BDAT (\d+) LAST$/.exec(bdat?.command ?? "")?.[1]);
    expect(bdat?.reply?.code).toBe(250);
    expect(r.verdict).toBe("pass");
    expect(r.unsolicitedReplies).toBe(0);
    // The server read exactly `size` octets after the command, then QUIT came as a command.
    expect(srv.messages).toHaveLength(1);
    const body = srv.messages[0] as string;
    expect(Buffer.byteLength(body)).toBe(size);
    expect(body).toContain("X-Smtp-Gate: test");
    expect(body.endsWith("\r\n")).toBe(true);
    // No dot-stuffing and no terminator: the default body's "." and ".." lines are as written.
    expect(body.split("\r\n")).toEqual(expect.arrayContaining([".", ".."]));
    expect(body).not.toContain("\r\n...\r\n");
    expect(srv.received.at(-1)).toBe("QUIT");
  });
});
