// Both bundles ship the licence of every package bundled into them (scripts/build.mjs writes them
// from webpack's list of bundled modules). Checked here against what the bundles show of
// themselves — every `node_modules/NAME` path left in their code — and against each package's
// own licence file: @actions/core's is LICENSE.md, which ncc's licence list used to miss.
import { globSync, readFileSync, readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ensureBuilt } from "../support/built.js";

const ROOT = resolve(import.meta.dirname, "../..");
const built = ensureBuilt();
const BUNDLES = [
  { name: "action", dir: dirname(built.action), must: ["@actions/core", "@actions/github", "yaml"] },
  { name: "CLI", dir: dirname(built.cli), must: ["yaml"] },
];

/** `name@version` → licence text, from a licenses.txt: sections headed `name@version (SPDX)`. */
function sections(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const heads = [...text.matchAll(/^((?:@[\w.-]+\/)?[\w.-]+)@(\d[\w.+-]*) \(([^)\n]*)\)$/gm)];
  heads.forEach((m, i) => {
    const end = heads[i + 1]?.index ?? text.length;
    out.set(`${m[1]}@${m[2]}`, text.slice((m.index as number) + m[0].length, end).trim());
  });
  return out;
}

/** Packages whose paths the bundle's code still names (webpack's module comments). */
function namedInCode(dir: string): string[] {
  const names = new Set<string>();
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".js"))) {
    for (const m of readFileSync(join(dir, f), "utf8").matchAll(/node_modules\/((?:@[\w.-]+\/)?[\w.-]+)\//g)) names.add(m[1] as string);
  }
  return [...names];
}

/** The installed folder of `name@version`: at the top of node_modules or nested under another package. */
function packageRoot(id: string): string {
  const name = id.slice(0, id.lastIndexOf("@"));
  const version = id.slice(id.lastIndexOf("@") + 1);
  const candidates = [`node_modules/${name}/package.json`, ...globSync(`node_modules/**/node_modules/${name}/package.json`, { cwd: ROOT })];
  const hit = candidates.find((c) => (JSON.parse(readFileSync(join(ROOT, c), "utf8")) as { version: string }).version === version);
  expect(hit, `${id} is installed`).toBeDefined();
  return dirname(join(ROOT, hit as string));
}

describe.each(BUNDLES)("the $name bundle's licenses.txt", ({ dir, must }) => {
  const listed = sections(readFileSync(join(dir, "licenses.txt"), "utf8"));

  it("lists every package the bundle's code names, and the ones it must", () => {
    const names = [...listed.keys()].map((k) => k.slice(0, k.lastIndexOf("@")));
    for (const name of [...namedInCode(dir), ...must]) expect(names, name).toContain(name);
  });

  it("holds each listed package's own licence file, word for word", () => {
    expect(listed.size).toBeGreaterThan(0);
    for (const [id, text] of listed) {
      const root = packageRoot(id);
      const file = readdirSync(root).find((f) => /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i.test(f));
      expect(file, `${id} has a licence file`).toBeDefined();
      expect(text, id).toBe(readFileSync(join(root, file as string), "utf8").trim());
    }
  });
});
