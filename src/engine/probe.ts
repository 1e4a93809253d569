/**
 * Runs one target: connects, walks the planned steps through one send-and-read function,
 * judges each reply, and cleans up (RSET, QUIT) while the connection is usable.
 * Diagnosis happens afterwards, over the finished result (src/diagnose).
 */
import type { Credentials, TargetConfig } from "../config/target.js";
import { ehloName } from "../protocol/address.js";
import { saslLabel, secretForms, type AuthMechanism } from "../protocol/auth.js";
import { classify } from "../protocol/classify.js";
import { verbOf, type OutgoingLine } from "../protocol/command.js";
import { findExtension, parseEhloExtensions } from "../protocol/ehlo.js";
import {
  END_OF_DATA_EXPECTATION, GREETING_EXPECTATION, defaultExpectation, formatExpectation, type Expectation,
} from "../protocol/expect.js";
import { buildTestMessage, frameForBdat, frameForData, isAscii, mailParameters } from "../protocol/message.js";
import { FRAGMENT, type Redactor } from "../protocol/redact.js";
import type { Reply } from "../protocol/reply.js";
import { CREDENTIAL_AUTH_STEP, fillPlaceholders, type PlaceholderValues } from "../protocol/steps.js";
import type { PeerError } from "../session/errors.js";
import { monotonicMs } from "../session/clock.js";
import { SmtpSession, isReply } from "../session/session.js";
import { gateCredentials } from "./auth-gate.js";
import { runSasl } from "./sasl.js";
import { phaseOf, pipelineGroupLength, stepVerb, planSequence, type PlannedStep } from "./plan.js";
import type { ProbeOutcome } from "./result.js";
import type { AuthWithheld, CommandWithheld, StepResult, TargetError } from "../model/report.js";
import { judgeStep } from "./verdict.js";
import { SMUGGLING_CHECK_MS, notTried, runSmugglingCheck, type Reconnect } from "./smuggling.js";
import type { SmugglingResult } from "../model/report.js";


const ANY_REPLY: Expectation = [{ first: 2 }, { first: 3 }, { first: 4 }, { first: 5 }];
const REFUSAL: Expectation = [{ first: 4 }, { first: 5 }];
const VRFY_DISABLED: Expectation = [{ code: 252 }, { first: 4 }, { first: 5 }];

export async function runProbe(t: TargetConfig, redactor: Redactor): Promise<ProbeOutcome> {
  return new Probe(t, redactor).run();
}

/** A probe that only sets the session up again (no transaction) and hands it to `use` before its QUIT (the smuggling check's next variants). */
interface Resume {
  use: (session: SmtpSession) => Promise<void>;
}

class Probe {
  private readonly session: SmtpSession;
  private readonly steps: StepResult[] = [];
  /** {helo} and {from} are known once connected when they default to the local address literal. */
  private values: PlaceholderValues;
  private error: TargetError | null = null;
  private extensions: string[] = [];
  private extensionsBeforeTls: string[] | null = null;
  private inTransaction = false;
  private tlsStarted = false;
  private closedByServer = false;
  private quitSent = false;
  private oversize: ProbeOutcome["oversize"];
  private authWithheld: AuthWithheld | undefined;
  private commandWithheld: CommandWithheld | undefined;
  private credentialsInClear = false;
  private message: Buffer | null = null;
  private text: string | undefined;
  /** The last successful EHLO reply (the smuggling check's barrier looks like it). */
  private lastEhlo: Reply | null = null;
  /** A test message was accepted (250 after its end): the smuggling check may follow. */
  private delivered = false;
  private smuggling: SmugglingResult[] | undefined;
  /** Replies the smuggling check's messages drew beyond their own: the check's evidence, not out-of-turn talk. */
  private smugglingExtras = 0;
  private readonly started = monotonicMs();

