// The SMTP smuggling check (issue 21) against byte-level servers on loopback: a lenient one that
// ends DATA at chosen non-standard sequences, a strict one, one that closes at a variant, one
// that hangs; configuration errors send nothing.
import { localIo } from "../../src/config/local-io.js";
import { afterEach, describe, expect, it } from "vitest";
import { resolveTarget } from "../../src/config/resolve.js";
import { SMUGGLING_VARIANTS } from "../../src/protocol/smuggling.js";
import { startRawServer, resolved, timedProbe, type RawServer } from "../hostile/helpers.js";
import { startScriptedSmtp } from "../support/scripted-server.js";

interface Behaviour {
  /** Extra sequences (beyond CRLF.CRLF) that end DATA. */
  ends: string[];
  /** Close the connection (after a 221) at any command line that is not a known verb. */
  closeOnJunk?: boolean;
  /** Never answer a message that contains this sequence. */
  hangOn?: string;
  /** Answer each smuggling test message 250, then close the connection (no reply to anything after it). */
  closeAfterTestMessage?: boolean;
  /** Answer the first smuggling test message 250, then nothing more (the NOOP barrier's wait times out). */
  silentAfterTestMessage?: boolean;
  /** Greet this much later on every connection after the first (a reconnect's transcript then shows its own times). */
  slowGreetingAfterFirstMs?: number;
}

interface Counts {
  dataTransactions: number;
  accepted: number;
}

/** A byte-level SMTP server: commands by CRLF lines, DATA ended at CRLF.CRLF or one of `ends`. */
async function startDataServer(b: Behaviour): Promise<RawServer & Counts> {
  const counts: Counts = { dataTransactions: 0, accepted: 0 };
  const server = await startRawServer((s, index) => {
    let buf = Buffer.alloc(0);
    let inData = false;
    const greet = () => s.write("220 lenient.test ESMTP\r\n");
    const timer = index > 0 && b.slowGreetingAfterFirstMs ? setTimeout(greet, b.slowGreetingAfterFirstMs) : void greet();
    s.on("data", (chunk: Buffer) => {
      buf = Buffer.concat([buf, chunk]);
      for (;;) {
        if (inData) {
          const text = buf.toString("latin1");
          if (b.hangOn && text.includes(b.hangOn)) return;
          let at = -1;
          let len = 0;
          for (const e of ["\r\n.\r\n", ...b.ends]) {
            const i = text.indexOf(e);
            if (i !== -1 && (at === -1 || i < at)) [at, len] = [i, e.length];
          }
          if (at === -1) return;
          const testMessage = text.slice(0, at).includes("X-Smtp-Gate: smuggling-check");
          buf = buf.subarray(at + len);
          inData = false;
          counts.accepted++;
          if (b.closeAfterTestMessage && testMessage) return void s.end("250 2.0.0 Ok: queued\r\n");
          if (b.silentAfterTestMessage && testMessage) {
            s.write("250 2.0.0 Ok: queued\r\n");
            return void s.removeAllListeners("data");
          }
          s.write("250 2.0.0 Ok: queued\r\n");
          continue;
        }
        const nl = buf.indexOf("\r\n");
        if (nl === -1) return;
        const line = buf.subarray(0, nl).toString("latin1");
        buf = buf.subarray(nl + 2);
        const verb = line.split(" ")[0]?.toUpperCase() ?? "";
        if (verb === "EHLO") s.write("250-lenient.test\r\n250 8BITMIME\r\n");
        else if (["MAIL", "RCPT", "RSET", "NOOP"].includes(verb)) s.write("250 2.0.0 Ok\r\n");
        else if (verb === "DATA") {
          counts.dataTransactions++;
          inData = true;
          s.write("354 go ahead\r\n");
        } else if (verb === "QUIT") {
          s.end("221 2.0.0 Bye\r\n");
          return;
        } else if (b.closeOnJunk) {
          s.end("221 2.7.0 Error: I can break rules, too. Goodbye.\r\n");
          return;
        } else s.write("500 5.5.2 Error: command not recognized\r\n");
      }
    });
    return () => clearTimeout(timer);
  });
  return Object.defineProperties(server, {
    dataTransactions: { get: () => counts.dataTransactions },
    accepted: { get: () => counts.accepted },
  }) as RawServer & Counts;
}

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

const target = (port: number, extra: Record<string, string | boolean> = {}) =>
  resolved({ port: String(port), to: "rcpt@example.com", send: true, "smuggling-check": true, timeout: "5", ...extra });

