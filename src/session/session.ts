/**
 * One SMTP connection: the only place that touches sockets. It connects (plain or implicit
 * TLS), reads complete replies against a deadline, writes lines, upgrades with STARTTLS, and
 * keeps the transcript. It does not know what a step or a verdict is.
 */
import net from "node:net";
import type tls from "node:tls";
import { loadTls } from "../builtins.js";
import { refuseOutgoingLine, type OutgoingLine } from "../protocol/command.js";
import { ipFamily } from "../protocol/address.js";
import { addressBytes, proxyHeader, tunnelEndpoints, type ProxyEndpoints, type ProxyProtocolVersion } from "../protocol/proxy-header.js";
import type { Socks5Bound } from "../protocol/socks5.js";
import { LineSplitter } from "../protocol/lines.js";
import { ReplyAssembler, type Reply, type ReplyProblem } from "../protocol/reply.js";
import { monotonicMs } from "./clock.js";
import { fromSocketError, type PeerError } from "./errors.js";
import { readTlsFacts, describeVerifyError, type TlsCheck, type TlsFacts } from "./tls-facts.js";
import { fixedLookup } from "./fixed-lookup.js";
import { openSocks5Tunnel, type Socks5Proxy } from "./socks5-tunnel.js";
import { ReplyLedger } from "./reply-ledger.js";
import { Transcript, unsolicitedNote } from "./transcript.js";

export interface SessionOptions {
  host: string;
  port: number;
  implicitTls: boolean;
  /** TLS server name; defaults to host unless host is an IP address. */
  servername?: string;
  ca?: string;
  insecure: boolean;
  /** Per reply, per connect, per handshake. */
  timeoutMs: number;
  /** Absolute time (monotonicMs(), from clock.ts) after which nothing more is waited for. */
  deadline?: number;
  /** Connect to this address instead of resolving `host` (address expansion); `host` stays the TLS name. */
  address?: string;
  /** Connect to one of these instead of looking `host` up (node's Happy Eyeballs, RFC 8305, picks). */
  addresses?: readonly string[];
  /** Send the HAProxy PROXY header first, before TLS and before the greeting is read. */
  proxyProtocol?: ProxyProtocolVersion;
  /** Reach the target through this SOCKS5 proxy (the proxy resolves a host name). */
  socks5?: Socks5Proxy;
  /** Applied to every line from the wire before anything stores it (protocol/redact.ts). */
  redact: (s: string) => string;
  /** The TLS audit's handshakes (engine/tls-audit.ts): one protocol version, one key type. */
  tlsExtra?: Pick<tls.ConnectionOptions, "minVersion" | "maxVersion" | "ciphers" | "sigalgs" | "ca">;
}

export type ReadResult = Reply | PeerError;

export function isReply(r: ReadResult): r is Reply {
  return typeof (r as Reply).code === "number";
}

export class SmtpSession {
  readonly transcript: Transcript;
  tls: TlsFacts | null = null;
  /** Which replies answer what was sent; the rest are unsolicited (./reply-ledger.ts). */
  private readonly ledger = new ReplyLedger();
  /** A tighter deadline for the current part of the session (a check's own), with what its passing means. */
  private limit: { at: number; message: string } | null = null;
  private peerAddress: string | undefined;
  private ourAddress: string | undefined;
  /** The certificates the server sent (with what the trust store adds), kept for the TLS audit only. */
  peerChain: tls.DetailedPeerCertificate | null = null;
  /** Through a SOCKS5 proxy: the address it says it connected from (BND.ADDR, BND.PORT). */
  private bound: Socks5Bound | undefined;
  /** Why the PROXY header said UNKNOWN (v1) or LOCAL (v2), when it did. */
  proxyHeaderUnknown: string | null = null;
  /** Plaintext bytes that followed STARTTLS's 220 and were discarded (RFC 3207 §4.2). */
  droppedAfterStartTls = 0;

