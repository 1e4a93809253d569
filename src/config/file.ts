/**
 * The YAML config file (contract §4): `defaults` plus a list of `targets`, each key an action
 * input name. Source positions are kept so that every problem names file, line and key.
 */
import { dirname } from "node:path";
import type { ConfigProblem } from "./errors.js";
import { SECRET_KEYS, TARGET_KEYS, closestKey, type RawTarget, type RawValue, type TargetKey } from "./keys.js";
import { localIo, type ResolveIo } from "./local-io.js";
import { FILE_LIMITS } from "./read-file.js";
import { resolveTarget } from "./resolve.js";
import type { TargetConfig } from "./target.js";
import type { ConfigMap, ConfigNode } from "./yaml-tree.js";

/** Where a fleet too large for YAML goes (contract §8). */
const TOO_BIG_HINT = "; list a large fleet in a targets-file instead (targets-file / --targets-file: one host[:port] or mx:domain per line, with this file's defaults)";

export interface LoadedConfig {
  targets: TargetConfig[];
}

interface Located {
  raw: RawTarget;
  lines: Partial<Record<TargetKey, number>>;
  /** The line of each step (the i-th line of a `steps: |` block, or the i-th list item). */
  stepLines?: (i: number) => number | undefined;
}

/**
 * Values from the face that loads the file: `over` beats the file's defaults (CLI flags the user
 * typed), `under` sits beneath them (action inputs, which always carry their declared defaults).
 * A target's own keys always win.
 */
export interface Layers {
  under?: RawTarget;
  over?: RawTarget;
}

export async function loadConfigFile(
  file: string,
  env: Record<string, string | undefined>,
  layers: Layers = {},
  io: ResolveIo = localIo(),
): Promise<LoadedConfig | { problems: ConfigProblem[] }> {
  const text = io.readFile(file, FILE_LIMITS.config, "a config file");
  if (typeof text !== "string") return { problems: [{ field: "config", message: `${text.problem}${/ is larger than /.test(text.problem) ? TOO_BIG_HINT : ""}` }] };
  return parseConfigText(text, file, env, layers, io);
}

/** The YAML parser (the `yaml` package) is loaded here, when a config file is read, not before. */
export async function parseConfigText(
  text: string, file: string, env: Record<string, string | undefined>, layers: Layers = {}, io: ResolveIo = localIo(),
): Promise<LoadedConfig | { problems: ConfigProblem[] }> {
  const { parseYaml } = await import("./yaml-tree.js");
  const parsed = parseYaml(text, file);
  return "problems" in parsed ? parsed : loadTree(parsed.root, file, env, layers, io);
}

/**
 * A config file's `defaults:` alone, for a `targets-file` run (contract §8): its lines take
 * these, and the file lists no `targets:` of its own (the list is the targets-file).
 */
export async function loadConfigDefaults(file: string, io: ResolveIo = localIo()): Promise<RawTarget | { problems: ConfigProblem[] }> {
  const text = io.readFile(file, FILE_LIMITS.config, "a config file");
  if (typeof text !== "string") return { problems: [{ field: "config", message: text.problem }] };
  const { parseYaml } = await import("./yaml-tree.js");
  const parsed = parseYaml(text, file);
  if ("problems" in parsed) return parsed;
  const root = parsed.root;
  if (root?.kind !== "map") return { problems: [{ field: "config", message: "must be a mapping with `defaults:`", file, line: 1 }] };
  const problems: ConfigProblem[] = [];
  for (const pair of root.pairs) {
    if (pair.key === "targets") problems.push({ field: "targets", message: "goes in the targets-file when one is given (the config file gives the defaults)", file, line: pair.line });
    else if (pair.key !== "defaults") problems.push({ field: pair.key, message: "is not a top-level key (use defaults)", file, line: pair.line });
  }
  const node = valueOf(root, "defaults");
  let raw: RawTarget = {};
  if (node !== undefined && node !== null) {
    if (node.kind !== "map") problems.push({ field: "defaults", message: "must be a mapping", file, line: node.line });
    else raw = readTarget(node, file, problems).raw;
  }
  return problems.length ? { problems } : raw;
}

