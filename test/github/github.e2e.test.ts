/**
 * The built action (`node dist/index.js`) with the real `@actions/github` client against a
 * loopback GitHub stand-in: what it asks, what it writes, and that it writes nothing else.
 */
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { ensureBuilt } from "../support/built.js";
import { injectedReports, unsafeLines } from "../support/injected-report.js";
import { markdownEffects } from "../support/markdown-effects.js";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { plainResponse } from "../../src/protocol/auth.js";
import { inShard } from "../../src/model/shard.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { commands, runAction, type ActionRun } from "../action/run-action.js";
import { BOT, startFakeGitHub, type FakeGitHub, type FakeGitHubOptions } from "./fake-github.js";

const PASSWORD = "Canary-Pw-51de";
const USER = "app@example.com";
const TOKEN = "ghs_fakeTokenForTests0001";
const SECRETS = [PASSWORD, plainResponse(USER, PASSWORD), Buffer.from(PASSWORD).toString("base64")];

const closers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((s) => s.close()));
});

let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});


/** A mail server whose RCPT reply can be changed between runs; AUTH echoes its payload (which must be redacted). */
async function mailServer(): Promise<ScriptedServer & { rcpt: string }> {
  const state = { rcpt: "250 2.1.5 Ok\r\n" };
  const srv = await startScriptedSmtp({
    // STARTTLS first: credentials go only over TLS to a server not on loopback (contract §7).
    EHLO: "250-test.local\r\n250-STARTTLS\r\n250-AUTH PLAIN\r\n250 ENHANCEDSTATUSCODES\r\n",
    STARTTLS: "220 2.0.0 Ready to start TLS\r\n",
    AUTH: (line) => (line.includes(plainResponse(USER, PASSWORD)) ? "235 2.7.0 Authentication successful\r\n" : `535 5.7.8 rejected ${line}\r\n`),
    MAIL: "250 2.1.0 Ok\r\n",
    RCPT: () => state.rcpt,
    RSET: "250 2.0.0 Ok\r\n",
  }, { tls: { cert: certs.certPem, key: certs.keyPem } });
  closers.push(srv);
  return Object.defineProperty(srv, "rcpt", { get: () => state.rcpt, set: (v: string) => (state.rcpt = v) }) as ScriptedServer & { rcpt: string };
}

async function github(opts: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const gh = await startFakeGitHub(opts);
  closers.push(gh);
  return gh;
}

function probeInputs(srv: ScriptedServer, extra: Record<string, string> = {}): Record<string, string> {
  return {
    host: "127.0.0.1", port: String(srv.port), tls: "starttls", ca: certs.caFile, username: USER, password: PASSWORD, auth: "PLAIN",
    from: USER, to: "postmaster@example.com", timeout: "5", "github-token": TOKEN, ...extra,
  };
}

function ghEnv(gh: FakeGitHub, event = "pull_request", runId = "1001"): Record<string, string> {
  return {
    GITHUB_API_URL: gh.url, GITHUB_SERVER_URL: "https://github.test", GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: runId,
    GITHUB_WORKFLOW: "mail", GITHUB_JOB: "probe", GITHUB_EVENT_NAME: event,
  };
}

const PR_EVENT = { pull_request: { number: 7 } };
const MARKER = "<!-- smtp-gate:mail/probe -->";

/** No secret in any request the fake received, nor the token in a body. */
function expectNoSecrets(gh: FakeGitHub): void {
  for (const r of gh.requests) {
    for (const s of [...SECRETS, TOKEN]) {
      expect(r.body).not.toContain(s);
      expect(r.path).not.toContain(s);
    }
  }
}

function warnings(run: ActionRun): string[] {
  return commands(run.stdout, "warning").map((w) => w.message);
}

