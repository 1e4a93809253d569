// The README's action tables list every input and output of action.yml, and nothing else.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const root = new URL("../../", import.meta.url);
const action = parse(readFileSync(new URL("action.yml", root), "utf8")) as { inputs: Record<string, unknown>; outputs: Record<string, unknown> };
const readme = readFileSync(new URL("README.md", root), "utf8");

/** The first column of the markdown table whose header's first cell is `header`. */
function tableNames(header: string): string[] {
  const lines = readme.split("\n");
  const start = lines.findIndex((l) => new RegExp(`^\\|\\s*${header}\\s*\\|`).test(l));
  expect(start, `a table headed "| ${header} |" in the README`).toBeGreaterThan(-1);
  const names: string[] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith("|")) break;
    const cell = /^\|\s*`([^`]+)`\s*\|/.exec(line);
    expect(cell, `"${line}" starts with a name in backticks`).not.toBeNull();
    names.push((cell as RegExpExecArray)[1] as string);
  }
  return names;
}

describe("README action tables", () => {
  it("list every input of action.yml, once, and no other", () => {
    const names = tableNames("input");
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(action.inputs).sort());
  });
  it("list every output of action.yml, once, and no other", () => {
    const names = tableNames("output");
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(Object.keys(action.outputs).sort());
  });
  it("the README stays short (≤ 250 lines); the rest is in docs/", () => {
    expect(readme.split("\n").length).toBeLessThanOrEqual(251);
  });
});
