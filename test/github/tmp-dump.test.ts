import { it } from "vitest";
import { writeFileSync } from "node:fs";
import { startScriptedSmtp } from "../support/scripted-server.js";
import { runAction } from "../action/run-action.js";
import { startFakeGitHub } from "./fake-github.js";
it("dump", async () => {
  let rcpt = "550 5.1.1 No such user <postmaster@example.com> --> #12 @admin\r\n";
  const srv = await startScriptedSmtp({ EHLO: "250-test.local\r\n250-AUTH PLAIN\r\n250 ENHANCEDSTATUSCODES\r\n", AUTH: "235 ok\r\n", MAIL: "250 ok\r\n", RCPT: () => rcpt, RSET: "250 ok\r\n" });
  const gh = await startFakeGitHub();
  const env = { GITHUB_API_URL: gh.url, GITHUB_REPOSITORY: "o/r", GITHUB_RUN_ID: "5", GITHUB_WORKFLOW: "mail", GITHUB_JOB: "probe", GITHUB_EVENT_NAME: "pull_request" };
  const inputs = { host: "127.0.0.1", port: String(srv.port), tls: "none", username: "u@example.com", password: "pw-secret", from: "a@example.com", to: "postmaster@example.com", "github-token": "t0k" };
  const r1 = await runAction(inputs, env, { pull_request: { number: 7 } });
  rcpt = "250 ok\r\n";
  await runAction(inputs, env, { pull_request: { number: 7 } });
  writeFileSync("/tmp/dump.md", r1.stdout + "\n=====\n" + gh.comments.map((c) => c.body).join("\n=====\n") + "\n=====\n" + gh.requests.map((r) => `${r.method} ${r.path}`).join("\n"));
  await srv.close(); await gh.close();
});
