// What smtp-gate reports against Haraka 3.3.4 (npm, run by scripts/mta/haraka.sh with the
// plugins in scripts/mta/haraka/plugins): the cases of test/support/mta-matrix.ts. Recorded with
// `node scripts/mta/golden.mjs haraka`; the transcripts are in test/golden/haraka/.
//
// What Haraka answers: PIPELINING (production pipelines MAIL/RCPT, production-lockstep does not;
// the codes are the same); AUTH PLAIN LOGIN only after STARTTLS (smtp_gate_auth; stock
// auth/flat_file would offer it in clear text to 127.0.0.1, a "private" address); before that an
// AUTH or unknown command is "500 Unrecognized command"; a wrong password "535 5.7.8
// Authentication failed" after a 1 s delay; RCPT before MAIL "503 Use MAIL before RCPT"; an
// unknown local user "550 5.1.1 <…>: No such user" (smtp_gate_rcpt); relay "550 I cannot deliver
// mail for <…>" (Haraka's default, no enhanced code); DATA after only refused recipients "503
// RCPT required first".
import type { ServerExpectations } from "../../support/mta-matrix.js";

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 250, 221] },
  "auth-login": { verdict: "pass", codes: [220, 250, 220, 250, 334, 334, 235, 250, 250, 250, 221] },
  "auth-wrong-password": { verdict: "fail", findingIds: ["auth-failed"], codes: [220, 250, 220, 250, 535, 221] },
  "xauth2-after-starttls": { verdict: "fail", findingIds: ["command-unrecognized", "near-miss"], codes: [220, 250, 220, 250, 500, 221] },
  "xauth2-plaintext": { verdict: "fail", findingIds: ["command-unrecognized"], codes: [220, 250, 500, 221],
    knownDefect:
      "near-miss says \"it offers AUTH: the sender probably means `AUTH`\", but the EHLO before TLS offered no AUTH (Haraka offers it only after STARTTLS, see extensionsBeforeTls): nearMiss always counts AUTH and STARTTLS as candidates, advertised or not; the finding should say that AUTH needs STARTTLS first" },
  "relay-attempt": { verdict: "fail", codes: [220, 250, 220, 250, 250, 550, 250, 221],
    knownDefect:
      "Haraka's relay refusal \"550 I cannot deliver mail for <someone@example.net>\" (no enhanced code, unauthenticated client, foreign domain) is diagnosed from the bare code as mailbox-unavailable with \"the recipient address does not exist\" as its first cause; it should be relay-denied" },
  "unknown-local-user": { verdict: "fail", findingIds: ["unknown-user"], codes: [220, 250, 220, 250, 250, 550, 250, 221] },
  "rcpt-before-mail": { verdict: "fail", findingIds: ["bad-sequence"], codes: [220, 250, 220, 250, 503, 221] },
  "implicit-on-plain-port": { verdict: "fail", findingIds: ["tls-mode-mismatch"], codes: [] },
  "plain-on-implicit-port": { verdict: "fail", findingIds: ["tls-mode-mismatch"], codes: [null] },
  send: { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 354, 250, 221] },
  "send-refused-recipient": { verdict: "fail", findingIds: ["unknown-user"], codes: [220, 250, 220, 250, 235, 250, 550, 503, 250, 221],
    knownDefect:
      "with PIPELINING, DATA went in the group after the refused RCPT and got \"503 RCPT required first\": that reply follows from the refusal, but the DATA step carries no consequenceOf and gets a bad-sequence finding of its own (contract §6/§7: a consequence has no finding)" },
};