  private socket: net.Socket | tls.TLSSocket | null = null;
  private splitter = new LineSplitter();
  private assembler = new ReplyAssembler();
  /** Replies owed and arrived, not read yet: never more than the ledger is owed. */
  private queue: Reply[] = [];
  private waiter: ((r: ReadResult | null) => void) | null = null;
  /** The waiting read ends (with null) at an unsolicited reply: readReply({ unsolicitedSince }). */
  private stopAtUnsolicited = false;
  private failure: PeerError | null = null;
  private ended = false;
  /** STARTTLS was sent and its reply has not come yet. */
  private startTlsPending = false;
  /** After STARTTLS's 220, bytes are counted (to be discarded), not parsed: they are not SMTP. */
  private heldAfterStartTls: number | null = null;
  /** While connecting or in a TLS handshake: who waits for it, and what an error or a close then means. */
  private handshake: { done: (r: PeerError | null) => void; phase: "connect" | "tls"; closed: PeerError } | null = null;
  // One set of listeners per socket, for its whole life: a fleet adds and removes thousands otherwise.
  private readonly onData = (chunk: Buffer) => this.receive(chunk);
  private readonly onError = (e: Error) => {
    if (this.handshake) this.handshake.done(fromSocketError(e, this.handshake.phase));
    else this.fail(fromSocketError(e, "session"));
  };
  private readonly onClose = () => {
    if (this.handshake) this.handshake.done(this.handshake.closed);
    // After close() the socket's own close event is ours, not the server's: it is not a failure.
    else if (!this.ended) this.fail(this.closedError());
  };

  constructor(private readonly opts: SessionOptions) {
    this.transcript = new Transcript(opts.redact);
  }

  /** True while commands can still be sent. */
  get usable(): boolean {
    return this.socket !== null && this.failure === null && !this.ended && !this.socket.destroyed;
  }

  get error(): PeerError | null {
    return this.failure;
  }

  /**
   * TCP to the target (or through the SOCKS5 proxy), then the PROXY header if asked for, then
   * the TLS handshake for implicit TLS: each is its own wait against the timeout.
   */
  async connect(): Promise<PeerError | null> {
    const { host, port, implicitTls, socks5 } = this.opts;
    this.transcript.add("*", `connecting to ${host}:${port}${socks5 ? ` through the SOCKS5 proxy ${socks5.host}:${socks5.port}` : ""}${implicitTls ? " (implicit TLS)" : ""}`);
    const raw = socks5 ? await this.tunnel(socks5) : await this.connectTcp();
    if ("kind" in raw) return this.fail(raw);
    if (!socks5) this.peerAddress = raw.remoteAddress;
    this.ourAddress = raw.localAddress;
    this.transcript.add("*", socks5 ? `the proxy connected to ${host}:${port}` : `connected to ${raw.remoteAddress}:${raw.remotePort}`);
    if (this.opts.proxyProtocol) this.sendProxyHeader(raw, this.opts.proxyProtocol);
    if (!implicitTls) return null;
    const secure = this.wrapTls(raw);
    const result = await this.handshakeOf(secure, "secureConnect", "tls", { kind: "tls", message: "connection closed during the TLS handshake" });
    if (result) return this.fail(result);
    return this.checkTls(secure);
  }

  private async connectTcp(): Promise<net.Socket | PeerError> {
    const { address, addresses } = this.opts;
    const socket = net.connect({ host: address ?? this.opts.host, port: this.opts.port, noDelay: true, ...(addresses && !address ? { lookup: fixedLookup(addresses) } : {}) });
    // One command per write; Nagle's algorithm would hold each behind the previous ACK.
    socket.setNoDelay(true);
    this.socket = socket;
    this.listen(socket);
    return (await this.handshakeOf(socket, "connect", "connect", { kind: "closed", message: "connection closed during connect" })) ?? socket;
  }

  private async tunnel(proxy: Socks5Proxy): Promise<net.Socket | PeerError> {
    const remaining = this.opts.deadline !== undefined ? Math.max(0, this.opts.deadline - monotonicMs()) : Infinity;
    const r = await openSocks5Tunnel(proxy, { host: this.opts.address ?? this.opts.host, port: this.opts.port }, Math.min(this.opts.timeoutMs, remaining));
    if ("kind" in r) return r;
    r.socket.setNoDelay(true);
    this.bound = r.bound;
    this.socket = r.socket;
    this.listen(r.socket);
    // Bytes that came with the proxy's answer are the server's (its greeting, say).
    if (r.rest.length && !this.opts.implicitTls) this.receive(r.rest);
    return r.socket;
  }

