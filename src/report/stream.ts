/**
 * The report written as the run goes (contract §8, large fleets): each target's result is
 * written as it finishes and then dropped, so a run's memory follows its concurrency, not its
 * number of targets. The JSON stays one valid document: the head, each target, then the tail
 * with the verdict and the run's identity. Every value is written by the model's field table
 * (model/report-fields.ts), the same one that writes a whole report (./json.ts) and reads one back,
 * and made safe to print as ./json.ts makes it (escapeUnsafeJson).
 * The renderers that show only a few targets (text, job summary, annotations, comment) get a
 * RunTally: every count, and the targets worth showing.
 */
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { StringDecoder } from "node:string_decoder";
import { join } from "node:path";
import type { DomainResult, Report, TargetResult } from "../model/report.js";
import type { Verdict } from "../engine/verdict.js";
import { domainFields, reportFields, targetFields } from "../model/report-fields.js";
import { targetFailureCounts } from "./counts.js";
import { escapeUnsafeJson, plainText } from "./neutralise.js";
import { VERSION } from "../version.js";
import { junitHead, junitTarget, junitTotals, JUNIT_TAIL, suiteTotals, type JunitTotals } from "./junit.js";

/** What a streamed run knows at its end: the report's fields other than its targets (engine/run.ts). */
type RunEnd = Omit<Report, "targets">;

/** Writes text in chunks of about 64 KiB: a write per target would cost a system call each. */
export class ChunkedWriter {
  private pending: string[] = [];
  private size = 0;

  constructor(private readonly sink: (text: string) => void) {}

  write(text: string): void {
    this.pending.push(text);
    this.size += text.length;
    if (this.size >= 64 * 1024) this.flush();
  }

  flush(): void {
    if (!this.size) return;
    const text = this.pending.join("");
    this.pending = [];
    this.size = 0;
    this.sink(text);
  }
}

/** The keys written before the targets; every other key of the report follows them. */
const HEAD_KEYS = new Set(["schema", "tool"]);

const indent = (json: string, by: string): string => json.replace(/\n/g, `\n${by}`);

/**
 * The JSON report, streamed: `target` as each finishes, `domain` as each mail domain is known,
 * `end` once. Head and tail indented as ./json.ts. The domains belong after the targets (one
 * document, one `domains` list), so they wait in a file of their own until the end, one line each:
 * a fleet of many domains keeps none of them in memory.
 */
export class JsonReportStream {
  private first = true;
  private spool: { dir: string; fd: number; out: ChunkedWriter; count: number } | null = null;

  constructor(private readonly out: ChunkedWriter) {
    const head = reportFields.write({ schema: "smtp-gate/report@1", verdict: "pass", tool: headTool(), startedAt: "", targets: [] }) as Record<string, unknown>;
    const fields = Object.entries(head).filter(([k]) => HEAD_KEYS.has(k));
    out.write(`{\n${fields.map(([k, v]) => `  ${JSON.stringify(k)}: ${indent(escapeUnsafeJson(JSON.stringify(v, null, 2)), "  ")},\n`).join("")}  "targets": [`);
  }

  /** One line per target: half the bytes of indented JSON (5,000 targets: 12 MB, not 24), and a line is a target for grep. */
  target(r: TargetResult): void {
    this.out.write(`${this.first ? "" : ","}\n    ${escapeUnsafeJson(JSON.stringify(targetFields.write(r)))}`);
    this.first = false;
  }

  domain(d: DomainResult): void {
    if (!this.spool) {
      const dir = mkdtempSync(join(tmpdir(), "smtp-gate-domains-"));
      const fd = openSync(join(dir, "domains.part"), "w+");
      this.spool = { dir, fd, out: new ChunkedWriter((text) => void writeSync(fd, text)), count: 0 };
    }
    this.spool.out.write(`${this.spool.count ? "," : ""}\n    ${escapeUnsafeJson(JSON.stringify(domainFields.write(d)))}`);
    this.spool.count++;
  }

