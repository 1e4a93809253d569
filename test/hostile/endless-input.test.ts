// Issue 15: endless or huge input files. `--config /dev/zero` (and --ca, --baseline, merge) read
// until the process had several GiB; a 2,000-level nested YAML took seconds and overflowed the
// stack. Each is now a configuration error naming the file and the limit (or the line), exit 2.
// Run as the user runs it: the built CLI as a process, killed by the guard if it does not end.
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, runNode, type Built } from "./helpers.js";

let built: Built;
let dir: string;
beforeAll(() => {
  built = ensureBuilt();
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-endless-"));
}, 120_000);

const GUARD = { guardMs: 20_000 };
const TARGET = ["--host", "127.0.0.1", "--port", "9", "--tls", "none"];

function expectConfigError(p: Awaited<ReturnType<typeof runNode>>, ...names: RegExp[]): void {
  expect(p.killed, "the process had to be killed").toBe(false);
  expect(p.code, p.stderr).toBe(2);
  for (const n of names) expect(p.stderr).toMatch(n);
  expect(p.stderr).not.toMatch(/internal error|RangeError|\n\s+at /);
  expect(p.stdout).toBe("");
}

describe("files without end are refused at their limit", () => {
  it.each([
    ["--config /dev/zero", ["--config", "/dev/zero"], [/config: "\/dev\/zero" is larger than 1 MiB, the limit for a config file; list a large fleet in a targets-file/]],
    ["--config /dev/urandom", ["--config", "/dev/urandom"], [/"\/dev\/urandom" is larger than 1 MiB/]],
    ["--ca /dev/zero", [...TARGET, "--ca", "/dev/zero"], [/--ca: "\/dev\/zero" is larger than 1 MiB, the limit for a CA bundle/]],
    ["--baseline /dev/zero", [...TARGET, "--baseline", "/dev/zero"], [/--baseline: "\/dev\/zero" is larger than 16 MiB, the limit for a baseline/]],
    ["merge /dev/zero", ["merge", "/dev/zero"], [/\/dev\/zero: report: is not JSON: a report starts with \{/]],
  ])("%s: exit 2, the file and the limit named", async (_label, args, names) => {
    expectConfigError(await runNode(built.cli, args, GUARD), ...names);
  });

  it("a regular file over the limit is refused from its size (a 5 GiB sparse config)", async () => {
    const huge = join(dir, "huge.yml");
    writeFileSync(huge, "");
    truncateSync(huge, 5 * 1024 ** 3);
    expectConfigError(await runNode(built.cli, ["--config", huge], GUARD), new RegExp(`"${huge}" is larger than 1 MiB`));
  });
});

describe("deeply nested YAML is refused, naming the line", () => {
  // Deep enough to overflow a recursive parser many times over, and (indented) within the 1 MiB a config file may have.
  const depth = 900;
  it.each([
    ["flow sequences", `targets: ${"[".repeat(depth)}${"]".repeat(depth)}\n`, 1],
    ["block mappings", `targets:\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(i + 2)}k:`).join("\n")} x\n`, 65],
    ["block sequences", `targets:\n${Array.from({ length: depth }, (_, i) => `${" ".repeat(2 * i + 2)}-`).join("\n")} x\n`, 65],
    ["compact sequences on one line", `targets:\n  - ${"- ".repeat(depth)}x\n`, 2],
  ])(`${depth} levels of %s: exit 2, nested more than 64 levels`, async (kind, text, line) => {
    const file = join(dir, `deep-${kind.replace(/ /g, "-")}.yml`);
    writeFileSync(file, text);
    const p = await runNode(built.cli, ["--config", file], GUARD);
    expectConfigError(p, new RegExp(`${file}:${line}: yaml: nested more than 64 levels deep`));
  });

  it("a config nested as deep as configs are still loads (the check is not too eager)", async () => {
    const file = join(dir, "normal.yml");
    writeFileSync(file, "defaults:\n  tls: none\ntargets:\n  - host: 127.0.0.1\n    port: 9\n    timeout: 1\n    to: [a@example.com]\n    steps: |\n      EHLO {helo}\n");
    const p = await runNode(built.cli, ["--config", file, "--format", "json"], GUARD);
    expect(p.code, p.stderr).toBe(1); // nothing listens on port 9: a probe that ran and failed
    expect(JSON.parse(p.stdout)).toMatchObject({ targets: [{ error: { kind: "connect" } }] });
  });
});
