// targets-file (contract §8): one target per line, checked whole before anything is sent,
// then read as the probes go; with a shard, only that shard's lines become targets.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { localIo } from "../../src/config/local-io.js";
import { checkTargetsFile, parseTargetLine, targetsFromFile, type TargetsFileSource } from "../../src/config/targets-file.js";
import type { TargetConfig } from "../../src/config/target.js";
import { startDemoMta, type DemoMta } from "../../src/demo/mta.js";
import type { Report } from "../../src/model/report.js";
import { inShard } from "../../src/model/shard.js";
import { captureIo } from "./helpers.js";

let mta: DemoMta;
let dir: string;
beforeAll(async () => {
  mta = await startDemoMta(0);
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-targets-file-"));
});
afterAll(async () => {
  await mta.close();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, lines: string[]): string => {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

async function collect(it: AsyncIterable<TargetConfig>): Promise<TargetConfig[]> {
  const out: TargetConfig[] = [];
  for await (const t of it) out.push(t);
  return out;
}

describe("a targets-file line", () => {
  it.each([
    ["mx1.example.com", { host: "mx1.example.com" }],
    ["  smtp.example.net:587   # submission", { host: "smtp.example.net", port: "587" }],
    ["[2001:db8::25]:25", { host: "2001:db8::25", port: "25" }],
    ["mx:example.org", { mx: "example.org" }],
  ])("%j", (line, want) => {
    expect(parseTargetLine(line)).toEqual(want);
  });
  it.each(["", "   ", "# a comment", "  # indented comment"])("%j is skipped", (line) => {
    expect(parseTargetLine(line)).toBeNull();
  });
  it.each(["two words", "host:25:26", "[::1", "a:b"])("%j is a problem", (line) => {
    expect(parseTargetLine(line)).toHaveProperty("problem");
  });
});

describe("reading a targets-file", () => {
  const source = (path: string, base = {}): TargetsFileSource => ({ path, base: { tls: "none", helo: "ci.example.com", ...base }, ctx: { ...localIo(), env: {} } });
  const names = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? `mx:domain-${i}.example` : `mx${i}.example.com:${i % 2 ? 25 : 2525}`));

  it("shards partition the lines: disjoint, together every line, each with the defaults", async () => {
    const src = source(file("forty.txt", ["# fleet", ...names, ""]));
    const checked = await checkTargetsFile(src);
    expect(checked).toMatchObject({ count: 40 });
    const shards = await Promise.all([1, 2, 3].map((index) => collect(targetsFromFile(src, (key) => inShard(key, { index, count: 3 })))));
    const all = shards.flat().map((t) => t.mx ?? `${t.host}:${t.port}`);
    expect(new Set(all).size).toBe(40);
    expect(all.sort()).toEqual(names.map((n) => n.replace(/^mx:/, "")).sort());
    for (const s of shards) expect(s.length).toBeGreaterThan(0);
    expect(shards.flat().every((t) => t.helo === "ci.example.com" && t.tls === "none")).toBe(true);
  });

  it("pass one sees every line, in order, as pass two builds them", async () => {
    const src = source(file("a.txt", names));
    const seen: string[] = [];
    expect(await checkTargetsFile(src, (t) => seen.push(t.name))).toEqual({ count: names.length });
    expect(seen).toEqual((await collect(targetsFromFile(src))).map((t) => t.name));
  });

  it("every bad line is named with its file and line", async () => {
    const path = file("bad.txt", ["good.example.com", "two words", "mx:", "ok.example.com:99999"]);
    const r = await checkTargetsFile(source(path));
    expect(r).toHaveProperty("problems");
    const problems = (r as { problems: { file?: string; line?: number }[] }).problems;
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(problems.every((p) => p.file === path)).toBe(true);
  });
});

describe("--targets-file through the CLI", () => {
  it("probes every line with the config file's defaults; a shard probes only its lines", async () => {
    const list = file("live.txt", ["# three times the demo MTA", `127.0.0.1:${mta.port}`, "", `localhost:${mta.port}  # by name`, `127.0.0.1:${mta.port}`]);
    const config = file("defaults.yml", ["defaults:", "  tls: none", "  helo: ci.example.com"]);
    const io = captureIo();
    expect(await main(["--config", config, "--targets-file", list, "--format", "json"], io)).toBe(0);
    const report = JSON.parse(io.out()) as Report;
    expect(report.targets).toHaveLength(3);
    expect(report.targets.every((t) => t.verdict === "pass")).toBe(true);

    const counts = await Promise.all([1, 2].map(async (index) => {
      const s = captureIo();
      expect(await main(["--config", config, "--targets-file", list, "--shard", `${index}/2`, "--format", "json"], s)).toBe(0);
      return (JSON.parse(s.out()) as Report).targets.length;
    }));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(3);
    // Every shard names the whole run: three targets, one digest (contract §8 run).
    const s1 = captureIo();
    await main(["--config", config, "--targets-file", list, "--shard", "1/2", "--format", "json"], s1);
    expect((JSON.parse(s1.out()) as Report).run).toEqual({ ...report.run, shard: "1/2" });
    expect(report.run).toMatchObject({ shard: null, targets: 3 });
  });

  it("a bad line anywhere: exit 2 naming the line, nothing sent", async () => {
    const list = file("late-bad.txt", [`127.0.0.1:${mta.port}`, `127.0.0.1:${mta.port}`, "not a target"]);
    const io = captureIo();
    expect(await main(["--targets-file", list, "--tls", "none", "--format", "json"], io)).toBe(2);
    expect(io.err()).toContain(`${list}:3`);
    expect(io.out()).toBe("");
  });

  it("does not go with --host", async () => {
    const io = captureIo();
    expect(await main(["--targets-file", "x.txt", "--host", "example.com"], io)).toBe(2);
    expect(io.err()).toMatch(/either --host\/--mx .* or --targets-file/);
  });
});
