// A real SMTP server (the `smtp-server` package) on 127.0.0.1 for loopback tests.
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

export interface SmtpServerOptions {
  /** Cert/key: STARTTLS is offered with it (or used for implicit TLS with `secure`). Without it STARTTLS is disabled. */
  tls?: { cert: string; key: string };
  /** Implicit TLS (port-465 style). */
  secure?: boolean;
  /** username → password, for PLAIN, LOGIN and CRAM-MD5. */
  users?: Record<string, string>;
  /** username → access token, for XOAUTH2. */
  oauthTokens?: Record<string, string>;
  /** Advertised SIZE limit; an oversized DATA body gets 552. */
  size?: number;
  /** Return an error message to reject the recipient with 550, or null to accept. */
  onRcpt?: (addr: string) => string | null;
}

export interface ReceivedMessage {
  from: string;
  to: string[];
  /** Message as received (dot-unstuffed by smtp-server), CRLF line endings as sent. */
  raw: string;
}

export interface RunningSmtpServer {
  port: number;
  close(): Promise<void>;
  messages: ReceivedMessage[];
  /** Successful authentications only. */
  auths: { method: string; username: string }[];
}

function codedError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

export async function startSmtpServer(opts: SmtpServerOptions = {}): Promise<RunningSmtpServer> {
  const messages: ReceivedMessage[] = [];
  const auths: { method: string; username: string }[] = [];
  const users = opts.users ?? {};
  const tokens = opts.oauthTokens ?? {};

  const server = new SMTPServer({
    secure: opts.secure === true,
    ...(opts.tls ? { key: opts.tls.key, cert: opts.tls.cert } : {}),
    hideENHANCEDSTATUSCODES: false,
    authOptional: true,
    allowInsecureAuth: true,
    closeTimeout: 100,
    authMethods: ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"],
    logger: false,
    // STARTTLS only when a cert was given (otherwise smtp-server would offer it with its built-in cert).
    disabledCommands: opts.tls || opts.secure ? [] : ["STARTTLS"],
    ...(opts.size !== undefined ? { size: opts.size } : {}),

    onAuth(auth, _session, callback) {
      const username = auth.username ?? "";
      const method = String(auth.method);
      let ok = false;
      if (method === "XOAUTH2") {
        ok = Object.hasOwn(tokens, username) && tokens[username] === auth.accessToken;
      } else if (method === "CRAM-MD5") {
        const pw = Object.hasOwn(users, username) ? users[username] : undefined;
        ok = pw !== undefined && auth.validatePassword(pw);
      } else {
        ok = Object.hasOwn(users, username) && users[username] === auth.password;
      }
      if (!ok) {
        callback(codedError("Error: Authentication credentials invalid", 535));
        return;
      }
      auths.push({ method, username });
      callback(null, { user: username });
    },

    onRcptTo(address, _session, callback) {
      const err = opts.onRcpt?.(address.address) ?? null;
      if (err !== null) callback(codedError(err, 550));
      else callback();
    },

    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("error", (err: Error) => callback(err));
      stream.on("end", () => {
        if (stream.sizeExceeded) {
          callback(codedError("Error: message exceeds fixed maximum message size", 552));
          return;
        }
        const mailFrom = session.envelope.mailFrom;
        messages.push({
          from: mailFrom ? mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString("utf8"),
        });
        callback(null, "Ok: queued");
      });
    },
  });
  // Client resets, TLS failures etc. are emitted here; never let them go unhandled.
  server.on("error", () => {});

  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  const port = (server.server.address() as AddressInfo).port;

  let closing: Promise<void> | undefined;
  return {
    port,
    messages,
    auths,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
      });
      return closing;
    },
  };
}