  /**
   * The PROXY header with this connection's real endpoints: the socket's own, or through a SOCKS5
   * proxy the ones the proxy told (protocol/proxy-header.ts tunnelEndpoints); UNKNOWN when not known.
   */
  private sendProxyHeader(socket: net.Socket, version: ProxyProtocolVersion): void {
    const endpoints: ProxyEndpoints | { unknown: string } = this.opts.socks5
      ? tunnelEndpoints(this.bound, { host: this.opts.address ?? this.opts.host, port: this.opts.port })
      : socket.localAddress && socket.remoteAddress
        ? { source: socket.localAddress, sourcePort: socket.localPort as number, destination: socket.remoteAddress, destinationPort: socket.remotePort as number }
        : { unknown: "the socket's addresses are not known" };
    if ("unknown" in endpoints) {
      this.proxyHeaderUnknown = endpoints.unknown;
      this.transcript.add("*", `the PROXY header cannot carry the endpoints: ${endpoints.unknown}`);
    }
    const header = proxyHeader(version, "unknown" in endpoints ? null : endpoints);
    this.transcript.add("C", version === "v1" ? header.toString("latin1").trimEnd() : `(PROXY protocol v2 header: ${header.length} octets)`);
    socket.write(header);
  }

  /**
   * Our end of the connection as the server sees it, once connected: the socket's own, or through
   * a SOCKS5 proxy the address the proxy says it connected from (BND.ADDR, RFC 1928 §6) when it
   * gave a specific one — else our end towards the proxy, the best there is.
   */
  get localAddress(): string | undefined {
    const bound = this.bound?.address ?? "";
    const family = ipFamily(bound);
    // 0.0.0.0 (some proxies' answer, RFC 1928 leaves it to them) says nothing.
    return family !== 0 && addressBytes(bound, family).some((x) => x !== 0) ? bound : this.ourAddress;
  }

  /** The address connected to, once connected (kept after the close); unknown through a proxy, whose socket's peer is the proxy. */
  get remoteAddress(): string | undefined {
    return this.peerAddress;
  }

  /** Reads the next complete reply, or why there is none. */
  readReply(): Promise<ReadResult>;
  /**
   * The same, but null as soon as an unsolicited reply has arrived since `mark`
   * (unsolicitedMark()): a reply to something that was not sent as a command (a PROXY header),
   * which arrives before the answer waited for (TCP keeps the order) and makes that answer moot.
   */
  readReply(until: { unsolicitedSince: number }): Promise<ReadResult | null>;
  readReply(until?: { unsolicitedSince: number }): Promise<ReadResult | null> {
    if (until && this.ledger.unsolicited > until.unsolicitedSince) return Promise.resolve(null);
    const queued = this.queue.shift();
    if (queued) return Promise.resolve(queued);
    if (this.failure) return Promise.resolve(this.failure);
    if (this.ended) return Promise.resolve({ kind: "closed", message: "the connection was already closed" });
    this.stopAtUnsolicited = until !== undefined;
    // deliver() clears the waiter as it answers it, the timeout included (through fail()).
    return this.race<ReadResult | null>((done) => {
      this.waiter = done;
    });
  }

  /**
   * The peer's replies are out of step with what was sent (it answered a PROXY header as a
   * command): nothing owed is waited for any more, and what was queued is dropped. The next
   * command should be a barrier (writeBarrier) so that a late reply is not taken for its answer.
   */
  abandonOwed(): void {
    this.ledger.reset();
    this.queue = [];
  }

  /**
   * Writes one line (CRLF added). `shown` is what the transcript records instead of secrets.
   * Every line passes one check first (command.ts); a refused line is not written at all, and
   * the answer says why (error kind `protocol`). The connection stays usable.
   */
  writeLine(line: string, shown: string = line, kind: OutgoingLine = "command"): PeerError | null {
    const refused = this.refuse([{ wire: line, shown, kind }]);
    if (refused) return refused;
    this.startTlsPending = /^STARTTLS\s*$/i.test(line);
    if (this.heldAfterStartTls !== null) this.heldAfterStartTls = null;
    this.record([shown]);
    this.send(`${line}\r\n`, 1);
    return null;
  }

  /** Writes several lines in one write (RFC 2920 pipelining); each is recorded as sent. All or none. */
  writeLines(lines: readonly { wire: string; shown: string }[]): PeerError | null {
    const refused = this.refuse(lines.map((l) => ({ ...l, kind: "command" as const })));
    if (refused) return refused;
    this.record(lines.map((l) => l.shown));
    this.send(lines.map((l) => `${l.wire}\r\n`).join(""), lines.length);
    return null;
  }

