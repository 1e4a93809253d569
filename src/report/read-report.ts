/**
 * Reads a JSON report (`smtp-gate/report@1`) written by an earlier run: the shards `merge`
 * combines, and `comment-from-report`'s artifact, which comes from a pull request and is
 * untrusted. Nothing is assumed: every field is checked by type and copied. A field that is
 * present with the wrong type is a problem naming it (`targets[0].steps[2]`); one that is absent
 * gets its default (older reports lack some); unknown fields are dropped.
 */
import type { ConfigProblem } from "../config/errors.js";
import { FILE_LIMITS, readTextFile } from "../config/read-file.js";
import { TLS_MODES } from "../config/target.js";
import type { Finding, Report, StepResult, TargetError, TargetResult } from "../engine/result.js";
import type { Verdict } from "../engine/verdict.js";
import { AUTH_MECHANISMS, SASL_PAYLOADS } from "../protocol/auth.js";
import { classify } from "../protocol/classify.js";
import type { ReplyEnding } from "../protocol/reply.js";
import type { ErrorKind } from "../session/errors.js";
import type { TlsFacts } from "../session/tls-facts.js";
import type { TranscriptEntry } from "../session/transcript.js";

const MAX_TARGETS = 10_000;
const VERDICTS: readonly Verdict[] = ["pass", "warn", "fail"];
const ERROR_KINDS: readonly ErrorKind[] = ["dns", "connect", "timeout", "tls", "closed", "protocol"];
const ENDINGS: readonly ReplyEnding[] = ["crlf", "lf", "mixed"];
const SEVERITIES: readonly Finding["severity"][] = ["error", "warning", "notice"];
const DIRECTIONS: readonly TranscriptEntry["dir"][] = ["C", "S", "*"];

export function readReportFile(path: string): Report | { problem: ConfigProblem } {
  const text = readTextFile(path, FILE_LIMITS.report, "a report");
  if (typeof text !== "string") return { problem: { field: "report", message: text.problem } };
  return parseReportJson(text, path);
}

/** `file` names the report in problems. */
export function parseReportJson(text: string, file = "report"): Report | { problem: ConfigProblem } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { problem: { field: "report", message: `is not JSON: ${(err as Error).message}`, file } };
  }
  const f = new Fields();
  const r = f.object(v, "report");
  if (r.schema !== "smtp-gate/report@1") return { problem: { field: "schema", message: `is not "smtp-gate/report@1": not an smtp-gate report`, file } };
  if (!Array.isArray(r.targets)) return { problem: { field: "targets", message: "must be a list of targets", file } };
  if (r.targets.length > MAX_TARGETS) return { problem: { field: "targets", message: `has more than ${MAX_TARGETS} targets`, file } };
  const tool = r.tool === undefined ? {} : f.object(r.tool, "tool");
  const report: Report = {
    schema: "smtp-gate/report@1",
    verdict: f.oneOf(r.verdict, "verdict", VERDICTS, "fail"),
    tool: { name: "smtp-gate", version: f.str(tool.version, "tool.version") },
    startedAt: f.str(r.startedAt, "startedAt"),
    targets: r.targets.map((t, i) => readTarget(f, t, `targets[${i}]`)),
  };
  return f.problem ? { problem: { ...f.problem, file } } : report;
}

