// A fault-injecting TCP proxy on 127.0.0.1 (node:net), placed between smtp-gate and an SMTP
// server (Postfix, a scripted server, …) to reproduce what the network does to SMTP:
//
//  - firewall: an SMTP-inspecting firewall in the style of Cisco PIX "fixup protocol smtp" /
//    ASA "inspect esmtp": masks the banner text with asterisks, answers EHLO itself with
//    `500 5.5.1 Command unrecognized` (HELO passes), strips STARTTLS and unknown extensions from
//    EHLO replies, and replaces the verb of every command it does not allow with X's;
//  - tls: after a STARTTLS that the server accepted (220), corrupts or drops the TLS bytes;
//  - bareLf: turns CRLF into bare LF toward the server, the client or both;
//  - resetAfterClientLines: resets both connections (RST) right after the Nth client line has
//    been passed on;
//  - latencyMs: delays every chunk per direction (order is kept).
//
// SMTP is inspected only while the stream is plain text: after STARTTLS (or when the client
// opens with a TLS record, as on an implicit-TLS port) bytes pass through untouched, except for
// the TLS fault and the latency. Never throws unhandled errors; close() destroys everything.
import net from "node:net";
import type { AddressInfo } from "node:net";

export type Direction = "toServer" | "toClient";

export interface FirewallOptions {
  /** Mask the banner text with asterisks (default true). */
  maskBanner?: boolean;
  /** Answer EHLO with `500 5.5.1 Command unrecognized` itself, PIX style (default true). With false, EHLO passes and its reply is filtered (ASA style). */
  blockEhlo?: boolean;
  /** Verbs that pass (default: the RFC 821 minimum the PIX allowed, plus EHLO when it is not blocked). */
  allowedCommands?: readonly string[];
  /** EHLO reply keywords that pass (default: SIZE, 8BITMIME, PIPELINING, DSN, ENHANCEDSTATUSCODES, HELP); STARTTLS never does. */
  allowedExtensions?: readonly string[];
}

export interface FaultMode {
  firewall?: boolean | FirewallOptions;
  /** After STARTTLS was accepted: flip bits in the server's TLS bytes, or swallow the client's. */
  tls?: "corrupt" | "drop";
  /** Which direction gets CRLF turned into bare LF. */
  bareLf?: Direction | "both";
  /** Reset (RST) both sides right after the Nth client line (1-based) was passed to the server. */
  resetAfterClientLines?: number;
  /** Milliseconds added to every chunk, one number for both directions or per direction. */
  latencyMs?: number | Partial<Record<Direction, number>>;
}

export interface FaultProxyOptions {
  upstreamPort: number;
  upstreamHost?: string;
  mode?: FaultMode;
  /** Port to listen on (default: any free one). */
  port?: number;
}

export interface FaultProxyStats {
  connections: number;
  bytesToServer: number;
  bytesToClient: number;
  /** Plain-text lines from the client, as received (terminator stripped). */
  clientLines: string[];
  /** Plain-text lines from the server, as received (terminator stripped). */
  serverLines: string[];
  /** Client lines the firewall rewrote, as `original -> rewritten`. */
  rewritten: string[];
  /** Replies the proxy wrote itself. */
  injected: string[];
  /** Connections whose stream became opaque TLS (STARTTLS accepted, or a TLS ClientHello first). */
  tlsSessions: number;
  /** TLS bytes corrupted or dropped by the tls fault. */
  tlsBytesTampered: number;
  resets: number;
  /** Chunks held back by `latencyMs`, per direction: what a test asserts instead of a wall-clock bound. */
  delayedChunks: Record<Direction, number>;
}

export interface FaultProxy {
  port: number;
  host: "127.0.0.1";
  stats: FaultProxyStats;
  close(): Promise<void>;
}

