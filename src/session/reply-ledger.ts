/**
 * Which replies answer what was sent. One reply is owed for the greeting and one per command
 * written; a reply that arrives while none is owed answers nothing smtp-gate sent — in lockstep
 * and pipelined mode alike (RFC 5321 §4.3.1, RFC 2920 §3.1) — so it is unsolicited: counted,
 * kept for a check that asks (the smuggling check), and never credited to a later command.
 */
import type { Reply } from "../protocol/reply.js";

/** How many unsolicited replies are kept for unsolicitedSince(): a hostile peer may send endless ones. */
const KEPT = 256;

export class ReplyLedger {
  /** Replies that answered nothing sent. */
  unsolicited = 0;
  private owed = 1;
  private readonly kept: Reply[] = [];
  /** When set, the one reply owed is the first that passes this test (see SmtpSession.writeBarrier). */
  private barrier: ((r: Reply) => boolean) | null = null;

  get owing(): number {
    return this.owed;
  }

  /** `n` more replies are owed (a write of n commands). */
  expect(n: number): void {
    this.owed += n;
  }

  /**
   * Nothing is owed until the client speaks again: after a TLS handshake the session starts
   * afresh (RFC 3207 §4.2); after a peer fell out of step, nothing it still sends is waited for.
   */
  reset(): void {
    this.owed = 0;
    this.barrier = null;
  }

  /** The one reply owed is the first that passes `isAnswer`. */
  awaitAnswer(isAnswer: (r: Reply) => boolean): void {
    this.barrier = isAnswer;
  }

  /** True when `r` answers what was sent; otherwise it is recorded as unsolicited. */
  accept(r: Reply): boolean {
    if (this.owed === 0 || (this.barrier && !this.barrier(r))) {
      this.unsolicited++;
      if (this.kept.length < KEPT) this.kept.push(r);
      return false;
    }
    this.barrier = null;
    this.owed--;
    return true;
  }

  /** The unsolicited replies since `mark` (a former value of `unsolicited`), as far as kept, and how many there were. */
  since(mark: number): { replies: Reply[]; count: number } {
    return { replies: this.kept.slice(mark), count: this.unsolicited - mark };
  }
}
