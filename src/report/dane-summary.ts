/**
 * The job summary's DANE block (contract §9): per MX address what a DANE sender (RFC 7672) would
 * do and the record that matched. Host names come from DNS: escaped.
 */
import type { AddressDane, Report, TargetResult } from "../model/report.js";
import { ICON, cell } from "./markdown.js";

/** Why a DANE sender refuses an address, from the finding that says so (diagnose/dane.ts). */
const REASONS: Record<string, string> = {
  "dane-dns-bogus": "DNSSEC bogus",
  "dane-no-starttls": "no STARTTLS",
  "dane-no-match": "no TLSA record matches",
};

/** One phrase for text and markdown. */
export function daneWords(d: AddressDane, t: TargetResult): string {
  if (d.sender === null) return d.secure ? "not known (not reached)" : "not known";
  if (d.sender === "refuse") {
    const why = t.findings.map((f) => REASONS[f.id]).filter((r): r is string => r !== undefined);
    return `refuses: ${why.join(", ") || "TLS required"}`;
  }
  if (d.matched) return `delivers (${d.matched.slice(0, 5)} matched)`;
  if (d.secure && d.tlsa.length) return "delivers over TLS, unauthenticated (no usable record)";
  return d.secure ? "delivers (signed, no TLSA: no DANE)" : "delivers (not signed: no DANE)";
}

export function renderDaneSummary(report: Report): string[] {
  const rows = report.targets.filter((t) => t.dane).map((t) => {
    const d = t.dane as AddressDane;
    const icon = d.sender === "deliver" ? ICON.pass : d.sender === "refuse" ? ICON.fail : ICON.warn;
    return `- ${icon} ${cell(`${t.mxHost ?? t.host}${t.address ? ` [${t.address}]` : ""}`)}: ${cell(daneWords(d, t))}`;
  });
  return rows.length ? ["### DANE: what a sender does", "", ...rows, ""] : [];
}
