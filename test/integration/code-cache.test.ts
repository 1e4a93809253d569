// The `smtp-gate` launcher (src/cli/launch.ts) and its V8 code cache, as real processes on the
// built CLI: the cache is written, used, refused when it is not this bundle's, and never needed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { dirname, join } from "node:path";
import { HEADER_BYTES, parseHeader } from "../../src/cli/code-cache.js";
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
    expect(lines.slice(2, 4)).toEqual(["probe --version", "explain"]);
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

    // Another bundle's digest in front of this bundle's valid V8 data.
    // The header names the bundle beside the launcher by its digest (written in by the build).
    const digest = createHash("sha256").update(readFileSync(join(dirname(cli), "cli.js"))).digest("hex");
    expect(parseHeader(good, digest)).toEqual({ digest, shapes: ["explain"] });
    const foreign = Buffer.from(good);
    foreign.write(`sha256:${"0".repeat(64)}\n`, good.indexOf("sha256:"), "latin1");
    expect(parseHeader(foreign, digest)).toBeNull();
    writeFileSync(file, foreign);
    const r1 = await runNode(cli, EXPLAIN, { env: c.env });
    expect(r1.stdout).toBe(want);
    expect(readFileSync(file).equals(foreign)).toBe(false);

    // The right identity, but data V8 refuses (its own checks catch it).
    const garbage = Buffer.concat([good.subarray(0, HEADER), Buffer.alloc(4096, 0x5a)]);
    writeFileSync(file, garbage);
    const r2 = await runNode(cli, EXPLAIN, { env: c.env });
    expect(r2.code).toBe(0);
    expect(r2.stdout).toBe(want);
    expect(readFileSync(file).subarray(HEADER).equals(garbage.subarray(HEADER))).toBe(false);
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
