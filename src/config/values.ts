/** Readers for raw config values: each checks its value and reports a problem naming the key. */
import { describeControl, describeForbidden, hasForbiddenChars } from "../protocol/command.js";
import { notOneOf, type TargetKey } from "./keys.js";
import type { RawTarget } from "./keys.js";

const MAX_SECONDS = 3600;

/**
 * A number as people write one in a config: decimal digits, perhaps a fraction. `Number()`
 * alone would also take 0x10 (16), 0b1, 1e3, "Infinity" and an empty string (0). NaN otherwise.
 */
export function parseDecimal(text: string, whole = false): number {
  return (whole ? /^[0-9]+$/ : /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/).test(text) ? Number(text) : NaN;
}

/** How many targets a run probes at once: `--concurrency` and the action's `concurrency` input. */
export const DEFAULT_CONCURRENCY = 16;
/** Each probe holds a socket: 1,024 stays under the usual open-file limit with room for the rest. */
export const MAX_CONCURRENCY = 1024;

/** `text` as a concurrency, or why it is not one (the caller names the option or input). */
export function parseConcurrency(text: string): number | { problem: string } {
  const n = parseDecimal(text.trim(), true);
  if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY) return { problem: `must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${text}"` };
  return n;
}

export type Problem = (key: TargetKey, message: string) => void;

export function valueReaders(raw: RawTarget, problem: Problem) {
  const str = (key: TargetKey): string | undefined => {
    const v = raw[key];
    if (v === undefined || v === null || v === "") return undefined;
    if (Array.isArray(v)) {
      problem(key, "must be a single value, not a list");
      return undefined;
    }
    // Checked before trimming: a value with CR, LF or NUL anywhere is refused, not repaired.
    const s = String(v);
    if (hasForbiddenChars(s)) {
      problem(key, `contains ${describeForbidden(s)}; a value that reaches the wire may not contain CR, LF or NUL`);
      return undefined;
    }
    const control = describeControl(s);
    if (control) {
      problem(key, `contains ${control}; a value is printable text`);
      return undefined;
    }
    return s.trim();
  };
  const list = (key: TargetKey): string[] => {
    const v = raw[key];
    if (v === undefined || v === null || v === "") return [];
    const items = Array.isArray(v) ? v.map(String) : String(v).split(/,|\r?\n/);
    const out: string[] = [];
    for (const item of items) {
      const control = describeControl(item);
      if (hasForbiddenChars(item)) problem(key, `an item contains ${describeForbidden(item)}; a value that reaches the wire may not contain CR, LF or NUL`);
      else if (control) problem(key, `an item contains ${control}; a value is printable text`);
      else if (item.trim()) out.push(item.trim());
    }
    return out;
  };
  const bool = (key: TargetKey): boolean => {
    const v = raw[key];
    if (v === undefined || v === null || v === "") return false;
    if (typeof v === "boolean") return v;
    const s = String(v).trim().toLowerCase();
    if (["true", "yes", "1", "on"].includes(s)) return true;
    if (["false", "no", "0", "off"].includes(s)) return false;
    problem(key, notOneOf(String(v), ["true", "false"]));
    return false;
  };
  const number = (key: TargetKey, min: number, max: number, what: string): number | undefined => {
    const s = str(key);
    if (s === undefined) return undefined;
    const n = parseDecimal(s);
    if (!Number.isFinite(n) || n < min || n > max) {
      problem(key, `must be ${what} from ${min} to ${max}, not "${s}"`);
      return undefined;
    }
    return n;
  };
  const seconds = (key: TargetKey, fallback?: number): number | undefined => {
    const s = str(key);
    if (s === undefined) return fallback;
    const n = parseDecimal(s);
    if (!Number.isFinite(n) || n <= 0 || n > MAX_SECONDS) {
      problem(key, `must be a number of seconds between 0 and ${MAX_SECONDS}, not "${s}"`);
      return fallback;
    }
    return n;
  };
  const oneOf = <T extends string>(key: TargetKey, allowed: readonly T[], fallback: T): T => {
    const s = str(key);
    if (s === undefined) return fallback;
    const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
    if (hit) return hit;
    problem(key, notOneOf(s, allowed));
    return fallback;
  };
  /**
   * A secret, by reference (`KEY-env: VAR`, the more specific choice) or given directly (an action
   * input). Checked without echoing it; undefined when neither is set or it is unusable.
   */
  const secret = (envKey: TargetKey, directKey: TargetKey | null, env: Record<string, string | undefined>): string | undefined => {
    const name = str(envKey);
    if (name !== undefined) {
      // Own properties only: `toString` names no variable, whatever Object.prototype holds.
      const value = Object.hasOwn(env, name) ? env[name] : undefined;
      if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) problem(envKey, `"${name}" is not an environment variable name`);
      else if (typeof value !== "string" || value === "") problem(envKey, `environment variable ${name} is not set`);
      else if (hasForbiddenChars(value)) problem(envKey, `environment variable ${name} contains ${describeForbidden(value)}`);
      else return value;
      return undefined;
    }
    const v = directKey === null ? undefined : raw[directKey];
    if (v === undefined || v === null || v === "" || directKey === null) return undefined;
    const s = String(v);
    if (hasForbiddenChars(s)) {
      problem(directKey, `contains ${describeForbidden(s)}`);
      return undefined;
    }
    return s;
  };
  return { str, list, bool, number, seconds, oneOf, secret };
}

export type ValueReaders = ReturnType<typeof valueReaders>;
