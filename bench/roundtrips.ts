/**
 * Round trips: the probe through the fault proxy adding 25 ms each way (RTT 50 ms) in front of
 * the demo MTA (which advertises PIPELINING), pipelining auto and off, 1 and 3 recipients.
 *
 * The floor is what the sequence cannot avoid on this path. The proxy delays data, not the TCP
 * handshake (the client connects to the proxy on loopback), so the connect costs nothing here
 * and the greeting one way (½ RTT); every command that must wait for its reply costs a whole RTT.
 * On a real network add one RTT for the TCP handshake and another half for the greeting.
 */
import { localIo } from "../src/config/local-io.js";
import { resolveTarget } from "../src/config/resolve.js";
import { startDemoMta } from "../src/demo/mta.js";
import type { TargetResult } from "../src/model/report.js";
import { probeTarget } from "../src/engine/run.js";
import { Redactor } from "../src/protocol/redact.js";
import { startFaultProxy } from "../test/support/fault-proxy.js";
import { median, ms, type Row } from "./stats.js";

const ONE_WAY_MS = 25;
const RTT = 2 * ONE_WAY_MS;

/** Command round trips the probe made: a lockstep step is one, a pipelined group is one. */
export function commandRoundTrips(r: TargetResult): number {
  let n = 0;
  let inGroup = false;
  for (const s of r.steps.slice(1)) {
    if (s.pipelined) {
      if (!inGroup) n++;
      inGroup = true;
    } else {
      n++;
      inGroup = false;
    }
  }
  return n;
}

/** What RFC 2920 allows for greeting, EHLO, MAIL, RCPT×n, RSET, QUIT (EHLO ends its own group). */
function idealRoundTrips(recipients: number, pipelining: boolean): number {
  return pipelining ? 2 : 1 + 1 + recipients + 1 + 1;
}

/** Why a run did not pass, for the note: the error, else the findings that are not notices. */
function why(r: TargetResult): string {
  if (r.error) return `${r.error.kind}: ${r.error.message}`;
  const steps = r.steps.map((s) => `${s.command ?? "greeting"} → ${s.reply?.code ?? "none"}${s.verdict === "pass" ? "" : ` (${s.verdict})`}`).join(", ");
  return `${r.findings.filter((f) => f.severity !== "notice").map((f) => `${f.id}: ${f.message}`).join("; ")} [${steps}]`;
}

export interface RoundTripFigures {
  rows: Row[];
  notes: string[];
}

export async function benchRoundTrips(repeats: number): Promise<RoundTripFigures> {
  const mta = await startDemoMta(0);
  const proxy = await startFaultProxy({ upstreamPort: mta.port, mode: { latencyMs: ONE_WAY_MS } });
  const rows: Row[] = [];
  const notes: string[] = [
    `RTT ${RTT} ms (fault proxy, ${ONE_WAY_MS} ms each way); floor = ½ RTT for the greeting + RTT × command round trips (the TCP connect is to the proxy on loopback: free)`,
  ];
  const saved: Record<number, number> = {};
  try {
    for (const recipients of [1, 3]) {
      for (const pipelining of ["auto", "off"] as const) {
        const t = resolveTarget(
          { host: "127.0.0.1", port: proxy.port, tls: "none", helo: "bench.example.com", from: "a@example.com", to: Array.from({ length: recipients }, (_, i) => `rcpt${i}@example.com`), pipelining, timeout: 10 },
          { env: {}, label: (k) => k, ...localIo() },
        );
        if ("problems" in t) throw new Error(JSON.stringify(t.problems));
        const walls: number[] = [];
        let last: TargetResult | undefined;
        await probeTarget(t, new Redactor()); // warm-up
        for (let i = 0; i < repeats; i++) {
          const began = performance.now();
          last = await probeTarget(t, new Redactor());
          walls.push(performance.now() - began);
          if (last.verdict !== "pass") notes.push(`WARNING: ${pipelining}/${recipients} rcpt: verdict ${last.verdict}: ${why(last)}`);
        }
        const made = commandRoundTrips(last as TargetResult);
        const ideal = idealRoundTrips(recipients, pipelining === "auto");
        const floor = ONE_WAY_MS + RTT * made;
        const wall = median(walls);
        if (pipelining === "off") saved[recipients] = made - (saved[recipients] ?? 0);
        else saved[recipients] = made;
        rows.push({
          measure: `pipelining ${pipelining}, ${recipients} rcpt: command round trips (RFC ideal ${ideal}); wall / floor (median of ${repeats})`,
          value: `${made} RT; ${ms(wall)} / ${ms(floor)} = ${(wall / floor).toFixed(3)}×`,
          target: `≤ 1.10×${made === ideal ? "" : `; RT = ${ideal}`}`,
          met: wall / floor <= 1.1 && made === ideal,
        });
      }
      const s = saved[recipients] as number;
      rows.push({ measure: `pipelining saves, ${recipients} rcpt (MAIL, RCPT×${recipients}, RSET, QUIT in one)`, value: `${s} RT = ${ms(s * RTT)}`, target: `${recipients + 2} RT`, met: s === recipients + 2 });
    }
  } finally {
    await proxy.close();
    await mta.close();
  }
  return { rows, notes };
}
