// What smtp-gate reports against aiosmtpd 1.4.3 (Debian 12's python3-aiosmtpd, run by
// scripts/mta/aiosmtpd.sh): the cases of test/support/mta-matrix.ts. Recorded with
// `node scripts/mta/golden.mjs aiosmtpd`; the transcripts are in test/golden/aiosmtpd/.
//
// What aiosmtpd answers: no PIPELINING (production and production-lockstep are the same
// conversation); STARTTLS required on 2530 before anything but EHLO/HELO/NOOP/QUIT/STARTTLS, so
// even an unknown command gets "530 Must issue a STARTTLS command first"; AUTH LOGIN PLAIN only
// after TLS; a wrong password "535 5.7.8 Authentication credentials invalid"; an unknown
// command "500 Error: command "XAUTH2" not recognized"; RCPT before MAIL "503 Error: need MAIL
// command"; the handler (scripts/mta/aiosmtpd/server.py) refuses unknown local users with
// "550 5.1.1 … User unknown" and foreign domains with "550 5.7.1 … Relay access denied".
import type { ServerExpectations } from "../../support/mta-matrix.js";

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 250, 221] },
  "auth-login": { verdict: "pass", codes: [220, 250, 220, 250, 334, 334, 235, 250, 250, 250, 221] },
  "auth-wrong-password": { verdict: "fail", findingIds: ["auth-failed"], codes: [220, 250, 220, 250, 535, 221] },
  "xauth2-after-starttls": { verdict: "fail", findingIds: ["command-unrecognized", "near-miss"], codes: [220, 250, 220, 250, 500, 221] },
  "xauth2-plaintext": { verdict: "fail", findingIds: ["starttls-required-first"], codes: [220, 250, 530, 221] },
  "relay-attempt": { verdict: "fail", findingIds: ["relay-denied"], codes: [220, 250, 220, 250, 250, 550, 250, 221] },
  "unknown-local-user": { verdict: "fail", findingIds: ["unknown-user"], codes: [220, 250, 220, 250, 250, 550, 250, 221] },
  "rcpt-before-mail": { verdict: "fail", findingIds: ["bad-sequence"], codes: [220, 250, 220, 250, 503, 221] },
  "implicit-on-plain-port": { verdict: "fail", findingIds: ["tls-mode-mismatch"], codes: [] },
  "plain-on-implicit-port": { verdict: "fail", findingIds: ["tls-mode-mismatch"], codes: [null] },
  send: { verdict: "pass", codes: [220, 250, 220, 250, 235, 250, 250, 354, 250, 221] },
  "send-refused-recipient": { verdict: "fail", findingIds: ["unknown-user"], codes: [220, 250, 220, 250, 235, 250, 550, 250, 221] },
};