describe("sticky pull request comment", () => {
  it("creates one comment, updates it in place, then leaves it alone when nothing changed", async () => {
    const srv = await mailServer();
    const gh = await github();
    srv.rcpt = "550 5.1.1 No such user <postmaster@example.com> --> #12 @admin\r\n";

    const first = await runAction(probeInputs(srv), ghEnv(gh, "pull_request", "1001"), PR_EVENT);
    expect(first.code).toBe(1); // the verdict fails the step, not the comment
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/o/r/issues/7/comments"]);
    expect(gh.requests[0]?.authorization).toBe(`token ${TOKEN}`);
    const created = gh.comments[0];
    expect(created?.body.startsWith(`${MARKER}\n<!-- smtp-gate:facts {`)).toBe(true);
    expect(created?.body).toContain("### smtp-gate: ❌ FAIL");
    expect(created?.body).toContain("https://github.test/o/r/actions/runs/1001");
    // A server reply cannot close the hidden block, mention someone or link an issue.
    expect(created?.body.match(/-->/g)).toHaveLength(2);
    expect(created?.body).not.toMatch(/@admin|(^|[^&])#12/);

    srv.rcpt = "250 2.1.5 Ok\r\n";
    const second = await runAction(probeInputs(srv), ghEnv(gh, "pull_request", "1002"), PR_EVENT);
    expect(second.code).toBe(0);
    expect(gh.writes().slice(1).map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/o/r/issues/comments/${created?.id}`]);
    expect(gh.comments).toHaveLength(1);
    const updated = gh.comments[0]?.body ?? "";
    expect(updated).toContain("### smtp-gate: ✅ PASS");
    expect(updated).toContain("no longer holds");
    expect(updated).toContain("`RCPT TO:<postmaster@example.com>` 550 → 250");
    expect(updated).toContain("actions/runs/1002");
    expect(updated).not.toContain("FAIL");

    const third = await runAction(probeInputs(srv), ghEnv(gh, "pull_request", "1003"), PR_EVENT);
    expect(third.code).toBe(0);
    expect(gh.writes()).toHaveLength(2); // unchanged: no write
    expect(gh.comments[0]?.body).toBe(updated);
    expect(third.stdout).toContain("pull request comment unchanged");
    expectNoSecrets(gh);
  });

  it("never sends a secret, even when the server echoes the AUTH payload into a failing reply", async () => {
    const srv = await startScriptedSmtp({
      EHLO: "250-test.local\r\n250-STARTTLS\r\n250 AUTH PLAIN\r\n",
      STARTTLS: "220 2.0.0 Ready to start TLS\r\n",
      AUTH: (line) => `535 5.7.8 rejected ${line} for ${PASSWORD}\r\n`,
    }, { tls: { cert: certs.certPem, key: certs.keyPem } });
    closers.push(srv);
    const gh = await github();
    const run = await runAction(probeInputs(srv), ghEnv(gh), PR_EVENT);
    expect(run.code).toBe(1);
    expect(gh.writes()).toHaveLength(1);
    expect(gh.comments[0]?.body).toContain("535 5.7.8");
    expectNoSecrets(gh);
  });

  it("finds its comment on page 2 of 150, ignoring a look-alike by a person", async () => {
    const srv = await mailServer();
    const gh = await github();
    for (let i = 0; i < 150; i++) {
      if (i === 20) gh.addComment(7, `${MARKER}\nquoted by a person`, { login: "mallory", type: "User" });
      else if (i === 120) gh.addComment(7, `${MARKER}\nold smtp-gate comment`, BOT);
      else gh.addComment(7, `comment ${i}`);
    }
    const ours = gh.comments[120];
    const run = await runAction(probeInputs(srv), ghEnv(gh), PR_EVENT);
    expect(run.code).toBe(0);
    expect(gh.requests.filter((r) => r.method === "GET" && r.path.startsWith("/repos/o/r/issues/7/comments")).map((r) => new URL(r.path, gh.url).searchParams.get("page") ?? "1")).toEqual(["1", "2"]);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/o/r/issues/comments/${ours?.id}`]);
    expect(gh.comments[20]?.body).toBe(`${MARKER}\nquoted by a person`);
    expect(gh.comments).toHaveLength(150);
    expectNoSecrets(gh);
  });

  it("with a personal access token, matches comments by the token's own login", async () => {
    const srv = await mailServer();
    const me = { login: "octocat", type: "User" as const };
    const gh = await github({ viewer: "octocat", actor: me });
    gh.addComment(7, `${MARKER}\nby another bot`, BOT);
    const mine = gh.addComment(7, `${MARKER}\nmine`, me);
    const run = await runAction(probeInputs(srv, { comment: "always" }), ghEnv(gh, "issue_comment"), { issue: { number: 7, pull_request: {} } });
    expect(run.code).toBe(0);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual([`PATCH /repos/o/r/issues/comments/${mine.id}`]);
  });

  it("on a fork's read-only token: a warning, exit code from the verdict only, summary complete, fast", async () => {
    const srv = await mailServer();
    const gh = await github({ readOnly: true });
    const run = await runAction(probeInputs(srv), ghEnv(gh), PR_EVENT);
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
    // One write, not retried: what made it fast, counted rather than timed.
    expect(gh.writes()).toHaveLength(1);
    const w = warnings(run);
    expect(w).toHaveLength(1);
    expect(w[0]).toMatch(/HTTP 403.*read-only.*fork/);
    expect(run.summary).toContain("## smtp-gate: ✅ PASS");
    expect(run.summary).toContain("<details><summary>Transcript of");
    expect(commands(run.stdout, "error")).toEqual([]);
  });

  it("writes nothing and loads no Octokit with comment: never, or outside pull requests with auto", async () => {
    const srv = await mailServer();
    const gh = await github();
    // A copy of dist without the lazily loaded chunks: a run that imported Octokit would crash.
    const dist = mkdtempSync(join(tmpdir(), "smtp-gate-dist-"));
    cpSync(dirname(ensureBuilt().action), dist, { recursive: true });
    let removed = 0;
    for (const f of readdirSync(dist)) {
      if (/^\d+\.index\.js$/.test(f) && /octokit|Bottleneck/.test(readFileSync(join(dist, f), "utf8"))) {
        rmSync(join(dist, f));
        removed++;
      }
    }
    expect(removed).toBeGreaterThan(0);
    try {
      const never = await runAction(probeInputs(srv, { comment: "never" }), ghEnv(gh), PR_EVENT, join(dist, "index.js"));
      expect(never.code).toBe(0);
      expect(never.stderr).toBe("");
      const push = await runAction(probeInputs(srv), ghEnv(gh, "push"), {}, join(dist, "index.js"));
      expect(push.code).toBe(0);
      expect(commands(push.stdout, "warning")).toEqual([]);
      expect(gh.requests).toEqual([]);
    } finally {
      rmSync(dist, { recursive: true, force: true });
    }
  });

  it("keeps Octokit out of the CLI bundle and out of the action's main bundle", () => {
    const cliDir = dirname(ensureBuilt().cli);
    const cliFiles = readdirSync(cliDir).filter((f) => f.endsWith(".js"));
    for (const f of cliFiles) expect(readFileSync(join(cliDir, f), "utf8")).not.toMatch(/@octokit|octokit-core|Bottleneck/);
    expect(readFileSync(ensureBuilt().action, "utf8")).not.toMatch(/octokit-core|Bottleneck/);
  });
});

