/**
 * Every action input, read once into a plain value (no reading at import time). Validation is
 * the engine's own (config/resolve), so the action and the CLI refuse exactly the same things.
 */
import type { ConfigProblem } from "../config/errors.js";
import { loadConfigFile } from "../config/file.js";
import { TARGET_KEYS, notOneOf, type TargetKey } from "../config/keys.js";
import { unwritablePath, type OutputKind } from "../config/output-path.js";
import { parseShard, type Shard } from "../model/shard.js";
import { localIo } from "../config/local-io.js";
import { resolveTarget } from "../config/resolve.js";
import type { RawTarget } from "../config/keys.js";
import type { TargetConfig } from "../config/target.js";
import { userinfoPassword } from "../protocol/address.js";
import { secretForms } from "../protocol/auth.js";
import { findReportFiles } from "../report/shard-files.js";
import { openTargetsFile } from "../config/targets-file.js";
import { DEFAULT_CONCURRENCY, parseConcurrency } from "../config/values.js";
import type { RunIdentity } from "../model/report.js";
import type { SecretForms } from "../protocol/redact.js";

export type CommentMode = "auto" | "always" | "never";

export interface ActionInputs {
  /** Empty with `comment-from-report`: nothing is probed then. A `targets-file`'s lines are read as the probes go. */
  targets: TargetConfig[] | AsyncIterable<TargetConfig>;
  /** The matrix job's share of the targets, after address expansion (a `targets-file` is sharded by its lines instead). */
  shard?: Shard;
  /** The run's identity when `targets` are this shard's already (a `targets-file`), counted over all its lines. */
  identity?: RunIdentity;
  /** The secrets a config file named (`password-env`, `oauth-token-env`), to mask. */
  secrets: string[];
  reportFile: string;
  junitFile: string | null;
  /** `merge-reports`: the shard reports of a fleet to merge instead of probing. */
  mergeReports: string[] | null;
  /** Targets probed at once. */
  concurrency: number;
  github: GitHubInputs;
}

/** What the GitHub features (sticky comment, canary issue) were asked to do. */
export interface GitHubInputs {
  comment: CommentMode;
  githubToken: string;
  /** Sticky key; null means the default `${GITHUB_WORKFLOW}/${GITHUB_JOB}`. */
  commentKey: string | null;
  canaryIssue: boolean;
  /** Path of a JSON report to comment from instead of probing. */
  commentFromReport: string | null;
  prNumber: number | null;
}

export type GetInput = (name: string) => string;

/** Input names that are not target keys. */
const RUN_INPUTS = ["config", "report-file", "junit-file", "comment", "github-token", "comment-key", "canary-issue", "comment-from-report", "pr-number", "shard", "merge-reports", "targets-file", "concurrency"] as const;

/** Every printable form of the secrets among the inputs, to mask before anything is logged. */
export function secretValues(get: GetInput): SecretForms[] {
  const user = get("username");
  const proxyUser = get("socks5-username");
  // A password written into a URL-shaped input (`socks5://user:PASS@host`) is refused, and masked first.
  const inUrls = ["socks5", "resolver", "host", "mx"].map((k) => userinfoPassword(get(k))).filter((s): s is string => s !== null);
  return [
    ...[get("password"), get("oauth-token")].filter((s) => s).map((secret) => secretForms(user, secret)),
    ...[get("socks5-password"), ...inUrls].filter((s) => s).map((secret) => secretForms(proxyUser, secret)),
  ];
}

