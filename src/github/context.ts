/**
 * The workflow run's context, read in one place: event name, repository, pull request number,
 * URLs and the sticky key's defaults. Read once into a plain value; nothing at import time.
 */
import { FILE_LIMITS, readTextFile } from "../config/read-file.js";

export interface GitHubContext {
  eventName: string;
  /** `owner/name` split, or null outside a workflow run. */
  repo: { owner: string; repo: string } | null;
  /** The pull request this run is about, from the event payload; null when there is none. */
  prNumber: number | null;
  /** For `workflow_run` events: the head SHA of the run that triggered this one. */
  workflowRunHeadSha: string | null;
  apiUrl: string;
  /** Link to this run, or null when the variables are missing. */
  runUrl: string | null;
  workflow: string;
  job: string;
}

type Env = Record<string, string | undefined>;

export function readGitHubContext(env: Env): GitHubContext {
  return parseGitHubContext(env, readEvent(env.GITHUB_EVENT_PATH));
}

function readEvent(path: string | undefined): unknown {
  if (!path) return {};
  const text = readTextFile(path, FILE_LIMITS.event, "an event payload");
  if (typeof text !== "string") return {};
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return {};
  }
}

/** Pure: environment and event payload in, context out. */
export function parseGitHubContext(env: Env, event: unknown): GitHubContext {
  const [owner, repo] = (env.GITHUB_REPOSITORY ?? "").split("/");
  const server = (env.GITHUB_SERVER_URL ?? "https://github.com").replace(/\/+$/, "");
  const runUrl = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}` : null;
  const e = (event && typeof event === "object" ? event : {}) as Payload;
  return {
    eventName: env.GITHUB_EVENT_NAME ?? "",
    repo: owner && repo ? { owner, repo } : null,
    prNumber: prNumberOf(e),
    workflowRunHeadSha: typeof e.workflow_run?.head_sha === "string" ? e.workflow_run.head_sha : null,
    apiUrl: (env.GITHUB_API_URL || "https://api.github.com").replace(/\/+$/, ""),
    runUrl,
    workflow: env.GITHUB_WORKFLOW ?? "",
    job: env.GITHUB_JOB ?? "",
  };
}

interface Payload {
  number?: unknown;
  pull_request?: { number?: unknown };
  issue?: { number?: unknown; pull_request?: unknown };
  workflow_run?: { head_sha?: unknown; pull_requests?: { number?: unknown }[] };
}

/**
 * pull_request(_target): `pull_request.number`; issue_comment on a PR: `issue.number`;
 * workflow_run: `pull_requests[0]`, which is empty for fork PRs (so the `pr-number` input wins).
 */
function prNumberOf(e: Payload): number | null {
  const candidates = [e.pull_request?.number, e.issue?.pull_request ? e.issue.number : undefined, e.workflow_run?.pull_requests?.[0]?.number];
  for (const c of candidates) if (typeof c === "number" && Number.isInteger(c) && c > 0) return c;
  return null;
}
