/**
 * An SMTP-inspecting firewall or security appliance in the path (Cisco PIX "fixup smtp", ASA
 * "inspect esmtp" and similar) leaves recognisable marks; two or more together are near proof.
 */
import { findExtension } from "../protocol/ehlo.js";
import type { StepResult } from "../model/report.js";
import { finding, type Rule } from "./rule.js";

const refused = (s: StepResult): boolean => s.reply?.code === 500 || s.reply?.code === 502;

/** A reply that quotes the command as XXXX: what an appliance leaves of a command it replaced. */
function quotesXxxx(lines: readonly string[]): boolean {
  for (const l of lines) if (l.includes("XXXX") && /\bX{4,}\b/.test(l)) return true;
  return false;
}

export const smtpInspection: Rule = (p) => {
  const signs: string[] = [];
  let step: number | null = null;
  const greeting = p.steps[0];
  // Line by line, not joined: neither mark can span the space a join would put between lines.
  if (greeting?.reply?.lines.some((l) => l.includes("******"))) {
    signs.push("the banner is masked with asterisks");
    step = 0;
  }
  // The first step of each kind, in one pass with the cheap tests first: every target of a fleet runs this rule.
  let ehlo = -1;
  let helo = -1;
  let xxxx = -1;
  let starttls = -1;
  for (let i = 0; i < p.steps.length; i++) {
    const s = p.steps[i] as StepResult;
    if (refused(s)) {
      if (ehlo === -1 && s.verb === "EHLO") ehlo = i;
      if (starttls === -1 && s.verb === "STARTTLS") starttls = i;
    }
    if (helo === -1 && s.extra === "fallback" && s.class === "success") helo = i;
    if (xxxx === -1 && s.reply && quotesXxxx(s.reply.lines)) xxxx = i;
  }
  if (ehlo !== -1 && helo !== -1) {
    signs.push("EHLO was refused while HELO worked (the appliance allows only RFC 821 commands)");
    step ??= ehlo;
  }
  if (xxxx !== -1) {
    signs.push("a reply quotes the command as XXXX (the appliance replaced a command it does not allow)");
    step ??= xxxx;
  }
  if (starttls !== -1 || (p.tlsMode !== "none" && p.tlsMode !== "implicit" && p.extensions.length > 0 && !p.tls && !findExtension(p.extensions, "STARTTLS") && signs.length > 0)) {
    signs.push("STARTTLS is missing or refused");
    step ??= starttls === -1 ? null : starttls;
  }
  const strong = signs.filter((s) => !s.startsWith("STARTTLS")).length;
  if (strong === 0) return [];
  return [finding("smtp-inspection", signs.length >= 2 ? "error" : "warning", step,
    `An SMTP-inspecting firewall or security appliance is probably in the path: ${signs.join("; ")}.`,
    [
      "Cisco PIX \"fixup protocol smtp\" / ASA \"inspect esmtp\" (and similar features of other firewalls) masks the banner, allows only a list of commands, replaces others with XXXX, and removes STARTTLS so it can read the traffic.",
      "The MTA itself is probably fine: the same session from inside the firewall looks different.",
    ],
    [
      "Compare the session from both sides of the firewall: `openssl s_client -starttls smtp -connect {hostport} -crlf` from inside, and `{nc}` from outside.",
      "Disable SMTP inspection for this server: `no fixup protocol smtp 25` (PIX) or remove `inspect esmtp` from the ASA policy-map (or allow ESMTP and STARTTLS through it).",
    ])];
};