describe("comment-from-report (fork-safe workflow_run)", () => {
  async function reportFrom(srv: ScriptedServer, gh: FakeGitHub): Promise<string> {
    const probe = await runAction(probeInputs(srv, { comment: "never" }), ghEnv(gh, "pull_request"), PR_EVENT);
    const path = join(mkdtempSync(join(tmpdir(), "smtp-gate-artifact-")), "report.json");
    writeFileSync(path, readFileSync(probe.outputs["report-file"] as string));
    return path;
  }

  it("posts the artifact's report on the named pull request without probing or failing", async () => {
    const srv = await mailServer();
    srv.rcpt = "550 5.1.1 No such user\r\n";
    const gh = await github({ pulls: { 9: "abc123" } });
    const report = await reportFrom(srv, gh);
    const connections = srv.connections;
    const run = await runAction({ "comment-from-report": report, "pr-number": "9", "github-token": TOKEN }, ghEnv(gh, "workflow_run"), { workflow_run: { head_sha: "abc123", pull_requests: [] } });
    expect(run.code).toBe(0);
    expect(srv.connections).toBe(connections);
    expect(run.outputs.verdict).toBe("fail");
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/o/r/issues/9/comments"]);
    expect(gh.comments[0]?.body).toContain("### smtp-gate: ❌ FAIL");
    expectNoSecrets(gh);
  });

  it.each(Object.entries({ LF: "\n", CR: "\r", "CR CR": "\r\r" }))("posts a pull request's hostile report inert: %s in every string field", async (_name, brk) => {
    const gh = await github({ pulls: { 9: "abc123" } });
    const path = join(mkdtempSync(join(tmpdir(), "smtp-gate-artifact-")), "report.json");
    writeFileSync(path, JSON.stringify(injectedReports(brk, 1)[0]));
    const run = await runAction({ "comment-from-report": path, "pr-number": "9", "github-token": TOKEN }, ghEnv(gh, "workflow_run"), { workflow_run: { head_sha: "abc123", pull_requests: [] } });
    expect(run.code).toBe(0);
    const body = gh.comments[0]?.body ?? "";
    expect(body).toContain("Injected"); // shown, as text
    expect(unsafeLines(body)).toEqual([]);
    const effects = markdownEffects(body);
    expect(effects.links.filter((href) => !href.startsWith("https://github.test/"))).toEqual([]);
    expect(effects).toMatchObject({ mention: 0, issue: 0, url: 0, www: 0 });
    expect(unsafeLines(run.summary)).toEqual([]);
    // The log holds smtp-gate's own workflow commands only: the token's mask, and annotations (whose data core escapes).
    const commandLines = run.stdout.split("\n").filter((l) => /^\s*::/.test(l) && l !== `::add-mask::${TOKEN}`);
    for (const line of commandLines) expect(line).toMatch(/^::(error|warning|notice) (title|file)=/);
    expect(run.stdout).not.toMatch(/^\s*::(add-mask::x|stop-commands|error title=Injected)/m);
  });

  it("refuses a pull request number whose head is not the triggering run's", async () => {
    const srv = await mailServer();
    const gh = await github({ pulls: { 9: "someoneelse" } });
    const report = await reportFrom(srv, gh);
    const run = await runAction({ "comment-from-report": report, "pr-number": "9", "github-token": TOKEN }, ghEnv(gh, "workflow_run"), { workflow_run: { head_sha: "abc123" } });
    expect(run.code).toBe(0);
    expect(gh.writes()).toEqual([]);
    expect(warnings(run)[0]).toMatch(/pull request #9 has head someoneelse/);
  });

  it("fails clearly on a file that is not a report", async () => {
    const gh = await github();
    const bad = join(mkdtempSync(join(tmpdir(), "smtp-gate-artifact-")), "report.json");
    writeFileSync(bad, '{"schema":"other"}');
    const run = await runAction({ "comment-from-report": bad, "pr-number": "9", "github-token": TOKEN }, ghEnv(gh, "workflow_run"), {});
    expect(run.code).toBe(1);
    expect(commands(run.stdout, "error")[0]?.message).toMatch(/not an smtp-gate report/);
    expect(gh.requests).toEqual([]);
  });
});

describe("canary issue", () => {
  it("opens once, comments only when the failure changes, closes on recovery — at most one write per run", async () => {
    const srv = await mailServer();
    const gh = await github();
    const inputs = probeInputs(srv, { "canary-issue": "true", "comment-key": "prod-submission" });
    let writesBefore = 0;
    const step = async (rcpt: string, runId: string) => {
      srv.rcpt = rcpt;
      const run = await runAction(inputs, ghEnv(gh, "schedule", runId), { schedule: "17 * * * *" });
      const writes = gh.writes().slice(writesBefore);
      writesBefore = gh.writes().length;
      expect(writes.length).toBeLessThanOrEqual(1);
      expect(warnings(run)).toEqual([]);
      return writes.map((r) => `${r.method} ${r.path}`);
    };

    expect(await step("550 5.1.1 No such user\r\n", "1")).toEqual(["POST /repos/o/r/issues"]);
    const issue = gh.issues[0];
    expect(issue?.labels).toEqual(["smtp-gate-canary"]);
    expect(issue?.title).toBe("smtp-gate canary failing: prod-submission");
    expect(issue?.body).toContain("<!-- smtp-gate:canary:prod-submission -->");

    expect(await step("550 5.1.1 No such user\r\n", "2")).toEqual([]); // same failure: quiet
    expect(gh.requests.filter((r) => r.method === "GET" && r.path.startsWith("/repos/o/r/issues?")).length).toBe(2);

    expect(await step("554 5.7.1 Relay access denied\r\n", "3")).toEqual([`POST /repos/o/r/issues/${issue?.number}/comments`]);
    expect(gh.comments.at(-1)?.body).toContain("The failure changed");
    expect(gh.comments.at(-1)?.body).toMatch(/550 → 554/);
    expect(await step("554 5.7.1 Relay access denied\r\n", "4")).toEqual([]);

    expect(await step("250 2.1.5 Ok\r\n", "5")).toEqual([`PATCH /repos/o/r/issues/${issue?.number}`]);
    expect(issue?.state).toBe("closed");
    expect(issue?.state_reason).toBe("completed");
    expect(issue?.body).toMatch(/Recovered.*actions\/runs\/5/);
    expect(await step("250 2.1.5 Ok\r\n", "6")).toEqual([]);

    expect(await step("550 5.1.1 No such user\r\n", "7")).toEqual(["POST /repos/o/r/issues"]);
    expect(gh.issues.filter((i) => i.state === "open")).toHaveLength(1);
    expectNoSecrets(gh);
  });

  it("ignores canary-issue outside scheduled runs and on a pull request", async () => {
    const srv = await mailServer();
    srv.rcpt = "550 5.1.1 No such user\r\n";
    const gh = await github();
    const run = await runAction(probeInputs(srv, { "canary-issue": "true", comment: "never" }), ghEnv(gh, "push"), {});
    expect(run.code).toBe(1);
    expect(gh.requests).toEqual([]);
  });
});

describe("merge-reports: a sharded fleet's last job, with this action alone", () => {
  /** Two matrix jobs of one run (`config` + `shard: 1/2`, `2/2`) writing their reports, as examples/matrix-shards.yml does. */
  async function shardReports(gh: FakeGitHub, allHealthy = false): Promise<{ dir: string; servers: ScriptedServer[] }> {
    const healthy = await mailServer();
    const broken = await mailServer();
    if (!allHealthy) broken.rcpt = "550 5.1.1 No such user\r\n";
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-shards-"));
    // One name per shard: the shard is a hash of the name (model/shard.ts).
    const names = Array.from({ length: 50 }, (_, i) => `mail-${i}`);
    const first = names.find((n) => inShard(n, { index: 1, count: 2 })) as string;
    const second = names.find((n) => inShard(n, { index: 2, count: 2 })) as string;
    const target = (name: string, srv: ScriptedServer) =>
      `  - { name: ${name}, host: 127.0.0.1, port: ${srv.port}, tls: starttls, ca: ${certs.caFile}, username: ${USER}, password-env: SMTP_PASSWORD, from: ${USER}, to: [postmaster@example.com], timeout: 5 }`;
    writeFileSync(join(dir, "targets.yml"), ["targets:", target(first, healthy), target(second, broken), ""].join("\n"));
    for (const i of [1, 2]) {
      const shard = await runAction({ config: join(dir, "targets.yml"), shard: `${i}/2`, comment: "never", "report-file": join(dir, `shard-${i}.json`), "github-token": TOKEN }, { ...ghEnv(gh, "pull_request"), SMTP_PASSWORD: PASSWORD }, PR_EVENT);
      expect(shard.code, shard.stdout).toBe(i === 1 || allHealthy ? 0 : 1);
    }
    return { dir, servers: [healthy, broken] };
  }

  it("merges two shard reports into one verdict, outputs, report, job summary and PR comment, and fails the step", async () => {
    const gh = await github();
    const { dir, servers } = await shardReports(gh);
    const connections = servers.map((s) => s.connections);
    const run = await runAction({ "merge-reports": `${dir}/shard-*.json`, "report-file": join(dir, "merged.json"), "github-token": TOKEN }, ghEnv(gh, "pull_request"), PR_EVENT);
    expect(servers.map((s) => s.connections)).toEqual(connections); // nothing probed
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.outputs["hard-failures"]).toBe("1");
    expect(run.outputs["report-file"]).toBe(join(dir, "merged.json"));
    expect(run.outputs.summary).toMatch(/^mail-\d+ \(127\.0\.0\.1:\d+\) — 550 5\.1\.1 on "RCPT TO:<postmaster@example\.com>"/);
    const merged = JSON.parse(readFileSync(join(dir, "merged.json"), "utf8")) as { verdict: string; targets: { port: number; verdict: string }[] };
    expect(merged.targets.map((t) => [t.port, t.verdict])).toEqual(servers.map((s, i) => [s.port, i === 0 ? "pass" : "fail"]));
    expect(run.summary).toContain("## smtp-gate: ❌ FAIL");
    expect(run.summary).toContain(`127.0.0.1:${servers[0]?.port}`);
    expect(run.summary).toContain(`127.0.0.1:${servers[1]?.port}`);
    expect(gh.writes().map((r) => `${r.method} ${r.path}`)).toEqual(["POST /repos/o/r/issues/7/comments"]);
    expect(gh.comments[0]?.body).toContain("### smtp-gate: ❌ FAIL");
    expect(commands(run.stdout, "error").some((e) => e.message.includes("550 5.1.1"))).toBe(true);
    expectNoSecrets(gh);
  });

  it("passes when every shard passed", async () => {
    const gh = await github();
    const { dir } = await shardReports(gh, true);
    const run = await runAction({ "merge-reports": `${dir}/shard-*.json`, comment: "never" }, ghEnv(gh, "push"), {});
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
  });

  it("a shard whose report is missing fails the step before anything is written, naming the pattern", async () => {
    const gh = await github();
    const { dir } = await shardReports(gh);
    const missing = join(dir, "shard-3.json");
    const run = await runAction({ "merge-reports": `${join(dir, "shard-1.json")}\n${join(dir, "shard-2.json")}\n${missing}`, comment: "never" }, ghEnv(gh, "push"), {});
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBeUndefined();
    expect(commands(run.stdout, "error").map((e) => e.message).join("\n")).toContain(`input merge-reports: "${missing}" matches no file: did every shard's artifact download?`);
  });

  it("a missing shard (the glob finds one of two) fails the merged verdict, naming the shard", async () => {
    const gh = await github();
    const { dir } = await shardReports(gh, true);
    rmSync(join(dir, "shard-2.json"));
    const run = await runAction({ "merge-reports": `${dir}/shard-*.json`, comment: "never" }, ghEnv(gh, "push"), {});
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.outputs.summary).toMatch(/^merge: 1 of 2 shards missing/);
    expect(run.summary).toContain("shard 2/2");
  });

  it("a repeated shard (one shard's report under two names) is refused, naming both files", async () => {
    const gh = await github();
    const { dir } = await shardReports(gh, true);
    writeFileSync(join(dir, "shard-1-again.json"), readFileSync(join(dir, "shard-1.json")));
    const run = await runAction({ "merge-reports": `${dir}/shard-*.json`, comment: "never" }, ghEnv(gh, "push"), {});
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBeUndefined();
    expect(run.stdout).toMatch(/input merge-reports: .*shard-1(-again)?\.json: run\.shard: repeats shard 1\/2, already given by .*shard-1(-again)?\.json/);
  });

  it("a file that is not a report is named, with its field", async () => {
    const gh = await github();
    const dir = mkdtempSync(join(tmpdir(), "smtp-gate-shards-"));
    writeFileSync(join(dir, "shard-1.json"), JSON.stringify({ schema: "something-else" }));
    const run = await runAction({ "merge-reports": `${dir}/*.json`, comment: "never" }, ghEnv(gh, "push"), {});
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/input merge-reports: .*shard-1\.json.*schema/);
  });

  it("does not go with inputs that probe", async () => {
    const gh = await github();
    const { dir } = await shardReports(gh);
    const run = await runAction({ "merge-reports": `${dir}/*.json`, host: "127.0.0.1", comment: "never" }, ghEnv(gh, "push"), {});
    expect(run.code).toBe(1);
    expect(commands(run.stdout, "error").map((e) => e.message).join("\n")).toMatch(/input merge-reports: merges reports written by earlier jobs and probes nothing: it does not go with host/);
  });
});
