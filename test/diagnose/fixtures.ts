// Builds ProbeOutcome values from compact recorded transcripts, for pure rule tests.
//
//   ["S: 220 mx.example.com ESMTP",           the greeting (steps[0]); several S lines = one multi-line reply
//    "C: EHLO x",                             a step; "C: RCPT TO:<a@b> => 5xx" sets its expectation
//    "S: 250-mx.example.com", "S: 250 SIZE 1000",
//    "C: RCPT TO:<x@example.net>  ## check=open-relay ms=900 ending=lf extra=cleanup"]
//
// A step with no S lines got no reply (null). A transcript that starts with "C:" (or is empty) had
// no greeting; an empty one with `error.step: null` ran no step at all (connect failed). "S! text"
// is received text that formed no reply (a non-SMTP banner): transcript only. Verdicts come from judgeStep over the reply and the expectation, like the probe;
// EHLO 500/502 followed by a successful HELO marks the HELO as the fallback and the EHLO as warn.
import { DEFAULT_POLICY, type Policy } from "../../src/config/policy.js";
import type { FailOn, TlsMode } from "../../src/config/target.js";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { StepResult, TargetError } from "../../src/model/report.js";
import { phaseOf, stepVerb } from "../../src/engine/plan.js";
import { judgeStep } from "../../src/engine/verdict.js";
import { classify } from "../../src/protocol/classify.js";
import { verbOf } from "../../src/protocol/command.js";
import { parseEhloExtensions } from "../../src/protocol/ehlo.js";
import {
  GREETING_EXPECTATION, defaultExpectation, formatExpectation, parseExpectation, type Expectation,
} from "../../src/protocol/expect.js";
import { parseReply } from "../../src/protocol/reply.js";
import type { TlsFacts } from "../../src/session/tls-facts.js";
import type { TranscriptEntry } from "../../src/session/transcript.js";

export interface OutcomeOptions {
  tlsMode?: TlsMode;
  failOn?: FailOn;
  /** Negotiated TLS facts (see tlsFacts()), or null. Defaults to null. */
  tls?: TlsFacts | null;
  error?: TargetError | null;
  /** Override what the builder derives from the EHLO replies. */
  extensions?: string[];
  extensionsBeforeTls?: string[] | null;
  durationMs?: number;
  unsolicitedReplies?: number;
  name?: string;
  host?: string;
  port?: number;
}

interface Meta {
  check?: StepResult["check"];
  extra?: StepResult["extra"];
  ms?: number;
  ending?: "lf" | "crlf";
}

function parseMeta(text: string): { line: string; meta: Meta } {
  const at = text.indexOf(" ## ");
  if (at === -1) return { line: text, meta: {} };
  const meta: Meta = {};
  for (const kv of text.slice(at + 4).trim().split(/\s+/)) {
    const [k, v] = kv.split("=") as [string, string];
    if (k === "check") meta.check = v as StepResult["check"];
    else if (k === "extra") meta.extra = v as StepResult["extra"];
    else if (k === "ms") meta.ms = Number(v);
    else if (k === "ending") meta.ending = v as "lf" | "crlf";
    else throw new Error(`fixture: unknown meta ${kv}`);
  }
  return { line: text.slice(0, at).trimEnd(), meta };
}

interface RawStep {
  command: string | null;
  expect: Expectation;
  server: string[];
  meta: Meta;
}

/** Splits "C: RCPT TO:<x> => 550" into the line and its expectation. */
function commandAndExpect(text: string): { command: string; expect: Expectation } {
  const m = /^(.*?)\s+=>\s+(\S+)$/.exec(text);
  const command = m ? (m[1] as string) : text;
  if (m) {
    const e = parseExpectation(m[2] as string);
    if ("error" in e) throw new Error(`fixture: ${e.error}`);
    return { command, expect: e };
  }
  return { command, expect: defaultExpectation(verbOf(command)) };
}

