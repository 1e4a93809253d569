/**
 * Which run this is (contract §8): every shard of one run computes the same count and digest
 * from the same configured targets, so `merge` can tell shards of another run and count them.
 * The digest covers the targets as configured, before sharding and before MX expansion (which
 * may differ from job to job as DNS changes). Built one target at a time, so a streamed run
 * (a targets-file, config/targets-file.ts) computes it while it reads.
 */
import { loadCrypto } from "../builtins.js";
import type { RunIdentity } from "./report.js";
import type { Shard } from "./shard.js";

/** What of a configured target names it in the run's identity (a TargetConfig has these). */
export interface IdentityKey {
  name: string;
  mx?: string | undefined;
  host: string;
  port: number;
  tls: string;
}

export class RunIdentityHash {
  private readonly hash = loadCrypto().createHash("sha256");
  private count = 0;

  add(t: IdentityKey): void {
    this.hash.update(`${JSON.stringify([t.name, t.mx ?? t.host, t.port, t.tls])}\n`);
    this.count++;
  }

  /** Once, at the end. */
  identity(shard?: Shard): RunIdentity {
    return { shard: shard ? `${shard.index}/${shard.count}` : null, targets: this.count, digest: this.hash.digest("hex") };
  }
}

export function runIdentity(targets: readonly IdentityKey[], shard?: Shard): RunIdentity {
  const h = new RunIdentityHash();
  for (const t of targets) h.add(t);
  return h.identity(shard);
}