function loadTree(
  root: ConfigNode | null, file: string, env: Record<string, string | undefined>, layers: Layers, io: ResolveIo,
): LoadedConfig | { problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  if (root?.kind !== "map") return { problems: [{ field: "config", message: "must be a mapping with `targets:` (and optionally `defaults:`)", file, line: 1 }] };
  for (const pair of root.pairs) {
    if (pair.key !== "defaults" && pair.key !== "targets") {
      const guess = closestKey(pair.key, ["defaults", "targets"]);
      problems.push({ field: pair.key, message: `is not a top-level key (use defaults and targets)${guess ? `; did you mean "${guess}"?` : ""}`, file, line: pair.line });
    }
  }
  const defaultsNode = valueOf(root, "defaults");
  const targetsNode = valueOf(root, "targets");
  let defaults: Located = { raw: {}, lines: {} };
  if (defaultsNode !== undefined && defaultsNode !== null) {
    if (defaultsNode.kind !== "map") problems.push({ field: "defaults", message: "must be a mapping", file, line: defaultsNode.line });
    else defaults = readTarget(defaultsNode, file, problems);
  }
  if (targetsNode?.kind !== "seq" || targetsNode.items.length === 0) {
    problems.push({ field: "targets", message: "must be a non-empty list of targets", file, line: targetsNode?.line ?? 1 });
    return { problems };
  }
  const targets: TargetConfig[] = [];
  targetsNode.items.forEach((item, i) => {
    const line = item?.line ?? 1;
    if (item?.kind !== "map") {
      problems.push({ field: `targets[${i}]`, message: "must be a mapping of keys", file, line });
      return;
    }
    const own = readTarget(item, file, problems);
    const raw: RawTarget = { ...layers.under, ...defaults.raw, ...layers.over, ...own.raw };
    const lines = { ...defaults.lines, ...own.lines };
    const stepLines = own.raw.steps !== undefined ? own.stepLines : defaults.stepLines;
    const r = resolveTarget(raw, {
      ...io,
      env,
      label: (k) => `targets[${i}].${k}`,
      where: (k) => ({ file, line: lines[k] ?? line }),
      stepLine: stepLines,
      baseDir: dirname(file),
      source: { file, line },
    });
    if ("problems" in r) problems.push(...r.problems);
    else targets.push(r);
  });
  return problems.length ? { problems } : { targets };
}

/** The value of `key` in `map` (a config mapping has unique keys). */
function valueOf(map: ConfigMap, key: string): ConfigNode | null | undefined {
  return map.pairs.find((p) => p.key === key)?.value;
}

function readTarget(map: ConfigMap, file: string, problems: ConfigProblem[]): Located {
  const raw: RawTarget = {};
  const lines: Partial<Record<TargetKey, number>> = {};
  let stepLines: Located["stepLines"];
  for (const pair of map.pairs) {
    const { key, line } = pair;
    if (!(TARGET_KEYS as readonly string[]).includes(key)) {
      const guess = closestKey(key);
      problems.push({ field: key, message: `is not a known key${guess ? `; did you mean "${guess}"?` : ""}`, file, line });
      continue;
    }
    const k = key as TargetKey;
    if (SECRET_KEYS.includes(k)) {
      problems.push({ field: key, message: `secrets may not be written in a config file; use ${key}-env: VARIABLE and set the variable`, file, line });
      continue;
    }
    const value = toRaw(pair.value);
    if (value === undefined) {
      problems.push({ field: key, message: "must be a string, number, boolean or a list of strings", file, line });
      continue;
    }
    raw[k] = value;
    lines[k] = line;
    if (k === "steps") {
      const v = pair.value;
      const block = v?.kind === "scalar" && v.block;
      stepLines = v?.kind === "seq" ? (i) => v.items[i]?.line ?? line : (i) => (line === undefined ? undefined : line + i + (block ? 1 : 0));
    }
  }
  return { raw, lines, stepLines };
}

function toRaw(node: ConfigNode | null): RawValue | undefined {
  if (node === null) return null;
  if (node.kind === "scalar") {
    const v = node.value;
    return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
  }
  if (node.kind === "seq") {
    const out: (string | number)[] = [];
    for (const it of node.items) {
      if (it?.kind !== "scalar" || (typeof it.value !== "string" && typeof it.value !== "number")) return undefined;
      out.push(it.value);
    }
    return out;
  }
  return undefined;
}
