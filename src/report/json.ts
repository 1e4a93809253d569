/** The JSON report (contract §6, `smtp-gate/report@1`). */
import type { Report, StepResult, TargetResult } from "../engine/result.js";

export function reportToJson(report: Report): unknown {
  return {
    schema: report.schema,
    verdict: report.verdict,
    tool: report.tool,
    startedAt: report.startedAt,
    targets: report.targets.map(targetToJson),
  };
}

export function renderJson(report: Report): string {
  return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}

function targetToJson(t: TargetResult) {
  return {
    name: t.name,
    host: t.host,
    port: t.port,
    tlsMode: t.tlsMode,
    ...(t.address !== undefined ? { address: t.address } : {}),
    ...(t.mxHost !== undefined ? { mxHost: t.mxHost } : {}),
    server: t.server ?? null,
    verdict: t.verdict,
    durationMs: t.durationMs,
    error: t.error,
    tls: t.tls,
    extensions: t.extensions,
    extensionsBeforeTls: t.extensionsBeforeTls,
    steps: t.steps.map(stepToJson),
    findings: t.findings.map((f) => ({ id: f.id, severity: f.severity, step: f.step, message: f.message, causes: f.causes, ruledOut: f.ruledOut ?? [], fixes: f.fixes, ...(f.summary ? { summary: f.summary } : {}) })),
    transcript: t.transcript,
    transcriptCapped: t.transcriptCapped,
    ...(t.rdns ? { rdns: t.rdns } : {}),
    ...(t.proxyProtocol ? { proxyProtocol: t.proxyProtocol } : {}),
    ...(t.socks5 ? { socks5: t.socks5 } : {}),
    ...(t.authWithheld ? { authWithheld: t.authWithheld } : {}),
    ...(t.credentialsInClear ? { credentialsInClear: true } : {}),
    ...(t.insecure ? { insecure: true } : {}),
    ...(t.message ? { message: t.message } : {}),
    ...(t.source ? { source: t.source } : {}),
    ...(t.smuggling ? { smuggling: t.smuggling.map((v) => ({ variant: v.variant, endedData: v.endedData, replies: v.replies.map((r) => ({ code: r.code, enhanced: r.enhanced, lines: r.lines })), ...(v.note ? { note: v.note } : {}) })) } : {}),
  };
}

function stepToJson(s: StepResult) {
  return {
    command: s.command,
    reply: s.reply ? { code: s.reply.code, enhanced: s.reply.enhanced, lines: s.reply.lines, ...(s.reply.ending !== "crlf" ? { ending: s.reply.ending } : {}) } : null,
    class: s.class,
    expected: s.expected,
    verdict: s.verdict,
    ms: s.ms,
    phase: s.phase,
    ...(s.extra ? { extra: s.extra } : {}),
    ...(s.pipelined ? { pipelined: true } : {}),
    ...(s.consequenceOf !== undefined ? { consequenceOf: s.consequenceOf } : {}),
    ...(s.check ? { check: s.check } : {}),
    ...(s.sasl ? { sasl: s.sasl } : {}),
  };
}
