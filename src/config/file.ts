/**
 * The YAML config file (contract §4): `defaults` plus a list of `targets`, each key an action
 * input name. Source positions are kept so that every problem names file, line and key.
 */
import { readFileSync } from "node:fs";
import { dirname } from "node:path";
import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Node, type Pair, type YAMLMap } from "yaml";
import type { ConfigProblem } from "./errors.js";
import { SECRET_KEYS, TARGET_KEYS, closestKey, type TargetKey } from "./keys.js";
import { resolveTarget, type RawTarget, type RawValue } from "./resolve.js";
import type { TargetConfig } from "./target.js";

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

export function loadConfigFile(
  file: string,
  env: Record<string, string | undefined>,
  layers: Layers = {},
): LoadedConfig | { problems: ConfigProblem[] } {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    return { problems: [{ field: "config", message: `cannot read "${file}": ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` }] };
  }
  return parseConfigText(text, file, env, layers);
}

export function parseConfigText(
  text: string, file: string, env: Record<string, string | undefined>, layers: Layers = {},
): LoadedConfig | { problems: ConfigProblem[] } {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  const lineOf = (n: { range?: [number, number, number] | null } | null | undefined) => (n?.range ? lc.linePos(n.range[0]).line : undefined);
  const problems: ConfigProblem[] = [];
  for (const err of doc.errors) problems.push({ field: "yaml", message: err.message.split("\n")[0] ?? err.message, file, line: Math.min(err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line, lastLine(text)) });
  if (problems.length) return { problems };

  const root = doc.contents;
  if (!isMap(root)) return { problems: [{ field: "config", message: "must be a mapping with `targets:` (and optionally `defaults:`)", file, line: 1 }] };
  for (const pair of root.items) {
    const k = keyOf(pair);
    if (k !== "defaults" && k !== "targets") {
      const guess = closestKey(k, ["defaults", "targets"]);
      problems.push({ field: k, message: `is not a top-level key (use defaults and targets)${guess ? `; did you mean "${guess}"?` : ""}`, file, line: lineOf(pair.key as Node) });
    }
  }
  const defaultsNode = root.get("defaults", true);
  const targetsNode = root.get("targets", true);
  let defaults: Located = { raw: {}, lines: {} };
  if (defaultsNode !== undefined && defaultsNode !== null) {
    if (!isMap(defaultsNode)) problems.push({ field: "defaults", message: "must be a mapping", file, line: lineOf(defaultsNode as Node) });
    else defaults = readTarget(defaultsNode, file, lineOf, problems);
  }
  if (!isSeq(targetsNode) || targetsNode.items.length === 0) {
    problems.push({ field: "targets", message: "must be a non-empty list of targets", file, line: lineOf(targetsNode as Node) ?? 1 });
    return { problems };
  }
  const targets: TargetConfig[] = [];
  targetsNode.items.forEach((item, i) => {
    const line = lineOf(item as Node) ?? 1;
    if (!isMap(item)) {
      problems.push({ field: `targets[${i}]`, message: "must be a mapping of keys", file, line });
      return;
    }
    const own = readTarget(item, file, lineOf, problems);
    const raw: RawTarget = { ...layers.under, ...defaults.raw, ...layers.over, ...own.raw };
    const lines = { ...defaults.lines, ...own.lines };
    const stepLines = own.raw.steps !== undefined ? own.stepLines : defaults.stepLines;
    const r = resolveTarget(raw, {
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

function keyOf(pair: Pair<unknown, unknown>): string {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function readTarget(
  map: YAMLMap<unknown, unknown>, file: string, lineOf: (n: Node | null | undefined) => number | undefined, problems: ConfigProblem[],
): Located {
  const raw: RawTarget = {};
  const lines: Partial<Record<TargetKey, number>> = {};
  let stepLines: Located["stepLines"];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    const key = keyOf(pair);
    const line = lineOf(pair.key as Node);
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
      const v = pair.value as Node | null;
      const block = isScalar(v) && (v.type === "BLOCK_LITERAL" || v.type === "BLOCK_FOLDED");
      stepLines = isSeq(v) ? (i) => lineOf(v.items[i] as Node) ?? line : (i) => (line === undefined ? undefined : line + i + (block ? 1 : 0));
    }
  }
  return { raw, lines, stepLines };
}

/** The last line with content: a parser error "at the end" points there, not past it. */
function lastLine(text: string): number {
  return text.replace(/\s+$/, "").split("\n").length;
}

function toRaw(node: unknown): RawValue | undefined {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) {
    const v = node.value;
    return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
  }
  if (isSeq(node)) {
    const out: (string | number)[] = [];
    for (const it of node.items) {
      if (!isScalar(it) || (typeof it.value !== "string" && typeof it.value !== "number")) return undefined;
      out.push(it.value);
    }
    return out;
  }
  return undefined;
}
