// Where the middlebox paths' golden transcripts live (test/middlebox/golden/BOX/PATH.json).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const MIDDLEBOX_GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), "golden");
