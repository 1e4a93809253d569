// The real Postfix + Dovecot started by scripts/test-mta.sh (scripts/mta/postfix.sh): where it is, how to reach it, and
// whether the real-server suite (test/mta) must run, may be skipped, or must fail.
import net from "node:net";
import tls from "node:tls";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import type { TargetConfig } from "../../src/config/target.js";
import { testTarget } from "./target.js";

/** Same default as scripts/test-mta.sh. */
export const MTA_DIR = process.env.SMTP_GATE_MTA_DIR ?? "/tmp/smtp-gate-mta";
export const MTA_HOST = "127.0.0.1";
export const MTA_PORTS = { plain: 2525, implicit: 4650, submission: 5870 } as const;
export const MTA_CA_FILE = join(MTA_DIR, "ca.pem");
export const MTA_DOMAIN = "smtp-gate.test";
export const MTA_USER = "tester@smtp-gate.test";
export const MTA_PASSWORD = "smtp-gate-test-password";
export const MTA_MAIL_DIR = join(MTA_DIR, "postfix", "mail", MTA_DOMAIN);

export interface MtaPresence {
  available: boolean;
  /** SMTP_GATE_REQUIRE_MTA is set: absence is a failure, not a skip. */
  required: boolean;
  /** Why it is not available, for the skip or failure message. */
  reason: string;
}

/** Connects to 127.0.0.1:2525 and waits for a 220 greeting (at most `ms`). */
export async function detectMta(ms = 2000): Promise<MtaPresence> {
  const required = !!process.env.SMTP_GATE_REQUIRE_MTA && process.env.SMTP_GATE_REQUIRE_MTA !== "0";
  const banner = await greeting(MTA_PORTS.plain, false, undefined, ms);
  let reason = "";
  if (!banner.startsWith("220")) reason = `nothing answers 220 on ${MTA_HOST}:${MTA_PORTS.plain}: ${banner.trim()}`;
  else if (!existsSync(MTA_CA_FILE)) reason = `${MTA_CA_FILE} is missing`;
  return { available: reason === "", required, reason };
}

/** The first line the port sends (plain, or after a TLS handshake), or why there is none. */
export function greeting(port: number, implicitTls: boolean, ca: string | undefined, ms = 3000): Promise<string> {
  return new Promise((resolve) => {
    const s: net.Socket = implicitTls
      ? tls.connect({ host: "127.0.0.1", port, ca, servername: "localhost" })
      : net.connect({ host: "127.0.0.1", port });
    let got = "";
    const done = (v: string): void => {
      clearTimeout(timer);
      s.destroy();
      resolve(v);
    };
    const timer = setTimeout(() => done(got || "no greeting within the time limit"), ms);
    s.on("data", (b: Buffer) => {
      got += b.toString("latin1");
      // A multi-line greeting ends with "220 " (space): wait for it.
      const last = got.split("\r\n").find((l) => /^\d{3} /.test(l));
      if (last !== undefined) {
        s.write("QUIT\r\n");
        done(got.split("\r\n")[0] ?? "");
      }
    });
    s.on("error", (e: NodeJS.ErrnoException) => done(`cannot connect (${e.code ?? e.message})`));
  });
}

export const SKIP_HINT = "start it with `sudo scripts/test-mta.sh start` (set SMTP_GATE_REQUIRE_MTA=1 to make its absence a failure)";

export function mtaCa(): string {
  return readFileSync(MTA_CA_FILE, "utf8");
}

/** A unique EHLO name: it reappears in the delivered message's Received and Message-ID headers. */
export function uniqueHelo(): string {
  return `t-${randomBytes(6).toString("hex")}.${MTA_DOMAIN}`;
}

/** A target on the test MTA; the CA is passed as PEM text as the config layer would. */
export function mtaTarget(port: number, over: Partial<TargetConfig> = {}): TargetConfig & { helo: string } {
  const t = testTarget({
    name: `${MTA_HOST}:${port}`,
    host: MTA_HOST,
    port,
    ca: mtaCa(),
    timeoutMs: 5000,
    ...over,
  });
  // Always a name of its own: it is how a test finds its message in the mailbox.
  return { ...t, helo: over.helo ?? uniqueHelo() };
}

export const testUser = (mechanism: "PLAIN" | "LOGIN" | null = null, password = MTA_PASSWORD) => ({
  username: MTA_USER,
  password,
  mechanism,
});

/** Every message file in a local user's Maildir (new/ and cur/), with its text. */
export function maildirMessages(localPart = "tester"): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (const sub of ["new", "cur"]) {
    const dir = join(MTA_MAIL_DIR, localPart, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir)) out.push({ file: join(dir, f), text: readFileSync(join(dir, f), "utf8") });
  }
  return out;
}

/** Waits until a message containing `needle` is in the Maildir; null after `ms`. */
export async function waitForMessage(needle: string, ms = 10_000, localPart = "tester"): Promise<string | null> {
  const until = Date.now() + ms;
  for (;;) {
    const hit = maildirMessages(localPart).find((m) => m.text.includes(needle));
    if (hit) return hit.text;
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 100));
  }
}