  constructor(private readonly t: TargetConfig, private readonly redactor: Redactor, private readonly resume?: Resume) {
    this.values = { helo: t.helo ?? "", from: t.from ?? "", to: t.to[0] ?? "" };
    this.session = new SmtpSession({
      host: t.host, port: t.port, implicitTls: t.tls === "implicit", servername: t.servername, ca: t.ca, insecure: t.insecure,
      timeoutMs: t.timeoutMs, deadline: t.deadlineMs !== undefined ? this.started + t.deadlineMs : undefined, redact: redactor.redact,
      proxyProtocol: t.proxyProtocol, socks5: t.socks5, address: t.address, addresses: t.addresses,
    });
    const c = t.credentials;
    // Before connecting: every line from the wire is redacted as it arrives (session.ts).
    for (const secret of [c?.password, c?.oauthToken]) if (secret) redactor.addSecret(secretForms(c?.username ?? "", secret));
    const proxy = t.socks5?.credentials;
    if (proxy) redactor.addSecret(secretForms(proxy.username, proxy.password));
  }

  /** engine/smuggling.ts's Reconnect: a new probe of the same target, set up without a transaction, that runs `use` before its QUIT. */
  private readonly reconnect: Reconnect = async (use) => {
    const got: { value?: Awaited<ReturnType<typeof use>> } = {};
    const again = new Probe(this.t, this.redactor, { use: async (s) => void (got.value = await use(s)) });
    const outcome = await again.run();
    const failed = outcome.error?.message ?? outcome.steps.find((s) => s.verdict !== "pass")?.reply?.lines[0] ?? "the session could not be set up again";
    return { value: got.value ?? null, failed, transcript: again.session.transcript };
  };

  async run(): Promise<ProbeOutcome> {
    const connectError = await this.session.connect();
    if (connectError?.kind === "closed") {
      // Accepted, then closed before anything came: that is the greeting step's failure.
      this.record(null, connectError, GREETING_EXPECTATION, this.started);
    } else if (connectError) {
      this.setError(connectError, null, this.t.tls === "implicit" ? "connecting with implicit TLS" : "connecting");
    } else if (this.t.tls === "implicit") {
      this.tlsStarted = true;
    }
    if (!connectError) this.fillLocalIdentity();
    if (!connectError && (await this.greeting())) {
      // A resumed probe sets the session up as the first did (EHLO, STARTTLS, AUTH), without a transaction.
      const plan = this.resume ? planSequence({ ...this.t, to: [], send: false, steps: null, policy: undefined }) : planSequence(this.t);
      for (let i = 0; i < plan.length; i++) {
        const planned = plan[i] as PlannedStep;
        if (planned.when === "starttls-advertised" && !findExtension(this.extensions, "STARTTLS")) continue;
        if (planned.when === "tls-started" && !this.tlsStarted) continue;
        let group = this.t.pipelining !== "off" && findExtension(this.extensions, "PIPELINING") ? pipelineGroupLength(plan, i) : 0;
        // A group that ends in DATA goes one command at a time when the message is too big for SIZE,
        // so DATA is never sent (runPlanned checks before it).
        if (group > 1 && verbOf((plan[i + group - 1] as PlannedStep).line) === "DATA" && this.oversized()) group = 0;
        const ok = group > 1 ? await this.runPipelined(plan.slice(i, i + group)) : await this.runPlanned(planned);
        if (group > 1) i += group - 1;
        if (!ok || this.closedByServer || this.quitSent) break;
      }
    }
    await this.cleanUp();
    this.session.close();
    if (this.t.smugglingCheck && !this.smuggling && !this.resume) this.smuggling = notTried("the sequence stopped before the check");
    const outcome: ProbeOutcome = {
      name: this.t.name, host: this.t.host, port: this.t.port, tlsMode: this.t.tls,
      durationMs: Math.round(monotonicMs() - this.started),
      error: this.error, tls: this.session.tls, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
      steps: this.steps, transcript: this.session.transcript.entries, transcriptCapped: this.session.transcript.capped,
      unsolicitedReplies: this.session.unsolicited - this.smugglingExtras, closedByServer: this.closedByServer, source: this.t.source,
    };
    // The optional fields only where they hold something, set one by one rather than spread from
    // a temporary object each: a fleet builds one of these per target.
    const address = this.session.remoteAddress ?? this.t.address;
    if (this.oversize) outcome.oversize = this.oversize;
    if (this.t.insecure) outcome.insecure = true;
    if (this.t.send && !this.resume) outcome.message = { sent: this.delivered, recipients: this.t.to.length };
    if (address) outcome.address = address;
    if (this.t.mxHost) outcome.mxHost = this.t.mxHost;
    if (this.t.rdns) outcome.rdns = this.t.rdns;
    if (this.t.proxyProtocol) outcome.proxyProtocol = this.t.proxyProtocol;
    if (this.session.proxyHeaderUnknown) outcome.proxyHeaderUnknown = this.session.proxyHeaderUnknown;
    if (this.t.unroutable) outcome.unroutable = this.t.unroutable;
    if (this.t.socks5) outcome.socks5 = `${this.t.socks5.host}:${this.t.socks5.port}`;
    if (this.authWithheld) outcome.authWithheld = this.authWithheld;
    if (this.commandWithheld) outcome.commandWithheld = this.commandWithheld;
    if (this.credentialsInClear) outcome.credentialsInClear = true;
    if (this.shortSecret()) outcome.shortSecret = true;
    if (this.smuggling) outcome.smuggling = this.smuggling;
    return outcome;
  }

