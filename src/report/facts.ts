/**
 * The run's compact facts: what a PR comment or canary issue remembers about a run, so the next
 * run can say what changed. Pure: no I/O, no Octokit.
 *
 * Facts travel inside a hidden HTML comment (`<!-- smtp-gate:facts {...} -->`). Every `-`, `<`
 * and `>` inside a JSON string is written as a `\u00XX` escape, so no server text can produce the
 * `-->` (or `--!>`) that would end the HTML comment early (HTML §13.2.5.45).
 */
import { createHash } from "node:crypto";
import type { Report, TargetResult } from "../model/report.js";
import type { Verdict } from "../engine/verdict.js";
import { escapeUnsafeJson } from "./neutralise.js";

export interface StepFacts {
  /** Command as sent (secrets already `***`), null for the greeting. */
  cmd: string | null;
  code: number | null;
  enh: string | null;
  verdict: Verdict;
}

export interface TargetFacts {
  name: string;
  verdict: Verdict;
  /** Negotiated TLS protocol, null without TLS. */
  tls: string | null;
  /** Certificate days left, null without a certificate. */
  days: number | null;
  /** EHLO keywords; AUTH is split into one `AUTH MECH` entry per mechanism. */
  ext: string[];
  steps: StepFacts[];
  /** Error kind (`timeout`, `tls`, …), null when the session ended normally. */
  err: string | null;
  /** Ids of error and warning findings. */
  find: string[];
}

export interface Facts {
  v: 1;
  verdict: Verdict;
  targets: TargetFacts[];
  /** True when targets were left out to keep the hidden block small. */
  partial?: true;
}

/** The hidden block must stay small: it is never truncated, so it bounds what the rest may use. */
export const FACTS_BUDGET = 24_000;

export function compactFacts(report: Report): Facts {
  return { v: 1, verdict: report.verdict, targets: report.targets.map(targetFacts) };
}

function targetFacts(t: TargetResult): TargetFacts {
  return {
    name: t.name,
    verdict: t.verdict,
    tls: t.tls?.protocol ?? null,
    days: t.tls?.daysLeft ?? null,
    ext: normalizeExtensions(t.extensions),
    steps: t.steps.map((s) => ({ cmd: s.command, code: s.reply?.code ?? null, enh: s.reply?.enhanced ?? null, verdict: s.verdict })),
    err: t.error?.kind ?? null,
    find: t.findings.filter((f) => f.severity !== "notice").map((f) => f.id),
  };
}

/** `AUTH PLAIN LOGIN` → `AUTH PLAIN`, `AUTH LOGIN`: a lost mechanism then shows as itself. */
export function normalizeExtensions(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    const [kw = "", ...params] = line.trim().split(/\s+/);
    const keyword = kw.toUpperCase();
    if (!keyword) continue;
    if (keyword === "AUTH" && params.length) for (const m of params) out.push(`AUTH ${m.toUpperCase()}`);
    else out.push([keyword, ...params].join(" "));
  }
  return [...new Set(out)];
}

// ---- the hidden block ------------------------------------------------------------------------

const FACTS_RE = /<!-- smtp-gate:facts (\{.*?\}) -->/;

/** JSON whose strings cannot contain `-`, `<` or `>` literally. */
export function encodeFactsJson(value: unknown): string {
  const json = escapeUnsafeJson(JSON.stringify(value));
  if (!/[-<>]/.test(json)) return json;
  return json.replace(/"(?:[^"\\]|\\.)*"/g, (s) => s.replace(/[-<>]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

export function renderFactsBlock(facts: unknown): string {
  return `<!-- smtp-gate:facts ${encodeFactsJson(facts)} -->`;
}

/** The facts stored in a comment body; null when absent or not ours (never throws). */
export function parseFactsBlock(body: string): StoredFacts | null {
  const m = FACTS_RE.exec(body);
  if (!m) return null;
  try {
    const v = JSON.parse(m[1] as string) as unknown;
    return isStoredFacts(v) ? v : null;
  } catch {
    return null;
  }
}

/** What a comment stores: the run's facts and the facts its "changes" section is measured from. */
export interface StoredFacts {
  facts: Facts;
  /** Facts of the last *different* result, so an identical re-run renders an identical comment. */
  base: Facts | null;
}

/**
 * Keeps the stored block under FACTS_BUDGET: drop the base first, then trailing targets. Each
 * target is encoded once and the longest prefix that fits is kept, so a fleet costs linear time.
 */
export function fitStoredFacts(stored: StoredFacts, budget = FACTS_BUDGET): StoredFacts {
  // The block's length is its frame (the facts with no targets) plus each target and a comma between.
  const sizes = stored.facts.targets.map((t) => encodeFactsJson(t).length);
  const all = sizes.reduce((a, b) => a + b, 0) + Math.max(0, sizes.length - 1);
  const frame = (s: StoredFacts) => encodeFactsJson({ ...s, facts: { ...s.facts, targets: [] } }).length;
  if (frame(stored) + all <= budget) return stored;
  const withoutBase: StoredFacts = { facts: stored.facts, base: null };
  if (frame(withoutBase) + all <= budget) return withoutBase;
  let used = frame({ facts: { ...stored.facts, partial: true }, base: null });
  let kept = 0;
  for (const size of sizes) {
    const cost = size + (kept ? 1 : 0);
    if (used + cost > budget) break;
    used += cost;
    kept++;
  }
  return { facts: { ...stored.facts, targets: stored.facts.targets.slice(0, kept), partial: true }, base: null };
}

