// The CLI process exits by itself against hostile servers: no socket, timer or listener keeps it
// alive. Spawned asynchronously (the scripted servers live in this process's event loop); a guard
// kills it only if it does not exit on its own, which fails the test.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { startScriptedServer } from "../support/scripted-server.js";
import { Closer, ensureBuilt, runNode, startRawServer, type Built } from "./helpers.js";

const closer = new Closer();
afterEach(() => closer.closeAll());

let built: Built;
beforeAll(() => {
  built = ensureBuilt();
}, 120_000);

/** Node start-up plus the probe; generous, but finite: the point is that it ends by itself. */
const STARTUP_MS = 4000;

describe("the CLI exits by itself", () => {
  it("against a server that never answers, with --timeout 0.5: exit 1, a clear message", async () => {
    const srv = closer.add(await startRawServer(() => {}));
    const p = await runNode(built.cli, ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "0.5"]);
    expect(p.killed).toBe(false);
    expect(p.code, p.stderr).toBe(1);
    expect(p.ms).toBeLessThan(500 + STARTUP_MS);
    expect(p.stdout).toMatch(/no answer within 0\.5s/);
    expect(p.stdout).toMatch(/greeting/);
    expect(p.stderr).not.toMatch(/internal error|Unhandled|at .*\.js:\d+/);
  });

  it("against a server that trickles a byte every 100 ms: exit 1 after the timeout", async () => {
    const srv = closer.add(
      await startRawServer((s) => {
        const timer = setInterval(() => !s.destroyed && s.write("2"), 100);
        return () => clearInterval(timer);
      }),
    );
    const p = await runNode(built.cli, ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "0.5"]);
    expect(p.killed).toBe(false);
    expect(p.code, p.stderr).toBe(1);
    expect(p.ms).toBeLessThan(500 + STARTUP_MS);
    expect(p.stdout).toMatch(/timeout|no answer/i);
  });

  it("against a server that resets after EHLO: exit 1, the reset named", async () => {
    const srv = closer.add(await startScriptedServer([{ send: "220 mx.test\r\n" }, { expect: "EHLO" }, { destroy: true }]));
    const p = await runNode(built.cli, ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "5"]);
    expect(p.killed).toBe(false);
    expect(p.code, p.stderr).toBe(1);
    expect(p.ms).toBeLessThan(STARTUP_MS);
    expect(p.stdout).toMatch(/reset|closed/i);
    expect(p.stdout).toMatch(/EHLO/);
  });

  it("--format json against a never-answering server: valid JSON with error kind timeout", async () => {
    const srv = closer.add(await startRawServer(() => {}));
    const p = await runNode(built.cli, ["--host", "127.0.0.1", "--port", String(srv.port), "--tls", "none", "--timeout", "0.5", "--format", "json"]);
    expect(p.killed).toBe(false);
    expect(p.code).toBe(1);
    const report = JSON.parse(p.stdout) as { targets: { error: { kind: string; step: number } }[] };
    expect(report.targets[0]?.error).toMatchObject({ kind: "timeout", step: 0 });
  });

  it("--demo exits by itself with 0", async () => {
    const p = await runNode(built.cli, ["--demo"]);
    expect(p.killed).toBe(false);
    expect(p.code, p.stderr).toBe(0);
    expect(p.ms).toBeLessThan(STARTUP_MS + 4000);
    expect(p.stderr).toMatch(/Demo: the first target passed/);
  });

  it("demo-mta on a port in use: exit 2, one line naming the port (was an unhandled EADDRINUSE)", async () => {
    const busy = closer.add(await startRawServer(() => {}));
    const p = await runNode(built.cli, ["demo-mta", "--port", String(busy.port)]);
    expect(p.killed).toBe(false);
    expect(p.code).toBe(2);
    expect(p.stderr).toBe(`smtp-gate demo-mta: cannot listen on 127.0.0.1:${busy.port}: EADDRINUSE\n`);
  });

  it("a usage error exits 2 at once", async () => {
    const p = await runNode(built.cli, ["--host", "127.0.0.1", "--port", "70000"]);
    expect(p.killed).toBe(false);
    expect(p.code).toBe(2);
    expect(p.stderr).toMatch(/--port/);
  });
});