export async function readInputs(get: GetInput, env: Record<string, string | undefined>): Promise<ActionInputs | { problems: ConfigProblem[] }> {
  const problems: ConfigProblem[] = [];
  const raw: RawTarget = {};
  for (const k of TARGET_KEYS) {
    // Secrets in a config file go by *-env; as inputs they arrive directly.
    if (k === "password-env" || k === "oauth-token-env" || k === "socks5-password-env" || k === "name" || k === "body") continue;
    const v = get(k);
    if (v !== "") raw[k] = v;
  }
  const comment = get("comment") || "auto";
  if (!["auto", "always", "never"].includes(comment)) problems.push({ field: "input comment", message: notOneOf(comment, ["auto", "always", "never"]) });
  const label = (k: TargetKey) => `input ${k}`;
  const github = readGitHubInputs(get, comment as CommentMode, problems);

  let targets: ActionInputs["targets"] = [];
  let identity: RunIdentity | undefined;
  const secrets = new Set<string>();
  const keepSecrets = (t: TargetConfig): void => {
    for (const s of [t.credentials?.password, t.credentials?.oauthToken]) if (s) secrets.add(s);
  };
  let shardOf: Shard | undefined;
  const shardText = get("shard");
  if (shardText) {
    const shard = parseShard(shardText);
    if ("problem" in shard) problems.push({ field: "input shard", message: shard.problem });
    else shardOf = shard;
  }
  let concurrency = DEFAULT_CONCURRENCY;
  const concurrencyText = get("concurrency");
  if (concurrencyText) {
    const c = parseConcurrency(concurrencyText);
    if (typeof c === "object") problems.push({ field: "input concurrency", message: c.problem });
    else concurrency = c;
  }
  const config = get("config");
  const targetsFile = get("targets-file").trim();
  const mergeText = get("merge-reports").trim();
  let mergeReports: string[] | null = null;
  if (mergeText) {
    // Nothing is probed: the shards did that in earlier jobs.
    const probing = ["host", "mx", "config", "targets-file", "comment-from-report", "shard"].filter((k) => get(k) !== "");
    if (probing.length) problems.push({ field: "input merge-reports", message: `merges reports written by earlier jobs and probes nothing: it does not go with ${probing.join(", ")}` });
    const files = findReportFiles(mergeText, "input merge-reports");
    if ("problem" in files) problems.push(files.problem);
    else mergeReports = files;
  } else if (github.commentFromReport) {
    // Nothing is probed: the report says what happened.
  } else if (targetsFile) {
    // Contract §8: the inputs and the config file's defaults apply to every line, as a config's targets.
    const given = ["host", "mx"].filter((k) => get(k) !== "");
    if (given.length) problems.push({ field: "input targets-file", message: `is a list of targets: it does not go with ${given.join(", ")} (one target)` });
    else {
      const opened = await openTargetsFile({ path: targetsFile, under: raw, env, seen: keepSecrets, ...(config ? { config } : {}), ...(shardOf ? { shard: shardOf } : {}) });
      if ("problems" in opened) problems.push(...opened.problems);
      else ({ targets, identity } = opened);
    }
  } else if (config) {
    const io = localIo();
    const loaded = await loadConfigFile(config, env, { under: raw }, io);
    if ("problems" in loaded) problems.push(...loaded.problems);
    else {
      targets = loaded.targets;
      targets.forEach(keepSecrets);
    }
  } else {
    const r = resolveTarget(raw, { ...localIo(), env, label });
    if ("problems" in r) problems.push(...r.problems);
    else targets = [r];
  }
  const reportFile = get("report-file") || `${env.RUNNER_TEMP ?? "."}/smtp-gate-report.json`;
  const junitFile = get("junit-file") || null;
  // Checked with the inputs, before anything is sent: a step that probes and then cannot say so helps no one.
  const outputs: [field: string, path: string | null | undefined, kind: OutputKind][] = [
    ["input report-file", github.commentFromReport ? null : reportFile, "creates-folders"],
    ["input junit-file", junitFile, "creates-folders"],
    ["GITHUB_OUTPUT", env.GITHUB_OUTPUT, "existing-file"],
    ["GITHUB_STEP_SUMMARY", env.GITHUB_STEP_SUMMARY, "existing-file"],
  ];
  for (const [field, path, kind] of outputs) {
    const why = path ? unwritablePath(path, kind) : null;
    if (why) problems.push({ field, message: `"${path}" ${why}` });
  }
  if (problems.length) return { problems };
  // A targets-file's lines are this shard's already.
  const sharding = identity ? { identity } : shardOf ? { shard: shardOf } : {};
  return { targets, secrets: [...secrets], reportFile, junitFile, mergeReports, concurrency, github, ...sharding };
}

function readGitHubInputs(get: GetInput, comment: CommentMode, problems: ConfigProblem[]): GitHubInputs {
  const canary = get("canary-issue") || "false";
  if (!["true", "false"].includes(canary)) problems.push({ field: "input canary-issue", message: notOneOf(canary, ["true", "false"]) });
  const pr = get("pr-number").trim();
  let prNumber: number | null = null;
  if (pr) {
    if (/^[1-9][0-9]{0,9}$/.test(pr)) prNumber = Number(pr);
    else problems.push({ field: "input pr-number", message: `must be a pull request number, not "${pr}"` });
  }
  const key = get("comment-key").trim();
  if (/[\r\n]/.test(key)) problems.push({ field: "input comment-key", message: "must be one line" });
  return {
    comment,
    githubToken: get("github-token"),
    commentKey: key || null,
    canaryIssue: canary === "true",
    commentFromReport: get("comment-from-report").trim() || null,
    prNumber,
  };
}

export const ALL_INPUTS: readonly string[] = [...TARGET_KEYS.filter((k) => !["password-env", "oauth-token-env", "socks5-password-env", "name", "body"].includes(k)), ...RUN_INPUTS];
