// The `smtp-gate` launcher (src/cli/launch.ts) and its V8 code cache, as real processes on the
// built CLI: the cache is written, used, refused when it is not this bundle's, and never needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { HEADER_BYTES, formatHeader, parseHeader } from "../../src/cli/code-cache.js";
import { ensureBuilt, runNode } from "../support/built.js";

let cli = "";
let home = "";
// The answer under test: a table lookup, no network, the same with or without a cache.
const EXPLAIN = ["explain", "550", "5.1.1"];
const HEADER = HEADER_BYTES;

beforeAll(() => {
  cli = ensureBuilt().cli;
  home = mkdtempSync(join(tmpdir(), "smtp-gate-code-cache-"));
}, 120_000);

afterAll(() => {
  rmSync(home, { recursive: true, force: true });
});

/** A fresh XDG_CACHE_HOME for one test, and the cache files found in it. */
function cacheHome(name: string): { env: Record<string, string>; files: () => string[] } {
  const xdg = join(home, name);
  const dir = join(xdg, "smtp-gate");
  return {
    env: { XDG_CACHE_HOME: xdg },
    files: () => (existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : []),
  };
}

/** What scripts/build.mjs writes into the launcher, computed again here: cli.js and its chunks, name and bytes. */
function buildDigest(dir: string): string {
  const hash = createHash("sha256");
  for (const f of readdirSync(dir).filter((n) => n === "cli.js" || /^[0-9a-z]+\.cli\.js$/.test(n)).sort()) {
    const bytes = readFileSync(join(dir, f));
    hash.update(`${f}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex");
}

const expected = async (): Promise<string> => {
  const r = await runNode(cli, EXPLAIN, { env: { NODE_DISABLE_COMPILE_CACHE: "1" } });
  expect(r.code).toBe(0);
  return r.stdout;
};

describe("the CLI's code cache", () => {
  it("is written on the first run, private to the user, and used unchanged by the next", async () => {
    const c = cacheHome("first");
    const want = await expected();
    const first = await runNode(cli, EXPLAIN, { env: c.env });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(want);
    const [file, ...others] = c.files();
    expect(others).toEqual([]);
    expect(file).toMatch(new RegExp(`cli-${process.version}-${process.arch}\\.v8cache$`));
    expect(statSync(file as string).mode & 0o777).toBe(0o600);
    expect(statSync(join(c.env.XDG_CACHE_HOME as string, "smtp-gate")).mode & 0o777).toBe(0o700);
    const before = statSync(file as string);

    const second = await runNode(cli, EXPLAIN, { env: c.env });
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(want);
    // Accepted: a refused cache would have been written again at exit.
    const after = statSync(file as string);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([before.ino, before.mtimeMs, before.size]);
  });

  it("a run of another shape adds its functions; runs of known shapes leave the file alone", async () => {
    const c = cacheHome("shapes");
    const want = await expected();
    await runNode(cli, ["--version"], { env: c.env });
    const file = c.files()[0] as string;
    const versionOnly = statSync(file).size;
    // `explain` was not in the cache: its run makes it again, with its own functions added.
    expect((await runNode(cli, EXPLAIN, { env: c.env })).stdout).toBe(want);
    const both = statSync(file);
    expect(both.size).toBeGreaterThan(versionOnly);
    const lines = readFileSync(file).subarray(0, HEADER).toString("latin1").split("\n");
    expect(lines.slice(3, 5)).toEqual(["probe --version", "explain"]);
    // Both shapes known now: neither rewrites the file.
    await runNode(cli, ["--version"], { env: c.env });
    expect((await runNode(cli, ["explain", "421"], { env: c.env })).code).toBe(0);
    const after = statSync(file);
    expect([after.ino, after.mtimeMs, after.size]).toEqual([both.ino, both.mtimeMs, both.size]);
  });

  it("holds more than the top level: the functions the run called are in it", async () => {
    const c = cacheHome("depth");
    await runNode(cli, ["--version"], { env: c.env });
    const small = statSync(c.files()[0] as string).size;
    rmSync(c.files()[0] as string);
    await runNode(cli, EXPLAIN, { env: c.env });
    expect(statSync(c.files()[0] as string).size).toBeGreaterThan(small);
  });

  it("a cache of another bundle, or of garbage, is not used: the run is correct and the cache is replaced", async () => {
    const want = await expected();
    const c = cacheHome("foreign");
    await runNode(cli, EXPLAIN, { env: c.env });
    const file = c.files()[0] as string;
    const good = readFileSync(file);

    // Another build's digest in front of this build's valid V8 data.
    // The header names the build beside the launcher by its digest (written in by the build).
    const digest = buildDigest(dirname(cli));
    expect(parseHeader(good, digest)).toEqual({ digest, sections: [{ name: "cli.js", bytes: good.length - HEADER }], shapes: ["explain"] });
    const foreign = Buffer.from(good);
    foreign.write(`sha256:${"0".repeat(64)}\n`, good.indexOf("sha256:"), "latin1");
    expect(parseHeader(foreign, digest)).toBeNull();
    writeFileSync(file, foreign);
    const r1 = await runNode(cli, EXPLAIN, { env: c.env });
    expect(r1.stdout).toBe(want);
    expect(readFileSync(file).equals(foreign)).toBe(false);

    // The right identity, but data V8 refuses (its own checks catch it).
    const garbage = Buffer.concat([formatHeader({ digest, sections: [{ name: "cli.js", bytes: 4096 }], shapes: ["explain"] }) as Buffer, Buffer.alloc(4096, 0x5a)]);
    writeFileSync(file, garbage);
    const r2 = await runNode(cli, EXPLAIN, { env: c.env });
    expect(r2.code).toBe(0);
    expect(r2.stdout).toBe(want);
    expect(readFileSync(file).subarray(HEADER).equals(garbage.subarray(HEADER))).toBe(false);
  });

  it("holds the lazy chunks a run loaded (the YAML parser with --config), and keeps them through runs that do not load them", async () => {
    const c = cacheHome("chunks");
    const config = join(home, "chunks.yml");
    // A closed port: the probe fails at once, and the run still loads and compiles the config path.
    // The anchor is outside the plain subset (src/config/plain-yaml.ts), so the full YAML parser loads.
    writeFileSync(config, "defaults: &base\n  tls: none\ntargets:\n  - host: 127.0.0.1\n    port: 1\n    timeout: 2\n");
    const first = await runNode(cli, ["--config", config, "--format", "json"], { env: c.env });
    expect(first.code).toBe(1);
    expect(JSON.parse(first.stdout).targets[0].error.kind).toBe("connect");
    const file = c.files()[0] as string;
    const digest = buildDigest(dirname(cli));
    const withConfig = parseHeader(readFileSync(file), digest);
    const chunks = (withConfig?.sections ?? []).map((s) => s.name).filter((n) => n !== "cli.js");
    expect(withConfig?.sections[0]?.name).toBe("cli.js");
    // The config chunk and the YAML parser's: the chunk holding the yaml package is the largest file beside cli.js.
    const yamlChunk = readdirSync(dirname(cli)).filter((n) => /^[0-9a-z]+\.cli\.js$/.test(n)).sort((a, b) => statSync(join(dirname(cli), b)).size - statSync(join(dirname(cli), a)).size)[0];
    expect(chunks).toContain(yamlChunk);
    expect(withConfig?.shapes).toEqual(["probe --config --format=json"]);

    // Known shape, every chunk it loads accepted: the file is left alone.
    const before = statSync(file);
    expect((await runNode(cli, ["--config", config, "--format", "json"], { env: c.env })).code).toBe(1);
    const same = statSync(file);
    expect([same.ino, same.mtimeMs, same.size]).toEqual([before.ino, before.mtimeMs, before.size]);

    // Another shape, no chunks: the file is made again, and the chunks' data is carried over.
    const want = await expected();
    expect((await runNode(cli, EXPLAIN, { env: c.env })).stdout).toBe(want);
    const after = parseHeader(readFileSync(file), digest);
    expect(after?.shapes).toEqual(["probe --config --format=json", "explain"]);
    expect(after?.sections.filter((s) => s.name !== "cli.js")).toEqual(withConfig?.sections.filter((s) => s.name !== "cli.js"));
    const again = statSync(file);
    expect((await runNode(cli, ["--config", config, "--format", "json"], { env: c.env })).code).toBe(1);
    expect(statSync(file).mtimeMs).toBe(again.mtimeMs);

    // A config in the plain subset loads the config chunk but never the YAML parser's.
    const plain = cacheHome("chunks-plain");
    writeFileSync(config, "targets:\n  - host: 127.0.0.1\n    port: 1\n    tls: none\n    timeout: 2\n");
    expect((await runNode(cli, ["--config", config, "--format", "json"], { env: plain.env })).code).toBe(1);
    const loaded = (parseHeader(readFileSync(plain.files()[0] as string), digest)?.sections ?? []).map((s) => s.name);
    expect(loaded.length).toBeGreaterThan(1);
    expect(loaded).not.toContain(yamlChunk);
  });

  it("NODE_DISABLE_COMPILE_CACHE turns it off", async () => {
    const c = cacheHome("off");
    const r = await runNode(cli, EXPLAIN, { env: { ...c.env, NODE_DISABLE_COMPILE_CACHE: "1" } });
    expect(r.code).toBe(0);
    expect(c.files()).toEqual([]);
  });

  it("a cache folder that cannot be written costs nothing but the head start", async () => {
    const want = await expected();
    const c = cacheHome("readonly");
    // XDG_CACHE_HOME is a file: no folder can be made under it.
    writeFileSync(c.env.XDG_CACHE_HOME as string, "not a folder");
    const r = await runNode(cli, EXPLAIN, { env: c.env });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(want);
  });
});
