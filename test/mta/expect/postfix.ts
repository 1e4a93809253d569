// What Postfix 3.7 (+ Dovecot SASL) answers to the matrix cases (scripts/mta/postfix.sh, port 2525).
import type { ServerExpectations } from "../../support/mta-matrix.js";

const SESSION = [220, 250, 220, 250]; // greeting, EHLO, STARTTLS, EHLO

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [...SESSION, 235, 221] },
  "auth-login": { verdict: "pass", codes: [...SESSION, 334, 334, 235, 221] },
  // 535 5.7.8 Error: authentication failed
  "auth-wrong-password": { verdict: "fail", codes: [...SESSION, 535, 221], findingIds: ["auth-failed"] },
  // 500 5.5.2 Error: command not recognized
  "xauth2-after-starttls": { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  "xauth2-plaintext": { verdict: "fail", codes: [220, 250, 500, 221], findingIds: ["command-unrecognized"] },
  // 554 5.7.1 <someone@example.net>: Relay access denied
  "relay-attempt": { verdict: "fail", codes: [...SESSION, 250, 554, 250, 221], findingIds: ["relay-denied"] },
  // 550 5.1.1 … User unknown in virtual mailbox table
  "unknown-local-user": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },
  // 503 5.5.1 Error: need MAIL command
  "rcpt-before-mail": { verdict: "fail", codes: [...SESSION, 503, 221], findingIds: ["bad-sequence"] },
  // The TLS ClientHello meets a plain greeting: "wrong version number", no step at all.
  "implicit-on-plain-port": { verdict: "fail", codes: [], findingIds: ["tls-mode-mismatch"] },
  // The server waits for a ClientHello and never greets.
  "plain-on-implicit-port": { verdict: "fail", codes: [null], findingIds: ["tls-mode-mismatch"] },
  send: { verdict: "pass", codes: [...SESSION, 250, 250, 354, 250, 221] },
  "send-refused-recipient": {
    verdict: "fail",
    codes: [...SESSION, 250, 550, 554, 250, 221],
    findingIds: ["unknown-user"],
    // DATA, pipelined after the only RCPT was refused, is a consequence of it: no finding of its own.
    consequences: [6],
  },
};
