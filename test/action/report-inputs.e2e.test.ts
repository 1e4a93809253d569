/**
 * The action's report inputs read a target at a time (report/read-stream.ts), as a run writes:
 * `merge-reports` streams the shards into its report and JUnit file, `comment-from-report` reads
 * its artifact into the tally. Both show the worst SHOWN_TARGETS targets and count every one.
 * The built action runs as the runner runs it, against the loopback GitHub stand-in.
 */
import { afterEach, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Report, TargetResult } from "../../src/model/report.js";
import { renderJson } from "../../src/report/json.js";
import { SHOWN_TARGETS } from "../../src/report/stream.js";
import { startFakeGitHub, type FakeGitHub } from "../github/fake-github.js";
import { commands, runAction } from "./run-action.js";

const TOKEN = "ghs_fakeTokenForTests0002";

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((s) => s.close()));
});

async function github(opts: Parameters<typeof startFakeGitHub>[0] = {}): Promise<FakeGitHub> {
  const gh = await startFakeGitHub(opts);
  closers.push(gh);
  return gh;
}

function ghEnv(gh: FakeGitHub, event: string): Record<string, string> {
  return {
    GITHUB_API_URL: gh.url, GITHUB_SERVER_URL: "https://github.test", GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "2001",
    GITHUB_WORKFLOW: "mail", GITHUB_JOB: "merge", GITHUB_EVENT_NAME: event,
  };
}

/** A target as a run writes it: RCPT answered 250 (pass), 450 (warn, a soft failure) or 550 (fail, a hard one). */
function fleetTarget(name: string, verdict: TargetResult["verdict"]): TargetResult {
  const code = { pass: 250, warn: 450, fail: 550 }[verdict];
  const cls = { pass: "success", warn: "transient", fail: "permanent" } as const;
  return {
    name, host: `${name}.example.test`, port: 25, tlsMode: "none", verdict, durationMs: 3, error: null, tls: null, extensions: ["PIPELINING"], extensionsBeforeTls: null,
    steps: [
      { command: null, verb: null, reply: { code: 220, enhanced: null, lines: ["ready"], ending: "crlf" }, class: "success", expected: "220", verdict: "pass", ms: 1, phase: "waiting for the greeting" },
      { command: "RCPT TO:<postmaster@example.test>", verb: "RCPT", reply: { code, enhanced: null, lines: [`${name} says ${code}`], ending: "crlf" }, class: cls[verdict], expected: "250", verdict, ms: 1, phase: "naming the recipient" },
    ],
    findings: [], transcript: [], transcriptCapped: false, unsolicitedReplies: 0,
  };
}

/** `n` targets named `${prefix}-${i}`, each of verdict `at(i)`. */
function fleet(prefix: string, n: number, at: (i: number) => TargetResult["verdict"]): TargetResult[] {
  return Array.from({ length: n }, (_, i) => fleetTarget(`${prefix}-${i}`, at(i)));
}

/** A report as one job of a matrix writes it: shard `shard` of a run of `total` targets (null: the whole run). */
function report(targets: TargetResult[], shard: string | null, total: number): Report {
  return {
    schema: "smtp-gate/report@1", verdict: "pass", tool: { name: "smtp-gate", version: "0.1.0" }, startedAt: "2026-05-01T00:00:00.000Z",
    run: { shard, targets: total, digest: "ab".repeat(32) }, targets,
  };
}

function writeReport(dir: string, name: string, r: Report): string {
  const path = join(dir, name);
  writeFileSync(path, renderJson(r));
  return path;
}

