// The real-MTA matrix (test/mta/matrix.test.ts): which servers scripts/test-mta.sh started, what
// each one's descriptor ($STATE/SERVER/server.json) says, and the shape of the per-server
// expectations in test/mta/expect/SERVER.ts. Both MTA helpers build against these exports: keep
// them stable (add, don't rename).
import type { TargetResult } from "../../src/model/report.js";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Verdict } from "../../src/engine/verdict.js";
import { MTA_DIR, greeting } from "./mta.js";

/** The cases every server runs, in the order the matrix runs them. */
export const CASE_IDS = [
  "production",
  "production-lockstep",
  "auth-plain",
  "auth-login",
  "auth-wrong-password",
  "xauth2-after-starttls",
  "xauth2-plaintext",
  "relay-attempt",
  "unknown-local-user",
  "rcpt-before-mail",
  "implicit-on-plain-port",
  "plain-on-implicit-port",
  "send",
  "send-refused-recipient",
  // Sender-side mistakes real senders make (docs/testing.md, "Sender paths").
  "helo-legacy",
  "ehlo-bare-ip",
  "ehlo-not-fqdn",
  "null-sender",
  "sender-no-domain",
  "auth-mechanism-not-offered",
  "auth-before-starttls",
  "vrfy",
  "expn",
  "size-over-limit",
  "message-over-size",
  "too-many-recipients",
  "smtputf8-recipient",
  "bdat",
  "smuggling-check",
] as const;
export type CaseId = (typeof CASE_IDS)[number];

/** What the matrix asserts for one case on one server: what the server really does. */
export interface CaseExpectation {
  verdict: Verdict;
  /** Finding ids the result must contain (order-free; others may appear too). */
  findingIds?: string[];
  /** Reply codes of the steps in order (null: no reply), when they are worth pinning. */
  codes?: (number | null)[];
  /**
   * Indexes of the steps smtp-gate marks `consequenceOf` an earlier refusal (contract §7), when
   * worth pinning: e.g. DATA pipelined after the only RCPT was refused.
   */
  consequences?: number[];
  /**
   * smtp-gate does the wrong thing with this server here (say what, in one sentence): the
   * verdict is still asserted, the finding ids are not.
   */
  knownDefect?: string;
}

/**
 * A case that cannot run on this server (e.g. no implicit-TLS listener), and why; `holds` checks
 * that reason on the server's production session, so a server that changes is noticed rather
 * than skipped.
 */
export interface NotApplicable {
  notApplicable: string;
  holds: (production: TargetResult) => boolean;
}

export type ServerExpectations = Record<CaseId, CaseExpectation | NotApplicable>;

export const isNotApplicable = (e: CaseExpectation | NotApplicable): e is NotApplicable => "notApplicable" in e;

/** $STATE/SERVER/server.json, written by scripts/mta/SERVER.sh once the server answers. */
export interface ServerDescriptor {
  name: string;
  product: string;
  version: string | null;
  ports: { starttls: number; implicit: number | null };
  domain: string;
  user: string;
  password: string;
  localUsers: string[];
  mailbox: { format: "maildir" | "mbox"; path: string };
}

export const EXPECTED_SERVERS_FILE = join(MTA_DIR, "expected-servers");

/** The servers the last `scripts/test-mta.sh start` started (empty when it never ran). */
export function expectedServers(dir = MTA_DIR): string[] {
  const f = join(dir, "expected-servers");
  if (!existsSync(f)) return [];
  return readFileSync(f, "utf8")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/** Every $STATE/NAME/server.json that exists and parses, by name. */
export function loadDescriptors(dir = MTA_DIR): Map<string, ServerDescriptor> {
  const out = new Map<string, ServerDescriptor>();
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const f = join(dir, name, "server.json");
    if (!existsSync(f) || !statSync(join(dir, name)).isDirectory()) continue;
    const d = JSON.parse(readFileSync(f, "utf8")) as ServerDescriptor;
    out.set(d.name, d);
  }
  return out;
}

export interface MatrixServer {
  name: string;
  /** Null when the server is missing: then `reason` says why. */
  descriptor: ServerDescriptor | null;
  reason: string;
}

/**
 * The servers to run: every expected one (present or not, so that a missing one can fail), plus
 * any descriptor found without being expected (a server started by hand).
 */
export async function matrixServers(dir = MTA_DIR): Promise<MatrixServer[]> {
  const descriptors = loadDescriptors(dir);
  const names = [...new Set([...expectedServers(dir), ...descriptors.keys()])];
  const ca = existsSync(join(dir, "ca.pem")) ? readFileSync(join(dir, "ca.pem"), "utf8") : undefined;
  return Promise.all(
    names.map(async (name): Promise<MatrixServer> => {
      const d = descriptors.get(name);
      if (!d) return { name, descriptor: null, reason: `${join(dir, name, "server.json")} is missing` };
      if (!ca) return { name, descriptor: null, reason: `${join(dir, "ca.pem")} is missing` };
      const g = await greeting(d.ports.starttls, false, ca);
      if (!g.startsWith("220")) return { name, descriptor: null, reason: `127.0.0.1:${d.ports.starttls} does not answer 220: ${g.trim()}` };
      return { name, descriptor: d, reason: "" };
    }),
  );
}

/** Message files in a maildir (new/ and cur/) or the messages of an mbox, with their text. */
export function mailboxMessages(d: ServerDescriptor): string[] {
  const { format, path } = d.mailbox;
  if (format === "mbox") {
    if (!existsSync(path)) return [];
    // mboxrd/mboxo: a message starts at a "From " line at the start of the file or after a blank line.
    return readFileSync(path, "utf8")
      .split(/^(?=From )/m)
      .filter((m) => m.startsWith("From "));
  }
  const out: string[] = [];
  for (const sub of ["new", "cur"]) {
    const dirPath = join(path, sub);
    if (!existsSync(dirPath)) continue;
    for (const f of readdirSync(dirPath)) out.push(readFileSync(join(dirPath, f), "utf8"));
  }
  return out;
}

/** Polls the mailbox until a message containing `needle` is there; null after `ms`. */
export async function waitForMailboxMessage(d: ServerDescriptor, needle: string, ms = 15_000): Promise<string | null> {
  const until = Date.now() + ms;
  for (;;) {
    const hit = mailboxMessages(d).find((m) => m.includes(needle));
    if (hit) return hit;
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}
