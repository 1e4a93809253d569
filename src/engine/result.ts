/**
 * What a probe hands to diagnosis. The report types live in the model (src/model/report.ts);
 * they are re-exported here for the modules that read a probe's outcome.
 */
import type { TargetResult } from "../model/report.js";

export type {
  AuthWithheld,
  Finding,
  Report,
  ReverseDns,
  RuledOut,
  ServerIdentity,
  SmugglingResult,
  StepResult,
  TargetError,
  TargetResult,
  // Transport security of a mail domain (contract §9).
  AddressDane,
  AddressMtaSts,
  DomainResult,
  MtaStsFacts,
  TlsAudit,
  TlsAuditCertificate,
} from "../model/report.js";
export type { Severity } from "../model/enums.js";

/** What a probe hands to diagnosis: the result before its findings and verdict. */
export interface ProbeOutcome extends Omit<TargetResult, "verdict" | "findings"> {
  /** True when the session ended with the server's 421. */
  closedByServer: boolean;
  /** Set when DATA was not sent because the message exceeds the advertised SIZE (RFC 1870). */
  oversize?: { octets: number; limit: number };
  /** Why the PROXY header said UNKNOWN (v1) or LOCAL (v2) instead of the endpoints, when it did. */
  proxyHeaderUnknown?: string;
  /** Addresses of the host name that were not connected to (engine/address-scope.ts), and why. */
  unroutable?: { address: string; why: string }[];
}