  /** The transcript says what went to the wire: a line the closed connection could not take is a note, not "C:". */
  private record(shown: readonly string[]): void {
    if (this.usable) for (const line of shown) this.transcript.add("C", line);
    else for (const line of shown) this.transcript.add("*", `not sent, the connection is closed: ${line}`);
  }

  /** The first line that must not go to the wire, as an error naming it; null when all may go. */
  private refuse(lines: readonly { wire: string; shown: string; kind: OutgoingLine }[]): PeerError | null {
    for (const l of lines) {
      const why = refuseOutgoingLine(l.wire, l.kind);
      if (!why) continue;
      const shown = l.shown.length > 60 ? `${l.shown.slice(0, 60)}…` : l.shown;
      const err: PeerError = { kind: "protocol", message: `smtp-gate refused to send ${JSON.stringify(shown)}: ${why}` };
      this.transcript.add("*", err.message);
      return err;
    }
    return null;
  }

  /**
   * Writes a command whose reply can be told apart from any other (an EHLO's, say), owed one
   * reply: every reply that arrives before one that passes `isAnswer` is unsolicited. Once its
   * reply is read, everything the server said to earlier input has arrived (TCP keeps the
   * order, and a server answers in order), so unsolicitedSince() is complete — no sleep needed.
   * Only when no reply is owed; otherwise refused like a bad line.
   */
  writeBarrier(line: string, isAnswer: (r: Reply) => boolean): PeerError | null {
    if (this.ledger.owing !== 0) return { kind: "protocol", message: `smtp-gate did not send ${JSON.stringify(line)}: ${this.ledger.owing} repl(ies) still owed` };
    const err = this.writeLine(line);
    if (!err) this.ledger.awaitAnswer(isAnswer);
    return err;
  }

  /** A mark for unsolicitedSince(): the count of unsolicited replies so far. */
  unsolicitedMark(): number {
    return this.ledger.unsolicited;
  }

  /** Replies that arrived while none was owed (an early talker, or a desynchronised peer). */
  get unsolicited(): number {
    return this.ledger.unsolicited;
  }

  /** The unsolicited replies since `mark` (as far as kept), and how many there were. */
  unsolicitedSince(mark: number): { replies: Reply[]; count: number } {
    return this.ledger.since(mark);
  }

  /**
   * Until clearLimit(), no wait goes past `at` (monotonicMs()); when it passes, the session fails
   * with error kind timeout and `message`. The target's own deadline still applies if sooner.
   */
  limitUntil(at: number, message: string): void {
    this.limit = { at, message };
  }

  clearLimit(): void {
    this.limit = null;
  }

  /** Writes a message's bytes as they are (framed DATA content, a BDAT chunk), owed one reply; the transcript gets `shown`. */
  writeMessage(bytes: Buffer, shown: string): void {
    this.transcript.add("C", shown);
    this.send(bytes, 1);
  }

  /**
   * Writes a BDAT command and its chunk in one go (RFC 3030 §2: the chunk follows the command
   * without waiting), owed one reply. The line passes the same check as every other.
   */
  writeChunk(line: string, chunk: Buffer, shown: string): PeerError | null {
    const refused = this.refuse([{ wire: line, shown: line, kind: "command" }]);
    if (refused) return refused;
    this.transcript.add("C", line);
    this.transcript.add("C", shown);
    this.send(Buffer.concat([Buffer.from(`${line}\r\n`, "utf8"), chunk]), 1);
    return null;
  }

  /** A command line goes as a string: the socket encodes it to UTF-8 as it writes, without a Buffer of its own. */
  private send(bytes: Buffer | string, replies: number): void {
    if (!this.usable) return;
    this.ledger.expect(replies);
    this.socket?.write(bytes);
  }

