/**
 * The SMTP smuggling check (contract §7, `smuggling-check`): after the normal transaction, one
 * short transaction per variant of protocol/smuggling.ts — MAIL, RCPT to the test recipient,
 * DATA, the variant's message, NOOP — on the same session, and on a new one (set up as the first
 * was, without its transaction: `Reconnect`) each time a server closes the session at a variant.
 * Nothing else is sent but an RSET when a transaction is refused half-way.
 *
 * How a variant is judged, from the replies alone: the message's bytes are owed one reply. A
 * server that ends the data at the variant answers early, then answers the smuggled line and the
 * closing "." line as commands: those replies arrive while none is owed, and the session counts
 * them as unsolicited. To know they have all arrived without sleeping, each variant ends with a
 * barrier: NOOP, which every server answers 250 (RFC 5321 §4.1.1.9) and which the smuggled
 * lines never draw (5xx, or 221/421 as the server hangs up). Every reply before its 250 is one
 * the message's bytes drew. Without that 250 there is no such proof: a server that answers the
 * message and closes (or stalls) may have read the smuggled line and dropped the session, so the
 * variant is not known (null, with why) — unless extra replies already show the early end, or the
 * message's reply was 421, after which the server reads nothing (RFC 5321 §3.8). (EHLO would
 * reset the transaction as well, but OpenSMTPD refuses a second EHLO: "503 5.5.1 Invalid
 * command: Already identified".)
 */
import type { TargetConfig } from "../config/target.js";
import { classify } from "../protocol/classify.js";
import type { Reply } from "../protocol/reply.js";
import { SMUGGLED_COMMAND, SMUGGLING_VARIANTS, smugglingMessage, variantName, type SmugglingVariant } from "../protocol/smuggling.js";
import { monotonicMs } from "../session/clock.js";
import { isReply, type ReadResult, type SmtpSession } from "../session/session.js";
import type { Transcript } from "../session/transcript.js";
import type { SmugglingResult } from "../model/report.js";

/** The whole check's deadline: no variant, and no server that keeps waiting for more data, takes it past this. */
export const SMUGGLING_CHECK_MS = 60_000;

export interface SmugglingCheck {
  /** One entry per variant of SMUGGLING_VARIANTS, in that order. */
  results: SmugglingResult[];
  /** Replies the check's messages drew on the first session beyond the one each was owed (they are in `results`, not out of turn). */
  extraReplies: number;
}

export interface SmugglingInput {
  /** The MAIL command, with the parameters the server needs (SMTPUTF8). */
  mailLine: string;
  /** When the whole check ends, on monotonicMs()'s clock. */
  deadlineAt: number;
  /** The EHLO name and sender the session used (filled in once connected). */
  helo: string;
  from: string;
}

/**
 * A new connection, set up as the first was (EHLO, STARTTLS, AUTH) without a transaction: `use`
 * runs on it before its QUIT. Gives what `use` returned (null when the session could not be set
 * up), why not, and the new session's transcript.
 */
export type Reconnect = <T>(use: (session: SmtpSession) => Promise<T>) => Promise<{ value: T | null; failed: string; transcript: Transcript }>;

/** Every variant, not tried, for the same reason. */
export const notTried = (why: string, variants: readonly SmugglingVariant[] = SMUGGLING_VARIANTS): SmugglingResult[] =>
  variants.map((v) => ({ variant: v.name, endedData: null, replies: [], note: `not tried: ${why}` }));

/**
 * Runs every variant: on `session` until one leaves it unusable (Postfix, for one, closes the
 * session at the smuggled input: "221 2.7.0 Error: I can break rules, too"), then the rest on a
 * new connection each time, while the deadline allows. The new sessions' transcripts join the
 * first's, each entry at its own time.
 */
export async function runSmugglingCheck(session: SmtpSession, t: TargetConfig, input: SmugglingInput, reconnect: Reconnect): Promise<SmugglingCheck> {
  const first = await runVariants(session, t, input, SMUGGLING_VARIANTS);
  const results = [...first.results];
  let pending = first.remaining;
  while (pending.length && monotonicMs() < input.deadlineAt) {
    const tried = pending;
    session.transcript.add("*", `reconnecting for the smuggling check's remaining variants (${tried.map((v) => v.name).join(", ")})`);
    const again = await reconnect((s) => runVariants(s, t, input, tried));
    session.transcript.append(again.transcript);
    if (!again.value || again.value.remaining.length === tried.length) {
      results.push(...notTried(`reconnecting failed: ${again.failed}`, tried));
      pending = [];
      break;
    }
    results.push(...again.value.results);
    pending = again.value.remaining;
  }
  results.push(...notTried("the smuggling check's deadline passed", pending));
  const order = new Map(SMUGGLING_VARIANTS.map((v, i) => [v.name, i]));
  results.sort((a, b) => (order.get(a.variant) ?? 0) - (order.get(b.variant) ?? 0));
  return { results, extraReplies: first.extraReplies };
}

interface VariantsRun {
  results: SmugglingResult[];
  /** Variants not tried because the connection closed: for a new connection. */
  remaining: SmugglingVariant[];
  extraReplies: number;
}