  /** RFC 5321 §4.1.4: without a fully qualified name, EHLO names the address literal of our end. */
  private fillLocalIdentity(): void {
    const helo = ehloName(this.t.helo, this.session.localAddress);
    this.values = { ...this.values, helo, from: this.t.from ?? `smtp-gate@${helo}` };
  }

  private async greeting(): Promise<boolean> {
    const began = monotonicMs();
    const mark = this.session.unsolicitedMark();
    const r = await this.session.readReply();
    if (this.record(null, r, GREETING_EXPECTATION, began).verdict !== "pass") return false;
    return this.t.proxyProtocol ? this.proxyHeaderTaken(mark) : true;
  }

  /**
   * After a PROXY header and a greeting: did the server take the header, or read it as a
   * command? A listener that expects the header consumes it before it greets; one that greets
   * first answers it like any line (500/502; the v2 signature holds "QUIT<LF>" too, and its
   * binary tail joins the next line sent). Which reply EHLO would get then depends on timing, so
   * a barrier decides it first: NOOP, answered 250 by every server (RFC 5321 §4.1.1.9, §4.5.1).
   * A reply before NOOP's (TCP and the server keep the order) answers the header: the server
   * is out of step, the probe ends there, and diagnosis names the cause
   * (diagnose/connection.ts, proxy-header-unexpected). No sleep, whatever the timing.
   */
  private async proxyHeaderTaken(mark: number): Promise<boolean> {
    const outOfStep: PeerError = { kind: "protocol", message: "the server answered the PROXY protocol header as a command, so its replies are out of step" };
    const phase = "checking that the server took the PROXY protocol header";
    if (!this.session.usable) {
      // Closed with the greeting (Postfix obeys the "QUIT<LF>" inside a v2 header): what came before the close decides.
      if (this.session.unsolicitedSince(mark).count) this.setError(outOfStep, null, phase);
      return false;
    }
    const began = monotonicMs();
    // NOOP is sent even when the header's answer is already in: it takes up a v2 header's tail, so the QUIT below arrives whole.
    const r = this.session.writeBarrier("NOOP", (x) => x.code === 250) ?? (await this.session.readReply({ unsolicitedSince: mark }));
    if (r === null) this.setError(outOfStep, this.steps.length, phase);
    const step = this.record("NOOP", r ?? outOfStep, [{ code: 250 }], began, "proxy-header");
    step.phase = phase;
    if (r !== null) return step.verdict === "pass";
    // Only a QUIT is still sent, and only its own 221 (or a 421) ends the wait: a late reply to the header or to NOOP is not its answer.
    this.session.abandonOwed();
    this.quitSent = true;
    if (!this.session.usable) return false;
    const quitBegan = monotonicMs();
    const quit = this.session.writeBarrier("QUIT", (x) => x.code === 221 || x.code === 421) ?? (await this.session.readReply());
    this.record("QUIT", quit, defaultExpectation("QUIT"), quitBegan, "cleanup");
    this.session.close();
    return false;
  }

