// Shared helpers for the integration suite: targets, probes on real loopback sockets, capture.
import net from "node:net";
import type { TargetConfig } from "../../src/config/target.js";
import type { TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { testTarget } from "../support/target.js";

export const EHLO_REPLY = "250-test.local greets you\r\n250-PIPELINING\r\n250-SIZE 1000000\r\n250 8BITMIME\r\n";
export const EHLO_STARTTLS = "250-test.local greets you\r\n250-PIPELINING\r\n250-STARTTLS\r\n250 8BITMIME\r\n";

/** A plain target on 127.0.0.1 with short timeouts; override anything. */
export function target(port: number, over: Partial<TargetConfig> = {}): TargetConfig {
  return testTarget({
    name: `127.0.0.1:${port}`,
    host: "127.0.0.1",
    port,
    tls: "none",
    timeoutMs: 1000,
    // Contract §2's lockstep rules; PIPELINING (RFC 2920) has its own tests.
    pipelining: "off",
    ...over,
  });
}

export function probe(t: TargetConfig, redactor = new Redactor()): Promise<TargetResult> {
  return probeTarget(t, redactor);
}

export const commands = (r: TargetResult): (string | null)[] => r.steps.map((s) => s.command);
export const replyCodes = (r: TargetResult): (number | null)[] => r.steps.map((s) => s.reply?.code ?? null);
export const verdicts = (r: TargetResult): string[] => r.steps.map((s) => s.verdict);
export const extras = (r: TargetResult): (string | undefined)[] => r.steps.map((s) => s.extra);

export { sleep } from "../support/harness.js";

/** A port on 127.0.0.1 where nothing listens (bound, then released). */
export async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

export { captureIo, type CapturedIo, Closer as Servers } from "../support/harness.js";
