// Product recognition names a product only on what that product alone writes (src/knowledge/servers.ts).
import { describe, expect, it } from "vitest";
import { recogniseServer, type ReplySign } from "../../src/knowledge/servers.js";

const NEUTRAL = ["mx.example.com ESMTP"];
const reply = (code: number, ...lines: string[]): ReplySign => ({ code, enhanced: null, lines });
const familyOf = (...replies: ReplySign[]): string | null => recogniseServer({ banner: NEUTRAL, ehlo: [], replies })?.family ?? null;

describe("qmail is recognised by qmail-smtpd's and qmail-queue's own words, not by '(#x.y.z)' alone", () => {
  // qmail-smtpd.c and qmail.c (notqmail/notqmail): the replies qmail writes, each ending in its '(#x.y.z)'.
  it.each([
    "unimplemented (#5.5.1)",
    "syntax error (#5.5.4)",
    "MAIL first (#5.5.1)",
    "RCPT first (#5.5.1)",
    "unable to read controls (#4.3.0)",
    "out of memory (#4.3.0)",
    "sorry, that message size exceeds my databytes limit (#5.3.4)",
    "too many hops, this message is looping (#5.4.6)",
    "sorry, your envelope sender is in my badmailfrom list (#5.7.1)",
    "sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)",
    "qq write error or disk full (#4.3.0)",
    "qq temporary problem (#4.3.0)",
    "See http://pobox.com/~djb/docs/smtplf.html.",
  ])("%s → qmail", (text) => {
    expect(familyOf(reply(451, text))).toBe("qmail");
  });

  // Broadcom Email Security.cloud (formerly MessageLabs) ends its own wordings with '(#x.y.z)' too (knowledge.broadcom.com,
  // as quoted in sisimai/go-sisimai rhost/for-messagelabs.go).
  it.each([
    "sender envelope domain not allowed for sender IP address (#5.1.8)",
    "Invalid recipient <username@example.com> (#5.1.1)",
    "TLS/SSLv3 Connection required. (#4.7.1)",
    "Stray linefeeds in message (#5.6.2)",
    "too many messages (#4.3.0)",
  ])("%s → not qmail", (text) => {
    expect(familyOf(reply(550, text))).toBeNull();
  });
});

describe("Barracuda is recognised by its per-recipient result, with or without its banner", () => {
  it("550 permanent failure for one or more recipients (user@example.com:blocked) → barracuda", () => {
    expect(familyOf(reply(550, "permanent failure for one or more recipients (user@example.com:blocked)"))).toBe("barracuda");
  });
});

describe("Microsoft is recognised by the enhanced codes only it sends, not by Google's or the registry's", () => {
  const withCode = (code: number, enhanced: string): ReplySign => ({ code, enhanced, lines: [enhanced] });
  // Google's SMTP error reference uses 4.7.30 (DKIM), 5.7.32 (From alignment) and 4.7.40 (DMARC); X.7.30 is also the
  // registry's (RFC 8689, REQUIRETLS).
  it.each([[421, "4.7.30"], [550, "5.7.32"], [421, "4.7.40"]])("%i %s → not Microsoft", (code, enhanced) => {
    expect(familyOf(withCode(code, enhanced))).not.toBe("microsoft365");
  });
  it.each(["5.7.57", "5.7.64", "5.7.139", "5.7.708", "4.7.650", "5.7.750"])("%s → Microsoft 365", (enhanced) => {
    expect(familyOf(withCode(550, enhanced))).toBe("microsoft365");
  });
});

describe("Gmail is recognised by Google's own words, not by a common one", () => {
  it("'workspace' alone names no product; 'Google Workspace' does", () => {
    expect(familyOf(reply(550, "5.2.2 Mailbox of this workspace is full"))).toBeNull();
    expect(familyOf(reply(550, "5.7.0 Mail relay denied. Invalid credentials for relay for one of the domains of this Google Workspace account"))).toBe("gmail");
  });
});

describe("a domain in an address or a public list's zone is not the product's evidence", () => {
  it("x@outlook.com in any server's reply is not Outlook.com", () => {
    expect(familyOf(reply(550, "relaying denied for <x@outlook.com>"))).toBeNull();
    expect(familyOf(reply(550, "5.7.1 Unfortunately, messages from [192.0.2.1] weren't sent. [SC-001]"))).toBe("outlookcom");
  });
  it("Barracuda's public list queried by another MTA is not Barracuda; the appliance's own text is", () => {
    expect(familyOf(reply(554, "5.7.1 Service unavailable; Client host [192.0.2.7] blocked using b.barracudacentral.org"))).toBeNull();
    expect(familyOf(reply(554, "Service unavailable; Client host [192.0.2.1] blocked using Barracuda Reputation; http://bbl.barracudacentral.com/q.cgi?ip=192.0.2.1"))).toBe("barracuda");
  });
});

describe("a recipient at a filtering service's own domain is not that service", () => {
  it.each(["relaying denied for <x@mimecast.com>", "relaying denied for <x@proofpoint.com>"])("%s → none", (text) => {
    expect(familyOf(reply(550, text))).toBeNull();
  });
  it("Mimecast's own link still names it", () => {
    expect(familyOf(reply(451, "Internal resource temporarily unavailable - https://community.mimecast.com/docs/DOC-1369#451"))).toBe("mimecast");
  });
});

