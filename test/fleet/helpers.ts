// Helpers for the fleet tests: targets, a captured CLI io, and an SMTP server on loopback that
// records every 'data' chunk per connection and how many sessions are open at once.
import net from "node:net";
import type { AddressInfo } from "node:net";
import type { CliIo } from "../../src/cli/main.js";
import type { TargetConfig } from "../../src/config/target.js";

export function target(port: number, over: Partial<TargetConfig> = {}): TargetConfig {
  return {
    name: `127.0.0.1:${port}`, host: "127.0.0.1", port, tls: "none", insecure: false, helo: "ci.example.com",
    from: "app@example.com", to: [], credentials: null, send: false, steps: null, failOn: "hard", timeoutMs: 2000,
    pipelining: "auto", ...over,
  };
}

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

export function captureIo(): CapturedIo {
  let out = "";
  let err = "";
  return { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env: {}, color: false, out: () => out, err: () => err };
}

export interface Session {
  /** The 'data' chunks as read, in order (latin1). */
  chunks: string[];
  lines: string[];
}

export interface RecordingServer {
  port: number;
  sessions: Session[];
  /** Sessions open now: from accept to QUIT received (or the close, if earlier). */
  open: number;
  maxOpen: number;
  close(): Promise<void>;
}

export interface RecordingOptions {
  pipelining?: boolean;
  /** Accept, then never say anything (a dead MTA). */
  silent?: boolean;
  /** Milliseconds to wait before answering EHLO, from the EHLO name. */
  ehloDelayMs?: (helo: string) => number;
  /** Answer the transaction replies of one chunk in a wrong order (RCPT's before MAIL's). */
  swapMailRcpt?: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startRecordingSmtp(opts: RecordingOptions = {}): Promise<RecordingServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer();
  const rec: RecordingServer = {
    port: 0, sessions: [], open: 0, maxOpen: 0,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    const session: Session = { chunks: [], lines: [] };
    rec.sessions.push(session);
    rec.open++;
    rec.maxOpen = Math.max(rec.maxOpen, rec.open);
    let counted = true;
    const done = () => {
      if (counted) rec.open--;
      counted = false;
    };
    socket.on("error", () => {});
    socket.on("close", () => {
      sockets.delete(socket);
      done();
    });
    if (opts.silent) {
      socket.on("data", (c: Buffer) => session.chunks.push(c.toString("latin1")));
      return;
    }
    socket.write("220 fleet.test ESMTP\r\n");
    let pending = "";
    let work = Promise.resolve();
    socket.on("data", (chunk: Buffer) => {
      const text = chunk.toString("latin1");
      session.chunks.push(text);
      pending += text;
      const lines = pending.split("\r\n");
      pending = lines.pop() ?? "";
      session.lines.push(...lines);
      work = work.then(() => answer(lines));
    });
    const answer = async (lines: string[]) => {
      const replies: string[] = [];
      for (const line of lines) {
        const verb = line.split(" ")[0]?.toUpperCase();
        if (verb === "EHLO") {
          const helo = line.slice(5);
          await sleep(opts.ehloDelayMs?.(helo) ?? 0);
          replies.push(`250-fleet.test greets ${helo}\r\n${opts.pipelining ? "250-PIPELINING\r\n" : ""}250 8BITMIME\r\n`);
        } else if (verb === "MAIL") replies.push("250 2.1.0 Ok\r\n");
        else if (verb === "RCPT") replies.push("250 2.1.5 Ok\r\n");
        else if (verb === "RSET") replies.push("250 2.0.0 Ok\r\n");
        else if (verb === "QUIT") {
          done();
          replies.push("221 2.0.0 Bye\r\n");
        } else replies.push("500 5.5.1 Command unrecognized\r\n");
      }
      if (opts.swapMailRcpt) {
        const m = lines.findIndex((l) => l.startsWith("MAIL"));
        const r = lines.findIndex((l) => l.startsWith("RCPT"));
        if (m >= 0 && r >= 0) [replies[m], replies[r]] = [replies[r] as string, replies[m] as string];
      }
      if (!socket.destroyed) socket.write(replies.join(""));
      if (lines.some((l) => l.toUpperCase() === "QUIT")) socket.end();
    };
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  rec.port = (server.address() as AddressInfo).port;
  return rec;
}
