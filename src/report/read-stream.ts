/**
 * Reads a JSON report in bounded memory: the file in chunks, each element of the top-level
 * `targets` array parsed and handed over alone, the rest of the document (a few fields: the
 * verdict, the run, the domains) parsed at the end. A streamed report of 100,000 targets is
 * read with one target in memory at a time. The values are read by the model's field table
 * (model/report-fields.ts), as ./read-report.ts does for a whole file: a report from a file is
 * untrusted input, its verdicts are recomputed, and renderers neutralise its strings.
 */
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import type { ConfigProblem } from "../config/errors.js";
import { FILE_LIMITS } from "../config/read-file.js";
import type { Report, TargetResult } from "../model/report.js";
import { Path, Reader, type FieldProblem } from "../model/fields.js";
import { reportFields, targetFields } from "../model/report-fields.js";
import { worst, type Verdict } from "../engine/verdict.js";
import { recomputeTargetVerdict } from "./read-report.js";

/** The document less its targets is small; a larger one is not a report we wrote. */
const MAX_REST_CHARS = 16 * 1024 * 1024;
/** One target at a time, at most FILE_LIMITS.report. */
const MAX_TARGET_CHARS = FILE_LIMITS.report;
const CHUNK = 1024 * 1024;
/** Ten times the largest fleet the bench runs: more is not a report of ours (an endless device, say). */
export const MAX_STREAMED_TARGETS = 1_000_000;

const enum C {
  Quote = 0x22,
  Backslash = 0x5c,
  Colon = 0x3a,
  Comma = 0x2c,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
  OpenBracket = 0x5b,
  CloseBracket = 0x5d,
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Finds the elements of the top-level `targets` array in JSON text fed in chunks. Strings are
 * skipped whole (a brace inside one is text); the depth counts objects and arrays.
 */
class TargetsScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** The last string closed at depth 1, while it may be a key ("targets" is all that matters). */
  private key = "";
  private keyChars: string[] = [];
  private afterColon = false;
  private started = false;
  /** 0: outside targets; 1: inside, between elements; 2: inside an element. */
  private mode = 0;
  private element: string[] = [];
  private elementChars = 0;
  private rest: string[] = [];
  private restChars = 0;
  problem: FieldProblem | null = null;
  targets = 0;

  constructor(private readonly onElement: (text: string) => void) {}

  feed(text: string): void {
    let from = 0; // start of the slice not yet copied to rest or element
    for (let i = 0; i < text.length && !this.problem; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === C.Backslash) this.escaped = true;
        else if (c === C.Quote) {
          this.inString = false;
          if (this.depth === 1 && this.mode === 0) this.key = this.keyChars.join("");
        } else if (this.depth === 1 && this.mode === 0 && this.keyChars.length < 16) this.keyChars.push(text[i] as string);
        continue;
      }
      if (this.depth === 0 && !isSpace(c) && (c !== C.OpenBrace || this.started)) {
        this.problem = { field: "report", message: this.started ? "has text after the report's closing brace" : "is not JSON: a report starts with {" };
        break;
      }
      if (c === C.Quote) {
        this.inString = true;
        this.keyChars = [];
        continue;
      }
      if (this.mode === 1) {
        if (isSpace(c) || c === C.Comma) continue;
        if (c === C.CloseBracket) {
          // The array ends: rest takes over from its closing bracket.
          this.mode = 0;
          this.depth--;
          from = i;
          this.addRest("]");
          from = i + 1;
          continue;
        }
        if (c !== C.OpenBrace) {
          this.problem = { field: `targets[${this.targets}]`, message: "must be an object" };
          break;
        }
        this.mode = 2;
        from = i;
      }
      if (c === C.OpenBrace || c === C.OpenBracket) {
        this.started = true;
        if (this.mode === 0 && this.depth === 1 && c === C.OpenBracket && this.afterColon && this.key === "targets") {
          this.addRest(text.slice(from, i + 1));
          from = i + 1;
          this.mode = 1;
        }
        this.depth++;
      } else if (c === C.CloseBrace || c === C.CloseBracket) {
        this.depth--;
        if (this.mode === 2 && this.depth === 2) {
          this.addElement(text.slice(from, i + 1));
          from = i + 1;
          this.mode = 1;
          this.onElement(this.element.join(""));
          this.element = [];
          this.elementChars = 0;
          this.targets++;
          if (this.targets > MAX_STREAMED_TARGETS) this.problem = { field: "targets", message: `has more than ${MAX_STREAMED_TARGETS} targets` };
        }
      }
      if (this.depth === 1 && this.mode === 0) this.afterColon = c === C.Colon || (this.afterColon && isSpace(c));
    }
    if (this.problem) return;
    const tail = text.slice(from);
    if (this.mode === 2) this.addElement(tail);
    else if (this.mode === 0) this.addRest(tail);
  }

  private addRest(s: string): void {
    this.restChars += s.length;
    if (this.restChars > MAX_REST_CHARS) this.problem ??= { field: "report", message: `has more than ${MAX_REST_CHARS} characters besides its targets` };
    else this.rest.push(s);
  }

  private addElement(s: string): void {
    this.elementChars += s.length;
    if (this.elementChars > MAX_TARGET_CHARS) this.problem ??= { field: `targets[${this.targets}]`, message: `is longer than ${MAX_TARGET_CHARS} characters` };
    else this.element.push(s);
  }

  /** The document less its targets' elements (`"targets": []`). */
  restText(): string {
    return this.rest.join("");
  }
}

