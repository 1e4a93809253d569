import type { EnhancedCodeEntry, Meaning } from "./types.js";

/** The registry every subject.detail entry below is listed in. */
export const ENHANCED_REGISTRY = "IANA SMTP Enhanced Status Codes registry";

/** Enhanced status classes (RFC 3463 §2, Status Code Structure). */
export const ENHANCED_CLASSES: readonly (Meaning & { class: 2 | 4 | 5; name: string })[] = [
  {
    class: 2,
    name: "success",
    meaning: "Success: the action was completed; the detail may report a transformation needed for delivery.",
    source: "RFC 3463 §2",
  },
  {
    class: 4,
    name: "persistent transient failure",
    meaning:
      "Persistent transient failure: the message as sent is valid, but a temporary condition stopped or delayed it; sending again later may succeed.",
    source: "RFC 3463 §2",
  },
  {
    class: 5,
    name: "permanent failure",
    meaning:
      "Permanent failure: not likely to succeed if resent in the same form; something must change first.",
    source: "RFC 3463 §2",
  },
];

/** Subject sub-codes (RFC 3463 §2), used when a detail code is not in the registry. */
export const ENHANCED_SUBJECTS: readonly { subject: number; meaning: string; source: string }[] = [
  { subject: 0, meaning: "Other or undefined status", source: "RFC 3463 §2" },
  { subject: 1, meaning: "Addressing status (the sender or recipient address)", source: "RFC 3463 §2" },
  { subject: 2, meaning: "Mailbox status (the recipient's mailbox)", source: "RFC 3463 §2" },
  { subject: 3, meaning: "Mail system status (the receiving system)", source: "RFC 3463 §2" },
  { subject: 4, meaning: "Network and routing status", source: "RFC 3463 §2" },
  { subject: 5, meaning: "Mail delivery protocol status", source: "RFC 3463 §2" },
  { subject: 6, meaning: "Message content or media status", source: "RFC 3463 §2" },
  { subject: 7, meaning: "Security or policy status", source: "RFC 3463 §2" },
];

/**
 * Every subject.detail entry of the IANA "SMTP Enhanced Status Codes" registry
 * (X.0.0, X.1.0–X.1.10, X.2.0–X.2.4, X.3.0–X.3.6, X.4.0–X.4.7, X.5.0–X.5.6,
 * X.6.0–X.6.10, X.7.0–X.7.30), with the RFC that defined each. Built on first use, as
 * replyCodes() is, and for the same reason.
 */
