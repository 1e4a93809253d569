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

  // Sender-side mistakes (docs/testing.md, "Sender paths").
  // HELO gets a bare 250 (no extensions); STARTTLS is still accepted (220), the second HELO lists no AUTH either: credentials withheld.
  "helo-legacy": { verdict: "fail", codes: [220, 250, 220, 250, 221], findingIds: ["helo-not-ehlo"] },
  // No smtpd_helo_restrictions: EHLO 127.0.0.1 is accepted; the notice says what RFC 5321 §4.1.4 wants.
  "ehlo-bare-ip": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // EHLO ci-runner accepted (reject_non_fqdn_helo_hostname is not set).
  "ehlo-not-fqdn": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // MAIL FROM:<> 250 2.1.0 Ok (RFC 5321 §4.5.5).
  "null-sender": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // MAIL FROM:<ci-runner> 250 2.1.0 Ok: Postfix appends $myorigin (no reject_non_fqdn_sender); a notice.
  "sender-no-domain": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["address-without-domain"] },
  // AUTH PLAIN LOGIN offered, CRAM-MD5 asked: nothing sent.
  "auth-mechanism-not-offered": { verdict: "fail", codes: [...SESSION, 221], findingIds: ["auth-withheld"] },
  // Postfix offers AUTH PLAIN LOGIN before TLS too (smtpd_tls_auth_only = no), but with tls: starttls smtp-gate sends credentials only over TLS.
  "auth-before-starttls": { verdict: "fail", codes: [220, 250, 221], findingIds: ["auth-withheld"] },
  // 252 2.0.0 tester@smtp-gate.test (disable_vrfy_command = no).
  vrfy: { verdict: "pass", codes: [...SESSION, 252, 221] },
  // 500 5.5.2 Error: command not recognized: Postfix has no EXPN.
  expn: { verdict: "fail", codes: [...SESSION, 500, 221], findingIds: ["command-unrecognized"] },
  // 552 5.3.4 Message size exceeds fixed limit (message_size_limit 10240000); the pipelined RCPT's 503 is its consequence.
  "size-over-limit": { verdict: "fail", codes: [...SESSION, 552, 503, 221], findingIds: ["message-too-large"], consequences: [5] },
  // SIZE= (42.5 MB) declared at MAIL: 552 5.3.4 Message size exceeds fixed limit; one finding, the server's.
  "message-over-size": { verdict: "fail", codes: [...SESSION, 552, 221], findingIds: ["message-too-large"] },
  // The 1001st RCPT: 452 4.5.3 Error: too many recipients (smtpd_recipient_limit 1000); a 4xx, so a warning.
  "too-many-recipients": { verdict: "warn", findingIds: ["too-many-recipients"] },
  // No SMTPUTF8 in the EHLO reply (smtputf8_enable = no): the RCPT is not sent.
  "smtputf8-recipient": { verdict: "fail", codes: [...SESSION, 250, null, 250, 221], findingIds: ["smtputf8-not-offered"] },
  // CHUNKING offered: BDAT 604 LAST answered 250 2.0.0 Ok: 604 bytes queued.
  bdat: { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // Postfix 3.7.11 with smtpd_forbid_bare_newline = no (and loopback in its exclusions): <LF>.<LF>, <LF>.<CR><LF>, <CR><LF>.<LF> end the data; the smuggled line draws 500 and "221 2.7.0 Error: I can break rules, too".
  "smuggling-check": { verdict: "fail", findingIds: ["smtp-smuggling"] },
};
