/**
 * The report model (contract §6–§8): what a probe found, independent of how it is rendered.
 * Every type here has one row set in report-fields.ts, which writes and reads it.
 */
import type { Reply } from "../protocol/reply.js";
import type {
  AuthMechanism,
  AuthWithheldReason,
  CertificateTrust,
  Direction,
  ErrorKind,
  ProxyProtocolVersion,
  ReplyClass,
  RootCause,
  SaslPayload,
  SenderVerdict,
  Severity,
  StepCheck,
  StepExtra,
  StsMode,
  TlsMode,
  Verdict,
} from "./enums.js";

export interface TranscriptEntry {
  /** Milliseconds since the session started. */
  t: number;
  dir: Direction;
  text: string;
}

/** What was negotiated, for the report (contract §6 `tls`). */
export interface TlsFacts {
  protocol: string | null;
  cipher: string | null;
  authorized: boolean;
  authorizationError: string | null;
  subject: string | null;
  subjectAltNames: string[];
  issuer: string | null;
  validFrom: string | null;
  validTo: string | null;
  daysLeft: number | null;
  fingerprint256: string | null;
  /**
   * The name the certificate was checked against (`servername`, else the host) and whether it
   * holds it (RFC 6125 §6). Checked on its own, so a wrong name is known even when the chain is
   * not trusted or verification is off. Absent in reports of older versions.
   */
  checkedName?: string;
  nameMatches?: boolean;
  /** The leaf's "CA Issuers" URL (Authority Information Access, RFC 5280 §4.2.2.1), or null: where a public CA publishes the issuer's certificate. */
  issuerUrl?: string | null;
  /** What the chain was verified against: the runtime's public roots, or only the CA file given (`ca`). */
  trust?: CertificateTrust;
  /** SHA-256 of the certificate's public key (a renewal may keep it; an interceptor's differs). Absent in older reports. */
  publicKey256?: string | null;
}

export interface StepResult {
  /** The line as sent, secrets as `***`; null for the greeting. */
  command: string | null;
  /** The command's verb as sent (`EHLO`, `MAIL`, `AUTH`); null for the greeting (contract §8). */
  verb: string | null;
  reply: Reply | null;
  class: ReplyClass | null;
  expected: string;
  verdict: Verdict;
  ms: number;
  /** What the step was doing, in words: "performing the EHLO handshake". */
  phase: string;
  /**
   * Sent by smtp-gate itself after a failure (RSET, QUIT), as the HELO fallback, or as the NOOP
   * after a PROXY header that shows whether the server took the header (proxy-header).
   */
  extra?: StepExtra;
  /** Sent in one write with its neighbours (RFC 2920 PIPELINING). */
  pipelined?: boolean;
  /** The policy check this step belongs to. */
  check?: StepCheck;
  /**
   * For a line of an AUTH exchange whose `command` is `***` (contract §6): what it carried, so
   * that people read `AUTH LOGIN (username)`, never the value.
   */
  sasl?: { mechanism: AuthMechanism; carries: SaslPayload };
  /**
   * Index of the earlier step whose refusal this reply follows from (a pipelined command after a
   * refused MAIL, DATA after every RCPT was refused, anything after a 421). Such a step carries no
   * finding of its own: its cause's finding covers it (contract §7).
   */
  consequenceOf?: number;
}

export interface TargetError {
  kind: ErrorKind;
  message: string;
  step: number | null;
  received?: string;
}

/** Forward-confirmed reverse DNS of one address: its PTR names, and those that resolve back to it. */
export interface ReverseDns {
  address: string;
  /** The PTR names found; empty when there is none. */
  names: string[];
  /** The PTR names whose A/AAAA records include the address. */
  confirmed: string[];
  /** c-ares' code when the PTR lookup failed for another reason than "no such record". */
  error?: string;
}

/** Credentials that smtp-gate did not send, and why (RFC 4954 §4; contract §7). */
export interface AuthWithheld {
  reason: AuthWithheldReason;
  /** The mechanism asked for or chosen; null when none of the usable ones was offered. */
  mechanism: AuthMechanism | null;
  /** AUTH mechanisms the current EHLO reply advertised. */
  offered: string[];
  /** AUTH mechanisms advertised before STARTTLS, when TLS was started. */
  offeredBeforeTls: string[] | null;
  /** Whether TLS was active when AUTH was due. */
  tls: boolean;
}

