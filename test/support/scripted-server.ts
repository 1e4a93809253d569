// Scripted and reactive SMTP servers on node:net for loopback socket tests.
// Real sockets on 127.0.0.1, no mocks. Never throws unhandled errors: every
// socket has an 'error' listener and close() destroys everything it tracks.
import net from "node:net";
import tls from "node:tls";
import type { AddressInfo } from "node:net";

export type ScriptAction =
  /** Raw bytes to write (caller includes \r\n; bare \n, NUL, garbage allowed). */
  | { send: string }
  /**
   * Wait for ONE client line (terminator stripped) and record it. A string
   * matches when the line equals it or starts with it followed by a space
   * (so "EHLO" matches "EHLO client.example"); case-sensitive. A RegExp is
   * tested against the line. On mismatch writes
   * "500 5.5.1 script expected <x>\r\n", records a mismatch and goes on.
   * If the connection ends first, records a mismatch and stops the script.
   */
  | { expect: string | RegExp }
  /** Upgrade this connection to TLS as a server with opts.tls. */
  | { startTls: true }
  | { waitMs: number }
  /** End the socket gracefully (FIN). Ends the script. */
  | { close: true }
  /** Reset the connection (RST). Ends the script. */
  | { destroy: true }
  /** Read a DATA body up to the line "."; record it raw (still dot-stuffed, with its line endings, without the "." line). */
  | { readData: true };

export interface ServerTlsOptions {
  cert: string;
  key: string;
  /** The newest protocol the server accepts (a server stuck on an old TLS). */
  maxVersion?: tls.SecureVersion;
}

export interface ScriptedServerOptions {
  /** Cert/key for { startTls } and implicitTls. */
  tls?: ServerTlsOptions;
  /** Wrap every accepted connection in TLS before any SMTP byte (port-465 style). */
  implicitTls?: boolean;
  /** The loopback address to listen on (default 127.0.0.1), for suites that keep to their own. */
  host?: string;
}

export interface ScriptedServer {
  port: number;
  host: string;
  /** Every client command line across connections, in order (DATA body lines are not included). */
  received: string[];
  /** Raw DATA bodies (still dot-stuffed). */
  messages: string[];
  mismatches: string[];
  /** Lines (command or body) that ended with a bare LF instead of CRLF. */
  bareLfLines: string[];
  /** Socket / TLS errors seen on the server side (e.g. client rejected our cert). */
  errors: string[];
  /** Number of connections accepted so far. */
  connections: number;
  /** Every byte the client sent, as application data (decrypted after TLS), across connections. */
  rawReceived(): Buffer;
  /** Resolves once every connection accepted so far has closed: after a probe, `received` is complete. */
  settled(): Promise<void>;
  /**
   * How many connections were accepted before a marker connection made now (the marker itself
   * then counts as one): the kernel accepts in order, so 0 proves no client connected earlier,
   * without a sleep to let one arrive.
   */
  connectionsBeforeNow(): Promise<number>;
  /** Closes the server and destroys every open socket. */
  close(): Promise<void>;
}

interface Line {
  text: string;
  raw: Buffer;
  bareLf: boolean;
}

/** One accepted connection, with a line reader that survives a STARTTLS upgrade. */
class Conn {
  socket: net.Socket;
  private buf: Buffer = Buffer.alloc(0);
  private ended = false;
  private wake: (() => void) | undefined;
  private readonly onData = (chunk: Buffer): void => {
    this.state.raw.push(chunk);
    this.buf = this.buf.length === 0 ? chunk : Buffer.concat([this.buf, chunk]);
    this.notify();
  };
  private readonly onEnd = (): void => {
    this.ended = true;
    this.notify();
  };

  constructor(
    readonly raw: net.Socket,
    private readonly state: SharedState,
  ) {
    this.socket = raw;
    this.attach(raw);
  }

  private attach(s: net.Socket): void {
    this.state.track(s);
    s.on("data", this.onData);
    s.on("end", this.onEnd);
    s.on("close", this.onEnd);
  }

  private detach(s: net.Socket): void {
    s.off("data", this.onData);
    s.off("end", this.onEnd);
    s.off("close", this.onEnd);
  }

  private notify(): void {
    const w = this.wake;
    this.wake = undefined;
    w?.();
  }

