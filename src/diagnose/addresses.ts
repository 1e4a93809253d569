/**
 * Across targets, after every address was probed: the addresses of one MX host that disagree.
 * The only diagnosis that needs more than one result, so it runs on the run's results, not in
 * the per-probe RULES.
 */
import type { TargetResult } from "../model/report.js";
import { policyAdvice } from "../knowledge/policy-advice.js";
import { SERVER_FAMILIES, type ServerFamily } from "../knowledge/servers.js";
import { isOneOf } from "../model/enums.js";
import { finding } from "./rule.js";

const familyOf = (r: TargetResult): ServerFamily | null => (isOneOf(SERVER_FAMILIES, r.server?.family) ? r.server.family : null);

/**
 * The comparison people need from address expansion: one MX host whose addresses disagree
 * ("IPv6 fails, IPv4 passes") — senders that prefer the failing path see it fail. Each failing
 * address of such a host gets a finding that names the others.
 */
export function compareAddresses(results: readonly TargetResult[]): void {
  const byHost = new Map<string, TargetResult[]>();
  for (const r of results) {
    if (r.address === undefined || (r.mxHost === undefined && r.rdns === undefined)) continue;
    const key = `${r.mxHost ?? r.host}:${r.port}`;
    const group = byHost.get(key);
    if (group) group.push(r);
    else byHost.set(key, [r]);
  }
  for (const group of byHost.values()) {
    const passing = group.filter((r) => r.verdict !== "fail");
    const failing = group.filter((r) => r.verdict === "fail");
    if (!passing.length || !failing.length) continue;
    const family = (r: TargetResult) => ((r.address ?? "").includes(":") ? "IPv6" : "IPv4");
    const families = (rs: TargetResult[]) => [...new Set(rs.map(family))].join(" and ");
    for (const r of failing) {
      r.findings.push(finding("addresses-disagree", "warning", null,
        `${r.mxHost ?? r.host}: ${r.address} (${family(r)}) fails while ${passing.map((x) => `${x.address} (${family(x)})`).join(", ")} pass${passing.length === 1 ? "es" : ""}: senders that use ${families(failing)} (Gmail and Microsoft prefer IPv6 when an MX has an AAAA record) see this failure, while checks over ${families(passing)} look fine.`,
        [`Only the ${families(failing)} path is broken: a firewall rule, a listener bound to one family, or a load balancer for one family.`],
        [`Compare the two paths by hand: \`openssl s_client -starttls smtp -connect [${r.address}]:${r.port} -crlf\` against a passing address.`, ...policyAdvice("listens-on-every-address", familyOf(r)).fixes]));
    }
  }
}
