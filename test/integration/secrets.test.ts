// Contract §5/§6: secrets (password, token, every derived AUTH payload) never reach a report.
import { afterEach, describe, expect, it } from "vitest";
import { cramMd5Response, loginResponses, plainResponse, xoauth2Response, type AuthMechanism } from "../../src/protocol/auth.js";
import { Redactor } from "../../src/protocol/redact.js";
import { runTargets } from "../../src/engine/run.js";
import type { Report } from "../../src/model/report.js";
import { renderJson } from "../../src/report/json.js";
import { renderText } from "../../src/report/text.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { reportSummaryLine } from "../../src/report/summary-line.js";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { startSmtpServer } from "../support/smtp-server.js";
import { Servers, commands, target } from "./helpers.js";

const servers = new Servers();
afterEach(() => servers.closeAll());

const USER = "canary.user@example.com";
const PW = "Canary-Pw-9f3b";
const TOKEN = "Canary-Tok-77aa";
const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64");
const MECHS: AuthMechanism[] = ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"];

/** Every printable form of the secrets; CRAM-MD5 responses are added from the challenges seen. */
function needles(report: Report): string[] {
  const list = [
    PW, TOKEN, b64(PW), b64(TOKEN), b64(PW).replace(/=+$/, ""), b64(TOKEN).replace(/=+$/, ""),
    plainResponse(USER, PW), xoauth2Response(USER, TOKEN), loginResponses(USER, PW)[1],
    plainResponse(USER, "wrong-pw"), xoauth2Response(USER, "wrong-tok"),
  ];
  for (const t of report.targets) {
    t.steps.forEach((s, i) => {
      if (s.command === "AUTH CRAM-MD5" && s.reply?.code === 334) {
        const ch = s.reply.lines[0] ?? "";
        list.push(cramMd5Response(USER, PW, ch), cramMd5Response(USER, "wrong-pw", ch));
        expect(t.steps[i + 1]?.command).toBe("***");
      }
    });
  }
  return list;
}

function renders(report: Report): Record<string, string> {
  return {
    json: renderJson(report),
    text: renderText(report, { color: false }),
    color: renderText(report, { color: true }),
    markdown: renderMarkdown(report),
    summary: reportSummaryLine(report),
    model: JSON.stringify(report),
  };
}

function expectClean(report: Report): void {
  const found: string[] = [];
  for (const [name, text] of Object.entries(renders(report))) {
    for (const n of needles(report)) if (text.includes(n)) found.push(`${name} contains ${JSON.stringify(n)}`);
  }
  expect(found).toEqual([]);
}

describe("secrets never reach a report", () => {
  it("every mechanism, good and bad credentials, against smtp-server", async () => {
    const srv = servers.add(await startSmtpServer({ users: { [USER]: PW }, oauthTokens: { [USER]: TOKEN } }));
    const targets = MECHS.flatMap((mech) =>
      [true, false].map((ok) =>
        target(srv.port, {
          name: `${mech} ${ok ? "good" : "bad"}`,
          to: ["rcpt@example.com"],
          credentials: {
            username: USER, mechanism: mech,
            ...(mech === "XOAUTH2" ? { oauthToken: ok ? TOKEN : "wrong-tok" } : { password: ok ? PW : "wrong-pw" }),
          },
        }),
      ),
    );
    const redactor = new Redactor();
    const report = await runTargets(targets, { redactor, concurrency: 2 });
    // The probes really ran: the good ones authenticated (a warning: loopback without TLS), the bad ones got 535.
    expect(report.targets.map((t) => t.verdict)).toEqual(["warn", "fail", "warn", "fail", "warn", "fail", "warn", "fail"]);
    expect(srv.auths.map((a) => a.method)).toEqual(expect.arrayContaining(MECHS));
    for (const t of report.targets) {
      const auth = t.steps.filter((s) => s.phase === "authenticating").map((s) => s.command);
      expect(auth.every((c) => c === "***" || /^AUTH (PLAIN|XOAUTH2) \*\*\*$|^AUTH (LOGIN|CRAM-MD5)$/.test(c ?? ""))).toBe(true);
    }
    expect(commands(report.targets[2]!).slice(2, 5)).toEqual(["AUTH LOGIN", "***", "***"]);
    expectClean(report);
    // The redactor holds what the renderers need (the action masks these too).
    expect(redactor.values).toEqual(expect.arrayContaining([PW, TOKEN, plainResponse(USER, PW), xoauth2Response(USER, TOKEN)]));
  });

  it("a server that echoes the AUTH line (and the decoded secret) in its 535 does not leak it", async () => {
    const echo = (l: string) => {
      const payload = l.split(" ")[2] ?? "";
      const decoded = Buffer.from(payload, "base64").toString("utf8");
      return `535-5.7.8 rejected: ${l}\r\n535 5.7.8 decoded: ${decoded}\r\n`;
    };
    let loginStage = 0;
    const srv = servers.add(
      await startScriptedSmtp({
        EHLO: "250-mx.test\r\n250 AUTH PLAIN LOGIN XOAUTH2\r\n",
        "AUTH LOGIN": () => ((loginStage = 1), "334 VXNlcm5hbWU6\r\n"),
        AUTH: echo,
        // LOGIN's username and password lines have no known verb: they reach the catch-all handler.
        ...Object.fromEntries(
          [loginResponses(USER, PW)[0], loginResponses(USER, PW)[1]].map((k) => [
            k,
            (l: string) => (loginStage++ === 1 ? "334 UGFzc3dvcmQ6\r\n" : `535 5.7.8 you sent ${l} = ${Buffer.from(l, "base64").toString()}\r\n`),
          ]),
        ),
      }),
    );
    const report = await runTargets(
      MECHS.filter((m) => m !== "CRAM-MD5").map((mech) =>
        target(srv.port, { name: mech, credentials: { username: USER, mechanism: mech, ...(mech === "XOAUTH2" ? { oauthToken: TOKEN } : { password: PW }) } }),
      ),
      { concurrency: 1 },
    );
    expect(report.targets.map((t) => t.verdict)).toEqual(["fail", "fail", "fail"]);
    // The echo really came back (redacted) in the reply lines.
    expect(report.targets[0]?.steps[2]?.reply?.lines[0]).toBe("5.7.8 rejected: AUTH PLAIN ***");
    expect(report.targets[0]?.steps[2]?.reply?.lines[1]).toBe(`5.7.8 decoded: \\x00${USER}\\x00***`);
    expect(report.targets[1]?.steps.map((s) => s.reply?.code)).toEqual([220, 250, 334, 334, 535, 221]);
    expect(report.targets[1]?.steps[4]?.reply?.lines).toEqual(["5.7.8 you sent *** = ***"]);
    expect(report.targets[2]?.steps[2]?.reply?.lines[0]).toBe("5.7.8 rejected: AUTH XOAUTH2 ***");
    expect(report.targets[2]?.steps[2]?.reply?.lines[1]).toBe(`5.7.8 decoded: user=${USER}\\x01auth=Bearer ***\\x01\\x01`);
    expectClean(report);
  });
});