  /** Upgrades after STARTTLS's 220. Returns why it failed, or null. */
  async startTls(): Promise<PeerError | null> {
    const plain = this.socket;
    if (!plain || !this.usable) return this.failure ?? { kind: "closed", message: "connection is closed" };
    // RFC 3207 §4.2: forget anything read before the handshake; a man in the middle may have injected it.
    this.droppedAfterStartTls = (this.heldAfterStartTls ?? 0) + this.splitter.reset() + this.queue.length;
    this.heldAfterStartTls = null;
    this.queue = [];
    this.assembler = new ReplyAssembler();
    if (this.droppedAfterStartTls) this.transcript.add("*", `discarded ${this.droppedAfterStartTls} byte(s)/repl(ies) received after STARTTLS's 220, before the handshake`);
    const secure = this.wrapTls(plain);
    const result = await this.handshakeOf(secure, "secureConnect", "tls", { kind: "tls", message: "connection closed during the TLS handshake" });
    if (result) return this.fail(result);
    // RFC 3207 §4.2: the session starts afresh; the client speaks first (EHLO).
    this.ledger.reset();
    return this.checkTls(secure);
  }

  /** Ends the connection without ceremony (after QUIT's reply, or when giving up). */
  close(): void {
    const s = this.socket;
    if (!s || this.ended) return;
    this.ended = true;
    // The listeners stay (onClose checks `ended`): removing three per target shows in a fleet's profile.
    if (!s.destroyed) s.destroy();
    this.transcript.add("*", "connection closed");
  }

  /** Waits for `ready`; meanwhile the socket's error and close listeners answer this wait (see onError). */
  private handshakeOf(socket: net.Socket, ready: "connect" | "secureConnect", phase: "connect" | "tls", closed: PeerError): Promise<PeerError | null> {
    return this.race<null>((done) => {
      // Settled synchronously, before this promise's continuation runs: a failure is recorded at
      // once (a reset that follows the close it caused cannot replace it), and an error right
      // after `ready` is the session's, not lost here.
      const settle = (r: PeerError | null) => {
        this.handshake = null;
        done(r && this.fail(r));
      };
      this.handshake = { done: settle, phase, closed };
      socket.once(ready, () => settle(null));
    });
  }

  /** Hands a connected socket to TLS; the session's listeners move to the TLS socket. */
  private wrapTls(plain: net.Socket): tls.TLSSocket {
    this.unlisten(plain);
    const secure = loadTls().connect({ socket: plain, ...this.tlsOptions() });
    this.socket = secure;
    this.listen(secure);
    return secure;
  }

  /** The name the certificate must hold, and the roots it is verified against (Node's `ca` replaces the public ones). */
  private get tlsCheck(): TlsCheck {
    return { name: this.opts.servername ?? this.opts.host, trust: this.opts.ca ? "ca" : "public" };
  }

  private tlsOptions(): tls.ConnectionOptions {
    const { host, servername, ca } = this.opts;
    const name = servername ?? (net.isIP(host) ? undefined : host);
    // Verification is judged in checkTls so that a bad certificate's facts still reach the report.
    return { servername: name, ca, rejectUnauthorized: false, ...(name ? {} : { checkServerIdentity: (_h, cert) => loadTls().checkServerIdentity(host, cert) }), ...this.opts.tlsExtra };
  }

  private checkTls(socket: tls.TLSSocket): PeerError | null {
    this.tls = readTlsFacts(socket, this.tlsCheck);
    if (this.opts.tlsExtra) this.peerChain = socket.getPeerCertificate(true);
    this.transcript.add("*", `TLS established: ${this.tls.protocol} ${this.tls.cipher}${this.tls.authorized ? "" : ` (certificate not verified: ${this.tls.authorizationError})`}`);
    if (!this.tls.authorized && !this.opts.insecure) {
      const why = this.tls.authorizationError ?? "unknown reason";
      // Facts only: what to do depends on why, and the diagnosis (diagnose/tls.ts) says it once.
      return this.fail({ kind: "tls", message: `certificate verification failed: ${describeVerifyError(why)} (${why})`, nodeCode: why });
    }
    return null;
  }

  private listen(socket: net.Socket): void {
    socket.on("data", this.onData);
    socket.on("error", this.onError);
    socket.on("end", this.onClose);
    socket.on("close", this.onClose);
  }

  private unlisten(socket: net.Socket): void {
    socket.off("data", this.onData);
    socket.off("end", this.onClose);
    socket.off("close", this.onClose);
    // The error listener stays: an error on the raw socket must never go unhandled.
  }

  private closedError(): PeerError {
    const partial = this.opts.redact(this.splitter.pending());
    return partial
      ? { kind: "closed", message: "connection closed by the server in the middle of a reply", received: partial }
      : { kind: "closed", message: "connection closed by the server" };
  }