  recordMessage(body: string): void {
    this.state.messages.push(body);
  }

  stateMismatch(msg: string): void {
    this.state.mismatches.push(msg);
  }

  get closed(): boolean {
    return this.ended || this.socket.destroyed;
  }

  /** Next line, or null when the connection ended before a full line arrived. */
  async readLine(): Promise<Line | null> {
    for (;;) {
      const idx = this.buf.indexOf(0x0a);
      if (idx >= 0) {
        const raw = this.buf.subarray(0, idx + 1);
        this.buf = this.buf.subarray(idx + 1);
        const crlf = idx > 0 && raw[idx - 1] === 0x0d;
        const text = raw.subarray(0, crlf ? idx - 1 : idx).toString("utf8");
        if (!crlf) this.state.bareLfLines.push(text);
        return { text, raw, bareLf: !crlf };
      }
      if (this.ended || this.socket.destroyed) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Reads a command line and records it in `received`. */
  async readCommand(): Promise<string | null> {
    const line = await this.readLine();
    if (line === null) return null;
    this.state.received.push(line.text);
    return line.text;
  }

  /** Reads exactly `n` bytes (a BDAT chunk, RFC 3030), or null if the connection ended first. */
  async readBytes(n: number): Promise<Buffer | null> {
    for (;;) {
      if (this.buf.length >= n) {
        const out = this.buf.subarray(0, n);
        this.buf = this.buf.subarray(n);
        return out;
      }
      if (this.ended || this.socket.destroyed) return null;
      await new Promise<void>((resolve) => {
        this.wake = resolve;
      });
    }
  }

  /** Reads a DATA body up to "."; returns it raw (dot-stuffed, with line endings), or null if the connection ended. */
  async readData(): Promise<string | null> {
    const parts: Buffer[] = [];
    for (;;) {
      const line = await this.readLine();
      if (line === null) return null;
      if (line.text === ".") {
        const body = Buffer.concat(parts).toString("utf8");
        this.state.messages.push(body);
        return body;
      }
      parts.push(line.raw);
    }
  }

  write(data: string | Buffer): Promise<void> {
    const s = this.socket;
    if (data.length === 0 || s.destroyed || !s.writable) return Promise.resolve();
    return new Promise<void>((resolve) => {
      s.write(data, () => resolve());
    });
  }

  /** Upgrades to TLS as a server. Resolves true once the handshake completes. */
  async startTls(opts: ServerTlsOptions | undefined): Promise<boolean> {
    if (!opts) {
      this.state.mismatches.push("startTls requested but no opts.tls given");
      this.destroy();
      return false;
    }
    const plain = this.socket;
    this.detach(plain);
    plain.pause();
    // Bytes already read past the STARTTLS line belong to the TLS layer.
    if (this.buf.length > 0) {
      plain.unshift(this.buf);
      this.buf = Buffer.alloc(0);
    }
    const secure = new tls.TLSSocket(plain, {
      isServer: true,
      cert: opts.cert,
      key: opts.key,
      ...(opts.maxVersion ? { maxVersion: opts.maxVersion, minVersion: "TLSv1" as const } : {}),
    });
    this.socket = secure;
    this.ended = false;
    this.attach(secure);
    return new Promise<boolean>((resolve) => {
      const done = (ok: boolean): void => {
        secure.off("secure", onSecure);
        secure.off("close", onClose);
        resolve(ok);
      };
      const onSecure = (): void => done(true);
      const onClose = (): void => done(false);
      secure.once("secure", onSecure);
      secure.once("close", onClose);
    });
  }

  end(): void {
    this.socket.end();
  }

  destroy(): void {
    const s = this.raw;
    try {
      if (typeof s.resetAndDestroy === "function" && !s.destroyed) s.resetAndDestroy();
      else s.destroy();
    } catch {
      s.destroy();
    }
    if (this.socket !== s) this.socket.destroy();
  }
}

class SharedState {
  received: string[] = [];
  messages: string[] = [];
  mismatches: string[] = [];
  bareLfLines: string[] = [];
  errors: string[] = [];
  raw: Buffer[] = [];
  sockets = new Set<net.Socket>();

  track(s: net.Socket): void {
    if (this.sockets.has(s)) return;
    this.sockets.add(s);
    s.on("error", (err: Error) => {
      this.errors.push(err.message);
    });
    s.once("close", () => this.sockets.delete(s));
  }
}

async function startBase(
  opts: ScriptedServerOptions | undefined,
  handle: (conn: Conn, index: number) => Promise<void>,
): Promise<ScriptedServer> {
  const state = new SharedState();
  const server = net.createServer();
  server.on("error", (err) => state.errors.push(err.message));

  const result: ScriptedServer = {
    port: 0,
    host: opts?.host ?? "127.0.0.1",
    received: state.received,
    messages: state.messages,
    mismatches: state.mismatches,
    bareLfLines: state.bareLfLines,
    errors: state.errors,
    connections: 0,
    rawReceived: () => Buffer.concat(state.raw),
    settled: () => (open === 0 ? Promise.resolve() : new Promise<void>((r) => idle.push(r))),
    connectionsBeforeNow: () =>
      new Promise<number>((resolve, reject) => {
        const marker = net.connect({ host: result.host, port: result.port }, () => {
          const port = marker.localPort as number;
          const done = (index: number) => {
            marker.destroy();
            resolve(index);
          };
          // The server may have accepted it before this callback runs, or may do so after.
          const seen = acceptedAt.get(port);
          if (seen !== undefined) done(seen);
          else markers.set(port, done);
        });
        marker.on("error", reject);
      }),
    close: () => closeServer(server, state),
  };

  let open = 0;
  const idle: (() => void)[] = [];
  const markers = new Map<number, (index: number) => void>();
  const acceptedAt = new Map<number, number>();
  server.on("connection", (socket: net.Socket) => {
    const index = result.connections++;
    acceptedAt.set(socket.remotePort as number, index);
    markers.get(socket.remotePort as number)?.(index);
    open++;
    socket.once("close", () => {
      if (--open === 0) for (const w of idle.splice(0)) w();
    });
    socket.setNoDelay(true);
    const conn = new Conn(socket, state);
    const run = async (): Promise<void> => {
      if (opts?.implicitTls) {
        if (!(await conn.startTls(opts.tls))) return;
      }
      await handle(conn, index);
    };
    run().catch((err: unknown) => {
      state.errors.push(err instanceof Error ? err.message : String(err));
      conn.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, result.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  result.port = (server.address() as AddressInfo).port;
  return result;
}

function closeServer(server: net.Server, state: SharedState): Promise<void> {
  return new Promise<void>((resolve) => {
    for (const s of state.sockets) s.destroy();
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    // Sockets accepted between the loop above and close() (or still being wrapped).
    setImmediate(() => {
      for (const s of state.sockets) s.destroy();
    });
  });
}

function describe(x: string | RegExp): string {
  return typeof x === "string" ? x : x.toString();
}

function matches(line: string, x: string | RegExp): boolean {
  if (typeof x === "string") return line === x || line.startsWith(`${x} `);
  x.lastIndex = 0;
  return x.test(line);
}

/**
 * Starts a server that plays `script` on every connection (or
 * `script(index)` where index is the 0-based connection number). When the
 * script runs out without close/destroy, the connection stays open and
 * further client lines are still recorded in `received` (no replies sent).
 */
export async function startScriptedServer(
  script: ScriptAction[] | ((conn: number) => ScriptAction[]),
  opts?: ScriptedServerOptions,
): Promise<ScriptedServer> {
  return startBase(opts, async (conn, index) => {
    const actions = typeof script === "function" ? script(index) : script;
    for (const action of actions) {
      if ("send" in action) {
        await conn.write(action.send);
      } else if ("expect" in action) {
        const line = await conn.readCommand();
        if (line === null) {
          conn.stateMismatch(`connection ${index} ended while expecting ${describe(action.expect)}`);
          return;
        }
        if (!matches(line, action.expect)) {
          conn.stateMismatch(`connection ${index}: expected ${describe(action.expect)}, got ${JSON.stringify(line)}`);
          await conn.write(`500 5.5.1 script expected ${describe(action.expect)}\r\n`);
        }
      } else if ("startTls" in action) {
        if (!(await conn.startTls(opts?.tls))) return;
      } else if ("waitMs" in action) {
        await new Promise((r) => setTimeout(r, action.waitMs));
      } else if ("close" in action) {
        conn.end();
        return;
      } else if ("destroy" in action) {
        conn.destroy();
        return;
      } else if ("readData" in action) {
        if ((await conn.readData()) === null) {
          conn.stateMismatch(`connection ${index} ended inside DATA`);
          return;
        }
      }
    }
    // Script exhausted: keep recording whatever the client still sends.
    while ((await conn.readCommand()) !== null) {
      /* drain */
    }
  });
}

export type SmtpHandler = string | ((line: string) => string);

/**
 * Reactive server. Sends `handlers.greeting ?? "220 test.local ESMTP\r\n"`,
 * then answers each client line with, in order of lookup:
 * handlers[whole line as sent], handlers[whole line uppercased] (exact-line
 * keys; a one-word line goes to the verb lookup), built-ins,
 * handlers[first word uppercased],
 * else "500 5.5.1 Command unrecognized\r\n". Responses carry their own CRLFs;
 * an empty response writes nothing. Built-ins:
 *  - QUIT: handlers.QUIT ?? "221 2.0.0 Bye\r\n", then graceful close.
 *  - STARTTLS (only when handlers.STARTTLS given): writes it; if it starts
 *    with "220" and opts.tls is set, upgrades to TLS.
 *  - BDAT n [LAST]: reads the n-octet chunk (recorded in `messages`), then writes
 *    handlers.BDAT ?? "250 2.0.0 Ok: queued\r\n".
 *  - DATA: handlers.DATA ?? "354 End data with <CR><LF>.<CR><LF>\r\n"; if the
 *    reply starts with "3", reads the body up to "." (recorded in
 *    `messages`), then writes handlers["."] ?? "250 2.0.0 Ok: queued\r\n"
 *    (a function "." handler receives the raw body).
 * Function handlers get the line as sent (CRLF stripped).
 */
export async function startScriptedSmtp(
  handlers: Record<string, SmtpHandler>,
  opts?: ScriptedServerOptions,
): Promise<ScriptedServer> {
  const respond = (h: SmtpHandler | undefined, arg: string, fallback: string): string =>
    h === undefined ? fallback : typeof h === "function" ? h(arg) : h;

  return startBase(opts, async (conn) => {
    await conn.write(respond(handlers.greeting, "", "220 test.local ESMTP\r\n"));
    for (;;) {
      const line = await conn.readCommand();
      if (line === null) return;
      const upper = line.toUpperCase();
      const verb = upper.split(" ")[0] ?? "";
      const exactKey = [line, upper].find((k) => k !== verb && k !== "greeting" && Object.hasOwn(handlers, k));
      const exact = exactKey === undefined ? undefined : handlers[exactKey];
      if (exact !== undefined) {
        await conn.write(respond(exact, line, ""));
        continue;
      }
      if (verb === "QUIT") {
        await conn.write(respond(handlers.QUIT, line, "221 2.0.0 Bye\r\n"));
        conn.end();
        return;
      }
      if (verb === "STARTTLS" && handlers.STARTTLS !== undefined) {
        const reply = respond(handlers.STARTTLS, line, "");
        await conn.write(reply);
        if (reply.startsWith("220") && opts?.tls) {
          if (!(await conn.startTls(opts.tls))) return;
        }
        continue;
      }
      if (verb === "BDAT" && /^BDAT \d+( LAST)?$/i.test(line)) {
        // RFC 3030 §2: the chunk follows the command at once, exactly as many octets as it says.
        const chunk = await conn.readBytes(Number(line.split(" ")[1]));
        if (chunk === null) return;
        conn.recordMessage(chunk.toString("utf8"));
        await conn.write(respond(handlers.BDAT, line, "250 2.0.0 Ok: queued\r\n"));
        continue;
      }
      if (verb === "DATA") {
        const reply = respond(handlers.DATA, line, "354 End data with <CR><LF>.<CR><LF>\r\n");
        await conn.write(reply);
        if (!reply.startsWith("3")) continue;
        const body = await conn.readData();
        if (body === null) return;
        await conn.write(respond(handlers["."], body, "250 2.0.0 Ok: queued\r\n"));
        continue;
      }
      const h = Object.hasOwn(handlers, verb) ? handlers[verb] : undefined;
      await conn.write(respond(h, line, "500 5.5.1 Command unrecognized\r\n"));
    }
  });
}
