/** The action's `concurrency` input: read with the CLI's own parser, refused before anything is sent. */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readInputs } from "../../src/action/inputs.js";
import { parseCommand } from "../../src/cli/args.js";

const dir = mkdtempSync(join(tmpdir(), "smtp-gate-concurrency-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { GITHUB_OUTPUT: join(dir, "out"), GITHUB_STEP_SUMMARY: join(dir, "summary"), RUNNER_TEMP: dir };
writeFileSync(env.GITHUB_OUTPUT, "");
writeFileSync(env.GITHUB_STEP_SUMMARY, "");

const read = (inputs: Record<string, string>) => readInputs((k) => inputs[k] ?? "", env);

describe("input concurrency", () => {
  it("defaults to the CLI's 16 and takes a whole number up to 1024", async () => {
    expect(await read({ host: "127.0.0.1" })).toMatchObject({ concurrency: 16 });
    expect(await read({ host: "127.0.0.1", concurrency: "200" })).toMatchObject({ concurrency: 200 });
    expect(await read({ host: "127.0.0.1", concurrency: "1024" })).toMatchObject({ concurrency: 1024 });
  });

  it.each(["0", "1025", "-1", "1e3", "0x10", "2.5", "many"])("refuses %j, naming the input, as --concurrency refuses it", async (value) => {
    const r = await read({ host: "127.0.0.1", concurrency: value });
    expect(r).toEqual({ problems: [{ field: "input concurrency", message: `must be a whole number from 1 to 1024, not "${value}"` }] });
    expect(parseCommand(["--host", "127.0.0.1", `--concurrency=${value}`])).toEqual({ usage: `--concurrency must be a whole number from 1 to 1024, not "${value}"` });
  });
});