function isFacts(v: unknown): v is Facts {
  if (!v || typeof v !== "object") return false;
  const f = v as Partial<Facts>;
  return f.v === 1 && typeof f.verdict === "string" && Array.isArray(f.targets) && f.targets.every((t) => t && typeof t.name === "string" && Array.isArray(t.steps) && Array.isArray(t.ext) && Array.isArray(t.find));
}

function isStoredFacts(v: unknown): v is StoredFacts {
  if (!v || typeof v !== "object") return false;
  const s = v as Partial<StoredFacts>;
  return isFacts(s.facts) && (s.base === null || isFacts(s.base));
}

// ---- differences -----------------------------------------------------------------------------

export interface StepChange {
  /** Command as sent, null for the greeting; `n` counts repeats of the same command. */
  cmd: string | null;
  n: number;
  from: number | null;
  to: number | null;
}

export interface TargetChange {
  name: string;
  /** `added`: not in the previous facts; `removed`: no longer probed. */
  kind: "added" | "removed" | "changed";
  verdict?: { from: Verdict; to: Verdict };
  extGained: string[];
  extLost: string[];
  tls?: { from: string | null; to: string | null };
  days?: { from: number | null; to: number | null };
  steps: StepChange[];
}

/** What changed from `prev` to `cur`, target by target (matched by name). Empty: nothing did. */
export function diffFacts(prev: Facts, cur: Facts): TargetChange[] {
  const out: TargetChange[] = [];
  const before = new Map(prev.targets.map((t) => [t.name, t]));
  const now = new Set(cur.targets.map((t) => t.name));
  for (const t of cur.targets) {
    const p = before.get(t.name);
    if (!p) {
      // A partial previous block does not know whether the target is new.
      if (!prev.partial) out.push({ name: t.name, kind: "added", extGained: [], extLost: [], steps: [] });
      continue;
    }
    const c: TargetChange = {
      name: t.name,
      kind: "changed",
      extGained: t.ext.filter((e) => !p.ext.includes(e)),
      extLost: p.ext.filter((e) => !t.ext.includes(e)),
      steps: diffSteps(p.steps, t.steps),
    };
    if (p.verdict !== t.verdict) c.verdict = { from: p.verdict, to: t.verdict };
    if (p.tls !== t.tls) c.tls = { from: p.tls, to: t.tls };
    if (p.days !== t.days) c.days = { from: p.days, to: t.days };
    if (c.verdict || c.tls || c.days || c.extGained.length || c.extLost.length || c.steps.length) out.push(c);
  }
  if (!cur.partial) for (const p of prev.targets) if (!now.has(p.name)) out.push({ name: p.name, kind: "removed", extGained: [], extLost: [], steps: [] });
  return out;
}

/** Steps are matched by command and repeat count, so an inserted step does not shift the rest. */
function diffSteps(prev: readonly StepFacts[], cur: readonly StepFacts[]): StepChange[] {
  const key = (s: StepFacts, n: number) => `${s.cmd ?? "\u0000greeting"}#${n}`;
  const index = (steps: readonly StepFacts[]) => {
    const seen = new Map<string | null, number>();
    const out = new Map<string, { s: StepFacts; n: number }>();
    for (const s of steps) {
      const n = seen.get(s.cmd) ?? 0;
      seen.set(s.cmd, n + 1);
      out.set(key(s, n), { s, n });
    }
    return out;
  };
  const a = index(prev);
  const b = index(cur);
  const changes: StepChange[] = [];
  for (const [k, { s, n }] of b) {
    const p = a.get(k);
    // A step that did not run before (the sequence stopped earlier) counts as "no reply" then.
    const from = p ? p.s.code : null;
    if (from !== s.code) changes.push({ cmd: s.cmd, n, from, to: s.code });
  }
  for (const [k, { s, n }] of a) if (!b.has(k) && s.code !== null) changes.push({ cmd: s.cmd, n, from: s.code, to: null });
  return changes;
}

export function sameFacts(a: Facts, b: Facts): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// ---- the failure signature (canary) ------------------------------------------------------------

/**
 * A short hash of *what is failing*: per failing or warning target, the error kind, the steps that
 * did not pass with their codes, and the finding ids. Timings and certificate days are left out,
 * so a canary issue is only commented on when the failure itself changed.
 */
export function failureHash(facts: Facts): string {
  const sig = facts.targets
    .filter((t) => t.verdict !== "pass")
    .map((t) => [t.name, t.verdict, t.err, t.steps.filter((s) => s.verdict !== "pass").map((s) => [s.cmd, s.code, s.enh]), [...t.find].sort()]);
  return createHash("sha256").update(JSON.stringify(sig)).digest("hex").slice(0, 16);
}
