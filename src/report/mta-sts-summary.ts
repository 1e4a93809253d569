/**
 * The job summary's MTA-STS block (contract §9): per mail domain its policy, then per MX address
 * what an RFC 8461 sender would do, at a glance. Every name is peer-controlled (DNS): escaped.
 */
import type { Report, TargetResult } from "../model/report.js";
import { ICON, cell } from "./markdown.js";

/** Why a sender refuses an address, from the finding that says so (diagnose/mta-sts.ts). */
const REASONS: Record<string, string> = {
  "mta-sts-mx-not-covered": "not in the policy",
  "mta-sts-mx-certificate": "certificate",
  "mta-sts-no-starttls": "no STARTTLS",
};

export function renderMtaStsSummary(report: Report): string[] {
  const lines: string[] = [];
  for (const d of report.domains ?? []) {
    const m = d.mtaSts;
    // An expanded mx target is named "mx DOMAIN → HOST (PREF) [ADDRESS]" unless the user named it;
    // with one domain in the report, every address judged against a policy is that domain's.
    const single = (report.domains ?? []).length === 1;
    const addresses = report.targets.filter((t) => t.mtaSts && (single || t.name.startsWith(`mx ${d.domain} `)));
    const policy = m === null ? "no MTA-STS policy" : m.mode ? `MTA-STS (${m.mode}), id ${m.txtId ?? "invalid"}, ${m.mx.length} mx pattern(s)` : "MTA-STS announced, but no usable policy";
    lines.push(`- **${cell(d.domain)}**: ${cell(policy)}${d.tlsRpt ? "; TLS-RPT on" : ""}`);
    for (const t of addresses) lines.push(`  - ${verdictIcon(t)} ${cell(`${t.mxHost ?? t.host}${t.address ? ` [${t.address}]` : ""}`)}: ${cell(verdictWords(t))}`);
  }
  return lines.length ? ["### MTA-STS: what a sender does", "", ...lines, ""] : [];
}

function verdictIcon(t: TargetResult): string {
  return t.mtaSts?.sender === "deliver" ? ICON.pass : t.mtaSts?.sender === "refuse" ? ICON.fail : ICON.warn;
}

function verdictWords(t: TargetResult): string {
  if (t.mtaSts?.sender === "deliver") return "delivers";
  if (t.mtaSts?.sender === null) return "not known (TLS not reached)";
  const why = t.findings.map((f) => REASONS[f.id]).filter((r): r is string => r !== undefined);
  return `refuses: ${why.join(", ") || "TLS"}`;
}