/**
 * A command smtp-gate did not send because the server did not advertise the extension it needs
 * (RFC 5321 §2.2.2: a client uses only what the EHLO reply offered): a UTF-8 address without
 * SMTPUTF8 (RFC 6531 §3.4), BDAT without CHUNKING (RFC 3030 §2, whose chunk a server without it
 * would read as commands). The step has no reply; this says why.
 */
export interface CommandWithheld {
  /** Index of the step that was not sent. */
  step: number;
  /** The EHLO keyword the command needs. */
  needs: string;
}

/** A cause the conversation itself rules out, with what in it does so. */
export interface RuledOut {
  cause: string;
  evidence: string;
}

export interface Finding {
  id: string;
  severity: Severity;
  step: number | null;
  message: string;
  /** Why the server refused, from contract §8's vocabulary; null when the finding is not about a refusal. */
  cause: RootCause | null;
  /** Causes still possible, most likely first (with this conversation's evidence where there is some). */
  causes: string[];
  /** Causes this conversation rules out; none of them appears in `causes` or `fixes`. */
  ruledOut: RuledOut[];
  /** What to do, runnable for this target, top first; each tied to a cause still possible. */
  fixes: string[];
  /**
   * What happened as a short phrase ("the certificate is self-signed"), for one-line faces: the
   * `summary` output and annotation titles. The message, with the facts, stays the headline.
   */
  summary?: string;
}

/** What one variant of the SMTP smuggling check found (contract §7, `smuggling-check`). */
export interface SmugglingResult {
  /** The end-of-data variant, readably: `<LF>.<LF>`. */
  variant: string;
  /**
   * True when the server took the variant as the end of the message (it answered before the
   * real end, then answered the smuggled line and what followed as commands); false when it
   * answered the message once and then the NOOP barrier (or refused it with 421 and closed);
   * null when not known: not tried, or no NOOP answer proved that every reply had arrived.
   */
  endedData: boolean | null;
  /** Every reply to the message's bytes, in order: the first is the message's own, the rest arrived unsolicited. */
  replies: Reply[];
  /** Why endedData is null (not tried, transaction refused, no reply), or what else happened. */
  note?: string;
}

/** The server software, recognised from its banner, EHLO reply and reply texts (src/knowledge/servers.ts). */
export interface ServerIdentity {
  /** The MTA; null when only the box in front of it could be told (`via`). */
  product: string | null;
  version: string | null;
  /** The product family of contract §8 (`postfix`, `exchange`, `gmail`, …). */
  family?: string;
  /** What stands in front, when it can be told (`haproxy`, `nginx`, …; contract §8). */
  via?: string;
}

export interface TargetResult {
  name: string;
  host: string;
  port: number;
  tlsMode: TlsMode;
  verdict: Verdict;
  durationMs: number;
  error: TargetError | null;
  tls: TlsFacts | null;
  /** Extensions from the last successful EHLO (after STARTTLS when it ran). */
  extensions: string[];
  /** Extensions advertised before STARTTLS, when TLS was started. */
  extensionsBeforeTls: string[] | null;
  steps: StepResult[];
  findings: Finding[];
  transcript: TranscriptEntry[];
  transcriptCapped: boolean;
  /** Replies that arrived before a command asked for them. */
  unsolicitedReplies: number;
  /** Where the target was configured, when it came from a file. */
  source?: { file: string; line: number };
  /** The IP address connected to, when known (contract §7). */
  address?: string;
  /** The MX host this address belongs to, for an expanded `mx` target (contract §7). */
  mxHost?: string;
  /** Forward-confirmed reverse DNS of the address, for expanded targets. */
  rdns?: ReverseDns;
  /** The PROXY protocol header sent first, when one was (contract §7). */
  proxyProtocol?: ProxyProtocolVersion;
  /** The SOCKS5 proxy the target was reached through, as host:port. */
  socks5?: string;
  /** Set when credentials were configured but not sent. */
  authWithheld?: AuthWithheld;
  /** Set when a command was not sent because the server did not advertise what it needs. */
  commandWithheld?: CommandWithheld;
  /** True when credentials went over a connection without TLS. */
  credentialsInClear?: boolean;
  /** True when a configured secret is shorter than the redactor's fragment length (protocol/redact.ts). */
  shortSecret?: boolean;
  /** The server software when recognised, else null (contract §7); set by diagnosis's preparation. */
  server?: ServerIdentity | null;
  /** True when certificate verification was turned off on purpose (`insecure: true`). */
  insecure?: boolean;
  /**
   * With `send` only: whether the test message was accepted (its end answered 250), and how many
   * recipients it was for. Not sent when the sequence stopped before, e.g. at a refused recipient.
   */
  message?: { sent: boolean; recipients: number };
  /** The SMTP smuggling check, one entry per variant, when `smuggling-check` was set (contract §7). */
  smuggling?: SmugglingResult[];
  // --- Transport security of a mail domain (contract §9) ---
  /** What an RFC 8461 sender would do with this address, when the domain has an MTA-STS policy. */
  mtaSts?: AddressMtaSts;
  /** The extra handshakes' facts about this address's TLS, when `tls-audit` was set. */
  tlsAudit?: TlsAudit;
  /** What a DANE sender (RFC 7672) would do with this address, for mx targets unless `dane: false`. */
  dane?: AddressDane;
}

