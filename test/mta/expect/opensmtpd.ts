// What OpenSMTPD 7.4.0 (bookworm-backports; scripts/mta/opensmtpd.sh, port 2528) answers to the
// matrix cases. No PIPELINING, so production and production-lockstep are the same conversation.
// It advertises ENHANCEDSTATUSCODES, yet its 535 and its relay 550 carry none.
import type { ServerExpectations } from "../../support/mta-matrix.js";

const SESSION = [220, 250, 220, 250]; // greeting, EHLO, STARTTLS, EHLO

export const EXPECT: ServerExpectations = {
  production: { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "production-lockstep": { verdict: "pass", codes: [...SESSION, 235, 250, 250, 250, 221] },
  "auth-plain": { verdict: "pass", codes: [...SESSION, 235, 221] },
  "auth-login": { verdict: "pass", codes: [...SESSION, 334, 334, 235, 221] },
  // 535 Authentication failed
  "auth-wrong-password": { verdict: "fail", codes: [...SESSION, 535, 221], findingIds: ["auth-failed"] },
  // 500 5.5.1 Invalid command: Command unrecognized (AUTH PLAIN LOGIN offered after TLS)
  "xauth2-after-starttls": { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  // 500 5.5.1 Invalid command: Command unrecognized; without TLS the EHLO offers no AUTH.
  "xauth2-plaintext": { verdict: "fail", codes: [220, 250, 500, 221], findingIds: ["command-unrecognized"] },
  // 550 Invalid recipient: <someone@example.net> (no match rule for the domain)
  "relay-attempt": {
    verdict: "fail",
    codes: [...SESSION, 250, 550, 250, 221],
    findingIds: ["relay-denied"],
  },
  "unknown-local-user": { verdict: "fail", codes: [...SESSION, 250, 524, 250, 221], findingIds: ["recipient-expansion-failed"] },
  // 503 5.5.1 Invalid command: Command not allowed at this point.
  "rcpt-before-mail": { verdict: "fail", codes: [...SESSION, 503, 221], findingIds: ["bad-sequence"] },
  // The TLS ClientHello meets a plain greeting: "wrong version number", no step at all.
  "implicit-on-plain-port": { verdict: "fail", codes: [], findingIds: ["tls-mode-mismatch"] },
  // The server waits for a ClientHello and never greets.
  "plain-on-implicit-port": { verdict: "fail", codes: [null], findingIds: ["tls-mode-mismatch"] },
  // 250 2.0.0 Message accepted for delivery; delivered by mail.maildir with the dot lines intact.
  send: { verdict: "pass", codes: [...SESSION, 250, 250, 354, 250, 221] },
  "send-refused-recipient": { verdict: "fail", codes: [...SESSION, 250, 524, 250, 221], findingIds: ["recipient-expansion-failed"] },

  // Sender-side mistakes (docs/testing.md, "Sender paths").
  // HELO, then STARTTLS accepted; the second HELO lists no AUTH: credentials withheld.
  "helo-legacy": { verdict: "fail", codes: [220, 250, 220, 250, 221], findingIds: ["helo-not-ehlo"] },
  // EHLO 127.0.0.1 accepted.
  "ehlo-bare-ip": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // EHLO ci-runner accepted.
  "ehlo-not-fqdn": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // 250 2.0.0 Ok.
  "null-sender": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // MAIL FROM:<ci-runner> 250 2.0.0 Ok: a notice.
  "sender-no-domain": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["address-without-domain"] },
  // AUTH PLAIN LOGIN after TLS, CRAM-MD5 asked: nothing sent.
  "auth-mechanism-not-offered": { verdict: "fail", codes: [...SESSION, 221], findingIds: ["auth-withheld"] },
  // No AUTH before TLS.
  "auth-before-starttls": { verdict: "fail", codes: [220, 250, 221], findingIds: ["auth-withheld"] },
  // 500 5.5.1 Invalid command: Command unrecognized: OpenSMTPD implements neither VRFY nor EXPN.
  vrfy: { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  // 500 5.5.1 Invalid command: Command unrecognized.
  expn: { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  // SIZE 36700160 advertised, yet SIZE=2000000000 is accepted at MAIL (the limit is enforced on the data): a notice says such a message would be refused after being sent.
  "size-over-limit": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["size-declared-over-limit"] },
  // MAIL … SIZE= (42.5 MB) and RCPT accepted (the limit is enforced on the data): smtp-gate's own check keeps DATA back (RFC 1870 §5).
  "message-over-size": { verdict: "fail", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["message-exceeds-size"] },
  // The 1001st RCPT: 451 4.5.3 Too many recipients (max-rcpt 1000); a 4xx, so a warning.
  "too-many-recipients": { verdict: "warn", findingIds: ["too-many-recipients"] },
  // No SMTPUTF8 in the EHLO reply: the RCPT is not sent.
  "smtputf8-recipient": { verdict: "fail", codes: [...SESSION, 250, null, 250, 221], findingIds: ["smtputf8-not-offered"] },
  // No CHUNKING: BDAT and its chunk are not sent.
  bdat: { verdict: "fail", codes: [...SESSION, 250, 250, null, 250, 221], findingIds: ["chunking-not-offered", "message-not-sent"] },
  // <LF>.<LF>, <LF>.<CR><LF>, <CR><LF>.<LF>: "500 5.5.1 Invalid command: Pipelining not supported" and a close (more input behind the end of data); the replies cannot prove more, so the check is incomplete.
  "smuggling-check": { verdict: "warn", findingIds: ["smtp-smuggling-incomplete"] },
};
