/**
 * The report's field table (contract §6–§9): the one description that report/json.ts writes and
 * report/read-stream.ts (a file, a target at a time) and report/read-report.ts (a whole text)
 * read. A field added to a type in model/report.ts must get its row here (FieldTable makes a
 * missing row a compile error), so every field written is read back.
 */
import { classify } from "../protocol/classify.js";
import { MAX_REPLY_LINES, type Reply } from "../protocol/reply.js";
import {
  AUTH_MECHANISMS,
  AUTH_WITHHELD_REASONS,
  CERTIFICATE_TRUST,
  DIRECTIONS,
  ERROR_KINDS,
  PROXY_PROTOCOL_VERSIONS,
  REPLY_CLASSES,
  REPLY_ENDINGS,
  ROOT_CAUSES,
  SASL_PAYLOADS,
  SENDER_VERDICTS,
  SEVERITIES,
  STEP_CHECKS,
  STEP_EXTRAS,
  STS_MODES,
  TLS_MODES,
  VERDICTS,
} from "./enums.js";
import { bool, constant, int, intIn, list, nullable, object, oneOf, str, type Codec } from "./fields.js";
import type {
  AddressDane,
  AddressMtaSts,
  DomainResult,
  MtaStsFacts,
  TlsAudit,
  TlsAuditCertificate,
  AuthWithheld,
  CommandWithheld,
  Finding,
  Report,
  ReverseDns,
  RunIdentity,
  ServerIdentity,
  SmugglingResult,
  StepResult,
  TargetError,
  TargetResult,
  TlsFacts,
  TranscriptEntry,
} from "./report.js";

/** A fleet larger than this is sharded (contract §7); a report file holding more is not one of ours. */
export const MAX_REPORT_TARGETS = 10_000;

/**
 * Lists of words and sentences (extensions, causes, fixes, PTR names) are short in any report we
 * write; a file's are capped so that no renderer meets a list of a million. Steps, findings and
 * targets are not capped here (a fleet is large; MAX_REPORT_TARGETS bounds targets), and every
 * consumer walks them in loops.
 */
const MAX_LIST = 1000;
/** Session's MAX_TRANSCRIPT_ENTRIES (session/transcript.ts): a transcript never holds more. */
const MAX_TRANSCRIPT = 2000;
const strings = list(str, MAX_LIST);
const optional = <T>(codec: Codec<T>, omit?: (v: T) => boolean) => ({ codec, optional: true as const, ...(omit ? { omit } : {}) });
const isFalse = (v: boolean) => !v;

const replyFields: Codec<Reply> = object<Reply>({
  code: { codec: intIn(100, 599, "a reply code from 100 to 599"), required: true },
  enhanced: { codec: nullable(str) },
  lines: { codec: list(str, MAX_REPLY_LINES) },
  // CRLF is what RFC 5321 §2.3.8 asks; only the other endings are worth a field.
  ending: { codec: oneOf(REPLY_ENDINGS) },
});

/** The JSON leaves out `ending: "crlf"`: the writer drops it after the table wrote it. */
const replyCodec: Codec<Reply> = {
  ...replyFields,
  write: (v) => {
    const out = replyFields.write(v) as Record<string, unknown>;
    if (out.ending === "crlf") delete out.ending;
    return out;
  },
};

const stepFields = object<StepResult>(
  {
    command: { codec: nullable(str) },
    verb: { codec: nullable(str) },
    reply: { codec: nullable(replyCodec) },
    class: { codec: nullable(oneOf(REPLY_CLASSES)) },
    expected: { codec: str },
    verdict: { codec: oneOf(VERDICTS, "fail") },
    ms: { codec: int },
    phase: { codec: str },
    extra: optional(oneOf(STEP_EXTRAS)),
    pipelined: optional(bool, isFalse),
    consequenceOf: optional(int),
    check: optional(oneOf(STEP_CHECKS)),
    sasl: optional(object<NonNullable<StepResult["sasl"]>>({ mechanism: { codec: oneOf(AUTH_MECHANISMS) }, carries: { codec: oneOf(SASL_PAYLOADS) } })),
  },
  // The class follows from the code (RFC 5321 §4.2.1): a file cannot make a 550 a success.
  (s) => {
    s.class = s.reply ? classify(s.reply.code) : null;
  },
);

const errorFields = object<TargetError>({
  kind: { codec: oneOf(ERROR_KINDS, "protocol") },
  message: { codec: str },
  step: { codec: nullable(int) },
  received: optional(str),
});

const tlsFields = object<TlsFacts>({
  protocol: { codec: nullable(str) },
  cipher: { codec: nullable(str) },
  authorized: { codec: bool },
  authorizationError: { codec: nullable(str) },
  subject: { codec: nullable(str) },
  subjectAltNames: { codec: strings },
  issuer: { codec: nullable(str) },
  validFrom: { codec: nullable(str) },
  validTo: { codec: nullable(str) },
  daysLeft: { codec: nullable(int) },
  fingerprint256: { codec: nullable(str) },
  checkedName: optional(str),
  nameMatches: optional(bool),
  issuerUrl: optional(nullable(str)),
  trust: optional(oneOf(CERTIFICATE_TRUST)),
  publicKey256: optional(nullable(str)),
});

