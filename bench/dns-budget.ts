/**
 * DNS within the budget (issue 26): `--mx` for a domain with 20 MX hosts whose A and AAAA
 * queries are never answered, with `--timeout 3 --deadline 5`, through the CLI in a child
 * process against a DNS server on loopback (test/mx/dns-server.ts) — the wall time a CI step pays
 * before the report says every host failed. `--cli` points at another build to compare.
 */
import { startDnsServer } from "../test/mx/dns-server.js";
import { timeProcess } from "./spawn.js";
import { ms, type Row } from "./stats.js";

const HOSTS = Array.from({ length: 20 }, (_, i) => `mx${i + 1}.silent.test`);

export async function benchDnsBudget(cli: string, host = "127.0.0.36"): Promise<{ rows: Row[]; notes: string[] }> {
  const dns = await startDnsServer({
    "silent.test": { MX: HOSTS.map((exchange, i) => ({ preference: 10 + i, exchange })) },
    "blackhole.test": { silent: true },
    ...Object.fromEntries(HOSTS.map((h) => [h, { silent: true }])),
  }, { host });
  try {
    const mx = (domain: string) => timeProcess(process.execPath, [cli, "--mx", domain, "--port", "25", "--resolver", `${host}:${dns.port}`, "--timeout", "3", "--deadline", "5", "--format", "json"]);
    const run = await mx("silent.test");
    const asked = dns.queries.length;
    const report = JSON.parse(run.stdout) as { targets: { error: { kind: string } | null }[] };
    const failed = report.targets.filter((t) => t.error?.kind === "dns").length;
    // A resolver that never answers at all: the MX query itself goes unanswered.
    const blackhole = await mx("blackhole.test");
    return {
      rows: [
        { measure: "20 silent MX hosts, --timeout 3 --deadline 5: wall time", value: ms(run.ms), target: "≤ the deadline (5 s) + startup", met: run.ms < 6000 },
        { measure: "MX query unanswered, --timeout 3 --deadline 5: wall time", value: ms(blackhole.ms), target: "≤ the timeout (3 s) + startup", met: blackhole.ms < 4000 },
      ],
      notes: [`20 silent MX hosts: ${report.targets.length} targets, ${failed} with a dns error; ${asked} queries reached the server (exit ${run.code})`],
    };
  } finally {
    await dns.close();
  }
}