  /** Runs one planned step (with its sub-exchanges); false stops the sequence. */
  private async runPlanned(p: PlannedStep): Promise<boolean> {
    const line = this.lineOf(p);
    const verb = verbOf(line);
    const expect = p.expect ?? defaultExpectation(verb);
    if (p.check === "open-relay") return this.relayCheck(line);
    if (p.check === "vrfy") return this.vrfyCheck(line);
    if (p.autoAuth) return this.authenticate(this.t.credentials?.mechanism ?? null, expect);
    const custom = CREDENTIAL_AUTH_STEP.exec(line);
    if (custom) return this.authenticate((custom[1] as string).toUpperCase() as AuthMechanism, expect);
    if (verb === "QUIT") return this.quit(line, expect);
    if ((verb === "DATA" || verb === "BDAT") && this.oversized()) return false;
    if (verb === "BDAT") return this.sendChunk(expect);
    const step = await this.exchange(line, line, expect);
    const reply = step.reply;
    if (reply && classify(reply.code) === "success") {
      if (verb === "MAIL") this.inTransaction = true;
      // A new EHLO or RSET ends any open transaction (RFC 5321 §4.1.4).
      if (verb === "RSET" || verb === "EHLO" || verb === "HELO") this.inTransaction = false;
    }
    if (verb === "EHLO" && reply) return this.afterEhlo(step, line);
    if (verb === "STARTTLS" && step.verdict === "pass" && reply?.code === 220) return this.upgrade(step);
    if (verb === "DATA" && reply?.code === 354) return step.verdict === "pass" ? this.sendMessage() : this.abandonData();
    return step.verdict === "pass";
  }

  /**
   * One write for the whole group, then its replies in order, each credited to its own step
   * (RFC 2920 §3.1). Everything sent is on record, even after a refusal inside the group.
   */
  private async runPipelined(group: readonly PlannedStep[]): Promise<boolean> {
    const lines = group.map((p) => {
      const line = this.lineOf(p);
      return { wire: line, shown: line, verb: verbOf(line), expect: p.expect ?? defaultExpectation(verbOf(line)) };
    });
    if (this.inTransaction && lines[0]?.verb === "MAIL") lines.unshift({ wire: "RSET", shown: "RSET", verb: "RSET", expect: defaultExpectation("RSET") });
    const began = monotonicMs();
    // A line the session will not send: one command at a time, so it is refused as its own step.
    if (lines.some((l) => this.needsSmtputf8(l.wire)) || this.session.writeLines(lines)) {
      for (const p of group) if (!(await this.runPlanned(p))) return false;
      return true;
    }
    let ok = true;
    let dataAccepted = false;
    for (const l of lines) {
      const r = await this.session.readReply();
      const step = this.record(l.shown, r, l.expect, began);
      step.pipelined = true;
      if (!isReply(r)) return false;
      ok &&= step.verdict === "pass";
      if (r.code === 250 && l.verb === "MAIL") this.inTransaction = true;
      if (r.code === 250 && l.verb === "RSET") this.inTransaction = false;
      if (l.verb === "DATA") dataAccepted = r.code === 354;
      if (l.verb === "QUIT") {
        this.quitSent = true;
        this.session.close();
      }
      if (this.closedByServer) return false;
    }
    if (dataAccepted) {
      // A refused RCPT still leaves DATA's 354 to answer: end it with the message only when all passed.
      return ok ? this.sendMessage() : this.abandonData();
    }
    return ok;
  }

  /**
   * After a 354 we will not follow with the message: "." would deliver an empty one, and any
   * command would be read as content. Closing the connection aborts the transaction (RFC 5321 §3.3).
   */
  private async abandonData(): Promise<boolean> {
    this.session.close();
    return false;
  }

