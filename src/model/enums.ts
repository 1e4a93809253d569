/**
 * The closed vocabularies of the report (contract §6–§8), each an `as const` list with its type
 * derived from it: the list is what the report reader accepts, the type what the code may write.
 */

export const VERDICTS = ["pass", "warn", "fail"] as const;
export type Verdict = (typeof VERDICTS)[number];

export const TLS_MODES = ["starttls", "implicit", "opportunistic", "none"] as const;
export type TlsMode = (typeof TLS_MODES)[number];

/** `fail-on` (contract §2): what turns a target red. */
export const FAIL_ON = ["hard", "soft", "never"] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Failures the peer (or the network) can cause; each is a value, never an exception. */
export const ERROR_KINDS = ["dns", "connect", "timeout", "tls", "closed", "protocol", "proxy"] as const;
export type ErrorKind = (typeof ERROR_KINDS)[number];

export const SEVERITIES = ["error", "warning", "notice"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** RFC 5321 §4.2.1: the first digit of a reply code. */
export const REPLY_CLASSES = ["success", "intermediate", "transient", "permanent"] as const;
export type ReplyClass = (typeof REPLY_CLASSES)[number];

/** How a reply's lines ended on the wire: CRLF as RFC 5321 §2.3.8 asks, bare LF, or both. */
export const REPLY_ENDINGS = ["crlf", "lf", "mixed"] as const;
export type ReplyEnding = (typeof REPLY_ENDINGS)[number];

/** C: what we sent, S: what the server sent, *: an event (TLS started, bytes dropped, …). */
export const DIRECTIONS = ["C", "S", "*"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** A step smtp-gate sent on its own: RSET/QUIT after a failure, HELO after a refused EHLO, or the NOOP after a PROXY header. */
export const STEP_EXTRAS = ["cleanup", "fallback", "proxy-header"] as const;
export type StepExtra = (typeof STEP_EXTRAS)[number];

/** The policy check a step belongs to (contract §7). */
export const STEP_CHECKS = ["open-relay", "vrfy"] as const;
export type StepCheck = (typeof STEP_CHECKS)[number];

export const AUTH_MECHANISMS = ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"] as const;
export type AuthMechanism = (typeof AUTH_MECHANISMS)[number];

/** What one line of a SASL exchange carries (RFC 4954 §4): renderers say this instead of `***`. */
export const SASL_PAYLOADS = ["username", "password", "username and password", "username and digest", "username and token", "empty line"] as const;
export type SaslPayload = (typeof SASL_PAYLOADS)[number];

/** What a certificate chain was verified against: the runtime's public roots, or only the `ca` file. */
export const CERTIFICATE_TRUST = ["public", "ca"] as const;
export type CertificateTrust = (typeof CERTIFICATE_TRUST)[number];

/** Why configured credentials were not sent (RFC 4954 §4; contract §7). */
export const AUTH_WITHHELD_REASONS = ["tls-not-active", "auth-not-offered", "mechanism-not-offered", "cleartext"] as const;
export type AuthWithheldReason = (typeof AUTH_WITHHELD_REASONS)[number];

/** MTA-STS policy modes (RFC 8461 §5) and what a sender does with an MX address (contract §9). */
export const STS_MODES = ["enforce", "testing", "none"] as const;
export type StsMode = (typeof STS_MODES)[number];
export const SENDER_VERDICTS = ["deliver", "refuse"] as const;
export type SenderVerdict = (typeof SENDER_VERDICTS)[number];

/** The HAProxy PROXY protocol versions smtp-gate can send first. */
export const PROXY_PROTOCOL_VERSIONS = ["v1", "v2"] as const;
export type ProxyProtocolVersion = (typeof PROXY_PROTOCOL_VERSIONS)[number];

/**
 * Why a server refused something (contract §8 `finding.cause`): the classes of the reply corpus
 * (shared/corpus/replies.json). `other` says none fits rather than guess.
 */
export const ROOT_CAUSES = [
  "unknown-recipient",
  "mailbox-full",
  "mailbox-disabled",
  "relay-denied",
  "auth-required",
  "auth-failed",
  "auth-mechanism",
  "app-password-required",
  "basic-auth-disabled",
  "tls-required",
  "tls-unavailable",
  "sender-rejected",
  "sender-not-authorized",
  "spf-dkim-dmarc",
  "ip-reputation",
  "ptr-missing",
  "helo-rejected",
  "rate-limited",
  "greylisted",
  "server-lookup-failure",
  "server-resource",
  "message-too-big",
  "content-rejected",
  "command-unrecognized",
  "syntax-error",
  "bad-sequence",
  "too-many-recipients",
  "service-unavailable",
  "smtputf8-required",
  "null-mx",
  "pipelining-violation",
  "early-talker",
  "proxy-protocol",
  "middlebox",
  "other",
] as const;
export type RootCause = (typeof ROOT_CAUSES)[number];

export const isOneOf = <T extends string>(list: readonly T[], v: unknown): v is T => (list as readonly unknown[]).includes(v);
