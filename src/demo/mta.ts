/**
 * The embedded MTA behind `--demo`: a small, honest ESMTP server on a loopback port, so a new
 * user sees a pass and a caught hard error without a server of their own. It accepts mail for
 * nobody: RCPT works, DATA's content is discarded.
 */
import net from "node:net";
import { LineSplitter } from "../protocol/lines.js";
import { verbOf } from "../protocol/command.js";

export const DEMO_USER = "demo@smtp-gate.test";
export const DEMO_PASSWORD = "demo-password";
const NAME = "demo.smtp-gate.test";

export interface DemoMta {
  port: number;
  close(): Promise<void>;
}

export async function startDemoMta(port = 0): Promise<DemoMta> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.setNoDelay(true);
    socket.on("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    serve(socket);
  });
  // A port in use rejects (EADDRINUSE) rather than emitting an 'error' no one listens to.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  return {
    port: (server.address() as net.AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

function serve(socket: net.Socket): void {
  const lines = new LineSplitter();
  const reply = (text: string) => socket.write(`${text}\r\n`);
  let inData = false;
  let mail = false;
  reply(`220 ${NAME} ESMTP smtp-gate demo`);
  socket.on("data", (chunk: Buffer) => {
    for (const ev of lines.push(chunk)) {
      if ("kind" in ev) {
        reply("500 5.5.6 Line too long");
        continue;
      }
      const line = ev.text;
      if (inData) {
        if (line === ".") {
          inData = false;
          mail = false;
          reply("250 2.0.0 Ok: discarded by the demo MTA");
        }
        continue;
      }
      const verb = verbOf(line);
      switch (verb) {
        case "EHLO":
          reply(`250-${NAME} greets ${line.slice(5).trim() || "you"}`);
          reply("250-PIPELINING");
          reply("250-SIZE 10240000");
          reply("250-AUTH PLAIN LOGIN XOAUTH2");
          reply("250-ENHANCEDSTATUSCODES");
          reply("250 8BITMIME");
          break;
        case "HELO":
          reply(`250 ${NAME}`);
          break;
        case "AUTH":
          reply(checkPlain(line) ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
          break;
        case "MAIL":
          mail = true;
          reply("250 2.1.0 Ok");
          break;
        case "RCPT":
          reply(mail ? "250 2.1.5 Ok" : "503 5.5.1 Error: need MAIL command");
          break;
        case "DATA":
          if (!mail) reply("503 5.5.1 Error: need RCPT command");
          else {
            inData = true;
            reply("354 End data with <CR><LF>.<CR><LF>");
          }
          break;
        case "RSET":
          mail = false;
          reply("250 2.0.0 Ok");
          break;
        case "NOOP":
          reply("250 2.0.0 Ok");
          break;
        case "QUIT":
          reply("221 2.0.0 Bye");
          socket.end();
          return;
        default:
          // What a real MTA says to a command it does not know (Postfix: 502 5.5.2, Exchange: 500 5.3.3).
          reply(`500 5.5.1 Command unrecognized: "${line.slice(0, 64)}"`);
      }
    }
  });
}

function checkPlain(line: string): boolean {
  const m = /^AUTH PLAIN (\S+)$/i.exec(line);
  if (!m) return false;
  const [, user, pass] = Buffer.from(m[1] as string, "base64").toString("utf8").split("\0");
  return user === DEMO_USER && pass === DEMO_PASSWORD;
}
