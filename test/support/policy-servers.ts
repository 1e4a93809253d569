// The servers the domain-policy suites need beside the MTAs (test/mta-sts, test/dane): whether
// they run, and Postfix's posttls-finger as a DANE sender against them.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { Resolver } from "node:dns/promises";
import { promisify } from "node:util";
import { detectMta, type MtaPresence } from "./mta.js";

const run = promisify(execFile);

/** The state directory of scripts/test-dnssec.sh. */
export const DNSSEC_DIR = process.env.SMTP_GATE_DNSSEC_DIR ?? "/tmp/smtp-gate-dnssec";

/**
 * The MTAs, then `resolver` answering `name` (A, or MX with `mx`), then `file` present; the
 * reason names the script to start when one is missing.
 */
export async function detectPolicyServers(o: { resolver: string; name: string; mx?: boolean; file: string; script: string }): Promise<MtaPresence> {
  const mta = await detectMta();
  if (!mta.available) return mta;
  const r = new Resolver({ timeout: 1000, tries: 1 });
  r.setServers([o.resolver]);
  const answer = await (o.mx ? r.resolveMx(o.name) : r.resolve4(o.name)).catch((e: Error) => e.message);
  if (!Array.isArray(answer)) return { ...mta, available: false, reason: `the resolver on ${o.resolver} does not know ${o.name} (${answer}): run ${o.script} start` };
  if (!existsSync(o.file)) return { ...mta, available: false, reason: `${o.file} is missing: run ${o.script} start` };
  return mta;
}

export interface Finger {
  sender: "deliver" | "refuse";
  matched: string | null;
  out: string;
}

/**
 * posttls-finger's verdict as a DANE sender (Postfix's smtp) would act on it; `host` in brackets
 * skips the MX lookup. It asks the system resolver, so it runs in a mount namespace whose
 * /etc/resolv.conf names the validating resolver (scripts/test-dnssec.sh writes that file).
 */
export async function posttlsFinger(host: string, port = 25, destination = `[${host}]:${port}`): Promise<Finger> {
  const script = 'mount --bind "$1" /etc/resolv.conf && exec posttls-finger -t30 -T180 -c -l dane -P /etc/ssl/certs "$2"';
  const r = await run("unshare", ["-m", "--propagation", "private", "sh", "-c", script, "sh", join(DNSSEC_DIR, "resolv.conf"), destination], { env: { ...process.env, MAIL_CONFIG: join(DNSSEC_DIR, "posttls-finger") }, timeout: 60_000 })
    .catch((e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? "", stderr: e.stderr ?? "" }));
  const out = `${r.stdout}${r.stderr}`;
  const m = /Matched DANE (?:EE|TA) certificate at depth \d+: (\d \d \d [0-9A-F]+)/.exec(out);
  const failed = /no matching DANE TLSA records|TLSA lookup error/.test(out) || !/TLS connection established/.test(out);
  return { sender: failed ? "refuse" : "deliver", matched: m ? (m[1] as string).toLowerCase() : null, out };
}
