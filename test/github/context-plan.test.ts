import { describe, expect, it } from "vitest";
import { planGitHubWrites } from "../../src/action/github-features.js";
import type { GitHubInputs } from "../../src/action/inputs.js";
import { parseReportJson } from "../../src/report/read-report.js";
import { formatProblem } from "../../src/config/errors.js";
import { parseGitHubContext } from "../../src/github/context.js";
import { renderJson } from "../../src/report/json.js";
import type { Report } from "../../src/model/report.js";

const env = { GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "42", GITHUB_SERVER_URL: "https://ghe.example/", GITHUB_API_URL: "https://ghe.example/api/v3", GITHUB_WORKFLOW: "mail", GITHUB_JOB: "probe" };

describe("parseGitHubContext", () => {
  it.each([
    ["pull_request", { number: 3, pull_request: { number: 3 } }, 3],
    ["issue_comment on a PR", { issue: { number: 4, pull_request: {} } }, 4],
    ["issue_comment on an issue", { issue: { number: 5 } }, null],
    ["workflow_run with a PR", { workflow_run: { pull_requests: [{ number: 6 }] } }, 6],
    ["workflow_run from a fork", { workflow_run: { pull_requests: [] } }, null],
    ["push", { ref: "refs/heads/main" }, null],
    ["garbage", "nope", null],
  ])("%s → PR %s", (_, event, pr) => {
    expect(parseGitHubContext(env, event).prNumber).toBe(pr);
  });

  it("builds the run link and API URL from the environment", () => {
    const c = parseGitHubContext({ ...env, GITHUB_EVENT_NAME: "workflow_run" }, { workflow_run: { head_sha: "abc" } });
    expect(c).toMatchObject({ eventName: "workflow_run", repo: { owner: "o", repo: "r" }, runUrl: "https://ghe.example/o/r/actions/runs/42", apiUrl: "https://ghe.example/api/v3", workflowRunHeadSha: "abc" });
    expect(parseGitHubContext({}, {})).toMatchObject({ repo: null, runUrl: null, apiUrl: "https://api.github.com" });
  });
});

describe("planGitHubWrites", () => {
  const inputs = (over: Partial<GitHubInputs> = {}): GitHubInputs => ({ comment: "auto", githubToken: "t", commentKey: null, canaryIssue: false, commentFromReport: null, prNumber: null, ...over });
  const ctx = (eventName: string, event: unknown = {}) => parseGitHubContext({ ...env, GITHUB_EVENT_NAME: eventName }, event);

  it.each([
    ["auto on pull_request", inputs(), ctx("pull_request", { pull_request: { number: 7 } }), 7],
    ["auto on push", inputs(), ctx("push"), null],
    ["auto on issue_comment", inputs(), ctx("issue_comment", { issue: { number: 7, pull_request: {} } }), null],
    ["always on issue_comment", inputs({ comment: "always" }), ctx("issue_comment", { issue: { number: 7, pull_request: {} } }), 7],
    ["always without a PR", inputs({ comment: "always" }), ctx("push"), null],
    ["never on pull_request", inputs({ comment: "never" }), ctx("pull_request", { pull_request: { number: 7 } }), null],
    ["from a report with pr-number", inputs({ commentFromReport: "r.json", prNumber: 9 }), ctx("workflow_run"), 9],
  ])("%s → comment on %s", (_, i, c, pr) => {
    expect(planGitHubWrites(i, c).commentOn).toBe(pr);
  });

  it("runs the canary on schedule and workflow_dispatch only, and keys by workflow/job by default", () => {
    expect(planGitHubWrites(inputs({ canaryIssue: true }), ctx("schedule"))).toMatchObject({ canary: true, key: "mail/probe" });
    expect(planGitHubWrites(inputs({ canaryIssue: true }), ctx("workflow_dispatch")).canary).toBe(true);
    expect(planGitHubWrites(inputs({ canaryIssue: true, commentKey: "k" }), ctx("push"))).toMatchObject({ canary: false, key: "k" });
  });
});

describe("parseReportJson (an untrusted artifact)", () => {
  const report: Report = {
    schema: "smtp-gate/report@1", verdict: "fail", tool: { name: "smtp-gate", version: "1.0.0" }, startedAt: "2025-01-01T00:00:00.000Z",
    targets: [{
      name: "a:25", host: "a", port: 25, tlsMode: "none", server: null, verdict: "fail", durationMs: 5, error: null, tls: null, extensions: ["PIPELINING"], extensionsBeforeTls: null,
      steps: [{ command: null, verb: null, reply: { code: 220, enhanced: null, lines: ["hi"], ending: "crlf" }, class: "success", expected: "220", verdict: "pass", ms: 1, phase: "reading the greeting" }],
      findings: [{ id: "x", severity: "error", step: 0, message: "m", cause: null, causes: [], ruledOut: [], fixes: [] }], transcript: [], transcriptCapped: false, unsolicitedReplies: 0,
    }],
  };

  it("reads back what renderJson wrote", () => {
    expect(parseReportJson(renderJson(report))).toEqual(report);
  });

  it.each([
    ["not JSON", "{", /not JSON/],
    ["another schema", '{"schema":"x","targets":[]}', /not an smtp-gate report/],
    ["no targets", '{"schema":"smtp-gate/report@1"}', /targets: must be a list/],
  ])("refuses %s", (_, text, re) => {
    const r = parseReportJson(text);
    expect("problem" in r && formatProblem(r.problem)).toMatch(re);
  });

  it("refuses a field of the wrong type, naming it, instead of trusting or guessing", () => {
    const bad = (targets: unknown) => parseReportJson(JSON.stringify({ schema: "smtp-gate/report@1", verdict: "fail", targets }), "shard.json");
    expect(bad([{ name: 5 }])).toEqual({ problem: { field: "targets[0].name", message: "must be a string", file: "shard.json" } });
    expect(bad([{ steps: [{ command: { x: 1 } }] }])).toMatchObject({ problem: { field: "targets[0].steps[0].command" } });
    expect(bad([{ steps: [{ reply: { code: "550" } }] }])).toMatchObject({ problem: { field: "targets[0].steps[0].reply.code" } });
    expect(bad([{ findings: "no" }])).toMatchObject({ problem: { field: "targets[0].findings", message: "must be a list" } });
    expect(parseReportJson(JSON.stringify({ schema: "smtp-gate/report@1", verdict: "evil", targets: [] }))).toMatchObject({ problem: { field: "verdict" } });
  });

  it("defaults fields an older report lacks", () => {
    const r = parseReportJson(JSON.stringify({ schema: "smtp-gate/report@1", verdict: "pass", targets: [{ name: "a", steps: [{ command: null, reply: null }] }] }));
    expect("problem" in r).toBe(false);
    const t = (r as Report).targets[0];
    expect(t?.findings).toEqual([]);
    expect(t?.transcript).toEqual([]);
    expect(t?.steps[0]).toMatchObject({ command: null, reply: null, class: null, verdict: "fail" });
  });
});