const PIX_ALLOWED = ["HELO", "MAIL", "RCPT", "DATA", "RSET", "NOOP", "QUIT"];
const PIX_EXTENSIONS = ["SIZE", "8BITMIME", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES", "HELP"];

interface Firewall {
  maskBanner: boolean;
  blockEhlo: boolean;
  allowed: Set<string>;
  extensions: Set<string>;
}

function firewallOf(f: FaultMode["firewall"]): Firewall | null {
  if (!f) return null;
  const o = f === true ? {} : f;
  const blockEhlo = o.blockEhlo ?? true;
  return {
    maskBanner: o.maskBanner ?? true,
    blockEhlo,
    allowed: new Set((o.allowedCommands ?? [...PIX_ALLOWED, ...(blockEhlo ? [] : ["EHLO"])]).map((v) => v.toUpperCase())),
    extensions: new Set((o.allowedExtensions ?? PIX_EXTENSIONS).map((v) => v.toUpperCase()).filter((v) => v !== "STARTTLS")),
  };
}

function latencyOf(l: FaultMode["latencyMs"], d: Direction): number {
  if (l === undefined) return 0;
  return typeof l === "number" ? l : (l[d] ?? 0);
}

/** Writes chunks to a socket in order, each after the direction's delay. */
class DelayedWriter {
  // One FIFO and one timer, not a timer per chunk: Node files timers by duration, and a chunk
  // whose delay came out a millisecond shorter (the clock ticked while it was scheduled) could
  // fire before the chunk in front of it — seen as a pipelined RCPT reaching the MTA before MAIL.
  private readonly queue: { at: number; data: Buffer }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private endWanted = false;
  constructor(
    private readonly socket: net.Socket,
    private readonly delayMs: number,
    private readonly count: (n: number) => void,
    private readonly delayed: () => void,
  ) {}

  write(data: Buffer): void {
    if (data.length === 0) return;
    if (this.delayMs <= 0 && this.queue.length === 0) {
      this.put(data);
      return;
    }
    this.delayed();
    this.queue.push({ at: Date.now() + this.delayMs, data });
    this.schedule();
  }

  end(): void {
    if (this.queue.length === 0) this.socket.end();
    else this.endWanted = true;
  }

  private schedule(): void {
    const head = this.queue[0];
    if (this.timer || !head) return;
    this.timer = setTimeout(() => this.flush(), Math.max(0, head.at - Date.now()));
  }

  private flush(): void {
    this.timer = null;
    const now = Date.now();
    for (let head = this.queue[0]; head && head.at <= now; head = this.queue[0]) {
      this.queue.shift();
      this.put(head.data);
    }
    if (this.queue.length) this.schedule();
    else if (this.endWanted) this.socket.end();
  }

  private put(data: Buffer): void {
    if (this.socket.destroyed || !this.socket.writable) return;
    this.count(data.length);
    this.socket.write(data);
  }
}

/** Splits a byte stream into lines (with their terminators) while it is plain text. */
class LineSplitter {
  private buf: Buffer = Buffer.alloc(0);
  push(chunk: Buffer): Buffer[] {
    this.buf = this.buf.length ? Buffer.concat([this.buf, chunk]) : chunk;
    const out: Buffer[] = [];
    for (;;) {
      const i = this.buf.indexOf(0x0a);
      if (i < 0) break;
      out.push(this.buf.subarray(0, i + 1));
      this.buf = this.buf.subarray(i + 1);
    }
    return out;
  }
  /** What is buffered (a partial line), emptied. */
  take(): Buffer {
    const b = this.buf;
    this.buf = Buffer.alloc(0);
    return b;
  }
}

const textOf = (line: Buffer): string => line.toString("latin1").replace(/\r?\n$/, "");
const endingOf = (line: Buffer): string => (line.toString("latin1").endsWith("\r\n") ? "\r\n" : line.toString("latin1").endsWith("\n") ? "\n" : "");
const toBareLf = (b: Buffer): Buffer => Buffer.from(b.toString("latin1").replace(/\r\n/g, "\n"), "latin1");

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const mode = opts.mode ?? {};
  const fw = firewallOf(mode.firewall);
  const stats: FaultProxyStats = {
    connections: 0, bytesToServer: 0, bytesToClient: 0, clientLines: [], serverLines: [], rewritten: [], injected: [],
    tlsSessions: 0, tlsBytesTampered: 0, resets: 0, delayedChunks: { toServer: 0, toClient: 0 },
  };
  const sockets = new Set<net.Socket>();
  const track = (s: net.Socket): void => {
    sockets.add(s);
    s.on("error", () => {});
    s.once("close", () => sockets.delete(s));
  };

  const server = net.createServer((client) => {
    stats.connections++;
    track(client);
    client.setNoDelay(true);
    client.pause();
    const upstream = net.connect({ host: opts.upstreamHost ?? "127.0.0.1", port: opts.upstreamPort });
    track(upstream);
    upstream.setNoDelay(true);
    upstream.once("connect", () => client.resume());
    handle(client, upstream);
  });
  server.on("error", () => {});

  function handle(client: net.Socket, upstream: net.Socket): void {
    const toServer = new DelayedWriter(upstream, latencyOf(mode.latencyMs, "toServer"), (n) => (stats.bytesToServer += n), () => stats.delayedChunks.toServer++);
    const toClient = new DelayedWriter(client, latencyOf(mode.latencyMs, "toClient"), (n) => (stats.bytesToClient += n), () => stats.delayedChunks.toClient++);
    const fromClient = new LineSplitter();
    const fromServer = new LineSplitter();
    let opaque = false; // TLS: no more SMTP inspection
    let starttlsSent = false;
    let dataSent = false; // DATA passed, waiting for the 354
    let inBody = false; // client is sending a message body (no rewriting until ".")
    let greeted = false;
    let clientLineCount = 0;
    let ehloReply: string[] = [];
    let reset = false;
    let cut = false; // the reset is under way: nothing more passes
    let clientSpoke = false;

    const lfToServer = mode.bareLf === "toServer" || mode.bareLf === "both";
    const lfToClient = mode.bareLf === "toClient" || mode.bareLf === "both";

    const resetBoth = (): void => {
      if (reset) return;
      reset = true;
      stats.resets++;
      for (const s of [client, upstream]) {
        if (typeof s.resetAndDestroy === "function" && !s.destroyed) s.resetAndDestroy();
        else s.destroy();
      }
    };

    const goOpaque = (): void => {
      if (opaque) return;
      opaque = true;
      stats.tlsSessions++;
      // Anything already buffered belongs to the TLS layer.
      const c = fromClient.take();
      const s = fromServer.take();
      if (c.length) fromClientOpaque(c);
      if (s.length) fromServerOpaque(s);
    };

    const fromClientOpaque = (chunk: Buffer): void => {
      if (starttlsSent && mode.tls === "drop") {
        stats.tlsBytesTampered += chunk.length;
        return;
      }
      toServer.write(chunk);
    };
    const fromServerOpaque = (chunk: Buffer): void => {
      if (starttlsSent && mode.tls === "corrupt") {
        const b = Buffer.from(chunk);
        // Keep the first record header readable so the client parses a record and rejects its contents.
        for (let i = Math.min(5, b.length - 1); i < b.length; i += 7) b[i] = (b[i] as number) ^ 0x5a;
        stats.tlsBytesTampered += b.length;
        toClient.write(b);
        return;
      }
      if (starttlsSent && mode.tls === "drop") {
        stats.tlsBytesTampered += chunk.length;
        return;
      }
      toClient.write(chunk);
    };

    const clientLine = (line: Buffer): void => {
      const text = textOf(line);
      stats.clientLines.push(text);
      let out = line;
      if (inBody) {
        if (text === ".") inBody = false;
      } else {
        const verb = (text.split(" ")[0] ?? "").toUpperCase();
        if (fw) {
          if (verb === "EHLO" && fw.blockEhlo) {
            const reply = "500 5.5.1 Command unrecognized\r\n";
            stats.injected.push(reply.trimEnd());
            toClient.write(Buffer.from(reply, "latin1"));
            countAndMaybeReset();
            return;
          }
          if (!fw.allowed.has(verb)) {
            const rewritten = `${"X".repeat(verb.length)}${text.slice(verb.length)}`;
            stats.rewritten.push(`${text} -> ${rewritten}`);
            out = Buffer.from(`${rewritten}${endingOf(line)}`, "latin1");
          }
        }
        if (verb === "STARTTLS" && out === line) starttlsSent = true;
        if (verb === "DATA" && out === line) dataSent = true;
      }
      if (lfToServer) out = toBareLf(out);
      toServer.write(out);
      countAndMaybeReset();
    };

    const countAndMaybeReset = (): void => {
      clientLineCount++;
      if (mode.resetAfterClientLines !== undefined && clientLineCount >= mode.resetAfterClientLines && !cut) {
        // Let the line reach the server first (its reply is not passed on), then cut both sides.
        cut = true;
        setTimeout(resetBoth, latencyOf(mode.latencyMs, "toServer") + 20);
      }
    };

    const serverLine = (line: Buffer): void => {
      const text = textOf(line);
      stats.serverLines.push(text);
      const code = text.slice(0, 3);
      const last = text[3] !== "-";
      let out: Buffer | null = line;
      if (!greeted) {
        if (last) greeted = true;
        if (fw?.maskBanner && /^\d{3}[ -]/.test(text)) {
          out = Buffer.from(`${text.slice(0, 4)}${"*".repeat(Math.max(28, text.length - 4))}${endingOf(line)}`, "latin1");
        }
      } else if (fw && !fw.blockEhlo && /^250[ -]/.test(text) && (ehloReply.length > 0 || isEhloReplyStart())) {
        // Collect the whole multi-line EHLO reply, then rebuild it without the removed keywords.
        ehloReply.push(text);
        out = null;
        if (last) {
          const [first, ...rest] = ehloReply;
          const kept = rest.filter((l) => fw.extensions.has((l.slice(4).split(" ")[0] ?? "").toUpperCase()));
          const lines = [first as string, ...kept].map((l, i, all) => `250${i === all.length - 1 ? " " : "-"}${l.slice(4)}`);
          ehloReply = [];
          out = Buffer.from(lines.map((l) => `${l}\r\n`).join(""), "latin1");
        }
      }
      if (dataSent && last) {
        dataSent = false;
        if (code === "354") inBody = true;
      }
      if (out && lfToClient) out = toBareLf(out);
      if (out) toClient.write(out);
      if (starttlsSent && last && !opaque) {
        if (code === "220") goOpaque();
        else starttlsSent = false;
      }
    };
    let lastClientVerb = "";
    const isEhloReplyStart = (): boolean => lastClientVerb === "EHLO";

    client.on("data", (chunk: Buffer) => {
      if (reset || cut) return;
      const first = !clientSpoke;
      clientSpoke = true;
      if (first && !opaque && !greeted && chunk[0] === 0x16) {
        // A TLS ClientHello before any greeting: an implicit-TLS port.
        goOpaque();
      }
      if (opaque) {
        fromClientOpaque(chunk);
        return;
      }
      for (const line of fromClient.push(chunk)) {
        if (cut) break;
        if (opaque) {
          fromClientOpaque(line);
          continue;
        }
        lastClientVerb = (textOf(line).split(" ")[0] ?? "").toUpperCase();
        clientLine(line);
      }
    });
    upstream.on("data", (chunk: Buffer) => {
      if (reset || cut) return;
      if (opaque) {
        fromServerOpaque(chunk);
        return;
      }
      for (const line of fromServer.push(chunk)) {
        if (opaque) {
          fromServerOpaque(line);
          continue;
        }
        serverLine(line);
      }
    });
    client.on("end", () => {
      if (cut) return;
      const rest = fromClient.take();
      if (rest.length) toServer.write(rest);
      toServer.end();
    });
    upstream.on("end", () => {
      const rest = fromServer.take();
      if (rest.length) toClient.write(rest);
      toClient.end();
    });
    client.on("close", () => {
      if (!upstream.destroyed && client.errored) upstream.destroy();
    });
    upstream.on("close", () => {
      if (!client.destroyed && upstream.errored) client.destroy();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let closing: Promise<void> | undefined;
  return {
    port,
    host: "127.0.0.1",
    stats,
    close() {
      closing ??= new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
        setImmediate(() => {
          for (const s of sockets) s.destroy();
        });
      });
      return closing;
    },
  };
}