const findingFields = object<Finding>({
  id: { codec: str },
  severity: { codec: oneOf(SEVERITIES, "error") },
  step: { codec: nullable(int) },
  message: { codec: str },
  cause: { codec: nullable(oneOf(ROOT_CAUSES, "other")) },
  causes: { codec: strings },
  ruledOut: { codec: list(object({ cause: { codec: str }, evidence: { codec: str } }), MAX_LIST) },
  fixes: { codec: strings },
  summary: optional(str),
});

const entryFields = object<TranscriptEntry>({
  t: { codec: int },
  dir: { codec: oneOf(DIRECTIONS, "*") },
  text: { codec: str },
});

const rdnsFields = object<ReverseDns>({
  address: { codec: str },
  names: { codec: strings },
  confirmed: { codec: strings },
  error: optional(str),
});

const authWithheldFields = object<AuthWithheld>({
  reason: { codec: oneOf(AUTH_WITHHELD_REASONS) },
  mechanism: { codec: nullable(oneOf(AUTH_MECHANISMS)) },
  offered: { codec: strings },
  offeredBeforeTls: { codec: nullable(strings) },
  tls: { codec: bool },
});

const commandWithheldFields = object<CommandWithheld>({
  step: { codec: int },
  needs: { codec: str },
});

const serverFields = object<ServerIdentity>({
  product: { codec: nullable(str) },
  version: { codec: nullable(str) },
  family: optional(str),
  via: optional(str),
});

const smugglingFields = object<SmugglingResult>({
  variant: { codec: str },
  endedData: { codec: nullable(bool) },
  replies: { codec: list(replyCodec, MAX_LIST) },
  note: optional(str, (v) => v === ""),
});

// --- Transport security of a mail domain (contract §9) ---

const mtaStsFacts = object<MtaStsFacts>({
  txtId: { codec: nullable(str) },
  policyId: { codec: nullable(str) },
  mode: { codec: nullable(oneOf(STS_MODES)) },
  maxAge: { codec: nullable(int) },
  mx: { codec: strings },
  bodySha256: { codec: nullable(str) },
});

export const domainFields = object<DomainResult>({
  domain: { codec: str },
  mtaSts: { codec: nullable(mtaStsFacts) },
  tlsRpt: { codec: nullable(object<{ rua: string[] }>({ rua: { codec: strings } })) },
});

const addressMtaStsFields = object<AddressMtaSts>({
  covered: { codec: bool },
  sender: { codec: nullable(oneOf(SENDER_VERDICTS)) },
});

const addressDaneFields = object<AddressDane>({
  secure: { codec: bool },
  tlsa: { codec: strings },
  matched: { codec: nullable(str) },
  sender: { codec: nullable(oneOf(SENDER_VERDICTS)) },
});

const tlsAuditFields = object<TlsAudit>({
  protocols: { codec: strings },
  chainComplete: { codec: bool },
  certificates: {
    codec: list(object<TlsAuditCertificate>({
      key: { codec: str },
      signature: { codec: str },
      names: { codec: strings },
      issuer: { codec: nullable(str) },
      daysLeft: { codec: nullable(int) },
      matchesHost: { codec: bool },
      chainComplete: { codec: bool },
      fingerprint256: { codec: str },
    })),
  },
});

export const targetFields = object<TargetResult>({
  name: { codec: str },
  host: { codec: str },
  port: { codec: int },
  tlsMode: { codec: oneOf(TLS_MODES, "none") },
  address: optional(str),
  mxHost: optional(str),
  server: { codec: nullable(serverFields), nullWhenAbsent: true },
  verdict: { codec: oneOf(VERDICTS, "fail") },
  durationMs: { codec: int },
  error: { codec: nullable(errorFields) },
  tls: { codec: nullable(tlsFields) },
  extensions: { codec: strings },
  extensionsBeforeTls: { codec: nullable(strings) },
  steps: { codec: list(stepFields) },
  findings: { codec: list(findingFields) },
  transcript: { codec: list(entryFields, MAX_TRANSCRIPT) },
  transcriptCapped: { codec: bool },
  unsolicitedReplies: { codec: int },
  rdns: optional(rdnsFields),
  proxyProtocol: optional(oneOf(PROXY_PROTOCOL_VERSIONS)),
  socks5: optional(str),
  authWithheld: optional(authWithheldFields),
  commandWithheld: optional(commandWithheldFields),
  credentialsInClear: optional(bool, isFalse),
  shortSecret: optional(bool, isFalse),
  insecure: optional(bool, isFalse),
  message: optional(object<NonNullable<TargetResult["message"]>>({ sent: { codec: bool }, recipients: { codec: int } })),
  source: optional(object<{ file: string; line: number }>({ file: { codec: str }, line: { codec: int } })),
  smuggling: optional(list(smugglingFields, MAX_LIST)),
  mtaSts: optional(addressMtaStsFields),
  tlsAudit: optional(tlsAuditFields),
  dane: optional(addressDaneFields),
});

const runFields = object<RunIdentity>({
  shard: { codec: nullable(str) },
  targets: { codec: int },
  digest: { codec: str },
});

export const reportFields = object<Report>({
  schema: { codec: constant("smtp-gate/report@1"), required: true },
  verdict: { codec: oneOf(VERDICTS, "fail") },
  tool: { codec: object<Report["tool"]>({ name: { codec: constant("smtp-gate") }, version: { codec: str } }) },
  startedAt: { codec: str },
  run: optional(runFields),
  targets: { codec: list(targetFields, MAX_REPORT_TARGETS), required: true },
  domains: optional(list(domainFields)),
});
