// Each example workflow, run locally the way the runner would (test/support/local-workflow.ts):
// its `run:` scripts, this action (the built dist/index.js) against local mail servers, the
// artifact actions as folders, and the GitHub stand-in for comments and issues. The examples are
// also actionlint- and shellcheck-clean (scripts/lint-workflows.mjs).
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { plainResponse } from "../../src/protocol/auth.js";
import { lintWorkflows } from "../../scripts/lint-workflows.mjs";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { artifactStore, runWorkflow, type LocalContext, type StepRun } from "../support/local-workflow.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { startFakeGitHub, type FakeGitHub } from "./fake-github.js";

const ROOT = join(import.meta.dirname, "../..");
const EXAMPLES = join(ROOT, "examples");
const USER = "app@example.com";
const PASSWORD = "Example-Pw-3c1d";

let certs: TestCerts;
let starttls: ScriptedServer;
let implicit: ScriptedServer;
const closers: { close(): Promise<void> }[] = [];

beforeAll(async () => {
  certs = await makeCerts();
  const handlers = {
    EHLO: "250-test.local\r\n250-STARTTLS\r\n250-AUTH PLAIN\r\n250 ENHANCEDSTATUSCODES\r\n",
    STARTTLS: "220 2.0.0 Ready to start TLS\r\n",
    AUTH: (line: string) => (line.includes(plainResponse(USER, PASSWORD)) ? "235 2.7.0 Authentication successful\r\n" : "535 5.7.8 Authentication failed\r\n"),
    MAIL: "250 2.1.0 Ok\r\n",
    RCPT: (line: string) => (line.includes("nobody@") ? "550 5.1.1 No such user\r\n" : "250 2.1.5 Ok\r\n"),
    RSET: "250 2.0.0 Ok\r\n",
  };
  starttls = await startScriptedSmtp(handlers, { tls: { cert: certs.certPem, key: certs.keyPem } });
  implicit = await startScriptedSmtp({ ...handlers, EHLO: "250-test.local\r\n250-AUTH PLAIN\r\n250 ENHANCEDSTATUSCODES\r\n" }, { tls: { cert: certs.certPem, key: certs.keyPem }, implicitTls: true });
  closers.push(starttls, implicit);
});
afterAll(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
});

async function github(opts: Parameters<typeof startFakeGitHub>[0] = {}): Promise<FakeGitHub> {
  const gh = await startFakeGitHub(opts);
  closers.push(gh);
  return gh;
}

/** The examples' mail servers are this machine's: smtp.example.com:587 → the STARTTLS server, :465 → the implicit one. */
function localInputs(inputs: Record<string, string>): Record<string, string> {
  if (!inputs.host) return inputs;
  return { ...inputs, host: "127.0.0.1", port: String(inputs.port === "465" ? implicit.port : starttls.port), ca: certs.caFile, timeout: "5" };
}

/** A config file whose targets are the local STARTTLS server; `credentials`: by password-env, as targets.yml in matrix-shards.yml. */
const config = (targets: string[], credentials = true) => [
  "defaults:",
  "  host: 127.0.0.1",
  `  port: ${starttls.port}`,
  `  ca: ${certs.caFile}`,
  "  timeout: 5",
  ...(credentials ? [`  username: ${USER}`, "  password-env: SMTP_PASSWORD"] : []),
  "targets:",
  ...targets.map((to, i) => `  - { name: target-${i + 1}, to: [${to}] }`),
  "",
].join("\n");

function context(over: Partial<LocalContext> & Pick<LocalContext, "eventName">): LocalContext {
  return { files: {}, secrets: { SMTP_PASSWORD: PASSWORD }, event: {}, localInputs, artifacts: artifactStore(), ...over };
}

const ghEnv = (gh: FakeGitHub) => ({ GITHUB_API_URL: gh.url, GITHUB_SERVER_URL: "https://github.test", GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "4242" });
const actions = (runs: StepRun[]) => runs.filter((r) => r.kind === "action");
const example = (f: string) => join(EXAMPLES, f);

