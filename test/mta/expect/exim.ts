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

  // Sender-side mistakes (docs/testing.md, "Sender paths").
  // 503 STARTTLS command used when not advertised (after HELO nothing is).
  "helo-legacy": { verdict: "fail", codes: [220, 250, 503, 221], findingIds: ["helo-not-ehlo"] },
  // EHLO 127.0.0.1 accepted (no HELO ACL).
  "ehlo-bare-ip": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // EHLO ci-runner accepted.
  "ehlo-not-fqdn": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221], findingIds: ["helo-name-form"] },
  // MAIL FROM:<> OK.
  "null-sender": { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // 501 <ci-runner>: sender address must contain a domain; the pipelined RCPT's 503 sender not yet given is its consequence.
  "sender-no-domain": { verdict: "fail", codes: [...SESSION, 501, 503, 221], findingIds: ["syntax-error"], consequences: [5] },
  // AUTH PLAIN LOGIN offered after TLS, CRAM-MD5 asked: nothing sent.
  "auth-mechanism-not-offered": { verdict: "fail", codes: [...SESSION, 221], findingIds: ["auth-withheld"] },
  // No AUTH before TLS; with tls: starttls smtp-gate would not send it in clear anyway.
  "auth-before-starttls": { verdict: "fail", codes: [220, 250, 221], findingIds: ["auth-withheld"] },
  // 252 Administrative prohibition (no acl_smtp_vrfy).
  vrfy: { verdict: "pass", codes: [...SESSION, 252, 221] },
  // 550 Administrative prohibition (no acl_smtp_expn): a policy refusal of EXPN, not a mailbox or relay refusal.
  expn: { verdict: "fail", codes: [...SESSION, 550, 221], findingIds: ["address-verification-refused"] },
  // 552 Message size exceeds maximum permitted (message_size_limit, SIZE 10485760).
  "size-over-limit": { verdict: "fail", codes: [...SESSION, 552, 503, 221], findingIds: ["message-too-large"], consequences: [5] },
  // SIZE= declared at MAIL: 552 Message size exceeds maximum permitted; one finding, the server's.
  "message-over-size": { verdict: "fail", codes: [...SESSION, 552, 221], findingIds: ["message-too-large"] },
  // 1001 recipients accepted.
  "too-many-recipients": { verdict: "pass" },
  // SMTPUTF8 offered: MAIL … SMTPUTF8, then 550 Unrouteable address for tëster@ (no such user).
  "smtputf8-recipient": { verdict: "fail", codes: [...SESSION, 250, 550, 250, 221], findingIds: ["unknown-user"] },
  // CHUNKING offered: BDAT answered "250- 604 byte chunk, total 604" / "250 OK id=…".
  bdat: { verdict: "pass", codes: [...SESSION, 250, 250, 250, 221] },
  // Debian's 4.96 carries the CVE-2023-51766 fix: every variant is content, answered once.
  "smuggling-check": { verdict: "pass", findingIds: ["smtp-smuggling-ok"] },
};
