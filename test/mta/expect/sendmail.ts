// What Sendmail 8.17 (+ Cyrus SASL, sasldb) answers to the matrix cases (scripts/mta/sendmail.sh,
// port 2527). Sendmail's replies carry enhanced codes and quote the address ("<a@b>... User unknown").
import type { ServerExpectations } from "../../support/mta-matrix.js";

const SESSION = [220, 250, 220, 250]; // greeting, EHLO, STARTTLS ("220 2.0.0 Ready to start TLS"), EHLO

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [...SESSION, 235, 221] },
  "auth-login": { verdict: "pass", codes: [...SESSION, 334, 334, 235, 221] },
  // 535 5.7.0 authentication failed
  "auth-wrong-password": { verdict: "fail", codes: [...SESSION, 535, 221], findingIds: ["auth-failed"] },
  // 500 5.5.1 Command unrecognized: "XAUTH2 login" (the line of the seed report)
  "xauth2-after-starttls": { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  "xauth2-plaintext": { verdict: "fail", codes: [220, 250, 500, 221], findingIds: ["command-unrecognized"] },
  // 550 5.7.1 <someone@example.net>... Relaying denied. Proper authentication required.
  // (our Local_check_rcpt: the stock rules would relay for 127.0.0.1)
  "relay-attempt": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["relay-denied"] },
  // 550 5.1.1 <nobody@smtp-gate.test>... User unknown (virtusertable catch-all)
  "unknown-local-user": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },
  // 503 5.0.0 Need MAIL before RCPT
  "rcpt-before-mail": { verdict: "fail", codes: [...SESSION, 503, 221], findingIds: ["bad-sequence"] },
  "implicit-on-plain-port": { verdict: "fail", codes: [], findingIds: ["tls-mode-mismatch"] },
  "plain-on-implicit-port": { verdict: "fail", codes: [null], findingIds: ["tls-mode-mismatch"] },
  send: { verdict: "pass", codes: [...SESSION, 250, 250, 354, 250, 221] },
  // DATA after the refused RCPT: 503 5.0.0 Need RCPT (recipient), a consequence of the refusal.
  "send-refused-recipient": { verdict: "fail", codes: [...SESSION, 250, 550, 503, 250, 221], findingIds: ["unknown-user"], consequences: [6] },
};
