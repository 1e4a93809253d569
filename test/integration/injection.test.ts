// Contract §1: a configured value containing CR, LF or NUL is a configuration error: nothing is sent.
import { localIo } from "../../src/config/local-io.js";
import { afterEach, describe, expect, it } from "vitest";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import type { ConfigProblem } from "../../src/config/errors.js";
import type { TargetConfig } from "../../src/config/target.js";
import { main } from "../../src/cli/main.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { EHLO_REPLY, Servers, captureIo, probe } from "./helpers.js";

const servers = new Servers();
afterEach(() => servers.closeAll());

const ctx = (env: Record<string, string> = {}) => ({ env, label: (k: string) => k, ...localIo() });

async function listening(): Promise<ScriptedServer> {
  return servers.add(await startScriptedSmtp({ EHLO: EHLO_REPLY, MAIL: "250 Ok\r\n", RCPT: "250 Ok\r\n", RSET: "250 Ok\r\n", NOOP: "250 Ok\r\n" }));
}

function problemsOf(r: TargetConfig | { problems: ConfigProblem[] }): ConfigProblem[] {
  if (!("problems" in r)) throw new Error(`expected problems, got a target: ${JSON.stringify(r)}`);
  return r.problems;
}

describe("CR, LF and NUL in configured values", () => {
  const cases: [string, RawTarget, string, RegExp][] = [
    ["helo with CRLF", { helo: "x\r\nRCPT TO:<evil@x>" }, "helo", /CR/],
    ["from with LF", { from: "a@example.com\nRCPT TO:<evil@x>" }, "from", /LF/],
    ["a step line with LF", { steps: ["NOOP\nRCPT TO:<evil@x>"] }, "steps line 1", /LF/],
    ["a step line with a lone CR", { steps: "NOOP\rRCPT TO:<evil@x>" }, "steps line 1", /CR/],
    ["a step line with NUL", { steps: ["EHLO {helo}", "NOOP\0RCPT TO:<evil@x>"] }, "steps line 2", /NUL/],
    ["to with NUL", { to: ["ok@example.com", "a@example.com\0RCPT TO:<evil@x>"] }, "to", /NUL/],
    ["to with CR", { to: "victim@example.com\rRCPT TO:<evil@x>" }, "to", /CR/],
    ["username with CRLF", { username: "u\r\nRSET", "password-env": "PW" }, "username", /CR/],
    ["password with LF (from the environment)", { username: "u@example.com", "password-env": "PW_LF" }, "password-env", /LF/],
  ];

  it.each(cases)("%s: resolveTarget returns a problem naming the field; the server sees no connection", async (_n, raw, field, what) => {
    const srv = await listening();
    const r = resolveTarget({ host: "127.0.0.1", port: srv.port, tls: "none", ...raw }, ctx({ PW: "fine-pw", PW_LF: "pw\nRSET" }));
    const problems = problemsOf(r);
    const p = problems.find((x) => x.field === field);
    expect(p, JSON.stringify(problems)).toBeDefined();
    expect(p?.message).toMatch(what);
    // The secret itself is never echoed in the message.
    expect(JSON.stringify(problems)).not.toContain("pw\\nRSET");
    expect(await srv.connectionsBeforeNow()).toBe(0);
  });

  it("the same values through the CLI: exit 2, the field named, zero connections", async () => {
    const srv = await listening();
    const base = ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "1"];
    const runs: [string[], string][] = [
      [["--helo", "x\r\nRCPT TO:<evil@x>"], "--helo"],
      [["--step", "NOOP\nRCPT TO:<evil@x>"], "--step line 1"],
      [["--to", "a@example.com\0RCPT TO:<evil@x>"], "--to"],
      [["--from", "a@example.com\r\nRSET"], "--from"],
    ];
    for (const [extra, field] of runs) {
      const io = captureIo();
      expect(await main([...base, ...extra], io), field).toBe(2);
      expect(io.err()).toContain(field);
      expect(io.err()).toContain("nothing was sent");
      expect(io.out()).toBe("");
    }
    expect(await srv.connectionsBeforeNow()).toBe(0);
    expect(srv.received).toEqual([]);
  });

  it("a clean configuration reaches the same server (the check above can fail)", async () => {
    const srv = await listening();
    const r = resolveTarget({ host: "127.0.0.1", port: srv.port, tls: "none", helo: "ci.example.com", timeout: "1" }, ctx());
    if ("problems" in r) throw new Error(JSON.stringify(r.problems));
    const res = await probe(r);
    expect(res.verdict).toBe("pass");
    expect(srv.connections).toBe(1);
    expect(srv.received).toEqual(["EHLO ci.example.com", "QUIT"]);
  });

  it("a message body cannot smuggle commands: a lone '.' in the body is dot-stuffed", async () => {
    const srv = await listening();
    const r = resolveTarget(
      { host: "127.0.0.1", port: srv.port, tls: "none", helo: "ci.example.com", to: "a@example.com", send: true, timeout: "1", body: "hello\r\n.\r\nMAIL FROM:<evil@x>\r\nRCPT TO:<evil@x>\r\n" },
      ctx(),
    );
    if ("problems" in r) throw new Error(JSON.stringify(r.problems));
    const res = await probe(r);
    expect(res.verdict).toBe("pass");
    await srv.settled();
    expect(srv.received).toEqual(["EHLO ci.example.com", expect.stringMatching(/^MAIL FROM:<smtp-gate@ci\.example\.com>( SIZE=\d+)?$/), "RCPT TO:<a@example.com>", "DATA", "QUIT"]);
    expect(srv.messages).toHaveLength(1);
    expect(srv.messages[0]).toContain("\r\nhello\r\n..\r\nMAIL FROM:<evil@x>\r\n");
  });
});