  private async afterEhlo(step: StepResult, line: string): Promise<boolean> {
    const reply = step.reply as Reply;
    if (classify(reply.code) === "success") {
      this.extensions = parseEhloExtensions(reply.lines);
      this.lastEhlo = reply;
      return step.verdict === "pass";
    }
    // Only a refusal the step did not ask for falls back (`EHLO x => 500` answered 500 passes as is).
    if (step.verdict === "pass" || (reply.code !== 500 && reply.code !== 502) || !this.session.usable) return step.verdict === "pass";
    // RFC 5321 §3.2: a server that does not speak ESMTP gets HELO; the EHLO step is then a warning.
    const helo = `HELO ${line.replace(/^\S+\s*/, "")}`.trim();
    const fallback = await this.exchange(helo, helo, defaultExpectation("HELO"), { extra: "fallback" });
    if (fallback.verdict !== "pass") return false;
    step.verdict = "warn";
    this.extensions = [];
    return true;
  }

  private async upgrade(step: StepResult): Promise<boolean> {
    this.extensionsBeforeTls = this.extensions;
    const err = await this.session.startTls();
    if (err) {
      step.verdict = judgeStep(null, defaultExpectation("STARTTLS"), this.t.failOn);
      this.setError(err, this.steps.length - 1, "performing the TLS handshake after STARTTLS");
      return false;
    }
    // RFC 3207 §4.2: everything learned before TLS is forgotten, the client must EHLO again.
    this.tlsStarted = true;
    this.extensions = [];
    return true;
  }

  /** The command a planned step sends: placeholders filled, MAIL parameters added. */
  private lineOf(p: PlannedStep): string {
    const line = p.literal ? p.line : fillPlaceholders(p.line, this.values);
    if (!p.mailParams) return line;
    const addresses = [this.values.from, ...this.t.to];
    return line + mailParameters({
      size: this.t.send ? this.testMessage().length : null,
      eightBit: this.t.send && !isAscii(this.t.body ?? ""),
      utf8Addresses: addresses.some((a) => !isAscii(a)),
      advertised: (k) => findExtension(this.extensions, k) !== undefined,
    });
  }

  /** RFC 1870 §5: a client must not send a message larger than the server's SIZE. */
  private oversized(): boolean {
    const limit = Number(findExtension(this.extensions, "SIZE")?.split(/\s+/)[1]);
    const octets = this.testMessage().length;
    if (limit > 0 && octets > limit) this.oversize = { octets, limit };
    return this.oversize !== undefined;
  }

  private testMessage(): Buffer {
    this.message ??= frameForData(this.messageText());
    return this.message;
  }

  private messageText(): string {
    this.text ??= buildTestMessage({ from: this.values.from, to: this.t.to, helo: this.values.helo, body: this.t.body });
    return this.text;
  }

  /** The test message as one BDAT chunk (RFC 3030 §2), framed here: the step's line is never sent as written. */
  private async sendChunk(expect: Expectation): Promise<boolean> {
    const chunk = frameForBdat(this.messageText());
    const line = `BDAT ${chunk.length} LAST`;
    const began = monotonicMs();
    // RFC 3030 §2: BDAT only to a server that advertised CHUNKING. One that did not reads the
    // chunk's lines as commands (every header line answered 500, or worse, obeyed).
    const withheld = this.withhold(line, "CHUNKING", "the server did not advertise CHUNKING (RFC 3030), so it would read the message's lines as commands");
    const r = withheld ?? this.session.writeChunk(line, chunk, `(test message: ${chunk.length} octets in one chunk)`) ?? (await this.session.readReply());
    const step = this.record(line, r, expect, began);
    if (step.reply) this.inTransaction = false;
    if (step.reply?.code === 250) this.delivered = true;
    return step.verdict === "pass";
  }

  private async sendMessage(): Promise<boolean> {
    const framed = this.testMessage();
    const began = monotonicMs();
    this.session.writeMessage(framed, `(test message: ${framed.length} octets, dot-stuffed, ending with ".")`);
    const r = await this.session.readReply();
    this.inTransaction = false;
    const step = this.record(".", r, END_OF_DATA_EXPECTATION, began);
    if (step.reply?.code === 250) this.delivered = true;
    return step.verdict === "pass";
  }

  /** A secret so short that redacting it may blank ordinary text, and whose pieces are too short to find. */
  private shortSecret(): boolean {
    const c = this.t.credentials;
    return [c?.password, c?.oauthToken].some((s) => s !== undefined && s.length < FRAGMENT);
  }

