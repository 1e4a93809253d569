import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { writeFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { startScriptedSmtp, type ScriptedServer } from "../support/scripted-server.js";
import { startSmtpServer, type RunningSmtpServer } from "../support/smtp-server.js";
import { plainResponse, xoauth2Response } from "../../src/protocol/auth.js";
import { makeCerts, type TestCerts } from "../support/certs.js";
import { commands, runAction } from "./run-action.js";

const servers: { close(): Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

let certs: TestCerts;
beforeAll(async () => {
  certs = await makeCerts();
});


const EHLO = "250-test.local\r\n250-AUTH PLAIN LOGIN\r\n250 ENHANCEDSTATUSCODES\r\n";

async function scripted(handlers: Parameters<typeof startScriptedSmtp>[0]): Promise<ScriptedServer> {
  const s = await startScriptedSmtp(handlers);
  servers.push(s);
  return s;
}

describe("the action, run as the runner runs it", () => {
  it("passes a healthy target: exit 0, outputs, summary, masks, and the secret nowhere", async () => {
    const password = "Canary-Pw-9f3b";
    const user = "app@example.com";
    const srv: RunningSmtpServer = await startSmtpServer({ users: { [user]: password }, tls: { cert: certs.certPem, key: certs.keyPem } });
    servers.push(srv);
    const run = await runAction({
      host: "127.0.0.1", port: String(srv.port), tls: "starttls", ca: certs.caFile, username: user, password, auth: "PLAIN",
      from: user, to: "postmaster@example.com", "fail-on": "hard", timeout: "5", "junit-file": "junit.xml",
    });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe("pass");
    expect(run.outputs["hard-failures"]).toBe("0");
    expect(run.outputs["soft-failures"]).toBe("0");
    expect(run.outputs["report-file"]).toBe(join(run.dir, "smtp-gate-report.json"));
    expect(run.outputs.summary).toMatch(/^127\.0\.0\.1:\d+ — pass \(\d+ steps, \d+ ms\)$/);
    expect(run.summary).toContain("## smtp-gate: ✅ PASS");
    expect(run.summary).toContain("| # | command | reply | verdict | ms |");
    // The AUTH line by what it carries (the JSON report keeps `***`, contract §6).
    expect(run.summary).toContain("`AUTH PLAIN (username and password)`");
    expect(run.summary).toContain("<details><summary>Transcript of");
    expect(commands(run.stdout, "error")).toEqual([]);
    expect(srv.auths).toEqual([{ method: "PLAIN", username: user }]);

    const masks = commands(run.stdout, "add-mask").map((m) => m.message);
    const payload = plainResponse(user, password);
    expect(masks).toContain(password);
    expect(masks).toContain(payload);
    expect(masks).toContain(Buffer.from(password).toString("base64"));
    // Each secret form once: every ::add-mask:: line is one more copy of its shape in the log.
    expect(masks.length).toBe(new Set(masks).size);
    const report = JSON.parse(readFileSync(run.outputs["report-file"] as string, "utf8"));
    expect(report.schema).toBe("smtp-gate/report@1");
    const junit = run.read("junit.xml");
    expect(junit).toContain('<testsuite name="127.0.0.1:');
    for (const secret of [password, payload, Buffer.from(password).toString("base64")]) {
      const leaks = run.stdout.split("\n").filter((l) => l.includes(secret) && !l.startsWith("::add-mask::"));
      expect(leaks).toEqual([]);
      expect(run.stderr).not.toContain(secret);
      expect(run.summary).not.toContain(secret);
      expect(JSON.stringify(report)).not.toContain(secret);
      expect(JSON.stringify(run.outputs)).not.toContain(secret);
      expect(junit).not.toContain(secret);
    }
  });

  it("warns on a transient reply under fail-on hard: exit 0, a ::warning titled by the reply", async () => {
    const srv = await scripted({ EHLO, MAIL: "250 2.1.0 Ok\r\n", RCPT: "450 4.2.0 Greylisted, try again later\r\n", RSET: "250 2.0.0 Ok\r\n" });
    const run = await runAction({ host: "127.0.0.1", port: String(srv.port), tls: "none", from: "a@example.com", to: "b@example.com", "fail-on": "hard", timeout: "5" });
    expect(run.code).toBe(0);
    expect(run.outputs.verdict).toBe("warn");
    expect(run.outputs["soft-failures"]).toBe("1");
    expect(run.outputs["hard-failures"]).toBe("0");
    const warnings = commands(run.stdout, "warning");
    expect(warnings[0]?.props.title).toBe(`SMTP 450 4.2.0 on "RCPT TO:<b@example.com>" — 127.0.0.1:${srv.port}`);
    expect(warnings[0]?.message.split("\n").length).toBeGreaterThanOrEqual(2);
    expect(srv.received).toContain("RSET");
    expect(srv.received).not.toContain("DATA");
  });

  it("fails on a 500: exit 1, ::error titled like the contract, outputs and summary line", async () => {
    const srv = await scripted({ EHLO, "XAUTH2 LOGIN": '500 5.5.1 Command unrecognized: "XAUTH2 login"\r\n' });
    const run = await runAction({
      host: "127.0.0.1", port: String(srv.port), tls: "none", timeout: "5",
      steps: "EHLO {helo}\nXAUTH2 login\nMAIL FROM:<{from}>",
    });
    expect(run.code).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    expect(run.outputs["hard-failures"]).toBe("1");
    expect(run.outputs.summary).toBe(`127.0.0.1:${srv.port} — 500 5.5.1 on "XAUTH2 login" (command unrecognized)`);
    const errors = commands(run.stdout, "error");
    // One annotation for the one finding; the step fails without a second ::error of its own.
    expect(errors).toHaveLength(1);
    expect(errors[0]?.props.title).toBe(`SMTP 500 5.5.1 on "XAUTH2 login" — 127.0.0.1:${srv.port}`);
    // One annotation for the one cause: what happened with the near miss (the server offers AUTH PLAIN LOGIN and the argument says login), then what to do.
    expect(errors[0]?.message.split("\n")[0]).toMatch(/the sender probably means `AUTH LOGIN`/);
    expect(errors[0]?.message.split("\n")[1]).toMatch(/^What to do: Make the sender use the standard command: `AUTH LOGIN`/);
    expect(run.summary).toContain("## smtp-gate: ❌ FAIL");
    expect(run.summary).toContain("command-unrecognized");
    expect(srv.received.some((l) => l.startsWith("MAIL"))).toBe(false);
    expect(srv.received[srv.received.length - 1]).toBe("QUIT");
  });

  it("refuses an invalid input before connecting, naming the input", async () => {
    const srv = await scripted({ EHLO });
    const run = await runAction({ host: "127.0.0.1", port: "99999", tls: "none" });
    expect(run.code).toBe(1);
    const errors = commands(run.stdout, "error");
    expect(errors[0]?.props.title).toBe("smtp-gate: invalid input port");
    expect(errors[0]?.message).toContain("input port: must be a whole number from 1 to 65535");
    expect(srv.connections).toBe(0);
  });

  it("refuses a helo with CR LF (command injection) and sends nothing", async () => {
    const srv = await scripted({ EHLO });
    const run = await runAction({ host: "127.0.0.1", port: String(srv.port), tls: "none", helo: "x\r\nRCPT TO:<evil@example.com>" });
    expect(run.code).toBe(1);
    expect(commands(run.stdout, "error")[0]?.message).toMatch(/input helo: contains CR/);
    expect(srv.connections).toBe(0);
  });

  it("names the config file and line of a bad key", async () => {
    const run0 = await runAction({ config: "missing.yml" });
    expect(commands(run0.stdout, "error")[0]?.message).toMatch(/cannot read "missing\.yml"/);
    const dir = run0.dir;
    writeFileSync(join(dir, "smtp.yml"), "targets:\n  - host: 127.0.0.1\n    prot: 25\n");
    const run = await runAction({ config: join(dir, "smtp.yml") });
    expect(run.code).toBe(1);
    const e = commands(run.stdout, "error")[0];
    expect(e?.props.file).toBe(join(dir, "smtp.yml"));
    expect(e?.props.line).toBe("3");
    expect(e?.message).toContain('did you mean "port"');

    // An anchor and an alias: the action's lazy YAML chunk reads it.
    writeFileSync(join(dir, "anchored.yml"), "defaults: &base\n  tls: none\ntargets:\n  - host: 127.0.0.1\n    helo: *base\n");
    const anchored = await runAction({ config: join(dir, "anchored.yml") });
    expect(anchored.code).toBe(1);
    expect(commands(anchored.stdout, "error")[0]).toMatchObject({ props: { file: join(dir, "anchored.yml"), line: "5" }, message: expect.stringContaining("helo") });
  });

  it("annotates each config target at its own line, caps annotations at 10 and points to the summary", async () => {
    const srv = await scripted({ EHLO, "XAUTH2 LOGIN": "500 5.5.1 Command unrecognized\r\n" });
    const targets = Array.from({ length: 12 }, (_, i) => `  - name: t${i}\n    host: 127.0.0.1\n    port: ${srv.port}\n`).join("");
    const file = join((await runAction({})).dir, "fleet.yml");
    writeFileSync(file, `defaults:\n  tls: none\n  steps: |\n    EHLO {helo}\n    XAUTH2 login\ntargets:\n${targets}`);
    const run = await runAction({ config: file, timeout: "5" });
    expect(run.code).toBe(1);
    const errors = commands(run.stdout, "error");
    // Ten annotations, one per finding, and no ::error of setFailed's own.
    expect(errors).toHaveLength(10);
    expect(errors.filter((e) => e.props.title?.startsWith("SMTP 500"))).toHaveLength(10);
    expect(errors[0]?.props.file).toBe(file);
    expect(errors[0]?.props.line).toBe("7");
    expect(errors[1]?.props.line).toBe("10");
    const notices = commands(run.stdout, "notice");
    expect(notices[0]?.props.title).toBe("smtp-gate: 2 more problems not annotated");
    expect(run.summary.match(/### ❌ t\d+/g)).toHaveLength(12);
  });

  it("masks an XOAUTH2 token and its payload", async () => {
    const token = "Canary-Tok-77aa";
    const user = "app@example.com";
    const srv = await startSmtpServer({ oauthTokens: { [user]: token }, tls: { cert: certs.certPem, key: certs.keyPem } });
    servers.push(srv);
    const run = await runAction({ host: "127.0.0.1", port: String(srv.port), tls: "starttls", ca: certs.caFile, username: user, "oauth-token": token, timeout: "5" });
    expect(run.outputs.verdict).toBe("pass");
    const payload = xoauth2Response(user, token);
    const masks = commands(run.stdout, "add-mask").map((m) => m.message);
    expect(masks).toEqual(expect.arrayContaining([token, payload]));
    const everything = [run.stdout.split("\n").filter((l) => !l.startsWith("::add-mask::")).join("\n"), run.stderr, run.summary, JSON.stringify(run.outputs), run.read("smtp-gate-report.json")].join("\n");
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(payload);
  });
});

describe("a password written into a URL-shaped input", () => {
  it("is masked before anything is printed and appears in no error or annotation", async () => {
    const pass = "Pr0xy-S3cret-77";
    const run = await runAction({ host: "127.0.0.1", port: "2525", tls: "none", socks5: `socks5://gate:${pass}@127.0.0.1:1080` });
    expect(run.code).toBe(1);
    expect(commands(run.stdout, "add-mask").map((m) => m.message)).toContain(pass);
    const errors = commands(run.stdout, "error");
    expect(errors.map((e) => e.message).join("\n")).toMatch(/input socks5: "socks5:\/\/\*\*\*@127\.0\.0\.1:1080" is not HOST\[:PORT\]/);
    for (const line of run.stdout.split("\n").filter((l) => !l.startsWith("::add-mask::"))) expect(line).not.toContain(pass);
    expect(run.stderr).not.toContain(pass);
  });
});
