// Issue: redaction that holds for any echo. Random secrets, users, mechanisms, echo shapes and cut
// points through a hostile loopback server; every artifact the engine's renderers make is scanned
// for every form of the secret and for any FRAGMENT-character piece of one.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { runTargets } from "../../src/engine/run.js";
import type { Report } from "../../src/model/report.js";
import { Redactor } from "../../src/protocol/redact.js";
import { planAnnotations } from "../../src/report/annotations.js";
import { renderBaseline } from "../../src/report/baseline.js";
import { renderComment } from "../../src/report/comment.js";
import { renderJobSummary } from "../../src/report/job-summary.js";
import { renderJson } from "../../src/report/json.js";
import { renderJunit } from "../../src/report/junit.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { reportSummaryLine } from "../../src/report/summary-line.js";
import { renderText } from "../../src/report/text.js";
import { compactFacts } from "../../src/report/facts.js";
import { ECHO_SHAPES, startEchoServer, type EchoServer } from "../support/echo-server.js";
import { findLeaks, leakNeedles } from "../support/secret-scan.js";
import { resolved } from "../hostile/helpers.js";

let srv: EchoServer;
beforeAll(async () => {
  srv = await startEchoServer();
});
afterAll(() => srv?.close());

/** Every artifact a report becomes, by name. */
export function artifacts(report: Report): Record<string, string> {
  return {
    json: renderJson(report),
    text: renderText(report, { color: true }),
    markdown: renderMarkdown(report),
    "job summary": renderJobSummary(report),
    annotations: JSON.stringify(planAnnotations(report)),
    junit: renderJunit(report),
    "summary line": reportSummaryLine(report),
    baseline: renderBaseline(report),
    "PR comment": renderComment(report, { key: "ci/gate", facts: compactFacts(report), previous: null, runUrl: null }),
  };
}

// Printable ASCII with the characters that encodings treat specially, and some UTF-8.
const SECRET_CHARS = [..."abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~", "é", "€", "✓"];

describe("no secret survives any echo (property)", () => {
  it("random secret × mechanism × echo shape × cut point: no form and no piece (8 characters of an encoded form, 12 of the secret as it is) in any artifact", async () => {
    let scanned = 0;
    let echoed = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          secret: fc.string({ unit: fc.constantFrom(...SECRET_CHARS), minLength: 8, maxLength: 48 }),
          user: fc.constantFrom("app@example.com", "u", "jösé@example.com", "a-rather-long-service-account-name@mail.example.org"),
          mech: fc.constantFrom("PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"),
          shape: fc.constantFrom(...ECHO_SHAPES),
          cut: fc.double({ min: 0.05, max: 0.95, noNaN: true }),
        }),
        async ({ secret, user, mech, shape, cut }) => {
          srv.cut = cut;
          const before = srv.received.length;
          const secretKey = mech === "XOAUTH2" ? "oauth-token-env" : "password-env";
          const t = resolved({ port: srv.port, helo: `shape-${shape}.example.com`, username: user, auth: mech, [secretKey]: "SECRET", timeout: 0.3 }, { SECRET: secret });
          const report = await runTargets([t], { redactor: new Redactor() });
          // The server really got the AUTH exchange, so its echo had something to leak.
          expect(srv.received.slice(before).some((l) => /^AUTH /i.test(l))).toBe(true);
          if (report.targets[0]?.transcript.some((e) => e.dir === "S" && e.text.includes("***"))) echoed++;
          const needles = leakNeedles([mech === "XOAUTH2" ? { user, token: secret } : { user, password: secret }]);
          const leaks = Object.entries(artifacts(report)).flatMap(([where, text]) => findLeaks(where, text, needles));
          scanned++;
          expect(leaks).toEqual([]);
        },
      ),
      { numRuns: 120 },
    );
    // Most runs saw a redacted echo (the others echo in a form whose 334 challenge or cut left nothing).
    expect(scanned).toBe(120);
    expect(echoed).toBeGreaterThan(60);
  }, 120_000);
});
