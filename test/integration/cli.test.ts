// Contract §3: the CLI, in-process through main(argv, io), then the built bundle as a real process.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../../src/cli/main.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { startSmtpServer } from "../support/smtp-server.js";
import { EHLO_REPLY, Servers, captureIo } from "./helpers.js";
import { ensureBuilt } from "../support/built.js";

const servers = new Servers();
afterEach(() => servers.closeAll());

const BASIC = { EHLO: EHLO_REPLY, MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n" };

async function mta(extra: Record<string, string> = {}): Promise<ScriptedServer> {
  return servers.add(await startScriptedSmtp({ ...BASIC, ...extra }));
}

const argsFor = (port: number, ...more: string[]) => ["--host", "127.0.0.1", "--port", String(port), "--tls", "none", "--helo", "ci.example.com", "--timeout", "1", ...more];

describe("main(argv, io): exit status", () => {
  it("0 for pass, with the verdict line on stdout", async () => {
    const srv = await mta();
    const io = captureIo();
    expect(await main(argsFor(srv.port, "--to", "a@example.com"), io)).toBe(0);
    expect(io.out()).toContain("verdict: pass (1 pass, 0 warn, 0 fail)");
    expect(io.out()).toContain("RCPT TO:<a@example.com>");
    expect(srv.received).toEqual(["EHLO ci.example.com", "MAIL FROM:<smtp-gate@ci.example.com>", "RCPT TO:<a@example.com>", "RSET", "QUIT"]);
  });

  it("0 for warn (a 4xx under fail-on hard)", async () => {
    const srv = await mta({ RCPT: "450 4.2.1 busy\r\n" });
    const io = captureIo();
    expect(await main(argsFor(srv.port, "--to", "a@example.com"), io)).toBe(0);
    expect(io.out()).toContain("verdict: warn");
  });

  it("1 for fail; 1 also for a 4xx under --fail-on soft; 0 under --fail-on never", async () => {
    const srv = await mta({ RCPT: "450 4.2.1 busy\r\n" });
    const io1 = captureIo();
    expect(await main(argsFor(srv.port, "--step", "EHLO {helo}", "--step", "XAUTH2 login"), io1)).toBe(1);
    expect(io1.out()).toContain('500 5.5.1 on "XAUTH2 login" (command unrecognized)');
    expect(await main(argsFor(srv.port, "--to", "a@example.com", "--fail-on", "soft"), captureIo())).toBe(1);
    expect(await main(argsFor(srv.port, "--step", "XAUTH2 login", "--fail-on", "never"), captureIo())).toBe(0);
  });

  it("1 when nothing listens (connect error)", async () => {
    const { freePort } = await import("./helpers.js");
    const io = captureIo();
    expect(await main(argsFor(await freePort()), io)).toBe(1);
    expect(io.out()).toContain("connect");
  });

  it.each([
    [[], /nothing to probe/],
    [["--host", "127.0.0.1", "--port", "99999"], /--port/],
    [["--host", "127.0.0.1", "--tls", "bogus"], /--tls/],
    [["--host", "127.0.0.1", "--fail-on", "sometimes"], /--fail-on/],
    [["--host", "127.0.0.1", "--timeout", "-3"], /--timeout/],
    [["--host", "127.0.0.1", "--to", "not-an-address"], /--to/],
    [["--host", "127.0.0.1", "--user", "u@example.com", "--password-env", "NOT_SET_ANYWHERE"], /--password-env.*NOT_SET_ANYWHERE/],
    [["--host", "127.0.0.1", "--password", "hunter2"], /--password is not accepted/],
    [["--host", "127.0.0.1", "--format", "xml"], /--format/],
    [["--host", "127.0.0.1", "--bogus"], /bogus/],
    [["--host", "127.0.0.1", "--step", "DATA"], /--step/],
    [["--host", "127.0.0.1", "--step", "NOOP => 9xx"], /--step line 1/],
  ])("2 for usage/config errors: %j", async (argv, field) => {
    const io = captureIo();
    expect(await main(argv as string[], io)).toBe(2);
    expect(io.err()).toMatch(field);
    expect(io.out()).toBe("");
  });

  it("credentials come from the environment, never from argv, and never reach stdout", async () => {
    const srv = servers.add(await startSmtpServer({ users: { "app@example.com": "Env-Pw-0042" } }));
    const io = captureIo({ SMTP_PW: "Env-Pw-0042" });
    const code = await main(["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "2", "--user", "app@example.com", "--password-env", "SMTP_PW", "--format", "json"], io);
    expect(code).toBe(0);
    expect(srv.auths).toEqual([{ method: "PLAIN", username: "app@example.com" }]);
    expect(io.out()).toContain('"AUTH PLAIN ***"');
    expect(io.out()).not.toContain("Env-Pw-0042");
  });
});

describe("main(argv, io): formats and the report file", () => {
  it("--format json parses, schema smtp-gate/report@1, steps[0].command null", async () => {
    const srv = await mta();
    const io = captureIo();
    expect(await main(argsFor(srv.port, "--format", "json"), io)).toBe(0);
    const j = JSON.parse(io.out());
    expect(j.schema).toBe("smtp-gate/report@1");
    expect(j.verdict).toBe("pass");
    expect(j.targets).toHaveLength(1);
    expect(j.targets[0].steps[0].command).toBeNull();
    expect(j.targets[0].steps.map((s: { command: string | null }) => s.command)).toEqual([null, "EHLO ci.example.com", "QUIT"]);
    expect(j.targets[0]).toMatchObject({ name: `127.0.0.1:${srv.port}`, host: "127.0.0.1", port: srv.port, tlsMode: "none" });
  });

  it("--format markdown gives tables", async () => {
    const srv = await mta();
    const io = captureIo();
    expect(await main(argsFor(srv.port, "--format", "markdown"), io)).toBe(0);
    expect(io.out()).toMatch(/^## smtp-gate: ✅ pass/);
    expect(io.out()).toContain("| # | command | reply | verdict | ms |");
    expect(io.out()).toContain("`EHLO ci.example.com`");
  });

  it("--report FILE writes the JSON report (the same as --format json prints)", async () => {
    const srv = await mta({ RCPT: "550 5.1.1 unknown\r\n" });
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-cli-"));
    try {
      const file = join(dir, "report.json");
      const io = captureIo();
      expect(await main(argsFor(srv.port, "--to", "x@example.com", "--format", "json", "--report", file), io)).toBe(1);
      expect(existsSync(file)).toBe(true);
      const text = readFileSync(file, "utf8");
      expect(text).toBe(io.out());
      const j = JSON.parse(text);
      expect(j.verdict).toBe("fail");
      expect(j.targets[0].findings[0]).toMatchObject({ severity: "error", step: 3 });
      expect(j.targets[0].findings[0].id).toMatch(/mailbox|user/);
      // With text on stdout the file is still JSON.
      const file2 = join(dir, "r2.json");
      const io2 = captureIo();
      expect(await main(argsFor(srv.port, "--report", file2), io2)).toBe(0);
      expect(JSON.parse(readFileSync(file2, "utf8")).schema).toBe("smtp-gate/report@1");
      expect(io2.out()).toContain("verdict: pass");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("explain", () => {
  it("explain 500 --format json has exactly the contract's keys", async () => {
    const io = captureIo();
    expect(await main(["explain", "500", "--format", "json"], io)).toBe(0);
    const j = JSON.parse(io.out());
    expect(Object.keys(j)).toEqual(["code", "enhanced", "class", "bounce", "meaning", "causes", "fixes"]);
    expect(j).toMatchObject({ code: 500, enhanced: null, class: "permanent", bounce: "hard" });
    expect(typeof j.meaning).toBe("string");
    expect(j.meaning.length).toBeGreaterThan(10);
    expect(j.causes.some((c: string) => /firewall/i.test(c))).toBe(true);
    expect(j.fixes.length).toBeGreaterThan(0);
  });

  it("explain 550 5.1.1 and 550-5.1.1", async () => {
    for (const argv of [["550", "5.1.1"], ["550 5.1.1"], ["550-5.1.1"]]) {
      const io = captureIo();
      expect(await main(["explain", ...argv, "--format", "json"], io)).toBe(0);
      expect(JSON.parse(io.out())).toMatchObject({ code: 550, enhanced: "5.1.1", class: "permanent", bounce: "hard" });
    }
  });

  it("explain 421 is transient / soft; text output names it", async () => {
    const io = captureIo();
    expect(await main(["explain", "421", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ code: 421, class: "transient", bounce: "soft" });
    const t = captureIo();
    expect(await main(["explain", "421"], t)).toBe(0);
    expect(t.out()).toMatch(/^421 — transient \(soft bounce\)/);
  });

  it("explain 5.7.1: code null", async () => {
    const io = captureIo();
    expect(await main(["explain", "5.7.1", "--format", "json"], io)).toBe(0);
    expect(JSON.parse(io.out())).toMatchObject({ code: null, enhanced: "5.7.1", class: "permanent", bounce: "hard" });
  });

  it.each([["999"], ["abc"], ["5.7"], ["550", "551"], []])("explain %j exits 2 with a message", async (...args) => {
    const io = captureIo();
    expect(await main(["explain", ...args], io)).toBe(2);
    expect(io.err()).toMatch(/^smtp-gate explain: .+/);
    expect(io.out()).toBe("");
  });
});

describe("the built CLI as a process", () => {
  let cli = "";

  beforeAll(() => {
    cli = ensureBuilt().cli;
  }, 120_000);

  /**
   * Runs the CLI; fails if it has not exited on its own within `limitMs` — a hang, not a slow
   * machine: the limit sits just under the test's own timeout, and no test bounds how long it took.
   */
  function run(args: string[], limitMs = 18_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d) => (stdout += d));
      child.stderr.on("data", (d) => (stderr += d));
      const timer = setTimeout(() => {
        child.kill("SIGKILL");
        reject(new Error(`CLI did not exit within ${limitMs} ms (hanging handle?)\nstdout: ${stdout}\nstderr: ${stderr}`));
      }, limitMs);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
  }

  it("--demo exits 0 and shows the caught 500 5.5.1 on XAUTH2 login", async () => {
    const r = await run(["--demo"]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("500 5.5.1");
    expect(r.stdout).toContain("XAUTH2 login");
    expect(r.stdout).toContain("verdict: fail (1 pass, 0 warn, 1 fail)");
  });

  it("probes a scripted server and exits on its own (0 for pass)", async () => {
    const srv = await mta();
    const r = await run(argsFor(srv.port, "--to", "a@example.com", "--format", "json"));
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.verdict).toBe("pass");
    expect(srv.received).toEqual(["EHLO ci.example.com", "MAIL FROM:<smtp-gate@ci.example.com>", "RCPT TO:<a@example.com>", "RSET", "QUIT"]);
  });

  it("exits 1 on a failing probe, also when the server keeps the connection open", async () => {
    // QUIT is answered but the server never closes: the CLI must not wait for it.
    const srv = await mta({ QUIT: "221 2.0.0 Bye\r\n", XAUTH2: "500 5.5.1 Command unrecognized\r\n" });
    const r = await run(argsFor(srv.port, "--step", "EHLO {helo}", "--step", "XAUTH2 login"));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('500 5.5.1 on "XAUTH2 login"');
  });

  it("exits 1 after a timeout without hanging", async () => {
    const silent = servers.add(await startScriptedSmtp({ greeting: "" }));
    const r = await run(argsFor(silent.port));
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("timeout");
  });

  it("exits 2 on a usage error", async () => {
    const r = await run(["--host", "127.0.0.1", "--port", "0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--port");
  });
});