  private receive(chunk: Buffer): void {
    if (this.ended) return;
    if (this.heldAfterStartTls !== null) {
      this.heldAfterStartTls += chunk.length;
      return;
    }
    const events = this.splitter.push(chunk);
    // One clock reading for the lines of one chunk: they arrived together.
    const t = this.transcript.elapsed();
    for (let i = 0; i < events.length; i++) {
      const ev = events[i] as (typeof events)[number];
      if ("kind" in ev) {
        this.deliver(this.protocolError({ kind: "too-long", octets: ev.octets }));
        return;
      }
      // Redacted before anything keeps it: the transcript, the reply, an error's `received`.
      const line = { text: this.opts.redact(ev.text), ending: ev.ending };
      this.transcript.addRedacted("S", line.text, t);
      const r = this.assembler.push(line);
      if (!r) continue;
      if ("code" in r) {
        this.deliver(r);
        if (this.startTlsPending && r.code === 220) {
          // RFC 3207 §4.2: whatever follows the 220 in plaintext is discarded, never read as a reply.
          this.heldAfterStartTls = events.slice(i + 1).reduce((n, e) => n + ("text" in e ? Buffer.byteLength(e.text) + 2 : 0), 0);
          this.startTlsPending = false;
          return;
        }
        this.startTlsPending = false;
      } else {
        this.deliver(this.protocolError(r));
        return;
      }
    }
  }

  private protocolError(p: ReplyProblem): PeerError {
    const err: PeerError =
      p.kind === "malformed"
        ? { kind: "protocol", message: "the server's reply is not an SMTP reply (no valid 3-digit code)", received: p.line }
        : p.kind === "too-many-lines"
          ? { kind: "protocol", message: `the server's reply went on past ${p.lines} lines` }
          : { kind: "protocol", message: `the server sent a line longer than ${p.octets - 1} octets` };
    // A desynchronised stream cannot be trusted for another command.
    this.fail(err);
    return err;
  }

  private deliver(r: ReadResult): void {
    if (isReply(r)) {
      if (!this.ledger.accept(r)) {
        this.transcript.add("*", unsolicitedNote(r.code));
        if (this.stopAtUnsolicited) this.wake(null);
        return;
      }
    }
    if (this.waiter) {
      this.wake(r);
    } else if (isReply(r)) {
      // Only replies the ledger is owed reach the queue, so it holds at most one per command
      // written (a pipelined group of any size, RFC 2920 §3.1); a hostile peer's extra replies
      // stop at the ledger. A failure is not queued: readReply() returns it once the queue is read.
      this.queue.push(r);
    }
  }

  private wake(r: ReadResult | null): void {
    const w = this.waiter;
    this.waiter = null;
    this.stopAtUnsolicited = false;
    w?.(r);
  }

  /** Records the first failure, destroys the socket, and wakes a waiting reader. */
  private fail(err: PeerError): PeerError {
    if (!this.failure) {
      this.failure = err;
      this.transcript.add("*", `${err.kind}: ${err.message}`);
      if (err.detail) this.transcript.add("*", err.detail);
    }
    const s = this.socket;
    if (s && !s.destroyed) s.destroy();
    if (this.waiter) this.deliver(this.failure);
    return this.failure;
  }

  /**
   * Runs `start` until it calls back, or until the timeout (or the target's deadline) passes —
   * a deadline from the start of the wait, not an idle timer, so a peer that trickles one byte
   * a second still runs out of time.
   */
  private race<T>(start: (done: (r: T | PeerError) => void) => void): Promise<T | PeerError> {
    return new Promise((resolve) => {
      let settled = false;
      const now = monotonicMs();
      const remaining = this.opts.deadline !== undefined ? Math.max(0, this.opts.deadline - now) : Infinity;
      const limited = this.limit ? Math.max(0, this.limit.at - now) : Infinity;
      const ms = Math.min(this.opts.timeoutMs, remaining, limited);
      const why = ms === this.opts.timeoutMs ? null : ms === remaining ? "the target's deadline passed" : (this.limit as { message: string }).message;
      const timer = setTimeout(() => {
        const secs = Math.round(ms / 100) / 10;
        const partial = this.opts.redact(this.splitter.pending());
        done(this.fail({ kind: "timeout", message: why ?? `no answer within ${secs}s`, ...(partial ? { received: partial } : {}) }));
      }, ms);
      const done = (r: T | PeerError) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(r);
      };
      start(done);
    });
  }
}