  end(end: RunEnd): void {
    const tail = reportFields.write({ ...end, targets: [] }) as Record<string, unknown>;
    const fields = Object.entries(tail).filter(([k]) => k !== "targets" && !HEAD_KEYS.has(k) && !(k === "domains" && this.spool));
    this.out.write(`${this.first ? "]" : "\n  ]"}${fields.map(([k, v]) => `,\n  ${JSON.stringify(k)}: ${indent(escapeUnsafeJson(JSON.stringify(v, null, 2)), "  ")}`).join("")}`);
    if (this.spool) this.copySpool(this.spool);
    this.out.write("\n}\n");
    this.out.flush();
  }

  /** A stream given up (its file could not be written): the spooled domains go too. */
  abandon(): void {
    if (!this.spool) return;
    closeSync(this.spool.fd);
    rmSync(this.spool.dir, { recursive: true, force: true });
    this.spool = null;
  }

  /** The spooled domains into the tail, a chunk at a time; the file goes. */
  private copySpool(spool: NonNullable<JsonReportStream["spool"]>): void {
    try {
      spool.out.flush();
      this.out.write(`,\n  "domains": [`);
      // A chunk may end inside a UTF-8 character: the decoder keeps its first bytes for the next.
      const decoder = new StringDecoder("utf8");
      const chunk = Buffer.alloc(64 * 1024);
      for (let at = 0, n = 0; (n = readSync(spool.fd, chunk, 0, chunk.length, at)) > 0; at += n) this.out.write(decoder.write(chunk.subarray(0, n)));
      this.out.write(decoder.end());
      this.out.write("\n  ]");
    } finally {
      this.abandon();
    }
  }
}

const headTool = (): Report["tool"] => ({ name: "smtp-gate", version: VERSION });

/**
 * JUnit XML to a file, streamed: the root element's totals are known only at the end, so its
 * opening tag leaves room for them (spaces, which XML allows inside a tag) and they are written
 * into that room last.
 */
export class JunitFileStream {
  private readonly fd: number;
  private readonly out: ChunkedWriter;
  private readonly totals: JunitTotals = { tests: 0, failures: 0 };
  private readonly room: { at: number; width: number };

  constructor(path: string) {
    this.fd = openSync(path, "w");
    this.out = new ChunkedWriter((text) => void writeSync(this.fd, text));
    const head = junitHead();
    this.room = { at: Buffer.byteLength(head.before), width: head.room.length };
    this.out.write(`${head.before}${head.room}${head.after}`);
  }

  target(r: TargetResult): void {
    const s = suiteTotals(r);
    this.totals.tests += s.tests;
    this.totals.failures += s.failures;
    // One line per string, like every renderer's (./neutralise.ts), one target at a time.
    this.out.write(`${junitTarget(targetFields.mapText(r, plainText)).join("\n")}\n`);
  }

  end(): void {
    this.out.write(JUNIT_TAIL);
    this.out.flush();
    writeSync(this.fd, junitTotals(this.totals).padEnd(this.room.width), this.room.at);
    closeSync(this.fd);
  }
}

/** How many targets a streamed run keeps for the renderers that show a few. */
export const SHOWN_TARGETS = 100;

/**
 * A streamed run's running aggregates: the counts by verdict and of hard and soft failures, and
 * the targets the renderers show: every one while the run is small, then the worst first
 * (failures before warnings), up to SHOWN_TARGETS.
 */
export class RunTally {
  readonly verdicts: Record<Verdict, number> = { pass: 0, warn: 0, fail: 0 };
  hard = 0;
  soft = 0;
  /** With each its place in the input (engine/run.ts `streamTargets`), to show them in input order. */
  private readonly shown: { r: TargetResult; at: number; sub: number }[] = [];
  /** The mail domains the renderers show: the first SHOWN_TARGETS. */
  private readonly domains: DomainResult[] = [];

  get total(): number {
    return this.verdicts.pass + this.verdicts.warn + this.verdicts.fail;
  }

  add(r: TargetResult, at = this.total, sub = 0): void {
    this.verdicts[r.verdict]++;
    const c = targetFailureCounts(r);
    this.hard += c.hard;
    this.soft += c.soft;
    if (this.shown.length < SHOWN_TARGETS) this.shown.push({ r, at, sub });
    else if (r.verdict !== "pass") {
      // Make room for a worse target: it replaces the last of the best shown (a pass before a warning).
      const rank = { pass: 0, warn: 1, fail: 2 } as const;
      let best = -1;
      for (let i = 0; i < this.shown.length; i++) if (best < 0 || rank[(this.shown[i] as { r: TargetResult }).r.verdict] <= rank[(this.shown[best] as { r: TargetResult }).r.verdict]) best = i;
      if (best >= 0 && rank[(this.shown[best] as { r: TargetResult }).r.verdict] < rank[r.verdict]) this.shown[best] = { r, at, sub };
    }
  }

