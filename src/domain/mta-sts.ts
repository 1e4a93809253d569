/**
 * MTA-STS (RFC 8461), the pure part: the `_mta-sts` TXT record (§3.1), the policy file (§3.2) and
 * MX pattern matching (§4.1). No I/O here: session/policy-fetch.ts fetches, diagnose/mta-sts.ts judges.
 */

import { STS_MODES, isOneOf, type StsMode } from "../model/enums.js";

export type { StsMode };

/** RFC 8461 §3.2: max_age is at most 31557600 seconds (a year). */
export const MAX_AGE_LIMIT = 31_557_600;

/**
 * What senders read of the policy body. RFC 8461 §3.3 lets them cap it; 64 KiB is what common
 * implementations (Postfix's postfix-mta-sts-resolver, Google) use, and what smtp-gate reads.
 */
export const POLICY_SIZE_LIMIT = 64 * 1024;

export type TxtVerdict =
  | { kind: "none" }
  | { kind: "valid"; id: string; record: string }
  | { kind: "multiple"; records: string[] }
  | { kind: "invalid"; record: string; problem: string };

/**
 * RFC 8461 §3.1: of the TXT records at `_mta-sts.<domain>`, those that start with `v=STSv1`
 * count (the strings of one record are joined); exactly one must, with `id` of 1 to 32 letters and
 * digits. Several make senders assume no policy at all.
 */
export function readStsTxt(records: readonly (readonly string[])[]): TxtVerdict {
  const sts = records.map((r) => r.join("")).filter((r) => /^v=STSv1(;|\s|$)/.test(r));
  if (sts.length === 0) return { kind: "none" };
  if (sts.length > 1) return { kind: "multiple", records: sts };
  const record = sts[0] as string;
  const fields = record.split(";").map((f) => f.trim()).filter((f) => f !== "");
  let id: string | undefined;
  for (const field of fields.slice(1)) {
    const m = /^([A-Za-z0-9][A-Za-z0-9_.-]{0,31})=(.*)$/.exec(field);
    if (!m) return { kind: "invalid", record, problem: `"${field}" is not a field (name=value)` };
    if (m[1] === "id" && id === undefined) id = m[2];
  }
  if (id === undefined) return { kind: "invalid", record, problem: "it has no id field" };
  if (!/^[A-Za-z0-9]{1,32}$/.test(id)) return { kind: "invalid", record, problem: `the id "${id}" is not 1 to 32 letters and digits` };
  return { kind: "valid", id, record };
}

export interface StsPolicy {
  mode: StsMode;
  maxAge: number;
  mx: string[];
}

/**
 * A parsed policy, with the notes a strict reader has (repeated fields, which the first wins) and
 * the number of empty lines it ends with (absent when none).
 */
export type PolicyParse = { policy: StsPolicy; notes: string[]; trailingBlankLines?: number } | { problems: string[] };

/**
 * RFC 8461 §3.2: `key: value` lines ended by CRLF or LF; `version` (STSv1), `mode` and `max_age`
 * (at most 31557600) required, `mx` once or more unless the mode is none; of a repeated field other
 * than mx the first counts; unknown fields are ignored. Empty lines at the end are counted, not
 * refused: the grammar has none, but line-by-line readers (postfix-mta-sts-resolver) skip them,
 * and a file ending in a blank line is what editors and templates often write. An empty line
 * between fields stays a problem.
 */
export function parsePolicy(body: string): PolicyParse {
  const first = new Map<string, string>();
  const repeated = new Set<string>();
  const mx: string[] = [];
  const problems: string[] = [];
  // A byte-order mark glues itself to the first key ("\uFEFFversion"): strict and line-by-line
  // readers alike then find no version (postfix-mta-sts-resolver cannot even decode it as ASCII).
  if (body.startsWith("\uFEFF")) problems.push("the file starts with a byte-order mark (U+FEFF), which becomes part of the first key");
  const lines = body.split(/\r?\n/);
  // The last element is what follows the final line break ("" for a terminated file).
  let end = lines.length - 1;
  if (lines[end] !== "") end++;
  let trailingBlankLines = 0;
  while (end > 1 && lines[end - 1] === "") {
    end--;
    trailingBlankLines++;
  }
  lines.slice(0, end).forEach((line, i) => {
    const m = /^([A-Za-z0-9_.-]+):[ \t]*(.*?)[ \t]*$/.exec(line);
    if (!m) {
      problems.push(`line ${i + 1} is not "key: value"`);
      return;
    }
    const key = m[1] as string;
    const value = m[2] as string;
    if (key === "mx") mx.push(value.toLowerCase());
    else if (first.has(key)) repeated.add(key);
    else first.set(key, value);
  });
  const version = first.get("version");
  if (version !== "STSv1") problems.push(version === undefined ? "version is missing" : `version is "${version}", not STSv1`);
  const modeText = first.get("mode");
  const mode = isOneOf(STS_MODES, modeText) ? modeText : null;
  if (!mode) problems.push(modeText === undefined ? "mode is missing" : `mode is "${modeText}", not enforce, testing or none`);
  const ageText = first.get("max_age");
  const maxAge = ageText !== undefined && /^\d{1,10}$/.test(ageText) ? Number(ageText) : NaN;
  if (!(maxAge <= MAX_AGE_LIMIT)) problems.push(ageText === undefined ? "max_age is missing" : `max_age "${ageText}" is not a number of seconds up to ${MAX_AGE_LIMIT}`);
  for (const p of mx) if (!isMxPattern(p)) problems.push(`mx "${p}" is not a host name or *.domain pattern`);
  if (mode && mode !== "none" && mx.length === 0) problems.push(`mode ${mode} needs at least one mx line`);
  if (problems.length || !mode) return { problems };
  const notes = [...repeated].map((k) => `${k} appears more than once; the first (${first.get(k)}) counts`);
  return { policy: { mode, maxAge, mx }, notes, ...(trailingBlankLines ? { trailingBlankLines } : {}) };
}

function isMxPattern(p: string): boolean {
  return /^(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)+\.?$/.test(p) || /^[a-z0-9-]+$/.test(p);
}

/** RFC 8461 §4.1: `*.example.com` covers exactly one more leftmost label; otherwise equality, case-insensitive. */
export function mxMatches(pattern: string, host: string): boolean {
  const p = pattern.toLowerCase().replace(/\.$/, "");
  const h = host.toLowerCase().replace(/\.$/, "");
  if (!p.startsWith("*.")) return p === h;
  const dot = h.indexOf(".");
  return dot > 0 && h.slice(dot + 1) === p.slice(2);
}

/** The MX hosts no pattern covers, and the patterns no MX host matches. */
export function compareMx(patterns: readonly string[], hosts: readonly string[]): { uncovered: string[]; unused: string[] } {
  return {
    uncovered: hosts.filter((h) => !patterns.some((p) => mxMatches(p, h))),
    unused: patterns.filter((p) => !hosts.some((h) => mxMatches(p, h))),
  };
}
