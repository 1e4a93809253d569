/**
 * `targets-file` (contract §8, large fleets): one target per line, `host[:port]`, `[v6]:port` or
 * `mx:domain`; `#` starts a comment; blank lines are skipped. Every line takes the same
 * defaults (the config file's `defaults:`, or the CLI's options). Read as a stream, twice: first
 * every line is checked (nothing is sent when one is bad) and the run's identity counted; then
 * only the lines of this job's shard become targets, one at a time, as the probes take them.
 * The shard is chosen by the line's text, before anything is built for it. openTargetsFile is
 * the whole of it for both faces (the CLI's --targets-file, the action's `targets-file` input).
 */
import { createReadStream } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import { RunIdentityHash } from "../model/run-identity.js";
import { inShard, type Shard } from "../model/shard.js";
import type { RunIdentity } from "../model/report.js";
import type { ConfigProblem } from "./errors.js";
import { loadConfigDefaults, type Layers } from "./file.js";
import type { RawTarget } from "./keys.js";
import { localIo } from "./local-io.js";
import { resolveTarget, type ResolveContext } from "./resolve.js";
import type { TargetConfig } from "./target.js";

/** Enough to say what is wrong with a file; the rest of the list would only repeat it. */
const MAX_PROBLEMS = 20;
/** A line longer than this is not a host name (RFC 1035 §2.3.4: 253 octets) with a port. */
const MAX_LINE = 300;

/** A line's own keys, null for a blank or comment line, or what is wrong with it. */
export function parseTargetLine(line: string): RawTarget | null | { problem: string } {
  const text = line.replace(/#.*$/, "").trim();
  if (text === "") return null;
  if (text.length > MAX_LINE) return { problem: `is longer than ${MAX_LINE} characters` };
  if (/\s/.test(text)) return { problem: `"${text.slice(0, 80)}" must be one target: host[:port] or mx:domain` };
  const mx = /^mx:(.+)$/i.exec(text);
  if (mx) return { mx: mx[1] as string };
  const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? /^([^:[\]]+)(?::(\d+))?$/.exec(text);
  if (!m) return { problem: `"${text.slice(0, 80)}" is not host[:port], [IPv6]:port or mx:domain` };
  return { host: m[1] as string, ...(m[2] !== undefined ? { port: m[2] } : {}) };
}

/** The key a line is sharded by: its text less comment and spaces, so every job computes the same. */
export const lineKey = (line: string): string => line.replace(/#.*$/, "").trim().toLowerCase();

export interface TargetsFileCheck {
  /** Targets in the whole file, before sharding (contract §8 `run.targets`). */
  count: number;
}

async function* lines(path: string): AsyncGenerator<{ text: string; line: number }> {
  const rl = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
  let line = 0;
  for await (const text of rl) yield { text, line: ++line };
}

/** `base`: the defaults every line takes. `ctx` resolves as a config file's targets do. */
export interface TargetsFileSource {
  path: string;
  base: RawTarget;
  ctx: Omit<ResolveContext, "label" | "where" | "source">;
}

function resolveLine(src: TargetsFileSource, own: RawTarget, line: number): TargetConfig | { problems: ConfigProblem[] } {
  const where = { file: src.path, line };
  return resolveTarget({ ...src.base, ...own }, { ...src.ctx, label: (k) => k, where: () => where, source: where });
}

/** Pass one: every line checked as a target and handed to `seen` (the run's identity), nothing kept. */
export async function checkTargetsFile(src: TargetsFileSource, seen: (t: TargetConfig) => void = () => {}): Promise<TargetsFileCheck | { problems: ConfigProblem[] }> {
  const problems: ConfigProblem[] = [];
  let count = 0;
  try {
    for await (const { text, line } of lines(src.path)) {
      const own = parseTargetLine(text);
      if (own === null) continue;
      if ("problem" in own) problems.push({ field: "targets-file", message: own.problem, file: src.path, line });
      else {
        const t = resolveLine(src, own, line);
        if ("problems" in t) problems.push(...t.problems);
        else seen(t);
      }
      count++;
      if (problems.length >= MAX_PROBLEMS) break;
    }
  } catch (err) {
    return { problems: [{ field: "targets-file", message: `cannot read "${src.path}": ${(err as Error).message}` }] };
  }
  if (problems.length) return { problems: problems.slice(0, MAX_PROBLEMS) };
  if (count === 0) return { problems: [{ field: "targets-file", message: "has no targets (one host[:port] or mx:domain per line)", file: src.path }] };
  return { count };
}

/**
 * Pass two: the targets of the lines `keep` takes by their key (lineKey; all without it), built
 * one at a time as the run asks for them. Call after checkTargetsFile: a line it accepted
 * resolves the same way again.
 */
export async function* targetsFromFile(src: TargetsFileSource, keep?: (key: string) => boolean): AsyncGenerator<TargetConfig> {
  for await (const { text, line } of lines(src.path)) {
    const own = parseTargetLine(text);
    if (own === null || "problem" in own) continue;
    if (keep && !keep(lineKey(text))) continue;
    const t = resolveLine(src, own, line);
    if ("problems" in t) throw new Error(`targets-file line ${line} resolved differently on the second reading`);
    yield t;
  }
}

/** A file read once per path however many targets name it (a `ca` in the defaults). */
export function memoReadFile(read: ResolveContext["readFile"]): ResolveContext["readFile"] {
  const seen = new Map<string, ReturnType<ResolveContext["readFile"]>>();
  return (path, limit, what) => {
    const key = `${path}\0${limit}\0${what}`;
    let v = seen.get(key);
    if (v === undefined) seen.set(key, (v = read(path, limit, what)));
    return v;
  };
}

export interface TargetsFileRun extends Layers {
  path: string;
  /** A config file whose `defaults:` every line takes; `over` beats them (CLI options), `under` sits beneath (action inputs). */
  config?: string;
  env: Record<string, string | undefined>;
  shard?: Shard;
  /** Each line's target as checked, before sharding (the action masks the secrets the defaults name). */
  seen?: (t: TargetConfig) => void;
}

/**
 * Contract §8, for both faces: every line checked first (nothing is sent when one is bad) and
 * counted into the run's identity; then only this shard's lines, read as the probes go.
 */
export async function openTargetsFile(run: TargetsFileRun): Promise<{ targets: AsyncIterable<TargetConfig>; identity: RunIdentity } | { problems: ConfigProblem[] }> {
  let base: RawTarget = { ...run.under, ...run.over };
  if (run.config) {
    const defaults = await loadConfigDefaults(run.config);
    if ("problems" in defaults) return defaults;
    base = { ...run.under, ...defaults, ...run.over };
  }
  const io = localIo();
  const src: TargetsFileSource = { path: run.path, base, ctx: { ...io, readFile: memoReadFile(io.readFile), env: run.env, ...(run.config ? { baseDir: dirname(run.config) } : {}) } };
  const hash = new RunIdentityHash();
  const checked = await checkTargetsFile(src, (t) => {
    hash.add(t);
    run.seen?.(t);
  });
  if ("problems" in checked) return checked;
  const shard = run.shard;
  return { targets: targetsFromFile(src, shard ? (key) => inShard(key, shard) : undefined), identity: hash.identity(shard) };
}
