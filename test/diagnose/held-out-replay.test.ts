// The held-out replies (test/knowledge/root-cause-held-out.test.ts) as a server sends them: the enhanced code leads the
// reply's text (RFC 3463 §2), the product greets with its own banner, and the reply answers its phase in a recorded
// conversation. The diagnosis must name the same cause decideCause names from the bare words: signs read the words
// after the codes, and recognition finds the product that the row names.
import { describe, expect, it } from "vitest";
import { prepareOutcome } from "../../src/diagnose/prepare.js";
import { rejectedSteps } from "../../src/diagnose/replies.js";
import type { ServerFamily } from "../../src/knowledge/servers.js";
import { HELD_OUT } from "../knowledge/held-out-rows.js";
import { EHLO_PLAIN, outcome, policy } from "./fixtures.js";

/** A greeting each product writes by default (its host name or its own words), or a neutral one. */
const BANNER: Partial<Record<ServerFamily, string>> = {
  postfix: "mx.example.com ESMTP Postfix", exim: "mx.example.com ESMTP Exim 4.96", sendmail: "mx.example.com ESMTP Sendmail 8.17.1/8.17.1",
  opensmtpd: "mx.example.com ESMTP OpenSMTPD", haraka: "mx.example.com ESMTP Haraka/3.0.3", courier: "mx.example.com ESMTP Courier",
  hmailserver: "mx.example.com ESMTP hMailServer", mdaemon: "mx.example.com ESMTP MDaemon 23.5.1",
  exchange: "mail1.example.com Microsoft ESMTP MAIL Service ready", microsoft365: "CY4PEPF0000EE3A.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready",
  outlookcom: "BN1PEPF00004680.mail.protection.outlook.com hotmail-com.olc.protection.outlook.com Microsoft ESMTP MAIL Service ready",
  gmail: "mx.google.com ESMTP a1si123456wrb.1 - gsmtp", yahoo: "mta7.am0.yahoodns.net ESMTP ready", icloud: "mx01.mail.icloud.com ESMTP",
  mimecast: "eu-smtp-inbound-1.mimecast.com ESMTP", proofpoint: "mx0a-00000000.pphosted.com ESMTP", "cisco-esa": "mx.example.com ESMTP IronPort",
  barracuda: "mx.example.com ESMTP (barracudanetworks.com)", qmail: "mx.example.com ESMTP",
};

/** The recorded conversation that reaches the row's phase and is answered there with the row's reply. */
function conversation(family: ServerFamily | null, phase: string, reply: string): string[] {
  if (phase === "CONNECT") return [reply];
  const lines = [`S: 220 ${(family && BANNER[family]) ?? "mx.example.com ESMTP"}`];
  if (phase === "EHLO") return [...lines, "C: EHLO ci.example.com", reply];
  lines.push(...EHLO_PLAIN);
  if (!["MAIL", "RCPT", "DATA", "END-OF-DATA"].includes(phase)) return [...lines, `C: ${phase === "AUTH" ? "AUTH PLAIN" : phase}`, reply];
  lines.push("C: MAIL FROM:<app@example.com>", phase === "MAIL" ? reply : "S: 250 OK");
  if (phase === "MAIL") return lines;
  lines.push("C: RCPT TO:<user@example.com>", phase === "RCPT" ? reply : "S: 250 OK");
  if (phase === "RCPT") return lines;
  return phase === "DATA" ? [...lines, "C: DATA", reply] : [...lines, "C: DATA", "S: 354 go ahead", "C: .", reply];
}

describe("the held-out replies, as servers send them, diagnosed", () => {
  it.each(HELD_OUT)("%s %s %i %s %s → %s", (family, phase, code, enhanced, text, cause) => {
    const p = prepareOutcome(outcome(conversation(family, phase, `S: ${code} ${enhanced ? `${enhanced} ` : ""}${text}`), { port: 25 }));
    const found = rejectedSteps(p, policy()).at(-1);
    expect(found?.cause, JSON.stringify({ server: p.server, found })).toBe(cause);
  });
});
