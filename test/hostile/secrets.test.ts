// Secret safety: every AUTH mechanism, through the action and the CLI, with canary secrets, against
// a healthy server (over STARTTLS) and a hostile one that echoes the AUTH lines in every shape
// (test/support/echo-server.ts); then everything produced is scanned for every form of the
// secrets and any 8-character piece of one (test/support/secret-scan.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loginResponses, plainResponse, xoauth2Response } from "../../src/protocol/auth.js";
import type { Report } from "../../src/model/report.js";
import { startSmtpServer, type RunningSmtpServer } from "../support/smtp-server.js";
import { ECHO_SHAPES, startEchoServer, type EchoServer } from "../support/echo-server.js";
import { findLeaks, leakNeedles } from "../support/secret-scan.js";
import { makeCerts } from "../support/certs.js";
import { commands, runAction } from "../action/run-action.js";
import { ensureBuilt, runNode, type Built } from "./helpers.js";

const PW = "Canary-Pw-9f3b";
const TOKEN = "Canary-Tok-77aa";
const USER = "app@example.com";
const b64 = (s: string): string => Buffer.from(s, "utf8").toString("base64");

/** Every printable form of the canaries (base64 forms without padding too, as they may be cut). */
const FORMS: Record<string, string> = {
  password: PW,
  token: TOKEN,
  "base64(password)": b64(PW),
  "base64(token)": b64(TOKEN),
  plainResponse: plainResponse(USER, PW),
  "loginResponses[1]": loginResponses(USER, PW)[1],
  xoauth2Response: xoauth2Response(USER, TOKEN),
  "plainResponse, unpadded": plainResponse(USER, PW).replace(/=+$/, ""),
  "xoauth2Response, unpadded": xoauth2Response(USER, TOKEN).replace(/=+$/, ""),
};

const NEEDLES = leakNeedles([{ user: USER, password: PW, token: TOKEN }]);

function leaks(where: string, text: string): string[] {
  return [...Object.entries(FORMS).flatMap(([name, form]) => (text.includes(form) ? [`${name} in ${where}`] : [])), ...findLeaks(where, text, NEEDLES)];
}

let built: Built;
let srv: RunningSmtpServer;
let echo: EchoServer;
let dir: string;
let configPath: string;

beforeAll(async () => {
  built = ensureBuilt();
  const certs = await makeCerts();
  srv = await startSmtpServer({ users: { [USER]: PW }, oauthTokens: { [USER]: TOKEN }, tls: { cert: certs.certPem, key: certs.keyPem } });
  echo = await startEchoServer();
  dir = mkdtempSync(join(tmpdir(), "smtp-gate-secrets-"));
  const secretOf = (auth: string) => (auth === "XOAUTH2" ? "oauth-token-env: SMTP_TOKEN" : "password-env: SMTP_PW");
  const target = (name: string, auth: string) =>
    `  - name: ${name}\n    host: 127.0.0.1\n    port: ${srv.port}\n    tls: starttls\n    ca: ${certs.caFile}\n    username: ${USER}\n    ${secretOf(auth)}\n    auth: ${auth}\n    from: ${USER}\n    to: [postmaster@example.com]\n`;
  // The hostile server, on loopback without TLS (allowed there, with a warning); the EHLO name picks the echo shape.
  const echoing = ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"].flatMap((auth) =>
    ECHO_SHAPES.map((shape) => `  - name: echo ${auth} ${shape}\n    host: 127.0.0.1\n    port: ${echo.port}\n    tls: none\n    helo: shape-${shape}.example.com\n    username: ${USER}\n    ${secretOf(auth)}\n    auth: ${auth}\n    timeout: 1\n`),
  );
  configPath = join(dir, "smtp-gate.yml");
  writeFileSync(
    configPath,
    `defaults:\n  timeout: 5\n  helo: ci.example.com\ntargets:\n${target("plain", "PLAIN")}${target("login", "LOGIN")}${target("cram", "CRAM-MD5")}${target("xoauth2", "XOAUTH2")}${echoing.join("")}`,
  );
}, 120_000);

afterAll(async () => {
  await srv?.close();
  await echo?.close();
});

