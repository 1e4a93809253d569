/**
 * The action's GitHub writes: the sticky pull request comment and the canary issue. Decides
 * whether any is needed (and only then loads Octokit), and turns every API failure into a
 * warning: a read-only token (fork pull requests) must not fail a mail check; the job summary
 * already has the whole report.
 *
 * Permissions: `pull-requests: write` for the comment, `issues: write` for the canary issue.
 */
import * as core from "@actions/core";
import type { Verdict } from "../model/enums.js";
import type { Report } from "../model/report.js";
import { syncCanaryIssue } from "../github/canary.js";
import { createGitHubApi, httpStatus, type GitHubApi } from "../github/client.js";
import type { GitHubContext } from "../github/context.js";
import { compactFacts } from "../report/facts.js";
import { upsertStickyComment } from "../github/sticky-comment.js";
import { renderComment } from "../report/comment.js";
import type { GitHubInputs } from "./inputs.js";

/** Events a scheduled canary runs on; elsewhere `canary-issue` is ignored (with a notice). */
const CANARY_EVENTS = ["schedule", "workflow_dispatch"];

export interface Plan {
  /** The pull request to comment on, or null for no comment. */
  commentOn: number | null;
  canary: boolean;
  key: string;
  /** Why nothing happens, when something was asked for. */
  skipped: string[];
}

/** Pure: what to do, given the inputs and the context. */
export function planGitHubWrites(inputs: GitHubInputs, ctx: GitHubContext): Plan {
  const pr = inputs.prNumber ?? ctx.prNumber;
  const skipped: string[] = [];
  let commentOn: number | null = null;
  if (inputs.comment === "always" || (inputs.comment === "auto" && (ctx.eventName === "pull_request" || inputs.commentFromReport))) {
    if (pr !== null) commentOn = pr;
    else if (inputs.comment === "always" || inputs.commentFromReport) skipped.push(`no pull request number in this ${ctx.eventName || "unknown"} event${inputs.commentFromReport ? " (set the pr-number input)" : ""}: no comment`);
  }
  let canary = false;
  if (inputs.canaryIssue) {
    if (CANARY_EVENTS.includes(ctx.eventName)) canary = true;
    else skipped.push(`canary-issue acts on schedule and workflow_dispatch runs, not on ${ctx.eventName || "this event"}`);
  }
  const key = inputs.commentKey ?? (`${ctx.workflow}/${ctx.job}` === "/" ? "smtp-gate" : `${ctx.workflow}/${ctx.job}`);
  return { commentOn, canary, key, skipped };
}

export interface FeatureDeps {
  createApi?: typeof createGitHubApi;
}

/** Runs the planned writes. Never throws and never fails the step. */
/** `all`: the counts of every target by verdict; `report` may show only the worst (report/stream.ts). */
export async function emitGitHubFeatures(report: Report, all: Readonly<Record<Verdict, number>>, inputs: GitHubInputs, ctx: GitHubContext, scrub: (s: string) => string, deps: FeatureDeps = {}): Promise<void> {
  const plan = planGitHubWrites(inputs, ctx);
  for (const s of plan.skipped) core.info(`smtp-gate: ${s}`);
  if (plan.commentOn === null && !plan.canary) return;
  if (!inputs.githubToken || !ctx.repo) {
    core.warning(`smtp-gate: no ${inputs.githubToken ? "GITHUB_REPOSITORY" : "github-token"}; cannot write the ${plan.canary ? "canary issue" : "pull request comment"}. The job summary has the full report.`);
    return;
  }
  let api: GitHubApi;
  try {
    api = await (deps.createApi ?? createGitHubApi)({ token: inputs.githubToken, repo: ctx.repo, baseUrl: ctx.apiUrl, log: (m) => core.info(`smtp-gate: ${m}`) });
  } catch (err) {
    core.warning(`smtp-gate: cannot set up the GitHub API client: ${message(err)}`);
    return;
  }
  const facts = compactFacts(report);

  if (plan.commentOn !== null) {
    const pr = plan.commentOn;
    try {
      if (inputs.commentFromReport && ctx.eventName === "workflow_run" && ctx.workflowRunHeadSha) {
        // The PR number came from an input (often from the untrusted artifact): it must name the PR
        // whose run produced this report, or a forged number would comment on someone else's PR.
        const head = await api.pullHeadSha(pr);
        if (head !== ctx.workflowRunHeadSha) {
          core.warning(`smtp-gate: pull request #${pr} has head ${head.slice(0, 12)}, not the triggering run's ${ctx.workflowRunHeadSha.slice(0, 12)}; no comment.`);
          return;
        }
      }
      const r = await upsertStickyComment(api, { pr, key: plan.key, render: (previous) => scrub(renderComment(report, { key: plan.key, facts, previous, runUrl: ctx.runUrl, all })) });
      core.info(`smtp-gate: pull request comment ${r.action}: ${r.url}`);
    } catch (err) {
      core.warning(apiWarning(err, `comment on pull request #${pr}`, "pull-requests: write"));
    }
  }

  if (plan.canary) {
    try {
      const r = await syncCanaryIssue(api, { key: plan.key, report, all, facts, runUrl: ctx.runUrl, scrub });
      core.info(`smtp-gate: canary issue "${plan.key}": ${r.action}${r.url ? ` ${r.url}` : ""}`);
    } catch (err) {
      core.warning(apiWarning(err, "update the canary issue", "issues: write"));
    }
  }
}

function apiWarning(err: unknown, what: string, permission: string): string {
  const status = httpStatus(err);
  const base = `smtp-gate: could not ${what}`;
  if (status === 403 || status === 401) {
    return `${base} (HTTP ${status}): the token is read-only here — a pull request from a fork, or a workflow without \`permissions: ${permission}\`. The job summary has the full report; for fork pull requests, post the comment from a workflow_run workflow with \`comment-from-report\` (see examples/).`;
  }
  if (status === 404) return `${base} (HTTP 404): not found, or the token cannot see it (\`permissions: ${permission}\`).`;
  return `${base}: ${message(err)}`;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
