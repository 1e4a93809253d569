// Replays one row of the reply corpus (test/fixtures/corpus/replies.json) at its phase: a scripted
// server greets, answers every command before that phase as a plain ESMTP server would, and
// answers the row's phase with the row's reply; the real probe and diagnosis run against it.
import { readFileSync } from "node:fs";
import { localIo } from "../../src/config/local-io.js";
import type { RawTarget, TargetKey } from "../../src/config/keys.js";
import { resolveTarget } from "../../src/config/resolve.js";
import type { Finding, TargetResult } from "../../src/model/report.js";
import { probeTarget } from "../../src/engine/run.js";
import { Redactor } from "../../src/protocol/redact.js";
import { startScriptedSmtp, type ScriptedServer } from "./scripted-server.js";

export interface CorpusRow {
  id: string;
  family: string;
  banner: string | null;
  phase: string;
  code: number;
  enhanced: string | null;
  text: string | string[];
  class: string;
  must_not: string[];
  source: string;
}

export const CORPUS: readonly CorpusRow[] = JSON.parse(readFileSync(new URL("../fixtures/corpus/replies.json", import.meta.url), "utf8")) as CorpusRow[];

/** The loopback address this suite's servers listen on. */
export const CORPUS_HOST = "127.0.0.25";

/** A greeting that names no product (nor a box: "HOST ESMTP ready" is nginx's mail proxy's), for rows whose source gives none. */
const NEUTRAL_BANNER = "220 mx.example.com ESMTP";

/** The row's reply on the wire: one line per text line, the enhanced code on each. */
export function replyOf(row: Pick<CorpusRow, "code" | "enhanced" | "text">): string {
  const lines = typeof row.text === "string" ? [row.text] : row.text;
  return lines.map((l, n) => `${row.code}${n === lines.length - 1 ? " " : "-"}${row.enhanced ? `${row.enhanced} ` : ""}${l}\r\n`).join("");
}

function ehlo(row: CorpusRow): string {
  const host = (row.banner ?? NEUTRAL_BANNER).split(/\s+/)[1] ?? "mx.example.com";
  const keywords = ["SIZE 10240000", "8BITMIME", "ENHANCEDSTATUSCODES", ...(row.phase === "STARTTLS" ? ["STARTTLS"] : []), "AUTH PLAIN LOGIN"];
  return [host, ...keywords].map((k, n, all) => `250${n === all.length - 1 ? " " : "-"}${k}\r\n`).join("");
}

/** The commands of the default sequence the row's phase needs, and the row's reply at that phase. */
function handlers(row: CorpusRow): Parameters<typeof startScriptedSmtp>[0] {
  const reply = replyOf(row);
  const h: Record<string, string> = {
    greeting: `${row.banner ?? NEUTRAL_BANNER}\r\n`,
    EHLO: ehlo(row),
    HELO: "250 mx.example.com\r\n",
    MAIL: "250 2.1.0 Ok\r\n",
    RCPT: "250 2.1.5 Ok\r\n",
    RSET: "250 2.0.0 Ok\r\n",
    AUTH: "235 2.7.0 Authentication successful\r\n",
    NOOP: "250 2.0.0 Ok\r\n",
  };
  switch (row.phase) {
    case "CONNECT": h.greeting = reply; break;
    case "EHLO": h.EHLO = reply; h.HELO = reply; break;
    case "END-OF-DATA": h["."] = reply; break;
    default: h[row.phase] = reply;
  }
  return h;
}

/** The target that reaches the row's phase: credentials for AUTH, STARTTLS for STARTTLS, a message for DATA, a custom line for an unknown verb. */
function targetFor(row: CorpusRow, port: number): RawTarget {
  const raw: RawTarget = { host: CORPUS_HOST, port, helo: "ci.example.com", from: "app@example.com", to: "user@example.com", timeout: "5", tls: "none" };
  if (row.phase === "AUTH") return { ...raw, username: "app@example.com", "password-env": "CORPUS_PASSWORD" };
  if (row.phase === "STARTTLS") return { ...raw, tls: "starttls" };
  if (row.phase === "DATA" || row.phase === "END-OF-DATA") return { ...raw, send: true };
  if (!["CONNECT", "EHLO", "MAIL", "RCPT", "QUIT"].includes(row.phase)) return { ...raw, steps: `EHLO {helo}\n${row.phase}` };
  return raw;
}

export interface Replayed {
  result: TargetResult;
  /** The step that carries the row's reply. */
  step: number;
  /** The finding about that step, if any. */
  finding: Finding | undefined;
}

export async function replay(row: CorpusRow): Promise<Replayed> {
  const srv: ScriptedServer = await startScriptedSmtp(handlers(row), { host: CORPUS_HOST });
  try {
    const r = resolveTarget(targetFor(row, srv.port), { env: { CORPUS_PASSWORD: "corpus-password-1" }, label: (k: TargetKey) => k, ...localIo() });
    if ("problems" in r) throw new Error(`config problems: ${JSON.stringify(r.problems)}`);
    const result = await probeTarget(r, new Redactor());
    const verb = row.phase === "CONNECT" ? null : row.phase === "END-OF-DATA" ? "." : row.phase.split(" ")[0];
    const step = result.steps.findIndex((s) => s.reply?.code === row.code && (verb === null ? s.command === null : s.command !== null && (s.command === "***" ? "AUTH" : s.command.split(" ")[0]?.toUpperCase()) === verb));
    return { result, step, finding: result.findings.find((f) => f.step === step) };
  } finally {
    await srv.close();
  }
}
