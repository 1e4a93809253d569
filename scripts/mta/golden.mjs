#!/usr/bin/env node
// Runs the matrix cases with the built CLI (dist/) against one server started by
// scripts/test-mta.sh and records each case's report as test/golden/SERVER/CASE.json, minus
// what changes from run to run (timings, certificate dates). Prints verdict, codes and finding ids
// per case: the material for test/mta/expect/SERVER.ts. Usage: node scripts/mta/golden.mjs SERVER [CASE...]
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const STATE = process.env.SMTP_GATE_MTA_DIR ?? "/tmp/smtp-gate-mta";
const [server, ...only] = process.argv.slice(2);
if (!server) throw new Error("usage: node scripts/mta/golden.mjs SERVER [CASE...]");
const d = JSON.parse(readFileSync(join(STATE, server, "server.json"), "utf8"));
// A fixed EHLO name keeps the files comparable between runs.
const HELO = "golden.smtp-gate.test";
const user = ["--user", d.user, "--password-env", "GOLDEN_PW"];
const local = d.localUsers[0];
const nobody = `nobody@${d.domain}`;
const steps = (...l) => l.flatMap((s) => ["--step", s]);
const CASES = {
  production: [...user, "--to", local],
  "production-lockstep": [...user, "--to", local, "--pipelining", "off"],
  "auth-plain": [...user, "--auth", "PLAIN", "--to", local],
  "auth-login": [...user, "--auth", "LOGIN", "--to", local],
  "auth-wrong-password": ["--user", d.user, "--password-env", "GOLDEN_WRONG_PW", "--to", local],
  "xauth2-after-starttls": steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", "XAUTH2 login"),
  "xauth2-plaintext": ["--tls", "none", ...steps("EHLO {helo}", "XAUTH2 login")],
  "relay-attempt": ["--to", "someone@example.net"],
  "unknown-local-user": ["--to", nobody],
  "rcpt-before-mail": steps("EHLO {helo}", "STARTTLS", "EHLO {helo}", `RCPT TO:<${local}>`),
  "implicit-on-plain-port": ["--tls", "implicit"],
  "plain-on-implicit-port": ["--implicit-port"],
  send: [...user, "--to", local, "--send"],
  "send-refused-recipient": [...user, "--to", nobody, "--send"],
};

function stable(target) {
  delete target.durationMs;
  for (const s of target.steps ?? []) delete s.ms;
  for (const t of target.transcript ?? []) delete t.t;
  // Dates and fingerprint change whenever make_certs issues a new certificate.
  if (target.tls) for (const k of ["validFrom", "validTo", "daysLeft", "fingerprint256"]) delete target.tls[k];
  return target;
}

function messages() {
  if (d.mailbox.format === "mbox") return existsSync(d.mailbox.path) ? readFileSync(d.mailbox.path, "utf8").split(/^(?=From )/m).length : 0;
  return ["new", "cur"].map((s) => join(d.mailbox.path, s)).filter(existsSync).reduce((n, p) => n + readdirSync(p).length, 0);
}

const outDir = join(ROOT, "test", "golden", server);
mkdirSync(outDir, { recursive: true });
for (const [id, args] of Object.entries(CASES)) {
  if (only.length && !only.includes(id)) continue;
  let port = d.ports.starttls;
  let a = args;
  if (args[0] === "--implicit-port") {
    if (d.ports.implicit === null) { console.log(`${id}: not applicable (no implicit-TLS port)`); continue; }
    // Plain SMTP on the TLS port: nothing answers the greeting; a short timeout keeps it quick.
    port = d.ports.implicit;
    a = ["--timeout", "3"];
  }
  const before = messages();
  let out;
  try {
    out = execFileSync("node", [join(ROOT, "dist/cli/index.js"), "--host", "127.0.0.1", "--port", String(port), "--ca", join(STATE, "ca.pem"),
      "--format", "json", "--helo", HELO, "--timeout", "10", ...a], {
      env: { ...process.env, GOLDEN_PW: d.password, GOLDEN_WRONG_PW: "wrong-password" },
      encoding: "utf8",
    });
  } catch (e) {
    out = e.stdout; // exit 1 on verdict fail: the report is still on stdout
  }
  const target = stable(JSON.parse(out).targets[0]);
  writeFileSync(join(outDir, `${id}.json`), JSON.stringify(target, null, 2) + "\n");
  const codes = target.steps.map((s) => s.reply?.code ?? null);
  const ids = target.findings.map((f) => `${f.id}@${f.step}`);
  let extra = "";
  if (id.startsWith("send")) {
    const until = Date.now() + 10_000;
    while (messages() === before && Date.now() < until) execFileSync("sleep", ["0.1"]);
    extra = `  messages: +${messages() - before}`;
  }
  console.log(`${id}: ${target.verdict}  codes ${JSON.stringify(codes)}  findings ${ids.join(" ")}${target.error ? `  error ${target.error.kind}: ${target.error.message}` : ""}${extra}`);
}
