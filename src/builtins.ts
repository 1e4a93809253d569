/**
 * Built-in modules that most probes never need, loaded on first use rather than at start-up:
 * node:tls with node:crypto under it cost a plain-text probe about 6 ms of its process's life,
 * node:os about 0.4 ms (measured with `npm run bench`). The types are imported for free; the code
 * only when called.
 */
import type crypto from "node:crypto";
import type os from "node:os";
import type tls from "node:tls";

export const loadTls = (): typeof tls => process.getBuiltinModule("node:tls");
export const loadCrypto = (): typeof crypto => process.getBuiltinModule("node:crypto");
export const loadOs = (): typeof os => process.getBuiltinModule("node:os");
