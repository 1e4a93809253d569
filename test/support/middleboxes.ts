// The real middleboxes started by scripts/test-middleboxes.sh: which were started, the paths each
// offers (its descriptor $MTA_DIR/middlebox/BOX/box.json), and whether test/middlebox must run.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { MTA_DIR } from "./mta.js";

export const BOX_DIR = join(MTA_DIR, "middlebox");
export const BOX_HOST = "127.0.0.26";

export interface BoxDescriptor {
  name: string;
  product: string;
  version: string;
  host: string;
  log: string;
  paths: Record<string, { port: number; emulates: string }>;
}

/** The boxes `start` was asked for ($BOX_DIR/expected-boxes), or [] when it never ran. */
export function expectedBoxes(): string[] {
  const file = join(BOX_DIR, "expected-boxes");
  return existsSync(file) ? readFileSync(file, "utf8").split("\n").map((l) => l.trim()).filter(Boolean) : [];
}

export function loadBox(name: string): BoxDescriptor | null {
  const file = join(BOX_DIR, name, "box.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as BoxDescriptor) : null;
}

export const boxesRequired = (): boolean => !!process.env.SMTP_GATE_REQUIRE_MTA && process.env.SMTP_GATE_REQUIRE_MTA !== "0";

export const BOX_SKIP_HINT = "start them with `sudo scripts/test-middleboxes.sh start` (after scripts/test-mta.sh start postfix)";
