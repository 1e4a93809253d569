// The job summary's MTA-STS block: a sender's verdict per MX address, peer names escaped.
import { describe, expect, it } from "vitest";
import type { Report, TargetResult } from "../../src/model/report.js";
import { renderMtaStsSummary } from "../../src/report/mta-sts-summary.js";

const address = (name: string, mxHost: string, ip: string, over: Partial<TargetResult>): TargetResult => ({
  name, host: mxHost, mxHost, address: ip, port: 25, tlsMode: "starttls", verdict: "pass", durationMs: 1, error: null, tls: null, extensions: [],
  extensionsBeforeTls: null, steps: [], findings: [], transcript: [], transcriptCapped: false, unsolicitedReplies: 0, ...over,
});

function report(targets: TargetResult[], domains: Report["domains"]): Report {
  return { schema: "smtp-gate/report@1", verdict: "fail", tool: { name: "smtp-gate", version: "0" }, startedAt: "", targets, domains };
}

const policy = { txtId: "1", policyId: "1", mode: "enforce" as const, maxAge: 86400, mx: ["mx1.example.com"], bodySha256: "0" };

describe("renderMtaStsSummary", () => {
  it("one line per address: delivers, refuses with the reason, not known", () => {
    const finding = { id: "mta-sts-mx-not-covered", severity: "error" as const, step: null, message: "", cause: null, causes: [], ruledOut: [], fixes: [] };
    const lines = renderMtaStsSummary(report([
      address("mx example.com → mx1.example.com (10) [192.0.2.1]", "mx1.example.com", "192.0.2.1", { mtaSts: { covered: true, sender: "deliver" } }),
      address("mx example.com → mx2.example.com (20) [192.0.2.2]", "mx2.example.com", "192.0.2.2", { mtaSts: { covered: false, sender: "refuse" }, findings: [finding] }),
      address("mx example.com → mx1.example.com (10) [2001:db8::1]", "mx1.example.com", "2001:db8::1", { mtaSts: { covered: true, sender: null } }),
    ], [{ domain: "example.com", mtaSts: policy, tlsRpt: { rua: ["mailto:r@example.com"] } }]));
    expect(lines).toEqual([
      "### MTA-STS: what a sender does",
      "",
      "- **example.com**: MTA-STS (enforce), id 1, 1 mx pattern(s); TLS-RPT on",
      "  - ✅ mx1.example.com \\[192.0.2.1\\]: delivers",
      "  - ❌ mx2.example.com \\[192.0.2.2\\]: refuses: not in the policy",
      "  - ⚠️ mx1.example.com \\[2001:db8::1\\]: not known (TLS not reached)",
      "",
    ]);
  });

  it("no domains, no block", () => {
    expect(renderMtaStsSummary(report([], undefined))).toEqual([]);
  });

  it("names from DNS cannot mention, link or break the line", () => {
    const lines = renderMtaStsSummary(report([
      address("mx evil.example → x", "@team[x](https://e.example)\n# h", "192.0.2.9", { mtaSts: { covered: true, sender: "deliver" } }),
    ], [{ domain: "evil.example", mtaSts: { ...policy, txtId: "a@b" }, tlsRpt: null }]));
    // Brackets are escaped (\[x\]) so no link forms; a WORD JOINER keeps @, # and :// inert; the LF is shown as \n.
    expect(lines.join("\n")).not.toMatch(/@team|[^\\]\]\(|\n# h/);
    expect(lines.join("\n")).toContain("\u2060@\u2060team\\[x\\](https\u2060://e.example)\\\\n#\u2060 h");
  });
});
