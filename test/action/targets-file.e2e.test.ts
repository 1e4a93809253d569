// The action's `targets-file` input (contract §8), run as the runner runs the built action: the
// same reader as the CLI's --targets-file, `config` giving the defaults, `shard` choosing lines,
// a bad line failing the step before anything is sent. Postfix: required in CI
// (SMTP_GATE_REQUIRE_MTA=1), skipped with a message locally when it does not answer.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { lineKey } from "../../src/config/targets-file.js";
import type { Report } from "../../src/model/report.js";
import { inShard } from "../../src/model/shard.js";
import { MTA_CA_FILE, MTA_PASSWORD, MTA_PORTS, MTA_USER, SKIP_HINT, detectMta } from "../support/mta.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { commands, runAction } from "./run-action.js";

const mta = await detectMta();
if (!mta.available && !mta.required) console.warn(`[test/action] skipping the targets-file run against Postfix: ${mta.reason}; ${SKIP_HINT}`);

const servers: ScriptedServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const dir = mkdtempSync(join(tmpdir(), "smtp-gate-action-targets-file-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

const EHLO = "250-test.local\r\n250 ENHANCEDSTATUSCODES\r\n";
async function healthy(): Promise<ScriptedServer> {
  const s = await startScriptedSmtp({ EHLO, MAIL: "250 2.1.0 Ok\r\n", RCPT: "250 2.1.5 Ok\r\n", RSET: "250 2.0.0 Ok\r\n" });
  servers.push(s);
  return s;
}

/** A config with defaults only: the scripted servers offer no STARTTLS, so `tls: none` must reach every line. */
const defaults = file("defaults.yml", ["defaults:", "  tls: none", "  from: ci@example.com", "  to: postmaster@example.com"]);

describe("the action's targets-file input", () => {
  it("shards by line: the jobs' targets partition the file, each job counts the whole run, other lines get no connection", async () => {
    const fleet = await Promise.all([1, 2, 3, 4, 5, 6].map(() => healthy()));
    const lines = fleet.map((s) => `127.0.0.1:${s.port}`);
    const list = file("fleet.txt", ["# the fleet", ...lines.map((l, i) => (i === 2 ? `${l}   # third` : l)), ""]);
    const runs = [];
    for (const index of [1, 2]) {
      const before = fleet.map((s) => s.connections);
      const run = await runAction({ config: defaults, "targets-file": list, shard: `${index}/2`, timeout: "5" });
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.verdict).toBe("pass");
      const report = JSON.parse(readFileSync(run.outputs["report-file"] as string, "utf8")) as Report;
      const mine = lines.filter((l) => inShard(lineKey(l), { index, count: 2 }));
      expect(report.targets.map((t) => `${t.host}:${t.port}`).sort()).toEqual([...mine].sort());
      // Only this shard's servers were connected to.
      fleet.forEach((s, i) => expect(s.connections - (before[i] as number), lines[i]).toBe(mine.includes(lines[i] as string) ? 1 : 0));
      runs.push(report);
    }
    const [one, two] = runs as [Report, Report];
    expect(one.targets.length + two.targets.length).toBe(6);
    expect(one.run).toMatchObject({ shard: "1/2", targets: 6 });
    expect(two.run).toEqual({ ...one.run, shard: "2/2" });
  });

  it("a bad line: the step fails naming the file and line, and nothing is sent", async () => {
    const srv = await healthy();
    const list = file("bad.txt", [`127.0.0.1:${srv.port}`, "# fine so far", "smtp.example.com:25 extra", `127.0.0.1:${srv.port}`]);
    const run = await runAction({ config: defaults, "targets-file": list, timeout: "5" });
    expect(run.code).not.toBe(0);
    const errors = commands(run.stdout, "error");
    // The annotation on the line, then the step's failure (as any configuration problem).
    expect(errors).toHaveLength(2);
    expect(errors[0]?.props).toMatchObject({ title: "smtp-gate: invalid targets-file", file: list, line: "3" });
    expect(errors[1]?.message).toMatch(new RegExp(`^smtp-gate: invalid configuration; nothing was sent\\.\n${list}:3: targets-file: "smtp\\.example\\.com:25 extra" must be one target`));
    expect(srv.connections).toBe(0);
    expect(run.outputs).toEqual({});
  });

  it("is a list of targets: not with host", async () => {
    const srv = await healthy();
    const list = file("one.txt", [`127.0.0.1:${srv.port}`]);
    const run = await runAction({ "targets-file": list, host: "127.0.0.1", tls: "none", timeout: "5" });
    expect(run.code).not.toBe(0);
    expect(commands(run.stdout, "error")[0]?.message).toBe("input targets-file: is a list of targets: it does not go with host (one target)");
    expect(srv.connections).toBe(0);
  });

  describe.skipIf(!mta.available && !mta.required)("against Postfix (scripts/test-mta.sh)", () => {
    beforeAll(() => {
      if (!mta.available) throw new Error(`SMTP_GATE_REQUIRE_MTA is set but the test MTA is not reachable: ${mta.reason}; run scripts/test-mta.sh start`);
    });

    it("probes each line with the config's defaults over verified STARTTLS and AUTH, the inputs beneath them, the secret masked", async () => {
      const config = file("postfix.yml", ["defaults:", "  tls: starttls", `  ca: ${MTA_CA_FILE}`, `  from: ${MTA_USER}`, `  to: ${MTA_USER}`, `  username: ${MTA_USER}`, "  password-env: SG_TEST_PW"]);
      const list = file("postfix.txt", ["# Postfix, smtpd and submission", `127.0.0.1:${MTA_PORTS.plain}`, `127.0.0.1:${MTA_PORTS.submission}  # needs STARTTLS first`]);
      // `tls: none` as an input sits beneath the file's `tls: starttls`, as with `config` alone.
      const run = await runAction({ config, "targets-file": list, tls: "none", timeout: "10" }, { SG_TEST_PW: MTA_PASSWORD });
      expect(run.code, run.stdout).toBe(0);
      expect(run.outputs.verdict).toBe("pass");
      const report = JSON.parse(readFileSync(run.outputs["report-file"] as string, "utf8")) as Report;
      expect(report.targets.map((t) => t.port).sort()).toEqual([MTA_PORTS.plain, MTA_PORTS.submission].sort());
      for (const t of report.targets) expect(t.steps.some((s) => s.command === "STARTTLS" && s.reply?.code === 220), `${t.name}`).toBe(true);
      expect(report.run).toMatchObject({ shard: null, targets: 2 });
      for (const t of report.targets) expect(t.steps.some((s) => s.command?.startsWith("AUTH") && s.reply?.code === 235), `${t.name}`).toBe(true);
      // The password the defaults named is masked before anything is printed, and printed nowhere.
      expect(commands(run.stdout, "add-mask").map((m) => m.message)).toContain(MTA_PASSWORD);
      expect(run.stdout.split("\n").filter((l) => l.includes(MTA_PASSWORD) && !l.startsWith("::add-mask::"))).toEqual([]);
      expect(readFileSync(run.outputs["report-file"] as string, "utf8")).not.toContain(MTA_PASSWORD);
    });
  });
});