  domain(d: DomainResult): void {
    if (this.domains.length < SHOWN_TARGETS) this.domains.push(d);
  }

  /** True when every target of the run is among the shown ones. */
  get complete(): boolean {
    return this.total === this.shown.length;
  }

  /** The report the renderers get: the run's fields, the shown targets. */
  report(end: RunEnd): Report {
    const { domains: ended, ...head } = end;
    const targets = [...this.shown].sort((a, b) => a.at - b.at || a.sub - b.sub).map((s) => s.r);
    // A run hands its domains over as they come (RunOptions.onDomain); a merge has them at its end.
    const domains = this.domains.length ? this.domains : ended;
    return { ...head, targets, ...(domains ? { domains } : {}) };
  }

  /** `12 pass, 1 warn, 3 fail`. */
  countsText(): string {
    return (["pass", "warn", "fail"] as const).map((v) => `${this.verdicts[v]} ${v}`).join(", ");
  }
}

/** A stream the run writes into; a write that fails (a full disk) stops that stream, not the run. */
interface Output {
  what: string;
  target(r: TargetResult): void;
  domain?(d: DomainResult): void;
  end(end: RunEnd): void;
  /** After a failed write: what the stream holds on disk besides its output goes. */
  abandon?(): void;
}

/**
 * Where a streamed run's results go as they finish: the JSON report file, the JSON on standard
 * output, the JUnit file; and every result into the tally. The files were checked before the run
 * (config/output-path.ts); what only writing shows is in `unwritten`, one line each.
 */
export class StreamedOutputs {
  readonly tally = new RunTally();
  readonly unwritten: string[] = [];
  private readonly outputs: Output[] = [];

  /** The JSON report to `path`. */
  jsonFile(what: string, path: string): this {
    return this.open(what, path, (fd) => {
      const json = new JsonReportStream(new ChunkedWriter((text) => void writeSync(fd, text)));
      return { target: (r) => json.target(r), domain: (d) => json.domain(d), end: (e) => (json.end(e), closeSync(fd)), abandon: () => (json.abandon(), closeSync(fd)) };
    });
  }

  /** The JSON report through `write` (standard output). */
  json(write: (text: string) => void): this {
    const json = new JsonReportStream(new ChunkedWriter(write));
    this.outputs.push({ what: "the report to standard output", target: (r) => json.target(r), domain: (d) => json.domain(d), end: (e) => json.end(e), abandon: () => json.abandon() });
    return this;
  }

  junitFile(what: string, path: string): this {
    try {
      const junit = new JunitFileStream(path);
      this.outputs.push({ what, target: (r) => junit.target(r), end: () => junit.end() });
    } catch (err) {
      this.unwritten.push(`cannot write ${what}: ${(err as Error).message}`);
    }
    return this;
  }

  add = (r: TargetResult, at: number, sub: number): void => {
    this.tally.add(r, at, sub);
    this.each((o) => o.target(r));
  };

  /** A run's mail domain, as RunOptions.onDomain hands it over. */
  domain = (d: DomainResult): void => {
    this.tally.domain(d);
    this.each((o) => o.domain?.(d));
  };

  end(end: RunEnd): void {
    this.each((o) => o.end(end));
  }

  private open(what: string, path: string, start: (fd: number) => Omit<Output, "what">): this {
    try {
      this.outputs.push({ what, ...start(openSync(path, "w")) });
    } catch (err) {
      this.unwritten.push(`cannot write ${what}: ${(err as Error).message}`);
    }
    return this;
  }

  private each(f: (o: Output) => void): void {
    for (const o of [...this.outputs]) {
      try {
        f(o);
      } catch (err) {
        this.unwritten.push(`cannot write ${o.what}: ${(err as Error).message}`);
        this.outputs.splice(this.outputs.indexOf(o), 1);
        try {
          o.abandon?.();
        } catch {
          // The stream is given up already; what it leaves in the temporary folder is the system's to clear.
        }
      }
    }
  }
}
