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

  // Sender-side mistakes (docs/testing.md, "Sender paths").
  // 500 Unrecognized command to STARTTLS after HELO.
  "helo-legacy": { verdict: "fail", codes: [220, 250, 500, 221], findingIds: ["helo-not-ehlo"] },
  // EHLO 127.0.0.1 accepted.
  "ehlo-bare-ip": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // EHLO ci-runner accepted.
  "ehlo-not-fqdn": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // sender <> OK.
  "null-sender": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // 501 Invalid MAIL FROM address <ci-runner>: Invalid RFC-5321 address at position 10: expected "@"; RCPT's 503 is its consequence.
  "sender-no-domain": { verdict: "fail", codes: [...SESSION, 501, 503, 221], findingIds: ["syntax-error"], consequences: [5] },
  // AUTH PLAIN LOGIN after TLS, CRAM-MD5 asked: nothing sent.
  "auth-mechanism-not-offered": { verdict: "fail", codes: [...SESSION, 221], findingIds: ["auth-withheld"] },
  // No AUTH before TLS (plugins/smtp_gate_auth.js).
  "auth-before-starttls": { verdict: "fail", codes: [220, 250, 221], findingIds: ["auth-withheld"] },
  // 252 Just try sending a mail and we'll see how it turns out...
  vrfy: { verdict: "pass", codes: [...SESSION, 252, 221] },
  // 500 Unrecognized command.
  expn: { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  // 550 Message too big! (databytes; Haraka answers 550 where RFC 1870 says 552).
  "size-over-limit": { verdict: "fail", codes: [...SESSION, 550, 503, 221], findingIds: ["message-too-large"], consequences: [5] },
  // SIZE= declared at MAIL: 550 Message too big!; one finding, the server's.
  "message-over-size": { verdict: "fail", codes: [...SESSION, 550, 221], findingIds: ["message-too-large"] },
  // 1001 recipients accepted.
  "too-many-recipients": { verdict: "pass" },
  // SMTPUTF8 offered: 550 5.1.1 <tëster@smtp-gate.test>: No such user.
  "smtputf8-recipient": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },
  // No CHUNKING: BDAT and its chunk are not sent.
  bdat: { verdict: "fail", codes: [...SESSION, 250, 250, null, 250, 221], findingIds: ["chunking-not-offered", "message-not-sent"] },
  // Bare LF in the data: "451 Bare line-feed; see https://haraka.github.io/barelf/" and a close; the replies cannot prove more, so the check is incomplete.
  "smuggling-check": { verdict: "warn", findingIds: ["smtp-smuggling-incomplete"] },
};
