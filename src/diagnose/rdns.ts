/**
 * Reverse DNS of the address probed (what MXToolbox calls "reverse DNS mismatch"): its PTR
 * exists, resolves back to the same address (forward-confirmed), and names the MX host or at
 * least the name the server gives itself in its banner or EHLO reply. Receivers (Gmail for every
 * IPv6 sender, many others for all) refuse or downgrade mail from an address that fails this,
 * so it matters for every MX that also sends.
 */
import { checkHost, ipFamily } from "../protocol/address.js";
import { policyAdvice } from "../knowledge/policy-advice.js";
import { serverFamily } from "./evidence.js";
import { finding, type Rule } from "./rule.js";

const DIG = (address: string) => `\`dig +short -x ${address}\``;

/** The name a reply line starts with: `mx1.example.com ESMTP Postfix` → `mx1.example.com`. */
function firstWord(line: string | undefined): string | null {
  const w = line?.trim().split(/\s+/)[0];
  return w ? w.replace(/\.$/, "").toLowerCase() : null;
}

/** A fully qualified domain name: a host name with a dot, not an address or a bracketed literal. */
function isFqdn(name: string): boolean {
  return name.includes(".") && ipFamily(name) === 0 && checkHost(name) === null && !/^\d+(\.\d+)*$/.test(name);
}

export const reverseDnsFindings: Rule = (p) => {
  const r = p.rdns;
  if (!r) return [];
  const family = r.address.includes(":") ? "IPv6" : "IPv4";
  const host = (p.mxHost ?? p.host).toLowerCase();
  const banner = firstWord(p.steps[0]?.reply?.lines[0]);
  const ehloStep = p.steps.find((s) => s.verb === "EHLO" && s.class === "success");
  const ehlo = firstWord(ehloStep?.reply?.lines[0]);
  const out = [];
  if (r.error) {
    out.push(finding("ptr-lookup-failed", "warning", null,
      `The PTR lookup for ${r.address} failed (${r.error}): its reverse DNS could not be checked.`,
      ["The reverse zone's name servers fail or do not answer (often the hosting provider's)."],
      [`Check with ${DIG(r.address)}; ask whoever holds the address block to fix the reverse zone.`]));
  } else if (!r.names.length) {
    out.push(finding("ptr-missing", "warning", null,
      `${r.address} (${family}) has no PTR record: mail this host sends from it is refused or marked by many receivers${family === "IPv6" ? " (Gmail refuses IPv6 senders without one)" : ""}.`,
      ["The reverse zone of the address has no entry for it; reverse DNS is set by whoever holds the address block, usually the hosting provider, not in the domain's own zone."],
      [`Ask the provider to set the PTR of ${r.address} to ${host}, then check with ${DIG(r.address)}.`]));
  } else if (!r.confirmed.length) {
    out.push(finding("ptr-mismatch", "warning", null,
      `The PTR of ${r.address} names ${r.names.join(", ")}, which does not resolve back to ${r.address}: forward-confirmed reverse DNS fails.`,
      [`The name's ${family === "IPv6" ? "AAAA" : "A"} record is missing or points elsewhere (an address was changed on one side only).`],
      [`Give ${r.names[0]} the ${family === "IPv6" ? "AAAA" : "A"} record ${r.address}, or set the PTR to a name that has it (${host}); check with ${DIG(r.address)} and \`dig +short ${r.names[0]} ${family === "IPv6" ? "AAAA" : "A"}\`.`]));
  } else if (![host, banner, ehlo].some((n) => n !== null && r.confirmed.includes(n))) {
    out.push(finding("ptr-name-mismatch", "warning", null,
      `The PTR of ${r.address} is ${r.confirmed.join(", ")} (it resolves back), but it names neither the host probed (${host}) nor the name the server gives itself (${[banner, ehlo].filter((n) => n).join(" / ") || "none"}).`,
      ["The PTR still carries the provider's generic name, or the MTA announces a name other than its PTR."],
      [`Make the PTR, the MX host and the MTA's own name agree: set the PTR of ${r.address} to ${host}, and the MTA's own name to the same.`, ...policyAdvice("server-name", serverFamily(p)).fixes.slice(0, 1)]));
  }
  const own = banner ?? ehlo;
  if (own !== null && !isFqdn(own)) {
    out.push(finding("banner-name-not-fqdn", "notice", 0,
      `The server names itself "${own}" in its ${banner !== null ? "banner" : "EHLO reply"}, which is not a fully qualified domain name (RFC 5321 §4.1.1.1 and §4.3.1 expect the server's FQDN there).`,
      ["The MTA's host name is a bare host name or a placeholder."],
      policyAdvice("server-name", serverFamily(p)).fixes));
  }
  return out;
};
