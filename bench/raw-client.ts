/**
 * The fleet reference: the same conversation as a passing probe (greeting, EHLO, then MAIL, RCPT,
 * RSET, QUIT in one write) on raw sockets, with no parsing beyond finding final reply lines, no
 * transcript, no verdicts. Its N-target ÷ 1-target ratio is what the server and this machine
 * allow any client; smtp-gate's ratio is judged beside it.
 */
import net from "node:net";

export interface RawFigures {
  wallMs: number;
  cpuMs: number;
  passed: number;
}

function conversation(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect({ host: "127.0.0.1", port, noDelay: true });
    let buffered = "";
    let finals = 0;
    let ok = true;
    s.setEncoding("utf8");
    s.on("error", () => resolve(false));
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
          resolve(ok);
        }
      }
    });
  });
}

/** `bench raw-child PORT N`: N conversations at once; prints one JSON line. */
export async function rawChild(port: number, n: number): Promise<void> {
  const cpu = process.cpuUsage();
  const began = performance.now();
  const results = await Promise.all(Array.from({ length: n }, () => conversation(port)));
  const used = process.cpuUsage(cpu);
  const figures: RawFigures = { wallMs: performance.now() - began, cpuMs: (used.user + used.system) / 1000, passed: results.filter(Boolean).length };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}
