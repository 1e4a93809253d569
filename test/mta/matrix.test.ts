// The real-MTA matrix: the same cases against every server scripts/test-mta.sh started (Postfix,
// Exim, Sendmail, OpenSMTPD, Haraka, aiosmtpd), each judged against what that server really
// answers (test/mta/expect/SERVER.ts). Under SMTP_GATE_REQUIRE_MTA=1 (CI) a server named in
// $STATE/expected-servers that has no descriptor or does not answer fails; locally it is skipped.
// SMTP_GATE_RECORD_GOLDEN=1 also writes each result to test/golden/SERVER/CASE.json.
import { execFile } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { DEFAULT_BODY } from "../../src/protocol/message.js";
import { Redactor } from "../../src/protocol/redact.js";
import { recordingGolden, writeGolden } from "../support/golden.js";
import { MTA_CA_FILE, MTA_DIR, SKIP_HINT } from "../support/mta.js";
import { buildCase, cliArgs } from "../support/mta-cases.js";
import { CASE_IDS, isNotApplicable, matrixServers, waitForMailboxMessage, type ServerExpectations } from "../support/mta-matrix.js";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CLI = join(ROOT, "dist", "cli", "index.js");
const required = !!process.env.SMTP_GATE_REQUIRE_MTA && process.env.SMTP_GATE_REQUIRE_MTA !== "0";
const servers = await matrixServers();
const ca = existsSync(MTA_CA_FILE) ? readFileSync(MTA_CA_FILE, "utf8") : "";

async function loadExpectations(name: string): Promise<ServerExpectations | string> {
  const file = join(dirname(fileURLToPath(import.meta.url)), "expect", `${name}.ts`);
  if (!existsSync(file)) return `no expectations for ${name}: write ${file}`;
  return ((await import(file)) as { EXPECT: ServerExpectations }).EXPECT;
}

/** What happened, in one line: the message of every failed assertion. */
const summary = (r: TargetResult): string =>
  JSON.stringify({
    verdict: r.verdict,
    codes: r.steps.map((s) => s.reply?.code ?? null),
    commands: r.steps.map((s) => s.command),
    findingIds: r.findings.map((f) => f.id),
    error: r.error,
  });

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === "number" ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

if (servers.length === 0) {
  if (required) {
    describe("MTA matrix", () => {
      it("has servers to run", () => {
        throw new Error(`SMTP_GATE_REQUIRE_MTA is set but ${join(MTA_DIR, "expected-servers")} names no server; run scripts/test-mta.sh start`);
      });
    });
  } else {
    console.warn(`[test/mta] skipping the MTA matrix: no servers in ${MTA_DIR}; ${SKIP_HINT}`);
  }
}

for (const server of servers) {
  const d = server.descriptor;
  const expectations = await loadExpectations(server.name);
  describe(`${server.name}${d ? ` (${d.product} ${d.version ?? ""})` : ""}`, () => {
    if (!d) {
      if (required) it("is running", () => expect.fail(`${server.name} was started but is not usable: ${server.reason}`));
      else {
        console.warn(`[test/mta] skipping ${server.name}: ${server.reason}; ${SKIP_HINT}`);
        it.skip(`${server.name}: ${server.reason}`, () => undefined);
      }
      return;
    }
    if (typeof expectations === "string") {
      it("has expectations", () => expect.fail(expectations));
      return;
    }
    for (const id of CASE_IDS) {
      const e = expectations[id];
      if (isNotApplicable(e)) {
        it(`${id}: not applicable (${e.notApplicable}), which its production session shows`, async () => {
          const r = await probeTarget(buildCase("production", d, ca).target, new Redactor());
          expect(e.holds(r), summary(r)).toBe(true);
        });
        continue;
      }
      it(`${id}: ${e.verdict}${e.knownDefect ? ` (known defect: ${e.knownDefect})` : ""}`, async () => {
        const c = buildCase(id, d, ca);
        const r = await probeTarget(c.target, new Redactor());
        if (recordingGolden() && !c.noGolden) writeGolden(server.name, id, r, c.fixedHelo ? null : c.target.helo);
        const got = summary(r);
        expect(r.verdict, got).toBe(e.verdict);
        if (e.codes) expect(r.steps.map((s) => s.reply?.code ?? null), got).toEqual(e.codes);
        // Every step's class follows from its code (contract §2), whatever the server.
        for (const s of r.steps) if (s.reply) expect(s.class, got).toBe(["", "", "success", "intermediate", "transient", "permanent"][Math.floor(s.reply.code / 100)]);
        if (e.findingIds && !e.knownDefect) expect(r.findings.map((f) => f.id), got).toEqual(expect.arrayContaining(e.findingIds));
        // A step that follows from an earlier refusal points back at a failed step and has no finding of its own.
        const consequences = r.steps.flatMap((s, i) => (s.consequenceOf === undefined ? [] : [i]));
        if (e.consequences) expect(consequences, got).toEqual(e.consequences);
        for (const i of consequences) {
          const cause = r.steps[i]?.consequenceOf as number;
          expect(cause < i && r.steps[cause]?.verdict !== "pass", got).toBe(true);
          expect(r.findings.filter((f) => f.step === i), got).toEqual([]);
        }
        // The password never reaches the result, whatever the server echoes.
        expect(JSON.stringify(r)).not.toContain(d.password);

        if (c.delivered) {
          const text = await waitForMailboxMessage(d, c.delivered);
          expect(text, `no message with ${c.delivered} arrived in ${d.mailbox.path}`).not.toBeNull();
          const msg = (text as string).replace(/\r\n/g, "\n");
          const body = msg.slice(msg.indexOf("\n\n") + 2).split("\n");
          // The body as sent: the lines ".", ".." and ".x" survive dot-stuffing both ways.
          expect(body.slice(0, DEFAULT_BODY.split("\n").length).join("\n")).toBe(DEFAULT_BODY);
          expect(msg).toMatch(/^X-Smtp-Gate: test$/m);
        }

        if (c.cli) {
          const { args, env } = cliArgs(c.target, MTA_CA_FILE);
          const out = await runCli(args, env);
          expect(out.code, out.stderr).toBe(e.verdict === "fail" ? 1 : 0);
          const report = JSON.parse(out.stdout) as { verdict: string; targets: TargetResult[] };
          expect(report.verdict).toBe(e.verdict);
          expect(out.stdout).not.toContain(d.password);
        }
      });
    }
  });
}