/**
 * Reads the report at `path`, handing each target to `onTarget` as it is read; returns the
 * report's other fields, its verdict the worst of its targets' (recomputed, as they are), and the
 * number of targets, or the first problem (which names the file).
 */
export function streamReportFile(path: string, onTarget: (t: TargetResult, index: number) => void): { report: Omit<Report, "targets">; targets: number } | { problem: ConfigProblem } {
  const fail = (field: string, message: string) => ({ problem: { field, message, file: path } });
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    return fail("report", `cannot be read: ${(err as Error).message}`);
  }
  const reader = new Reader();
  let bad: string | null = null;
  let verdict: Verdict = "pass";
  const scanner = new TargetsScanner((text) => {
    if (bad || reader.problem) return;
    let v: unknown;
    try {
      v = JSON.parse(text);
    } catch (err) {
      bad = `targets[${scanner.targets}] is not JSON: ${(err as Error).message}`;
      return;
    }
    const t = targetFields.read(v, new Path(null, "").at("targets").at(scanner.targets), reader);
    if (reader.problem) return;
    // As ./read-report.ts: a file's verdicts are not taken on trust (contract §8).
    recomputeTargetVerdict(t);
    verdict = worst(verdict, t.verdict);
    onTarget(t, scanner.targets);
  });
  try {
    const decoder = new StringDecoder("utf8");
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      scanner.feed(decoder.write(buf.subarray(0, n)));
      if (scanner.problem || bad || reader.problem) break;
    }
    scanner.feed(decoder.end());
  } catch (err) {
    return fail("report", `cannot be read: ${(err as Error).message}`);
  } finally {
    closeSync(fd);
  }
  if (reader.problem) return fail(reader.problem.field, reader.problem.message);
  if (bad) return fail("targets", bad);
  if (scanner.problem) return fail(scanner.problem.field, scanner.problem.message);
  let rest: unknown;
  try {
    rest = JSON.parse(scanner.restText());
  } catch (err) {
    return fail("report", `is not JSON: ${(err as Error).message}`);
  }
  const r = (rest !== null && typeof rest === "object" ? rest : {}) as Record<string, unknown>;
  if (r.schema !== "smtp-gate/report@1") return fail("schema", `is not "smtp-gate/report@1": not an smtp-gate report`);
  if (!Array.isArray(r.targets)) return fail("targets", "must be a list of targets");
  const { targets: _none, ...report } = reportFields.read(r, new Path(null, ""), reader);
  const late = reader.problem as { field: string; message: string } | null;
  return late ? fail(late.field, late.message) : { report: { ...report, verdict }, targets: scanner.targets };
}
