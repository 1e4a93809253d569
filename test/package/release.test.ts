// The release workflow's pieces that run here: the CHANGELOG section that becomes the release
// notes (scripts/changelog-section.mjs), and the workflow's shape — a `v*` tag, write access for
// that job only, dist/ checked, the package tested, the major tag moved through the API.
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { changelogSection } from "../../scripts/changelog-section.mjs";

const ROOT = join(import.meta.dirname, "../..");

describe("changelogSection", () => {
  const log = ["# Changelog", "", "## [Unreleased]", "", "- next", "", "## [0.2.0] - 2026-12-07", "", "### Added", "- merge-reports", "", "## [0.1.0]", "- first", ""].join("\n");
  it("is the version's entries, up to the next version", () => {
    expect(changelogSection(log, "0.2.0")).toBe("### Added\n- merge-reports");
    expect(changelogSection(log, "0.1.0")).toBe("- first");
  });
  it("is null for a version without a section, or with an empty one", () => {
    expect(changelogSection(log, "0.3.0")).toBeNull();
    expect(changelogSection(`${log}\n## [0.0.1]\n\n`, "0.0.1")).toBeNull();
    expect(changelogSection(log, "0.2")).toBeNull(); // "## [0.2.0]" is not "## [0.2]"
  });
  it("the script prints this repository's current version's section, and fails for a missing one", () => {
    const version = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
    expect(execFileSync(process.execPath, ["scripts/changelog-section.mjs", version], { cwd: ROOT, encoding: "utf8" }).trim().length).toBeGreaterThan(0);
    expect(() => execFileSync(process.execPath, ["scripts/changelog-section.mjs", "99.0.0"], { cwd: ROOT, stdio: "pipe" })).toThrow(/no "## \[99\.0\.0\]" section/);
  });
});

describe(".github/workflows/release.yml", () => {
  const text = readFileSync(join(ROOT, ".github/workflows/release.yml"), "utf8");
  const wf = parse(text) as { on: { push: { tags: string[] } }; permissions: Record<string, string>; jobs: Record<string, { permissions: Record<string, string>; steps: { run?: string; uses?: string }[] }> };
  const runs = Object.values(wf.jobs).flatMap((j) => j.steps.map((s) => s.run ?? "")).join("\n");
  it("runs on a version tag, reads by default, writes contents only in the release job", () => {
    expect(wf.on.push.tags).toEqual(["v*.*.*"]);
    expect(wf.permissions).toEqual({ contents: "read" });
    expect(Object.values(wf.jobs).map((j) => j.permissions)).toEqual([{ contents: "write" }]);
  });
  it("checks dist/, tests the package, writes the notes from CHANGELOG.md, creates the release, moves the major tag", () => {
    expect(runs).toContain("git status --porcelain -- dist");
    expect(runs).toContain("test/package/pack.test.ts");
    expect(runs).toContain("node scripts/changelog-section.mjs");
    expect(runs).toContain("gh release create");
    expect(runs).toMatch(/git\/refs\/tags\/\$major/);
    expect(runs).not.toMatch(/git push/); // no credentials persisted in the checkout
  });
});