/** A reply in a note: its code and first line, e.g. `550 5.7.1 Relaying denied`. */
const said = (r: Reply): string => `${r.code} ${r.lines[0] ?? ""}`.trim().slice(0, 200);

const describe = (r: ReadResult): string => (isReply(r) ? said(r) : r.message);

/** The NOOP barrier's reply: 250, which no smuggled line draws. */
const noopAnswer = (r: Reply): boolean => r.code === 250;

/**
 * Runs `variants` in order on this session until one leaves it unusable: those after it are
 * `remaining`. A refused transaction or a server that keeps waiting stops the run: the rest are
 * recorded as not tried, with why.
 */
async function runVariants(session: SmtpSession, t: TargetConfig, input: SmugglingInput, variants: readonly SmugglingVariant[]): Promise<VariantsRun> {
  const results: SmugglingResult[] = [];
  let extraReplies = 0;
  let stop: string | null = null;
  let remaining: SmugglingVariant[] = [];
  const ask = async (line: string): Promise<ReadResult> => session.writeLine(line) ?? (await session.readReply());
  const timedOut = (): boolean => session.error?.kind === "timeout";
  session.limitUntil(input.deadlineAt, "the smuggling check's deadline passed");
  try {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i] as SmugglingVariant;
      if (!stop && monotonicMs() >= input.deadlineAt) stop = "not tried: the smuggling check's deadline passed";
      if (!stop && timedOut()) stop = `not tried: ${session.error?.message}`;
      if (!stop && !session.usable) {
        remaining = variants.slice(i);
        break;
      }
      if (stop) {
        results.push({ variant: v.name, endedData: null, replies: [], note: stop });
        continue;
      }
      const refused = await openTransaction(ask, t, input.mailLine);
      if (refused) {
        if (!session.usable && !timedOut()) {
          remaining = variants.slice(i);
          break;
        }
        stop = `not tried: ${refused}`;
        results.push({ variant: v.name, endedData: null, replies: [], note: stop });
        continue;
      }
      const run = await sendVariant(session, t, input, v);
      extraReplies += run.extraReplies;
      results.push(run.result);
    }
  } finally {
    session.clearLimit();
  }
  return { results, remaining, extraReplies };
}

/** One variant's message, then the NOOP barrier; judged from the replies (see the top of this file). */
async function sendVariant(session: SmtpSession, t: TargetConfig, input: SmugglingInput, v: SmugglingVariant): Promise<{ result: SmugglingResult; extraReplies: number }> {
  const mark = session.unsolicitedMark();
  const bytes = smugglingMessage(v, { from: input.from, to: t.to.slice(0, 1), helo: input.helo });
  // The bytes as sent from the variant on (the text before it is ordinary): the smuggled line, not a NOOP.
  session.writeMessage(bytes, `(smuggling check ${v.name}: ${bytes.length} octets, the test message's text, then ${variantName(`${v.bytes}${SMUGGLED_COMMAND}\r\n.\r\n`)})`);
  const own = await session.readReply();
  if (!isReply(own)) {
    const extra = session.unsolicitedSince(mark);
    const result: SmugglingResult = { variant: v.name, endedData: extra.count > 0 ? true : null, replies: extra.replies, note: `no reply to the message: ${own.message}` };
    return { result, extraReplies: extra.count };
  }
  const barrier = session.writeBarrier("NOOP", noopAnswer) ?? (await session.readReply());
  const extra = session.unsolicitedSince(mark);
  const replies = [own, ...extra.replies];
  const outcome = classify(own.code) === "success" ? "accepted" : "refused";
  if (isReply(barrier)) {
    const result: SmugglingResult = { variant: v.name, endedData: extra.count > 0, replies };
    if (outcome === "refused") result.note = `the server refused the message: ${said(own)}`;
    return { result, extraReplies: extra.count };
  }
  const unanswered = `the server ${outcome} the message (${said(own)}), then did not answer NOOP (${barrier.message})`;
  const result: SmugglingResult = extra.count > 0
    ? { variant: v.name, endedData: true, replies, note: unanswered }
    : own.code === 421
      ? { variant: v.name, endedData: false, replies, note: `${unanswered}; after a 421 a server reads nothing more (RFC 5321 §3.8), so the smuggled line was never taken as a command` }
      : { variant: v.name, endedData: null, replies, note: `${unanswered}: whether it ended the data at ${v.name} cannot be told from its replies` };
  return { result, extraReplies: extra.count };
}

/** MAIL, RCPT, DATA up to the 354; what refused it (after an RSET when a transaction was open), or null. */
async function openTransaction(ask: (line: string) => Promise<ReadResult>, t: TargetConfig, mailLine: string): Promise<string | null> {
  const mail = await ask(mailLine);
  if (!isReply(mail) || classify(mail.code) !== "success") return `MAIL FROM was answered ${describe(mail)}`;
  const rcpt = await ask(`RCPT TO:<${t.to[0]}>`);
  const data = isReply(rcpt) && classify(rcpt.code) === "success" ? await ask("DATA") : null;
  if (data && isReply(data) && data.code === 354) return null;
  const why = data === null ? `RCPT TO was answered ${describe(rcpt)}` : `DATA was answered ${describe(data)}`;
  if (isReply(rcpt) && (data === null || isReply(data))) await ask("RSET");
  return why;
}