describe("Postfix with its banner customised is told by the order of its EHLO keywords (smtpd.c ehlo_cmd)", () => {
  const ehloOf = (...keywords: string[]) => recogniseServer({ banner: NEUTRAL, ehlo: ["mx.example.com", ...keywords], replies: [] })?.family ?? null;
  it.each([
    // The test matrix's Postfix (scripts/mta/postfix.sh), before and after STARTTLS.
    [["PIPELINING", "SIZE 10240000", "VRFY", "ETRN", "STARTTLS", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "CHUNKING"]],
    [["PIPELINING", "SIZE 10240000", "VRFY", "ETRN", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "CHUNKING"]],
    // disable_vrfy_command = yes, broken_sasl_auth_clients = yes, SMTPUTF8 on.
    [["PIPELINING", "SIZE 52428800", "ETRN", "STARTTLS", "AUTH PLAIN LOGIN", "AUTH=PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "SMTPUTF8", "CHUNKING"]],
    // postscreen's own EHLO (no PIPELINING), and a Postfix 2.x without CHUNKING.
    [["SIZE 10240000", "VRFY", "ETRN", "STARTTLS", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN"]],
    [["PIPELINING", "SIZE", "VRFY", "ETRN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN"]],
  ])("%j → postfix", (keywords) => {
    expect(ehloOf(...keywords)).toBe("postfix");
  });

  it.each([
    // Sendmail (DSN between SIZE and ETRN), Exim, OpenSMTPD, Haraka, aiosmtpd: the matrix's servers.
    [["ENHANCEDSTATUSCODES", "PIPELINING", "8BITMIME", "SIZE", "DSN", "ETRN", "STARTTLS", "DELIVERBY", "HELP"]],
    [["SIZE 10485760", "8BITMIME", "PIPELINING", "PIPECONNECT", "CHUNKING", "STARTTLS", "SMTPUTF8", "HELP"]],
    [["8BITMIME", "ENHANCEDSTATUSCODES", "SIZE 36700160", "DSN", "STARTTLS", "HELP"]],
    [["PIPELINING", "8BITMIME", "SMTPUTF8", "SIZE 26214400", "STARTTLS"]],
    [["SIZE 33554432", "8BITMIME", "STARTTLS", "HELP"]],
    // Postfix's first keywords in another order after ETRN (STARTTLS last, as some other servers write): not Postfix's code.
    [["PIPELINING", "SIZE 52428800", "ETRN", "AUTH PLAIN LOGIN", "ENHANCEDSTATUSCODES", "8BITMIME", "DSN", "CHUNKING", "STARTTLS"]],
    // Microsoft Exchange and Gmail.
    [["SIZE 37748736", "PIPELINING", "DSN", "ENHANCEDSTATUSCODES", "STARTTLS", "8BITMIME", "BINARYMIME", "CHUNKING", "SMTPUTF8"]],
    [["SIZE 157286400", "8BITMIME", "STARTTLS", "ENHANCEDSTATUSCODES", "PIPELINING", "CHUNKING", "SMTPUTF8"]],
  ])("%j → not postfix", (keywords) => {
    expect(ehloOf(...keywords)).not.toBe("postfix");
  });
});

describe("Sendmail with its banner customised is told by DELIVERBY (RFC 2852), which its srvrsmtp.c advertises", () => {
  const ehloOf = (...keywords: string[]) => recogniseServer({ banner: NEUTRAL, ehlo: ["mx.example.com", ...keywords], replies: [] })?.family ?? null;
  it("the matrix's Sendmail EHLO → sendmail; without DELIVERBY, nothing", () => {
    const sendmail = ["ENHANCEDSTATUSCODES", "PIPELINING", "8BITMIME", "SIZE", "DSN", "ETRN", "STARTTLS", "DELIVERBY", "HELP"];
    expect(ehloOf(...sendmail)).toBe("sendmail");
    expect(ehloOf(...sendmail.filter((k) => k !== "DELIVERBY"))).toBeNull();
  });
});

describe("Exim with its banner customised is told by PIPECONNECT, its early pipelining", () => {
  const ehloOf = (...keywords: string[]) => recogniseServer({ banner: NEUTRAL, ehlo: ["mx.example.com", ...keywords], replies: [] })?.family ?? null;
  it("the matrix's Exim EHLO → exim; without PIPECONNECT, nothing", () => {
    const exim = ["SIZE 10485760", "8BITMIME", "PIPELINING", "PIPECONNECT", "CHUNKING", "STARTTLS", "SMTPUTF8", "HELP"];
    expect(ehloOf(...exim)).toBe("exim");
    expect(ehloOf("SIZE 10485760", "8BITMIME", "PIPELINING", "X_PIPE_CONNECT", "HELP")).toBe("exim");
    expect(ehloOf(...exim.filter((k) => k !== "PIPECONNECT"))).toBeNull();
  });
});
