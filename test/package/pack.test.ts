// What users install: `npm pack` of the package (package.json's `files`, the built bundles),
// installed from the tarball into an empty folder with no network (`--offline`: the bundles
// need no dependency), then the `smtp-gate` command it puts in node_modules/.bin runs `--demo`
// and `explain`. The bundles come from ensureBuilt's private copy, so a rebuild of dist/ by
// someone else cannot pull files from under the test.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runNode } from "../support/built.js";

const ROOT = resolve(import.meta.dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "smtp-gate-pack-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const npm = (args: string[], cwd: string): string =>
  execFileSync("npm", args, {
    cwd, encoding: "utf8", timeout: 120_000,
    // An empty cache: --offline then proves that nothing but the tarball is needed.
    // Node first on PATH: npm runs under the Node running the tests.
    env: { PATH: `${dirname(process.execPath)}:${process.env.PATH ?? ""}`, HOME: work, npm_config_cache: join(work, "cache"), npm_config_update_notifier: "false" },
  });

let tarball = "";
let files: string[] = [];
let bin = "";

beforeAll(() => {
  const built = ensureBuilt();
  const source = join(work, "source");
  for (const f of ["package.json", "README.md", "action.yml", "CHANGELOG.md", "LICENSE"]) cpSync(join(ROOT, f), join(source, f));
  // ensureBuilt's "ok" marker is not part of the build.
  cpSync(dirname(built.action), join(source, "dist"), { recursive: true, filter: (p) => p !== join(dirname(built.action), "ok") });
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", work], source)) as { filename: string; files: { path: string }[] }[];
  tarball = join(work, packed[0]?.filename ?? "");
  files = packed[0]?.files.map((f) => f.path) ?? [];
  const app = join(work, "app");
  cpSync(join(ROOT, "LICENSE"), join(app, "LICENSE"));
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "app", version: "1.0.0", private: true }));
  npm(["install", "--offline", "--no-audit", "--no-fund", tarball], app);
  bin = join(app, "node_modules", ".bin", "smtp-gate");
}, 180_000);

describe("npm pack + install from the tarball", () => {
  it("packs the bundles, their licences and the action, nothing else", () => {
    expect(files).toEqual(expect.arrayContaining(["dist/index.js", "dist/cli/index.js", "dist/cli/cli.js", "dist/licenses.txt", "dist/cli/licenses.txt", "action.yml", "README.md", "LICENSE", "package.json"]));
    expect(files.filter((f) => !/^(dist\/|action\.yml$|README\.md$|CHANGELOG\.md$|LICENSE$|package\.json$)/.test(f))).toEqual([]);
  });

  it("the package needs nothing from the registry: no dependencies to install", () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { dependencies?: object };
    expect(pkg.dependencies ?? {}).toEqual({});
    expect(readdirSync(join(work, "app", "node_modules")).filter((d) => d !== ".bin" && d !== ".package-lock.json")).toEqual(["smtp-gate"]);
  });

  it("`smtp-gate --demo` runs from the installed package and exits as documented (0: the demo behaved as designed)", async () => {
    const r = await runNode(bin, ["--demo"], { cwd: work, guardMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('500 5.5.1 on "XAUTH2 login"');
    expect(r.stdout).toContain("verdict: fail (1 pass, 0 warn, 1 fail)");
    expect(r.stderr).toMatch(/Demo: the first target passed; the second failed on purpose/);
  });

  it("`smtp-gate explain 550 5.1.1` runs from the installed package", async () => {
    const r = await runNode(bin, ["explain", "550", "5.1.1"], { cwd: work, guardMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/550/);
    expect(r.stdout).toMatch(/5\.1\.1/);
    expect(r.stdout.toLowerCase()).toContain("mailbox");
  });
});
