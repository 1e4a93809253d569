/**
 * What a probe hands to diagnosis. The report types themselves live in the model
 * (src/model/report.ts); this is the engine's own, never written to a report as such.
 */
import type { TargetResult } from "../model/report.js";

/** The target's result before its findings and verdict, with what only diagnosis reads. */
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
