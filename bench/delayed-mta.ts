/**
 * A lean ESMTP server for the fleet bench: it waits `delayMs` before every reply (the greeting
 * included) and answers a pipelined group's commands together, as a real MTA flushes them. It
 * does as little as possible itself, so the CPU in the measurement is the client's.
 */
import net from "node:net";
import type { AddressInfo } from "node:net";

export interface DelayedMta {
  port: number;
  connections: number;
  close(): Promise<void>;
}

/**
 * `backlog` is the listen queue (Node's default, 511, drops SYNs when a fleet connects all at
 * once, and the client retries a second later: the bench then measures the retry). The kernel
 * caps it at net.core.somaxconn.
 */
export async function startDelayedMta(delayMs: number, host = "127.0.0.1", backlog = 511): Promise<DelayedMta> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    mta.connections++;
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("error", () => socket.destroy());
    socket.on("close", () => sockets.delete(socket));
    const later = (text: string, end = false) =>
      setTimeout(() => {
        if (socket.destroyed) return;
        socket.write(text);
        if (end) socket.end();
      }, delayMs);
    later("220 delayed.bench ESMTP\r\n");
    let pending = "";
    socket.on("data", (chunk: Buffer) => {
      pending += chunk.toString("latin1");
      const lines = pending.split("\r\n");
      pending = lines.pop() ?? "";
      if (!lines.length) return;
      let out = "";
      let quit = false;
      for (const line of lines) {
        switch (line.slice(0, 4).toUpperCase()) {
          case "EHLO":
            out += "250-delayed.bench\r\n250-PIPELINING\r\n250-ENHANCEDSTATUSCODES\r\n250 8BITMIME\r\n";
            break;
          case "MAIL":
            out += "250 2.1.0 Ok\r\n";
            break;
          case "RCPT":
            out += "250 2.1.5 Ok\r\n";
            break;
          case "RSET":
          case "NOOP":
            out += "250 2.0.0 Ok\r\n";
            break;
          case "QUIT":
            out += "221 2.0.0 Bye\r\n";
            quit = true;
            break;
          default:
            out += "502 5.5.2 Command not implemented\r\n";
        }
      }
      later(out, quit);
    });
  });
  const mta: DelayedMta = {
    port: 0,
    connections: 0,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve) => server.listen({ port: 0, host, backlog }, resolve));
  mta.port = (server.address() as AddressInfo).port;
  return mta;
}
