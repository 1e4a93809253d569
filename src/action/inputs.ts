/**
 * Every action input, read once into a plain value (no reading at import time). Validation is
 * the engine's own (config/resolve), so the action and the CLI refuse exactly the same things.
 */
import type { ConfigProblem } from "../config/errors.js";
import { loadConfigFile } from "../config/file.js";
import { TARGET_KEYS, type TargetKey } from "../config/keys.js";
import { resolveTarget, type RawTarget } from "../config/resolve.js";
import type { TargetConfig } from "../config/target.js";
import { derivedSecretForms, loginResponses } from "../protocol/auth.js";

export type CommentMode = "auto" | "always" | "never";

export interface ActionInputs {
  targets: TargetConfig[];
  reportFile: string;
  junitFile: string | null;
  comment: CommentMode;
  githubToken: string;
}

export type GetInput = (name: string) => string;

/** Input names that are not target keys. */
const RUN_INPUTS = ["config", "report-file", "junit-file", "comment", "github-token"] as const;

/** Every printable form of the secrets among the inputs, to mask before anything is logged. */
export function secretValues(get: GetInput): string[] {
  const user = get("username");
  const out: string[] = [];
  for (const secret of [get("password"), get("oauth-token")]) {
    if (!secret) continue;
    out.push(...derivedSecretForms(user, secret), ...loginResponses(user, secret).slice(1));
  }
  return out;
}

export function readInputs(get: GetInput, env: Record<string, string | undefined>): ActionInputs | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const raw: RawTarget = {};
  for (const k of TARGET_KEYS) {
    // Secrets in a config file go by *-env; as inputs they arrive directly.
    if (k === "password-env" || k === "oauth-token-env" || k === "name" || k === "body") continue;
    const v = get(k);
    if (v !== "") raw[k] = v;
  }
  const comment = get("comment") || "auto";
  if (!["auto", "always", "never"].includes(comment)) problems.push({ field: "input comment", message: `must be auto, always or never, not "${comment}"` });
  const label = (k: TargetKey) => `input ${k}`;

  let targets: TargetConfig[] = [];
  const config = get("config");
  if (config) {
    const loaded = loadConfigFile(config, env, { under: raw });
    if ("problems" in loaded) problems.push(...loaded.problems);
    else targets = loaded.targets;
  } else {
    const r = resolveTarget(raw, { env, label });
    if ("problems" in r) problems.push(...r.problems);
    else targets = [r];
  }
  if (problems.length) return { problems };
  return {
    targets,
    reportFile: get("report-file") || `${env.RUNNER_TEMP ?? "."}/smtp-gate-report.json`,
    junitFile: get("junit-file") || null,
    comment: comment as CommentMode,
    githubToken: get("github-token"),
  };
}

export const ALL_INPUTS: readonly string[] = [...TARGET_KEYS.filter((k) => !["password-env", "oauth-token-env", "name", "body"].includes(k)), ...RUN_INPUTS];
