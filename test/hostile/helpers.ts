// Helpers for the hostile-peer suite: targets built through resolveTarget (the same validation
// every face uses), a raw loopback server for byte-exact abuse, timing, and the built bundles
// (test/support/built.ts).
import { localIo } from "../../src/config/local-io.js";
import net from "node:net";
import { resolve } from "node:path";
import type { AddressInfo } from "node:net";
import { resolveTarget } from "../../src/config/resolve.js";
import type { RawTarget } from "../../src/config/keys.js";
import type { TargetConfig } from "../../src/config/target.js";
import type { TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";

export const ROOT = resolve(import.meta.dirname, "../..");

/** A TargetConfig exactly as the CLI/action/config file would build it; throws on a config problem. */
export function resolved(raw: RawTarget, env: Record<string, string | undefined> = {}): TargetConfig {
  const r = resolveTarget({ host: "127.0.0.1", tls: "none", helo: "ci.example.com", from: "app@example.com", ...raw }, { env, label: (k) => k, ...localIo() });
  if ("problems" in r) throw new Error(`test target does not resolve: ${JSON.stringify(r.problems)}`);
  return r;
}

export async function timedProbe(t: TargetConfig, redactor = new Redactor()): Promise<{ r: TargetResult; ms: number }> {
  const began = performance.now();
  const r = await probeTarget(t, redactor);
  return { r, ms: performance.now() - began };
}

import { sleep } from "../support/harness.js";
export { sleep };

/**
 * Polls `cond` until true or `ms` pass; returns whether it became true. The default is a safety
 * net under the test's own timeout, not a bound on how fast it must happen (a loaded machine is slow).
 */
export async function eventually(cond: () => boolean, ms = 15_000): Promise<boolean> {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    if (cond()) return true;
    await sleep(10);
  }
  return cond();
}

export interface RawServer {
  port: number;
  connections: number;
  /** Server-side sockets not yet closed: 0 shortly after a probe means the client hung up. */
  open(): number;
  /** Everything every client sent, in order. */
  received(): string;
  close(): Promise<void>;
}

/**
 * A server that hands each accepted socket to `onConnection`; the function may return a cleanup
 * (an interval to clear) that runs when the socket closes. Every socket has an error listener.
 */
export async function startRawServer(onConnection: (s: net.Socket, index: number) => (() => void) | void): Promise<RawServer> {
  const sockets = new Set<net.Socket>();
  const chunks: Buffer[] = [];
  const server = net.createServer();
  server.on("error", () => {});
  const self: RawServer = {
    port: 0,
    connections: 0,
    open: () => sockets.size,
    received: () => Buffer.concat(chunks).toString("latin1"),
    close: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
  server.on("connection", (s) => {
    const index = self.connections++;
    sockets.add(s);
    s.setNoDelay(true);
    s.on("error", () => {});
    s.on("data", (c: Buffer) => chunks.push(c));
    let cleanup: (() => void) | void = undefined;
    s.once("close", () => {
      sockets.delete(s);
      cleanup?.();
    });
    cleanup = onConnection(s, index);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  self.port = (server.address() as AddressInfo).port;
  return self;
}

/** Writes `chunk` as fast as the socket takes it, until the socket closes. */
export function flood(s: net.Socket, chunk: Buffer): () => void {
  let stopped = false;
  const pump = (): void => {
    while (!stopped && !s.destroyed && s.write(chunk)) {
      /* keep writing */
    }
    if (!stopped && !s.destroyed) s.once("drain", pump);
  };
  pump();
  return () => {
    stopped = true;
  };
}

export { Closer, captureIo, type CapturedIo } from "../support/harness.js";

export { ensureBuilt, runNode, type Built, type ProcResult } from "../support/built.js";

