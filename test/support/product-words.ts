// The oracle for "no other product's knobs": words that mark a text as one product's advice (its
// name or one of its settings). Tests only: the diagnosis itself never filters prose, it picks
// fixes by the recognised product family (src/knowledge/root-causes.ts).
const PRODUCT_WORDS: Readonly<Record<string, RegExp>> = {
  postfix: /\bPostfix\b|\bmain\.cf\b|\bmaster\.cf\b|\bsmtpd_\w+|\bpostconf\b|\bpostmap\b|\bpostscreen\b/,
  exim: /\bExim\b|\bacl_smtp_\w+|\bauth_advertise_hosts\b|\brelay_from_hosts\b|\bopenssl_options\b|\btls_require_ciphers\b|\btls_certificate\b/,
  sendmail: /\bSendmail\b|\bsendmail\.(?:mc|cf)\b|\bPrivacyOptions\b|\bServerSSLOptions\b|\bconf[A-Z_]{4,}\b/,
  opensmtpd: /\bOpenSMTPD\b|\bsmtpd\.conf\b|\bsmtpctl\b/,
  haraka: /\bHaraka\b|\btls\.ini\b/,
  qmail: /\bqmail\b(?!-deliverable)|\/var\/qmail\b/,
  courier: /\bCourier\b/,
  aiosmtpd: /\baiosmtpd\b/,
  microsoft: /\bMicrosoft\b|\bExchange\b|\bSet-CASMailbox\b|\bSet-TransportConfig\b|\bReceiveConnector\b|\bSchannel\b|\bSCHANNEL\b|-ExchangeCertificate\b|\bMSExchangeTransport\b/,
  gmail: /\bGmail\b|\bGoogle\b/,
  yahoo: /\bYahoo\b/,
};

const MICROSOFT = ["exchange", "microsoft365", "outlookcom"];

/** The products other than `family` whose names or knobs `text` holds (any product, when the family is unknown). */
export function otherProducts(text: string, family: string | null | undefined): string[] {
  const own = family && MICROSOFT.includes(family) ? "microsoft" : family;
  return Object.entries(PRODUCT_WORDS).filter(([f, re]) => f !== own && re.test(text)).map(([f]) => f);
}