export function outcome(transcript: readonly string[], o: OutcomeOptions = {}): ProbeOutcome {
  const raw: RawStep[] = [];
  const entries: TranscriptEntry[] = [];
  let t = 0;
  for (const entry of transcript) {
    if (entry.startsWith("S! ")) {
      // Received bytes that formed no reply (a non-SMTP banner): transcript only.
      entries.push({ t: t++, dir: "S", text: entry.slice(3) });
      continue;
    }
    const m = /^([SC]): ?(.*)$/s.exec(entry);
    if (!m) throw new Error(`fixture: a line must start with "S: ", "S! " or "C: ": ${JSON.stringify(entry)}`);
    const dir = m[1] as "S" | "C";
    const { line, meta } = parseMeta(m[2] as string);
    if (dir === "C") {
      const { command, expect } = commandAndExpect(line);
      if (raw.length === 0) raw.push({ command: null, expect: GREETING_EXPECTATION, server: [], meta: {} });
      raw.push({ command, expect, server: [], meta });
      entries.push({ t: t++, dir: "C", text: command });
    } else {
      if (raw.length === 0) raw.push({ command: null, expect: GREETING_EXPECTATION, server: [], meta });
      const cur = raw[raw.length - 1] as RawStep;
      if (Object.keys(meta).length) Object.assign(cur.meta, meta);
      cur.server.push(line);
      entries.push({ t: t++, dir: "S", text: line });
    }
  }
  // An empty transcript with an error at no step: the connection itself failed, no step ran.
  const connectFailed = transcript.length === 0 && o.error !== undefined && o.error !== null && o.error.step === null;
  if (raw.length === 0 && !connectFailed) raw.push({ command: null, expect: GREETING_EXPECTATION, server: [], meta: {} });

  const failOn = o.failOn ?? "hard";
  const steps: StepResult[] = [];
  let extensions: string[] = [];
  let extensionsBeforeTls: string[] | null = null;
  for (const r of raw) {
    let reply = null;
    if (r.server.length) {
      const eol = r.meta.ending === "lf" ? "\n" : "\r\n";
      reply = parseReply(r.server.map((l) => `${l}${eol}`).join(""));
      if (!reply) throw new Error(`fixture: not one SMTP reply: ${JSON.stringify(r.server)}`);
    }
    const verb = r.command === null ? "" : verbOf(r.command);
    const step: StepResult = {
      command: r.command,
      verb: stepVerb(r.command),
      reply,
      class: reply ? classify(reply.code) : null,
      expected: formatExpectation(r.expect),
      verdict: judgeStep(reply?.code ?? null, r.expect, failOn),
      ms: r.meta.ms ?? 5,
      phase: phaseOf(r.command),
      ...(r.meta.extra ? { extra: r.meta.extra } : {}),
      ...(r.meta.check ? { check: r.meta.check } : {}),
    };
    const prev = steps[steps.length - 1];
    if (verb === "HELO" && prev && verbOf(prev.command ?? "") === "EHLO" && (prev.reply?.code === 500 || prev.reply?.code === 502)) {
      step.extra = "fallback";
      if (step.verdict === "pass" && prev.verdict !== "pass") prev.verdict = "warn";
      if (step.verdict === "pass") extensions = [];
    }
    if (verb === "EHLO" && reply && step.class === "success") extensions = parseEhloExtensions(reply.lines);
    if (verb === "STARTTLS" && step.verdict === "pass" && reply?.code === 220) {
      extensionsBeforeTls = extensions;
      extensions = [];
    }
    steps.push(step);
  }
  // A TLS failure right after STARTTLS's 220 fails that step (probe.ts upgrade()).
  if (o.error?.step !== undefined && o.error.step !== null) {
    const s = steps[o.error.step];
    if (s && s.reply && s.verdict === "pass") s.verdict = judgeStep(null, [], failOn);
  }
  const last = steps[steps.length - 1];
  return {
    name: o.name ?? `${o.host ?? "mx.example.com"}:${o.port ?? 25}`,
    host: o.host ?? "mx.example.com",
    port: o.port ?? 25,
    tlsMode: o.tlsMode ?? "none",
    durationMs: o.durationMs ?? steps.reduce((a, s) => a + s.ms, 0),
    error: o.error ?? null,
    tls: o.tls ?? null,
    extensions: o.extensions ?? extensions,
    extensionsBeforeTls: o.extensionsBeforeTls !== undefined ? o.extensionsBeforeTls : extensionsBeforeTls,
    steps,
    transcript: entries,
    transcriptCapped: false,
    unsolicitedReplies: o.unsolicitedReplies ?? 0,
    closedByServer: last?.reply?.code === 421,
  };
}

/** Negotiated TLS facts of a healthy session; override what a case needs. */
export function tlsFacts(over: Partial<TlsFacts> = {}): TlsFacts {
  return {
    protocol: "TLSv1.3",
    cipher: "TLS_AES_256_GCM_SHA384",
    authorized: true,
    authorizationError: null,
    subject: "mx.example.com",
    subjectAltNames: ["DNS:mx.example.com"],
    issuer: "R11",
    validFrom: "2025-01-01T00:00:00.000Z",
    validTo: "2027-01-01T00:00:00.000Z",
    daysLeft: 90,
    fingerprint256: "AA:BB:CC",
    ...over,
  };
}

export const policy = (over: Partial<Policy> = {}): Policy => ({ ...DEFAULT_POLICY, ...over });

export const GREETING = "S: 220 mx.example.com ESMTP Postfix";
export const EHLO_PLAIN = ["C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-PIPELINING", "S: 250-SIZE 10240000", "S: 250-STARTTLS", "S: 250-ENHANCEDSTATUSCODES", "S: 250 8BITMIME"];
export const EHLO_TLS = ["C: EHLO ci.example.com", "S: 250-mx.example.com", "S: 250-PIPELINING", "S: 250-SIZE 10240000", "S: 250-AUTH PLAIN LOGIN XOAUTH2", "S: 250-ENHANCEDSTATUSCODES", "S: 250 8BITMIME"];

/** A healthy STARTTLS submission session: every step passes, nothing to report. */
export const HEALTHY: readonly string[] = [
  GREETING,
  ...EHLO_PLAIN,
  "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS",
  ...EHLO_TLS,
  "C: AUTH PLAIN ***", "S: 235 2.7.0 Authentication successful",
  "C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Ok",
  "C: RCPT TO:<ops@example.com>", "S: 250 2.1.5 Ok",
  "C: RSET", "S: 250 2.0.0 Ok",
  "C: QUIT", "S: 221 2.0.0 Bye",
];

export const healthy = (over: OutcomeOptions = {}) => outcome(HEALTHY, { tlsMode: "starttls", tls: tlsFacts(), ...over });

/** A session up to (and including) EHLO over TLS, then `rest`. */
export const afterTls = (...rest: string[]): string[] => [GREETING, ...EHLO_PLAIN, "C: STARTTLS", "S: 220 2.0.0 Ready to start TLS", ...EHLO_TLS, ...rest];
