// What aiosmtpd 1.4.3 (Debian 12's python3-aiosmtpd; scripts/mta/aiosmtpd.sh and its handler
// scripts/mta/aiosmtpd/server.py, port 2530) answers to the matrix cases. No PIPELINING, so
// production and production-lockstep are the same conversation.
import type { ServerExpectations } from "../../support/mta-matrix.js";

const SESSION = [220, 250, 220, 250]; // greeting, EHLO, STARTTLS, EHLO

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [...SESSION, 235, 221] },
  "auth-login": { verdict: "pass", codes: [...SESSION, 334, 334, 235, 221] },
  // 535 5.7.8 Authentication credentials invalid
  "auth-wrong-password": { verdict: "fail", codes: [...SESSION, 535, 221], findingIds: ["auth-failed"] },
  // 500 Error: command "XAUTH2" not recognized (AUTH LOGIN PLAIN offered after TLS)
  "xauth2-after-starttls": { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  // require_starttls: anything but EHLO/HELO/NOOP/QUIT/STARTTLS before TLS is
  // "530 Must issue a STARTTLS command first", an unknown command too.
  "xauth2-plaintext": { verdict: "fail", codes: [220, 250, 530, 221], findingIds: ["starttls-required-first"] },
  // 550 5.7.1 <someone@example.net>: Relay access denied (the handler)
  "relay-attempt": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["relay-denied"] },
  // 550 5.1.1 <nobody@smtp-gate.test>: Recipient address rejected: User unknown (the handler)
  "unknown-local-user": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },
  // 503 Error: need MAIL command
  "rcpt-before-mail": { verdict: "fail", codes: [...SESSION, 503, 221], findingIds: ["bad-sequence"] },
  // The TLS ClientHello meets a plain greeting: "wrong version number", no step at all.
  "implicit-on-plain-port": { verdict: "fail", codes: [], findingIds: ["tls-mode-mismatch"] },
  // The server waits for a ClientHello and never greets.
  "plain-on-implicit-port": { verdict: "fail", codes: [null], findingIds: ["tls-mode-mismatch"] },
  // 250 2.0.0 OK: queued; written to the Maildir with the body's dot lines intact.
  send: { verdict: "pass", codes: [...SESSION, 250, 250, 354, 250, 221] },
  "send-refused-recipient": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },

  // Sender-side mistakes (docs/testing.md, "Sender paths").
  // require_starttls: HELO itself is refused before TLS (530 Must issue a STARTTLS command first; only EHLO, NOOP, QUIT, STARTTLS are allowed).
  "helo-legacy": { verdict: "fail", codes: [220, 530, 221], findingIds: ["helo-not-ehlo"] },
  // EHLO 127.0.0.1 accepted.
  "ehlo-bare-ip": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // EHLO ci-runner accepted.
  "ehlo-not-fqdn": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // MAIL FROM:<> OK.
  "null-sender": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // MAIL FROM:<ci-runner> OK: a notice.
  "sender-no-domain": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["address-without-domain"] },
  // AUTH LOGIN PLAIN after TLS, CRAM-MD5 asked: nothing sent.
  "auth-mechanism-not-offered": { verdict: "fail", codes: [...SESSION, 221], findingIds: ["auth-withheld"] },
  // No AUTH before TLS (auth_require_tls).
  "auth-before-starttls": { verdict: "fail", codes: [220, 250, 221], findingIds: ["auth-withheld"] },
  // 252 Cannot VRFY user, but will accept message and attempt delivery.
  vrfy: { verdict: "pass", codes: [...SESSION, 252, 221] },
  // 502 EXPN not implemented.
  expn: { verdict: "fail", codes: [...SESSION, 502, 221], findingIds: ["command-not-implemented"] },
  // 552 Error: message size exceeds fixed maximum message size (data_size_limit); no PIPELINING, so no RCPT.
  "size-over-limit": { verdict: "fail", codes: [...SESSION, 552, 221], findingIds: ["message-too-large"] },
  // SIZE= declared at MAIL: 552 Error: message size exceeds fixed maximum message size.
  "message-over-size": { verdict: "fail", codes: [...SESSION, 552, 221], findingIds: ["message-too-large"] },
  // 1001 recipients accepted (the handler sets no limit).
  "too-many-recipients": { verdict: "pass" },
  // No SMTPUTF8 (enable_SMTPUTF8 is off): the RCPT is not sent.
  "smtputf8-recipient": { verdict: "fail", codes: [...SESSION, 250, null, 250, 221], findingIds: ["smtputf8-not-offered"] },
  // No CHUNKING: BDAT and its chunk are not sent.
  bdat: { verdict: "fail", codes: [...SESSION, 250, 250, null, 250, 221], findingIds: ["chunking-not-offered", "message-not-sent"] },
  // Every variant is content, answered once.
  "smuggling-check": { verdict: "pass", findingIds: ["smtp-smuggling-ok"] },
};