function readTarget(f: Fields, v: unknown, at: string): TargetResult {
  const t = f.object(v, at);
  const e = t.error === null || t.error === undefined ? null : f.object(t.error, `${at}.error`);
  const error: TargetError | null = e && {
    kind: f.oneOf(e.kind, `${at}.error.kind`, ERROR_KINDS, "protocol"),
    message: f.str(e.message, `${at}.error.message`),
    step: f.intOrNull(e.step, `${at}.error.step`),
  };
  if (error && e?.received !== undefined) error.received = f.str(e.received, `${at}.error.received`);
  const target: TargetResult = {
    name: f.str(t.name, `${at}.name`),
    host: f.str(t.host, `${at}.host`),
    port: f.int(t.port, `${at}.port`),
    tlsMode: f.oneOf(t.tlsMode, `${at}.tlsMode`, TLS_MODES, "none"),
    verdict: f.oneOf(t.verdict, `${at}.verdict`, VERDICTS, "fail"),
    durationMs: f.int(t.durationMs, `${at}.durationMs`),
    error,
    tls: t.tls === null || t.tls === undefined ? null : readTls(f, t.tls, `${at}.tls`),
    extensions: f.strings(t.extensions, `${at}.extensions`),
    extensionsBeforeTls: t.extensionsBeforeTls === null || t.extensionsBeforeTls === undefined ? null : f.strings(t.extensionsBeforeTls, `${at}.extensionsBeforeTls`),
    steps: f.list(t.steps, `${at}.steps`).map((s, i) => readStep(f, s, `${at}.steps[${i}]`)),
    findings: f.list(t.findings, `${at}.findings`).map((x, i) => readFinding(f, x, `${at}.findings[${i}]`)),
    transcript: f.list(t.transcript, `${at}.transcript`).map((x, i) => readEntry(f, x, `${at}.transcript[${i}]`)),
    transcriptCapped: f.bool(t.transcriptCapped, `${at}.transcriptCapped`),
    unsolicitedReplies: f.int(t.unsolicitedReplies, `${at}.unsolicitedReplies`),
  };
  if (t.address !== undefined) target.address = f.str(t.address, `${at}.address`);
  if (t.mxHost !== undefined) target.mxHost = f.str(t.mxHost, `${at}.mxHost`);
  if (t.insecure !== undefined) target.insecure = f.bool(t.insecure, `${at}.insecure`);
  if (t.message !== undefined) {
    const m = f.object(t.message, `${at}.message`);
    target.message = { sent: f.bool(m.sent, `${at}.message.sent`), recipients: f.int(m.recipients, `${at}.message.recipients`) };
  }
  if (t.server !== undefined && t.server !== null) {
    const srv = f.object(t.server, `${at}.server`);
    target.server = { product: f.str(srv.product, `${at}.server.product`), version: f.strOrNull(srv.version, `${at}.server.version`) };
  }
  if (t.source !== undefined) {
    const s = f.object(t.source, `${at}.source`);
    target.source = { file: f.str(s.file, `${at}.source.file`), line: f.int(s.line, `${at}.source.line`) };
  }
  return target;
}

function readStep(f: Fields, v: unknown, at: string): StepResult {
  const s = f.object(v, at);
  const r = s.reply === null || s.reply === undefined ? null : f.object(s.reply, `${at}.reply`);
  const code = r && f.replyCode(r.code, `${at}.reply.code`);
  const step: StepResult = {
    command: f.strOrNull(s.command, `${at}.command`),
    reply: r && code !== null ? { code, enhanced: f.strOrNull(r.enhanced, `${at}.reply.enhanced`), lines: f.strings(r.lines, `${at}.reply.lines`), ending: f.oneOf(r.ending, `${at}.reply.ending`, ENDINGS, "crlf") } : null,
    class: code !== null ? classify(code) : null,
    expected: f.str(s.expected, `${at}.expected`),
    verdict: f.oneOf(s.verdict, `${at}.verdict`, VERDICTS, "fail"),
    ms: f.int(s.ms, `${at}.ms`),
    phase: f.str(s.phase, `${at}.phase`),
  };
  if (s.extra !== undefined) step.extra = f.oneOf(s.extra, `${at}.extra`, ["cleanup", "fallback"] as const, "cleanup");
  if (s.pipelined !== undefined) step.pipelined = f.bool(s.pipelined, `${at}.pipelined`);
  if (s.consequenceOf !== undefined) step.consequenceOf = f.int(s.consequenceOf, `${at}.consequenceOf`);
  if (s.sasl !== undefined) {
    const x = f.object(s.sasl, `${at}.sasl`);
    step.sasl = { mechanism: f.oneOf(x.mechanism, `${at}.sasl.mechanism`, AUTH_MECHANISMS, "PLAIN"), carries: f.oneOf(x.carries, `${at}.sasl.carries`, SASL_PAYLOADS, "password") };
  }
  return step;
}

function readFinding(f: Fields, v: unknown, at: string): Finding {
  const x = f.object(v, at);
  const finding: Finding = {
    id: f.str(x.id, `${at}.id`),
    severity: f.oneOf(x.severity, `${at}.severity`, SEVERITIES, "notice"),
    step: f.intOrNull(x.step, `${at}.step`),
    message: f.str(x.message, `${at}.message`),
    causes: f.strings(x.causes, `${at}.causes`),
    ruledOut: f.list(x.ruledOut, `${at}.ruledOut`).map((r, i) => {
      const o = f.object(r, `${at}.ruledOut[${i}]`);
      return { cause: f.str(o.cause, `${at}.ruledOut[${i}].cause`), evidence: f.str(o.evidence, `${at}.ruledOut[${i}].evidence`) };
    }),
    fixes: f.strings(x.fixes, `${at}.fixes`),
  };
  if (x.summary !== undefined) finding.summary = f.str(x.summary, `${at}.summary`);
  return finding;
}