  /** The whole SASL exchange; each line is its own step, shown after the mechanism as `***`. */
  private async authenticate(asked: AuthMechanism | null, finalExpect: Expectation): Promise<boolean> {
    const allowed = gateCredentials({
      asked, credentials: this.t.credentials, tlsMode: this.t.tls, tlsActive: this.tlsStarted, allowPlaintextAuth: this.t.allowPlaintextAuth ?? false,
      remoteAddress: this.session.remoteAddress, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
    });
    if ("reason" in allowed) {
      // Nothing of the credentials is sent; the finding (diagnose/credentials.ts) says why.
      this.authWithheld = allowed;
      return false;
    }
    this.credentialsInClear = !this.tlsStarted;
    return runSasl(allowed.mechanism, this.t.credentials as Credentials, finalExpect, {
      exchange: (wire, shown, expect, sasl) => this.exchange(wire, shown, expect, { kind: "auth", sasl }),
      secret: (...forms) => this.redactor.add(...forms),
    });
  }

  /**
   * Open relay test, envelope only: unauthenticated MAIL, then RCPT to a foreign domain, which
   * must be refused. A MAIL refused outright (530 on a submission port) proves the same.
   */
  private async relayCheck(rcptLine: string): Promise<boolean> {
    const mailLine = fillPlaceholders("MAIL FROM:<{from}>", this.values);
    const mail = await this.exchange(mailLine, mailLine, ANY_REPLY, { check: "open-relay" });
    if (mail.reply?.code !== 250) return mail.reply !== null;
    this.inTransaction = true;
    const rcpt = await this.exchange(rcptLine, rcptLine, REFUSAL, { check: "open-relay" });
    if (rcpt.reply === null) return false;
    const rset = await this.exchange("RSET", "RSET", defaultExpectation("RSET"), { check: "open-relay" });
    if (rset.reply?.code === 250) this.inTransaction = false;
    return rcpt.verdict === "pass" && rset.verdict === "pass";
  }

  /** VRFY must not confirm mailboxes (RFC 5321 §7.3): 252 or a refusal passes, 250/251 does not. */
  private async vrfyCheck(line: string): Promise<boolean> {
    return (await this.exchange(line, line, VRFY_DISABLED, { check: "vrfy" })).verdict === "pass";
  }

  private async quit(line: string, expect: Expectation): Promise<boolean> {
    if (this.inTransaction) await this.exchange("RSET", "RSET", defaultExpectation("RSET"), { extra: "cleanup" });
    if (this.t.smugglingCheck) await this.smugglingCheck();
    if (!this.session.usable) return false;
    this.quitSent = true;
    const step = await this.exchange(line, line, expect);
    this.session.close();
    return step.verdict === "pass";
  }

  /**
   * The SMTP smuggling check (engine/smuggling.ts), before QUIT, once the normal transaction
   * delivered. When it cannot run, `smuggling` says why for every variant. A resumed probe only
   * hands its session over.
   */
  private async smugglingCheck(): Promise<void> {
    if (this.resume) {
      if (this.lastEhlo && this.session.usable) await this.resume.use(this.session);
      return;
    }
    const why = !this.delivered ? "the test message was not accepted, so the check did not run"
      : !this.lastEhlo ? "the server did not answer EHLO, so the check did not run"
        : !this.session.usable ? "the connection was closed before the check" : null;
    if (why) {
      this.smuggling = notTried(why);
      return;
    }
    const mailLine = fillPlaceholders("MAIL FROM:<{from}>", this.values) + mailParameters({
      size: null, eightBit: false, utf8Addresses: [this.values.from, this.t.to[0] ?? ""].some((a) => !isAscii(a)),
      advertised: (k) => findExtension(this.extensions, k) !== undefined,
    });
    const deadlineAt = monotonicMs() + Math.min(SMUGGLING_CHECK_MS, this.t.deadlineMs ?? Infinity);
    const check = await runSmugglingCheck(this.session, this.t, { mailLine, deadlineAt, helo: this.values.helo, from: this.values.from }, this.reconnect);
    this.smuggling = check.results;
    // Only this session's count: a resumed probe's replies never reached it.
    this.smugglingExtras = check.extraReplies;
  }

