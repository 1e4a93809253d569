// Small pieces every socket test needs: a capturing CLI io, a closer for servers, sleeping.
import type { CliIo } from "../../src/cli/main.js";

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export interface CapturedIo extends CliIo {
  out: () => string;
  err: () => string;
}

/** A CliIo that keeps what main() writes, for in-process CLI tests. */
export function captureIo(env: Record<string, string | undefined> = {}): CapturedIo {
  let out = "";
  let err = "";
  return { stdout: (s) => void (out += s), stderr: (s) => void (err += s), env, color: false, out: () => out, err: () => err };
}

/** Closes everything registered with it (use in afterEach). */
export class Closer {
  private list: { close(): Promise<void> }[] = [];
  add<T extends { close(): Promise<void> }>(s: T): T {
    this.list.push(s);
    return s;
  }
  async closeAll(): Promise<void> {
    await Promise.all(this.list.splice(0).map((s) => s.close()));
  }
}
