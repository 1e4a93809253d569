// The cause decision (knowledge/root-cause.ts) over wordings of the corpus's products that the
// corpus does not hold: each product's general wording must decide, not one exact message.
// Families are given as recognition would give them (null where the reply alone must decide).
import { describe, expect, it } from "vitest";
import { causesOfCode, decideCause, enhancedOf } from "../../src/knowledge/root-cause.js";
import { replyWords } from "../../src/protocol/reply.js";
import type { ServerFamily } from "../../src/knowledge/servers.js";
import type { RootCause } from "../../src/model/enums.js";

type Row = [ServerFamily | null, string, number, string | null, string, RootCause];

const ROWS: Row[] = [
  // Postfix
  ["postfix", "RCPT", 450, "4.1.1", "<x@example.com>: Recipient address rejected: unverified address: host mx[192.0.2.1] said: 550 5.1.1 unknown", "unknown-recipient"],
  ["postfix", "RCPT", 450, "4.7.1", "Client host rejected: cannot find your reverse hostname, [192.0.2.7]", "ptr-missing"],
  // Undecided by the words: a login on a submission port, or the client's address (the conversation tells).
  ["postfix", "RCPT", 554, "5.7.1", "<x@example.com>: Client host rejected: Access denied", "other"],
  ["postfix", "RCPT", 554, "5.7.1", "<x@example.com>: Client host rejected: blocked by local policy", "ip-reputation"],
  ["postfix", "RCPT", 550, "5.1.0", "<a@example.com>: Sender address rejected: User unknown in local recipient table", "sender-rejected"],
  ["postfix", "RCPT", 554, "5.7.1", "<a@example.net>: Sender address rejected: Access denied", "sender-rejected"],
  ["postfix", "MAIL", 451, "4.3.5", "Server configuration problem", "other"],
  ["postfix", "END-OF-DATA", 451, "4.3.0", "Error: queue file write error", "server-resource"],
  ["postfix", "AUTH", 503, "5.5.1", "Error: authentication not enabled", "auth-mechanism"],
  ["postfix", "AUTH", 503, "5.5.1", "Error: already authenticated", "bad-sequence"],
  ["postfix", "AUTH", 454, "4.7.0", "Temporary authentication failure", "server-lookup-failure"],
  ["postfix", "EHLO", 501, "5.5.2", "<bad_name>: Helo command rejected: Invalid name", "helo-rejected"],
  ["postfix", "RCPT", 450, "4.2.0", "<x@example.com>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.com.html", "greylisted"],
  // Exim
  ["exim", "RCPT", 550, null, "Administrative prohibition", "other"],
  ["exim", "RCPT", 451, null, "Temporary local problem - please try later", "other"],
  ["exim", "DATA", 503, null, "valid RCPT command must precede DATA", "bad-sequence"],
  ["exim", "AUTH", 435, null, "Unable to authenticate at present", "server-lookup-failure"],
  ["exim", "CONNECT", 421, null, "mail.example.com Too many concurrent SMTP connections from this IP address; please try again later.", "rate-limited"],
  ["exim", "RCPT", 550, null, "rejected because 192.0.2.7 is in a black list at zen.spamhaus.org", "ip-reputation"],
  ["exim", "MAIL", 501, null, "<a@>: malformed address: @> may not follow <a", "syntax-error"],
  // Sendmail
  ["sendmail", "CONNECT", 421, "4.3.2", "Connection rate limit exceeded.", "rate-limited"],
  ["sendmail", "CONNECT", 421, "4.3.2", "Too many open connections.", "rate-limited"],
  ["sendmail", "RCPT", 503, "5.0.0", "Need MAIL before RCPT", "bad-sequence"],
  ["sendmail", "MAIL", 501, "5.5.2", "Syntax error in parameters scanning \"from\"", "syntax-error"],
  ["sendmail", "MAIL", 451, "4.1.8", "Domain of sender address a@example.invalid does not resolve", "sender-rejected"],
  ["sendmail", "END-OF-DATA", 550, "5.7.1", "Blocked by SpamAssassin", "content-rejected"],
  // OpenSMTPD
  ["opensmtpd", "MAIL", 530, "5.5.1", "Invalid command: Must issue an AUTH command first", "auth-required"],
  ["opensmtpd", "EHLO", 503, "5.5.1", "Invalid command: Already identified", "bad-sequence"],
  ["opensmtpd", "RCPT", 501, "5.5.4", "Invalid command arguments", "syntax-error"],
  // Haraka, aiosmtpd, qmail, Courier
  ["haraka", "END-OF-DATA", 554, null, "Your message failed DKIM verification", "spf-dkim-dmarc"],
  ["haraka", "MAIL", 550, null, "Authentication required", "auth-required"],
  ["aiosmtpd", "AUTH", 504, "5.5.4", "Unrecognized authentication type", "auth-mechanism"],
  ["aiosmtpd", "RCPT", 503, null, "Error: need MAIL command", "bad-sequence"],
  [null, "RCPT", 550, null, "sorry, no mailbox here by that name. (#5.1.1)", "unknown-recipient"],
  [null, "END-OF-DATA", 451, null, "qq temporary problem (#4.3.0)", "server-resource"],
  [null, "RCPT", 451, null, "DNS temporary failure (#4.3.0)", "server-lookup-failure"],
  [null, "MAIL", 553, null, "sorry, your envelope sender domain must exist (#5.7.1)", "sender-rejected"],
  ["courier", "CONNECT", 421, null, "Too many connections from your IP address.", "rate-limited"],
  // Microsoft
  ["microsoft365", "RCPT", 550, "5.1.10", "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", "unknown-recipient"],
  ["microsoft365", "CONNECT", 550, "5.7.606", "Access denied, banned sending IP [192.0.2.7]. To request removal from this list please visit https://sender.office.com/", "ip-reputation"],
  ["microsoft365", "MAIL", 530, "5.7.57", "Client not authenticated to send mail. Error: 535 5.7.139", "auth-required"],
  ["microsoft365", "MAIL", 550, "5.7.60", "SMTP; Client does not have permissions to send as this sender", "sender-not-authorized"],
  ["microsoft365", "RCPT", 554, "5.2.2", "mailbox full; STOREDRV.Deliver.Exception:QuotaExceededException", "mailbox-full"],
  ["microsoft365", "AUTH", 535, "5.7.30", "Basic authentication is not supported for Client Submission", "basic-auth-disabled"],
  ["exchange", "EHLO", 501, "5.5.4", "Invalid domain name", "helo-rejected"],
  ["exchange", "MAIL", 530, "5.7.1", "Client was not authenticated", "auth-required"],
  [null, "MAIL", 452, "4.3.1", "Insufficient system resources", "server-resource"],
  // Gmail, Yahoo, iCloud, Mimecast, Proofpoint
  ["gmail", "RCPT", 550, "5.1.1", "The email account that you tried to reach does not exist.", "unknown-recipient"],
  ["gmail", "RCPT", 550, "5.2.1", "The email account that you tried to reach is disabled.", "mailbox-disabled"],
  ["gmail", "END-OF-DATA", 421, "4.7.28", "Our system has detected an unusual rate of unsolicited mail originating from your IP address.", "ip-reputation"],
  ["gmail", "END-OF-DATA", 550, "5.7.1", "The IP you're using to send mail is not authorized to send email directly to our servers.", "ip-reputation"],
  ["gmail", "END-OF-DATA", 550, "5.7.1", "Messages missing a valid address in From: header are not accepted.", "content-rejected"],
  ["gmail", "AUTH", 534, "5.7.14", "Please log in via your web browser and then try again.", "app-password-required"],
  ["gmail", "AUTH", 534, "5.7.9", "Application-specific password required.", "app-password-required"],
  ["gmail", "END-OF-DATA", 550, "5.7.32", "Your email has been blocked because the sender is not authenticated and the From header isn't aligned with either the authenticated SPF or DKIM organizational domain.", "spf-dkim-dmarc"],
  ["yahoo", "CONNECT", 553, "5.7.1", "[BL21] Connections will not be accepted from 192.0.2.7, because the ip is in Spamhaus's list", "ip-reputation"],
  ["yahoo", "MAIL", 421, "4.7.0", "[TSS04] Messages from 192.0.2.7 temporarily deferred due to unexpected volume or user complaints", "ip-reputation"],
  ["yahoo", "RCPT", 554, null, "delivery error: dd Sorry your message to x@yahoo.com cannot be delivered. This mailbox is disabled (554.30)", "mailbox-disabled"],
  ["icloud", "RCPT", 550, "5.1.1", "<x@icloud.com>: user does not exist", "unknown-recipient"],
  ["mimecast", "RCPT", 550, null, "Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550", "unknown-recipient"],
  ["mimecast", "RCPT", 451, null, "Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451", "greylisted"],
  [null, "RCPT", 451, null, "Internal resource temporarily unavailable", "server-resource"],
  [null, "MAIL", 550, "5.2.2", "Submission quota exceeded", "rate-limited"],
  ["proofpoint", "CONNECT", 554, null, "Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.7", "ip-reputation"],
];

