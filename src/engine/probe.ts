/**
 * Runs one target: connects, walks the planned steps through one send-and-read function,
 * judges each reply, and cleans up (RSET, QUIT) while the connection is usable.
 * Diagnosis happens afterwards, over the finished result (src/diagnose).
 */
import type { TargetConfig } from "../config/target.js";
import { AUTH_MECHANISMS, cramMd5Response, derivedSecretForms, loginResponses, plainResponse, xoauth2Response, type AuthMechanism } from "../protocol/auth.js";
import { classify } from "../protocol/classify.js";
import { verbOf } from "../protocol/command.js";
import { authMechanisms, findExtension, parseEhloExtensions } from "../protocol/ehlo.js";
import {
  AUTH_CHALLENGE_EXPECTATION, END_OF_DATA_EXPECTATION, GREETING_EXPECTATION, defaultExpectation, formatExpectation, meetsExpectation,
  type Expectation,
} from "../protocol/expect.js";
import { buildTestMessage, frameForData, isAscii, mailParameters } from "../protocol/message.js";
import type { Redactor } from "../protocol/redact.js";
import type { Reply } from "../protocol/reply.js";
import { fillPlaceholders, type PlaceholderValues } from "../protocol/steps.js";
import type { PeerError } from "../session/errors.js";
import { monotonicMs } from "../session/clock.js";
import { SmtpSession, isReply } from "../session/session.js";
import { phaseOf, pipelineGroupLength, planSequence, type PlannedStep } from "./plan.js";
import type { StepResult, TargetError, TargetResult } from "./result.js";
import { judgeStep } from "./verdict.js";

export interface ProbeOutcome extends Omit<TargetResult, "verdict" | "findings"> {
  /** True when the session ended with the server's 421. */
  closedByServer: boolean;
  /** Set when DATA was not sent because the message exceeds the advertised SIZE (RFC 1870). */
  oversize?: { octets: number; limit: number };
}

const CUSTOM_AUTH = /^AUTH\s+(PLAIN|LOGIN|CRAM-MD5|XOAUTH2)$/i;
const ANY_REPLY: Expectation = [{ first: 2 }, { first: 3 }, { first: 4 }, { first: 5 }];
const REFUSAL: Expectation = [{ first: 4 }, { first: 5 }];
const VRFY_DISABLED: Expectation = [{ code: 252 }, { first: 4 }, { first: 5 }];

export async function runProbe(t: TargetConfig, redactor: Redactor): Promise<ProbeOutcome> {
  return new Probe(t, redactor).run();
}

class Probe {
  private readonly session: SmtpSession;
  private readonly steps: StepResult[] = [];
  private readonly values: PlaceholderValues;
  private error: TargetError | null = null;
  private extensions: string[] = [];
  private extensionsBeforeTls: string[] | null = null;
  private inTransaction = false;
  private tlsStarted = false;
  private closedByServer = false;
  private quitSent = false;
  private oversize: ProbeOutcome["oversize"];
  private message: Buffer | null = null;
  private readonly started = monotonicMs();

  constructor(private readonly t: TargetConfig, private readonly redactor: Redactor) {
    this.values = { helo: t.helo, from: t.from, to: t.to[0] ?? "" };
    this.session = new SmtpSession({
      host: t.host, port: t.port, implicitTls: t.tls === "implicit", servername: t.servername, ca: t.ca, insecure: t.insecure,
      timeoutMs: t.timeoutMs, deadline: t.deadlineMs !== undefined ? this.started + t.deadlineMs : undefined, redact: redactor.redact,
    });
    const c = t.credentials;
    for (const secret of [c?.password, c?.oauthToken]) if (secret) redactor.add(...derivedSecretForms(c?.username ?? "", secret));
  }

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
    if (!connectError && (await this.greeting())) {
      const plan = planSequence(this.t);
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
    return {
      name: this.t.name, host: this.t.host, port: this.t.port, tlsMode: this.t.tls,
      durationMs: Math.round(monotonicMs() - this.started),
      error: this.error, tls: this.session.tls, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
      steps: this.steps, transcript: this.session.transcript.entries, transcriptCapped: this.session.transcript.capped,
      unsolicitedReplies: this.session.unsolicited, closedByServer: this.closedByServer, source: this.t.source,
      ...(this.oversize ? { oversize: this.oversize } : {}),
    };
  }

