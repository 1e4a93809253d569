// Which block list or reputation system a reply names (src/knowledge/blocklists.ts), from real wordings.
import { describe, expect, it } from "vitest";
import { namedList } from "../../src/knowledge/blocklists.js";

describe("namedList", () => {
  it.each([
    ["Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.1", "zen.spamhaus.org", "check.spamhaus.org"],
    ["Service unavailable; Client host [192.0.2.1] blocked using KEY.zen.dq.spamhaus.net", "KEY.zen.dq.spamhaus.net", "check.spamhaus.org"],
    ["[BL23] Connections not accepted from IP addresses on Spamhaus XBL; see http://postmaster.yahoo.com/errors/550-bl23.html", "Spamhaus XBL", "check.spamhaus.org"],
    ["Service unavailable, MailFrom domain is listed in Spamhaus. To request removal from this list see https://www.spamhaus.org/query", "Spamhaus", "check.spamhaus.org"],
    ["Service unavailable; Client host [192.0.2.1] blocked using bl.spamcop.net", "bl.spamcop.net", "www.spamcop.net/bl.shtml"],
    ["Service unavailable; Client host [server1.mail.com] blocked using Barracuda Reputation; http://bbl.barracudacentral.com/q.cgi?ip=192.0.2.1", "Barracuda Reputation", "www.barracudacentral.org/lookups"],
    ["Service unavailable; Client host [192.0.2.1] blocked using dnsbl-1.uceprotect.net; IP 192.0.2.1 is UCEPROTECT-Level1 listed.", "dnsbl-1.uceprotect.net", "www.uceprotect.net/en/rblcheck.php"],
    ["Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.7", "Proofpoint's IP reputation", "ipcheck.proofpoint.com"],
    ["The sender is in a black list rbl.baruwa.net", "rbl.baruwa.net", null],
    ["example.com is blacklisted at nomail.rhsbl.sorbs.net", "nomail.rhsbl.sorbs.net", null],
  ])("%s → %s", (text, name, lookup) => {
    expect(namedList(text)).toEqual({ name, lookup });
  });

  it.each([
    "This message is suspicious due to the very low reputation of the sending IP address.",
    "Your IP address has been blocked",
    "Client host rejected: Access denied",
    "IP address 198.51.100.5 rejected [IP reputation fail]",
  ])("%s → none", (text) => {
    expect(namedList(text)).toBeNull();
  });
});
