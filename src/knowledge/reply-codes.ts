import type { ReplyCodeEntry } from "./types.js";

/**
 * SMTP reply codes: every code of RFC 5321 §4.2.2/§4.2.3 plus the ones added by
 * extensions (RFC 3207 STARTTLS, RFC 4954 AUTH, RFC 7504). One entry per code; where an
 * extension gives a code a second use, the entry says both and names both sources.
 *
 * A function, built on first use, rather than a constant: V8 compiles a function's literals only
 * when it first runs, so these texts cost nothing to a run that never reads them (a probe that
 * passes).
 */
export function replyCodes(): readonly ReplyCodeEntry[] {
  return (replyCodesTable ??= [
    {
      code: 211,
      meaning: "System status, or system help reply.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 214,
      meaning: "Help message: text meant for a human, usually the answer to HELP.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 220,
      meaning:
        "Service ready (the greeting banner). After STARTTLS, 220 means \"ready to start TLS\": the client must begin the TLS handshake now.",
      source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS)",
    },
    {
      code: 221,
      meaning: "Service closing transmission channel: the normal answer to QUIT.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 235,
      meaning: "Authentication succeeded.",
      source: "RFC 4954 §4, §6",
    },
    {
      code: 250,
      meaning: "Requested mail action okay, completed.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 251,
      meaning: "User not local; the server will forward to another path.",
      source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
    },
    {
      code: 252,
      meaning: "Cannot verify the user (VRFY), but the server will accept the message and attempt delivery.",
      source: "RFC 5321 §4.2.2, §4.2.3, §3.5.3",
    },
    {
      code: 334,
      meaning: "AUTH continuation: the server sends a (base64) challenge and waits for the client's response.",
      source: "RFC 4954 §4",
    },
    {
      code: 354,
      meaning: "Start mail input; end with <CRLF>.<CRLF>.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 421,
      meaning:
        "Service not available, closing transmission channel. The server is shutting the session; this is temporary.",
      source: "RFC 5321 §4.2.2, §4.2.3, §3.8",
    },
    {
      code: 432,
      meaning: "A password transition is needed: authenticate once with a plain mechanism so the server can set up the new one.",
      source: "RFC 4954 §6",
    },
    {
      code: 450,
      meaning: "Requested mail action not taken: mailbox unavailable (temporarily; e.g. mailbox busy or blocked for policy reasons).",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 451,
      meaning: "Requested action aborted: local error in processing (temporary).",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 452,
      meaning: "Requested action not taken: insufficient system storage (temporary). After RCPT it also means too many recipients for this transaction.",
      source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
    },
    {
      code: 454,
      meaning:
        "Temporary failure: TLS not available for a temporary reason (answer to STARTTLS), or temporary authentication failure (answer to AUTH).",
      source: "RFC 3207 §4 (STARTTLS); RFC 4954 §6 (AUTH)",
    },
    {
      code: 455,
      meaning: "Server unable to accommodate parameters (temporary): a MAIL FROM/RCPT TO parameter cannot be honoured right now.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 500,
      meaning:
        "Syntax error, command unrecognized (also: command line too long). Today a 500 rarely means the MTA itself is broken; usually something between the sender and the MTA changed the command, or the sender used something non-standard.",
      source: "RFC 5321 §4.2.2, §4.2.3; RFC 4954 §6",
    },
    {
      code: 501,
      meaning:
        "Syntax error in parameters or arguments. For STARTTLS: the command takes no parameters. For AUTH: the client cancelled the exchange or sent an invalid base64 response.",
      source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS); RFC 4954 §4 (AUTH)",
    },
    {
      code: 502,
      meaning:
        "Command not implemented: the server recognises the command but does not support it here. As with 500, a middle box is a frequent cause.",
      source: "RFC 5321 §4.2.2, §4.2.3, §4.2.4",
    },
    {
      code: 503,
      meaning: "Bad sequence of commands.",
      source: "RFC 5321 §4.2.2, §4.2.3, §4.1.4",
    },
    {
      code: 504,
      meaning: "Command parameter not implemented (e.g. an unsupported AUTH mechanism).",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 521,
      meaning: "Host does not accept mail: this server never accepts mail (e.g. a dummy MX or a host that only sends).",
      source: "RFC 7504 §3",
    },
    {
      code: 530,
      meaning:
        "Access denied: authentication required (RFC 4954), or \"must issue a STARTTLS command first\" (RFC 3207).",
      source: "RFC 4954 §6; RFC 3207 §4",
    },
    {
      code: 534,
      meaning: "Authentication mechanism is too weak for this user by server policy.",
      source: "RFC 4954 §6",
    },
    {
      code: 535,
      meaning: "Authentication credentials invalid.",
      source: "RFC 4954 §6",
    },
    {
      code: 538,
      meaning: "Encryption required for the requested authentication mechanism.",
      source: "RFC 4954 §6",
    },
    {
      code: 550,
      meaning:
        "Requested action not taken: mailbox unavailable (not found, no access) or refused by policy. Permanent.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 551,
      meaning: "User not local; the server will not forward, and may name the address to try instead.",
      source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
    },
    {
      code: 552,
      meaning: "Requested mail action aborted: exceeded storage allocation (message too big, or mailbox full).",
      source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
    },
    {
      code: 553,
      meaning: "Requested action not taken: mailbox name not allowed (syntax incorrect, or sender not permitted).",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 554,
      meaning:
        "Transaction failed (after DATA), or, in the greeting, no SMTP service here. Permanent.",
      source: "RFC 5321 §4.2.2, §4.2.3, §3.1",
    },
    {
      code: 555,
      meaning: "MAIL FROM/RCPT TO parameters not recognized or not implemented.",
      source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
      code: 556,
      meaning: "Domain does not accept mail: the recipient's domain declares it receives no mail (e.g. a null MX).",
      source: "RFC 7504 §4; RFC 7505",
    },
  ]);
}
let replyCodesTable: readonly ReplyCodeEntry[] | undefined;