describe("decideCause over the products' general wording", () => {
  it.each(ROWS)("%s %s %i %s %s → %s", (family, phase, code, enhanced, text, cause) => {
    expect(decideCause({ family, phase, code, enhanced, text }).cause).toBe(cause);
  });

  it("respects the class: no greylisting or lookup failure for a 5xx, no retry-later for a policy 5.7.x", () => {
    expect(decideCause({ family: null, phase: "RCPT", code: 550, enhanced: "5.7.1", text: "Greylisted, try again later" }).cause).not.toBe("greylisted");
    expect(decideCause({ family: null, phase: "RCPT", code: 550, enhanced: "5.7.1", text: "Access denied" }).cause).not.toBe("unknown-recipient");
    expect(decideCause({ family: null, phase: "RCPT", code: 451, enhanced: "4.3.0", text: "Temporary lookup failure" }).cause).toBe("server-lookup-failure");
  });

  it("words that leave the cause to the conversation do not outweigh a policy subject (X.7.x); other subjects keep them", () => {
    const facts = { family: null, phase: "RCPT", code: 550, text: "Invalid recipient <user@example.com>" };
    expect(decideCause({ ...facts, enhanced: "5.7.1" }).cause).not.toBe("unknown-recipient");
    expect(decideCause({ ...facts, enhanced: "5.1.1" }).cause).toBe("unknown-recipient");
    expect(decideCause({ ...facts, enhanced: "5.5.0", text: "Requested action not taken: mailbox unavailable" }).cause).toBe("unknown-recipient");
  });

  it("a real unknown address under 5.7.x is still one when its own words say so, not by the words the veto sets aside", () => {
    const facts = { family: "postfix" as const, phase: "RCPT", code: 554, enhanced: "5.7.1" };
    expect(decideCause({ ...facts, text: "<user@example.com>: Recipient address rejected: Invalid user" }).cause).toBe("unknown-recipient");
    expect(decideCause({ ...facts, text: "<user@example.com>: Recipient address rejected: Access denied" }).cause).not.toBe("unknown-recipient");
    // A malformed mailbox name is the address's syntax, not an unknown user.
    expect(decideCause({ family: null, phase: "RCPT", code: 553, enhanced: "5.1.3", text: "Invalid mailbox name" }).cause).toBe("syntax-error");
  });

  it("greylisting by its words or by a filter's bare reply after the message, not a bare 'try again later' before it", () => {
    const bare = { family: null, code: 451, enhanced: "4.7.1", text: "Try again later" };
    expect(decideCause({ ...bare, phase: "END-OF-DATA" }).cause).toBe("greylisted");
    expect(decideCause({ ...bare, phase: "RCPT" }).cause).toBe("other");
    expect(decideCause({ ...bare, phase: "END-OF-DATA", enhanced: "4.3.0" }).cause).not.toBe("greylisted");
    const greylistd = "192.0.2.7 is not yet authorized to deliver mail from <a@example.com> to <b@example.net>. Please try later.";
    expect(decideCause({ family: "exim", phase: "RCPT", code: 451, enhanced: null, text: greylistd }).cause).toBe("greylisted");
    expect(decideCause({ family: "exim", phase: "RCPT", code: 550, enhanced: null, text: greylistd }).cause).not.toBe("greylisted");
  });

  it("a suspended or deactivated mailbox is the recipient's, not a login's; Sendmail's 'encryption too weak' is STARTTLS only at 0 bits", () => {
    expect(decideCause({ family: null, phase: "RCPT", code: 550, enhanced: null, text: "User suspended" }).cause).toBe("mailbox-disabled");
    expect(decideCause({ family: null, phase: "AUTH", code: 535, enhanced: null, text: "User suspended" }).cause).not.toBe("mailbox-disabled");
    const weak = { family: "sendmail" as const, phase: "MAIL", code: 403, enhanced: "4.7.0" };
    expect(decideCause({ ...weak, text: "encryption too weak 0 less than 128" }).cause).toBe("tls-required");
    expect(decideCause({ ...weak, text: "encryption too weak 56 less than 128" }).cause).not.toBe("tls-required");
  });

  it("reads a block 'for spam' as the client's before the message and as the content's after it", () => {
    expect(decideCause({ family: null, phase: "CONNECT", code: 554, enhanced: null, text: "mx.example.net 192.0.2.7 block for spam" }).cause).toBe("ip-reputation");
    expect(decideCause({ family: null, phase: "END-OF-DATA", code: 550, enhanced: null, text: "Message blocked for spam" }).cause).toBe("content-rejected");
  });

  it("says so when the basic code alone does not decide (451 without words)", () => {
    const d = decideCause({ family: null, phase: "RCPT", code: 451, enhanced: null, text: "Requested action aborted" });
    expect(d.cause).toBe("other");
    expect(d.also).toEqual(expect.arrayContaining(["server-lookup-failure", "server-resource", "greylisted"]));
  });

  it("a vendor's meaning applies only to that vendor: 5.1.10 is null MX at Postfix, an unknown recipient at Microsoft", () => {
    const facts = { phase: "RCPT", code: 550, enhanced: "5.1.10", text: "Recipient address rejected" };
    expect(decideCause({ ...facts, family: "postfix" }).cause).toBe("null-mx");
    expect(decideCause({ ...facts, family: "microsoft365" }).cause).toBe("unknown-recipient");
    const spf = { phase: "END-OF-DATA", code: 550, enhanced: "5.7.27", text: "Message rejected" };
    expect(decideCause({ ...spf, family: "gmail" }).cause).toBe("spf-dkim-dmarc");
    expect(decideCause({ ...spf, family: null }).cause).toBe("null-mx");
  });

  it("reads the enhanced code qmail and Cisco write into the text", () => {
    expect(enhancedOf(null, "sorry, that message size exceeds my databytes limit (#5.3.4)")).toBe("5.3.4");
    expect(enhancedOf(null, "#4.4.3 Temporary error occurred during SPF verification.")).toBe("4.4.3");
    expect(enhancedOf("5.1.1", "(#5.3.4)")).toBe("5.1.1");
  });

  // RFC 3463 §2 (and RFC 2034 §4): the enhanced code starts the text of each line of the reply; what a product writes
  // begins after it, so a sign anchored at the start of the product's words matches with or without one.
  it("reads the words after the reply code and the enhanced code of each line, so anchored signs match", () => {
    expect(replyWords(["4.7.1 Please try again later."])).toBe("Please try again later.");
    expect(replyWords(["451 4.7.1 Please try again later."])).toBe("Please try again later.");
    expect(replyWords(["5.7.1 first line", "5.7.1 second line"])).toBe("first line second line");
    expect(replyWords(["#4.4.3 Temporary error occurred during SPF verification."])).toBe("#4.4.3 Temporary error occurred during SPF verification.");
    expect(replyWords(["5.3.4 is the limit"])).toBe("is the limit");
    const hmail = { family: "hmailserver" as const, phase: "RCPT", code: 451 };
    expect(decideCause({ ...hmail, enhanced: null, text: "Please try again later." }).cause).toBe("greylisted");
    expect(decideCause({ ...hmail, enhanced: "4.7.1", text: "4.7.1 Please try again later." }).cause).toBe("greylisted");
    expect(decideCause({ ...hmail, enhanced: "4.7.1", text: replyWords(["4.7.1 Please try again later."]) }).cause).toBe("greylisted");
    // Unanchored signs read the same words.
    expect(decideCause({ family: null, phase: "RCPT", code: 550, enhanced: "5.1.1", text: "5.1.1 <x@example.com>: Recipient address rejected: User unknown" }).cause).toBe("unknown-recipient");
  });

  it("the bounds of sweep 14's signs (security gateways and hosted filters)", () => {
    const at = (phase: string, code: number, text: string) => decideCause({ family: null, phase, code, enhanced: null, text }).cause;
    // MailChannels' [S09] is its greylisting only as a transient reply.
    expect(at("RCPT", 450, "[S09] Try Again Later")).toBe("greylisted");
    expect(at("RCPT", 550, "[S09] Try Again Later")).not.toBe("greylisted");
    // "Not authorized to send from <domain>" is the account's sending right; with SPF or an IP it is the domain's SPF.
    expect(at("MAIL", 550, "This sender is not authorized to send from example.com")).toBe("sender-not-authorized");
    expect(at("MAIL", 550, "SPF: 192.0.2.1 is not authorized to send from example.com")).toBe("spf-dkim-dmarc");
    expect(at("MAIL", 550, "Sender prohibited by SPF")).toBe("spf-dkim-dmarc");
    // A file extension or macros are the attachment's only after the message; the client's block list stays the IP's.
    expect(at("END-OF-DATA", 550, "Blacklisted high risk file extension detected")).toBe("content-rejected");
    expect(at("END-OF-DATA", 552, "MS-Office file containing VBA macros found inside of the email")).toBe("content-rejected");
    expect(at("CONNECT", 554, "Client host [192.0.2.1] blacklisted")).toBe("ip-reputation");
    // The receiver's own list of senders, not a DNSBL; a listed IP stays the IP's.
    expect(at("MAIL", 551, "Sender is on domain's blacklist")).toBe("sender-rejected");
    expect(at("MAIL", 550, "Sender 192.0.2.1 is on the Spamhaus blacklist")).toBe("ip-reputation");
  });

  it("causesOfCode never lists a cause the class rules out", () => {
    for (const code of [421, 450, 451, 452, 500, 501, 502, 503, 504, 530, 535, 550, 552, 553, 554]) {
      const cls = code >= 500 ? "permanent" : "transient";
      for (const c of causesOfCode(code, null)) if (cls === "permanent") expect([c.cause, ...c.also], String(code)).not.toContain("greylisted");
    }
  });
});
