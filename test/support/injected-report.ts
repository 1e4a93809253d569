// A report from a pull request as an attacker would write it: every free-text field carries line
// breaks of one kind, a workflow command, mentions, references, links and HTML. Enumerations keep
// valid values (the reader refuses others), so every string the renderers show is hostile.
import fc from "fast-check";
import type { Report } from "../../src/model/report.js";
import { fullReport } from "./report-arbitrary.js";

export const BREAKS = { LF: "\n", CR: "\r", "CR CR": "\r\r", CRLF: "\r\n", NEL: "\u0085", LS: "\u2028", PS: "\u2029" } as const;

/** Keys whose values are a closed vocabulary (model/enums.ts), by where they sit. */
export function isEnumField(key: string, parent: Record<string, unknown>): boolean {
  if (["schema", "verdict", "tlsMode", "kind", "severity", "dir", "ending", "class", "extra", "check", "reason", "mechanism", "proxyProtocol", "mode", "sender", "trust", "carries"].includes(key)) return true;
  if (key === "cause") return "severity" in parent; // a finding's root cause; ruledOut[].cause is prose
  if (key === "name") return "version" in parent && !("host" in parent); // tool.name
  if (key === "shard") return true; // run.shard is I/N or null
  return false;
}

export function payload(brk: string, n: number): string {
  return `P${n}${brk}::error title=Injected::from the report${brk}::add-mask::x${brk}@admin #1 GH-2 o/r#3 http://e.example www.e.example [l](http://e) ![i](http://e/i.png) <b>x</b> \`c\` ***b*** ~~s~~ $m$ | cell |\u202Eevil\u2066`;
}

/** Every free-text string of `report` replaced by a payload with `brk` in it; run.shard kept valid. */
export function injected(report: Report, brk: string): Report {
  let n = 0;
  const walk = (v: unknown, key: string, parent: Record<string, unknown>): unknown => {
    if (typeof v === "string") return isEnumField(key, parent) ? v : payload(brk, n++);
    if (Array.isArray(v)) return v.map((x) => walk(x, key, parent));
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, k, o)]));
    }
    return v;
  };
  const out = walk(report, "", {}) as Report;
  if (out.run) out.run.shard = null;
  return out;
}

/** Several full reports (every optional field filled), each made hostile with `brk`. */
export function injectedReports(brk: string, count = 8): Report[] {
  return fc.sample(fullReport(), { numRuns: count, seed: 24 }).map((r) => injected(r, brk));
}

/** Lines of `out` that a runner would take as a workflow command, or that break a line where a renderer must not. */
export function unsafeLines(out: string): string[] {
  return out.split("\n").filter((l) => /^\s*::/.test(l) || /[\r\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069]/.test(l));
}
