// Bad input through the CLI's main(argv, io): exit 2, a message naming the field, and nothing
// connected (a listening server sees no connection at all).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { startScriptedServer, type ScriptedServer } from "../support/scripted-server.js";
import { captureIo } from "./helpers.js";

let srv: ScriptedServer;
let dir: string;
beforeAll(async () => {
  srv = await startScriptedServer([{ send: "220 mx.test\r\n" }]);
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-badinput-"));
});
afterAll(() => srv.close());

function configFile(name: string, text: string): string {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
}

const T = (): string[] => ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "2"];

// [label, argv (built lazily, the server's port is known later), what stderr must name (RegExps all must match)]
const CASES: [string, () => string[], RegExp[]][] = [
  ["host with a space", () => ["--host", "bad host", "--port", String(srv.port), "--tls", "none"], [/--host/]],
  ["port 0", () => ["--host", "127.0.0.1", "--port", "0", "--tls", "none"], [/--port/, /"0"/]],
  ["port 70000", () => ["--host", "127.0.0.1", "--port", "70000", "--tls", "none"], [/--port/, /70000/]],
  ["port abc", () => ["--host", "127.0.0.1", "--port", "abc", "--tls", "none"], [/--port/, /abc/]],
  ["--to not an address", () => [...T(), "--to", "not an address"], [/--to/, /not an address/]],
  ["--from a@b@c", () => [...T(), "--from", "a@b@c"], [/--from/, /a@b@c/]],
  ["--helo bad name!", () => [...T(), "--helo", "bad name!"], [/--helo/]],
  ["--step with => 6xx", () => [...T(), "--step", "RCPT TO:<x> => 6xx"], [/--step/, /6xx/]],
  ["--step with an unknown placeholder", () => [...T(), "--step", "MAIL FROM:<{nope}>"], [/--step/, /\{nope\}/]],
  ["--step DATA without --send", () => [...T(), "--to", "b@example.com", "--step", "EHLO {helo}", "--step", "DATA"], [/--step/, /DATA/, /send/]],
  ["--fail-on maybe", () => [...T(), "--fail-on", "maybe"], [/--fail-on/, /maybe/]],
  ["--timeout=-1", () => ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout=-1"], [/--timeout/, /-1/]],
  ["--timeout -1", () => ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "-1"], [/--timeout/]],
  // Issue 15: control characters other than CR, LF and NUL were sent verbatim in steps.
  ["--step with ESC", () => [...T(), "--step", "NOOP \x1b[2J"], [/--step line 1/, /ESC/]],
  ["--step with TAB", () => [...T(), "--step", "MAIL FROM:<a@example.com>\tSIZE=1"], [/--step line 1/, /TAB/]],
  ["--step with U+2028", () => [...T(), "--step", "NOOP\u2028RSET"], [/--step line 1/, /U\+2028/]],
  ["--from with U+0085", () => [...T(), "--from", "a\u0085@example.com"], [/--from/, /U\+0085/]],
  // Issue 15: numbers are decimal only (0x10 was 16 seconds).
  ["--timeout 0x10", () => [...T(), "--timeout", "0x10"], [/--timeout/, /0x10/]],
  ["--port 0x19", () => ["--host", "127.0.0.1", "--port", "0x19", "--tls", "none"], [/--port/, /0x19/]],
  ["--concurrency 1e1", () => [...T(), "--concurrency", "1e1"], [/--concurrency/, /1e1/]],
  ["--password on argv", () => [...T(), "--password", "hunter2"], [/--password/, /environment/]],
  ["--step with a CR", () => [...T(), "--step", "NOOP\rQUIT"], [/--step/, /CR/]],
  ["--helo with a LF", () => [...T(), "--helo", "a.example\nMAIL FROM:<x@y>"], [/--helo/, /LF/]],
  [
    "config: an unknown key",
    () => ["--config", configFile("typo.yml", `targets:\n  - host: 127.0.0.1\n    port: ${srv.port}\n    tls: none\n    fial-on: hard\n`)],
    [/typo\.yml:5/, /fial-on/, /did you mean "fail-on"/],
  ],
  [
    "config: a literal password",
    () => ["--config", configFile("secret.yml", `targets:\n  - host: 127.0.0.1\n    port: ${srv.port}\n    tls: none\n    username: u@example.com\n    password: literal-secret\n`)],
    [/secret\.yml:6/, /password/, /password-env/],
  ],
  [
    "config: a bad value on line 7",
    () => ["--config", configFile("badline.yml", `defaults:\n  tls: none\ntargets:\n  - name: ok\n    host: 127.0.0.1\n    port: ${srv.port}\n    timeout: forever\n`)],
    [/badline\.yml:7/, /timeout/, /forever/],
  ],
  [
    "config: timeout: 0x10 (a YAML hex number)",
    () => ["--config", configFile("hex.yml", `targets:\n  - host: 127.0.0.1\n    port: ${srv.port}\n    tls: none\n    timeout: 0x10\n`)],
    [/hex\.yml:5/, /timeout/, /0x10/],
  ],
  [
    "config: deadline: 1e3 (a YAML float in exponent form)",
    () => ["--config", configFile("exp.yml", `targets:\n  - host: 127.0.0.1\n    port: ${srv.port}\n    tls: none\n    deadline: 1e3\n`)],
    [/exp\.yml:5/, /deadline/, /1e3/],
  ],
  [
    "config: a bad recipient in a list, line 6",
    () => ["--config", configFile("badto.yml", `targets:\n  - host: 127.0.0.1\n    port: ${srv.port}\n    tls: none\n    to:\n      - "no-at-sign"\n`)],
    [/badto\.yml:\d+/, /to/, /no-at-sign/],
  ],
];

describe("bad input: exit 2, the field named, nothing connected", () => {
  for (const [label, argv, names] of CASES) {
    it(label, async () => {
      // Markers before and after: between them only the first marker may have been accepted.
      const before = await srv.connectionsBeforeNow();
      const io = captureIo({});
      const code = await main(argv(), io);
      expect(code, io.err()).toBe(2);
      for (const n of names) expect(io.err()).toMatch(n);
      expect(io.out()).toBe("");
      expect(await srv.connectionsBeforeNow()).toBe(before + 1);
    });
  }

  it("the literal password's value is not echoed in the message", async () => {
    const io = captureIo({});
    await main(["--config", configFile("secret2.yml", `targets:\n  - host: 127.0.0.1\n    tls: none\n    username: u@example.com\n    password: Canary-Pw-9f3b\n`)], io);
    expect(io.err()).not.toContain("Canary-Pw-9f3b");
  });

  it("sanity: a good invocation does connect (so 0 above means something)", async () => {
    const other = await startScriptedServer([{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { send: "250 ok\r\n" }, { expect: "QUIT" }, { send: "221 bye\r\n" }, { close: true }]);
    try {
      const io = captureIo({});
      const code = await main(["--host", "127.0.0.1", "--port", String(other.port), "--tls", "none", "--timeout", "2"], io);
      expect(code, io.err()).toBe(0);
      expect(other.connections).toBe(1);
    } finally {
      await other.close();
    }
  });
});