describe("smuggling check", () => {
  it("reports a lenient server vulnerable with exactly the variants it accepts", async () => {
    const srv = await startDataServer({ ends: ["\n.\n", "\r\n.\n"] });
    servers.push(srv);
    const { r } = await timedProbe(target(srv.port));
    const ended = r.smuggling?.filter((v) => v.endedData).map((v) => v.variant);
    expect(ended).toEqual(["<LF>.<LF>", "<CR><LF>.<LF>"]);
    expect(r.smuggling?.map((v) => v.variant)).toEqual(SMUGGLING_VARIANTS.map((v) => v.name));
    expect(r.smuggling?.every((v) => v.endedData !== null)).toBe(true);
    const lf = r.smuggling?.find((v) => v.variant === "<LF>.<LF>");
    expect(lf?.replies.map((x) => x.code)).toEqual([250, 500, 500]);
    const f = r.findings.find((x) => x.id === "smtp-smuggling");
    expect(f?.severity).toBe("error");
    expect(f?.message).toContain("<LF>.<LF>, <CR><LF>.<LF>");
    expect(f?.message).not.toContain("<LF>.<CR><LF>");
    expect(r.verdict).toBe("fail");
    // The check's extra replies are its evidence, not a server talking out of turn.
    expect(r.unsolicitedReplies).toBe(0);
    expect(r.findings.some((x) => x.id === "unsolicited-reply")).toBe(false);
    // One normal message plus one per variant: nothing more was delivered.
    expect(srv.dataTransactions).toBe(1 + SMUGGLING_VARIANTS.length);
    expect(srv.connections).toBe(1);
  });

  it("passes a strict server with a notice", async () => {
    const srv = await startDataServer({ ends: [] });
    servers.push(srv);
    const { r } = await timedProbe(target(srv.port));
    expect(r.smuggling?.every((v) => v.endedData === false && v.replies.length === 1)).toBe(true);
    expect(r.findings.map((f) => [f.id, f.severity])).toContainEqual(["smtp-smuggling-ok", "notice"]);
    expect(r.verdict).toBe("pass");
    expect(srv.dataTransactions).toBe(1 + SMUGGLING_VARIANTS.length);
    // The session ended as always: the check's NOOPs, then QUIT.
    expect(r.steps.at(-1)?.command).toBe("QUIT");
  });

  it("goes on on a new connection when the server hangs up at a variant; the transcript keeps both sessions' times", async () => {
    const srv = await startDataServer({ ends: ["\n.\r\n"], closeOnJunk: true, slowGreetingAfterFirstMs: 60 });
    servers.push(srv);
    const { r } = await timedProbe(target(srv.port));
    expect(r.smuggling?.filter((v) => v.endedData).map((v) => v.variant)).toEqual(["<LF>.<CR><LF>"]);
    expect(r.smuggling?.every((v) => v.endedData !== null)).toBe(true);
    expect(srv.connections).toBe(2);
    expect(srv.dataTransactions).toBe(1 + SMUGGLING_VARIANTS.length);
    // The second session's entries come at their own times on the first's clock, not all
    // stamped at the moment they were copied: its greeting comes at least the server's 60 ms
    // after the server accepted, which is after smtp-gate began to connect (a lower bound only:
    // a loaded machine makes the gap longer, never shorter).
    const times = r.transcript.map((e) => e.t);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    const again = r.transcript.findIndex((e) => e.text.startsWith("reconnecting for the smuggling check"));
    const connecting = r.transcript.findIndex((e, i) => i > again && e.text.startsWith("connecting to"));
    const greeted = r.transcript.findIndex((e, i) => i > connecting && e.dir === "S" && e.text === "220 lenient.test ESMTP");
    expect(again).toBeGreaterThan(0);
    expect(connecting).toBeGreaterThan(again);
    expect((r.transcript[greeted]?.t ?? 0) - (r.transcript[connecting]?.t ?? 0)).toBeGreaterThanOrEqual(58);
  });

  it("the transcript shows each test message's bytes from the variant on, with the smuggled line as sent", async () => {
    const srv = await startDataServer({ ends: [] });
    servers.push(srv);
    const { r } = await timedProbe(target(srv.port));
    const sent = r.transcript.filter((e) => e.dir === "C" && e.text.startsWith("(smuggling check "));
    expect(sent.map((e) => e.text.replace(/: \d+ octets,/, ": N octets,"))).toEqual(SMUGGLING_VARIANTS.map((v) =>
      `(smuggling check ${v.name}: N octets, the test message's text, then ${v.name}XSMUGGLED smtp-gate<CR><LF>.<CR><LF>)`));
    // Each followed, after the message's reply, by the NOOP barrier actually sent as NOOP.
    for (const e of sent) expect(r.transcript[r.transcript.indexOf(e) + 2]).toMatchObject({ dir: "C", text: "NOOP" });
  });

  it("a server that answers each test message 250 and closes is not called safe: every variant is null, with why", async () => {
    const srv = await startDataServer({ ends: [], closeAfterTestMessage: true });
    servers.push(srv);
    const { r } = await timedProbe(target(srv.port));
    expect(r.smuggling?.map((v) => v.variant)).toEqual(SMUGGLING_VARIANTS.map((v) => v.name));
    for (const v of r.smuggling ?? []) {
      expect(v.endedData, v.variant).toBeNull();
      expect(v.replies.map((x) => x.code), v.variant).toEqual([250]);
      expect(v.note, v.variant).toMatch(/accepted the message \(250 2\.0\.0 Ok: queued\), then did not answer NOOP .*cannot be told/);
    }
    const ids = r.findings.map((f) => f.id);
    expect(ids).not.toContain("smtp-smuggling-ok");
    expect(ids).toContain("smtp-smuggling-incomplete");
    expect(r.findings.find((f) => f.id === "smtp-smuggling-incomplete")?.message).toContain("No variant could be judged");
    expect(r.verdict).not.toBe("pass");
    // One connection per variant (each closed after its message), and nothing tried twice.
    expect(srv.dataTransactions).toBe(1 + SMUGGLING_VARIANTS.length);
  });

  it("a NOOP barrier that times out is null, not false: the check is not called ok", async () => {
    const srv = await startDataServer({ ends: [], silentAfterTestMessage: true });
    servers.push(srv);
    const { r } = await timedProbe(target(srv.port, { timeout: "1" }));
    const [first, ...rest] = r.smuggling ?? [];
    expect(first).toMatchObject({ variant: "<LF>.<LF>", endedData: null });
    expect(first?.note).toMatch(/accepted the message \(250 2\.0\.0 Ok: queued\), then did not answer NOOP \(no answer within 1s\)/);
    expect(rest.every((v) => v.endedData === null && v.note?.startsWith("not tried: "))).toBe(true);
    expect(r.findings.map((f) => f.id)).toContain("smtp-smuggling-incomplete");
    expect(r.findings.map((f) => f.id)).not.toContain("smtp-smuggling-ok");
  });

  it("a server that keeps waiting after a variant ends the check by its timeout: that variant and the rest are not known", async () => {
    const srv = await startDataServer({ ends: [], hangOn: "\r\n\0." });
    servers.push(srv);
    const { r } = await timedProbe(target(srv.port, { timeout: "1" }));
    const at = SMUGGLING_VARIANTS.findIndex((v) => v.name === "<CR><LF>\\0.<CR><LF>");
    const hung = r.smuggling?.[at];
    expect(hung?.endedData).toBeNull();
    expect(hung?.note).toMatch(/no reply to the message: no answer within 1s/);
    expect(r.smuggling?.slice(0, at).every((v) => v.endedData === false)).toBe(true);
    expect(r.smuggling?.slice(at + 1).every((v) => v.endedData === null && v.note?.startsWith("not tried: "))).toBe(true);
    expect(r.findings.map((f) => f.id)).toContain("smtp-smuggling-incomplete");
  });

  it("is a configuration error without send or without a recipient, and nothing is sent", async () => {
    const srv = await startScriptedSmtp({});
    servers.push(srv);
    const label = (k: string) => k;
    const base = { host: "127.0.0.1", port: String(srv.port), tls: "none", "smuggling-check": true } as const;
    const noSend = resolveTarget({ ...base, to: "rcpt@example.com" }, { env: {}, label, ...localIo() });
    const noRcpt = resolveTarget({ ...base, send: true, steps: "EHLO {helo}\nDATA" }, { env: {}, label, ...localIo() });
    expect(noSend).toMatchObject({ problems: [{ field: "smuggling-check", message: expect.stringContaining("send") }] });
    expect(noRcpt).toMatchObject({ problems: expect.arrayContaining([{ field: "smuggling-check", message: expect.stringContaining("recipient") }]) });
    expect(await srv.connectionsBeforeNow()).toBe(0);
  });

  it("the CLI refuses --smuggling without --send before connecting", async () => {
    const { parseCommand } = await import("../../src/cli/args.js");
    const cmd = parseCommand(["--host", "127.0.0.1", "--to", "a@example.com", "--smuggling"]);
    expect(cmd).toMatchObject({ kind: "probe", target: { "smuggling-check": true } });
    const srv = await startScriptedSmtp({});
    servers.push(srv);
    const r = resolveTarget({ ...(cmd as { target: object }).target, port: String(srv.port) }, { env: {}, label: (k) => (k === "smuggling-check" ? "--smuggling" : `--${k}`), ...localIo() });
    expect(r).toMatchObject({ problems: [{ field: "--smuggling" }] });
    expect(await srv.connectionsBeforeNow()).toBe(0);
  });
});
