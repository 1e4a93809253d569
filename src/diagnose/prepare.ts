/**
 * Before the rules run: what the whole conversation says about each step and about the server.
 * Pure, and idempotent, so the engine can call it to mark the report (run.ts) and diagnose() can
 * call it again on an outcome that was not marked.
 *
 * - `consequenceOf`: a reply that follows from an earlier refusal is marked with that refusal's
 *   step, so one root cause gives one finding (contract §6, §7).
 * - `server`: the product, from its banner, EHLO reply and reply texts (src/knowledge/servers.ts).
 */
import type { ProbeOutcome } from "../engine/result.js";
import type { ServerIdentity, StepResult } from "../model/report.js";
import { recogniseMiddlebox, type MiddleboxId } from "../knowledge/middleboxes.js";
import { recogniseServer, type ReplySign } from "../knowledge/servers.js";
import { findExtension } from "../protocol/ehlo.js";

export function prepareOutcome<T extends ProbeOutcome>(p: T): T {
  return { ...p, steps: markConsequences(p.steps), server: p.server !== undefined ? p.server : identifyServer(p) };
}

export function identifyServer(p: Pick<ProbeOutcome, "steps" | "tlsMode">): ServerIdentity | null {
  const ehlo = p.steps.filter((s) => s.verb === "EHLO" && s.class === "success").flatMap((s) => s.reply?.lines ?? []);
  const replies: ReplySign[] = [];
  for (const s of p.steps) if (s.reply) replies.push(s.reply);
  const banner = p.steps[0]?.reply?.lines ?? [];
  const box = identifyMiddlebox(p, banner, ehlo);
  // A box's own banner names the box, not the MTA: only the MTA's reply texts can tell it then.
  const ownWords = box !== null && box !== "tls-terminator";
  const found = recogniseServer({ banner: ownWords ? [] : banner, ehlo: ownWords ? [] : ehlo, replies: ownWords ? replies.slice(1) : replies });
  if (!found && !box) return null;
  return { product: found?.product ?? null, version: found?.version ?? null, ...(found ? { family: found.family } : {}), ...(box ? { via: box } : {}) };
}

/**
 * The box in front, from its own greeting or EHLO keyword; else a TLS terminator when an
 * implicit-TLS session is offered STARTTLS (the MTA behind it thinks the session is plain text).
 */
function identifyMiddlebox(p: Pick<ProbeOutcome, "steps" | "tlsMode">, banner: readonly string[], ehlo: readonly string[]): MiddleboxId | null {
  const row = recogniseMiddlebox({ banner, ehlo });
  // A banner whose form other servers share (nginx's "HOST ESMTP ready", Yahoo's MX's too) is the server's when it names one.
  if (row && !(row.bannerShared && recogniseServer({ banner, ehlo: [], replies: [] }))) return row.via;
  const firstEhlo = p.steps.find((s) => s.verb === "EHLO" && s.class === "success");
  if (p.tlsMode === "implicit" && firstEhlo && findExtension(firstEhlo.reply?.lines.slice(1) ?? [], "STARTTLS")) return "tls-terminator";
  return null;
}

const failed = (s: StepResult | undefined): boolean => !!s && s.verdict !== "pass" && (s.class === "transient" || s.class === "permanent");

/** The steps, with `consequenceOf` set on replies that follow from an earlier refusal. */
export function markConsequences(steps: readonly StepResult[]): StepResult[] {
  const cause = new Map<number, number>();
  let closedAt = -1;
  let mailRefused = -1;
  let rcptAccepted = false;
  let firstRcptRefused = -1;
  for (let i = 0; i < steps.length; i++) {
    const s = steps[i] as StepResult;
    if (closedAt !== -1) {
      // After the server's 421 nothing it says answers our commands any more (RFC 5321 §3.8).
      cause.set(i, closedAt);
      continue;
    }
    const verb = s.verb ?? "";
    if (verb === "MAIL") {
      mailRefused = failed(s) ? i : -1;
      rcptAccepted = false;
      firstRcptRefused = -1;
    } else if (verb === "RSET" || verb === "EHLO" || verb === "HELO") {
      mailRefused = -1;
      firstRcptRefused = -1;
      rcptAccepted = false;
    } else if (failed(s) && mailRefused !== -1 && (verb === "RCPT" || verb === "DATA" || verb === "BDAT")) {
      // RCPT and DATA after a refused MAIL: "need MAIL command" says nothing new.
      cause.set(i, mailRefused);
    } else if (verb === "RCPT") {
      if (s.class === "success") rcptAccepted = true;
      else if (failed(s) && firstRcptRefused === -1) firstRcptRefused = i;
    } else if ((verb === "DATA" || verb === "BDAT") && failed(s) && !rcptAccepted && firstRcptRefused !== -1) {
      // DATA's 503/554 after every recipient was refused (RFC 5321 §3.3: no valid recipients).
      cause.set(i, firstRcptRefused);
    }
    if (!cause.has(i) && failed(s) && s.pipelined) {
      // Inside one pipelined group, the same refusal repeated for each command is one refusal.
      for (let j = i - 1; j >= 0 && steps[j]?.pipelined; j--) {
        const e = steps[j] as StepResult;
        if (failed(e) && e.reply?.code === s.reply?.code && !cause.has(j)) {
          cause.set(i, j);
          break;
        }
      }
    }
    if (s.reply?.code === 421) closedAt = i;
  }
  return steps.map((s, i) => {
    const c = cause.get(i);
    if (c === undefined) {
      if (s.consequenceOf === undefined) return s;
      const { consequenceOf: _c, ...rest } = s;
      return rest;
    }
    return s.consequenceOf === c ? s : { ...s, consequenceOf: c };
  });
}