function readEntry(f: Fields, v: unknown, at: string): TranscriptEntry {
  const e = f.object(v, at);
  return { t: f.int(e.t, `${at}.t`), dir: f.oneOf(e.dir, `${at}.dir`, DIRECTIONS, "*"), text: f.str(e.text, `${at}.text`) };
}

function readTls(f: Fields, v: unknown, at: string): TlsFacts {
  const t = f.object(v, at);
  const tls: TlsFacts = {
    protocol: f.strOrNull(t.protocol, `${at}.protocol`),
    cipher: f.strOrNull(t.cipher, `${at}.cipher`),
    authorized: f.bool(t.authorized, `${at}.authorized`),
    authorizationError: f.strOrNull(t.authorizationError, `${at}.authorizationError`),
    subject: f.strOrNull(t.subject, `${at}.subject`),
    subjectAltNames: f.strings(t.subjectAltNames, `${at}.subjectAltNames`),
    issuer: f.strOrNull(t.issuer, `${at}.issuer`),
    validFrom: f.strOrNull(t.validFrom, `${at}.validFrom`),
    validTo: f.strOrNull(t.validTo, `${at}.validTo`),
    daysLeft: f.intOrNull(t.daysLeft, `${at}.daysLeft`),
    fingerprint256: f.strOrNull(t.fingerprint256, `${at}.fingerprint256`),
  };
  if (t.checkedName !== undefined) tls.checkedName = f.str(t.checkedName, `${at}.checkedName`);
  if (t.nameMatches !== undefined) tls.nameMatches = f.bool(t.nameMatches, `${at}.nameMatches`);
  if (t.issuerUrl !== undefined) tls.issuerUrl = f.strOrNull(t.issuerUrl, `${at}.issuerUrl`);
  if (t.trust !== undefined) tls.trust = f.oneOf(t.trust, `${at}.trust`, ["public", "ca"] as const, "public");
  return tls;
}

/**
 * Typed reads of JSON values: an absent value (undefined) gives the default; a value of the
 * wrong type gives the default too, and the first such field is remembered as the problem.
 */
class Fields {
  problem: ConfigProblem | null = null;

  private bad<T>(field: string, what: string, fallback: T): T {
    this.problem ??= { field, message: `must be ${what}` };
    return fallback;
  }

  object(v: unknown, at: string): Record<string, unknown> {
    return v !== null && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : this.bad(at, "an object", {});
  }

  list(v: unknown, at: string): unknown[] {
    if (v === undefined) return [];
    return Array.isArray(v) ? v : this.bad(at, "a list", []);
  }

  str(v: unknown, at: string): string {
    if (v === undefined) return "";
    return typeof v === "string" ? v : this.bad(at, "a string", "");
  }

  strOrNull(v: unknown, at: string): string | null {
    return v === undefined || v === null ? null : this.str(v, at);
  }

  strings(v: unknown, at: string): string[] {
    return this.list(v, at).map((x, i) => this.str(x, `${at}[${i}]`));
  }

  int(v: unknown, at: string): number {
    if (v === undefined) return 0;
    return typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : this.bad(at, "a number", 0);
  }

  intOrNull(v: unknown, at: string): number | null {
    return v === undefined || v === null ? null : this.int(v, at);
  }

  /** Required where a reply is: a reply without its code is not one. */
  replyCode(v: unknown, at: string): number {
    return typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599 ? v : this.bad(at, "a reply code from 100 to 599", 500);
  }

  bool(v: unknown, at: string): boolean {
    if (v === undefined) return false;
    return typeof v === "boolean" ? v : this.bad(at, "true or false", false);
  }

  oneOf<T extends string>(v: unknown, at: string, allowed: readonly T[], fallback: T): T {
    if (v === undefined) return fallback;
    return (allowed as readonly unknown[]).includes(v) ? (v as T) : this.bad(at, `one of ${allowed.join(", ")}`, fallback);
  }
}
