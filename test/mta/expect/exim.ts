// What Exim 4.96 answers to the matrix cases (scripts/mta/exim.sh, port 2526). Exim sends no
// enhanced status codes unless configured to, so the findings come from the codes and texts.
import type { ServerExpectations } from "../../support/mta-matrix.js";

const SESSION = [220, 250, 220, 250]; // greeting, EHLO, STARTTLS ("220 TLS go ahead"), EHLO

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [...SESSION, 235, 221] },
  "auth-login": { verdict: "pass", codes: [...SESSION, 334, 334, 235, 221] },
  // 535 Incorrect authentication data
  "auth-wrong-password": { verdict: "fail", codes: [...SESSION, 535, 221], findingIds: ["auth-failed"] },
  // 500 unrecognized command
  "xauth2-after-starttls": { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  "xauth2-plaintext": { verdict: "fail", codes: [220, 250, 500, 221], findingIds: ["command-unrecognized"] },
  // 550 relay not permitted
  "relay-attempt": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["relay-denied"] },
  // 550 Unrouteable address (no 5.1.1: nothing tells it from other 550s but the text)
  "unknown-local-user": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },
  // 503 sender not yet given
  "rcpt-before-mail": { verdict: "fail", codes: [...SESSION, 503, 221], findingIds: ["bad-sequence"] },
  "implicit-on-plain-port": { verdict: "fail", codes: [], findingIds: ["tls-mode-mismatch"] },
  "plain-on-implicit-port": { verdict: "fail", codes: [null], findingIds: ["tls-mode-mismatch"] },
  send: { verdict: "pass", codes: [...SESSION, 250, 250, 354, 250, 221] },
  "send-refused-recipient": {
    verdict: "fail",
    codes: [...SESSION, 250, 550, 503, 250, 221],
    findingIds: ["unknown-user"],
    // DATA, pipelined after the only RCPT was refused, is a consequence of it: no finding of its own.
    consequences: [6],
  },
};
