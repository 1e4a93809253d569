/**
 * SYN retries made visible. A listen queue that overflows drops the SYN; the client's kernel
 * retries it after a second (RFC 6298's initial RTO), so one overflowed run is a second slower
 * and its median measures the retry, not the client. The witnesses, reported per run: the
 * kernel's TcpExt counters TCPSynRetrans (SYNs sent again) and ListenOverflows + ListenDrops
 * (system-wide, so another process's retries show too), and for the reference client the
 * connects that took longer than SYN_RETRY_MS. A target's duration is no witness: on a loaded
 * machine it grows with the CPU it waits for.
 */
import { readFileSync } from "node:fs";

/** A connect slower than this waited for a retried SYN. */
export const SYN_RETRY_MS = 900;

export interface SynCounters {
  /** TcpExt TCPSynRetrans. */
  retransmitted: number;
  /** TcpExt ListenOverflows + ListenDrops. */
  dropped: number;
}

/** The counters from /proc/net/netstat; NaN where they cannot be read. */
export function synCounters(): SynCounters {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n").filter((l) => l.startsWith("TcpExt:"));
    const names = (lines[0] ?? "").split(/\s+/);
    const values = (lines[1] ?? "").split(/\s+/).map(Number);
    const at = (name: string) => values[names.indexOf(name)] ?? NaN;
    return { retransmitted: at("TCPSynRetrans"), dropped: at("ListenOverflows") + at("ListenDrops") };
  } catch {
    return { retransmitted: NaN, dropped: NaN };
  }
}

/** What the counters rose by since `before`. */
export function synCountersSince(before: SynCounters): SynCounters {
  const now = synCounters();
  return { retransmitted: now.retransmitted - before.retransmitted, dropped: now.dropped - before.dropped };
}