// --- Transport security of a mail domain (contract §9) ---

/** The `_mta-sts` TXT record and the policy as fetched (RFC 8461 §3). */
export interface MtaStsFacts {
  /** The id of the one valid `v=STSv1` TXT record, else null. */
  txtId: string | null;
  /** The id the fetched policy goes by (the TXT id when the policy was fetched and parsed), else null. */
  policyId: string | null;
  mode: StsMode | null;
  maxAge: number | null;
  mx: string[];
  /** SHA-256 of the policy body as fetched (hex), else null. */
  bodySha256: string | null;
}

export interface DomainResult {
  domain: string;
  /** Null when the domain publishes no `_mta-sts` record. */
  mtaSts: MtaStsFacts | null;
  /** The `rua` URIs of a valid TLS-RPT record (RFC 8460), else null. */
  tlsRpt: { rua: string[] } | null;
}

export interface AddressMtaSts {
  /** Whether a policy `mx` pattern matches this address's MX host (RFC 8461 §4.1). */
  covered: boolean;
  /** An MTA-STS sender in the policy's mode: delivers here, refuses, or null when not known (no TLS reached). */
  sender: SenderVerdict | null;
}

export interface AddressDane {
  /** The MX host's address records validated (AD): only then are TLSA records looked up (RFC 7672 §2.2). */
  secure: boolean;
  /** The TLSA records at `_25._tcp.<TLSA base domain>`, `usage selector matching hex`, as published. */
  tlsa: string[];
  /** The record that authenticated the server's certificate, or null. */
  matched: string | null;
  /** A DANE sender delivers here, refuses (bogus DNS, no STARTTLS, no match), or null when not known. */
  sender: SenderVerdict | null;
}

export interface TlsAuditCertificate {
  /** `RSA 2048`, `EC P-256`, `Ed25519`. */
  key: string;
  /** The signature algorithm the issuer used, e.g. `sha256WithRSAEncryption`. */
  signature: string;
  names: string[];
  issuer: string | null;
  daysLeft: number | null;
  /** The MX (or host) name is among the names. */
  matchesHost: boolean;
  /** The server sent the intermediate that issued this certificate (or it is self-issued, or issued by a root itself). */
  chainComplete: boolean;
  fingerprint256: string;
}

export interface TlsAudit {
  /** The protocol versions the server completed a handshake with, lowest first. */
  protocols: string[];
  /** False when the server sends a leaf (any key type's) without the intermediate that issued it. */
  chainComplete: boolean;
  /** One per key type the server holds (RSA, ECDSA). */
  certificates: TlsAuditCertificate[];
}

/**
 * Which run a report belongs to (contract §8): shards of one run share `targets` and `digest`,
 * and `merge` counts them by `shard`.
 */
export interface RunIdentity {
  /** `I/N` when the run was one shard of N; null when it ran every target. */
  shard: string | null;
  /** How many targets the run had before sharding. */
  targets: number;
  /** SHA-256 (hex) of the whole target list before sharding. */
  digest: string;
}

export interface Report {
  schema: "smtp-gate/report@1";
  verdict: Verdict;
  tool: { name: "smtp-gate"; version: string };
  startedAt: string;
  /** Absent in reports of earlier versions and in reports built without a target list. */
  run?: RunIdentity;
  targets: TargetResult[];
  /** The mail domains whose policies were read (contract §9), in input order. */
  domains?: DomainResult[];
}
