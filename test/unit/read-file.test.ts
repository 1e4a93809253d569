// readFileLimited: a size limit checked before reading (fstat) and while reading (for files whose
// size fstat cannot tell: /dev/zero, pipes). Issue 15: `--config /dev/zero` read until memory ran out.
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatBytes, readFileLimited, readTextFile } from "../../src/config/read-file.js";

const dir = mkdtempSync(join(tmpdir(), "smtp-gate-read-file-"));

describe("readFileLimited", () => {
  it("reads a file of exactly the limit, and refuses one byte more, naming the file and the limit", () => {
    const at = join(dir, "at-limit");
    writeFileSync(at, "x".repeat(1024));
    expect(readTextFile(at, 1024, "a test file")).toBe("x".repeat(1024));
    const over = join(dir, "over-limit");
    writeFileSync(over, "x".repeat(1025));
    expect(readTextFile(over, 1024, "a test file")).toEqual({ problem: `"${over}" is larger than 1 KiB, the limit for a test file` });
  });

  it("refuses a huge regular file from its size, before reading it", () => {
    const sparse = join(dir, "sparse");
    writeFileSync(sparse, "");
    truncateSync(sparse, 64 * 1024 ** 3); // 64 GiB of holes: reading it would take minutes
    expect(readFileLimited(sparse, 4096, "a test file")).toEqual({ problem: expect.stringMatching(/is larger than 4 KiB/) });
  });

  it("stops an endless device at the limit (fstat says 0 bytes)", () => {
    expect(readFileLimited("/dev/zero", 100_000, "a test file")).toEqual({ problem: `"/dev/zero" is larger than 100000 bytes, the limit for a test file` });
  });

  it("reads a pipe to its end, and stops an endless one at the limit", async () => {
    // A FIFO: fstat gives no size, and data comes in pipe-sized chunks. The writers are processes
    // of their own, so the blocking open and reads here do not wait on this event loop.
    const fifo = (name: string, script: string) => {
      const path = join(dir, name);
      execFileSync("mkfifo", [path]);
      const writer = spawn("sh", ["-c", `${script} > "${path}"`], { stdio: "ignore" });
      return { path, exited: new Promise((done) => writer.once("exit", done)) };
    };
    const finite = fifo("finite", "head -c 200000 /dev/zero");
    const bytes = readFileLimited(finite.path, 300_000, "a test file");
    expect(Buffer.isBuffer(bytes) && bytes.length).toBe(200_000);
    const endless = fifo("endless", "yes");
    expect(readFileLimited(endless.path, 300_000, "a test file")).toEqual({ problem: expect.stringMatching(/is larger than 300000 bytes/) });
    // Closing the read end ends `yes` (SIGPIPE): nothing is left running.
    await Promise.all([finite.exited, endless.exited]);
  });

  it("names a missing file and a folder without throwing", () => {
    expect(readFileLimited(join(dir, "nope"), 10, "x")).toEqual({ problem: `cannot read "${join(dir, "nope")}": ENOENT` });
    expect(readFileLimited(dir, 10, "x")).toEqual({ problem: `cannot read "${dir}": it is a folder` });
  });

  it("writes limits the way they were chosen", () => {
    expect([formatBytes(4 * 1024 * 1024), formatBytes(1024), formatBytes(1000)]).toEqual(["4 MiB", "1 KiB", "1000 bytes"]);
  });
});
