// Refusals about who sends, read as the product reads its own code (and headed as it reads it): Microsoft's recipients that take mail only
// from their own organisation (5.7.12, 5.7.133–5.7.136) are not "log in first"; its blocks of the sending tenant,
// account or domain (5.7.7xx, 5.7.50x, 5.7.800) are not an IP to delist; a domain's reputation or listing (Gmail,
// Spamhaus DBL, Outlook.com) is worked on at the domain; Yahoo's 5.7.9 and Mimecast's Anti-Spoofing policy say
// what they say. Each finding's fixes carry the right product's words and none of the wrong advice.
import { describe, expect, it } from "vitest";
import type { ProbeOutcome } from "../../src/engine/result.js";
import type { Finding } from "../../src/model/report.js";
import { prepareOutcome } from "../../src/diagnose/prepare.js";
import { rejectedSteps } from "../../src/diagnose/replies.js";
import { otherProducts } from "../support/product-words.js";
import { EHLO_PLAIN, afterTls, outcome, policy, tlsFacts } from "./fixtures.js";

const M365_MX = "S: 220 CY4PEPF0000EE3A.mail.protection.outlook.com Microsoft ESMTP MAIL Service ready at Mon, 1 Jan 2024 12:00:00 +0000";
const M365_SUBMISSION = "S: 220 MN2PR01CA0042.outlook.office365.com Microsoft ESMTP MAIL Service ready at Mon, 1 Jan 2024 12:00:00 +0000";
const EXCHANGE = "S: 220 mail1.example.com Microsoft ESMTP MAIL Service ready at Mon, 1 Jan 2024 12:00:00 +0000";
const OUTLOOK_COM = "S: 220 BN1PEPF00004680.mail.protection.outlook.com hotmail-com.olc.protection.outlook.com Microsoft ESMTP MAIL Service ready";
const GMAIL = "S: 220 mx.google.com ESMTP a1si123456wrb.1 - gsmtp";
const YAHOO = "S: 220 mta7.am0.yahoodns.net ESMTP ready";
const MIMECAST = "S: 220 eu-smtp-inbound-1.mimecast.com ESMTP";
const POSTFIX = "S: 220 mx.example.com ESMTP Postfix";
const EXIM = "S: 220 mx.example.com ESMTP Exim 4.96 Mon, 01 Jan 2024 12:00:00 +0000";
const UNKNOWN = "S: 220 mx.example.com ESMTP ready";

/** Delivery to an MX, refused at `at` (MAIL, RCPT or the end of the message) with `reply`. */
function delivery(banner: string, at: "MAIL" | "RCPT" | ".", reply: string): ProbeOutcome {
  const steps = ["C: MAIL FROM:<app@example.com>", at === "MAIL" ? reply : "S: 250 2.1.0 Sender OK"];
  if (at !== "MAIL") steps.push("C: RCPT TO:<team@example.net>", at === "RCPT" ? reply : "S: 250 2.1.5 Recipient OK");
  if (at === ".") steps.push("C: DATA", "S: 354 Start mail input", "C: .", reply);
  return outcome([banner, ...EHLO_PLAIN, ...steps], { port: 25 });
}

function refusal(p: ProbeOutcome): Finding {
  const fs = rejectedSteps(prepareOutcome(p), policy());
  expect(fs).toHaveLength(1);
  return fs[0] as Finding;
}

const LOG_IN = /\blog ?in\b|\bAUTH\b|credentials|password|username|authenticate (?:first|before)/i;
const DELIST_IP = /\bdelist|Look up the sending IP|\bSNDS\b|removal of the IP|IP'?s? (?:reputation|listing)/i;

function noOtherProduct(f: Finding, family: string | null): void {
  expect(f.fixes.flatMap((x) => otherProducts(x, family))).toEqual([]);
}