  private async greeting(): Promise<boolean> {
    const began = monotonicMs();
    const r = await this.session.readReply();
    return this.record(null, r, GREETING_EXPECTATION, began).verdict === "pass";
  }

  /** Runs one planned step (with its sub-exchanges); false stops the sequence. */
  private async runPlanned(p: PlannedStep): Promise<boolean> {
    const line = this.lineOf(p);
    const verb = verbOf(line);
    const expect = p.expect ?? defaultExpectation(verb);
    if (p.check === "open-relay") return this.relayCheck(line);
    if (p.check === "vrfy") return this.vrfyCheck(line);
    if (p.autoAuth) return this.authenticate(this.chooseMechanism(), expect);
    const custom = CUSTOM_AUTH.exec(line);
    if (custom) return this.authenticate((custom[1] as string).toUpperCase() as AuthMechanism, expect);
    if (verb === "QUIT") return this.quit(line, expect);
    if (verb === "DATA" && this.oversized()) return false;
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
    this.session.writeLines(lines);
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
      return step.verdict === "pass";
    }
    // Only a refusal the step did not ask for falls back (`EHLO x => 500` answered 500 passes as is).
    if (step.verdict === "pass" || (reply.code !== 500 && reply.code !== 502) || !this.session.usable) return step.verdict === "pass";
    // RFC 5321 §3.2: a server that does not speak ESMTP gets HELO; the EHLO step is then a warning.
    const helo = `HELO ${line.replace(/^\S+\s*/, "")}`.trim();
    const fallback = await this.exchange(helo, helo, defaultExpectation("HELO"), "fallback");
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
    const addresses = [this.t.from, ...this.t.to];
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
    this.message ??= frameForData(buildTestMessage({ from: this.t.from, to: this.t.to, helo: this.t.helo, body: this.t.body }));
    return this.message;
  }

  private async sendMessage(): Promise<boolean> {
    const framed = this.testMessage();
    const began = monotonicMs();
    this.session.writeRaw(framed, `(test message: ${framed.length} octets, dot-stuffed, ending with ".")`);
    const r = await this.session.readReply();
    this.inTransaction = false;
    return this.record(".", r, END_OF_DATA_EXPECTATION, began).verdict === "pass";
  }

  private chooseMechanism(): AuthMechanism {
    const c = this.t.credentials;
    if (c?.mechanism) return c.mechanism;
    if (c?.oauthToken && !c.password) return "XOAUTH2";
    const offered = authMechanisms(this.extensions);
    const usable = AUTH_MECHANISMS.filter((m) => m !== "XOAUTH2" || c?.oauthToken);
    // Production senders (nodemailer, Postfix's smtp client) prefer PLAIN, then LOGIN.
    return usable.find((m) => offered.includes(m)) ?? (c?.password ? "PLAIN" : "XOAUTH2");
  }

  /** The whole SASL exchange; each line is its own step, shown after the mechanism as `***`. */
  private async authenticate(mech: AuthMechanism, finalExpect: Expectation): Promise<boolean> {
    const c = this.t.credentials;
    const user = c?.username ?? "";
    const password = c?.password ?? "";
    const token = c?.oauthToken ?? "";
    const secret = (...v: string[]) => this.redactor.add(...v);
    switch (mech) {
      case "PLAIN": {
        const payload = plainResponse(user, password);
        secret(payload);
        return (await this.exchange(`AUTH PLAIN ${payload}`, "AUTH PLAIN ***", finalExpect)).verdict === "pass";
      }
      case "LOGIN": {
        const [u, p] = loginResponses(user, password);
        secret(u, p);
        if (!(await this.challenge("AUTH LOGIN", "AUTH LOGIN"))) return false;
        if (!(await this.challenge(u, "***"))) return false;
        return (await this.exchange(p, "***", finalExpect)).verdict === "pass";
      }
      case "CRAM-MD5": {
        const first = await this.exchange("AUTH CRAM-MD5", "AUTH CRAM-MD5", AUTH_CHALLENGE_EXPECTATION);
        if (first.verdict !== "pass" || !first.reply) return false;
        const response = cramMd5Response(user, password, first.reply.lines[0] ?? "");
        secret(response);
        return (await this.exchange(response, "***", finalExpect)).verdict === "pass";
      }
      case "XOAUTH2": {
        const payload = xoauth2Response(user, token);
        secret(payload);
        // On failure the server sends a 334 with a JSON error; the client answers with an empty line.
        const withChallenge: Expectation = [...finalExpect, ...AUTH_CHALLENGE_EXPECTATION];
        const first = await this.exchange(`AUTH XOAUTH2 ${payload}`, "AUTH XOAUTH2 ***", withChallenge);
        if (first.reply?.code !== 334 || !meetsExpectation(334, withChallenge)) return first.verdict === "pass";
        first.expected = formatExpectation(AUTH_CHALLENGE_EXPECTATION);
        return (await this.exchange("", "***", finalExpect)).verdict === "pass";
      }
    }
  }

  /**
   * Open relay test, envelope only: unauthenticated MAIL, then RCPT to a foreign domain, which
   * must be refused. A MAIL refused outright (530 on a submission port) proves the same.
   */
  private async relayCheck(rcptLine: string): Promise<boolean> {
    const mailLine = fillPlaceholders("MAIL FROM:<{from}>", this.values);
    const mail = await this.exchange(mailLine, mailLine, ANY_REPLY, undefined, "open-relay");
    if (mail.reply?.code !== 250) return mail.reply !== null;
    this.inTransaction = true;
    const rcpt = await this.exchange(rcptLine, rcptLine, REFUSAL, undefined, "open-relay");
    if (rcpt.reply === null) return false;
    const rset = await this.exchange("RSET", "RSET", defaultExpectation("RSET"), undefined, "open-relay");
    if (rset.reply?.code === 250) this.inTransaction = false;
    return rcpt.verdict === "pass" && rset.verdict === "pass";
  }

  /** VRFY must not confirm mailboxes (RFC 5321 §7.3): 252 or a refusal passes, 250/251 does not. */
  private async vrfyCheck(line: string): Promise<boolean> {
    return (await this.exchange(line, line, VRFY_DISABLED, undefined, "vrfy")).verdict === "pass";
  }

  private async challenge(wire: string, shown: string): Promise<boolean> {
    return (await this.exchange(wire, shown, AUTH_CHALLENGE_EXPECTATION)).verdict === "pass";
  }

  private async quit(line: string, expect: Expectation): Promise<boolean> {
    if (this.inTransaction) await this.exchange("RSET", "RSET", defaultExpectation("RSET"), "cleanup");
    if (!this.session.usable) return false;
    this.quitSent = true;
    const step = await this.exchange(line, line, expect);
    this.session.close();
    return step.verdict === "pass";
  }

  /** After a step that did not pass: RSET if a transaction is open, then QUIT, while usable. */
  private async cleanUp(): Promise<void> {
    if (this.quitSent || this.closedByServer || !this.session.usable) return;
    if (this.inTransaction) await this.exchange("RSET", "RSET", defaultExpectation("RSET"), "cleanup");
    if (!this.session.usable) return;
    this.quitSent = true;
    await this.exchange("QUIT", "QUIT", defaultExpectation("QUIT"), "cleanup");
  }

  /** The one send-and-read function every command goes through. */
  private async exchange(wire: string, shown: string, expect: Expectation, extra?: StepResult["extra"], check?: StepResult["check"]): Promise<StepResult> {
    const began = monotonicMs();
    this.session.writeLine(wire, shown);
    const r = await this.session.readReply();
    return this.record(shown, r, expect, began, extra, check);
  }

  private record(shown: string | null, r: Reply | PeerError, expect: Expectation, began: number, extra?: StepResult["extra"], check?: StepResult["check"]): StepResult {
    // With no secrets registered (most fleets) the reply is recorded as read, without a copy.
    const reply = !isReply(r) ? null : this.redactor.values.length ? { ...r, lines: r.lines.map(this.redactor.redact) } : r;
    const step: StepResult = {
      command: shown,
      reply,
      class: reply ? classify(reply.code) : null,
      expected: formatExpectation(expect),
      verdict: judgeStep(reply?.code ?? null, expect, this.t.failOn),
      ms: Math.round(monotonicMs() - began),
      phase: phaseOf(shown),
      ...(extra ? { extra } : {}),
      ...(check ? { check } : {}),
    };
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
