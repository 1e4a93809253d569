/**
 * The fleet reference: the same conversation as a passing probe (greeting, EHLO, then MAIL, RCPT,
 * RSET, QUIT in one write) on raw sockets, with no parsing beyond finding final reply lines, no
 * transcript, no verdicts. Its N-target ÷ 1-target ratio is what the server and this machine
 * allow any client; smtp-gate's ratio is judged beside it.
 */
import net from "node:net";
import { SYN_RETRY_MS } from "./listen-drops.js";

export interface RawFigures {
  wallMs: number;
  cpuMs: number;
  passed: number;
  /** Connections whose connect took longer than SYN_RETRY_MS: their SYN was dropped and retried. */
  slowConnects: number;
  maxConnectMs: number;
}

interface Conversation {
  ok: boolean;
  connectMs: number;
}

function conversation(host: string, port: number): Promise<Conversation> {
  return new Promise((resolve) => {
    const began = performance.now();
    let connectMs = NaN;
    const s = net.connect({ host, port, noDelay: true });
    let buffered = "";
    let finals = 0;
    let ok = true;
    s.setEncoding("utf8");
    s.once("connect", () => (connectMs = performance.now() - began));
    s.on("error", () => resolve({ ok: false, connectMs }));
    s.on("data", (d: string) => {
      buffered += d;
      const lines = buffered.split("\r\n");
      buffered = lines.pop() ?? "";
      for (const line of lines) {
        if (line[3] === "-") continue;
        finals++;
        ok &&= /^[23]/.test(line);
        if (finals === 1) s.write("EHLO bench.example.com\r\n");
        else if (finals === 2) s.write("MAIL FROM:<a@example.com>\r\nRCPT TO:<b@example.com>\r\nRSET\r\nQUIT\r\n");
        else if (finals === 6) {
          s.destroy();
          resolve({ ok, connectMs });
        }
      }
    });
  });
}

/** `bench raw-child HOST PORT N [C]`: N conversations, C at once (all N by default); prints one JSON line. */
export async function rawChild(host: string, port: number, n: number, concurrency = n): Promise<void> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  let passed = 0;
  let slowConnects = 0;
  let maxConnectMs = 0;
  let next = 0;
  const worker = async () => {
    while (next < n) {
      next++;
      const r = await conversation(host, port);
      if (r.ok) passed++;
      if (r.connectMs > SYN_RETRY_MS) slowConnects++;
      if (r.connectMs > maxConnectMs) maxConnectMs = r.connectMs;
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, concurrency) }, worker));
  const used = process.cpuUsage(cpu);
  const figures: RawFigures & { maxRssKiB: number } = {
    wallMs: performance.now() - began,
    cpuMs: (used.user + used.system) / 1000,
    passed,
    slowConnects,
    maxConnectMs,
    maxRssKiB: process.resourceUsage().maxRSS,
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
