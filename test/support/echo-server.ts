// A hostile SMTP server on loopback that echoes the client's AUTH lines back in every shape a
// secrets matrix found leaking: whole, partial then close, partial then stall, without a reply
// code, split across two reply lines, truncated, base64-decoded, hex, URL-encoded, and as
// XOAUTH2's base64 JSON error challenge. The shape is read from the EHLO name
// (`EHLO shape-split.example.com`), so one server serves a config file of targets at once.
import net from "node:net";
import type { AddressInfo } from "node:net";

export const ECHO_SHAPES = ["complete", "partial-close", "partial-stall", "malformed", "split", "truncated", "decoded", "hex", "url", "xoauth-json"] as const;
export type EchoShape = (typeof ECHO_SHAPES)[number];

export interface EchoServer {
  port: number;
  /** Every line the clients sent, in order. */
  received: string[];
  /** Where split and truncated shapes cut the payload, as a fraction of it (default 0.5). */
  cut: number;
  close(): Promise<void>;
}

export const ECHO_CHALLENGE = Buffer.from("<4711.1700000000@echo.test>").toString("base64");

export async function startEchoServer(): Promise<EchoServer> {
  const sockets = new Set<net.Socket>();
  const self: EchoServer = { port: 0, received: [], cut: 0.5, close: async () => {} };
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("error", () => {});
    socket.once("close", () => sockets.delete(socket));
    serve(socket, self);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  self.port = (server.address() as AddressInfo).port;
  self.close = () =>
    new Promise<void>((done) => {
      for (const s of sockets) s.destroy();
      server.close(() => done());
    });
  return self;
}

function serve(socket: net.Socket, self: EchoServer): void {
  let buffered = "";
  let shape: EchoShape = "complete";
  /** What the next line is, inside an AUTH exchange. */
  let awaiting: "login-user" | "login-password" | "cram" | "xoauth-empty" | null = null;
  const write = (s: string) => socket.write(s);
  const echo = (line: string, payload: string): void => {
    const bytes = Buffer.from(payload, "base64");
    const at = line.length - payload.length + Math.floor(payload.length * self.cut);
    switch (shape) {
      case "partial-close":
        write(`535 5.7.8 you sent: ${line}`);
        socket.end();
        return;
      case "partial-stall":
        write(`535 5.7.8 you sent: ${line}`);
        return;
      case "malformed":
        return void write(`you sent: ${line}\r\n`);
      case "split":
        return void write(`535-5.7.8 you sent: ${line.slice(0, at)}\r\n535 5.7.8 ${line.slice(at)}\r\n`);
      case "truncated":
        return void write(`535 5.7.8 you sent: ${line.slice(0, at)}\r\n`);
      case "decoded":
        return void write(`535 5.7.8 decoded: ${bytes.toString("utf8")}\r\n`);
      case "hex":
        return void write(`535 5.7.8 hex: ${bytes.toString("hex")}\r\n`);
      case "url":
        return void write(`535 5.7.8 url: ${encodeURIComponent(bytes.toString("utf8"))}\r\n`);
      default:
        return void write(`535 5.7.8 you sent: ${line}\r\n`);
    }
  };
  const onLine = (line: string): void => {
    self.received.push(line);
    const step = awaiting;
    awaiting = null;
    if (step === "login-user") {
      awaiting = "login-password";
      return void write("334 UGFzc3dvcmQ6\r\n");
    }
    if (step === "login-password" || step === "cram") return echo(line, line);
    if (step === "xoauth-empty") return void write("535 5.7.8 token rejected\r\n");
    const [verb = "", arg = "", payload = ""] = line.split(" ");
    switch (verb.toUpperCase()) {
      case "EHLO": {
        const named = /^shape-([a-z-]+)\./.exec(arg)?.[1];
        shape = (named as EchoShape | undefined) ?? "complete";
        return void write("250-echo.test\r\n250-AUTH PLAIN LOGIN CRAM-MD5 XOAUTH2\r\n250 ENHANCEDSTATUSCODES\r\n");
      }
      case "AUTH": {
        const mech = arg.toUpperCase();
        if (mech === "LOGIN") {
          awaiting = "login-user";
          return void write("334 VXNlcm5hbWU6\r\n");
        }
        if (mech === "CRAM-MD5") {
          awaiting = "cram";
          return void write(`334 ${ECHO_CHALLENGE}\r\n`);
        }
        if (mech === "XOAUTH2" && shape === "xoauth-json") {
          // Google's error challenge quotes back what it got, base64 JSON (RFC 7628 §3.2.2 style).
          const decoded = Buffer.from(payload, "base64").toString("utf8");
          awaiting = "xoauth-empty";
          return void write(`334 ${Buffer.from(JSON.stringify({ status: "401", got: decoded })).toString("base64")}\r\n`);
        }
        return echo(line, payload);
      }
      case "QUIT":
        write("221 2.0.0 Bye\r\n");
        return void socket.end();
      case "MAIL":
      case "RCPT":
      case "RSET":
      case "NOOP":
        return void write("250 2.0.0 Ok\r\n");
      default:
        return void write("500 5.5.1 Command unrecognized\r\n");
    }
  };
  write("220 echo.test ESMTP\r\n");
  socket.on("data", (chunk: Buffer) => {
    buffered += chunk.toString("latin1");
    for (let nl = buffered.indexOf("\n"); nl !== -1; nl = buffered.indexOf("\n")) {
      const line = buffered.slice(0, nl).replace(/\r$/, "");
      buffered = buffered.slice(nl + 1);
      onLine(Buffer.from(line, "latin1").toString("utf8"));
    }
  });
}