describe("a recipient that takes mail only from its own organisation is not 'log in first'", () => {
  const cases: [string, ProbeOutcome, string | null][] = [
    ["Microsoft 365 5.7.133 (group)", delivery(M365_MX, "RCPT", "S: 550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group"), "microsoft365"],
    ["Microsoft 365 5.7.12 (organisation)", delivery(M365_MX, ".", "S: 550 5.7.12 Sender was not authenticated by organization"), "microsoft365"],
    ["Microsoft 365 5.7.134 (mailbox)", delivery(M365_MX, "RCPT", "S: 550 5.7.134 Sender was not authenticated for mailbox"), "microsoft365"],
    ["Microsoft 365 5.7.136 (mail user)", delivery(M365_MX, "RCPT", "S: 550 5.7.136 Sender was not authenticated"), "microsoft365"],
    ["Exchange Server RESOLVER.RST.AuthRequired", delivery(EXCHANGE, "RCPT", "S: 550 5.7.1 RESOLVER.RST.AuthRequired; authentication required"), "exchange"],
  ];
  it.each(cases)("%s: ask the recipient; the recipient's setting is RequireSenderAuthenticationEnabled", (_n, p, family) => {
    const f = refusal(p);
    expect(f.cause).toBe("sender-rejected");
    expect(f.causes[0]).toMatch(/only from senders inside its own organisation/);
    expect(f.fixes[0]).toMatch(/^Only the recipient's organisation can change this: ask the recipient/);
    expect(f.fixes.join("\n")).toMatch(/Set-DistributionGroup GROUP -RequireSenderAuthenticationEnabled \$false/);
    expect(f.fixes.join("\n")).toMatch(/Require that all senders are authenticated/);
    for (const x of [...f.fixes, f.causes[0] as string]) expect(x).not.toMatch(LOG_IN);
    noOtherProduct(f, family);
  });

  it("an unrecognised server with Microsoft's words: the generic advice only, no Microsoft knob, no login", () => {
    const f = refusal(delivery(UNKNOWN, ".", "S: 550 5.7.12 Sender was not authenticated by organization"));
    expect(f.cause).toBe("sender-rejected");
    // The words name the product: the server is recognised as Microsoft 365 from them.
    expect(f.fixes.join("\n")).toMatch(/RequireSenderAuthenticationEnabled/);
    for (const x of f.fixes) expect(x).not.toMatch(LOG_IN);
  });

  it("a submission port that wants a login still says to log in (530 5.7.57, 530 5.7.0)", () => {
    const m365 = refusal(outcome([M365_SUBMISSION, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 530 5.7.57 Client not authenticated to send mail. [MN2PR01CA0042.prod.exchangelabs.com]"], { port: 587 }));
    expect(m365.cause).toBe("auth-required");
    expect(m365.fixes[0]).toMatch(/AUTH/);
    const plain = refusal(outcome([UNKNOWN, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 530 5.7.0 Authentication required"], { port: 587 }));
    expect(plain.cause).toBe("auth-required");
    expect(plain.fixes[0]).toMatch(/credentials .*AUTH/);
    noOtherProduct(plain, null);
  });
});

describe("Microsoft's blocks of the sending tenant, account or domain are fixed in the sender's Microsoft 365, not by delisting an IP", () => {
  const submit = (reply: string) => outcome([M365_SUBMISSION, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 250 2.1.0 Sender OK", "C: RCPT TO:<x@example.net>", "S: 250 2.1.5 Recipient OK", "C: DATA", "S: 354 Start mail input", "C: .", reply], { port: 587 });

  it("5.7.705 tenant has exceeded threshold: sender-rejected, the admin center and Microsoft Support", () => {
    const f = refusal(submit("S: 550 5.7.705 Access denied, tenant has exceeded threshold. For more information please go to http://go.microsoft.com/fwlink/?LinkId=524931 AS831"));
    expect(f.cause).toBe("sender-rejected");
    expect(f.causes[0]).toMatch(/blocked the sending tenant's outgoing mail/);
    expect(f.fixes[0]).toMatch(/Microsoft 365 admin center/);
    expect(f.fixes[0]).toMatch(/Restricted entities/);
    for (const x of [...f.fixes, ...f.causes]) expect(x).not.toMatch(DELIST_IP);
    noOtherProduct(f, "microsoft365");
  });

  it("5.7.708 traffic not accepted from this IP: the IP's reputation, lifted through Microsoft Support, not a blocklist", () => {
    const f = refusal(submit("S: 550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. For more information please go to https://go.microsoft.com/fwlink/?LinkID=526655 AS(7171)"));
    expect(f.cause).toBe("ip-reputation");
    expect(f.fixes[0]).toMatch(/Microsoft Support .*IP exception/);
    for (const x of f.fixes) expect(x).not.toMatch(DELIST_IP);
  });

  it("5.7.502 banned sender: the account, released in the Defender portal", () => {
    const f = refusal(submit("S: 550 5.7.502 Access denied, banned sender"));
    expect(f.cause).toBe("sender-rejected");
    expect(f.causes[0]).toMatch(/banned the sending account/);
    expect(f.fixes[0]).toMatch(/secure the account/);
    for (const x of f.fixes) expect(x).not.toMatch(DELIST_IP);
  });

  it("5.7.703: the sending organisation's own Tenant Allow/Block List", () => {
    const f = refusal(delivery(M365_SUBMISSION, "RCPT", "S: 550 5.7.703 Your message can't be delivered because messages to team@example.net are blocked by your organization using Tenant Allow Block List."));
    expect(f.cause).toBe("other");
    expect(f.causes[0]).toMatch(/own Tenant Allow\/Block List/);
    expect(f.fixes[0]).toMatch(/Tenant Allow\/Block Lists/);
    for (const x of f.fixes) expect(x).not.toMatch(DELIST_IP);
  });
});

describe("a domain's reputation or listing is worked on at the domain, never by delisting an IP", () => {
  const cases: [string, ProbeOutcome, string | null, RegExp][] = [
    ["Gmail 550 5.7.1 very low reputation of the sending domain",
      delivery(GMAIL, ".", "S: 550 5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of the sending domain. To best protect our users from spam, the message has been blocked. Please visit https://support.google.com/mail/answer/188131 for more information. a1si123456wrb.1 - gsmtp"),
      "gmail", /^Gmail: Postmaster Tools/],
    ["Gmail 421 4.7.28 unusual rate from your DKIM domain",
      delivery(GMAIL, ".", "S: 421 4.7.28 Gmail has detected an unusual rate of mail originating from your DKIM domain example.org. To protect our users from spam, mail has been temporarily rate limited. a1si123456wrb.1 - gsmtp"),
      "gmail", /^Gmail: Postmaster Tools/],
    ["Postfix reject_rhsbl_sender (Spamhaus DBL)",
      delivery(POSTFIX, "RCPT", "S: 554 5.7.1 Service unavailable; Sender address [app@example.com] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/dbl?domain=example.com"),
      "postfix", /^Work on the domain: .*check\.spamhaus\.org/],
    ["Outlook.com MailFrom domain listed in Spamhaus",
      delivery(OUTLOOK_COM, "MAIL", "S: 550 5.7.1 Service unavailable, MailFrom domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query"),
      "outlookcom", /^Work on the domain: .*check\.spamhaus\.org/],
  ];
  it.each(cases)("%s", (_n, p, family, first) => {
    const f = refusal(p);
    expect(f.cause).toBe("sender-rejected");
    expect(f.causes[0]).toMatch(/domain/);
    expect(f.causes[0]).not.toMatch(/connecting IP/);
    expect(f.fixes[0]).toMatch(first);
    expect(f.fixes.join("\n")).toMatch(/DMARC/);
    for (const x of f.fixes) expect(x).not.toMatch(DELIST_IP);
    // Not an account's sending limit or a login throttle: this is delivery to an MX.
    for (const x of f.fixes) expect(x).not.toMatch(/daily sending limit|login attempts/);
    noOtherProduct(f, family);
  });

  it("Gmail's IP wording stays the IP's", () => {
    const f = refusal(delivery(GMAIL, ".", "S: 421 4.7.0 This message is suspicious due to the very low reputation of the sending IP address. a1si123456wrb.1 - gsmtp"));
    expect(f.cause).toBe("ip-reputation");
  });
});

describe("Yahoo's 5.7.9 and Mimecast's Anti-Spoofing policy say what they say", () => {
  it("Yahoo 554 5.7.9 policy reasons: authentication first, content not ruled out", () => {
    const f = refusal(delivery(YAHOO, ".", "S: 554 5.7.9 Message not accepted for policy reasons. See https://postmaster.yahooinc.com/error-codes"));
    expect(f.cause).toBe("spf-dkim-dmarc");
    expect(f.causes.join("\n")).toMatch(/content filter|refused the message itself/);
    expect(f.fixes[0]).toMatch(/^Yahoo: senders must pass SPF or DKIM/);
    noOtherProduct(f, "yahoo");
  });

  it("an unrecognised 554 5.7.9 'not accepted for policy reasons' names both candidates, decides neither", () => {
    const f = refusal(delivery(UNKNOWN, ".", "S: 554 5.7.9 Message not accepted for policy reasons."));
    expect(f.cause).toBe("other");
    expect(f.causes[0]).toMatch(/sender authentication failed, or the content is refused/);
    noOtherProduct(f, null);
  });

  it("Mimecast Anti-Spoofing: the recipient's exception, then Mimecast's policy", () => {
    const f = refusal(delivery(MIMECAST, "MAIL", "S: 550 Anti-Spoofing policy - Inbound not allowed"));
    expect(f.cause).toBe("sender-rejected");
    expect(f.causes[0]).toMatch(/recipient organisation's own domains/);
    expect(f.fixes[0]).toMatch(/only the recipient's administrator can let it through/);
    expect(f.fixes.join("\n")).toMatch(/Mimecast \(the recipient's admin\): add an Anti-Spoofing policy that takes no action/);
    noOtherProduct(f, "mimecast");
  });
});

describe("a domain list's listing is of a name: the client's host name, the EHLO name, the sender's domain, a URL's domain", () => {
  // Postfix's default_rbl_reply ("$rbl_code Service unavailable; $rbl_class [$rbl_what] blocked using $rbl_domain"), with
  // the classes smtpd_check.c gives reject_rhsbl_client ("Client host"), reject_rhsbl_reverse_client ("Unverified Client
  // host"), reject_rhsbl_helo ("Helo command") and reject_rhsbl_sender ("Sender address").
  const cases: [string, ProbeOutcome, RegExp, RegExp][] = [
    ["reject_rhsbl_reverse_client", delivery(POSTFIX, "RCPT", "S: 554 5.7.1 Service unavailable; Unverified Client host [mail.example.com] blocked using dbl.spamhaus.org; https://www.spamhaus.org/query/domain/example.com"),
      /\(the client's host name is on a domain blocklist\)/, /PTR record in a domain of yours/],
    ["reject_rhsbl_client", delivery(POSTFIX, "RCPT", "S: 554 5.7.1 Service unavailable; Client host [mail.example.com] blocked using dbl.spamhaus.org"),
      /\(the client's host name is on a domain blocklist\)/, /PTR record in a domain of yours/],
    ["a client restriction's own text naming a domain list", delivery(POSTFIX, "RCPT", "S: 554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: listed, blocked using multi.surbl.org"),
      /\(the client's host name is on a domain blocklist\)/, /PTR record in a domain of yours/],
    ["reject_rhsbl_helo", outcome([POSTFIX, "C: EHLO mail.example.com", "S: 554 5.7.1 Service unavailable; Helo command [mail.example.com] blocked using dbl.spamhaus.org"], { port: 25 }),
      /\(the EHLO name's domain is on a domain blocklist\)/, /Announce a host name in a domain of yours/],
    ["reject_rhsbl_sender, in a sender restriction's own text", delivery(POSTFIX, "RCPT", "S: 554 5.7.1 <a@example.com>: Sender address rejected: blocked using dbl.spamhaus.org"),
      /\(the sender's domain is on a domain blocklist\)/, /^Work on the domain: .*check\.spamhaus\.org/],
    ["Gmail 4.7.28 by a URL domain", delivery(GMAIL, ".", "S: 421 4.7.28 Gmail has detected an unusual rate of unsolicited mail containing one of your URL domains. To protect our users from spam, mail with the URL has been temporarily rate limited. a1si123456wrb.1 - gsmtp"),
      /\(a URL domain in the message has a poor reputation\)/, /^Gmail: Postmaster Tools shows the domain's reputation/],
  ];
  it.each(cases)("%s: the listed name's fix, no IP delisting", (_n, p, headline, fix) => {
    const f = refusal(p);
    expect(f.message).toMatch(headline);
    expect(f.message).not.toMatch(/sending IP/);
    expect(f.fixes[0]).toMatch(fix);
    expect(f.causes[0]).toMatch(/not (?:of )?the sending IP|not on the sending IP/);
    for (const x of [...f.fixes, ...f.causes]) expect(x).not.toMatch(DELIST_IP);
    // Not a rate to lower, nor an envelope sender to fix.
    for (const x of f.fixes) expect(x).not.toMatch(/daily sending limit|reduce the (?:rate|number of connections)/i);
  });

  it("an IP list with a host name in brackets stays the IP's (Barracuda Reputation)", () => {
    const f = refusal(delivery(UNKNOWN, ".", "S: 554 Service unavailable; Client host [server1.mail.com] blocked using Barracuda Reputation; http://bbl.barracudacentral.com/q.cgi?ip=192.0.2.1"));
    expect(f.cause).toBe("ip-reputation");
  });

  it("reject_rbl_client's IP stays the IP's", () => {
    const f = refusal(delivery(POSTFIX, "RCPT", "S: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org"));
    expect(f.cause).toBe("ip-reputation");
    expect(f.message).toMatch(/\(the sending IP is refused\)/);
  });
});

describe("a product's reading of its code gives the headline, not the basic code's or the cause's usual words", () => {
  it("Microsoft 5.7.703: the Tenant Allow/Block List, not 'mailbox unavailable'", () => {
    const f = refusal(delivery(M365_SUBMISSION, "RCPT", "S: 550 5.7.703 Your message can't be delivered because messages to team@example.net are blocked by your organization using Tenant Allow Block List."));
    expect(f.message).toMatch(/\(the sending organisation's own Tenant Allow\/Block List blocks a recipient\)/);
    expect(f.message).not.toMatch(/mailbox unavailable/);
  });

  const groups: [string, ProbeOutcome, RegExp, RegExp][] = [
    ["Microsoft 5.7.133 (group)", delivery(M365_MX, "RCPT", "S: 550 5.7.133 RESOLVER.RST.SenderNotAuthenticatedForGroup; authentication required; Delivery restriction check failed because the sender was not authenticated when sending to this group"),
      /\(the recipient takes mail only from senders inside its own organisation\)/, /RequireSenderAuthenticationEnabled/],
    ["Exchange RESOLVER.RST.NotAuthorizedToGroup", delivery(EXCHANGE, "RCPT", "S: 550 5.7.1 RESOLVER.RST.NotAuthorizedToGroup; not authorized to send to the distribution list"),
      /\(the group or list takes mail only from the senders it allows\)/, /AcceptMessagesOnlyFromSendersOrMembers/],
    ["Exchange RESOLVER.RST.NotAuthorized", delivery(EXCHANGE, "RCPT", "S: 550 5.7.1 RESOLVER.RST.NotAuthorized; not authorized"),
      /\(the group or list takes mail only from the senders it allows\)/, /AcceptMessagesOnlyFromSendersOrMembers/],
    ["a list manager's posting restriction", delivery(UNKNOWN, "RCPT", "S: 550 5.7.1 <list@example.net>: you are not allowed to post to this mailing list"),
      /\(the group or list takes mail only from the senders it allows\)/, /^Only the recipient's side can change this/],
    ["a group without posting permission", delivery(UNKNOWN, "RCPT", "S: 550 5.7.1 You do not have permission to post messages to the group"),
      /\(the group or list takes mail only from the senders it allows\)/, /^Only the recipient's side can change this/],
  ];
  it.each(groups)("%s: the recipient's restriction heads the finding, not the envelope sender", (_n, p, headline, fix) => {
    const f = refusal(p);
    expect(f.cause).toBe("sender-rejected");
    expect(f.message).toMatch(headline);
    expect(f.message).not.toMatch(/envelope sender/);
    expect(f.fixes.join("\n")).toMatch(fix);
    for (const x of f.fixes) expect(x).not.toMatch(LOG_IN);
  });

  it("a sender the server refuses by its domain is still headed so", () => {
    const f = refusal(delivery(POSTFIX, "RCPT", "S: 450 4.1.8 <a@nonexistent.example>: Sender address rejected: Domain not found"));
    expect(f.message).toMatch(/\(the envelope sender is refused\)/);
  });
});

describe("replies of the second held-out sweep keep their advice in the reply's lane", () => {
  it("GoDaddy IB401 'Authentication not allowed on IBSMTP Servers': the submission server, not another mechanism or password", () => {
    const f = refusal(outcome(afterTls("C: AUTH PLAIN ***", "S: 535 Authentication not allowed on IBSMTP Servers. IB401"), { tlsMode: "starttls", tls: tlsFacts(), port: 25 }));
    expect(f.cause).toBe("auth-mechanism");
    expect(f.message).toMatch(/\(this server takes no logins/);
    expect(f.fixes[0]).toMatch(/provider's submission server/);
    for (const x of f.fixes) expect(x).not.toMatch(/password|mechanism the EHLO reply advertises/i);
  });

  it.each([
    ["Broadcom 'your email address has been blacklisted'", delivery(UNKNOWN, "MAIL", "S: 553 Sorry, your email address has been blacklisted"), null],
    ["smtpf 'sender <…> black listed'", delivery(UNKNOWN, "MAIL", "S: 550 5.7.1 sender <app@example.com> black listed #127"), null],
    ["Baruwa (Exim) 'the domain … is banned'", delivery(EXIM, "RCPT", "S: 550 The domain example.com is banned"), /`senders =` list/],
  ])("%s: the receiver's own list names the sender; ask the recipient, no DNS or IP fix", (_n, p, receiver) => {
    const f = refusal(p);
    expect(f.cause).toBe("sender-rejected");
    expect(f.message).toMatch(/\(the receiver's own block list names the sender\)/);
    expect(f.fixes[0]).toMatch(/^Ask the recipient, by another channel/);
    if (receiver) expect(f.fixes.join("\n")).toMatch(receiver);
    for (const x of f.fixes) expect(x).not.toMatch(/\bMX or A records\b|DELIST/i);
    for (const x of f.fixes) expect(x).not.toMatch(DELIST_IP);
  });

  it("Broadcom 'sender envelope domain not allowed for sender IP address': the account's registered domains, not a login or qmail's badmailfrom", () => {
    const f = refusal(delivery(UNKNOWN, "MAIL", "S: 550 sender envelope domain not allowed for sender IP address (#5.1.8)"));
    expect(f.cause).toBe("sender-not-authorized");
    expect(f.message).toMatch(/\(the sending domain is not registered for this IP at the service\)/);
    expect(f.fixes[0]).toMatch(/^Register and verify the sending domain/);
    for (const x of f.fixes) expect(x).not.toMatch(/badmailfrom|send-as|password/);
  });

  it("Postfix's milter tempfail (milter8.c): a milter deferred or did not answer, not a table lookup", () => {
    const f = refusal(delivery(POSTFIX, ".", "S: 451 4.7.1 Service unavailable - try again later"));
    expect(f.cause).toBe("other");
    expect(f.message).toMatch(/\(a milter deferred the message or did not answer\)/);
    expect(f.fixes.join("\n")).toMatch(/milter_default_action/);
    for (const x of f.fixes) expect(x).not.toMatch(/postmap -q|lookup error/);
  });

  it("a loop deferred with 450 4.4.6 is headed as a loop, not 'mailbox busy'", () => {
    const f = refusal(delivery(UNKNOWN, ".", "S: 450 4.4.6 Routing loop detected (G16)"));
    expect(f.message).toMatch(/\(a mail loop\)/);
    expect(f.fixes[0]).toMatch(/Received headers/);
  });

  it("GoDaddy IB501 'Blank From: addresses are not allowed': the message's From header, not the IP or SPF", () => {
    const f = refusal(delivery(UNKNOWN, ".", "S: 550 jane@coolexample.com Blank From: addresses are not allowed. Provide a valid From. IB501"));
    expect(f.cause).toBe("content-rejected");
    for (const x of f.fixes) expect(x).not.toMatch(/Look up the sending IP|SPF record/);
  });

  it("a greeting refusal naming the client's IP (T-Online 'IP=… (BL)') is the IP's, not a closed service", () => {
    const f = refusal(outcome(["S: 554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.) (BL)"], { port: 25 }));
    expect(f.cause).toBe("ip-reputation");
  });

  it("Orange 'Recipient overquota' under 5.1.1: a full mailbox, not an unknown user", () => {
    const f = refusal(delivery(UNKNOWN, "RCPT", "S: 552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]"));
    expect(f.cause).toBe("mailbox-full");
  });
});

describe("the IP's fix names the block list only when the reply names one", () => {
  const NAMES_A_LIST = /\bthe list the reply names\b|\bwhich the reply names\b|\bthe list it names\b|the reply names it\b/;
  it.each([
    ["Postfix reject_rbl_client, Spamhaus ZEN", delivery(POSTFIX, "RCPT", "S: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.7"), /^Look up the sending IP on zen\.spamhaus\.org, which the reply names \(lookup and removal: check\.spamhaus\.org\)/],
    ["SpamCop", delivery(UNKNOWN, "RCPT", "S: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.7"), /^Look up the sending IP on bl\.spamcop\.net, which the reply names \(lookup and removal: www\.spamcop\.net\/bl\.shtml\)/],
    ["Barracuda's zone", delivery(UNKNOWN, "RCPT", "S: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using b.barracudacentral.org"), /Look up the sending IP on b\.barracudacentral\.org, which the reply names \(lookup and removal: www\.barracudacentral\.org\/lookups\)/],
    ["a zone of the receiver's choosing", delivery(UNKNOWN, "RCPT", "S: 554 5.7.1 Service unavailable; Client host [192.0.2.7] blocked using dnsbl.example.net"), /^Look up the sending IP on dnsbl\.example\.net, which the reply names;/],
    ["Proofpoint's reputation page", delivery(UNKNOWN, "MAIL", "S: 554 Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.7"), /Look up the sending IP on Proofpoint's IP reputation, which the reply names \(lookup and removal: ipcheck\.proofpoint\.com\)/],
    ["Yahoo naming Spamhaus XBL", delivery(YAHOO, "RCPT", "S: 553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; see http://postmaster.yahoo.com/errors/550-bl23.html"), /Look up the sending IP on Spamhaus XBL, which the reply names \(lookup and removal: check\.spamhaus\.org\)/],
  ])("%s: the list it names, and where to look it up", (_n, p, first) => {
    const f = refusal(p);
    expect(f.cause).toBe("ip-reputation");
    expect(f.fixes.join("\n")).toMatch(first);
  });

  it.each([
    ["an IP blocked without a list", delivery(UNKNOWN, "RCPT", "S: 550 5.7.1 Your IP address has been blocked")],
    ["Gmail's IP reputation", delivery(GMAIL, ".", "S: 421 4.7.0 This message is suspicious due to the very low reputation of the sending IP address. a1si123456wrb.1 - gsmtp")],
    ["Postfix's client restriction without a list", delivery(POSTFIX, "RCPT", "S: 554 5.7.1 <unknown[192.0.2.7]>: Client host rejected: Too much spam from this IP")],
  ])("%s: how to find which list or reputation system, not 'the list the reply names'", (_n, p) => {
    const f = refusal(p);
    expect(f.cause).toBe("ip-reputation");
    for (const x of f.fixes) expect(x).not.toMatch(NAMES_A_LIST);
    expect(f.fixes.join("\n")).toMatch(/Find which list or reputation system refused the IP/);
  });

  it("Gmail's domain reputation names no list either", () => {
    const f = refusal(delivery(GMAIL, ".", "S: 550 5.7.1 Our system has detected that this message is likely suspicious due to the very low reputation of the sending domain. a1si123456wrb.1 - gsmtp"));
    for (const x of f.fixes) expect(x).not.toMatch(NAMES_A_LIST);
  });

  it("an undecided refusal's IP candidate does not claim a list either (Exim's 'Administrative prohibition')", () => {
    const f = refusal(outcome([EXIM, ...EHLO_PLAIN, "C: MAIL FROM:<app@example.com>", "S: 250 OK", "C: RCPT TO:<team@example.com>", "S: 550 Administrative prohibition"], { port: 25 }));
    expect(f.cause).toBe("other");
    expect(f.fixes.join("\n")).toMatch(/Find which list or reputation system refused the IP/);
    for (const x of f.fixes) expect(x).not.toMatch(NAMES_A_LIST);
  });
});

describe("the sixth sweep's readings head the finding and carry their own fixes", () => {
  it("postscreen's '450 4.3.2 Service currently unavailable' is its reconnect deferral, not a shutdown", () => {
    const f = refusal(delivery(POSTFIX, "RCPT", "S: 450 4.3.2 Service currently unavailable"));
    expect(f.cause).toBe("greylisted");
    expect(f.message).toMatch(/\(postscreen defers a new client until it reconnects\)/);
    expect(f.fixes.join("\n")).toMatch(/postscreen_access_list/);
  });

  it("postscreen's '550 5.5.1 Protocol error' after the greeting names its three tests, decides none", () => {
    const f = refusal(delivery(POSTFIX, "RCPT", "S: 550 5.5.1 Protocol error"));
    expect(f.cause).toBe("other");
    expect(f.message).toMatch(/\(postscreen refused the client for a protocol test\)/);
    expect(f.causes[0]).toMatch(/PREGREET, COMMAND PIPELINING, BARE NEWLINE/);
  });

  it("Exchange's RESOLVER.ADR.Ambiguous (X.1.4) is a duplicate address in the recipient's directory, not an unknown recipient", () => {
    const f = refusal(delivery(EXCHANGE, "RCPT", "S: 550 5.1.4 RESOLVER.ADR.Ambiguous; ambiguous address"));
    expect(f.cause).toBe("other");
    expect(f.message).toMatch(/\(the recipient address is ambiguous\)/);
    expect(f.fixes[0]).toMatch(/their directory has this address twice/);
  });
});

describe("Barracuda's per-recipient 'blocked' names no rule", () => {
  it("is headed as Barracuda's policy, its candidates named, its Message Log the next step", () => {
    const f = refusal(delivery(UNKNOWN, ".", "S: 550 permanent failure for one or more recipients (team@example.net:blocked)"));
    expect(f.cause).toBe("other");
    expect(f.message).toMatch(/\(Barracuda's policy blocked the message for the recipient\)/);
    expect(f.fixes[0]).toMatch(/Barracuda Message Log/);
    for (const x of f.fixes) expect(x).not.toMatch(/the list the reply names|which the reply names/);
  });
});

describe("Exchange Online's 5.7.520 is the sending organisation's forwarding policy", () => {
  it("headed so, fixed in the outbound spam filter policy, not as content or a listing", () => {
    const f = refusal(delivery(M365_SUBMISSION, ".", "S: 550 5.7.520 Access denied, Your organization does not allow external forwarding. Please contact your administrator for further assistance. AS(7555)"));
    expect(f.cause).toBe("other");
    expect(f.message).toMatch(/\(the sending organisation does not allow automatic forwarding outside it\)/);
    expect(f.fixes.join("\n")).toMatch(/On - Forwarding is enabled/);
    for (const x of f.fixes) expect(x).not.toMatch(DELIST_IP);
  });
});
