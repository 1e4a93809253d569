/**
 * Reads a JSON report written by an earlier job (`comment-from-report`). In the fork-safe
 * pattern the file comes from a pull request's artifact, so it is untrusted: every field is
 * checked and copied by type, nothing is assumed, and unknown fields are dropped.
 */
import { readFileSync } from "node:fs";
import type { Finding, Report, StepResult, TargetError, TargetResult } from "../engine/result.js";
import type { Verdict } from "../engine/verdict.js";
import type { TlsFacts } from "../session/tls-facts.js";
import type { ErrorKind } from "../session/errors.js";
import type { TlsMode } from "../config/target.js";
import { classify } from "../protocol/classify.js";

/** Reports are at most this big; an artifact larger than this is not one of ours. */
const MAX_REPORT_BYTES = 50 * 1024 * 1024;
const MAX_TARGETS = 10_000;

export function readReportFile(path: string): Report | { problem: string } {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    return { problem: `cannot read "${path}": ${(err as NodeJS.ErrnoException).code ?? String(err)}` };
  }
  if (text.length > MAX_REPORT_BYTES) return { problem: `"${path}" is larger than ${MAX_REPORT_BYTES} bytes` };
  return parseReportJson(text, path);
}

export function parseReportJson(text: string, label = "report"): Report | { problem: string } {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    return { problem: `${label} is not JSON: ${(err as Error).message}` };
  }
  const r = obj(v);
  if (r.schema !== "smtp-gate/report@1") return { problem: `${label} is not an smtp-gate report (schema "smtp-gate/report@1" expected)` };
  if (!Array.isArray(r.targets) || r.targets.length > MAX_TARGETS) return { problem: `${label} has no "targets" list` };
  const targets = r.targets.map(parseTarget);
  const tool = obj(r.tool);
  return {
    schema: "smtp-gate/report@1",
    verdict: verdict(r.verdict),
    tool: { name: "smtp-gate", version: str(tool.version) },
    startedAt: str(r.startedAt),
    targets,
  };
}

function parseTarget(v: unknown): TargetResult {
  const t = obj(v);
  const err = t.error === null || t.error === undefined ? null : obj(t.error);
  const error: TargetError | null = err ? { kind: str(err.kind) as ErrorKind, message: str(err.message), step: intOrNull(err.step) } : null;
  return {
    name: str(t.name),
    host: str(t.host),
    port: intOrNull(t.port) ?? 0,
    tlsMode: str(t.tlsMode) as TlsMode,
    verdict: verdict(t.verdict),
    durationMs: intOrNull(t.durationMs) ?? 0,
    error,
    tls: parseTls(t.tls),
    extensions: strings(t.extensions),
    extensionsBeforeTls: Array.isArray(t.extensionsBeforeTls) ? strings(t.extensionsBeforeTls) : null,
    steps: list(t.steps).map(parseStep),
    findings: list(t.findings).map(parseFinding),
    transcript: [],
    transcriptCapped: false,
    unsolicitedReplies: 0,
  };
}

function parseStep(v: unknown): StepResult {
  const s = obj(v);
  const r = s.reply === null || s.reply === undefined ? null : obj(s.reply);
  const code = r ? intOrNull(r.code) : null;
  return {
    command: s.command === null ? null : str(s.command),
    reply: r && code !== null ? { code, enhanced: r.enhanced === null ? null : str(r.enhanced), lines: strings(r.lines), ending: "crlf" } : null,
    class: code !== null && r ? classify(code) : null,
    expected: str(s.expected),
    verdict: verdict(s.verdict),
    ms: intOrNull(s.ms) ?? 0,
    phase: str(s.phase),
  };
}

function parseFinding(v: unknown): Finding {
  const f = obj(v);
  const sev = str(f.severity);
  return {
    id: str(f.id),
    severity: sev === "error" || sev === "warning" ? sev : "notice",
    step: intOrNull(f.step),
    message: str(f.message),
    causes: strings(f.causes),
    ruledOut: Array.isArray(f.ruledOut) ? f.ruledOut.map((x) => ({ cause: str(obj(x).cause), evidence: str(obj(x).evidence) })) : [],
    fixes: strings(f.fixes),
  };
}

function parseTls(v: unknown): TlsFacts | null {
  if (v === null || typeof v !== "object") return null;
  const t = obj(v);
  const s = (x: unknown) => (x === null || x === undefined ? null : str(x));
  return {
    protocol: s(t.protocol),
    cipher: s(t.cipher),
    authorized: t.authorized === true,
    authorizationError: s(t.authorizationError),
    subject: s(t.subject),
    subjectAltNames: strings(t.subjectAltNames),
    issuer: s(t.issuer),
    validFrom: s(t.validFrom),
    validTo: s(t.validTo),
    daysLeft: intOrNull(t.daysLeft),
    fingerprint256: s(t.fingerprint256),
  };
}

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}
function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}
function str(v: unknown): string {
  return typeof v === "string" ? v : v === undefined || v === null ? "" : String(v);
}
function strings(v: unknown): string[] {
  return list(v).map(str);
}
function intOrNull(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : null;
}
function verdict(v: unknown): Verdict {
  return v === "pass" || v === "warn" || v === "fail" ? v : "fail";
}
