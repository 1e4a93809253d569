/**
 * SYN retries made visible. A listen queue that overflows drops the SYN; the client's kernel
 * retries it after a second (RFC 6298's initial RTO), so one overflowed run is a second slower
 * and its median measures the retry, not the client. Two witnesses, both reported per run:
 * the kernel's TcpExt ListenOverflows/ListenDrops counters (system-wide, so another process's
 * overflow shows too) and the connections that took longer than SYN_RETRY_MS.
 */
import { readFileSync } from "node:fs";

/** A connect (or a whole target, less its server delays) slower than this waited for a retried SYN. */
export const SYN_RETRY_MS = 900;

/** TcpExt ListenOverflows + ListenDrops from /proc/net/netstat; NaN where it cannot be read. */
export function listenDrops(): number {
  try {
    const lines = readFileSync("/proc/net/netstat", "utf8").split("\n").filter((l) => l.startsWith("TcpExt:"));
    const names = (lines[0] ?? "").split(/\s+/);
    const values = (lines[1] ?? "").split(/\s+/).map(Number);
    const at = (name: string) => values[names.indexOf(name)] ?? NaN;
    return at("ListenOverflows") + at("ListenDrops");
  } catch {
    return NaN;
  }
}
