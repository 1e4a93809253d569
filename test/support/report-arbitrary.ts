// Reports with every field filled, for the round-trip and the renderer property tests. Typed
// `Required<…>`: a field added to the model that these do not fill does not compile.
import fc from "fast-check";
import {
  AUTH_MECHANISMS, AUTH_WITHHELD_REASONS, CERTIFICATE_TRUST, DIRECTIONS, ERROR_KINDS, PROXY_PROTOCOL_VERSIONS, REPLY_ENDINGS, ROOT_CAUSES,
  SASL_PAYLOADS, SENDER_VERDICTS, SEVERITIES, STEP_CHECKS, STEP_EXTRAS, STS_MODES, TLS_MODES, VERDICTS,
} from "../../src/model/enums.js";
import type {
  AddressDane, AddressMtaSts, DomainResult, TlsAudit, TlsAuditCertificate,
  AuthWithheld, CommandWithheld, Finding, Report, ReverseDns, RunIdentity, ServerIdentity, SmugglingResult, StepResult, TargetError, TargetResult, TlsFacts, TranscriptEntry,
} from "../../src/model/report.js";
import { classify } from "../../src/protocol/classify.js";
import type { Reply } from "../../src/protocol/reply.js";

/** A report whose strings come from `text` (any UTF-16, by default). */
export function fullReport(text: fc.Arbitrary<string> = fc.string({ unit: "binary", maxLength: 12 })): fc.Arbitrary<Required<Report>> {
  const nonEmpty = text.filter((s) => s !== "");
  const texts = fc.array(text, { maxLength: 3 });
  const nat = fc.nat({ max: 100_000 });
  const of = <T>(list: readonly T[]) => fc.constantFrom(...list);

  const reply = fc.record<Reply>({ code: fc.integer({ min: 100, max: 599 }), enhanced: fc.option(text), lines: texts, ending: of(REPLY_ENDINGS) });

  const step: fc.Arbitrary<Required<StepResult>> = fc
    .record({
      command: fc.option(text), verb: fc.option(text), reply: fc.option(reply), expected: text, verdict: of(VERDICTS), ms: nat, phase: text,
      extra: of(STEP_EXTRAS), pipelined: fc.constant(true), check: of(STEP_CHECKS), consequenceOf: nat,
      sasl: fc.record({ mechanism: of(AUTH_MECHANISMS), carries: of(SASL_PAYLOADS) }),
    })
    // A reply's class follows from its code: the reader recomputes it.
    .map((s) => ({ ...s, class: s.reply ? classify(s.reply.code) : null }));

  const error = fc.record<Required<TargetError>>({ kind: of(ERROR_KINDS), message: text, step: fc.option(nat), received: text });
  const tls = fc.record<Required<TlsFacts>>({
    protocol: fc.option(text), cipher: fc.option(text), authorized: fc.boolean(), authorizationError: fc.option(text), subject: fc.option(text),
    subjectAltNames: texts, issuer: fc.option(text), validFrom: fc.option(text), validTo: fc.option(text), daysLeft: fc.option(fc.integer({ min: -999, max: 999 })), fingerprint256: fc.option(text),
    checkedName: text, nameMatches: fc.boolean(), issuerUrl: fc.option(text), trust: of(CERTIFICATE_TRUST),
    publicKey256: fc.option(text),
  });
  const finding = fc.record<Required<Finding>>({
    id: text, severity: of(SEVERITIES), step: fc.option(nat), message: text, cause: fc.option(of(ROOT_CAUSES)), causes: texts,
    ruledOut: fc.array(fc.record({ cause: text, evidence: text }), { maxLength: 2 }), fixes: texts, summary: text,
  });
  const entry = fc.record<TranscriptEntry>({ t: nat, dir: of(DIRECTIONS), text });
  const rdns = fc.record<Required<ReverseDns>>({ address: text, names: texts, confirmed: texts, error: text });
  const authWithheld = fc.record<AuthWithheld>({ reason: of(AUTH_WITHHELD_REASONS), mechanism: fc.option(of(AUTH_MECHANISMS)), offered: texts, offeredBeforeTls: fc.option(texts), tls: fc.boolean() });
  const server = fc.record<Required<ServerIdentity>>({ product: fc.option(text), version: fc.option(text), family: text, via: text });
  const smuggling = fc.record<Required<SmugglingResult>>({ variant: text, endedData: fc.option(fc.boolean()), replies: fc.array(reply, { maxLength: 2 }), note: nonEmpty });

  // Transport security of a mail domain (contract §9).
  const mtaSts = fc.record<AddressMtaSts>({ covered: fc.boolean(), sender: fc.option(of(SENDER_VERDICTS)) });
  const certificate = fc.record<TlsAuditCertificate>({
    key: text, signature: text, names: texts, issuer: fc.option(text), daysLeft: fc.option(fc.integer({ min: -999, max: 999 })), matchesHost: fc.boolean(), chainComplete: fc.boolean(), fingerprint256: text,
  });
  const dane = fc.record<AddressDane>({ secure: fc.boolean(), tlsa: texts, matched: fc.option(text), sender: fc.option(of(SENDER_VERDICTS)) });
  const tlsAudit = fc.record<TlsAudit>({ protocols: texts, chainComplete: fc.boolean(), certificates: fc.array(certificate, { maxLength: 2 }) });
  const domain = fc.record<DomainResult>({
    domain: text,
    mtaSts: fc.option(fc.record({ txtId: fc.option(text), policyId: fc.option(text), mode: fc.option(of(STS_MODES)), maxAge: fc.option(nat), mx: texts, bodySha256: fc.option(text) })),
    tlsRpt: fc.option(fc.record({ rua: texts })),
  });

  const target = fc.record<Required<TargetResult>>({
    name: text, host: text, port: fc.integer({ min: 0, max: 65535 }), tlsMode: of(TLS_MODES), verdict: of(VERDICTS), durationMs: nat,
    error: fc.option(error), tls: fc.option(tls), extensions: texts, extensionsBeforeTls: fc.option(texts),
    steps: fc.array(step, { maxLength: 3 }), findings: fc.array(finding, { maxLength: 2 }), transcript: fc.array(entry, { maxLength: 3 }),
    transcriptCapped: fc.boolean(), unsolicitedReplies: nat, source: fc.record({ file: text, line: nat }), address: text, mxHost: text, rdns,
    proxyProtocol: of(PROXY_PROTOCOL_VERSIONS), socks5: text, authWithheld, commandWithheld: fc.record<CommandWithheld>({ step: nat, needs: text }), credentialsInClear: fc.constant(true), shortSecret: fc.constant(true),
    server, insecure: fc.constant(true), message: fc.record({ sent: fc.boolean(), recipients: nat }), smuggling: fc.array(smuggling, { minLength: 1, maxLength: 2 }), mtaSts, tlsAudit, dane,
  });
  const run = fc.record<RunIdentity>({ shard: fc.option(text), targets: nat, digest: text });
  return fc.record<Required<Report>>({
    schema: fc.constant("smtp-gate/report@1"), verdict: of(VERDICTS), tool: fc.record({ name: fc.constant("smtp-gate"), version: text }),
    startedAt: text, run, targets: fc.array(target, { minLength: 1, maxLength: 3 }), domains: fc.array(domain, { maxLength: 2 }),
  });
}
