// What OpenSMTPD 7.4.0 (bookworm-backports; scripts/mta/opensmtpd.sh, port 2528) answers to the
// matrix cases. No PIPELINING, so production and production-lockstep are the same conversation.
// It advertises ENHANCEDSTATUSCODES, yet its 535 and its relay 550 carry none.
import type { ServerExpectations } from "../../support/mta-matrix.js";

const SESSION = [220, 250, 220, 250]; // greeting, EHLO, STARTTLS, EHLO
const NEAR_MISS_AUTH_NOT_OFFERED =
  'near-miss says "it offers AUTH: the sender probably means `AUTH`", but the EHLO without TLS offered no AUTH (OpenSMTPD offers it only after STARTTLS): nearMiss counts AUTH and STARTTLS as candidates whether advertised or not; the finding should say that AUTH comes after STARTTLS';
const UNKNOWN_USER_524 =
  'OpenSMTPD answers "524 5.2.4 Mailing list expansion problem: <nobody@smtp-gate.test>" for an address of its own domain that its virtual table lacks (an unknown user): smtp-gate reports unexpected-reply, "the recipient is a list that could not be expanded", and never says unknown user; it should be unknown-user';

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [...SESSION, 235, 221] },
  "auth-login": { verdict: "pass", codes: [...SESSION, 334, 334, 235, 221] },
  // 535 Authentication failed
  "auth-wrong-password": { verdict: "fail", codes: [...SESSION, 535, 221], findingIds: ["auth-failed"] },
  // 500 5.5.1 Invalid command: Command unrecognized (AUTH PLAIN LOGIN offered after TLS)
  "xauth2-after-starttls": { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized", "near-miss"] },
  // 500 5.5.1 Invalid command: Command unrecognized; without TLS the EHLO offers no AUTH.
  "xauth2-plaintext": { verdict: "fail", codes: [220, 250, 500, 221], findingIds: ["command-unrecognized"], knownDefect: NEAR_MISS_AUTH_NOT_OFFERED },
  // 550 Invalid recipient: <someone@example.net> (no match rule for the domain)
  "relay-attempt": {
    verdict: "fail",
    codes: [...SESSION, 250, 550, 250, 221],
    knownDefect:
      'OpenSMTPD\'s relay refusal "550 Invalid recipient: <someone@example.net>" (no enhanced code; unauthenticated client, foreign domain) is diagnosed from the bare code as mailbox-unavailable, "the recipient address does not exist" first; it is relay-denied',
  },
  "unknown-local-user": { verdict: "fail", codes: [...SESSION, 250, 524, 250, 221], knownDefect: UNKNOWN_USER_524 },
  // 503 5.5.1 Invalid command: Command not allowed at this point.
  "rcpt-before-mail": { verdict: "fail", codes: [...SESSION, 503, 221], findingIds: ["bad-sequence"] },
  // The TLS ClientHello meets a plain greeting: "wrong version number", no step at all.
  "implicit-on-plain-port": { verdict: "fail", codes: [], findingIds: ["tls-mode-mismatch"] },
  // The server waits for a ClientHello and never greets.
  "plain-on-implicit-port": { verdict: "fail", codes: [null], findingIds: ["tls-mode-mismatch"] },
  // 250 2.0.0 Message accepted for delivery; delivered by mail.maildir with the dot lines intact.
  send: { verdict: "pass", codes: [...SESSION, 250, 250, 354, 250, 221] },
  "send-refused-recipient": { verdict: "fail", codes: [...SESSION, 250, 524, 250, 221], knownDefect: UNKNOWN_USER_524 },
};
