/**
 * Failures the peer (or the network) can cause are values, never exceptions: a diagnostic
 * tool meets broken servers by design, and each failure is an answer to report.
 */
import type { ErrorKind } from "../model/enums.js";

export type { ErrorKind } from "../model/enums.js";

export interface PeerError {
  kind: ErrorKind;
  message: string;
  /** The offending bytes, decoded for display (a non-SMTP banner, a cut-off reply). */
  received?: string;
  /** Node's error code, when there was one (ECONNREFUSED, ERR_SSL_WRONG_VERSION_NUMBER, …): not a reply code. */
  nodeCode?: string;
  /** The library's own text (OpenSSL's `error:0A00010B:SSL routines:…`), for the transcript only: the message keeps its words. */
  detail?: string;
}

const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "ENODATA", "EAI_FAIL", "ESERVFAIL"]);
const CONNECT_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "EADDRNOTAVAIL", "EADDRINUSE", "EACCES"]);
const CONNECT_WORDS: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  EHOSTUNREACH: "host unreachable",
  ENETUNREACH: "network unreachable",
  ETIMEDOUT: "connection timed out",
  EADDRNOTAVAIL: "address not available",
};
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);

/** Maps a Node socket error to our kinds; `phase` says what we were doing. */
export function fromSocketError(err: NodeJS.ErrnoException, phase: "connect" | "tls" | "session"): PeerError {
  const code = err.code ?? "";
  if (DNS_CODES.has(code)) return { kind: "dns", message: `cannot resolve host (${code})`, nodeCode: code };
  if (CONNECT_CODES.has(code)) return { kind: "connect", message: `${CONNECT_WORDS[code] ?? "cannot connect"} (${code})`, nodeCode: code };
  if (phase === "tls" || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) {
    const why = RESET_CODES.has(code) ? `the server reset the connection (${code})` : tlsReason(err);
    return { kind: "tls", message: `TLS handshake failed: ${why}`, nodeCode: code || undefined, ...(why !== err.message ? { detail: err.message } : {}) };
  }
  if (RESET_CODES.has(code)) return { kind: "closed", message: `connection reset by the server (${code})`, nodeCode: code };
  if (phase === "connect") return { kind: "connect", message: `cannot connect: ${err.message}`, nodeCode: code || undefined };
  return { kind: "closed", message: `connection failed: ${err.message}`, nodeCode: code || undefined };
}

/**
 * OpenSSL's reason in words ("wrong version number"). Node gives it as `reason` on errors from
 * OpenSSL; the message itself is `…error:0A00010B:SSL routines:FUNCTION:REASON:FILE:LINE:`.
 */
function tlsReason(err: NodeJS.ErrnoException & { reason?: unknown }): string {
  if (typeof err.reason === "string" && err.reason) return err.reason;
  const m = /error:[0-9A-F]+:[^:]*:[^:]*:([^:\n]+)/.exec(err.message);
  return (m?.[1] ?? err.message).trim();
}
