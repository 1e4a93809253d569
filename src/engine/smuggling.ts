/**
 * The SMTP smuggling check (contract §7, `smuggling-check`): after the normal transaction, one
 * short transaction per variant of protocol/smuggling.ts — MAIL, RCPT to the test recipient,
 * DATA, the variant's message, NOOP — on the same session, and on a new one (set up as the first was,
 * without its transaction) when a server closes the session at a variant. Nothing else is sent
 * but an RSET when a transaction is refused half-way.
 *
 * How a variant is judged, from the replies alone: the message's bytes are owed one reply. A
 * server that ends the data at the variant answers early, then answers the smuggled line and the
 * closing "." line as commands: those replies arrive while none is owed, and the session counts
 * them as unsolicited. To know they have all arrived without sleeping, each variant ends with a
 * barrier: NOOP, which every server answers 250 (RFC 5321 §4.1.1.9) and which the smuggled
 * lines never draw (5xx, or 221/421 as the server hangs up). Every reply before its 250 is one
 * the message's bytes drew. (EHLO would reset the transaction as well, but OpenSMTPD refuses a
 * second EHLO: "503 5.5.1 Invalid command: Already identified".)
 */
import type { TargetConfig } from "../config/target.js";
import { classify } from "../protocol/classify.js";
import type { Reply } from "../protocol/reply.js";
import { smugglingMessage, type SmugglingVariant } from "../protocol/smuggling.js";
import { monotonicMs } from "../session/clock.js";
import { isReply, type ReadResult, type SmtpSession } from "../session/session.js";
import type { SmugglingResult } from "./result.js";

/** The whole check's deadline: no variant, and no server that keeps waiting for more data, takes it past this. */
export const SMUGGLING_CHECK_MS = 60_000;

export interface SmugglingCheck {
  results: SmugglingResult[];
  /** Variants not tried because the connection closed: for a new connection. */
  remaining: SmugglingVariant[];
  /** Replies the check's messages drew beyond the one each was owed (they are in `results`, not out of turn). */
  extraReplies: number;
}

export interface SmugglingInput {
  /** The MAIL command, with the parameters the server needs (SMTPUTF8). */
  mailLine: string;
  /** The EHLO name and sender the session used (filled in once connected). */
  helo: string;
  from: string;
}

/** The NOOP barrier's reply: 250, which no smuggled line draws. */
const noopAnswer = (r: Reply): boolean => r.code === 250;

const describe = (r: ReadResult): string => (isReply(r) ? said(r) : r.message);

/** A reply in a note: its code and first line, e.g. `550 5.7.1 Relaying denied`. */
const said = (r: Reply): string => `${r.code} ${r.lines[0] ?? ""}`.trim().slice(0, 200);

/**
 * Runs `variants` in order on this session until one leaves it unusable: those after it are
 * `remaining`, for a new connection (Postfix, for one, closes the session at the smuggled
 * input: "221 2.7.0 Error: I can break rules, too"). A refused transaction or a server that keeps
 * waiting stops the check: the rest are recorded as not tried, with why.
 */
export async function runSmugglingCheck(session: SmtpSession, t: TargetConfig, input: SmugglingInput, variants: readonly SmugglingVariant[], deadlineAt: number): Promise<SmugglingCheck> {
  const results: SmugglingResult[] = [];
  let extraReplies = 0;
  let stop: string | null = null;
  let remaining: SmugglingVariant[] = [];
  const ask = async (line: string): Promise<ReadResult> => session.writeLine(line) ?? (await session.readReply());
  const timedOut = (): boolean => session.error?.kind === "timeout";
  session.limitUntil(deadlineAt, "the smuggling check's deadline passed");
  try {
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i] as SmugglingVariant;
      if (!stop && monotonicMs() >= deadlineAt) stop = "not tried: the smuggling check's deadline passed";
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
      const mark = session.unsolicitedMark();
      const bytes = smugglingMessage(v, { from: input.from, to: t.to.slice(0, 1), helo: input.helo });
      session.writeMessage(bytes, `(smuggling check ${v.name}: ${bytes.length} octets: text, ${v.name}, NOOP, then <CR><LF>.<CR><LF>)`);
      const own = await session.readReply();
      if (!isReply(own)) {
        const extra = session.unsolicitedSince(mark);
        extraReplies += extra.count;
        results.push({ variant: v.name, endedData: extra.count > 0 ? true : null, replies: extra.replies, note: `no reply to the message: ${own.message}` });
        continue;
      }
      const barrier = session.writeBarrier("NOOP", noopAnswer) ?? (await session.readReply());
      const extra = session.unsolicitedSince(mark);
      extraReplies += extra.count;
      const result: SmugglingResult = { variant: v.name, endedData: extra.count > 0, replies: [own, ...extra.replies] };
      if (!isReply(barrier)) {
        result.note = `the server ${classify(own.code) === "success" ? "accepted" : "refused"} the message (${said(own)}), then did not answer NOOP: ${barrier.message}`;
      } else if (classify(own.code) !== "success") {
        result.note = `the server refused the message: ${said(own)}`;
      }
      results.push(result);
    }
  } finally {
    session.clearLimit();
  }
  return { results, remaining, extraReplies };
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
