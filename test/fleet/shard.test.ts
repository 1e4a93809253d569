// --shard I/N: a stable partition of the targets by name, and end to end through the CLI.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { startDemoMta, type DemoMta } from "../../src/demo/mta.js";
import { fnv1a, inShard, parseShard } from "../../src/model/shard.js";
import { captureIo } from "./helpers.js";

const NAMES = Array.from({ length: 100 }, (_, i) => (i % 3 === 0 ? `mx${i}.example.com:25` : i % 3 === 1 ? `submission-${i}` : `smtp.eu-${i}.example.net:587`));

describe("shard selection", () => {
  it.each([1, 2, 3, 4, 5])("N=%i: every one of 100 targets is in exactly one shard", (n) => {
    const owners = NAMES.map((name) => Array.from({ length: n }, (_, i) => i + 1).filter((index) => inShard(name, { index, count: n })));
    for (const o of owners) expect(o).toHaveLength(1);
    const sizes = Array.from({ length: n }, (_, i) => owners.filter((o) => o[0] === i + 1).length);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(100);
    // 100 names spread over at most 5 shards: none is left empty.
    for (const s of sizes) expect(s).toBeGreaterThan(0);
  });

  it("is stable: it depends on the name alone, not on the order or on the other targets", () => {
    const assign = (names: readonly string[], n: number) => new Map(names.map((name) => [name, [1, 2, 3, 4].find((index) => inShard(name, { index, count: n }))]));
    const before = assign(NAMES, 4);
    const after = assign(["a-new-target:25", ...[...NAMES].reverse()], 4);
    for (const name of NAMES) expect(after.get(name)).toBe(before.get(name));
  });

  it("uses 32-bit FNV-1a, so the partition is the same on every Node version and platform", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a("foobar")).toBe(0xbf9cf968);
  });

  it.each([["1/4", { index: 1, count: 4 }], [" 4 / 4 ", { index: 4, count: 4 }], ["1/1", { index: 1, count: 1 }]])("parses %j", (text, want) => {
    expect(parseShard(text)).toEqual(want);
  });
  it.each(["0/4", "5/4", "1/0", "1", "a/b", "-1/3", "1/4/5"])("refuses %j", (text) => {
    expect(parseShard(text)).toHaveProperty("problem");
  });
});

describe("--shard through the CLI, then merge", () => {
  let mta: DemoMta;
  let dir: string;
  beforeAll(async () => {
    mta = await startDemoMta(0);
    dir = mkdtempSync(join(tmpdir(), "smtp-gate-shard-"));
  });
  afterAll(async () => {
    await mta.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("3 shards of 12 targets: disjoint, together all of them; merge puts them back together", async () => {
    const names = Array.from({ length: 12 }, (_, i) => `target-${i}`);
    const config = join(dir, "targets.yml");
    writeFileSync(config, ["defaults:", "  host: 127.0.0.1", `  port: ${mta.port}`, "  tls: none", "  helo: ci.example.com", "targets:", ...names.map((n) => `  - name: ${n}`)].join("\n"));
    const shardNames: string[][] = [];
    const files: string[] = [];
    for (let i = 1; i <= 3; i++) {
      const io = captureIo();
      const file = join(dir, `shard-${i}.json`);
      expect(await main(["--config", config, "--shard", `${i}/3`, "--report", file, "--format", "json"], io)).toBe(0);
      const report = JSON.parse(readFileSync(file, "utf8")) as { targets: { name: string }[]; run: { shard: string; targets: number; digest: string } };
      shardNames.push(report.targets.map((t) => t.name));
      // Contract §8: the run's identity, the same digest and count in every shard.
      expect(report.run).toMatchObject({ shard: `${i}/3`, targets: 12 });
      expect(report.run.digest).toMatch(/^[0-9a-f]{64}$/);
      files.push(file);
      // The shard keeps the file's order.
      expect(report.targets.map((t) => t.name)).toEqual(names.filter((n) => inShard(n, { index: i, count: 3 })));
    }
    expect(shardNames.flat().sort()).toEqual([...names].sort());
    expect(new Set(shardNames.flat()).size).toBe(12);

    const io = captureIo();
    expect(await main(["merge", ...files, "--format", "json"], io)).toBe(0);
    const merged = JSON.parse(io.out()) as { verdict: string; targets: { name: string }[]; run: { shard: string | null } };
    expect(merged.verdict).toBe("pass");
    expect(merged.targets.map((t) => t.name)).toEqual(shardNames.flat());
    expect(merged.run.shard).toBeNull();

    // Without shard 2 the fleet fails, naming it.
    const partial = captureIo();
    expect(await main(["merge", files[0] as string, files[2] as string], partial)).toBe(1);
    expect(partial.out()).toMatch(/shard 2\/3/);
  });
});
