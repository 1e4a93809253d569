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

  // Sender-side mistakes (docs/testing.md, "Sender paths").
  // HELO, then STARTTLS accepted (220 2.0.0 Ready to start TLS); the second HELO lists no AUTH: credentials withheld.
  "helo-legacy": { verdict: "fail", codes: [220, 250, 220, 250, 221], findingIds: ["helo-not-ehlo"] },
  // EHLO 127.0.0.1 accepted.
  "ehlo-bare-ip": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // EHLO ci-runner accepted.
  "ehlo-not-fqdn": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // 250 2.1.0 <>... Sender ok.
  "null-sender": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // 553 5.5.4 <ci-runner>... Domain name required for sender address ci-runner; RCPT's 503 5.0.0 is its consequence.
  "sender-no-domain": { verdict: "fail", codes: [...SESSION, 553, 503, 221], findingIds: ["syntax-error"], consequences: [5] },
  // AUTH PLAIN LOGIN after TLS (Cyrus offers only those), CRAM-MD5 asked: nothing sent.
  "auth-mechanism-not-offered": { verdict: "fail", codes: [...SESSION, 221], findingIds: ["auth-withheld"] },
  // No AUTH before TLS (AuthOptions=p).
  "auth-before-starttls": { verdict: "fail", codes: [220, 250, 221], findingIds: ["auth-withheld"] },
  // 252 2.5.2 Cannot VRFY user; try RCPT to attempt delivery (or try finger).
  vrfy: { verdict: "pass", codes: [...SESSION, 252, 221] },
  // 502 5.7.0 Sorry, we do not allow this operation (PrivacyOptions goaway/noexpn).
  expn: { verdict: "fail", codes: [...SESSION, 502, 221], findingIds: ["command-not-implemented"] },
  // SIZE without a limit (MaxMessageSize unset): SIZE=2000000000 is accepted at MAIL.
  "size-over-limit": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  "message-over-size": {
    notApplicable: "SIZE without a limit (MaxMessageSize unset): 40 MiB would really be delivered to the mbox",
    holds: (r) => r.extensions.includes("SIZE"),
  },
  // 1001 recipients accepted.
  "too-many-recipients": { verdict: "pass" },
  // No SMTPUTF8 (the SMTPUTF8 option is off): the RCPT is not sent.
  "smtputf8-recipient": { verdict: "fail", codes: [...SESSION, 250, null, 250, 221], findingIds: ["smtputf8-not-offered"] },
  // No CHUNKING: BDAT and its chunk are not sent (the chunk's lines would be read as commands); RSET, QUIT.
  bdat: { verdict: "fail", codes: [...SESSION, 250, 250, null, 250, 221], findingIds: ["chunking-not-offered", "message-not-sent"] },
  // 421 4.5.0 Bare linefeed (LF) / carriage return (CR) not allowed and a close for every variant with a bare LF or CR: Debian's 8.17.1.9 carries the fix.
  "smuggling-check": { verdict: "pass", findingIds: ["smtp-smuggling-ok"] },
};
