// What Haraka 3.3.4 (npm; scripts/mta/haraka.sh with the plugins in scripts/mta/haraka/plugins,
// port 2529) answers to the matrix cases. It advertises PIPELINING: production sends MAIL and
// RCPT in one group, production-lockstep one by one (same replies).
import type { ServerExpectations } from "../../support/mta-matrix.js";

const SESSION = [220, 250, 220, 250]; // greeting, EHLO, STARTTLS, EHLO

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [...SESSION, 235, 221] },
  "auth-login": { verdict: "pass", codes: [...SESSION, 334, 334, 235, 221] },
  // 535 5.7.8 Authentication failed (after a 1 s delay)
  "auth-wrong-password": { verdict: "fail", codes: [...SESSION, 535, 221], findingIds: ["auth-failed"] },
  // 500 Unrecognized command (AUTH PLAIN LOGIN offered after TLS)
  "xauth2-after-starttls": { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  // 500 Unrecognized command; before TLS the EHLO offers no AUTH (plugins/smtp_gate_auth.js).
  "xauth2-plaintext": { verdict: "fail", codes: [220, 250, 500, 221], findingIds: ["command-unrecognized"] },
  // 550 I cannot deliver mail for <someone@example.net> (Haraka's default: no plugin accepted it)
  "relay-attempt": {
    verdict: "fail",
    codes: [...SESSION, 250, 550, 250, 221],
    findingIds: ["relay-denied"],
  },
  // 550 5.1.1 <nobody@smtp-gate.test>: No such user (plugins/smtp_gate_rcpt.js)
  "unknown-local-user": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },
  // 503 Use MAIL before RCPT
  "rcpt-before-mail": { verdict: "fail", codes: [...SESSION, 503, 221], findingIds: ["bad-sequence"] },
  // The TLS ClientHello meets a plain greeting: "wrong version number", no step at all.
  "implicit-on-plain-port": { verdict: "fail", codes: [], findingIds: ["tls-mode-mismatch"] },
  // The server waits for a ClientHello and never greets.
  "plain-on-implicit-port": { verdict: "fail", codes: [null], findingIds: ["tls-mode-mismatch"] },
  // 250 Message Queued; written to the Maildir (plugins/smtp_gate_maildir.js) with the dot lines intact.
  send: { verdict: "pass", codes: [...SESSION, 250, 250, 354, 250, 221] },
  "send-refused-recipient": {
    verdict: "fail",
    codes: [...SESSION, 250, 550, 503, 250, 221],
    findingIds: ["unknown-user"],
    // DATA, pipelined after the only RCPT was refused, draws "503 RCPT required first": a consequence.
    consequences: [6],
  },
};