export function enhancedCodes(): readonly EnhancedCodeEntry[] {
  return (enhancedCodesTable ??= [
    // X.0.x: RFC 3463 §3.1
    {
      subject: 0, detail: 0,
      meaning: "Other undefined status: only the class of the problem is known.",
      source: "RFC 3463 §3.1",
    },

    // X.1.x: addressing, RFC 3463 §3.2 unless noted
    {
      subject: 1, detail: 0,
      meaning: "Other address status: something about an address caused the problem.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 1,
      meaning: "Bad destination mailbox address: the mailbox (left of the @) does not exist.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 2,
      meaning: "Bad destination system address: the domain (right of the @) does not exist or cannot receive mail.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 3,
      meaning: "Bad destination mailbox address syntax.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 4,
      meaning: "Destination mailbox address ambiguous: it matches more than one recipient.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 5,
      meaning: "Destination address valid (success).",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 6,
      meaning: "Destination mailbox has moved, no forwarding address.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 7,
      meaning: "Bad sender's mailbox address syntax.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 8,
      meaning: "Bad sender's system address: the sender's domain does not exist or cannot receive replies.",
      source: "RFC 3463 §3.2",
    },
    {
      subject: 1, detail: 9,
      meaning: "Message relayed to non-compliant mailer: the address was valid, but the message went to a system that cannot report further.",
      source: "RFC 3886",
    },
    {
      subject: 1, detail: 10,
      meaning: "Recipient address has null MX: the recipient's domain declares it accepts no mail.",
      source: "RFC 7505; RFC 7504",
    },

    // X.2.x: mailbox, RFC 3463 §3.3
    {
      subject: 2, detail: 0,
      meaning: "Other or undefined mailbox status: the mailbox exists, but something about it stopped delivery.",
      source: "RFC 3463 §3.3",
    },
    {
      subject: 2, detail: 1,
      meaning: "Mailbox disabled, not accepting messages.",
      source: "RFC 3463 §3.3",
    },
    {
      subject: 2, detail: 2,
      meaning: "Mailbox full: the recipient is over quota.",
      source: "RFC 3463 §3.3",
    },
    {
      subject: 2, detail: 3,
      meaning: "Message length exceeds the per-mailbox administrative limit.",
      source: "RFC 3463 §3.3",
    },
    {
      subject: 2, detail: 4,
      meaning: "Mailing list expansion problem.",
      source: "RFC 3463 §3.3",
    },

    // X.3.x: mail system, RFC 3463 §3.4 unless noted
    {
      subject: 3, detail: 0,
      meaning: "Other or undefined mail system status: the destination system normally accepts mail but something about it caused this.",
      source: "RFC 3463 §3.4",
    },
    {
      subject: 3, detail: 1,
      meaning: "Mail system full: the system's storage is exhausted.",
      source: "RFC 3463 §3.4",
    },
    {
      subject: 3, detail: 2,
      meaning: "System not accepting network messages (shutdown, load, maintenance).",
      source: "RFC 3463 §3.4; RFC 7504",
    },
    {
      subject: 3, detail: 3,
      meaning: "System not capable of selected features.",
      source: "RFC 3463 §3.4",
    },
    {
      subject: 3, detail: 4,
      meaning: "Message too big for system.",
      source: "RFC 3463 §3.4",
    },
    {
      subject: 3, detail: 5,
      meaning: "System incorrectly configured to accept this message.",
      source: "RFC 3463 §3.4",
    },
    {
      subject: 3, detail: 6,
      meaning: "Requested priority was changed: the message was accepted, but not at the priority asked for.",
      source: "RFC 6710",
    },

    // X.4.x: network and routing, RFC 3463 §3.5
    {
      subject: 4, detail: 0,
      meaning: "Other or undefined network or routing status.",
      source: "RFC 3463 §3.5",
    },
    {
      subject: 4, detail: 1,
      meaning: "No answer from host: the connection attempt was not answered.",
      source: "RFC 3463 §3.5",
    },
    {
      subject: 4, detail: 2,
      meaning: "Bad connection: the connection was made but the transaction could not complete (timeout, poor link).",
      source: "RFC 3463 §3.5",
    },
    {
      subject: 4, detail: 3,
      meaning: "Directory server failure: e.g. DNS could not be reached.",
      source: "RFC 3463 §3.5",
    },
    {
      subject: 4, detail: 4,
      meaning: "Unable to route: no next hop could be found (e.g. DNS returned no MX/A, only an SOA).",
      source: "RFC 3463 §3.5",
    },
    {
      subject: 4, detail: 5,
      meaning: "Mail system congestion.",
      source: "RFC 3463 §3.5",
    },
    {
      subject: 4, detail: 6,
      meaning: "Routing loop detected: the message was forwarded too many times.",
      source: "RFC 3463 §3.5",
    },
    {
      subject: 4, detail: 7,
      meaning: "Delivery time expired: the message stayed queued too long.",
      source: "RFC 3463 §3.5",
    },

    // X.5.x: mail delivery protocol, RFC 3463 §3.6 unless noted
    {
      subject: 5, detail: 0,
      meaning: "Other or undefined protocol status.",
      source: "RFC 3463 §3.6",
    },
    {
      subject: 5, detail: 1,
      meaning: "Invalid command: out of sequence or unsupported.",
      source: "RFC 3463 §3.6",
    },
    {
      subject: 5, detail: 2,
      meaning: "Syntax error: the command could not be interpreted.",
      source: "RFC 3463 §3.6",
    },
    {
      subject: 5, detail: 3,
      meaning: "Too many recipients for this transaction.",
      source: "RFC 3463 §3.6",
    },
    {
      subject: 5, detail: 4,
      meaning: "Invalid command arguments: out of range or unrecognised features.",
      source: "RFC 3463 §3.6",
    },
    {
      subject: 5, detail: 5,
      meaning: "Wrong protocol version.",
      source: "RFC 3463 §3.6",
    },
    {
      subject: 5, detail: 6,
      meaning: "Authentication exchange line is too long.",
      source: "RFC 4954 §6",
    },

    // X.6.x: content or media, RFC 3463 §3.7 unless noted
    {
      subject: 6, detail: 0,
      meaning: "Other or undefined media error: something about the content made it undeliverable.",
      source: "RFC 3463 §3.7",
    },
    {
      subject: 6, detail: 1,
      meaning: "Media not supported by the delivery protocol or next system.",
      source: "RFC 3463 §3.7",
    },
    {
      subject: 6, detail: 2,
      meaning: "Conversion required and prohibited.",
      source: "RFC 3463 §3.7",
    },
    {
      subject: 6, detail: 3,
      meaning: "Conversion required but not supported (e.g. 8-bit to 7-bit downgrade impossible).",
      source: "RFC 3463 §3.7",
    },
    {
      subject: 6, detail: 4,
      meaning: "Conversion with loss performed (a warning, or a failure if lossy conversion was forbidden).",
      source: "RFC 3463 §3.7",
    },
    {
      subject: 6, detail: 5,
      meaning: "Conversion failed.",
      source: "RFC 3463 §3.7",
    },
    {
      subject: 6, detail: 6,
      meaning: "Message content not available: content could not be fetched from a remote system (BURL).",
      source: "RFC 4468",
    },
    {
      subject: 6, detail: 7,
      meaning: "Non-ASCII addresses not permitted for that sender/recipient.",
      source: "RFC 6531",
    },
    {
      subject: 6, detail: 8,
      meaning: "UTF-8 string reply is required, but not permitted by the SMTP client.",
      source: "RFC 6531",
    },
    {
      subject: 6, detail: 9,
      meaning: "UTF-8 header message cannot be transferred to one or more recipients, so it must be rejected.",
      source: "RFC 6531",
    },
    {
      subject: 6, detail: 10,
      meaning: "Deprecated: registered as a duplicate of X.6.8 (UTF-8 string reply required but not permitted by the client).",
      source: "RFC 6531",
    },

    // X.7.x: security or policy, RFC 3463 §3.8 unless noted
    {
      subject: 7, detail: 0,
      meaning: "Other or undefined security status (also used when policy forbids saying more).",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 1,
      meaning: "Delivery not authorized, message refused (per-host or per-recipient policy).",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 2,
      meaning: "Mailing list expansion prohibited for this sender.",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 3,
      meaning: "Security conversion required but not possible.",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 4,
      meaning: "Security features not supported by the delivery protocol.",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 5,
      meaning: "Cryptographic failure: a key or other information needed to validate or decrypt was missing or invalid.",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 6,
      meaning: "Cryptographic algorithm not supported.",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 7,
      meaning: "Message integrity failure: the message was corrupted or altered.",
      source: "RFC 3463 §3.8",
    },
    {
      subject: 7, detail: 8,
      meaning: "Authentication credentials invalid.",
      source: "RFC 4954 §6",
    },
    {
      subject: 7, detail: 9,
      meaning: "Authentication mechanism is too weak.",
      source: "RFC 4954 §6",
    },
    {
      subject: 7, detail: 10,
      meaning: "Encryption needed: a strong privacy layer is needed to use the requested authentication mechanism.",
      source: "RFC 5248",
    },
    {
      subject: 7, detail: 11,
      meaning: "Encryption required for the requested authentication mechanism.",
      source: "RFC 4954 §6",
    },
    {
      subject: 7, detail: 12,
      meaning: "A password transition is needed: authenticate once with PLAIN so the server can set up the selected mechanism.",
      source: "RFC 4954 §6",
    },
    {
      subject: 7, detail: 13,
      meaning: "User account disabled: authentication succeeded, but the account is disabled.",
      source: "RFC 5248",
    },
    {
      subject: 7, detail: 14,
      meaning: "Trust relationship required: the submission server needs a configured trust with a third-party server to fetch the content.",
      source: "RFC 5248",
    },
    {
      subject: 7, detail: 15,
      meaning: "Priority level is too low for the receiving server.",
      source: "RFC 6710",
    },
    {
      subject: 7, detail: 16,
      meaning: "Message is too big for the specified priority.",
      source: "RFC 6710",
    },
    {
      subject: 7, detail: 17,
      meaning: "Mailbox owner has changed since the date given with Require-Recipient-Valid-Since (RRVS).",
      source: "RFC 7293",
    },
    {
      subject: 7, detail: 18,
      meaning: "Domain owner has changed since the date given with RRVS.",
      source: "RFC 7293",
    },
    {
      subject: 7, detail: 19,
      meaning: "RRVS test cannot be completed: the receiver has no record of the needed timestamp.",
      source: "RFC 7293",
    },
    {
      subject: 7, detail: 20,
      meaning: "No passing DKIM signature found.",
      source: "RFC 7372; RFC 6376",
    },
    {
      subject: 7, detail: 21,
      meaning: "No acceptable DKIM signature found: signatures pass, but none is acceptable under local policy.",
      source: "RFC 7372; RFC 6376",
    },
    {
      subject: 7, detail: 22,
      meaning: "No valid author-matched DKIM signature found (no passing signature from the From: domain).",
      source: "RFC 7372; RFC 6376",
    },
    {
      subject: 7, detail: 23,
      meaning: "SPF validation failed: the sending IP is not authorised by the sender domain's SPF record.",
      source: "RFC 7372; RFC 7208",
    },
    {
      subject: 7, detail: 24,
      meaning: "SPF validation error: evaluating SPF failed (temperror or permerror).",
      source: "RFC 7372; RFC 7208",
    },
    {
      subject: 7, detail: 25,
      meaning: "Reverse DNS validation failed for the SMTP client's IP address.",
      source: "RFC 7372; RFC 7601",
    },
    {
      subject: 7, detail: 26,
      meaning: "Multiple authentication checks failed (which ones is not said).",
      source: "RFC 7372",
    },
    {
      subject: 7, detail: 27,
      meaning: "Sender address has null MX: the sender's domain declares it receives no mail, so no bounce could be returned.",
      source: "RFC 7505",
    },
    {
      subject: 7, detail: 28,
      meaning: "Mail flood detected: the message looks like part of a flood of similar abusive messages.",
      source: "RFC 8098",
    },
    {
      subject: 7, detail: 29,
      meaning: "ARC validation failure.",
      source: "RFC 8617",
    },
    {
      subject: 7, detail: 30,
      meaning: "REQUIRETLS support required: the message demanded REQUIRETLS but the next hop does not offer it.",
      source: "RFC 8689",
    },
  ]);
}
let enhancedCodesTable: readonly EnhancedCodeEntry[] | undefined;