describe("secrets never appear in anything smtp-gate produces", () => {
  it("PLAIN, LOGIN, CRAM-MD5 and XOAUTH2 through the action and the CLI: zero hits", async () => {
    // The scanner itself finds what it should (a scan that can never hit proves nothing).
    const selfTest = leaks("self-test", `x ${plainResponse(USER, PW)} ${xoauth2Response(USER, TOKEN).slice(0, -1)} y`);
    expect(selfTest).toContain("plainResponse in self-test");
    expect(selfTest).toContain("xoauth2Response, unpadded in self-test");
    const env = { SMTP_PW: PW, SMTP_TOKEN: TOKEN };
    const found: string[] = [];

    // --- The action, run as the runner runs it.
    const run = await runAction({ config: configPath, "junit-file": "junit.xml", "report-file": "report.json" }, env, {}, built.action);
    // The echoing targets fail (535, a cut reply, a timeout): the healthy four pass.
    expect(run.code, run.stdout + run.stderr).toBe(1);
    expect(run.outputs.verdict).toBe("fail");
    const stdoutNoMasks = run.stdout.split("\n").filter((l) => !l.startsWith("::add-mask::")).join("\n");
    const masks = commands(run.stdout, "add-mask").map((m) => m.message);
    expect(masks).toContain(PW);
    expect(masks).toContain(TOKEN);
    const reportPath = resolve(run.dir, run.outputs["report-file"] as string);
    const reportText = readFileSync(reportPath, "utf8");
    const junit = run.read("junit.xml");
    expect(junit).toContain("<testsuite");
    const annotations = (["error", "warning", "notice"] as const).flatMap((k) => commands(run.stdout, k).map((a) => `${JSON.stringify(a.props)} ${a.message}`)).join("\n");
    found.push(
      ...leaks("action stdout", stdoutNoMasks),
      ...leaks("action stderr", run.stderr),
      ...leaks("action report", reportText),
      ...leaks("job summary", run.summary),
      ...leaks("annotations", annotations),
      ...leaks("JUnit XML", junit),
      ...leaks("outputs", JSON.stringify(run.outputs)),
      ...leaks("GITHUB_OUTPUT file", run.read("output")),
    );
    const report = JSON.parse(reportText) as Report;
    // The report lists targets as they finished (a streamed run): found by name, not by place.
    const healthy = ["plain", "login", "cram", "xoauth2"];
    const echoing = report.targets.filter((t) => !healthy.includes(t.name));
    expect(healthy.map((name) => [name, report.targets.find((t) => t.name === name)?.verdict])).toEqual(healthy.map((name) => [name, "pass"]));
    expect(echoing.length).toBe(report.targets.length - healthy.length);
    expect(echoing.every((t) => t.verdict === "fail")).toBe(true);
    // The hostile server did echo: its replies are in the report, redacted.
    const echoed = echoing.flatMap((t) => t.transcript.filter((e) => e.dir === "S" && e.text.includes("***")));
    expect(echoed.length).toBeGreaterThan(30);
    const received = echoing.flatMap((t) => (t.error?.received ? [t.error.received] : []));
    expect(received.some((r) => r.includes("***"))).toBe(true);

    // --- The CLI: JSON with --report and a baseline, then text and markdown.
    const cliEnv = env;
    const jsonReport = join(dir, "cli-report.json");
    const baseline = join(dir, "baseline.json");
    const cliJson = await runNode(built.cli, ["--config", configPath, "--format", "json", "--report", jsonReport, "--write-baseline", baseline], { env: cliEnv, cwd: dir });
    expect(cliJson.code, cliJson.stderr).toBe(1);
    expect(existsSync(jsonReport)).toBe(true);
    expect(existsSync(baseline)).toBe(true);
    const cliText = await runNode(built.cli, ["--config", configPath], { env: cliEnv, cwd: dir });
    expect(cliText.code, cliText.stderr).toBe(1);
    const cliMd = await runNode(built.cli, ["--config", configPath, "--format", "markdown"], { env: cliEnv, cwd: dir });
    expect(cliMd.code, cliMd.stderr).toBe(1);
    found.push(
      ...leaks("CLI json stdout", cliJson.stdout),
      ...leaks("CLI json stderr", cliJson.stderr),
      ...leaks("CLI --report file", readFileSync(jsonReport, "utf8")),
      ...leaks("CLI text stdout", cliText.stdout),
      ...leaks("CLI text stderr", cliText.stderr),
      ...leaks("CLI markdown stdout", cliMd.stdout),
      ...leaks("CLI baseline file", readFileSync(baseline, "utf8")),
    );
    // --- The PR comment body, rendered from the same report.
    const { renderComment } = await import("../../src/report/comment.js");
    const { compactFacts } = await import("../../src/report/facts.js");
    const comment = renderComment(report, { key: "ci/gate", facts: compactFacts(report), previous: null, runUrl: null });
    expect(comment).toContain("smtp-gate");
    found.push(...leaks("PR comment", comment));

    // Every mechanism really ran against the healthy server (4 targets × (action + 3 CLI runs)).
    const methods = srv.auths.map((a) => a.method);
    for (const m of ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"]) expect(methods.filter((x) => x === m)).toHaveLength(4);
    // The transcripts did carry the AUTH exchange (so the scan looked where secrets would be).
    expect(reportText).toContain("AUTH PLAIN ***");
    expect(reportText).toContain("AUTH XOAUTH2 ***");
    expect(found).toEqual([]);
  });
});
