/**
 * SMTP smuggling (SEC Consult, December 2023; CVE-2023-51764 Postfix, CVE-2023-51765 Sendmail,
 * CVE-2023-51766 Exim): a receiving server that accepts an end of data other than
 * `<CR><LF>.<CR><LF>` (RFC 5321 §4.1.1.4, §2.3.8) lets a sender hide a second message inside
 * the first. The variants tried, and their sources:
 *
 * - SEC Consult, "SMTP Smuggling – Spoofing E-Mails Worldwide"
 *   (https://sec-consult.com/blog/detail/smtp-smuggling-spoofing-e-mails-worldwide/):
 *   `<LF>.<LF>`, `<LF>.<CR><LF>`, `<CR>.<CR><LF>`, `<CR><LF>\0.<CR><LF>`;
 * - the SMTP Smuggling Scanner's inbound list (github.com/The-Login/SMTP-Smuggling-Tools,
 *   smtp_smuggling_scanner.py `inbound_eod_sequences`): those plus `<LF>.<CR>`, `<CR>.<LF>`,
 *   `<CR>.<CR>`;
 * - Postfix, "SMTP Smuggling" (https://www.postfix.org/smtp-smuggling.html) and
 *   `smtpd_forbid_bare_newline` (postconf(5)): bare `<LF>` line endings, here
 *   `<CR><LF>.<LF>`; and smtp_smuggling_checker.py (github.com/suuhm) adds `<CR><LF>.<CR>`.
 *
 * Each test message carries its variant, then a harmless smuggled line (never a second MAIL),
 * then the standard end. A server that takes the variant as the end answers the message early,
 * then answers the smuggled line and the closing "." line as commands (500 each, or it closes the
 * session): extra replies, seen without reading any mailbox. The smuggled line is a verb no
 * server implements rather than NOOP: each variant ends with a NOOP whose 250 must not be
 * mistaken for the smuggled line's reply (engine/smuggling.ts).
 */
import { loadCrypto } from "../builtins.js";
import { rfc5322Date } from "./message.js";

export interface SmugglingVariant {
  /** Readable name: `<LF>.<LF>`. */
  name: string;
  /** The bytes that go after the last text line, in place of its line ending. */
  bytes: string;
}

const NAMES: Record<string, string> = { "\r": "<CR>", "\n": "<LF>", "\0": "\\0" };

/** `\n.\n` → `<LF>.<LF>`. */
export function variantName(bytes: string): string {
  return [...bytes].map((c) => NAMES[c] ?? c).join("");
}

const variant = (bytes: string): SmugglingVariant => ({ name: variantName(bytes), bytes });

/** Every variant tried, in order: the best known first. */
export const SMUGGLING_VARIANTS: readonly SmugglingVariant[] = [
  "\n.\n", "\n.\r\n", "\r.\r\n", "\r\n.\r", "\r\n.\n", "\r\n\0.\r\n", "\n.\r", "\r.\n", "\r.\r",
].map(variant);

/** The line smuggled after the variant: harmless, and never answered 250 by a server that reads it as a command. */
export const SMUGGLED_COMMAND = "XSMUGGLED smtp-gate";

/**
 * The test message for one variant, as the raw bytes to write after DATA's 354: headers saying
 * what it is, a short text, the variant, the smuggled NOOP, then the standard `<CR><LF>.<CR><LF>`.
 * No line starts with "." except the variant's own dot (nothing else needs dot-stuffing).
 */
export function smugglingMessage(v: SmugglingVariant, m: { from: string; to: readonly string[]; helo: string; date?: Date }): Buffer {
  const domain = m.helo.replace(/^\[|\]$/g, "") || "localhost";
  const lines = [
    `From: <${m.from}>`,
    `To: ${m.to.map((t) => `<${t}>`).join(", ")}`,
    `Subject: smtp-gate smuggling check ${v.name}`,
    `Date: ${rfc5322Date(m.date ?? new Date())}`,
    `Message-ID: <${loadCrypto().randomUUID()}@${domain}>`,
    `Auto-Submitted: auto-generated`,
    `X-Smtp-Gate: smuggling-check ${v.name}`,
    `MIME-Version: 1.0`,
    `Content-Type: text/plain; charset=us-ascii`,
    ``,
    `This is a test message sent by smtp-gate's SMTP smuggling check (smuggling-check: true).`,
    `It tests whether the server ends a message at ${v.name} instead of <CR><LF>.<CR><LF>.`,
    `If the next line is the last one you see, the server did not end the message early.`,
    `Variant follows: ${v.name}`,
  ];
  return Buffer.from(`${lines.join("\r\n")}${v.bytes}${SMUGGLED_COMMAND}\r\n.\r\n`, "latin1");
}