describe("the example workflows", () => {
  it("every example is run below, and all are actionlint- and shellcheck-clean", async () => {
    const covered = ["canary.yml", "matrix-shards.yml", "matrix.yml", "pr-comment-workflow-run.yml", "pr-comment.yml", "pr-probe.yml", "pre-deploy-gate.yml"];
    expect(readdirSync(EXAMPLES).filter((f) => f.endsWith(".yml")).sort()).toEqual(covered);
    const lint = await lintWorkflows(ROOT);
    expect(lint.findings.filter((f) => f.file.startsWith("examples/"))).toEqual([]);
  }, 120_000);

  it("pre-deploy-gate.yml: the gate passes, deploy runs and reads the verdict", async () => {
    const runs = await runWorkflow(example("pre-deploy-gate.yml"), context({ eventName: "push" }));
    expect(actions(runs).map((r) => [r.job, r.outcome, r.outputs.verdict])).toEqual([["mail-gate", "success", "pass"]]);
    const deploy = runs.find((r) => r.job === "deploy");
    expect(deploy?.outcome).toBe("success");
    expect(deploy?.stdout).toBe("deploying; mail gate said pass\n");
  });

  it("matrix.yml: one job per server (STARTTLS and implicit TLS), outputs read through env:", async () => {
    const runs = await runWorkflow(example("matrix.yml"), context({ eventName: "workflow_dispatch" }));
    expect(actions(runs).map((r) => r.outputs.verdict)).toEqual(["pass", "pass", "pass"]);
    const reads = runs.filter((r) => r.kind === "run");
    expect(reads.map((r) => r.outcome)).toEqual(["success", "success", "success"]);
    expect(reads[0]?.stdout).toMatch(/^verdict: pass\nhard failures: 0, soft: 0\n127\.0\.0\.1:\d+ — pass/);
  });

  it("matrix-shards.yml: four shard jobs upload their reports; the merge job merges them with this action alone", async () => {
    const ctx = context({ eventName: "workflow_dispatch", files: { "targets.yml": config(["postmaster@example.com", "ops@example.com", "nobody@example.com", "sales@example.com", "it@example.com"]) } });
    const runs = await runWorkflow(example("matrix-shards.yml"), ctx);
    const shards = actions(runs).filter((r) => r.job === "probe");
    expect(shards).toHaveLength(4);
    expect(shards.map((r) => r.outputs.verdict).filter((v) => v === "fail")).toEqual(["fail"]); // the one shard with nobody@
    const merge = actions(runs).find((r) => r.job === "merge");
    expect(merge?.outcome).toBe("failure");
    expect(merge?.outputs.verdict).toBe("fail");
    expect(merge?.outputs.summary).toMatch(/target-3 .*550 5\.1\.1/);
    expect(merge?.summary).toContain("## smtp-gate: ❌ FAIL");
    const merged = JSON.parse(readFileSync(join(ctx.artifacts, "smtp-gate-merged", "merged.json"), "utf8")) as { targets: { name: string; verdict: string }[] };
    expect(merged.targets.map((t) => t.name).sort()).toEqual(["target-1", "target-2", "target-3", "target-4", "target-5"]);
    expect(readdirSync(ctx.artifacts).sort()).toEqual(["smtp-gate-merged", "smtp-gate-shard-1", "smtp-gate-shard-2", "smtp-gate-shard-3", "smtp-gate-shard-4"]);
  }, 60_000);

  it("canary.yml: a healthy scheduled run opens no issue", async () => {
    const gh = await github();
    const runs = await runWorkflow(example("canary.yml"), context({ eventName: "schedule", event: { schedule: "23 * * * *" }, env: ghEnv(gh) }));
    expect(actions(runs).map((r) => [r.outcome, r.outputs.verdict])).toEqual([["success", "pass"]]);
    expect(gh.writes()).toEqual([]);
  });

  it("pr-comment.yml: one sticky comment on the pull request", async () => {
    const gh = await github();
    const runs = await runWorkflow(example("pr-comment.yml"), context({ eventName: "pull_request", event: { pull_request: { number: 7 } }, env: ghEnv(gh), files: { "config/smtp.yml": config(["postmaster@example.com"], false) } }));
    expect(actions(runs).map((r) => [r.outcome, r.outputs.verdict])).toEqual([["success", "pass"]]);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/o/r/issues/7/comments"]);
  });

  it("pr-probe.yml then pr-comment-workflow-run.yml: the fork-safe pair comments from the artifact", async () => {
    const gh = await github({ pulls: { 7: "abc123" } });
    const artifacts = artifactStore();
    const probe = await runWorkflow(example("pr-probe.yml"), context({ eventName: "pull_request", event: { pull_request: { number: 7 } }, env: ghEnv(gh), artifacts, files: { "config/smtp.yml": config(["nobody@example.com"], false) } }));
    expect(actions(probe).map((r) => [r.outcome, r.outputs.verdict])).toEqual([["failure", "fail"]]);
    expect(gh.writes()).toEqual([]); // part 1 never writes
    expect(readdirSync(join(artifacts, "smtp-gate-report")).sort()).toEqual(["pr-number", "report.json"]);
    const event = { workflow_run: { id: 1, event: "pull_request", head_sha: "abc123", pull_requests: [] } };
    const comment = await runWorkflow(example("pr-comment-workflow-run.yml"), context({ eventName: "workflow_run", event, env: ghEnv(gh), artifacts }));
    expect(actions(comment).map((r) => [r.outcome, r.outputs.verdict])).toEqual([["success", "fail"]]);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/o/r/issues/7/comments"]);
    expect(gh.comments[0]?.body).toContain("### smtp-gate: ❌ FAIL");
  }, 60_000);
});
