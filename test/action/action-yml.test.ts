import { describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { ALL_INPUTS } from "../../src/action/inputs.js";

const action = parse(readFileSync(join(import.meta.dirname, "../../action.yml"), "utf8")) as {
  runs: { using: string; main: string };
  inputs: Record<string, { description?: string; default?: string }>;
  outputs: Record<string, { description?: string }>;
};

describe("action.yml", () => {
  it("runs the committed bundle on node24", () => {
    expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
  });

  it("declares exactly the inputs the code reads, each described", () => {
    expect(Object.keys(action.inputs).sort()).toEqual([...ALL_INPUTS].sort());
    for (const [name, input] of Object.entries(action.inputs)) expect(input.description, name).toMatch(/\S{3}/);
  });

  it("has no expression in a description: the runner evaluates them there and fails to load the action", () => {
    for (const [name, x] of [...Object.entries(action.inputs), ...Object.entries(action.outputs)]) expect(x.description, name).not.toContain("${{");
  });

  it("has every input and output of contract §5, with the documented defaults", () => {
    for (const name of ["host", "port", "tls", "helo", "from", "to", "username", "password", "oauth-token", "auth", "send", "steps", "config", "fail-on", "timeout", "insecure", "report-file", "comment", "github-token"]) {
      expect(action.inputs, name).toHaveProperty(name);
    }
    expect(Object.keys(action.outputs).sort()).toEqual(["hard-failures", "report-file", "soft-failures", "summary", "verdict"]);
    expect(action.inputs.tls?.default).toBe("starttls");
    expect(action.inputs["fail-on"]?.default).toBe("hard");
    expect(String(action.inputs.timeout?.default)).toBe("30");
    expect(action.inputs.comment?.default).toBe("auto");
    expect(action.inputs["github-token"]?.default).toBe("${{ github.token }}");
  });
});
