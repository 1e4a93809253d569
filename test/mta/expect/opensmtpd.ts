// What smtp-gate reports against OpenSMTPD 7.4.0 (bookworm-backports, run by
// scripts/mta/opensmtpd.sh): the cases of test/support/mta-matrix.ts. Recorded with
// `node scripts/mta/golden.mjs opensmtpd`; the transcripts are in test/golden/opensmtpd/.
//
// What OpenSMTPD answers: no PIPELINING (production and production-lockstep are the same
// conversation); ENHANCEDSTATUSCODES advertised but several replies carry none; AUTH PLAIN LOGIN
// only after STARTTLS; a wrong password "535 Authentication failed"; an unknown command "500
// 5.5.1 Invalid command: Command unrecognized"; RCPT before MAIL "503 5.5.1 Invalid command:
// Command not allowed at this point."; an unknown user of its domain "524 5.2.4 Mailing list
// expansion problem: <…>" (the virtual table has no entry: expansion fails); another domain
// "550 Invalid recipient: <…>" (no match rule).
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
      "near-miss says \"it offers AUTH: the sender probably means `AUTH`\", but the EHLO (no TLS) offered no AUTH: OpenSMTPD offers it only after STARTTLS; nearMiss always counts AUTH and STARTTLS as candidates, advertised or not; the finding should say that AUTH needs STARTTLS first" },
  "relay-attempt": { verdict: "fail", codes: [220, 250, 220, 250, 250, 550, 250, 221],
    knownDefect:
      "OpenSMTPD's relay refusal \"550 Invalid recipient: <someone@example.net>\" (no enhanced code although ENHANCEDSTATUSCODES is advertised; unauthenticated client, foreign domain) is diagnosed from the bare code as mailbox-unavailable with \"the recipient address does not exist\" as its first cause; it should be relay-denied" },
  "unknown-local-user": { verdict: "fail", codes: [220, 250, 220, 250, 250, 524, 250, 221],
    knownDefect:
      "OpenSMTPD answers \"524 5.2.4 Mailing list expansion problem\" for a recipient of its own domain that its virtual table lacks (an unknown user); smtp-gate reports unexpected-reply with \"the recipient is a list that could not be expanded\" and never mentions an unknown user; it should be unknown-user (OpenSMTPD's 5.2.4 on RCPT)" },
  "rcpt-before-mail": { verdict: "fail", findingIds: ["bad-sequence"], codes: [220, 250, 220, 250, 503, 221] },
  "implicit-on-plain-port": { verdict: "fail", findingIds: ["tls-mode-mismatch"], codes: [] },
  "plain-on-implicit-port": { verdict: "fail", findingIds: ["tls-mode-mismatch"], codes: [null] },
  send: { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 354, 250, 221] },
  "send-refused-recipient": { verdict: "fail", codes: [220, 250, 220, 250, 235, 250, 524, 250, 221],
    knownDefect:
      "OpenSMTPD answers \"524 5.2.4 Mailing list expansion problem\" for a recipient of its own domain that its virtual table lacks (an unknown user); smtp-gate reports unexpected-reply with \"the recipient is a list that could not be expanded\" and never mentions an unknown user; it should be unknown-user (OpenSMTPD's 5.2.4 on RCPT)" },
};