  /** After a step that did not pass: RSET if a transaction is open, then QUIT, while usable. */
  private async cleanUp(): Promise<void> {
    if (this.quitSent || this.closedByServer || !this.session.usable) return;
    if (this.inTransaction) await this.exchange("RSET", "RSET", defaultExpectation("RSET"), { extra: "cleanup" });
    if (!this.session.usable) return;
    this.quitSent = true;
    await this.exchange("QUIT", "QUIT", defaultExpectation("QUIT"), { extra: "cleanup" });
  }

  /** The one send-and-read function every command goes through; a line the session refuses is its step's error. */
  private async exchange(wire: string, shown: string, expect: Expectation, opts: { extra?: StepResult["extra"]; check?: StepResult["check"]; kind?: OutgoingLine; sasl?: StepResult["sasl"] } = {}): Promise<StepResult> {
    const began = monotonicMs();
    // The transcript is for people: a secret line appears there by what it carries, not as `***`.
    const logged = opts.sasl ? saslLabel(opts.sasl.mechanism, opts.sasl.carries) : shown;
    const r = this.utf8Refusal(wire, shown) ?? this.session.writeLine(wire, logged, opts.kind) ?? (await this.session.readReply());
    const step = this.record(shown, r, expect, began, opts.extra, opts.check);
    if (opts.sasl) step.sasl = opts.sasl;
    return step;
  }

  /**
   * RFC 6531 §3.2: UTF-8 in a command only to a server that advertised SMTPUTF8 in the current
   * EHLO reply. A custom step may hold it (the configuration allows printable UTF-8); it is then
   * refused here, as the step's error, without sending it.
   */
  private utf8Refusal(wire: string, shown: string): PeerError | null {
    if (!this.needsSmtputf8(wire)) return null;
    return this.withhold(shown, "SMTPUTF8", "it holds non-ASCII characters and the server did not advertise SMTPUTF8 (RFC 6531)");
  }

  private needsSmtputf8(wire: string): boolean {
    return !isAscii(wire) && !findExtension(this.extensions, "SMTPUTF8");
  }

  /**
   * A command that needs an extension the current EHLO reply did not advertise is not sent: the
   * step gets this error instead of a reply, and `commandWithheld` tells diagnosis which step and
   * why (diagnose/advertised.ts), so that nobody reads it as a server fault.
   */
  private withhold(shown: string, keyword: string, why: string): PeerError | null {
    if (findExtension(this.extensions, keyword)) return null;
    this.commandWithheld ??= { step: this.steps.length, needs: keyword };
    return { kind: "protocol", message: `smtp-gate did not send ${JSON.stringify(shown)}: ${why}` };
  }

  private record(shown: string | null, r: Reply | PeerError, expect: Expectation, began: number, extra?: StepResult["extra"], check?: StepResult["check"]): StepResult {
    // The session redacted every line as it arrived.
    const reply = isReply(r) ? r : null;
    const step: StepResult = {
      command: shown,
      verb: stepVerb(shown),
      reply,
      class: reply ? classify(reply.code) : null,
      expected: formatExpectation(expect),
      verdict: judgeStep(reply?.code ?? null, expect, this.t.failOn),
      ms: Math.round(monotonicMs() - began),
      phase: phaseOf(shown),
    };
    if (extra) step.extra = extra;
    if (check) step.check = check;
    this.steps.push(step);
    if (!isReply(r)) this.setError(r, this.steps.length - 1, step.phase);
    else if (r.code === 421) {
      // The server is closing the channel (RFC 5321 §3.8): no QUIT, and the close is no error.
      this.closedByServer = true;
      this.session.close();
    }
    return step;
  }

  private setError(err: PeerError, step: number | null, phase: string): void {
    if (this.error) return;
    this.error = { kind: err.kind, message: `${err.message} while ${phase}`, step, ...(err.received !== undefined ? { received: err.received } : {}) };
  }
}