describe("merge-reports streams the shards", () => {
  it(`of more than ${SHOWN_TARGETS} targets: the report and JUnit file hold all of them, the summary the worst and every count`, async () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-merge-large-"));
    // 150 targets: shard 1 passes; shard 2 has a warning and 3 failures near its end, past the first 100.
    const one = fleet("one", 80, () => "pass");
    const two = fleet("two", 70, (i) => (i === 40 ? "warn" : i >= 67 ? "fail" : "pass"));
    writeReport(dir, "shard-1.json", report(one, "1/2", 150));
    writeReport(dir, "shard-2.json", report(two, "2/2", 150));
    const merged = join(dir, "out", "merged.json");
    const junit = join(dir, "out", "junit.xml");
    const gh = await github();
    const run = await runAction({ "merge-reports": `${dir}/shard-*.json`, "report-file": merged, "junit-file": junit, "github-token": TOKEN }, ghEnv(gh, "pull_request"), { pull_request: { number: 7 } });

    expect(run.code).toBe(1);
    // The counts and the one line are of every target, not only the shown ones.
    expect(run.outputs).toEqual({
      verdict: "fail", "hard-failures": "3", "soft-failures": "1", "report-file": merged,
      summary: 'two-67 (two-67.example.test:25) — 550 on "RCPT TO:<postmaster@example.test>" (+149 more targets, 2 fail, 1 warn, 146 pass)',
    });

    const written = JSON.parse(readFileSync(merged, "utf8")) as Report;
    expect(written.verdict).toBe("fail");
    expect(written.run).toEqual({ shard: null, targets: 150, digest: "ab".repeat(32) });
    expect(written.targets.map((t) => t.name)).toEqual([...one, ...two].map((t) => t.name));
    const xml = readFileSync(junit, "utf8");
    expect(xml.match(/<testsuite /g)).toHaveLength(150);
    expect(xml).toMatch(/<testsuites name="smtp-gate" tests="300" failures="3"\s*>/);

    const partial = `150 targets (146 pass, 1 warn, 3 fail): ${SHOWN_TARGETS} shown, the worst first; every one is in ${merged}`;
    expect(run.stdout).toContain(partial);
    expect(run.summary).toContain("150 targets (146 pass, 1 warn, 3 fail): 100 shown, the worst first");
    for (const name of ["two-40", "two-67", "two-68", "two-69"]) expect(run.summary).toContain(name);
    expect(commands(run.stdout, "error").map((e) => e.props.title)).toEqual(["two-67", "two-68", "two-69"].map((n) => `SMTP 550 on "RCPT TO:<postmaster@example.test>" — ${n}`));
    const comment = gh.comments[0]?.body ?? "";
    expect(comment).toContain("### smtp-gate: ❌ FAIL — 3 of 150 failing, 1 warning\n\nThe worst 100 of 150 targets are shown; the JSON report has every one.");
    // Worst first: the failures before any passing target.
    expect(comment.indexOf("two-69")).toBeGreaterThan(0);
    expect(comment.indexOf("two-69")).toBeLessThan(comment.indexOf("one-0"));
  });

  it("a bad shard, even its last target, writes nothing and is named with its field", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-merge-bad-"));
    writeReport(dir, "shard-1.json", report(fleet("one", 5, () => "pass"), "1/2", 10));
    const bad = writeReport(dir, "shard-2.json", report(fleet("two", 5, () => "pass"), "2/2", 10));
    // The last target's port a string: only reading the file to its end finds it.
    writeFileSync(bad, readFileSync(bad, "utf8").replace(/"port": 25(?![\s\S]*"port": 25)/, '"port": "25"'));
    const merged = join(dir, "merged.json");
    const junit = join(dir, "junit.xml");
    writeFileSync(merged, "the previous report");
    const gh = await github();
    const run = await runAction({ "merge-reports": `${dir}/shard-*.json`, "report-file": merged, "junit-file": junit, "github-token": TOKEN }, ghEnv(gh, "pull_request"), { pull_request: { number: 7 } });

    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBeUndefined();
    expect(commands(run.stdout, "error").map((e) => e.message)).toEqual([`smtp-gate: input merge-reports: ${bad}: targets[4].port: must be a number`]);
    expect(readFileSync(merged, "utf8")).toBe("the previous report");
    expect(existsSync(junit)).toBe(false);
    expect(run.summary).toBe("");
    expect(gh.requests).toEqual([]);
  });
});

describe("comment-from-report reads the report a target at a time", () => {
  it("of 300 targets: the comment and summary show the worst first and count all 300; the step does not fail", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-artifact-large-"));
    // The failures and the warning come after the first 100 targets: a tally keeps them.
    const path = writeReport(dir, "report.json", report(fleet("mx", 300, (i) => (i === 150 || i === 299 ? "fail" : i === 200 ? "warn" : "pass")), null, 300));
    const gh = await github({ pulls: { 9: "abc123" } });
    const run = await runAction({ "comment-from-report": path, "pr-number": "9", "github-token": TOKEN }, ghEnv(gh, "workflow_run"), { workflow_run: { head_sha: "abc123", pull_requests: [] } });

    expect(run.code).toBe(0);
    expect(run.outputs).toEqual({
      verdict: "fail", "hard-failures": "2", "soft-failures": "1", "report-file": path,
      summary: 'mx-150 (mx-150.example.test:25) — 550 on "RCPT TO:<postmaster@example.test>" (+299 more targets, 1 fail, 1 warn, 297 pass)',
    });
    expect(run.summary).toContain("300 targets (297 pass, 1 warn, 2 fail): 100 shown, the worst first");
    expect(run.stdout).toContain(`300 targets (297 pass, 1 warn, 2 fail): ${SHOWN_TARGETS} shown, the worst first; every one is in ${path}`);
    // Nothing is written beside the artifact: that job only posts.
    expect(run.read("smtp-gate-report.json")).toBe("");

    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/o/r/issues/9/comments"]);
    const comment = gh.comments[0]?.body ?? "";
    expect(comment).toContain("### smtp-gate: ❌ FAIL — 2 of 300 failing, 1 warning\n\nThe worst 100 of 300 targets are shown; the JSON report has every one.");
    const at = (name: string) => comment.indexOf(`**${name}**`);
    expect(at("mx-150")).toBeGreaterThan(0);
    expect(at("mx-150")).toBeLessThan(at("mx-299"));
    expect(at("mx-299")).toBeLessThan(at("mx-200"));
    // The worst three took the places of the last passing ones: 97 passing targets are shown.
    expect(comment).toContain("✅ mx-96 — tls none");
    expect(comment).not.toContain("mx-97 ");
    expect(comment.match(/<summary>✅ mx-\d+ — /g)).toHaveLength(SHOWN_TARGETS - 3);
  });

  it("of more targets than a whole report may hold (10,000): read all the same", async () => {
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-artifact-huge-"));
    const n = 10_001;
    const path = writeReport(dir, "report.json", report(fleet("mx", n, (i) => (i === n - 1 ? "fail" : "pass")), null, n));
    const gh = await github({ pulls: { 9: "abc123" } });
    const run = await runAction({ "comment-from-report": path, "pr-number": "9", "github-token": TOKEN }, ghEnv(gh, "workflow_run"), { workflow_run: { head_sha: "abc123", pull_requests: [] } });

    expect(run.code, run.stdout).toBe(0);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.outputs.summary).toBe(`mx-${n - 1} (mx-${n - 1}.example.test:25) — 550 on "RCPT TO:<postmaster@example.test>" (+${n - 1} more targets, all pass)`);
    expect(gh.comments[0]?.body).toContain(`### smtp-gate: ❌ FAIL — 1 of ${n} failing`);
    expect(gh.comments[0]?.body).toContain(`mx-${n - 1}`);
  });
});
