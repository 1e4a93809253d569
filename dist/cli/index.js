#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 1440:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GR: () => (/* binding */ SECRET_KEYS),
/* harmony export */   X5: () => (/* binding */ TARGET_KEYS),
/* harmony export */   bi: () => (/* binding */ closestKey)
/* harmony export */ });
/**
 * Every per-target key, named as the action's inputs are (contract §4: "keys are the action's
 * input names"). One table serves the CLI, the action and the config file.
 */
const TARGET_KEYS = [
    "name", "host", "port", "tls", "servername", "ca", "insecure", "helo", "from", "to",
    "username", "password", "password-env", "oauth-token", "oauth-token-env", "auth",
    "send", "steps", "body", "fail-on", "timeout", "deadline", "pipelining",
    // Policy assertions.
    "require-tls", "min-tls", "cert-min-days", "max-step-ms", "max-total-ms", "expect-extensions",
    "auth-requires-tls", "open-relay", "vrfy-disabled", "baseline",
];
/** Keys whose value is a secret: a config file must reference them through `*-env`. */
const SECRET_KEYS = ["password", "oauth-token"];
/** Suggests the closest known key for a typo ("did you mean"). */
function closestKey(word, known = TARGET_KEYS, maxDistance) {
    let best = null;
    let bestD = Infinity;
    for (const k of known) {
        const d = editDistance(word.toLowerCase(), k);
        if (d < bestD)
            [best, bestD] = [k, d];
    }
    return bestD <= (maxDistance ?? Math.max(2, Math.floor(word.length / 3))) ? best : null;
}
function editDistance(a, b) {
    const row = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        let prev = row[0];
        row[0] = i;
        for (let j = 1; j <= b.length; j++) {
            const tmp = row[j];
            row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
            prev = tmp;
        }
    }
    return row[b.length];
}


/***/ }),

/***/ 9706:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H7: () => (/* binding */ DEFAULT_RELAY_DOMAIN),
/* harmony export */   Mk: () => (/* binding */ TLS_VERSIONS),
/* harmony export */   TL: () => (/* binding */ parseExtensionExpectation),
/* harmony export */   ie: () => (/* binding */ tlsVersionRank),
/* harmony export */   zj: () => (/* binding */ DEFAULT_POLICY)
/* harmony export */ });
/**
 * Policy assertions (issue: diagnosis and policy): what a healthy server must also satisfy,
 * beyond each reply meeting its expectation. Each produces findings, never exceptions.
 */
const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
const DEFAULT_POLICY = {
    requireTls: false, minTls: "TLSv1.2", certMinDays: 14, maxStepMs: null, maxTotalMs: null,
    expectExtensions: [], authRequiresTls: false, openRelay: null, vrfyDisabled: false, baseline: null,
};
/** Parses `PIPELINING`, `SIZE>=10485760`. */
function parseExtensionExpectation(text) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*)(?:\s*>=\s*(\d+))?$/.exec(text.trim());
    if (!m)
        return null;
    return { keyword: m[1].toUpperCase(), ...(m[2] !== undefined ? { atLeast: Number(m[2]) } : {}) };
}
function tlsVersionRank(v) {
    return v === null ? -1 : TLS_VERSIONS.indexOf(v);
}
/** Relay tests go to a domain nobody may relay to; RFC 2606's example.net is that domain. */
const DEFAULT_RELAY_DOMAIN = "example.net";


/***/ }),

/***/ 4193:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ baselineDrift),
/* harmony export */   F: () => (/* binding */ baselineFacts)
/* harmony export */ });
/* harmony import */ var _protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2958);
/* harmony import */ var _rule_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2248);


function baselineFacts(p) {
    const banner = p.steps[0]?.reply?.lines[0] ?? null;
    return {
        banner: banner ? (banner.split(/\s+/)[0] ?? null) : null,
        extensionsBeforeTls: p.extensionsBeforeTls,
        extensions: p.extensions,
        tlsProtocol: p.tls?.protocol ?? null,
        certIssuer: p.tls?.issuer ?? null,
        certFingerprint: p.tls?.fingerprint256 ?? null,
    };
}
const keywords = (exts) => (exts ?? []).map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase());
const baselineDrift = (p, policy) => {
    const b = policy.baseline;
    if (!b || p.error)
        return [];
    if (!b.facts) {
        return [(0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-missing", "notice", null, `The baseline ${b.file} has no entry for ${p.name}; nothing to compare.`, [], ["Record one with --write-baseline FILE from a healthy run."])];
    }
    const now = baselineFacts(p);
    const out = [];
    const was = b.facts;
    const beforeNow = now.extensionsBeforeTls ?? now.extensions;
    const beforeWas = was.extensionsBeforeTls ?? was.extensions;
    if ((0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(beforeWas, "STARTTLS") && !(0,_protocol_ehlo_js__WEBPACK_IMPORTED_MODULE_1__/* .findExtension */ .bW)(beforeNow, "STARTTLS")) {
        out.push((0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-starttls-lost", "error", null, "STARTTLS is no longer offered since the baseline.", ["An SMTP-inspecting firewall or appliance was put in the path (it strips STARTTLS to read the traffic).", "TLS was disabled or broke in the MTA (certificate missing after a change)."], ["Compare the EHLO reply from inside the network; check recent firewall and MTA changes."]));
    }
    const lost = keywords(was.extensions).filter((k) => k !== "STARTTLS" && !keywords(now.extensions).includes(k));
    const gained = keywords(now.extensions).filter((k) => !keywords(was.extensions).includes(k));
    if (lost.length)
        out.push((0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-extensions-lost", "warning", null, `Extensions no longer advertised since the baseline: ${lost.join(", ")}.`, ["An MTA configuration change, or an appliance that strips unknown extensions."], ["Check recent changes to the MTA and the network path."]));
    if (gained.length)
        out.push((0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-extensions-gained", "notice", null, `Extensions advertised since the baseline: ${gained.join(", ")}.`, [], []));
    if (was.tlsProtocol && now.tlsProtocol !== was.tlsProtocol) {
        out.push((0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-tls-changed", "warning", null, `The TLS protocol changed since the baseline: ${was.tlsProtocol} → ${now.tlsProtocol ?? "no TLS"}.`, ["A server or appliance change; a downgrade may mean interception."], ["Check the server's TLS configuration and the path."]));
    }
    if (was.certFingerprint && now.certFingerprint && was.certFingerprint !== now.certFingerprint) {
        const issuerChanged = was.certIssuer !== now.certIssuer;
        out.push((0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-certificate-changed", issuerChanged ? "warning" : "notice", null, `The certificate changed since the baseline${issuerChanged ? `, and so did its issuer (${was.certIssuer} → ${now.certIssuer})` : " (same issuer: probably a renewal)"}.`, issuerChanged ? ["A new CA, or a TLS-intercepting appliance presenting its own certificate."] : [], issuerChanged ? ["Check that the new issuer is expected."] : []));
    }
    if (was.banner && now.banner && was.banner !== now.banner) {
        out.push((0,_rule_js__WEBPACK_IMPORTED_MODULE_0__/* .finding */ .gk)("baseline-banner-changed", "warning", 0, `The greeting's host changed since the baseline: ${was.banner} → ${now.banner}.`, ["Another server or a proxy answers now, or the banner is masked by an appliance."], ["Check DNS and load balancer changes."]));
    }
    return out;
};


/***/ }),

/***/ 2248:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GG: () => (/* binding */ lastHelloBefore),
/* harmony export */   TL: () => (/* binding */ quoted),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   ph: () => (/* binding */ codeText),
/* harmony export */   xJ: () => (/* binding */ severityOf)
/* harmony export */ });
function finding(id, severity, step, message, causes, fixes) {
    return { id, severity, step, message, causes, fixes };
}
/** A step's verdict as a finding severity: fail → error, warn → warning. */
const severityOf = (s) => (s.verdict === "fail" ? "error" : s.verdict === "warn" ? "warning" : "notice");
function codeText(s) {
    return s.reply ? `${s.reply.code}${s.reply.enhanced ? ` ${s.reply.enhanced}` : ""}` : "no reply";
}
function quoted(s) {
    return s.command === null ? "The greeting" : `"${s.command}"`;
}
/** Index of the last EHLO/HELO before `step` that got a 2xx, or -1. */
function lastHelloBefore(p, step) {
    for (let i = step - 1; i >= 0; i--) {
        const s = p.steps[i];
        if (s && /^(EHLO|HELO)\b/i.test(s.command ?? "") && s.class === "success")
            return i;
    }
    return -1;
}
function list(xs) {
    return xs.length ? xs.join(", ") : "nothing";
}


/***/ }),

/***/ 9699:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  sb: () => (/* binding */ runTargets)
});

// UNUSED EXPORTS: mapLimit, probeTarget, targetVerdict

// EXTERNAL MODULE: ./src/config/policy.ts
var config_policy = __nccwpck_require__(9706);
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
// EXTERNAL MODULE: ./src/protocol/command.ts
var command = __nccwpck_require__(1813);
// EXTERNAL MODULE: ./src/protocol/ehlo.ts
var protocol_ehlo = __nccwpck_require__(2958);
// EXTERNAL MODULE: ./src/diagnose/rule.ts
var rule = __nccwpck_require__(2248);
;// CONCATENATED MODULE: ./src/diagnose/advertised.ts
/** Rules comparing what was sent with what EHLO advertised (RFC 5321 §4.1.1.1, §2.2). */




/** RFC 5321 §4.1 verbs every server knows, plus those of common extensions. */
const BASE_VERBS = ["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT"];
/** Which extension a command (or a parameter of it) needs, with the RFC that defines it. */
const NEEDS = [
    { test: (l) => (0,command/* verbOf */.rl)(l) === "STARTTLS", keyword: "STARTTLS", source: "RFC 3207" },
    { test: (l) => (0,command/* verbOf */.rl)(l) === "AUTH", keyword: "AUTH", source: "RFC 4954" },
    { test: (l) => (0,command/* verbOf */.rl)(l) === "BDAT", keyword: "CHUNKING", source: "RFC 3030" },
    { test: (l) => (0,command/* verbOf */.rl)(l) === "ETRN", keyword: "ETRN", source: "RFC 1985" },
    { test: (l) => /^MAIL\b.*\sSMTPUTF8\b/i.test(l), keyword: "SMTPUTF8", source: "RFC 6531" },
    { test: (l) => /^MAIL\b.*\sSIZE=/i.test(l), keyword: "SIZE", source: "RFC 1870" },
    { test: (l) => /^MAIL\b.*\sBODY=8BITMIME/i.test(l), keyword: "8BITMIME", source: "RFC 6152" },
    { test: (l) => /^MAIL\b.*\sREQUIRETLS\b/i.test(l), keyword: "REQUIRETLS", source: "RFC 8689" },
    { test: (l) => /^(MAIL|RCPT)\b.*\s(RET|ENVID|NOTIFY|ORCPT)=/i.test(l), keyword: "DSN", source: "RFC 3461" },
];
/** Extensions advertised by the EHLO that preceded step `i`, or null when there was none. */
function advertisedBefore(p, i) {
    const h = (0,rule/* lastHelloBefore */.GG)(p, i);
    const s = p.steps[h];
    if (!s?.reply || !/^EHLO\b/i.test(s.command ?? ""))
        return null;
    return (0,protocol_ehlo/* parseEhloExtensions */.Ui)(s.reply.lines);
}
/** A command whose extension the server did not advertise. */
const notAdvertised = (p) => p.steps.flatMap((s, i) => {
    if (!s.command || s.extra)
        return [];
    const need = NEEDS.find((n) => n.test(s.command));
    const offered = advertisedBefore(p, i);
    if (!need || !offered)
        return [];
    let missing = (0,protocol_ehlo/* findExtension */.bW)(offered, need.keyword) ? null : need.keyword;
    const mech = /^AUTH\s+(\S+)/i.exec(s.command)?.[1]?.toUpperCase();
    if (!missing && need.keyword === "AUTH" && mech && !(0,protocol_ehlo/* authMechanisms */.dq)(offered).includes(mech))
        missing = `AUTH ${mech}`;
    if (!missing)
        return [];
    // The required-STARTTLS case has its own finding (contract §2), of severity error.
    if (missing === "STARTTLS" && p.tlsMode === "starttls")
        return [];
    return [(0,rule/* finding */.gk)("not-advertised", s.verdict === "pass" ? "notice" : s.verdict === "warn" ? "warning" : "error", i, `"${s.command}" needs ${missing} (${need.source}), which the server did not advertise; it offered: ${(0,rule/* list */.p_)(offered)}.`, ["The server does not support it on this port or before TLS (AUTH is often offered only after STARTTLS).", "An SMTP-inspecting firewall removed it from the EHLO reply."], ["Send only what EHLO advertises (production senders do); enable the extension in the MTA, or STARTTLS first.", "Compare the EHLO reply with `openssl s_client -starttls smtp -connect HOST:PORT -crlf` from inside the network."])];
});
/** Contract §2: with `tls: starttls`, a server that does not advertise STARTTLS is an error. */
const starttlsNotAdvertised = (p) => {
    if (p.tlsMode !== "starttls")
        return [];
    const ehlo = p.steps.findIndex((s) => /^(EHLO|HELO)\b/i.test(s.command ?? "") && s.class === "success");
    if (ehlo === -1)
        return [];
    const before = p.extensionsBeforeTls ?? p.extensions;
    if ((0,protocol_ehlo/* findExtension */.bW)(before, "STARTTLS"))
        return [];
    return [(0,rule/* finding */.gk)("starttls-not-advertised", "error", ehlo, `STARTTLS is required (tls: starttls) but the server did not advertise it; it offered: ${(0,rule/* list */.p_)(before)}.`, ["An SMTP-inspecting firewall or security appliance (such as Cisco ASA ESMTP inspection) removed STARTTLS from the EHLO reply.", "TLS is not configured on this listener (no certificate, or smtpd_tls_security_level = none)."], ["Compare with `openssl s_client -starttls smtp -connect HOST:PORT -crlf` from inside the network; if STARTTLS appears there, an appliance in the path strips it: disable its SMTP inspection.", "Enable STARTTLS in the MTA (Postfix: smtpd_tls_security_level = may, with smtpd_tls_chain_files)."])];
};
/** A 500/502 for a command that looks like a known verb or an advertised keyword: suggest the real one. */
const nearMiss = (p) => p.steps.flatMap((s, i) => {
    if (!s.command || !s.reply || (s.reply.code !== 500 && s.reply.code !== 502))
        return [];
    const verb = (0,command/* verbOf */.rl)(s.command);
    if (BASE_VERBS.includes(verb))
        return [];
    const offered = advertisedBefore(p, i) ?? p.extensions;
    const mechs = (0,protocol_ehlo/* authMechanisms */.dq)(offered);
    const keywords = offered.map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase()).filter((k) => k && k !== "AUTH");
    // Candidates: verbs, advertised keywords, and "AUTH <mech>" for each offered mechanism.
    const candidates = new Map();
    for (const v of [...BASE_VERBS, "STARTTLS", "AUTH", ...keywords])
        candidates.set(v, v);
    for (const m of mechs)
        candidates.set(m, `AUTH ${m}`);
    const words = s.command.toUpperCase().split(/\s+/).filter(Boolean);
    let suggestion = null;
    for (const w of words) {
        const near = (0,keys/* closestKey */.bi)(w, [...candidates.keys()], w.length < 6 ? 1 : 2);
        if (near && near !== w) {
            suggestion = candidates.get(near) ?? null;
            break;
        }
    }
    // "XAUTH2 login" → a mechanism-ish word next to an AUTH-ish verb.
    if (!suggestion && /AUTH/.test(verb) && mechs.length)
        suggestion = `AUTH ${mechs.includes("XOAUTH2") ? "XOAUTH2" : mechs[0]}`;
    if (!suggestion)
        return [];
    return [(0,rule/* finding */.gk)("near-miss", "error", i, `"${s.command}" is not a command this server knows, but it offers ${suggestion}: the sender probably means \`${suggestion}\`.`, ["A legacy or home-made sender uses a non-standard command name (for example XAUTH2 instead of AUTH XOAUTH2).", "A typo in a custom step."], [`Make the sender use the standard command: \`${suggestion}\`${suggestion.startsWith("AUTH ") ? " (RFC 4954)" : ""}.`, `In smtp-gate, write the step as \`${suggestion}\`${suggestion.startsWith("AUTH ") ? " with credentials configured; smtp-gate then runs the whole exchange" : ""}.`])];
});
/** Policy `auth-requires-tls`: AUTH must not be offered before STARTTLS (RFC 4954 §4, credentials in clear). */
const authBeforeTls = (p, policy) => {
    if (!policy.authRequiresTls)
        return [];
    const before = p.tlsMode === "implicit" ? null : (p.extensionsBeforeTls ?? (p.tls ? null : p.extensions));
    if (!before || !(0,protocol_ehlo/* findExtension */.bW)(before, "AUTH"))
        return [];
    const ehlo = p.steps.findIndex((s) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success");
    return [(0,rule/* finding */.gk)("auth-before-tls", "error", ehlo === -1 ? null : ehlo, `The server offers AUTH (${(0,protocol_ehlo/* findExtension */.bW)(before, "AUTH")}) before STARTTLS, so passwords may cross the network in clear text.`, ["The MTA allows authentication on unencrypted connections (Postfix: smtpd_tls_auth_only = no)."], ["Offer AUTH only after STARTTLS (Postfix: smtpd_tls_auth_only = yes; Exim: auth_advertise_hosts = ${if eq{$tls_in_cipher}{}{}{*}})."])];
};

// EXTERNAL MODULE: ./src/diagnose/baseline.ts
var baseline = __nccwpck_require__(4193);
;// CONCATENATED MODULE: ./src/knowledge/error-kinds.ts
const ERROR_ADVICE = {
    dns: {
        id: "dns-failure",
        causes: ["The host name does not exist or has no address record.", "The runner's DNS resolver cannot reach the zone (split-horizon DNS, private zone)."],
        fixes: ["Check the name with `dig +short A HOST` and `dig +short AAAA HOST`.", "Use the name the runner can resolve, or an address."],
    },
    connect: {
        id: "connect-failed",
        causes: [
            "Nothing listens on that port, or a firewall rejects the connection.",
            "Outbound port 25 is blocked by the network the runner is in (common for cloud and hosted runners).",
        ],
        fixes: ["Check the port: `nc -vz HOST PORT`.", "For submission use 587 (STARTTLS) or 465 (implicit TLS); hosted runners often cannot reach port 25."],
    },
    timeout: {
        id: "timeout",
        causes: [
            "A firewall drops packets silently, or the server is overloaded.",
            "A TLS mode mismatch: a STARTTLS (plain) client on an implicit-TLS port waits for a greeting that only comes after a TLS handshake.",
            "The server delays its greeting on purpose (anti-spam tarpitting) longer than the timeout.",
        ],
        fixes: [
            "Try `openssl s_client -connect HOST:PORT` (implicit TLS) and `openssl s_client -starttls smtp -connect HOST:PORT -crlf` to see which the port speaks.",
            "Raise `timeout` if the server tarpits on purpose.",
        ],
    },
    tls: {
        id: "tls-failed",
        causes: [
            "Implicit TLS against a plain port (OpenSSL says `wrong version number`), or the reverse.",
            "The certificate is not trusted: self-signed, expired, issued for another name, or signed by a private CA.",
            "No common protocol version or cipher, or an appliance in the path interfered with the handshake.",
        ],
        fixes: [
            "Check the port's mode: 465 is implicit TLS, 587 and 25 use STARTTLS.",
            "Inspect the certificate: `openssl s_client -starttls smtp -connect HOST:PORT -showcerts`.",
            "Trust a private CA with `--ca FILE` (input `ca`) rather than `--insecure`.",
        ],
    },
    closed: {
        id: "connection-closed",
        causes: [
            "The server or an appliance in the path dropped the connection (policy, rate limit, crash).",
            "A proxy or load balancer with a short idle timeout, or one that does not speak SMTP.",
        ],
        fixes: ["Look at the MTA's log for this connection's time.", "Repeat the conversation by hand with `openssl s_client -starttls smtp -connect HOST:PORT -crlf`."],
    },
    protocol: {
        id: "not-smtp",
        causes: [
            "The peer is not an SMTP server (an HTTP, SSH or TLS service on that port), or a proxy answered.",
            "An appliance in the path corrupted the stream, or TLS bytes arrived where text was expected (mode mismatch).",
        ],
        fixes: ["Check the host and port; connect by hand with `nc HOST PORT` and read the banner.", "If the banner is TLS noise, use implicit TLS (`tls: implicit`)."],
    },
};

;// CONCATENATED MODULE: ./src/diagnose/connection.ts
/** Rules about sessions that ended without a reply: kind, TLS-mode mismatch, a peer that is not SMTP. */


const cap = (s) => s.replace(/^./, (c) => c.toUpperCase());
/** What each error kind usually means, unless a sharper rule below explains it. */
const sessionError = (p) => {
    if (!p.error || notSmtpProtocol(p.error.received) || modeMismatch(p) !== null)
        return [];
    const a = ERROR_ADVICE[p.error.kind];
    return [(0,rule/* finding */.gk)(a.id, "error", p.error.step, `${cap(p.error.message)}.`, a.causes, a.fixes)];
};
/** Recognisable banners of other protocols (and TLS records shown as escapes by decodeLine). */
const OTHER_PROTOCOLS = [
    { name: "HTTP", test: /^HTTP\/\d|^<!DOCTYPE|^<html/i },
    { name: "SSH", test: /^SSH-\d/ },
    { name: "POP3", test: /^\+OK\b/ },
    { name: "IMAP", test: /^\* (OK|PREAUTH|BYE)\b/ },
    { name: "FTP", test: /^2\d\d[ -].*\bFTP\b/i },
    { name: "TLS", test: /^\\x1[5-7]\\x03/ },
];
function notSmtpProtocol(received) {
    if (received === undefined)
        return null;
    return OTHER_PROTOCOLS.find((o) => o.test.test(received))?.name ?? null;
}
const notSmtp = (p) => {
    const proto = notSmtpProtocol(p.error?.received);
    if (!p.error || !proto)
        return [];
    if (proto === "TLS") {
        return [(0,rule/* finding */.gk)("tls-mode-mismatch", "error", p.error.step, "The server sent TLS records instead of an SMTP greeting: this port expects implicit TLS.", ["The port is an implicit-TLS port (465 by convention) and the probe spoke plain SMTP or STARTTLS."], ["Use `tls: implicit` for this port, or port 587/25 for STARTTLS."])];
    }
    return [(0,rule/* finding */.gk)("not-smtp", "error", p.error.step, `The peer is not an SMTP server: it answered like ${proto} ("${(p.error.received ?? "").slice(0, 60)}").`, [`The host and port point at a ${proto} service, or a proxy or load balancer in front of it answers instead of the MTA.`], ["Check the host and port; `nc HOST PORT` shows the banner. Mail submission is usually 587 (STARTTLS) or 465 (implicit TLS); MX is 25."])];
};
function modeMismatch(p) {
    const e = p.error;
    if (!e)
        return null;
    // OpenSSL's "wrong version number" (or "packet length too long"): the server sent plain text.
    if (p.tlsMode === "implicit" && e.kind === "tls" && /wrong version number|packet length too long|unknown protocol|http request/i.test(e.message))
        return "implicit-on-plain";
    // A plain client on an implicit-TLS port waits forever: the server waits for a ClientHello.
    if (p.tlsMode !== "implicit" && e.kind === "timeout" && e.step === 0 && !p.transcript.some((t) => t.dir === "S"))
        return "plain-on-implicit";
    return null;
}
const tlsModeMismatch = (p) => {
    const m = modeMismatch(p);
    if (!m || !p.error)
        return [];
    if (m === "implicit-on-plain") {
        return [(0,rule/* finding */.gk)("tls-mode-mismatch", "error", p.error.step, `Implicit TLS failed because the server answered in plain text (${p.error.message}): port ${p.port} speaks plain SMTP, not implicit TLS.`, ["`tls: implicit` was used against a STARTTLS or plain port (587 and 25 start in plain text)."], [`Use \`tls: starttls\` for port ${p.port}, or port 465 for implicit TLS.`, `Check by hand: \`openssl s_client -starttls smtp -connect ${p.host}:${p.port} -crlf\`.`])];
    }
    return [(0,rule/* finding */.gk)("tls-mode-mismatch", "error", p.error.step, `No greeting arrived within the timeout and the server sent nothing at all: port ${p.port} probably expects implicit TLS (the server waits for a TLS handshake).`, ["A plain or STARTTLS client on an implicit-TLS port (465 by convention) waits for a banner that only comes after the handshake.", "A firewall silently drops the connection's packets, or the server tarpits longer than the timeout."], [`Try \`tls: implicit\`; check by hand: \`openssl s_client -connect ${p.host}:${p.port} -crlf\`.`, "If that also hangs, look for a firewall dropping packets."])];
};

;// CONCATENATED MODULE: ./src/diagnose/firewall.ts
/**
 * An SMTP-inspecting firewall or security appliance in the path (Cisco PIX "fixup smtp", ASA
 * "inspect esmtp" and similar) leaves recognisable marks; two or more together are near proof.
 */


const smtpInspection = (p) => {
    const signs = [];
    let step = null;
    const greeting = p.steps[0];
    if (greeting?.reply && /\*{6,}/.test(greeting.reply.lines.join(" "))) {
        signs.push("the banner is masked with asterisks");
        step = 0;
    }
    const ehlo = p.steps.findIndex((s) => /^EHLO\b/i.test(s.command ?? "") && (s.reply?.code === 500 || s.reply?.code === 502));
    const helo = p.steps.findIndex((s) => s.extra === "fallback" && s.class === "success");
    if (ehlo !== -1 && helo !== -1) {
        signs.push("EHLO was refused while HELO worked (the appliance allows only RFC 821 commands)");
        step ??= ehlo;
    }
    const xxxx = p.steps.findIndex((s) => s.reply && /\bX{4,}\b/.test(s.reply.lines.join(" ")));
    if (xxxx !== -1) {
        signs.push("a reply quotes the command as XXXX (the appliance replaced a command it does not allow)");
        step ??= xxxx;
    }
    const starttls = p.steps.findIndex((s) => /^STARTTLS$/i.test(s.command ?? "") && (s.reply?.code === 500 || s.reply?.code === 502));
    if (starttls !== -1 || (p.tlsMode !== "none" && p.tlsMode !== "implicit" && p.extensions.length > 0 && !p.tls && !(0,protocol_ehlo/* findExtension */.bW)(p.extensions, "STARTTLS") && signs.length > 0)) {
        signs.push("STARTTLS is missing or refused");
        step ??= starttls === -1 ? null : starttls;
    }
    const strong = signs.filter((s) => !s.startsWith("STARTTLS")).length;
    if (strong === 0)
        return [];
    return [(0,rule/* finding */.gk)("smtp-inspection", signs.length >= 2 ? "error" : "warning", step, `An SMTP-inspecting firewall or security appliance is probably in the path: ${signs.join("; ")}.`, [
            "Cisco PIX \"fixup protocol smtp\" / ASA \"inspect esmtp\" (and similar features of other firewalls) masks the banner, allows only a list of commands, replaces others with XXXX, and removes STARTTLS so it can read the traffic.",
            "The MTA itself is probably fine: the same session from inside the firewall looks different.",
        ], [
            "Compare the session from both sides of the firewall: `openssl s_client -starttls smtp -connect HOST:PORT -crlf` from inside, and `nc HOST PORT` from outside.",
            "Disable SMTP inspection for this server: `no fixup protocol smtp 25` (PIX) or remove `inspect esmtp` from the ASA policy-map (or allow ESMTP and STARTTLS through it).",
        ])];
};

;// CONCATENATED MODULE: ./src/diagnose/policy.ts
/** Policy rules: latency budgets, expected extensions, open relay, VRFY. */


/** Like check_smtp's warning threshold: a step slower than max-step-ms, a target slower than max-total-ms. */
const latency = (p, policy) => {
    const out = [];
    if (policy.maxStepMs !== null) {
        p.steps.forEach((s, i) => {
            if (s.ms > policy.maxStepMs) {
                out.push((0,rule/* finding */.gk)("slow-step", "warning", i, `"${s.command ?? "greeting"}" took ${s.ms} ms, over max-step-ms ${policy.maxStepMs}.`, ["A slow DNS lookup on the server (reverse DNS of the client, DNSBL checks), tarpitting, or an overloaded server."], ["Look at what the MTA does at this step (Postfix: smtpd_delay_reject, DNSBL queries, policy services)."]));
            }
        });
    }
    if (policy.maxTotalMs !== null && p.durationMs > policy.maxTotalMs) {
        out.push((0,rule/* finding */.gk)("slow-session", "warning", null, `The whole session took ${p.durationMs} ms, over max-total-ms ${policy.maxTotalMs}.`, ["Slow steps (see the step table), a slow network path, or a deliberately delayed greeting."], ["Find the slowest step in the table; raise the budget if the delay is intended."]));
    }
    return out;
};
const expectedExtensions = (p, policy) => {
    if (!policy.expectExtensions.length || p.error)
        return [];
    const ehlo = p.steps.reduce((last, s, i) => (/^EHLO\b/i.test(s.command ?? "") && s.class === "success" ? i : last), -1);
    if (ehlo === -1)
        return [];
    return policy.expectExtensions.flatMap((e) => {
        const found = (0,protocol_ehlo/* findExtension */.bW)(p.extensions, e.keyword);
        if (!found) {
            return [(0,rule/* finding */.gk)("extension-missing", "error", ehlo, `The server does not advertise ${e.keyword}, which expect-extensions requires; it offered: ${(0,rule/* list */.p_)(p.extensions)}.`, ["The MTA has it disabled, or an SMTP-inspecting appliance strips unknown extensions."], [`Enable ${e.keyword} in the MTA; compare the EHLO reply from inside the network.`])];
        }
        if (e.atLeast !== undefined) {
            const value = Number(found.split(/[\s=]+/)[1]);
            // SIZE 0 (or no value) means no fixed limit (RFC 1870 §4).
            if (Number.isFinite(value) && value > 0 && value < e.atLeast) {
                return [(0,rule/* finding */.gk)("extension-too-small", "error", ehlo, `The server advertises ${found}, below the expected ${e.keyword}>=${e.atLeast}.`, ["The limit in the MTA is lower than the production sender needs."], [`Raise it (Postfix: message_size_limit for SIZE) to at least ${e.atLeast}.`])];
            }
        }
        return [];
    });
};
const oversizeMessage = (p) => p.oversize
    ? [(0,rule/* finding */.gk)("message-exceeds-size", "error", null, `The test message (${p.oversize.octets} octets) is larger than the server's SIZE ${p.oversize.limit}, so DATA was not sent.`, ["The configured body is larger than the server accepts (RFC 1870)."], ["Use a smaller `body`, or raise the server's limit (Postfix: message_size_limit)."])]
    : [];
const openRelay = (p) => p.steps.flatMap((s, i) => s.check === "open-relay" && /^RCPT\b/i.test(s.command ?? "") && s.class === "success"
    ? [(0,rule/* finding */.gk)("open-relay", "error", i, `The server accepted ${s.command} from an unauthenticated client: it is an open relay.`, ["The relay restrictions allow any client (Postfix: permit in smtpd_relay_restrictions without permit_sasl_authenticated/reject_unauth_destination), or mynetworks is too wide (includes the probe's address)."], ["Restrict relaying to authenticated clients: smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination, with a tight mynetworks.", "Spammers find open relays within hours: fix it now, then check the server's IP on blocklists."])]
    : []);
const vrfyEnabled = (p) => p.steps.flatMap((s, i) => s.check === "vrfy" && (s.reply?.code === 250 || s.reply?.code === 251)
    ? [(0,rule/* finding */.gk)("vrfy-enabled", "error", i, `The server confirms mailboxes with VRFY (${s.reply.code} ${s.reply.lines[0] ?? ""}), which lets anyone enumerate addresses.`, ["VRFY is enabled (RFC 5321 §7.3 allows disabling it)."], ["Disable it: Postfix disable_vrfy_command = yes; Exim: remove VRFY from acl_smtp_vrfy; or answer 252."])]
    : []);

// EXTERNAL MODULE: ./src/knowledge/explain.ts + 2 modules
var explain = __nccwpck_require__(2184);
;// CONCATENATED MODULE: ./src/knowledge/reply-patterns.ts
const REPLY_PATTERNS = [
    {
        id: "greylisted", title: "greylisted: retry later", codes: [450, 451, 452], text: /grey|gray|try again later|temporar\w* (?:rejected|deferred)|deferred/i,
        causes: ["The receiver greylists first contact from an unknown (IP, sender, recipient) triplet; a real MTA retries after a few minutes and is then accepted."],
        fixes: ["Nothing is broken: a retry after 1–15 minutes usually passes. For a gate, use `fail-on: hard` so a greylist only warns, or whitelist the probe's IP on the receiver."],
        source: "RFC 6647 (greylisting); RFC 5321 §4.2.1 (4yz)",
    },
    {
        id: "message-too-large", title: "message too large for the server's SIZE limit", codes: [452, 552], enhanced: /^[45]\.(3\.4|2\.3)$/,
        causes: ["The message (or the SIZE= declared in MAIL FROM) exceeds what the server accepts (its EHLO SIZE value)."],
        fixes: ["Compare the message size with the SIZE the server advertises; raise the limit (Postfix: message_size_limit) or send smaller messages."],
        source: "RFC 1870 (SIZE); RFC 3463 X.3.4, X.2.3",
    },
    {
        id: "too-many-recipients", title: "too many recipients", codes: [452], enhanced: /^4\.5\.3$/,
        causes: ["The transaction has more recipients than the server accepts at once."],
        fixes: ["Send in smaller batches; the remaining recipients can go in a new transaction."],
        source: "RFC 5321 §4.5.3.1.10; RFC 3463 X.5.3",
    },
    {
        id: "starttls-required-first", title: "must issue STARTTLS first", codes: [530, 538], text: /starttls|tls|encrypt/i,
        causes: ["The server requires TLS before this command (submission ports usually do), and the session is still in plain text: STARTTLS was not sent, was not advertised, or an appliance stripped it."],
        fixes: ["Use `tls: starttls` (and check that the server advertises STARTTLS), or `tls: implicit` on port 465.", "If STARTTLS is missing from EHLO only through the network path, an SMTP-inspecting firewall is removing it: disable its SMTP inspection."],
        source: "RFC 3207 §4; RFC 4954 §6 (538)",
    },
    {
        id: "auth-required", title: "authentication required", codes: [530], enhanced: /^5\.7\.0$/,
        causes: ["The server accepts mail only from authenticated clients on this port (submission)."],
        fixes: ["Configure credentials (`username` with `password-env`/`password`), and AUTH before MAIL."],
        source: "RFC 4954 §6",
    },
    {
        id: "auth-failed", title: "authentication failed", codes: [535],
        causes: [
            "Wrong username or password, or the account is locked or disabled.",
            "The provider disabled basic (password) authentication: Microsoft 365 and Google require OAuth 2 (XOAUTH2) or an app password.",
            "The OAuth token is expired or lacks the SMTP scope (https://mail.google.com/ or SMTP.Send).",
        ],
        fixes: ["Check the credentials with the provider's own tools; for Microsoft 365 enable SMTP AUTH for the mailbox or use XOAUTH2; for Gmail use an app password or XOAUTH2."],
        source: "RFC 4954 §6; RFC 3463 X.7.8",
    },
    {
        id: "auth-mechanism-too-weak", title: "authentication mechanism too weak", codes: [534],
        causes: ["The server refuses this AUTH mechanism for this account (policy), e.g. PLAIN without TLS, or any password mechanism where OAuth is required."],
        fixes: ["Use a mechanism the server offers after STARTTLS, or XOAUTH2."],
        source: "RFC 4954 §6",
    },
    {
        id: "tls-unavailable", title: "TLS not available", codes: [454], verbs: ["STARTTLS"],
        causes: ["STARTTLS is advertised but the server cannot start TLS: missing or unreadable certificate or key, or a TLS library error."],
        fixes: ["Look at the MTA's log at this time; check the certificate and key files and their permissions (Postfix: smtpd_tls_chain_files)."],
        source: "RFC 3207 §4",
    },
    {
        id: "temporary-auth-failure", title: "temporary authentication failure", codes: [454],
        causes: ["The authentication backend (LDAP, Dovecot SASL, the provider's identity service) is unreachable or slow."],
        fixes: ["Retry later; check the SASL backend the MTA uses (Postfix: smtpd_sasl_path, Dovecot's auth log)."],
        source: "RFC 4954 §6",
    },
    {
        id: "unknown-user", title: "unknown user", codes: [550, 551, 553], enhanced: /^5\.1\.[16]$/,
        causes: ["The recipient mailbox does not exist on this server (typo, deleted account, or a missing alias)."],
        fixes: ["Check the address; on the server check the recipient maps (Postfix: local_recipient_maps, virtual_mailbox_maps)."],
        source: "RFC 3463 X.1.1, X.1.6",
    },
    {
        id: "relay-denied", title: "relay access denied", codes: [550, 551, 554], text: /relay/i,
        causes: ["The recipient's domain is not served here and the client is not allowed to relay: it did not authenticate, or is not in the relay networks."],
        fixes: ["Authenticate (submission port 587 with AUTH) before sending to outside domains, or send to the domain's own MX."],
        source: "RFC 5321 §3.6.2 (relaying); RFC 3463 X.7.1",
    },
    {
        id: "blocklisted", title: "sender blocked by a blocklist", codes: [550, 554, 421, 450], text: /block ?list|black ?list|\bRBL\b|DNSBL|spamhaus|barracuda|spamcop|sorbs|listed (?:at|in|on)|blocked using|reputation/i,
        causes: ["The connecting IP address (or the sender's domain) is on a DNS blocklist the receiver checks."],
        fixes: ["Look up the sending IP on the named list (e.g. https://check.spamhaus.org), remove the cause (open relay, compromised account, bad neighbour on a shared IP), then request delisting."],
        source: "RFC 5782 (DNSBLs); RFC 3463 X.7.1",
    },
    {
        id: "sender-not-allowed", title: "sender address not allowed", codes: [553, 550], enhanced: /^5\.7\.1$/, verbs: ["MAIL"],
        causes: ["The authenticated user may not send as this envelope sender (Postfix: reject_sender_login_mismatch), or the sender's domain fails the receiver's policy."],
        fixes: ["Send from the address the account owns (set `from` to the username), or grant send-as rights."],
        source: "RFC 3463 X.7.1; RFC 5321 §4.2.2 (553)",
    },
    {
        id: "service-closing", title: "service not available, closing", codes: [421],
        causes: ["The server is overloaded, shutting down, or limits connections from this client (rate limit, too many connections, concurrency limit)."],
        fixes: ["Retry later; if it persists, look for rate limits in the MTA (Postfix: smtpd_client_connection_rate_limit, anvil) or ask the provider."],
        source: "RFC 5321 §3.8, §4.2.2",
    },
];
/** Ids for any other rejected reply, by code. */
const ID_BY_CODE = {
    450: "mailbox-busy", 451: "local-error", 452: "insufficient-storage", 454: "temporary-failure",
    500: "command-unrecognized", 501: "syntax-error", 502: "command-not-implemented", 503: "bad-sequence",
    504: "parameter-not-implemented", 521: "no-mail-accepted", 530: "auth-or-tls-required", 550: "mailbox-unavailable",
    551: "user-not-local", 552: "message-too-large", 553: "mailbox-name-not-allowed", 554: "transaction-failed",
    555: "parameters-not-recognized", 556: "domain-accepts-no-mail",
};
function matchReplyPattern(code, enhanced, text, verb) {
    return REPLY_PATTERNS.find((p) => p.codes.includes(code) &&
        (!p.enhanced || (enhanced !== null && p.enhanced.test(enhanced))) &&
        (!p.text || p.text.test(text)) &&
        (!p.verbs || p.verbs.includes(verb)));
}

;// CONCATENATED MODULE: ./src/diagnose/replies.ts
/** Rules about individual replies: what a rejection means here, and replies that break the protocol. */





/** Every step that did not pass gets a finding: its family's advice, else the code's. */
const rejectedSteps = (p) => p.steps.flatMap((s, i) => {
    // A step whose failure is the session error (a TLS handshake after STARTTLS's 220) is explained by that error.
    if (s.verdict === "pass" || !s.reply || s.check || p.error?.step === i)
        return [];
    const r = s.reply;
    if (s.class === "success" || s.class === "intermediate") {
        return [(0,rule/* finding */.gk)("unexpected-acceptance", (0,rule/* severityOf */.xJ)(s), i, `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)} while ${s.expected} was expected: the server accepted what the test says it must refuse.`, ["The server's policy is more permissive than the test expects (for example an unknown user accepted and bounced later)."], ["Check the MTA's restrictions for this command; if the new behaviour is intended, change the step's `=> EXPECT`."])];
    }
    const verb = s.command === null ? "" : (0,command/* verbOf */.rl)(s.command);
    const pattern = matchReplyPattern(r.code, r.enhanced, r.lines.join(" "), verb);
    const e = (0,explain/* explain */.WE)(r.code, r.enhanced);
    const known = "error" in e ? null : e;
    const id = pattern?.id ?? ID_BY_CODE[r.code] ?? "unexpected-reply";
    const title = pattern?.title ?? id.replace(/-/g, " ");
    const where = s.command === null || s.phase.startsWith('sending "') ? "" : ` while ${s.phase}`;
    const extra = sizeNote(p.extensions, r.code);
    return [(0,rule/* finding */.gk)(id, (0,rule/* severityOf */.xJ)(s), i, `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)} (${title})${where}; ${s.expected} was expected.${extra}`, [...(pattern?.causes ?? []), ...(known?.causes ?? [])].filter(unique), [...(pattern?.fixes ?? []), ...(known?.fixes ?? [])].filter(unique))];
});
function sizeNote(extensions, code) {
    if (code !== 552 && code !== 452)
        return "";
    const size = (0,protocol_ehlo/* findExtension */.bW)(extensions, "SIZE");
    const limit = size ? Number(size.split(/\s+/)[1]) : NaN;
    return size ? (limit > 0 ? ` The server advertises SIZE ${limit} (${(limit / 1048576).toFixed(1)} MiB).` : " The server advertises SIZE without a fixed limit.") : "";
}
function unique(x, i, all) {
    return all.indexOf(x) === i;
}
/** RFC 3463 §2 / RFC 2034: the enhanced class must agree with the reply's first digit. */
const enhancedMismatch = (p) => p.steps.flatMap((s, i) => {
    const r = s.reply;
    if (!r?.enhanced || r.code < 200)
        return [];
    const first = Math.floor(r.code / 100);
    if (first === 3 || Number(r.enhanced[0]) === first)
        return [];
    return [(0,rule/* finding */.gk)("enhanced-code-mismatch", "warning", i, `${(0,rule/* quoted */.TL)(s)} was answered ${r.code} with enhanced code ${r.enhanced}, whose class ${r.enhanced[0]} contradicts the reply code; clients go by the reply code, so the reply is ${first === 4 ? "transient" : first === 5 ? "permanent" : "a success"}.`, ["A misconfigured MTA or a filter (milter, policy service) that writes its own reply text with the wrong enhanced code.", "An appliance in the path rewrote the reply."], ["Fix the reply template in the MTA or filter so the enhanced class matches (Postfix sanitises such codes to X.0.0 on its client side)."])];
});
/** Bare LF line endings violate RFC 5321 §2.3.8 and are a classic source of 500s and smuggling. */
const bareLineFeeds = (p) => {
    const i = p.steps.findIndex((s) => s.reply && s.reply.ending !== "crlf");
    if (i === -1)
        return [];
    return [(0,rule/* finding */.gk)("bare-lf-replies", "warning", i, "The server's replies end lines with a bare LF instead of CRLF (RFC 5321 §2.3.8).", ["A proxy, load balancer or appliance in the path rewrites line endings.", "A non-standard or home-made SMTP server."], ["Capture the raw bytes (`openssl s_client … -crlf`, or tcpdump) on both sides of the appliances to find which one rewrites the stream."])];
};
/** Replies that came before the command they would answer: an early talker or a desynchronised peer. */
const unsolicitedReplies = (p) => p.unsolicitedReplies
    ? [(0,rule/* finding */.gk)("unsolicited-reply", "warning", null, `The server sent ${p.unsolicitedReplies} repl${p.unsolicitedReplies === 1 ? "y" : "ies"} before the command it answered was sent.`, ["The server talks before its turn (RFC 5321 §4.3.1 lockstep), or an appliance injected a reply.", "A reply to an earlier command came twice."], ["Read the transcript for the extra reply; check the MTA and the appliances in the path."])]
    : [];

;// CONCATENATED MODULE: ./src/diagnose/pipelining.ts
/**
 * RFC 2920 PIPELINING gone wrong: replies lost (a timeout inside a pipelined group), merged or
 * out of order (a reply that cannot answer the command it lines up with).
 */


/** Reply codes that can answer each pipelined verb (RFC 5321 §4.3.2); 4xx/5xx fit any. */
const PLAUSIBLE = {
    MAIL: [250], RCPT: [250, 251, 252], RSET: [250], DATA: [354], QUIT: [221],
};
/** RFC 3463 subjects that mark a reply as being about the sender (X.1.0) or a recipient (X.1.5). */
const SUBJECT = { MAIL: /^\d\.1\.[5]$/, RCPT: /^\d\.1\.0$/ };
const brokenPipelining = (p) => {
    const i = p.steps.findIndex((s) => {
        if (!s.pipelined || !s.command)
            return false;
        const verb = (0,command/* verbOf */.rl)(s.command);
        if (!s.reply)
            return p.error?.step !== undefined && p.error.kind === "timeout";
        const c = s.reply.code;
        const fits = c >= 400 || (PLAUSIBLE[verb] ?? []).includes(c);
        const crossed = s.reply.enhanced !== null && (SUBJECT[verb]?.test(s.reply.enhanced) ?? false);
        return !fits || crossed;
    });
    if (i === -1)
        return [];
    const s = p.steps[i];
    const lost = !s?.reply;
    return [(0,rule/* finding */.gk)("pipelining-broken", "error", i, lost
            ? `The server advertised PIPELINING but a reply to a pipelined command never came (${s?.command}): replies were lost.`
            : `The reply to pipelined "${s?.command}" (${s?.reply?.code}${s?.reply?.enhanced ? ` ${s.reply.enhanced}` : ""}) cannot answer that command: replies came merged or out of order.`, ["An appliance or proxy in the path that inspects SMTP does not handle several commands in one packet, although the server behind it advertises PIPELINING.", "A server bug in its pipelining support."], ["Retry with `pipelining: off` to confirm; then fix or bypass the appliance, or make the server stop advertising PIPELINING (Postfix: smtpd_discard_ehlo_keywords = pipelining)."])];
};

;// CONCATENATED MODULE: ./src/session/tls-facts.ts
const DAY_MS = 86_400_000;
function readTlsFacts(socket, now = new Date()) {
    const cert = socket.getPeerCertificate(false);
    const has = cert && "valid_to" in cert;
    const validTo = has ? new Date(cert.valid_to) : null;
    const validFrom = has ? new Date(cert.valid_from) : null;
    const cipher = socket.getCipher();
    const err = socket.authorizationError;
    return {
        protocol: socket.getProtocol() ?? null,
        cipher: cipher ? (cipher.standardName ?? cipher.name) : null,
        authorized: socket.authorized,
        authorizationError: err ? (err instanceof Error ? (err.code ?? err.message) : String(err)) : null,
        subject: has ? nameOf(cert.subject) : null,
        subjectAltNames: has && cert.subjectaltname ? cert.subjectaltname.split(/,\s*/) : [],
        issuer: has ? nameOf(cert.issuer) : null,
        validFrom: validFrom && !isNaN(+validFrom) ? validFrom.toISOString() : null,
        validTo: validTo && !isNaN(+validTo) ? validTo.toISOString() : null,
        daysLeft: validTo && !isNaN(+validTo) ? Math.floor((+validTo - +now) / DAY_MS) : null,
        fingerprint256: has ? cert.fingerprint256 : null,
    };
}
function nameOf(n) {
    if (!n)
        return null;
    const cn = n.CN;
    if (cn)
        return Array.isArray(cn) ? cn.join(", ") : cn;
    const o = n.O;
    return o ? (Array.isArray(o) ? o.join(", ") : o) : null;
}
/** Plain words for OpenSSL's verification codes, for messages people read. */
const VERIFY_ERRORS = {
    DEPTH_ZERO_SELF_SIGNED_CERT: "the certificate is self-signed",
    SELF_SIGNED_CERT_IN_CHAIN: "the chain ends in a self-signed certificate that is not trusted",
    CERT_HAS_EXPIRED: "the certificate has expired",
    CERT_NOT_YET_VALID: "the certificate is not valid yet",
    ERR_TLS_CERT_ALTNAME_INVALID: "the certificate does not name this host",
    UNABLE_TO_VERIFY_LEAF_SIGNATURE: "the issuer is unknown (intermediate certificate missing?)",
    UNABLE_TO_GET_ISSUER_CERT_LOCALLY: "the issuer is unknown (intermediate certificate missing, or a private CA: use --ca)",
    UNABLE_TO_GET_ISSUER_CERT: "the issuer certificate could not be found",
    CERT_REVOKED: "the certificate was revoked",
};
function describeVerifyError(code) {
    return VERIFY_ERRORS[code] ?? code;
}

;// CONCATENATED MODULE: ./src/diagnose/tls.ts
/** TLS rules: certificate verification in words, days left, protocol version, TLS required. */



const certificate = (p, policy) => {
    const t = p.tls;
    if (!t)
        return [];
    const out = [];
    if (!t.authorized) {
        const why = describeVerifyError(t.authorizationError ?? "unknown");
        // Without --insecure the session already failed on it (error kind tls); say why in words either way.
        out.push((0,rule/* finding */.gk)("certificate-untrusted", p.error?.kind === "tls" ? "error" : "warning", null, `The server's certificate is not trusted: ${why} (${t.authorizationError}).${t.subject ? ` Subject: ${t.subject}${t.issuer ? `, issuer: ${t.issuer}` : ""}.` : ""}`, ["A self-signed or private-CA certificate, an expired certificate, one issued for another host name, or a missing intermediate certificate."], ["Install a certificate from a public CA with the full chain (Let's Encrypt works for SMTP).", "For a private CA, pass it with `ca` / `--ca FILE` instead of turning verification off."]));
    }
    if (t.daysLeft !== null && t.daysLeft < policy.certMinDays) {
        const expired = t.daysLeft < 0;
        out.push((0,rule/* finding */.gk)(expired ? "certificate-expired" : "certificate-expiring", expired ? "error" : "warning", null, expired ? `The server's certificate expired ${-t.daysLeft} day(s) ago (${t.validTo}).` : `The server's certificate expires in ${t.daysLeft} day(s) (${t.validTo}), below cert-min-days ${policy.certMinDays}.`, ["Certificate renewal did not run, or the MTA was not reloaded after it (Postfix and Exim read certificates at start)."], ["Renew the certificate and reload the MTA (`postfix reload`); check the renewal job's deploy hook."]));
    }
    if (t.protocol && (0,config_policy/* tlsVersionRank */.ie)(t.protocol) !== -1 && (0,config_policy/* tlsVersionRank */.ie)(t.protocol) < (0,config_policy/* tlsVersionRank */.ie)(policy.minTls)) {
        out.push((0,rule/* finding */.gk)("tls-version-too-old", "error", null, `The session negotiated ${t.protocol}, below min-tls ${policy.minTls}.`, ["The server supports nothing newer, or an appliance in the path downgrades the handshake."], ["Enable TLS 1.2 and 1.3 in the MTA (Postfix: smtpd_tls_protocols = >=TLSv1.2) and its TLS library."]));
    }
    return out;
};
/** Policy `require-tls`: the session must have run under TLS. */
const requireTls = (p, policy) => policy.requireTls && !p.tls && !p.error
    ? [(0,rule/* finding */.gk)("tls-not-used", "error", null, "The session ran without TLS, but require-tls is set.", ["`tls` is `none`, or `opportunistic` and the server did not advertise STARTTLS (possibly stripped by an appliance)."], ["Use `tls: starttls` or `tls: implicit`; make the server offer STARTTLS."])]
    : [];

;// CONCATENATED MODULE: ./src/diagnose/index.ts
/** Diagnosis: every rule over a finished probe, in the order their findings are shown. */









const RULES = [
    sessionError, notSmtp, tlsModeMismatch, rejectedSteps, nearMiss, smtpInspection, starttlsNotAdvertised, notAdvertised,
    certificate, requireTls, oversizeMessage, openRelay, vrfyEnabled, authBeforeTls, expectedExtensions, latency, baseline/* baselineDrift */.D,
    brokenPipelining, enhancedMismatch, bareLineFeeds, unsolicitedReplies,
];
function diagnose(p, policy = config_policy/* DEFAULT_POLICY */.zj, rules = RULES) {
    return rules.flatMap((r) => r(p, policy));
}

;// CONCATENATED MODULE: ./src/protocol/redact.ts
/**
 * Replaces every registered secret (and each form derived from it) with `***`. Longest first,
 * so a base64 payload that contains a shorter secret's encoding is removed whole.
 */
class Redactor {
    secrets = [];
    add(...values) {
        for (const v of values)
            if (v && v.length >= 3 && !this.secrets.includes(v))
                this.secrets.push(v);
        this.secrets.sort((a, b) => b.length - a.length);
    }
    get values() {
        return this.secrets;
    }
    redact = (text) => {
        let out = text;
        for (const s of this.secrets)
            if (out.includes(s))
                out = out.split(s).join("***");
        return out;
    };
}

// EXTERNAL MODULE: ./src/protocol/auth.ts
var auth = __nccwpck_require__(1880);
;// CONCATENATED MODULE: ./src/protocol/classify.ts
function classify(code) {
    const first = Math.floor(code / 100);
    if (first === 2)
        return "success";
    if (first === 3)
        return "intermediate";
    if (first === 4)
        return "transient";
    return "permanent";
}

// EXTERNAL MODULE: ./src/protocol/expect.ts
var protocol_expect = __nccwpck_require__(9567);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
;// CONCATENATED MODULE: ./src/protocol/message.ts
/**
 * The test message sent after DATA (RFC 5321 §4.5.2 dot-stuffing, §4.5.3.1.6 998-octet lines).
 * Marked as a test so that nobody mistakes it for mail and no auto-responder answers it.
 */

const MAX_TEXT_LINE_OCTETS = 998;
/** RFC 5322 §3.3 date-time, e.g. `Sat, 28 Nov 2026 20:53:10 +0000`. */
function rfc5322Date(d) {
    const days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    const p = (n) => String(n).padStart(2, "0");
    return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
const DEFAULT_BODY = [
    "This is a test message sent by smtp-gate to check a mail path.",
    "It was sent because the probe was run with send enabled; no reply is needed.",
    "",
    "The next three lines start with dots and prove the sender's dot-stuffing:",
    ".",
    "..",
    ".x",
    "End of test message.",
].join("\n");
/** Builds the message text: headers and body, lines joined with LF (framing comes later). */
function buildTestMessage(m) {
    const domain = m.helo.replace(/^\[|\]$/g, "") || "localhost";
    const headers = [
        `From: <${m.from}>`,
        `To: ${m.to.map((t) => `<${t}>`).join(", ")}`,
        `Subject: smtp-gate test message`,
        `Date: ${rfc5322Date(m.date ?? new Date())}`,
        `Message-ID: <${(0,external_node_crypto_.randomUUID)()}@${domain}>`,
        `Auto-Submitted: auto-generated`,
        `X-Smtp-Gate: test`,
        `MIME-Version: 1.0`,
        `Content-Type: text/plain; charset=utf-8`,
        `Content-Transfer-Encoding: 8bit`,
    ];
    return `${headers.join("\n")}\n\n${m.body ?? DEFAULT_BODY}`;
}
/**
 * Frames a message for DATA: every line ending becomes CRLF, every line that starts with "."
 * gets one more (all of them, not just the first), over-long lines are folded at 998 octets,
 * and the terminating `.` line is appended.
 */
function frameForData(text) {
    const lines = text.replace(/\r\n|\r|\n/g, "\n").split("\n");
    if (lines[lines.length - 1] === "")
        lines.pop();
    const out = [];
    for (const line of lines) {
        for (const piece of splitOctets(line, MAX_TEXT_LINE_OCTETS - 1))
            out.push(piece.startsWith(".") ? `.${piece}` : piece);
    }
    out.push(".");
    return Buffer.from(`${out.join("\r\n")}\r\n`, "utf8");
}
/** Splits a line into pieces of at most `max` UTF-8 octets without cutting a character. */
function splitOctets(line, max) {
    if (Buffer.byteLength(line, "utf8") <= max)
        return [line];
    const pieces = [];
    let cur = "";
    let n = 0;
    for (const ch of line) {
        const len = Buffer.byteLength(ch, "utf8");
        if (n + len > max) {
            pieces.push(cur);
            cur = "";
            n = 0;
        }
        cur += ch;
        n += len;
    }
    pieces.push(cur);
    return pieces;
}

// EXTERNAL MODULE: ./src/protocol/steps.ts
var steps = __nccwpck_require__(7547);
// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __nccwpck_require__(7030);
var external_node_net_default = /*#__PURE__*/__nccwpck_require__.n(external_node_net_);
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
var external_node_tls_default = /*#__PURE__*/__nccwpck_require__.n(external_node_tls_namespaceObject);
// EXTERNAL MODULE: ./src/protocol/lines.ts
var lines = __nccwpck_require__(8027);
;// CONCATENATED MODULE: ./src/protocol/reply.ts
/** A reply of more lines than this is a hostile or broken peer, not an EHLO list. */
const MAX_REPLY_LINES = 256;
/**
 * Parses one reply line. The code is three digits whose first is 2–5 (RFC 5321 §4.2: there
 * are no 1yz replies in SMTP); the fourth character is "-", SP, or absent.
 */
function parseCodeLine(text) {
    const m = /^([2-5][0-9][0-9])(?:([ -])(.*))?$/s.exec(text);
    if (!m)
        return null;
    return { code: Number(m[1]), continued: m[2] === "-", text: m[3] ?? "" };
}
const ENHANCED = /^([245])\.(\d{1,3})\.(\d{1,3})(?=\s|$)/;
/** The RFC 3463 code at the start of a reply text, whether or not ENHANCEDSTATUSCODES was advertised. */
function parseEnhancedCode(text) {
    const m = ENHANCED.exec(text);
    return m ? `${m[1]}.${Number(m[2])}.${Number(m[3])}` : null;
}
/**
 * Collects lines into a reply. Like Go's textproto, a line inside a multi-line reply whose
 * code differs or that does not parse is kept as text: the reply ends only on a proper last line.
 */
class ReplyAssembler {
    code = null;
    lines = [];
    endings = new Set();
    /** Feeds one line; returns the reply when it is complete, a problem when it cannot be one. */
    push(line) {
        const parsed = parseCodeLine(line.text);
        this.endings.add(line.ending);
        if (this.code === null) {
            if (!parsed)
                return this.fail({ kind: "malformed", line: line.text });
            this.code = parsed.code;
        }
        if (parsed && parsed.code === this.code) {
            this.lines.push(parsed.text);
            if (!parsed.continued)
                return this.finish();
        }
        else {
            this.lines.push(line.text);
        }
        if (this.lines.length >= MAX_REPLY_LINES)
            return this.fail({ kind: "too-many-lines", lines: this.lines.length });
        return null;
    }
    /** True while part of a reply has arrived. */
    get started() {
        return this.code !== null;
    }
    finish() {
        const reply = {
            code: this.code,
            enhanced: firstEnhanced(this.lines),
            lines: this.lines,
            ending: this.endings.size > 1 ? "mixed" : this.endings.values().next().value,
        };
        this.reset();
        return reply;
    }
    fail(problem) {
        this.reset();
        return problem;
    }
    reset() {
        this.code = null;
        this.lines = [];
        this.endings = new Set();
    }
}
function firstEnhanced(lines) {
    for (const l of lines) {
        const e = parseEnhancedCode(l);
        if (e)
            return e;
    }
    return null;
}
/** Parses a whole reply from text, e.g. a recorded transcript. Returns null unless it is exactly one reply. */
function parseReply(text) {
    const raw = text.split("\n");
    if (raw[raw.length - 1] === "")
        raw.pop();
    const asm = new ReplyAssembler();
    for (let i = 0; i < raw.length; i++) {
        const t = raw[i];
        const crlf = t.endsWith("\r");
        const r = asm.push({ text: crlf ? t.slice(0, -1) : t, ending: crlf ? "crlf" : "lf" });
        if (r && "code" in r)
            return i === raw.length - 1 ? r : null;
        if (r)
            return null;
    }
    return null;
}

;// CONCATENATED MODULE: ./src/session/errors.ts
const DNS_CODES = new Set(["ENOTFOUND", "EAI_AGAIN", "EAI_NONAME", "ENODATA", "EAI_FAIL", "ESERVFAIL"]);
const CONNECT_CODES = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "ETIMEDOUT", "EADDRNOTAVAIL", "EADDRINUSE", "EACCES"]);
const CONNECT_WORDS = {
    ECONNREFUSED: "connection refused",
    EHOSTUNREACH: "host unreachable",
    ENETUNREACH: "network unreachable",
    ETIMEDOUT: "connection timed out",
    EADDRNOTAVAIL: "address not available",
};
const RESET_CODES = new Set(["ECONNRESET", "EPIPE", "ECONNABORTED"]);
/** Maps a Node socket error to our kinds; `phase` says what we were doing. */
function fromSocketError(err, phase) {
    const code = err.code ?? "";
    if (DNS_CODES.has(code))
        return { kind: "dns", message: `cannot resolve host (${code})`, code };
    if (CONNECT_CODES.has(code))
        return { kind: "connect", message: `${CONNECT_WORDS[code] ?? "cannot connect"} (${code})`, code };
    if (phase === "tls" || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) {
        const why = RESET_CODES.has(code) ? `the server reset the connection (${code})` : tlsReason(err);
        return { kind: "tls", message: `TLS handshake failed: ${why}`, code: code || undefined };
    }
    if (RESET_CODES.has(code))
        return { kind: "closed", message: `connection reset by the server (${code})`, code };
    if (phase === "connect")
        return { kind: "connect", message: `cannot connect: ${err.message}`, code: code || undefined };
    return { kind: "closed", message: `connection failed: ${err.message}`, code: code || undefined };
}
function tlsReason(err) {
    // OpenSSL messages look like "...:error:0A00010B:SSL routines::wrong version number"; keep the words.
    const m = /SSL routines::?([^\n]+)$/.exec(err.message);
    return (m?.[1] ?? err.message).trim();
}

;// CONCATENATED MODULE: ./src/session/transcript.ts
/**
 * The timed record of one session, capped: a hostile peer's endless reply must not grow it
 * without bound (Postfix's smtp_chat does the same for the same reason).
 */
const MAX_TRANSCRIPT_ENTRIES = 2000;
const MAX_TRANSCRIPT_CHARS = 256 * 1024;
class Transcript {
    redact;
    entries = [];
    capped = false;
    chars = 0;
    start = performance.now();
    constructor(redact) {
        this.redact = redact;
    }
    elapsed() {
        return Math.round(performance.now() - this.start);
    }
    add(dir, text) {
        if (this.capped)
            return;
        const safe = this.redact(text);
        if (this.entries.length >= MAX_TRANSCRIPT_ENTRIES || this.chars + safe.length > MAX_TRANSCRIPT_CHARS) {
            this.capped = true;
            this.entries.push({ t: this.elapsed(), dir: "*", text: `transcript capped at ${this.entries.length} entries; later lines are not recorded` });
            return;
        }
        this.chars += safe.length;
        this.entries.push({ t: this.elapsed(), dir, text: safe });
    }
}

;// CONCATENATED MODULE: ./src/session/session.ts
/**
 * One SMTP connection: the only place that touches sockets. It connects (plain or implicit
 * TLS), reads complete replies against a deadline, writes lines, upgrades with STARTTLS, and
 * keeps the transcript. It does not know what a step or a verdict is.
 */







function isReply(r) {
    return typeof r.code === "number";
}
class SmtpSession {
    opts;
    transcript;
    tls = null;
    /** Replies that arrived before we asked for them (an early talker, or a desynchronised peer). */
    unsolicited = 0;
    /** Plaintext bytes that followed STARTTLS's 220 and were discarded (RFC 3207 §4.2). */
    droppedAfterStartTls = 0;
    socket = null;
    splitter = new lines/* LineSplitter */.g3();
    assembler = new ReplyAssembler();
    queue = [];
    waiter = null;
    failure = null;
    ended = false;
    onData = (chunk) => this.receive(chunk);
    onError = (e) => this.fail(fromSocketError(e, "session"));
    onClose = () => this.fail(this.closedError());
    constructor(opts) {
        this.opts = opts;
        this.transcript = new Transcript(opts.redact);
    }
    /** True while commands can still be sent. */
    get usable() {
        return this.socket !== null && this.failure === null && !this.ended && !this.socket.destroyed;
    }
    get error() {
        return this.failure;
    }
    async connect() {
        const { host, port, implicitTls } = this.opts;
        this.transcript.add("*", `connecting to ${host}:${port}${implicitTls ? " (implicit TLS)" : ""}`);
        const socket = implicitTls
            ? external_node_tls_default().connect({ host, port, ...this.tlsOptions() })
            : external_node_net_default().connect({ host, port, noDelay: true });
        // One command per write; Nagle's algorithm would hold each behind the previous ACK.
        socket.setNoDelay(true);
        this.socket = socket;
        const ready = implicitTls ? "secureConnect" : "connect";
        const phase = implicitTls ? "tls" : "connect";
        const result = await this.race((done) => {
            socket.once(ready, () => done(null));
            socket.once("error", (e) => done(fromSocketError(e, phase)));
            socket.once("close", () => done({ kind: "closed", message: "connection closed during connect" }));
        });
        if (result)
            return this.fail(result);
        this.listen(socket);
        if (implicitTls)
            return this.checkTls(socket);
        this.transcript.add("*", `connected to ${socket.remoteAddress}:${socket.remotePort}`);
        return null;
    }
    /** Reads the next complete reply, or why there is none. */
    readReply() {
        const queued = this.queue.shift();
        if (queued)
            return Promise.resolve(queued);
        if (this.failure)
            return Promise.resolve(this.failure);
        if (this.ended)
            return Promise.resolve({ kind: "closed", message: "the connection was already closed" });
        return this.race((done) => {
            this.waiter = done;
        }).then((r) => {
            this.waiter = null;
            return r === null ? this.failure ?? { kind: "closed", message: "no reply" } : r;
        });
    }
    /** Writes one line (CRLF added). `shown` is what the transcript records instead of secrets. */
    writeLine(line, shown = line) {
        if (this.queue.length) {
            // In lockstep, a reply that arrived before its command cannot answer it: count it and drop it.
            this.unsolicited += this.queue.length;
            this.transcript.add("*", `discarded ${this.queue.length} reply(ies) that arrived before "${shown}" was sent`);
            this.queue = [];
        }
        this.transcript.add("C", shown);
        this.writeRaw(Buffer.from(`${line}\r\n`, "utf8"));
    }
    /** Writes several lines in one write (RFC 2920 pipelining); each is recorded as sent. */
    writeLines(lines) {
        for (const l of lines)
            this.transcript.add("C", l.shown);
        this.writeRaw(Buffer.from(lines.map((l) => `${l.wire}\r\n`).join(""), "utf8"));
    }
    /** Writes bytes as they are (the framed DATA content); the transcript gets a summary line. */
    writeRaw(bytes, shown) {
        if (shown)
            this.transcript.add("C", shown);
        if (!this.usable)
            return;
        this.socket?.write(bytes);
    }
    /** Upgrades after STARTTLS's 220. Returns why it failed, or null. */
    async startTls() {
        const plain = this.socket;
        if (!plain || !this.usable)
            return this.failure ?? { kind: "closed", message: "connection is closed" };
        // RFC 3207 §4.2: forget anything read before the handshake; a man in the middle may have injected it.
        this.droppedAfterStartTls = this.splitter.reset() + this.queue.length;
        this.queue = [];
        this.assembler = new ReplyAssembler();
        if (this.droppedAfterStartTls)
            this.transcript.add("*", `discarded ${this.droppedAfterStartTls} byte(s)/repl(ies) received after STARTTLS's 220, before the handshake`);
        this.unlisten(plain);
        const secure = external_node_tls_default().connect({ socket: plain, ...this.tlsOptions() });
        this.socket = secure;
        const result = await this.race((done) => {
            secure.once("secureConnect", () => done(null));
            secure.once("error", (e) => done(fromSocketError(e, "tls")));
            secure.once("close", () => done({ kind: "tls", message: "connection closed during the TLS handshake" }));
        });
        if (result)
            return this.fail(result);
        this.listen(secure);
        return this.checkTls(secure);
    }
    /** Ends the connection without ceremony (after QUIT's reply, or when giving up). */
    close() {
        const s = this.socket;
        if (!s || this.ended)
            return;
        this.ended = true;
        this.unlisten(s);
        if (!s.destroyed)
            s.destroy();
        this.transcript.add("*", "connection closed");
    }
    tlsOptions() {
        const { host, servername, ca } = this.opts;
        const name = servername ?? (external_node_net_default().isIP(host) ? undefined : host);
        // Verification is judged in checkTls so that a bad certificate's facts still reach the report.
        return { servername: name, ca, rejectUnauthorized: false, ...(name ? {} : { checkServerIdentity: (_h, cert) => external_node_tls_default().checkServerIdentity(host, cert) }) };
    }
    checkTls(socket) {
        this.tls = readTlsFacts(socket);
        this.transcript.add("*", `TLS established: ${this.tls.protocol} ${this.tls.cipher}${this.tls.authorized ? "" : ` (certificate not verified: ${this.tls.authorizationError})`}`);
        if (!this.tls.authorized && !this.opts.insecure) {
            const why = this.tls.authorizationError ?? "unknown reason";
            return this.fail({ kind: "tls", message: `certificate verification failed: ${describeVerifyError(why)} (${why}); use --ca FILE to trust a private CA or --insecure to skip the check`, code: why });
        }
        return null;
    }
    listen(socket) {
        socket.on("data", this.onData);
        socket.on("error", this.onError);
        socket.on("end", this.onClose);
        socket.on("close", this.onClose);
    }
    unlisten(socket) {
        socket.off("data", this.onData);
        socket.off("end", this.onClose);
        socket.off("close", this.onClose);
        // The error listener stays: an error on the raw socket must never go unhandled.
    }
    closedError() {
        const partial = this.splitter.pending();
        return partial
            ? { kind: "closed", message: "connection closed by the server in the middle of a reply", received: partial }
            : { kind: "closed", message: "connection closed by the server" };
    }
    receive(chunk) {
        for (const ev of this.splitter.push(chunk)) {
            if ("kind" in ev) {
                this.deliver(this.protocolError({ kind: "too-long", octets: ev.octets }));
                return;
            }
            this.transcript.add("S", ev.text);
            const r = this.assembler.push(ev);
            if (!r)
                continue;
            if ("code" in r)
                this.deliver(r);
            else {
                this.deliver(this.protocolError(r));
                return;
            }
        }
    }
    protocolError(p) {
        const err = p.kind === "malformed"
            ? { kind: "protocol", message: "the server's reply is not an SMTP reply (no valid 3-digit code)", received: p.line }
            : p.kind === "too-many-lines"
                ? { kind: "protocol", message: `the server's reply went on past ${p.lines} lines` }
                : { kind: "protocol", message: `the server sent a line longer than ${p.octets - 1} octets` };
        // A desynchronised stream cannot be trusted for another command.
        this.fail(err);
        return err;
    }
    deliver(r) {
        if (this.waiter) {
            const w = this.waiter;
            this.waiter = null;
            w(r);
        }
        else if (this.queue.length < 64) {
            this.queue.push(r);
        }
    }
    /** Records the first failure, destroys the socket, and wakes a waiting reader. */
    fail(err) {
        if (!this.failure) {
            this.failure = err;
            this.transcript.add("*", `${err.kind}: ${err.message}`);
        }
        const s = this.socket;
        if (s && !s.destroyed)
            s.destroy();
        if (this.waiter)
            this.deliver(this.failure);
        return this.failure;
    }
    /**
     * Runs `start` until it calls back, or until the timeout (or the target's deadline) passes —
     * a deadline from the start of the wait, not an idle timer, so a peer that trickles one byte
     * a second still runs out of time.
     */
    race(start) {
        return new Promise((resolve) => {
            let settled = false;
            const remaining = this.opts.deadline !== undefined ? Math.max(0, this.opts.deadline - performance.now()) : Infinity;
            const ms = Math.min(this.opts.timeoutMs, remaining);
            const byDeadline = remaining < this.opts.timeoutMs;
            const timer = setTimeout(() => {
                const secs = Math.round(ms / 100) / 10;
                const partial = this.splitter.pending();
                done(this.fail({ kind: "timeout", message: byDeadline ? "the target's deadline passed" : `no answer within ${secs}s`, ...(partial ? { received: partial } : {}) }));
            }, ms);
            const done = (r) => {
                if (settled)
                    return;
                settled = true;
                clearTimeout(timer);
                resolve(r);
            };
            start(done);
        });
    }
}

;// CONCATENATED MODULE: ./src/engine/plan.ts

function planSequence(t) {
    const steps = t.steps ? t.steps.map((s) => ({ line: s.line, expect: s.expect })) : defaultSequence(t);
    const last = steps[steps.length - 1];
    if (!last || (0,command/* verbOf */.rl)(last.line) !== "QUIT")
        steps.push({ line: "QUIT", expect: null });
    // Policy checks run unauthenticated, so before the first AUTH or MAIL (else before QUIT).
    const checks = [];
    if (t.policy?.openRelay)
        checks.push({ line: `RCPT TO:<smtp-gate-relay-test@${t.policy.openRelay}>`, expect: null, check: "open-relay", literal: true });
    if (t.policy?.vrfyDisabled)
        checks.push({ line: `VRFY ${t.to[0] ?? "postmaster"}`, expect: null, check: "vrfy", literal: true });
    if (checks.length) {
        const at = steps.findIndex((s) => s.autoAuth || ["AUTH", "MAIL", "QUIT"].includes((0,command/* verbOf */.rl)(s.line)));
        steps.splice(at, 0, ...checks);
    }
    return steps;
}
function defaultSequence(t) {
    const s = [{ line: "EHLO {helo}", expect: null }];
    if (t.tls === "starttls" || t.tls === "opportunistic") {
        const when = t.tls === "opportunistic" ? "starttls-advertised" : undefined;
        s.push({ line: "STARTTLS", expect: null, when }, { line: "EHLO {helo}", expect: null, when: "tls-started" });
    }
    if (t.credentials)
        s.push({ line: "AUTH", expect: null, autoAuth: true });
    if (t.to.length) {
        s.push({ line: "MAIL FROM:<{from}>", expect: null });
        for (const to of t.to)
            s.push({ line: `RCPT TO:<${to}>`, expect: null, literal: true });
        // Nothing is delivered unless asked: without send, the transaction is reset instead.
        s.push({ line: t.send ? "DATA" : "RSET", expect: null });
    }
    return s;
}
/**
 * RFC 2920 §3.1: the transaction commands can be sent in one write; DATA or QUIT may only end
 * a group. Returns how many planned steps from `start` form a group (0 or 1: no pipelining).
 */
function pipelineGroupLength(plan, start) {
    let n = 0;
    for (let i = start; i < plan.length; i++) {
        const p = plan[i];
        if (p.check || p.autoAuth || p.when)
            break;
        const verb = (0,command/* verbOf */.rl)(p.line);
        if (n === 0 && verb !== "MAIL")
            return 0;
        if (verb === "MAIL" || verb === "RCPT" || verb === "RSET")
            n++;
        else if (verb === "DATA" || verb === "QUIT")
            return n + 1;
        else
            break;
    }
    return n;
}
/** Words for what a command does, used in messages: "while performing the EHLO handshake". */
function phaseOf(shown) {
    if (shown === null)
        return "waiting for the greeting";
    const verb = (0,command/* verbOf */.rl)(shown);
    switch (verb) {
        case "EHLO":
        case "HELO":
            return `performing the ${verb} handshake`;
        case "STARTTLS":
            return "performing STARTTLS";
        case "AUTH":
        case "***":
            return "authenticating";
        case "MAIL":
            return "sending MAIL FROM";
        case "RCPT":
            return "sending RCPT TO";
        case "DATA":
            return "sending DATA";
        case ".":
            return "sending the message content";
        case "RSET":
            return "resetting the transaction";
        case "QUIT":
            return "ending the session";
        default:
            return `sending "${shown}"`;
    }
}

;// CONCATENATED MODULE: ./src/engine/verdict.ts
/** Verdict rules of contract §2: pure functions over a reply and its expectation. */


const RANK = { pass: 0, warn: 1, fail: 2 };
function worst(...vs) {
    return vs.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), "pass");
}
/** `fail-on: never` turns every fail into a warn: the report still says what happened. */
function capVerdict(v, failOn) {
    return failOn === "never" && v === "fail" ? "warn" : v;
}
/** Judges a reply (or no reply: null) against what the step expected. */
function judgeStep(code, expected, failOn) {
    if (code === null)
        return capVerdict("fail", failOn);
    if ((0,protocol_expect/* meetsExpectation */.$u)(code, expected))
        return "pass";
    if (classify(code) === "transient" && failOn !== "soft")
        return "warn";
    return capVerdict("fail", failOn);
}

;// CONCATENATED MODULE: ./src/engine/probe.ts










const CUSTOM_AUTH = /^AUTH\s+(PLAIN|LOGIN|CRAM-MD5|XOAUTH2)$/i;
const ANY_REPLY = [{ first: 2 }, { first: 3 }, { first: 4 }, { first: 5 }];
const REFUSAL = [{ first: 4 }, { first: 5 }];
const VRFY_DISABLED = [{ code: 252 }, { first: 4 }, { first: 5 }];
async function runProbe(t, redactor) {
    return new Probe(t, redactor).run();
}
class Probe {
    t;
    redactor;
    session;
    steps = [];
    values;
    error = null;
    extensions = [];
    extensionsBeforeTls = null;
    inTransaction = false;
    tlsStarted = false;
    closedByServer = false;
    quitSent = false;
    oversize;
    message = null;
    started = performance.now();
    constructor(t, redactor) {
        this.t = t;
        this.redactor = redactor;
        this.values = { helo: t.helo, from: t.from, to: t.to[0] ?? "" };
        this.session = new SmtpSession({
            host: t.host, port: t.port, implicitTls: t.tls === "implicit", servername: t.servername, ca: t.ca, insecure: t.insecure,
            timeoutMs: t.timeoutMs, deadline: t.deadlineMs !== undefined ? this.started + t.deadlineMs : undefined, redact: redactor.redact,
        });
        const c = t.credentials;
        for (const secret of [c?.password, c?.oauthToken])
            if (secret)
                redactor.add(...(0,auth/* derivedSecretForms */.rd)(c?.username ?? "", secret));
    }
    async run() {
        const connectError = await this.session.connect();
        if (connectError) {
            this.setError(connectError, null, this.t.tls === "implicit" ? "connecting with implicit TLS" : "connecting");
        }
        else if (this.t.tls === "implicit") {
            this.tlsStarted = true;
        }
        if (!connectError && (await this.greeting())) {
            const plan = planSequence(this.t);
            for (let i = 0; i < plan.length; i++) {
                const planned = plan[i];
                if (planned.when === "starttls-advertised" && !(0,protocol_ehlo/* findExtension */.bW)(this.extensions, "STARTTLS"))
                    continue;
                if (planned.when === "tls-started" && !this.tlsStarted)
                    continue;
                const group = this.t.pipelining !== "off" && (0,protocol_ehlo/* findExtension */.bW)(this.extensions, "PIPELINING") ? pipelineGroupLength(plan, i) : 0;
                const ok = group > 1 ? await this.runPipelined(plan.slice(i, i + group)) : await this.runPlanned(planned);
                if (group > 1)
                    i += group - 1;
                if (!ok || this.closedByServer || this.quitSent)
                    break;
            }
        }
        await this.cleanUp();
        this.session.close();
        return {
            name: this.t.name, host: this.t.host, port: this.t.port, tlsMode: this.t.tls,
            durationMs: Math.round(performance.now() - this.started),
            error: this.error, tls: this.session.tls, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
            steps: this.steps, transcript: this.session.transcript.entries, transcriptCapped: this.session.transcript.capped,
            unsolicitedReplies: this.session.unsolicited, closedByServer: this.closedByServer, source: this.t.source,
            ...(this.oversize ? { oversize: this.oversize } : {}),
        };
    }
    async greeting() {
        const began = performance.now();
        const r = await this.session.readReply();
        return this.record(null, r, protocol_expect/* GREETING_EXPECTATION */.pV, began).verdict === "pass";
    }
    /** Runs one planned step (with its sub-exchanges); false stops the sequence. */
    async runPlanned(p) {
        const line = p.literal ? p.line : (0,steps/* fillPlaceholders */.Ct)(p.line, this.values);
        const verb = (0,command/* verbOf */.rl)(line);
        const expect = p.expect ?? (0,protocol_expect/* defaultExpectation */.gh)(verb);
        if (p.check === "open-relay")
            return this.relayCheck(line);
        if (p.check === "vrfy")
            return this.vrfyCheck(line);
        if (p.autoAuth)
            return this.authenticate(this.chooseMechanism(), expect);
        const custom = CUSTOM_AUTH.exec(line);
        if (custom)
            return this.authenticate(custom[1].toUpperCase(), expect);
        if (verb === "QUIT")
            return this.quit(line, expect);
        if (verb === "DATA") {
            // RFC 1870 §5: a client must not send a message larger than the server's SIZE.
            const limit = Number((0,protocol_ehlo/* findExtension */.bW)(this.extensions, "SIZE")?.split(/\s+/)[1]);
            const octets = this.testMessage().length;
            if (limit > 0 && octets > limit) {
                this.oversize = { octets, limit };
                return false;
            }
        }
        const step = await this.exchange(line, line, expect);
        const reply = step.reply;
        if (reply && classify(reply.code) === "success") {
            if (verb === "MAIL")
                this.inTransaction = true;
            // A new EHLO or RSET ends any open transaction (RFC 5321 §4.1.4).
            if (verb === "RSET" || verb === "EHLO" || verb === "HELO")
                this.inTransaction = false;
        }
        if (verb === "EHLO" && reply)
            return this.afterEhlo(step, line);
        if (verb === "STARTTLS" && step.verdict === "pass" && reply?.code === 220)
            return this.upgrade(step);
        if (verb === "DATA" && step.verdict === "pass" && reply?.code === 354)
            return this.sendMessage();
        return step.verdict === "pass";
    }
    /**
     * One write for the whole group, then its replies in order, each credited to its own step
     * (RFC 2920 §3.1). Everything sent is on record, even after a refusal inside the group.
     */
    async runPipelined(group) {
        const lines = group.map((p) => {
            const line = p.literal ? p.line : (0,steps/* fillPlaceholders */.Ct)(p.line, this.values);
            return { wire: line, shown: line, verb: (0,command/* verbOf */.rl)(line), expect: p.expect ?? (0,protocol_expect/* defaultExpectation */.gh)((0,command/* verbOf */.rl)(line)) };
        });
        if (this.inTransaction && lines[0]?.verb === "MAIL")
            lines.unshift({ wire: "RSET", shown: "RSET", verb: "RSET", expect: (0,protocol_expect/* defaultExpectation */.gh)("RSET") });
        const began = performance.now();
        this.session.writeLines(lines);
        let ok = true;
        let dataAccepted = false;
        for (const l of lines) {
            const r = await this.session.readReply();
            const step = this.record(l.shown, r, l.expect, began);
            step.pipelined = true;
            if (!isReply(r))
                return false;
            ok &&= step.verdict === "pass";
            if (r.code === 250 && l.verb === "MAIL")
                this.inTransaction = true;
            if (r.code === 250 && l.verb === "RSET")
                this.inTransaction = false;
            if (l.verb === "DATA")
                dataAccepted = r.code === 354;
            if (l.verb === "QUIT") {
                this.quitSent = true;
                this.session.close();
            }
            if (this.closedByServer)
                return false;
        }
        if (dataAccepted) {
            // A refused RCPT still leaves DATA's 354 to answer: end it with the message only when all passed.
            return ok ? this.sendMessage() : this.abandonData();
        }
        return ok;
    }
    /** After a 354 we do not want: an empty message would deliver; closing the connection does not. */
    async abandonData() {
        this.session.close();
        return false;
    }
    async afterEhlo(step, line) {
        const reply = step.reply;
        if (classify(reply.code) === "success") {
            this.extensions = (0,protocol_ehlo/* parseEhloExtensions */.Ui)(reply.lines);
            return step.verdict === "pass";
        }
        // Only a refusal the step did not ask for falls back (`EHLO x => 500` answered 500 passes as is).
        if (step.verdict === "pass" || (reply.code !== 500 && reply.code !== 502) || !this.session.usable)
            return step.verdict === "pass";
        // RFC 5321 §3.2: a server that does not speak ESMTP gets HELO; the EHLO step is then a warning.
        const helo = `HELO ${line.replace(/^\S+\s*/, "")}`.trim();
        const fallback = await this.exchange(helo, helo, (0,protocol_expect/* defaultExpectation */.gh)("HELO"), "fallback");
        if (fallback.verdict !== "pass")
            return false;
        step.verdict = "warn";
        this.extensions = [];
        return true;
    }
    async upgrade(step) {
        this.extensionsBeforeTls = this.extensions;
        const err = await this.session.startTls();
        if (err) {
            step.verdict = judgeStep(null, (0,protocol_expect/* defaultExpectation */.gh)("STARTTLS"), this.t.failOn);
            this.setError(err, this.steps.length - 1, "performing the TLS handshake after STARTTLS");
            return false;
        }
        // RFC 3207 §4.2: everything learned before TLS is forgotten, the client must EHLO again.
        this.tlsStarted = true;
        this.extensions = [];
        return true;
    }
    testMessage() {
        this.message ??= frameForData(buildTestMessage({ from: this.t.from, to: this.t.to, helo: this.t.helo, body: this.t.body }));
        return this.message;
    }
    async sendMessage() {
        const framed = this.testMessage();
        const began = performance.now();
        this.session.writeRaw(framed, `(test message: ${framed.length} octets, dot-stuffed, ending with ".")`);
        const r = await this.session.readReply();
        this.inTransaction = false;
        return this.record(".", r, protocol_expect/* END_OF_DATA_EXPECTATION */.I2, began).verdict === "pass";
    }
    chooseMechanism() {
        const c = this.t.credentials;
        if (c?.mechanism)
            return c.mechanism;
        if (c?.oauthToken && !c.password)
            return "XOAUTH2";
        const offered = (0,protocol_ehlo/* authMechanisms */.dq)(this.extensions);
        const usable = auth/* AUTH_MECHANISMS */.CV.filter((m) => m !== "XOAUTH2" || c?.oauthToken);
        // Production senders (nodemailer, Postfix's smtp client) prefer PLAIN, then LOGIN.
        return usable.find((m) => offered.includes(m)) ?? (c?.password ? "PLAIN" : "XOAUTH2");
    }
    /** The whole SASL exchange; each line is its own step, shown after the mechanism as `***`. */
    async authenticate(mech, finalExpect) {
        const c = this.t.credentials;
        const user = c?.username ?? "";
        const password = c?.password ?? "";
        const token = c?.oauthToken ?? "";
        const secret = (...v) => this.redactor.add(...v);
        switch (mech) {
            case "PLAIN": {
                const payload = (0,auth/* plainResponse */.kZ)(user, password);
                secret(payload);
                return (await this.exchange(`AUTH PLAIN ${payload}`, "AUTH PLAIN ***", finalExpect)).verdict === "pass";
            }
            case "LOGIN": {
                const [u, p] = (0,auth/* loginResponses */.US)(user, password);
                secret(u, p);
                if (!(await this.challenge("AUTH LOGIN", "AUTH LOGIN")))
                    return false;
                if (!(await this.challenge(u, "***")))
                    return false;
                return (await this.exchange(p, "***", finalExpect)).verdict === "pass";
            }
            case "CRAM-MD5": {
                const first = await this.exchange("AUTH CRAM-MD5", "AUTH CRAM-MD5", protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
                if (first.verdict !== "pass" || !first.reply)
                    return false;
                const response = (0,auth/* cramMd5Response */.tc)(user, password, first.reply.lines[0] ?? "");
                secret(response);
                return (await this.exchange(response, "***", finalExpect)).verdict === "pass";
            }
            case "XOAUTH2": {
                const payload = (0,auth/* xoauth2Response */.bG)(user, token);
                secret(payload);
                // On failure the server sends a 334 with a JSON error; the client answers with an empty line.
                const withChallenge = [...finalExpect, ...protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu];
                const first = await this.exchange(`AUTH XOAUTH2 ${payload}`, "AUTH XOAUTH2 ***", withChallenge);
                if (first.reply?.code !== 334 || !(0,protocol_expect/* meetsExpectation */.$u)(334, withChallenge))
                    return first.verdict === "pass";
                first.expected = (0,protocol_expect/* formatExpectation */.M9)(protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
                return (await this.exchange("", "***", finalExpect)).verdict === "pass";
            }
        }
    }
    /**
     * Open relay test, envelope only: unauthenticated MAIL, then RCPT to a foreign domain, which
     * must be refused. A MAIL refused outright (530 on a submission port) proves the same.
     */
    async relayCheck(rcptLine) {
        const mailLine = (0,steps/* fillPlaceholders */.Ct)("MAIL FROM:<{from}>", this.values);
        const mail = await this.exchange(mailLine, mailLine, ANY_REPLY, undefined, "open-relay");
        if (mail.reply?.code !== 250)
            return mail.reply !== null;
        this.inTransaction = true;
        const rcpt = await this.exchange(rcptLine, rcptLine, REFUSAL, undefined, "open-relay");
        if (rcpt.reply === null)
            return false;
        const rset = await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), undefined, "open-relay");
        if (rset.reply?.code === 250)
            this.inTransaction = false;
        return rcpt.verdict === "pass" && rset.verdict === "pass";
    }
    /** VRFY must not confirm mailboxes (RFC 5321 §7.3): 252 or a refusal passes, 250/251 does not. */
    async vrfyCheck(line) {
        return (await this.exchange(line, line, VRFY_DISABLED, undefined, "vrfy")).verdict === "pass";
    }
    async challenge(wire, shown) {
        return (await this.exchange(wire, shown, protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu)).verdict === "pass";
    }
    async quit(line, expect) {
        if (this.inTransaction)
            await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), "cleanup");
        if (!this.session.usable)
            return false;
        this.quitSent = true;
        const step = await this.exchange(line, line, expect);
        this.session.close();
        return step.verdict === "pass";
    }
    /** After a step that did not pass: RSET if a transaction is open, then QUIT, while usable. */
    async cleanUp() {
        if (this.quitSent || this.closedByServer || !this.session.usable)
            return;
        if (this.inTransaction)
            await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), "cleanup");
        if (!this.session.usable)
            return;
        this.quitSent = true;
        await this.exchange("QUIT", "QUIT", (0,protocol_expect/* defaultExpectation */.gh)("QUIT"), "cleanup");
    }
    /** The one send-and-read function every command goes through. */
    async exchange(wire, shown, expect, extra, check) {
        const began = performance.now();
        this.session.writeLine(wire, shown);
        const r = await this.session.readReply();
        return this.record(shown, r, expect, began, extra, check);
    }
    record(shown, r, expect, began, extra, check) {
        const reply = isReply(r) ? { ...r, lines: r.lines.map(this.redactor.redact) } : null;
        const step = {
            command: shown,
            reply,
            class: reply ? classify(reply.code) : null,
            expected: (0,protocol_expect/* formatExpectation */.M9)(expect),
            verdict: judgeStep(reply?.code ?? null, expect, this.t.failOn),
            ms: Math.round(performance.now() - began),
            phase: phaseOf(shown),
            ...(extra ? { extra } : {}),
            ...(check ? { check } : {}),
        };
        this.steps.push(step);
        if (!isReply(r))
            this.setError(r, this.steps.length - 1, step.phase);
        else if (r.code === 421) {
            // The server is closing the channel (RFC 5321 §3.8): no QUIT, and the close is no error.
            this.closedByServer = true;
            this.session.close();
        }
        return step;
    }
    setError(err, step, phase) {
        if (this.error)
            return;
        this.error = { kind: err.kind, message: `${err.message} while ${phase}`, step, ...(err.received !== undefined ? { received: err.received } : {}) };
    }
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/engine/run.ts





async function probeTarget(t, redactor) {
    const { closedByServer: _closed, ...outcome } = await runProbe(t, redactor);
    const findings = diagnose({ ...outcome, closedByServer: _closed }, t.policy);
    return { ...outcome, verdict: targetVerdict(outcome.steps.map((s) => s.verdict), outcome.error !== null, findings, t.failOn), findings };
}
/** Contract §2: the worst of the steps, the error (fail) and the findings; `never` caps at warn. */
function targetVerdict(steps, hasError, findings, failOn) {
    const fromFindings = findings.map((f) => (f.severity === "error" ? "fail" : f.severity === "warning" ? "warn" : "pass"));
    return capVerdict(worst(...steps, hasError ? "fail" : "pass", ...fromFindings), failOn);
}
async function runTargets(targets, opts = {}) {
    const redactor = opts.redactor ?? new Redactor();
    const startedAt = new Date().toISOString();
    const results = await mapLimit(targets, opts.concurrency ?? 16, (t) => probeTarget(t, redactor));
    return {
        schema: "smtp-gate/report@1",
        verdict: worst(...results.map((r) => r.verdict)),
        tool: { name: "smtp-gate", version: version/* VERSION */.x },
        startedAt,
        targets: results,
    };
}
/** Like Promise.all over `items`, at most `limit` at a time, results in input order. */
async function mapLimit(items, limit, fn) {
    const out = new Array(items.length);
    let next = 0;
    const worker = async () => {
        while (next < items.length) {
            const i = next++;
            out[i] = await fn(items[i]);
        }
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
    return out;
}


/***/ }),

/***/ 2184:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  WE: () => (/* binding */ explain),
  BC: () => (/* binding */ parseExplainQuery)
});

// UNUSED EXPORTS: bounceOf, classOfCode, lookupEnhanced, lookupReplyCode

;// CONCATENATED MODULE: ./src/knowledge/enhanced-codes.ts
/** The registry every subject.detail entry below is listed in. */
const ENHANCED_REGISTRY = "IANA SMTP Enhanced Status Codes registry";
/** Enhanced status classes (RFC 3463 §2, Status Code Structure). */
const ENHANCED_CLASSES = [
    {
        class: 2,
        name: "success",
        meaning: "Success: the action was completed; the detail may report a transformation needed for delivery.",
        causes: [],
        fixes: [],
        source: "RFC 3463 §2",
    },
    {
        class: 4,
        name: "persistent transient failure",
        meaning: "Persistent transient failure: the message as sent is valid, but a temporary condition stopped or delayed it; sending again later may succeed.",
        causes: [],
        fixes: ["Retry later; a proper MTA queues and retries."],
        source: "RFC 3463 §2",
    },
    {
        class: 5,
        name: "permanent failure",
        meaning: "Permanent failure: not likely to succeed if resent in the same form; something must change first.",
        causes: [],
        fixes: ["Do not retry unchanged; fix the cause first."],
        source: "RFC 3463 §2",
    },
];
/** Subject sub-codes (RFC 3463 §2), used when a detail code is not in the registry. */
const ENHANCED_SUBJECTS = [
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
 * X.6.0–X.6.10, X.7.0–X.7.30), with the RFC that defined each.
 */
const ENHANCED_CODES = [
    // X.0.x: RFC 3463 §3.1
    {
        subject: 0, detail: 0,
        meaning: "Other undefined status: only the class of the problem is known.",
        causes: ["The server gave no more specific code."],
        fixes: ["Read the reply text; it usually says more than the code."],
        source: "RFC 3463 §3.1",
    },
    // X.1.x: addressing, RFC 3463 §3.2 unless noted
    {
        subject: 1, detail: 0,
        meaning: "Other address status: something about an address caused the problem.",
        causes: ["An address (sender or recipient) was refused for a reason without a more specific code."],
        fixes: ["Check both the MAIL FROM and RCPT TO addresses and the reply text."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 1,
        meaning: "Bad destination mailbox address: the mailbox (left of the @) does not exist.",
        causes: ["A typo in the local part.", "The account was deleted or never existed.", "A directory (recipient validation) out of sync on the receiving side."],
        fixes: ["Correct the address or remove it from your list; do not keep sending to unknown users."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 2,
        meaning: "Bad destination system address: the domain (right of the @) does not exist or cannot receive mail.",
        causes: ["A typo in the domain.", "The domain has expired or has no MX/A record.", "The server is not responsible for that domain (relaying refused)."],
        fixes: ["Check the domain and its MX records (`dig MX domain`)."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 3,
        meaning: "Bad destination mailbox address syntax.",
        causes: ["Invalid characters, missing brackets, or non-ASCII without SMTPUTF8."],
        fixes: ["Send the address as `<local@domain>` with valid syntax."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 4,
        meaning: "Destination mailbox address ambiguous: it matches more than one recipient.",
        causes: ["The receiving system maps addresses heuristically and found several matches."],
        fixes: ["Use the recipient's exact address."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 5,
        meaning: "Destination address valid (success).",
        causes: ["The recipient was accepted."],
        fixes: ["Nothing to fix."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 6,
        meaning: "Destination mailbox has moved, no forwarding address.",
        causes: ["The address used to be valid but no longer accepts mail."],
        fixes: ["Ask the recipient for the new address; remove the old one from your list."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 7,
        meaning: "Bad sender's mailbox address syntax.",
        causes: ["The MAIL FROM address is syntactically invalid."],
        fixes: ["Fix the envelope sender address your application or MTA sends."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 8,
        meaning: "Bad sender's system address: the sender's domain does not exist or cannot receive replies.",
        causes: ["The MAIL FROM domain does not resolve (no MX or A record), e.g. a local host name like `server.local`."],
        fixes: ["Send with an envelope sender in a real domain that has MX records."],
        source: "RFC 3463 §3.2",
    },
    {
        subject: 1, detail: 9,
        meaning: "Message relayed to non-compliant mailer: the address was valid, but the message went to a system that cannot report further.",
        causes: ["Delivery continued to a system without DSN support."],
        fixes: ["Nothing to fix; no further delivery status will come."],
        source: "RFC 3886",
    },
    {
        subject: 1, detail: 10,
        meaning: "Recipient address has null MX: the recipient's domain declares it accepts no mail.",
        causes: ["The domain publishes `MX 0 .` (null MX)."],
        fixes: ["The address cannot receive mail; check it with the recipient and remove it."],
        source: "RFC 7505; RFC 7504",
    },
    // X.2.x: mailbox, RFC 3463 §3.3
    {
        subject: 2, detail: 0,
        meaning: "Other or undefined mailbox status: the mailbox exists, but something about it stopped delivery.",
        causes: ["A mailbox condition without a more specific code."],
        fixes: ["Read the reply text; contact the recipient by another channel if it persists."],
        source: "RFC 3463 §3.3",
    },
    {
        subject: 2, detail: 1,
        meaning: "Mailbox disabled, not accepting messages.",
        causes: ["The account is suspended, disabled or inactive."],
        fixes: ["Contact the recipient by another channel; remove the address if it stays disabled."],
        source: "RFC 3463 §3.3",
    },
    {
        subject: 2, detail: 2,
        meaning: "Mailbox full: the recipient is over quota.",
        causes: ["The recipient has not cleaned up their mailbox, or the mailbox is abandoned."],
        fixes: ["Retry later; if it persists for days the mailbox is probably abandoned."],
        source: "RFC 3463 §3.3",
    },
    {
        subject: 2, detail: 3,
        meaning: "Message length exceeds the per-mailbox administrative limit.",
        causes: ["The message is larger than this recipient may receive."],
        fixes: ["Send a smaller message; share large files by link."],
        source: "RFC 3463 §3.3",
    },
    {
        subject: 2, detail: 4,
        meaning: "Mailing list expansion problem.",
        causes: ["The recipient is a list that could not be expanded."],
        fixes: ["Contact the list owner."],
        source: "RFC 3463 §3.3",
    },
    // X.3.x: mail system, RFC 3463 §3.4 unless noted
    {
        subject: 3, detail: 0,
        meaning: "Other or undefined mail system status: the destination system normally accepts mail but something about it caused this.",
        causes: ["A receiving-system condition without a more specific code."],
        fixes: ["Read the reply text; retry later if transient."],
        source: "RFC 3463 §3.4",
    },
    {
        subject: 3, detail: 1,
        meaning: "Mail system full: the system's storage is exhausted.",
        causes: ["Disk or queue full on the receiving system."],
        fixes: ["Retry later; if it is your server, free disk or queue space."],
        source: "RFC 3463 §3.4",
    },
    {
        subject: 3, detail: 2,
        meaning: "System not accepting network messages (shutdown, load, maintenance).",
        causes: ["The host is shutting down, overloaded or in maintenance, or does not accept mail at all."],
        fixes: ["Retry later if transient; if permanent, check that you are sending to the right MX."],
        source: "RFC 3463 §3.4; RFC 7504",
    },
    {
        subject: 3, detail: 3,
        meaning: "System not capable of selected features.",
        causes: ["A requested feature cannot be supported, e.g. by a gateway into another mail system."],
        fixes: ["Resend without the feature."],
        source: "RFC 3463 §3.4",
    },
    {
        subject: 3, detail: 4,
        meaning: "Message too big for system.",
        causes: ["The message exceeds the server's per-message size limit (see SIZE in the EHLO answer)."],
        fixes: ["Send a smaller message; base64 attachments are about a third larger than the files."],
        source: "RFC 3463 §3.4",
    },
    {
        subject: 3, detail: 5,
        meaning: "System incorrectly configured to accept this message.",
        causes: ["A configuration error on the receiving system (e.g. a mail loop back to itself, a missing transport)."],
        fixes: ["Tell the receiving postmaster; if it is your server, check its configuration and logs."],
        source: "RFC 3463 §3.4",
    },
    {
        subject: 3, detail: 6,
        meaning: "Requested priority was changed: the message was accepted, but not at the priority asked for.",
        causes: ["The receiver does not honour the requested MT-PRIORITY."],
        fixes: ["Nothing to fix; the reply text gives the priority used."],
        source: "RFC 6710",
    },
    // X.4.x: network and routing, RFC 3463 §3.5
    {
        subject: 4, detail: 0,
        meaning: "Other or undefined network or routing status.",
        causes: ["A network problem without a more specific code."],
        fixes: ["Retry later; check connectivity and DNS toward the destination."],
        source: "RFC 3463 §3.5",
    },
    {
        subject: 4, detail: 1,
        meaning: "No answer from host: the connection attempt was not answered.",
        causes: ["The host is down or busy.", "A firewall drops outgoing port 25 (many ISPs and cloud providers block it)."],
        fixes: ["Test with `nc -vz host 25`; use port 587 with authentication or a relay if port 25 is blocked."],
        source: "RFC 3463 §3.5",
    },
    {
        subject: 4, detail: 2,
        meaning: "Bad connection: the connection was made but the transaction could not complete (timeout, poor link).",
        causes: ["Timeouts, resets, or a middle box interrupting the session.", "TLS handshake failures that drop the connection."],
        fixes: ["Retry; if it repeats, run the session by hand (`openssl s_client -starttls smtp -connect host:25 -crlf`) to see where it breaks."],
        source: "RFC 3463 §3.5",
    },
    {
        subject: 4, detail: 3,
        meaning: "Directory server failure: e.g. DNS could not be reached.",
        causes: ["The resolver is unreachable or timed out."],
        fixes: ["Check the resolver used by the sending system; retry later."],
        source: "RFC 3463 §3.5",
    },
    {
        subject: 4, detail: 4,
        meaning: "Unable to route: no next hop could be found (e.g. DNS returned no MX/A, only an SOA).",
        causes: ["The domain has no MX or address records.", "A DNS misconfiguration at the recipient's domain."],
        fixes: ["Check `dig MX domain` and `dig A domain`."],
        source: "RFC 3463 §3.5",
    },
    {
        subject: 4, detail: 5,
        meaning: "Mail system congestion.",
        causes: ["The receiving system is overloaded or throttling."],
        fixes: ["Retry later with a lower sending rate."],
        source: "RFC 3463 §3.5",
    },
    {
        subject: 4, detail: 6,
        meaning: "Routing loop detected: the message was forwarded too many times.",
        causes: ["MX or relay configuration pointing back at itself.", "A forwarding loop between mailboxes."],
        fixes: ["Check the Received: headers of the bounce to see the loop; fix MX, relay or forwarding rules."],
        source: "RFC 3463 §3.5",
    },
    {
        subject: 4, detail: 7,
        meaning: "Delivery time expired: the message stayed queued too long.",
        causes: ["The destination was unreachable or deferring for the whole retry period."],
        fixes: ["Look for the earlier deferral reason in the logs; it is the real cause."],
        source: "RFC 3463 §3.5",
    },
    // X.5.x: mail delivery protocol, RFC 3463 §3.6 unless noted
    {
        subject: 5, detail: 0,
        meaning: "Other or undefined protocol status.",
        causes: ["A protocol problem without a more specific code."],
        fixes: ["Read the reply text and the command that triggered it."],
        source: "RFC 3463 §3.6",
    },
    {
        subject: 5, detail: 1,
        meaning: "Invalid command: out of sequence or unsupported.",
        causes: ["A command sent in the wrong order or not supported.", "A middle box rewrote the command (SMTP inspection)."],
        fixes: ["Check the command sequence and the EHLO answer."],
        source: "RFC 3463 §3.6",
    },
    {
        subject: 5, detail: 2,
        meaning: "Syntax error: the command could not be interpreted.",
        causes: ["A malformed or unrecognised command.", "Bare LF instead of CRLF line endings.", "A middle box rewrote the command."],
        fixes: ["Send CRLF line endings and standard commands; compare with `openssl s_client -crlf`."],
        source: "RFC 3463 §3.6",
    },
    {
        subject: 5, detail: 3,
        meaning: "Too many recipients for this transaction.",
        causes: ["More RCPT commands than the server allows per message."],
        fixes: ["Split the recipients over several transactions."],
        source: "RFC 3463 §3.6",
    },
    {
        subject: 5, detail: 4,
        meaning: "Invalid command arguments: out of range or unrecognised features.",
        causes: ["A parameter the server did not advertise or a bad argument value."],
        fixes: ["Send only parameters announced in the EHLO answer."],
        source: "RFC 3463 §3.6",
    },
    {
        subject: 5, detail: 5,
        meaning: "Wrong protocol version.",
        causes: ["A protocol version mismatch that could not be resolved."],
        fixes: ["Use a standard SMTP/ESMTP client."],
        source: "RFC 3463 §3.6",
    },
    {
        subject: 5, detail: 6,
        meaning: "Authentication exchange line is too long.",
        causes: ["A base64 AUTH response longer than the server's buffer (large OAuth2 tokens)."],
        fixes: ["Use a mechanism that sends less per line, or raise the server's line limit."],
        source: "RFC 4954 §6",
    },
    // X.6.x: content or media, RFC 3463 §3.7 unless noted
    {
        subject: 6, detail: 0,
        meaning: "Other or undefined media error: something about the content made it undeliverable.",
        causes: ["A content problem without a more specific code (often a content filter)."],
        fixes: ["Read the reply text; check attachments and encoding."],
        source: "RFC 3463 §3.7",
    },
    {
        subject: 6, detail: 1,
        meaning: "Media not supported by the delivery protocol or next system.",
        causes: ["8-bit or binary content to a system that does not support it.", "A blocked attachment type."],
        fixes: ["Encode content (quoted-printable/base64); avoid blocked attachment types."],
        source: "RFC 3463 §3.7",
    },
    {
        subject: 6, detail: 2,
        meaning: "Conversion required and prohibited.",
        causes: ["The content must be converted for delivery, but the sender or policy forbids conversion."],
        fixes: ["Send content that needs no conversion (7-bit safe encoding)."],
        source: "RFC 3463 §3.7",
    },
    {
        subject: 6, detail: 3,
        meaning: "Conversion required but not supported (e.g. 8-bit to 7-bit downgrade impossible).",
        causes: ["An 8BITMIME message reached a hop without 8BITMIME that cannot downgrade it."],
        fixes: ["Send 7-bit safe content (quoted-printable or base64)."],
        source: "RFC 3463 §3.7",
    },
    {
        subject: 6, detail: 4,
        meaning: "Conversion with loss performed (a warning, or a failure if lossy conversion was forbidden).",
        causes: ["A gateway converted the content and lost some data."],
        fixes: ["Check the delivered message; send in a format that needs no conversion."],
        source: "RFC 3463 §3.7",
    },
    {
        subject: 6, detail: 5,
        meaning: "Conversion failed.",
        causes: ["A required content conversion did not succeed."],
        fixes: ["Send in a simpler format or encoding."],
        source: "RFC 3463 §3.7",
    },
    {
        subject: 6, detail: 6,
        meaning: "Message content not available: content could not be fetched from a remote system (BURL).",
        causes: ["The BURL/IMAP URL could not be resolved by the submission server."],
        fixes: ["Check the URL and the trust between submission and IMAP servers; or send the content with DATA."],
        source: "RFC 4468",
    },
    {
        subject: 6, detail: 7,
        meaning: "Non-ASCII addresses not permitted for that sender/recipient.",
        causes: ["An internationalised (UTF-8) address sent to a server without SMTPUTF8, or not allowed by policy."],
        fixes: ["Use an ASCII address, or send through servers that support SMTPUTF8."],
        source: "RFC 6531",
    },
    {
        subject: 6, detail: 8,
        meaning: "UTF-8 string reply is required, but not permitted by the SMTP client.",
        causes: ["The server needs to return a UTF-8 mailbox name but the client did not use SMTPUTF8."],
        fixes: ["Use a client that supports SMTPUTF8."],
        source: "RFC 6531",
    },
    {
        subject: 6, detail: 9,
        meaning: "UTF-8 header message cannot be transferred to one or more recipients, so it must be rejected.",
        causes: ["The message has UTF-8 header fields but a hop does not support SMTPUTF8."],
        fixes: ["Use ASCII (encoded-word) headers or SMTPUTF8-capable servers."],
        source: "RFC 6531",
    },
    {
        subject: 6, detail: 10,
        meaning: "Deprecated: registered as a duplicate of X.6.8 (UTF-8 string reply required but not permitted by the client).",
        causes: ["Treat as X.6.8: the server needs to return a UTF-8 string but the client did not use SMTPUTF8."],
        fixes: ["Use a client that supports SMTPUTF8."],
        source: "RFC 6531",
    },
    // X.7.x: security or policy, RFC 3463 §3.8 unless noted
    {
        subject: 7, detail: 0,
        meaning: "Other or undefined security status (also used when policy forbids saying more).",
        causes: ["Authentication required, TLS required, or a policy block without a specific code."],
        fixes: ["Read the reply text; authenticate and use TLS; check reputation if it is a block."],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 1,
        meaning: "Delivery not authorized, message refused (per-host or per-recipient policy).",
        causes: [
            "Relaying denied: not authenticated or not allowed to send to that domain.",
            "The sending IP is on a blocklist or has poor reputation.",
            "SPF/DKIM/DMARC failure, or the recipient only accepts mail from certain senders.",
            "Greylisting (with class 4).",
        ],
        fixes: [
            "Authenticate before relaying.",
            "Check the sending IP on DNSBLs and the domain's SPF/DKIM/DMARC.",
            "Retry later if it is a 4.7.1 deferral (greylisting).",
        ],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 2,
        meaning: "Mailing list expansion prohibited for this sender.",
        causes: ["Only members or allowed senders may post to the list."],
        fixes: ["Ask the list owner for permission."],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 3,
        meaning: "Security conversion required but not possible.",
        causes: ["A conversion between secure messaging protocols was needed and not possible."],
        fixes: ["Send in a security format the recipient supports."],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 4,
        meaning: "Security features not supported by the delivery protocol.",
        causes: ["The message needs a security feature the path cannot provide."],
        fixes: ["Send without the feature, or through a path that supports it."],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 5,
        meaning: "Cryptographic failure: a key or other information needed to validate or decrypt was missing or invalid.",
        causes: ["Missing or invalid key for signature validation or decryption."],
        fixes: ["Check the keys (DKIM DNS record, certificates) used for the message."],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 6,
        meaning: "Cryptographic algorithm not supported.",
        causes: ["The algorithm used to sign or encrypt is not supported by the validator."],
        fixes: ["Use a widely supported algorithm (e.g. rsa-sha256 for DKIM)."],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 7,
        meaning: "Message integrity failure: the message was corrupted or altered.",
        causes: ["Modification in transit (a footer or rewrite) broke a signature."],
        fixes: ["Find the hop that modifies the message; sign after the last modification."],
        source: "RFC 3463 §3.8",
    },
    {
        subject: 7, detail: 8,
        meaning: "Authentication credentials invalid.",
        causes: ["Wrong user name or password; app password or OAuth2 required; expired token or missing scope."],
        fixes: ["Check the credentials; use an app password or a fresh OAuth2 token with the SMTP scope."],
        source: "RFC 4954 §6",
    },
    {
        subject: 7, detail: 9,
        meaning: "Authentication mechanism is too weak.",
        causes: ["The selected AUTH mechanism is weaker than the server's policy permits for this user."],
        fixes: ["Use a stronger mechanism or the same one over TLS; use OAuth2 where the provider requires it."],
        source: "RFC 4954 §6",
    },
    {
        subject: 7, detail: 10,
        meaning: "Encryption needed: a strong privacy layer is needed to use the requested authentication mechanism.",
        causes: ["AUTH attempted without TLS."],
        fixes: ["Issue STARTTLS (or use port 465) before AUTH."],
        source: "RFC 5248",
    },
    {
        subject: 7, detail: 11,
        meaning: "Encryption required for the requested authentication mechanism.",
        causes: ["A plain-text AUTH mechanism used on an unencrypted connection."],
        fixes: ["Issue STARTTLS (or use port 465) before AUTH."],
        source: "RFC 4954 §6",
    },
    {
        subject: 7, detail: 12,
        meaning: "A password transition is needed: authenticate once with PLAIN so the server can set up the selected mechanism.",
        causes: ["The server lacks the credentials needed for the selected mechanism."],
        fixes: ["Authenticate once with AUTH PLAIN over TLS, then retry."],
        source: "RFC 4954 §6",
    },
    {
        subject: 7, detail: 13,
        meaning: "User account disabled: authentication succeeded, but the account is disabled.",
        causes: ["The account is suspended (abuse, unpaid, compromised)."],
        fixes: ["Contact the provider or administrator to re-enable the account; do not retry credentials."],
        source: "RFC 5248",
    },
    {
        subject: 7, detail: 14,
        meaning: "Trust relationship required: the submission server needs a configured trust with a third-party server to fetch the content.",
        causes: ["BURL submission without the trust between submission and IMAP server."],
        fixes: ["Configure the trust, or send the content with DATA."],
        source: "RFC 5248",
    },
    {
        subject: 7, detail: 15,
        meaning: "Priority level is too low for the receiving server.",
        causes: ["The server only accepts higher MT-PRIORITY messages right now."],
        fixes: ["Retry later or with a higher priority if permitted."],
        source: "RFC 6710",
    },
    {
        subject: 7, detail: 16,
        meaning: "Message is too big for the specified priority.",
        causes: ["The server accepts only smaller messages at this priority."],
        fixes: ["Send a smaller message or use a lower priority."],
        source: "RFC 6710",
    },
    {
        subject: 7, detail: 17,
        meaning: "Mailbox owner has changed since the date given with Require-Recipient-Valid-Since (RRVS).",
        causes: ["The address was reassigned to someone else."],
        fixes: ["Do not send to this address; update your records."],
        source: "RFC 7293",
    },
    {
        subject: 7, detail: 18,
        meaning: "Domain owner has changed since the date given with RRVS.",
        causes: ["The recipient's domain changed hands."],
        fixes: ["Do not send to this address; update your records."],
        source: "RFC 7293",
    },
    {
        subject: 7, detail: 19,
        meaning: "RRVS test cannot be completed: the receiver has no record of the needed timestamp.",
        causes: ["The receiving system cannot evaluate Require-Recipient-Valid-Since."],
        fixes: ["Decide whether to resend without RRVS."],
        source: "RFC 7293",
    },
    {
        subject: 7, detail: 20,
        meaning: "No passing DKIM signature found.",
        causes: ["The message is unsigned, or every signature failed (body or headers changed, wrong DNS key)."],
        fixes: ["Sign with DKIM and check the selector's DNS record; make sure no hop alters the message after signing."],
        source: "RFC 7372; RFC 6376",
    },
    {
        subject: 7, detail: 21,
        meaning: "No acceptable DKIM signature found: signatures pass, but none is acceptable under local policy.",
        causes: ["Signed only by a domain the receiver does not accept (e.g. the ESP's domain, not yours)."],
        fixes: ["Sign with your own domain (aligned with From:)."],
        source: "RFC 7372; RFC 6376",
    },
    {
        subject: 7, detail: 22,
        meaning: "No valid author-matched DKIM signature found (no passing signature from the From: domain).",
        causes: ["The DKIM d= domain does not match the From: domain."],
        fixes: ["Sign with d= equal to (or aligned with) the From: domain."],
        source: "RFC 7372; RFC 6376",
    },
    {
        subject: 7, detail: 23,
        meaning: "SPF validation failed: the sending IP is not authorised by the sender domain's SPF record.",
        causes: ["The sending server or ESP is missing from the SPF record.", "Forwarding changed the sending IP."],
        fixes: ["Add the sending IP or include: to the SPF record; use SRS when forwarding."],
        source: "RFC 7372; RFC 7208",
    },
    {
        subject: 7, detail: 24,
        meaning: "SPF validation error: evaluating SPF failed (temperror or permerror).",
        causes: ["Syntax error in the SPF record, more than 10 DNS lookups, several SPF records, or DNS timeouts."],
        fixes: ["Validate the SPF record; flatten includes to stay under 10 lookups; publish exactly one SPF record."],
        source: "RFC 7372; RFC 7208",
    },
    {
        subject: 7, detail: 25,
        meaning: "Reverse DNS validation failed for the SMTP client's IP address.",
        causes: ["The sending IP has no PTR record, or the PTR name does not resolve back to the IP."],
        fixes: ["Set a PTR record (through the IP's owner) whose name resolves back to the same IP, and use it in EHLO."],
        source: "RFC 7372; RFC 7601",
    },
    {
        subject: 7, detail: 26,
        meaning: "Multiple authentication checks failed (which ones is not said).",
        causes: ["Several of SPF, DKIM, DMARC or reverse DNS failed; Gmail uses 5.7.26 for unauthenticated mail."],
        fixes: ["Fix SPF, DKIM and DMARC alignment for the From: domain."],
        source: "RFC 7372",
    },
    {
        subject: 7, detail: 27,
        meaning: "Sender address has null MX: the sender's domain declares it receives no mail, so no bounce could be returned.",
        causes: ["The MAIL FROM domain publishes `MX 0 .`."],
        fixes: ["Send with an envelope sender in a domain that accepts mail."],
        source: "RFC 7505",
    },
    {
        subject: 7, detail: 28,
        meaning: "Mail flood detected: the message looks like part of a flood of similar abusive messages.",
        causes: ["A burst of similar messages from your IP or domain; high complaint or spam rates."],
        fixes: ["Slow down, check for a compromised account or form abuse, and warm up volume gradually."],
        source: "RFC 8098",
    },
    {
        subject: 7, detail: 29,
        meaning: "ARC validation failure.",
        causes: ["The ARC chain added by forwarders or lists is broken or invalid."],
        fixes: ["Check the ARC signing of the intermediaries; fix or stop modifying messages after sealing."],
        source: "RFC 8617",
    },
    {
        subject: 7, detail: 30,
        meaning: "REQUIRETLS support required: the message demanded REQUIRETLS but the next hop does not offer it.",
        causes: ["A hop on the path does not support REQUIRETLS or valid TLS."],
        fixes: ["Send without REQUIRETLS, or through a path whose servers support it."],
        source: "RFC 8689",
    },
];

;// CONCATENATED MODULE: ./src/knowledge/reply-codes.ts
/**
 * SMTP reply codes: every code of RFC 5321 §4.2.2/§4.2.3 plus the ones added by
 * extensions (RFC 3207 STARTTLS, RFC 4954 AUTH, RFC 7504). One entry per code; where an
 * extension gives a code a second use, the entry says both and names both sources.
 */
const REPLY_CODES = [
    {
        code: 211,
        meaning: "System status, or system help reply.",
        causes: ["The server answered a HELP (or similar status) command."],
        fixes: ["Nothing to fix: informational."],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 214,
        meaning: "Help message: text meant for a human, usually the answer to HELP.",
        causes: ["The client sent HELP."],
        fixes: ["Nothing to fix: informational."],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 220,
        meaning: "Service ready (the greeting banner). After STARTTLS, 220 means \"ready to start TLS\": the client must begin the TLS handshake now.",
        causes: [
            "Normal greeting on connect.",
            "Normal answer to STARTTLS (RFC 3207).",
            "A banner of asterisks (\"220 ****************\") means a firewall with SMTP inspection (Cisco PIX/ASA fixup smtp / inspect esmtp) is masking the real banner.",
        ],
        fixes: [
            "Nothing to fix for a normal banner.",
            "If the banner is masked with asterisks, expect the same appliance to strip STARTTLS and mangle commands; disable SMTP inspection on it (no fixup protocol smtp 25 / no inspect esmtp).",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS)",
    },
    {
        code: 221,
        meaning: "Service closing transmission channel: the normal answer to QUIT.",
        causes: ["The client sent QUIT, or the server is ending the session after an error it already reported."],
        fixes: ["Nothing to fix if it follows QUIT; otherwise read the reply before it."],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 235,
        meaning: "Authentication succeeded.",
        causes: ["AUTH completed with valid credentials."],
        fixes: ["Nothing to fix."],
        source: "RFC 4954 §4, §6",
    },
    {
        code: 250,
        meaning: "Requested mail action okay, completed.",
        causes: ["The command was accepted (after DATA's final dot: the server has taken responsibility for the message)."],
        fixes: [
            "Nothing to fix. If mail accepted with 250 never arrives, the problem is downstream (spam folder, content filter, a later bounce): check the server's logs and the recipient's junk folder.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 251,
        meaning: "User not local; the server will forward to another path.",
        causes: ["The recipient is handled elsewhere and this server relays for it."],
        fixes: ["Nothing to fix."],
        source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
    },
    {
        code: 252,
        meaning: "Cannot verify the user (VRFY), but the server will accept the message and attempt delivery.",
        causes: ["The server disables VRFY address probing, as most do to stop address harvesting."],
        fixes: ["Nothing to fix. Do not rely on VRFY to validate addresses."],
        source: "RFC 5321 §4.2.2, §4.2.3, §3.5.3",
    },
    {
        code: 334,
        meaning: "AUTH continuation: the server sends a (base64) challenge and waits for the client's response.",
        causes: ["A multi-step SASL mechanism (LOGIN, CRAM-MD5, XOAUTH2 error details) is in progress."],
        fixes: [
            "Nothing to fix. With XOAUTH2, a 334 carrying base64 JSON is the error detail: decode it, then send an empty line to get the final 535.",
        ],
        source: "RFC 4954 §4",
    },
    {
        code: 354,
        meaning: "Start mail input; end with <CRLF>.<CRLF>.",
        causes: ["The server accepted DATA and waits for the message."],
        fixes: ["Nothing to fix. Lines beginning with a dot must be dot-stuffed (RFC 5321 §4.5.2)."],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 421,
        meaning: "Service not available, closing transmission channel. The server is shutting the session; this is temporary.",
        causes: [
            "Rate limiting or too many connections from your IP address.",
            "The server is overloaded, restarting, or in maintenance.",
            "An idle or session timeout expired.",
            "A reputation or policy check that defers rather than rejects (some providers send 421 4.7.0 for unauthenticated or suspicious senders).",
        ],
        fixes: [
            "Retry later with backoff; a proper MTA queues and retries automatically (RFC 5321 §4.5.4.1).",
            "Reduce concurrency and sending rate to this server.",
            "If it persists, read the reply text: providers name the limit or link to their postmaster page.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3, §3.8",
    },
    {
        code: 432,
        meaning: "A password transition is needed: authenticate once with a plain mechanism so the server can set up the new one.",
        causes: ["The server needs your password in clear (over TLS) once to derive credentials for the selected mechanism."],
        fixes: ["Authenticate once with AUTH PLAIN over TLS, then retry the chosen mechanism."],
        source: "RFC 4954 §6",
    },
    {
        code: 450,
        meaning: "Requested mail action not taken: mailbox unavailable (temporarily; e.g. mailbox busy or blocked for policy reasons).",
        causes: [
            "Greylisting: the first attempt from an unknown sender/IP/recipient triplet is deferred on purpose.",
            "The mailbox is locked or busy, or the recipient's server is temporarily unable to verify it.",
            "A temporary policy block (reputation, rate of unknown recipients).",
        ],
        fixes: [
            "Retry after several minutes; greylisting accepts the retry once the delay has passed (typically 1 to 15 minutes).",
            "Make sure your sender retries from the same IP address (a pool of rotating IPs keeps getting greylisted).",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 451,
        meaning: "Requested action aborted: local error in processing (temporary).",
        causes: [
            "Greylisting (many servers defer with 451 4.7.1).",
            "A temporary failure on the receiving side: DNS lookup failure, content scanner or milter unavailable, disk or database error.",
            "An SPF/DNS lookup on your domain timed out.",
        ],
        fixes: [
            "Retry after several minutes; a greylisting server accepts the retry.",
            "If it persists, check the receiving server's logs (if it is yours) or your domain's DNS health.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 452,
        meaning: "Requested action not taken: insufficient system storage (temporary). After RCPT it also means too many recipients for this transaction.",
        causes: [
            "The receiving server's disk or queue is full.",
            "The recipient's mailbox is over quota (often with 4.2.2).",
            "Too many RCPT commands in one transaction (RFC 5321 §4.5.3.1.10).",
        ],
        fixes: [
            "Retry later; if you control the server, free disk or queue space.",
            "Send the remaining recipients in another transaction.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
    },
    {
        code: 454,
        meaning: "Temporary failure: TLS not available for a temporary reason (answer to STARTTLS), or temporary authentication failure (answer to AUTH).",
        causes: [
            "STARTTLS: the server's certificate or key cannot be loaded, or its TLS layer is misconfigured or overloaded.",
            "AUTH: the authentication backend (LDAP, database, SASL daemon) is unreachable.",
        ],
        fixes: [
            "Retry later.",
            "If you run the server: check the TLS certificate/key paths and permissions and the auth backend, and its logs.",
            "Do not fall back to sending credentials without TLS.",
        ],
        source: "RFC 3207 §4 (STARTTLS); RFC 4954 §6 (AUTH)",
    },
    {
        code: 455,
        meaning: "Server unable to accommodate parameters (temporary): a MAIL FROM/RCPT TO parameter cannot be honoured right now.",
        causes: ["An ESMTP parameter (e.g. SIZE, a DSN option) cannot be handled at this time."],
        fixes: ["Retry later, or resend without the parameter."],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 500,
        meaning: "Syntax error, command unrecognized (also: command line too long). Today a 500 rarely means the MTA itself is broken; usually something between the sender and the MTA changed the command, or the sender used something non-standard.",
        causes: [
            "A firewall or security appliance that inspects or rewrites SMTP: Cisco PIX/ASA \"fixup smtp\" / ESMTP inspection masks the banner with asterisks, replaces commands it does not know with XXXX, and removes STARTTLS from the EHLO answer.",
            "A TLS negotiation failure that corrupted the command stream (e.g. the client keeps writing plain text after STARTTLS, or an appliance interferes with the handshake).",
            "The sender uses a non-standard command or extension, e.g. a legacy \"XAUTH2 login\" instead of \"AUTH XOAUTH2\".",
            "Wrong line endings: bare LF instead of CRLF, so the server sees one long or garbled command.",
            "A proxy or load balancer in the path (HTTP proxy, transparent proxy, PROXY protocol mismatch) that speaks something other than plain SMTP.",
            "Authentication exchange line too long (RFC 4954, with 5.5.6).",
        ],
        fixes: [
            "Isolate the middle box: repeat the session by hand with a plain client: `openssl s_client -starttls smtp -connect host:587 -crlf` (STARTTLS), `openssl s_client -connect host:465 -crlf` (implicit TLS), or `nc`/`telnet host 25` (plain).",
            "Compare the same session from inside and outside the firewall; if the banner or EHLO answer differs (asterisks, XXXX, no STARTTLS), an appliance rewrites SMTP.",
            "Disable SMTP inspection on the appliance in the path: `no fixup protocol smtp 25` (PIX) or `no inspect esmtp` in the ASA policy-map.",
            "Make the client send CRLF line endings and only standard commands (AUTH XOAUTH2, not XAUTH2).",
            "Check the MTA's configuration and logs for what it actually received.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3; RFC 4954 §6",
    },
    {
        code: 501,
        meaning: "Syntax error in parameters or arguments. For STARTTLS: the command takes no parameters. For AUTH: the client cancelled the exchange or sent an invalid base64 response.",
        causes: [
            "A malformed address in MAIL FROM/RCPT TO (missing angle brackets, spaces, non-ASCII without SMTPUTF8).",
            "An invalid EHLO/HELO argument (empty or not a domain or address literal).",
            "Parameters given to STARTTLS (RFC 3207).",
            "A bad base64 response, or \"*\" cancelling AUTH (RFC 4954).",
            "Wrong line endings or a middle box mangling the command (see 500).",
        ],
        fixes: [
            "Check the exact command line sent: `MAIL FROM:<user@example.com>` with brackets and no space after the colon.",
            "Send a fully qualified host name in EHLO.",
            "Re-run by hand with `openssl s_client -starttls smtp -connect host:587 -crlf` to see what the server receives.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3; RFC 3207 §4 (STARTTLS); RFC 4954 §4 (AUTH)",
    },
    {
        code: 502,
        meaning: "Command not implemented: the server recognises the command but does not support it here. As with 500, a middle box is a frequent cause.",
        causes: [
            "The server does not offer the command (VRFY, EXPN, TURN, or AUTH/STARTTLS not enabled on this port or listener).",
            "A firewall with SMTP inspection (Cisco PIX/ASA fixup smtp / inspect esmtp) replaced the command with XXXX or removed the extension.",
            "The client used a command without checking the EHLO answer, or sent a non-standard extension.",
            "A proxy or load balancer that forwards to a different service than expected.",
        ],
        fixes: [
            "Look at the EHLO answer and use only advertised extensions; check you are on the right port (587 submission, 465 implicit TLS, 25 relay).",
            "Compare `openssl s_client -starttls smtp -connect host:587 -crlf` from inside and outside the firewall.",
            "Disable SMTP inspection on the appliance in the path (`no fixup protocol smtp 25` / `no inspect esmtp`).",
            "Enable the feature in the MTA configuration if you need it.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3, §4.2.4",
    },
    {
        code: 503,
        meaning: "Bad sequence of commands.",
        causes: [
            "RCPT before MAIL, DATA before a successful RCPT, or MAIL twice without RSET.",
            "AUTH sent before EHLO, or again after authentication succeeded.",
            "A pipelined command failed earlier and the client did not notice.",
            "Relay attempt without authentication on servers that answer 503 instead of 554.",
        ],
        fixes: [
            "Check the earlier replies: the command that really failed is before this one.",
            "Follow the sequence EHLO, (STARTTLS, EHLO), AUTH, MAIL, RCPT, DATA.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3, §4.1.4",
    },
    {
        code: 504,
        meaning: "Command parameter not implemented (e.g. an unsupported AUTH mechanism).",
        causes: [
            "AUTH with a mechanism the server does not offer.",
            "A parameter value the server does not support.",
        ],
        fixes: ["Pick a mechanism or parameter from the EHLO answer."],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 521,
        meaning: "Host does not accept mail: this server never accepts mail (e.g. a dummy MX or a host that only sends).",
        causes: [
            "You connected to a host that is configured to refuse all mail.",
            "The domain's MX points at a host that is not a mail server.",
        ],
        fixes: [
            "Check the MX records of the recipient's domain (`dig MX domain`).",
            "Do not retry: the refusal is permanent.",
        ],
        source: "RFC 7504 §3",
    },
    {
        code: 530,
        meaning: "Access denied: authentication required (RFC 4954), or \"must issue a STARTTLS command first\" (RFC 3207).",
        causes: [
            "The server requires STARTTLS before any other command (typical on submission port 587).",
            "The server requires AUTH before MAIL FROM (submission, or relaying).",
            "STARTTLS was stripped by a firewall (SMTP inspection), so the client never upgraded.",
        ],
        fixes: [
            "Issue STARTTLS (then EHLO again) before AUTH and MAIL.",
            "Authenticate with the credentials for this server before sending.",
            "If STARTTLS is missing from the EHLO answer although the server offers it, look for an appliance in the path (`no inspect esmtp`).",
        ],
        source: "RFC 4954 §6; RFC 3207 §4",
    },
    {
        code: 534,
        meaning: "Authentication mechanism is too weak for this user by server policy.",
        causes: [
            "A weak mechanism (PLAIN/LOGIN without TLS, CRAM-MD5) where the server demands a stronger one.",
            "Providers such as Gmail answer 534 5.7.9/5.7.14 when basic authentication is refused and an app password or OAuth is required.",
        ],
        fixes: [
            "Use a stronger mechanism, or the same mechanism over TLS.",
            "For providers that require it, use an app password or OAuth2 (AUTH XOAUTH2).",
        ],
        source: "RFC 4954 §6",
    },
    {
        code: 535,
        meaning: "Authentication credentials invalid.",
        causes: [
            "Wrong user name or password (the user name is often the full e-mail address).",
            "The provider requires an app password because the account has 2-step verification.",
            "OAuth2 token expired or issued without the mail-sending scope (e.g. https://mail.google.com/ or SMTP.Send).",
            "SMTP AUTH disabled for the account or tenant (e.g. Microsoft 365 per-mailbox setting).",
            "Wrong base64 encoding of the credentials.",
        ],
        fixes: [
            "Check the user name and secret; create an app password if the account uses 2-step verification.",
            "Refresh the OAuth2 token and check it carries the SMTP scope.",
            "Enable authenticated SMTP for the mailbox if the provider has a switch for it.",
        ],
        source: "RFC 4954 §6",
    },
    {
        code: 538,
        meaning: "Encryption required for the requested authentication mechanism.",
        causes: ["AUTH with a plain-text mechanism on an unencrypted connection."],
        fixes: ["Issue STARTTLS (or use implicit TLS on port 465) before AUTH."],
        source: "RFC 4954 §6",
    },
    {
        code: 550,
        meaning: "Requested action not taken: mailbox unavailable (not found, no access) or refused by policy. Permanent.",
        causes: [
            "The recipient address does not exist (usually with 5.1.1).",
            "Relaying denied: the server is not responsible for the recipient's domain and you are not authenticated.",
            "Policy rejection: SPF/DKIM/DMARC failure, blocklisted IP, missing reverse DNS, spam content (usually 5.7.x).",
            "The recipient's mailbox is disabled.",
        ],
        fixes: [
            "Check the recipient address for typos; remove it from your list if it does not exist (repeated sends hurt your reputation).",
            "Authenticate before relaying to outside domains.",
            "Read the text and enhanced code; for policy rejections fix SPF/DKIM/DMARC and check the sending IP on DNSBLs.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 551,
        meaning: "User not local; the server will not forward, and may name the address to try instead.",
        causes: ["The recipient has moved, or the server refuses to relay for that address."],
        fixes: ["Use the forward path given in the reply text, if any, or check the address with the recipient."],
        source: "RFC 5321 §4.2.2, §4.2.3, §3.4",
    },
    {
        code: 552,
        meaning: "Requested mail action aborted: exceeded storage allocation (message too big, or mailbox full).",
        causes: [
            "The message exceeds the server's SIZE limit (check the SIZE value in the EHLO answer).",
            "The recipient's mailbox is over quota.",
            "Too many recipients (some servers use 552 for this, RFC 5321 §4.5.3.1.10).",
        ],
        fixes: [
            "Send a smaller message: link large attachments instead of attaching them; base64 inflates size by about a third.",
            "Ask the recipient to free space.",
            "Split the recipients over several transactions.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3, §4.5.3.1.10",
    },
    {
        code: 553,
        meaning: "Requested action not taken: mailbox name not allowed (syntax incorrect, or sender not permitted).",
        causes: [
            "The MAIL FROM address is not owned by the authenticated user (sending as someone else's address).",
            "A syntactically invalid address.",
            "The sender domain does not resolve or is not accepted.",
        ],
        fixes: [
            "Send with a MAIL FROM (and From:) that belongs to the authenticated account, or grant \"send as\" rights to it.",
            "Check the address syntax.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 554,
        meaning: "Transaction failed (after DATA), or, in the greeting, no SMTP service here. Permanent.",
        causes: [
            "The sending IP address is on a DNS blocklist (Spamhaus, Barracuda, SpamCop …), often already at the greeting.",
            "Relay access denied.",
            "Content rejected: spam score, virus, forbidden attachment type.",
            "SPF/DKIM/DMARC failure under the receiver's policy.",
        ],
        fixes: [
            "Check the sending IP address on DNSBLs (e.g. query zen.spamhaus.org, or use a multi-RBL checker) and request delisting after fixing the cause.",
            "Authenticate before relaying.",
            "Look at the reply text: receivers usually name the list or the filter that fired.",
            "Fix SPF, DKIM and DMARC for the sending domain.",
        ],
        source: "RFC 5321 §4.2.2, §4.2.3, §3.1",
    },
    {
        code: 555,
        meaning: "MAIL FROM/RCPT TO parameters not recognized or not implemented.",
        causes: [
            "An ESMTP parameter (SIZE, BODY=8BITMIME, SMTPUTF8, DSN options, REQUIRETLS) the server did not advertise.",
        ],
        fixes: ["Send only parameters the server announced in its EHLO answer."],
        source: "RFC 5321 §4.2.2, §4.2.3",
    },
    {
        code: 556,
        meaning: "Domain does not accept mail: the recipient's domain declares it receives no mail (e.g. a null MX).",
        causes: ["The recipient domain publishes a null MX (MX 0 \".\") or otherwise refuses all mail."],
        fixes: ["Check the recipient address; the domain cannot receive mail. Do not retry."],
        source: "RFC 7504 §4; RFC 7505",
    },
];

;// CONCATENATED MODULE: ./src/knowledge/explain.ts


/** Reply code syntax: three digits, the first 2–5 (RFC 5321 §4.2). */
const REPLY_RE = /^[2-5]\d\d$/;
/** Enhanced status code syntax: class 2|4|5, subject and detail of 1–3 digits (RFC 3463 §2). */
const ENHANCED_RE = /^([245])\.(\d{1,3})\.(\d{1,3})$/;
/** A registry key: class given as a digit or as X. */
const ENHANCED_KEY_RE = /^([245Xx])\.(\d{1,3})\.(\d{1,3})$/;
const REPLY_BY_CODE = new Map(REPLY_CODES.map((e) => [e.code, e]));
const ENHANCED_BY_KEY = new Map(ENHANCED_CODES.map((e) => [`${e.subject}.${e.detail}`, e]));
/** First-digit meaning of a reply code (RFC 5321 §4.2.1). */
const FIRST_DIGIT = {
    2: "Positive completion reply: the requested action was completed.",
    3: "Positive intermediate reply: the command was accepted, the server waits for more information.",
    4: "Transient negative completion reply: the action was not taken, but the condition is temporary; try again later.",
    5: "Permanent negative completion reply: the action was not taken and repeating it unchanged will fail again.",
};
/** Second-digit category of a reply code (RFC 5321 §4.2.1). */
const SECOND_DIGIT = {
    0: "syntax",
    1: "information",
    2: "connections",
    3: "unspecified",
    4: "unspecified",
    5: "mail system",
};
const REPLY_CLASS = {
    2: "success",
    3: "intermediate",
    4: "transient",
    5: "permanent",
};
const BOUNCE = {
    success: "none",
    intermediate: "none",
    transient: "soft",
    permanent: "hard",
};
function lookupReplyCode(code) {
    return REPLY_BY_CODE.get(code);
}
/** Looks up "5.1.1", "4.1.1" or "X.1.1" by its subject.detail (the class does not change the entry). */
function lookupEnhanced(enhanced) {
    const m = ENHANCED_KEY_RE.exec(enhanced.trim());
    if (!m)
        return undefined;
    return ENHANCED_BY_KEY.get(`${Number(m[2])}.${Number(m[3])}`);
}
/** 2→success, 3→intermediate, 4→transient, 5→permanent (first digit; RFC 5321 §4.2.1). */
function classOfCode(code) {
    const cls = REPLY_CLASS[Math.floor(code / 100)];
    if (!cls)
        throw new RangeError(`not an SMTP reply code: ${code}`);
    return cls;
}
/** none for success/intermediate, soft for transient, hard for permanent. */
function bounceOf(cls) {
    return BOUNCE[cls];
}
function isReplyCode(code) {
    return Number.isInteger(code) && REPLY_RE.test(String(code));
}
/** Canonical form of a well-formed enhanced code ("5.01.1" → "5.1.1"), or null. */
function normalizeEnhanced(s) {
    const m = ENHANCED_RE.exec(s.trim());
    if (!m)
        return null;
    return `${m[1]}.${Number(m[2])}.${Number(m[3])}`;
}
/**
 * Parses the arguments of `smtp-gate explain`: `500`, `550 5.1.1` (as one or two
 * arguments), `550-5.1.1` (a continuation line), or `5.7.1`.
 */
function parseExplainQuery(args) {
    const tokens = args
        .join(" ")
        .trim()
        .split(/\s+/)
        .filter((t) => t !== "")
        .flatMap((t) => (/^\d{3}-/.test(t) ? [t.slice(0, 3), t.slice(4)] : [t]))
        .filter((t) => t !== "");
    if (tokens.length === 0) {
        return { error: "give a reply code and/or an enhanced status code, e.g. `550`, `550 5.1.1` or `5.7.1`" };
    }
    if (tokens.length > 2) {
        return { error: `expected at most a reply code and an enhanced status code, got ${tokens.length} values: ${tokens.join(" ")}` };
    }
    let code = null;
    let enhanced = null;
    for (const t of tokens) {
        if (/^\d+$/.test(t)) {
            if (!REPLY_RE.test(t)) {
                return { error: `"${t}" is not an SMTP reply code: it must be three digits with the first digit 2–5 (RFC 5321 §4.2)` };
            }
            if (code !== null)
                return { error: `two reply codes given (${code} and ${t}); give one` };
            code = Number(t);
        }
        else if (t.includes(".")) {
            const norm = normalizeEnhanced(t);
            if (norm === null) {
                return {
                    error: `"${t}" is not an enhanced status code: expected class.subject.detail with class 2, 4 or 5 and subject and detail of 1–3 digits, e.g. 5.1.1 (RFC 3463 §2)`,
                };
            }
            if (enhanced !== null)
                return { error: `two enhanced status codes given (${enhanced} and ${t}); give one` };
            enhanced = norm;
        }
        else {
            return { error: `"${t}" is neither a reply code (e.g. 550) nor an enhanced status code (e.g. 5.1.1)` };
        }
    }
    return { code, enhanced };
}
function uniq(xs) {
    return [...new Set(xs)];
}
function stripDot(s) {
    return s.replace(/[.\s]+$/, "");
}
/**
 * Explains a reply code, an enhanced status code, or both, from the tables. Unknown but
 * well-formed codes fall back to their class; only malformed input is an error.
 */
function explain(code, enhanced) {
    if (code === null && enhanced === null)
        return { error: "nothing to explain: give a reply code or an enhanced status code" };
    if (code !== null && !isReplyCode(code)) {
        return { error: `${code} is not an SMTP reply code: it must be three digits with the first digit 2–5 (RFC 5321 §4.2)` };
    }
    let enh = null;
    if (enhanced !== null) {
        enh = normalizeEnhanced(enhanced);
        if (enh === null) {
            return { error: `"${enhanced}" is not an enhanced status code: expected class.subject.detail with class 2, 4 or 5 (RFC 3463 §2)` };
        }
    }
    const meanings = [];
    const causes = [];
    const fixes = [];
    const sources = [];
    if (code !== null) {
        const entry = lookupReplyCode(code);
        if (entry) {
            meanings.push(entry.meaning);
            causes.push(...entry.causes);
            fixes.push(...entry.fixes);
            sources.push(entry.source);
        }
        else {
            const first = Math.floor(code / 100);
            const second = Math.floor(code / 10) % 10;
            const category = SECOND_DIGIT[second];
            meanings.push(`${FIRST_DIGIT[first] ?? ""}${category ? ` Category (second digit ${second}): ${category}.` : ""}`.trim());
            causes.push(`${code} is not in the RFC 5321 reply code list or its registered extensions; it is read by its first digit (RFC 5321 §4.2.1). The reply text says what the server meant.`);
            sources.push("RFC 5321 §4.2.1");
        }
    }
    if (enh !== null) {
        const [clsDigit, subject] = enh.split(".").map(Number);
        const entry = lookupEnhanced(enh);
        if (entry) {
            meanings.push(`${enh}: ${entry.meaning}`);
            causes.push(...entry.causes);
            fixes.push(...entry.fixes);
            sources.push(`${entry.source} (${ENHANCED_REGISTRY})`);
        }
        else {
            const cls = ENHANCED_CLASSES.find((c) => c.class === clsDigit);
            const subj = ENHANCED_SUBJECTS.find((s) => s.subject === subject);
            meanings.push(`${enh}: ${cls ? stripDot(cls.meaning) : "unknown class"}${subj ? `; subject: ${subj.meaning.toLowerCase()}` : ""}.`);
            causes.push(`${enh} is not in the ${ENHANCED_REGISTRY}; it is read by its class${subj ? " and subject" : ""} (RFC 3463 §2). The reply text says what the server meant.`);
            if (cls && code === null)
                fixes.push(...cls.fixes);
            sources.push("RFC 3463 §2");
        }
    }
    if (code !== null && enh !== null) {
        const first = Math.floor(code / 100);
        const clsDigit = Number(enh[0]);
        if (first === 3) {
            causes.push(`The enhanced code ${enh} comes with a 3xx (intermediate) reply; enhanced classes are only 2, 4 and 5 (RFC 3463 §2), so it describes the outcome, not this step.`);
        }
        else if (first !== clsDigit) {
            causes.push(`The enhanced class ${clsDigit} contradicts the reply code's first digit ${first} (RFC 2034 §4 expects them to match); the reply code decides the class here, and the server's replies are inconsistent.`);
        }
    }
    const cls = code !== null ? classOfCode(code) : REPLY_CLASS[Number(enh[0])];
    return {
        code,
        enhanced: enh,
        class: cls,
        bounce: bounceOf(cls),
        meaning: meanings.join(" — "),
        causes: uniq(causes),
        fixes: uniq(fixes),
        sources: uniq(sources),
    };
}


/***/ }),

/***/ 1880:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ AUTH_MECHANISMS),
/* harmony export */   US: () => (/* binding */ loginResponses),
/* harmony export */   bG: () => (/* binding */ xoauth2Response),
/* harmony export */   kZ: () => (/* binding */ plainResponse),
/* harmony export */   rd: () => (/* binding */ derivedSecretForms),
/* harmony export */   tc: () => (/* binding */ cramMd5Response)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/**
 * SASL encoders for the AUTH exchanges, pure. Every value they return is a secret: the caller
 * must register it with the redactor and never show it.
 */

const AUTH_MECHANISMS = ["PLAIN", "LOGIN", "CRAM-MD5", "XOAUTH2"];
const b64 = (s) => Buffer.from(s, "utf8").toString("base64");
/** RFC 4616: authzid NUL authcid NUL passwd, with an empty authzid. */
function plainResponse(user, password) {
    return b64(`\0${user}\0${password}`);
}
/** The LOGIN mechanism (draft-murchison-sasl-login): username, then password, each base64. */
function loginResponses(user, password) {
    return [b64(user), b64(password)];
}
/** RFC 2195: user SP hex(HMAC-MD5(password, challenge)); the challenge arrives base64-encoded. */
function cramMd5Response(user, password, challengeB64) {
    const challenge = Buffer.from(challengeB64.trim(), "base64");
    const digest = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHmac)("md5", password).update(challenge).digest("hex");
    return b64(`${user} ${digest}`);
}
/** Google/Microsoft XOAUTH2: `user=U ^A auth=Bearer T ^A ^A`, base64. */
function xoauth2Response(user, token) {
    return b64(`user=${user}\x01auth=Bearer ${token}\x01\x01`);
}
/** Every printable form a secret may take on the wire or in a log. */
function derivedSecretForms(user, secret) {
    return [secret, b64(secret), plainResponse(user, secret), xoauth2Response(user, secret)].filter((s) => s.length >= 4);
}


/***/ }),

/***/ 1813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ describeForbidden),
/* harmony export */   HX: () => (/* binding */ hasForbiddenChars),
/* harmony export */   rl: () => (/* binding */ verbOf)
/* harmony export */ });
/* unused harmony export MAX_COMMAND_OCTETS */
/**
 * Every line we send passes one check: CR, LF or NUL in it would let a value smuggle a second
 * command onto the wire (the SMTP equivalent of header injection).
 */
const FORBIDDEN = /[\r\n\0]/;
function hasForbiddenChars(value) {
    return FORBIDDEN.test(value);
}
/** Names the forbidden character for an error message. */
function describeForbidden(value) {
    const c = FORBIDDEN.exec(value)?.[0];
    return c === "\r" ? "CR" : c === "\n" ? "LF" : "NUL";
}
/** The verb of a command line, uppercased: `mail FROM:<a@b>` → `MAIL`. */
function verbOf(line) {
    return (line.trim().split(/\s+/, 1)[0] ?? "").toUpperCase();
}
/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
const MAX_COMMAND_OCTETS = 512;


/***/ }),

/***/ 2958:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ui: () => (/* binding */ parseEhloExtensions),
/* harmony export */   bW: () => (/* binding */ findExtension),
/* harmony export */   dq: () => (/* binding */ authMechanisms)
/* harmony export */ });
/**
 * EHLO reply → extensions (RFC 5321 §4.1.1.1): the first line is the greeting, each further
 * line one keyword with optional parameters.
 */
function parseEhloExtensions(lines) {
    return lines.slice(1).map((l) => l.trim()).filter((l) => l.length > 0);
}
/** Finds an extension by keyword, case-insensitively: `hasExtension(exts, "STARTTLS")`. */
function findExtension(extensions, keyword) {
    const k = keyword.toUpperCase();
    return extensions.find((e) => {
        const word = e.split(/[\s=]/, 1)[0] ?? "";
        return word.toUpperCase() === k;
    });
}
/** AUTH mechanisms offered, from `AUTH PLAIN LOGIN` and the pre-standard `AUTH=PLAIN LOGIN` form. */
function authMechanisms(extensions) {
    const out = new Set();
    for (const e of extensions) {
        const m = /^AUTH[\s=](.*)$/i.exec(e.trim());
        if (m)
            for (const mech of (m[1] ?? "").trim().split(/\s+/))
                if (mech)
                    out.add(mech.toUpperCase());
    }
    return [...out];
}


/***/ }),

/***/ 9567:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $u: () => (/* binding */ meetsExpectation),
/* harmony export */   Cu: () => (/* binding */ AUTH_CHALLENGE_EXPECTATION),
/* harmony export */   I2: () => (/* binding */ END_OF_DATA_EXPECTATION),
/* harmony export */   M9: () => (/* binding */ formatExpectation),
/* harmony export */   WR: () => (/* binding */ parseExpectation),
/* harmony export */   gh: () => (/* binding */ defaultExpectation),
/* harmony export */   pV: () => (/* binding */ GREETING_EXPECTATION)
/* harmony export */ });
/* unused harmony export ANY_POSITIVE */
function parseExpectation(text) {
    const terms = [];
    for (const raw of text.split("|")) {
        const t = raw.trim().toLowerCase();
        if (/^[2-5][0-9][0-9]$/.test(t))
            terms.push({ code: Number(t) });
        else if (/^[2-5]xx$/.test(t))
            terms.push({ first: Number(t[0]) });
        else
            return { error: `"${raw.trim()}" is not a reply code (like 250), a class (like 5xx) or alternatives (like 250|251)` };
    }
    return terms;
}
function formatExpectation(e) {
    return e.map((t) => ("code" in t ? String(t.code) : `${t.first}xx`)).join("|");
}
function meetsExpectation(code, e) {
    return e.some((t) => ("code" in t ? t.code === code : Math.floor(code / 100) === t.first));
}
const codes = (...c) => c.map((code) => ({ code }));
/** RFC 5321 §4.3.2 success replies per verb; anything else: "2xx or 3xx". */
const BY_VERB = {
    EHLO: codes(250),
    HELO: codes(250),
    MAIL: codes(250),
    RCPT: codes(250, 251),
    DATA: codes(354),
    RSET: codes(250),
    VRFY: codes(250, 251, 252),
    EXPN: codes(250, 252),
    HELP: codes(211, 214),
    NOOP: codes(250),
    QUIT: codes(221),
    STARTTLS: codes(220),
    AUTH: codes(235),
    BDAT: codes(250),
};
const GREETING_EXPECTATION = codes(220);
const END_OF_DATA_EXPECTATION = codes(250);
const AUTH_CHALLENGE_EXPECTATION = codes(334);
const ANY_POSITIVE = [{ first: 2 }, { first: 3 }];
function defaultExpectation(verb) {
    return BY_VERB[verb.toUpperCase()] ?? ANY_POSITIVE;
}


/***/ }),

/***/ 8027:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g3: () => (/* binding */ LineSplitter)
/* harmony export */ });
/* unused harmony exports MAX_LINE_OCTETS, decodeLine */
/**
 * Line framing for replies: bytes in, complete lines out. Pure (no I/O) so the session can
 * feed it any chunking and the result is the same.
 *
 * RFC 5321 §4.5.3.1.5 limits a reply line to 512 octets; real servers exceed that, so the cap
 * is generous but finite — an endless line from a hostile peer must not eat memory.
 */
const MAX_LINE_OCTETS = 8192;
class LineSplitter {
    chunks = [];
    buffered = 0;
    overflowed = false;
    /** Appends bytes; returns the lines (or a too-long event) they completed. */
    push(chunk) {
        const out = [];
        let start = 0;
        for (;;) {
            const nl = chunk.indexOf(0x0a, start);
            if (nl === -1)
                break;
            const piece = chunk.subarray(start, nl);
            start = nl + 1;
            if (this.overflowed) {
                // The rest of an over-long line: drop it, the event was already reported.
                this.overflowed = false;
                this.chunks = [];
                this.buffered = 0;
                continue;
            }
            const whole = this.chunks.length ? Buffer.concat([...this.chunks, piece]) : piece;
            this.chunks = [];
            this.buffered = 0;
            if (whole.length > MAX_LINE_OCTETS) {
                out.push({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
                continue;
            }
            const crlf = whole.length > 0 && whole[whole.length - 1] === 0x0d;
            out.push({ text: decodeLine(crlf ? whole.subarray(0, -1) : whole), ending: crlf ? "crlf" : "lf" });
        }
        const rest = chunk.subarray(start);
        if (rest.length && !this.overflowed) {
            this.chunks.push(Buffer.from(rest));
            this.buffered += rest.length;
            if (this.buffered > MAX_LINE_OCTETS) {
                out.push({ kind: "too-long", octets: MAX_LINE_OCTETS + 1 });
                this.overflowed = true;
                this.chunks = [];
                this.buffered = 0;
            }
        }
        return out;
    }
    /** Bytes received that do not yet form a line (a reply cut off by a close, say). */
    pending() {
        return this.chunks.length ? decodeLine(Buffer.concat(this.chunks)) : "";
    }
    /** Forgets buffered bytes: after STARTTLS's 220 nothing sent in plaintext may be read (RFC 3207 §4.2). */
    reset() {
        const dropped = this.buffered;
        this.chunks = [];
        this.buffered = 0;
        this.overflowed = false;
        return dropped;
    }
}
/**
 * Decodes a reply line for display and matching: UTF-8 (RFC 6531 allows it in replies),
 * invalid sequences become U+FFFD, and control characters other than TAB are shown as \xNN so
 * that a hostile reply cannot forge terminal escapes or workflow commands in our output.
 */
function decodeLine(bytes) {
    // eslint-disable-next-line no-control-regex
    return Buffer.from(bytes).toString("utf8").replace(/[\x00-\x08\x0a-\x1f\x7f-\x9f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}


/***/ }),

/***/ 7547:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ parseSteps),
/* harmony export */   Ct: () => (/* binding */ fillPlaceholders),
/* harmony export */   gj: () => (/* binding */ parseStepLine)
/* harmony export */ });
/* unused harmony exports PLACEHOLDERS, formatStepLine */
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1813);
/* harmony import */ var _expect_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9567);
/**
 * Custom step lines (contract §1): `COMMAND [=> EXPECT]`, one per line, with placeholders
 * `{helo}`, `{from}`, `{to}`. Pure: the same text always gives the same steps.
 */


const PLACEHOLDERS = ["helo", "from", "to"];
const ARROW = /\s=>\s*([^=]*)$/;
function parseStepLine(text) {
    if ((0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .hasForbiddenChars */ .HX)(text))
        return { error: `contains ${(0,_command_js__WEBPACK_IMPORTED_MODULE_1__/* .describeForbidden */ .FM)(text)}, which would inject a second command` };
    let line = text.trim();
    let expect = null;
    const m = ARROW.exec(line);
    if (m) {
        const parsed = (0,_expect_js__WEBPACK_IMPORTED_MODULE_0__/* .parseExpectation */ .WR)(m[1] ?? "");
        if ("error" in parsed)
            return { error: `expectation ${parsed.error}` };
        expect = parsed;
        line = line.slice(0, m.index).trim();
    }
    else if (/^=>/.test(line)) {
        return { error: "has an expectation but no command" };
    }
    if (!line)
        return { error: "is empty" };
    const unknown = [...line.matchAll(/\{([a-z][a-z0-9-]*)\}/g)].map((x) => x[1]).filter((n) => !PLACEHOLDERS.includes(n));
    if (unknown.length)
        return { error: `uses unknown placeholder {${unknown[0]}} (known: ${PLACEHOLDERS.map((p) => `{${p}}`).join(", ")})` };
    return { line, expect };
}
/** The inverse of parseStepLine: `parseStepLine(formatStepLine(s))` gives `s` back. */
function formatStepLine(s) {
    return s.expect ? `${s.line} => ${formatExpectation(s.expect)}` : s.line;
}
/** Parses a multi-line steps text. Blank lines and lines starting with `#` are skipped. */
function parseSteps(text) {
    const steps = [];
    const errors = [];
    text.split(/\r?\n/).forEach((raw, i) => {
        const t = raw.trim();
        if (!t || t.startsWith("#"))
            return;
        const r = parseStepLine(t);
        if ("error" in r)
            errors.push({ line: i + 1, message: `step "${t}" ${r.error}` });
        else
            steps.push(r);
    });
    return errors.length ? { errors } : steps;
}
function fillPlaceholders(line, values) {
    return line.replace(/\{(helo|from|to)\}/g, (_, name) => values[name]);
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
const VERSION = "0.1.0";


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("process");

/***/ }),

/***/ 7349:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveBlockMap = __nccwpck_require__(7103);
var resolveBlockSeq = __nccwpck_require__(334);
var resolveFlowCollection = __nccwpck_require__(3142);

function resolveCollection(CN, ctx, token, onError, tagName, tag) {
    const coll = token.type === 'block-map'
        ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag)
        : token.type === 'block-seq'
            ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag)
            : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
    const Coll = coll.constructor;
    // If we got a tagName matching the class, or the tag name is '!',
    // then use the tagName from the node class used to create it.
    if (tagName === '!' || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
    }
    if (tagName)
        coll.tag = tagName;
    return coll;
}
function composeCollection(CN, ctx, token, props, onError) {
    const tagToken = props.tag;
    const tagName = !tagToken
        ? null
        : ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg));
    if (token.type === 'block-seq') {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken
            ? anchor.offset > tagToken.offset
                ? anchor
                : tagToken
            : (anchor ?? tagToken);
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
            const message = 'Missing newline after block sequence props';
            onError(lastProp, 'MISSING_CHAR', message);
        }
    }
    const expType = token.type === 'block-map'
        ? 'map'
        : token.type === 'block-seq'
            ? 'seq'
            : token.start.source === '{'
                ? 'map'
                : 'seq';
    // shortcut: check if it's a generic YAMLMap or YAMLSeq
    // before jumping into the custom tag logic.
    if (!tagToken ||
        !tagName ||
        tagName === '!' ||
        (tagName === YAMLMap.YAMLMap.tagName && expType === 'map') ||
        (tagName === YAMLSeq.YAMLSeq.tagName && expType === 'seq')) {
        return resolveCollection(CN, ctx, token, onError, tagName);
    }
    let tag = ctx.schema.tags.find(t => t.tag === tagName && t.collection === expType);
    if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
            ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
            tag = kt;
        }
        else {
            if (kt) {
                onError(tagToken, 'BAD_COLLECTION_TYPE', `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? 'scalar'}`, true);
            }
            else {
                onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, true);
            }
            return resolveCollection(CN, ctx, token, onError, tagName);
        }
    }
    const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
    const res = tag.resolve?.(coll, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg), ctx.options) ?? coll;
    const node = identity.isNode(res)
        ? res
        : new Scalar.Scalar(res);
    node.range = coll.range;
    node.tag = tagName;
    if (tag?.format)
        node.format = tag.format;
    return node;
}

exports.composeCollection = composeCollection;


/***/ }),

/***/ 3683:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Document = __nccwpck_require__(3021);
var composeNode = __nccwpck_require__(5937);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);

function composeDoc(options, directives, { offset, start, value, end }, onError) {
    const opts = Object.assign({ _directives: directives }, options);
    const doc = new Document.Document(undefined, opts);
    const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
    };
    const props = resolveProps.resolveProps(start, {
        indicator: 'doc-start',
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
    });
    if (props.found) {
        doc.directives.docStart = true;
        if (value &&
            (value.type === 'block-map' || value.type === 'block-seq') &&
            !props.hasNewline)
            onError(props.end, 'MISSING_CHAR', 'Block collection cannot start on same line with directives-end marker');
    }
    // @ts-expect-error If Contents is set, let's trust the user
    doc.contents = value
        ? composeNode.composeNode(ctx, value, props, onError)
        : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
    const contentEnd = doc.contents.range[2];
    const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
    if (re.comment)
        doc.comment = re.comment;
    doc.range = [offset, contentEnd, re.offset];
    return doc;
}

exports.composeDoc = composeDoc;


/***/ }),

/***/ 5937:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var composeCollection = __nccwpck_require__(7349);
var composeScalar = __nccwpck_require__(5413);
var resolveEnd = __nccwpck_require__(7788);
var utilEmptyScalarPosition = __nccwpck_require__(2599);

const CN = { composeNode, composeEmptyNode };
function composeNode(ctx, token, props, onError) {
    const atKey = ctx.atKey;
    const { spaceBefore, comment, anchor, tag } = props;
    let node;
    let isSrcToken = true;
    switch (token.type) {
        case 'alias':
            node = composeAlias(ctx, token, onError);
            if (anchor || tag)
                onError(token, 'ALIAS_PROPS', 'An alias node must not specify any properties');
            break;
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'block-scalar':
            node = composeScalar.composeScalar(ctx, token, tag, onError);
            if (anchor)
                node.anchor = anchor.source.substring(1);
            break;
        case 'block-map':
        case 'block-seq':
        case 'flow-collection':
            try {
                node = composeCollection.composeCollection(CN, ctx, token, props, onError);
                if (anchor)
                    node.anchor = anchor.source.substring(1);
            }
            catch (error) {
                // Almost certainly here due to a stack overflow
                const message = error instanceof Error ? error.message : String(error);
                onError(token, 'RESOURCE_EXHAUSTION', message);
            }
            break;
        default: {
            const message = token.type === 'error'
                ? token.message
                : `Unsupported token (type: ${token.type})`;
            onError(token, 'UNEXPECTED_TOKEN', message);
            isSrcToken = false;
        }
    }
    node ?? (node = composeEmptyNode(ctx, token.offset, undefined, null, props, onError));
    if (anchor && node.anchor === '')
        onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    if (atKey &&
        ctx.options.stringKeys &&
        (!identity.isScalar(node) ||
            typeof node.value !== 'string' ||
            (node.tag && node.tag !== 'tag:yaml.org,2002:str'))) {
        const msg = 'With stringKeys, all keys must be strings';
        onError(tag ?? token, 'NON_STRING_KEY', msg);
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        if (token.type === 'scalar' && token.source === '')
            node.comment = comment;
        else
            node.commentBefore = comment;
    }
    // @ts-expect-error Type checking misses meaning of isSrcToken
    if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
    return node;
}
function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
    const token = {
        type: 'scalar',
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ''
    };
    const node = composeScalar.composeScalar(ctx, token, tag, onError);
    if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === '')
            onError(anchor, 'BAD_ALIAS', 'Anchor cannot be an empty string');
    }
    if (spaceBefore)
        node.spaceBefore = true;
    if (comment) {
        node.comment = comment;
        node.range[2] = end;
    }
    return node;
}
function composeAlias({ options }, { offset, source, end }, onError) {
    const alias = new Alias.Alias(source.substring(1));
    if (alias.source === '')
        onError(offset, 'BAD_ALIAS', 'Alias cannot be an empty string');
    if (alias.source.endsWith(':'))
        onError(offset + source.length - 1, 'BAD_ALIAS', 'Alias ending in : is ambiguous', true);
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
    alias.range = [offset, valueEnd, re.offset];
    if (re.comment)
        alias.comment = re.comment;
    return alias;
}

exports.composeEmptyNode = composeEmptyNode;
exports.composeNode = composeNode;


/***/ }),

/***/ 5413:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);

function composeScalar(ctx, token, tagToken, onError) {
    const { value, type, comment, range } = token.type === 'block-scalar'
        ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError)
        : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
    const tagName = tagToken
        ? ctx.directives.tagName(tagToken.source, msg => onError(tagToken, 'TAG_RESOLVE_FAILED', msg))
        : null;
    let tag;
    if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
    }
    else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
    else if (token.type === 'scalar')
        tag = findScalarTagByTest(ctx, value, token, onError);
    else
        tag = ctx.schema[identity.SCALAR];
    let scalar;
    try {
        const res = tag.resolve(value, msg => onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
    }
    catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, 'TAG_RESOLVE_FAILED', msg);
        scalar = new Scalar.Scalar(value);
    }
    scalar.range = range;
    scalar.source = value;
    if (type)
        scalar.type = type;
    if (tagName)
        scalar.tag = tagName;
    if (tag.format)
        scalar.format = tag.format;
    if (comment)
        scalar.comment = comment;
    return scalar;
}
function findScalarTagByName(schema, value, tagName, tagToken, onError) {
    if (tagName === '!')
        return schema[identity.SCALAR]; // non-specific tag
    const matchWithTest = [];
    for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
            if (tag.default && tag.test)
                matchWithTest.push(tag);
            else
                return tag;
        }
    }
    for (const tag of matchWithTest)
        if (tag.test?.test(value))
            return tag;
    const kt = schema.knownTags[tagName];
    if (kt && !kt.collection) {
        // Ensure that the known tag is available for stringifying,
        // but does not get used by default.
        schema.tags.push(Object.assign({}, kt, { default: false, test: undefined }));
        return kt;
    }
    onError(tagToken, 'TAG_RESOLVE_FAILED', `Unresolved tag: ${tagName}`, tagName !== 'tag:yaml.org,2002:str');
    return schema[identity.SCALAR];
}
function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
    const tag = schema.tags.find(tag => (tag.default === true || (atKey && tag.default === 'key')) &&
        tag.test?.test(value)) || schema[identity.SCALAR];
    if (schema.compat) {
        const compat = schema.compat.find(tag => tag.default && tag.test?.test(value)) ??
            schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
            const ts = directives.tagString(tag.tag);
            const cs = directives.tagString(compat.tag);
            const msg = `Value may be parsed as either ${ts} or ${cs}`;
            onError(token, 'TAG_RESOLVE_FAILED', msg, true);
        }
    }
    return tag;
}

exports.composeScalar = composeScalar;


/***/ }),

/***/ 9984:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var directives = __nccwpck_require__(1342);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var identity = __nccwpck_require__(1127);
var composeDoc = __nccwpck_require__(3683);
var resolveEnd = __nccwpck_require__(7788);

function getErrorPos(src) {
    if (typeof src === 'number')
        return [src, src + 1];
    if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
    const { offset, source } = src;
    return [offset, offset + (typeof source === 'string' ? source.length : 1)];
}
function parsePrelude(prelude) {
    let comment = '';
    let atComment = false;
    let afterEmptyLine = false;
    for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
            case '#':
                comment +=
                    (comment === '' ? '' : afterEmptyLine ? '\n\n' : '\n') +
                        (source.substring(1) || ' ');
                atComment = true;
                afterEmptyLine = false;
                break;
            case '%':
                if (prelude[i + 1]?.[0] !== '#')
                    i += 1;
                atComment = false;
                break;
            default:
                // This may be wrong after doc-end, but in that case it doesn't matter
                if (!atComment)
                    afterEmptyLine = true;
                atComment = false;
        }
    }
    return { comment, afterEmptyLine };
}
/**
 * Compose a stream of CST nodes into a stream of YAML Documents.
 *
 * ```ts
 * import { Composer, Parser } from 'yaml'
 *
 * const src: string = ...
 * const tokens = new Parser().parse(src)
 * const docs = new Composer().compose(tokens)
 * ```
 */
class Composer {
    constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
            const pos = getErrorPos(source);
            if (warning)
                this.warnings.push(new errors.YAMLWarning(pos, code, message));
            else
                this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        this.directives = new directives.Directives({ version: options.version || '1.2' });
        this.options = options;
    }
    decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        //console.log({ dc: doc.comment, prelude, comment })
        if (comment) {
            const dc = doc.contents;
            if (afterDoc) {
                doc.comment = doc.comment ? `${doc.comment}\n${comment}` : comment;
            }
            else if (afterEmptyLine || doc.directives.docStart || !dc) {
                doc.commentBefore = comment;
            }
            else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
                let it = dc.items[0];
                if (identity.isPair(it))
                    it = it.key;
                const cb = it.commentBefore;
                it.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
            else {
                const cb = dc.commentBefore;
                dc.commentBefore = cb ? `${comment}\n${cb}` : comment;
            }
        }
        if (afterDoc) {
            for (let i = 0; i < this.errors.length; ++i)
                doc.errors.push(this.errors[i]);
            for (let i = 0; i < this.warnings.length; ++i)
                doc.warnings.push(this.warnings[i]);
        }
        else {
            doc.errors = this.errors;
            doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
    }
    /**
     * Current stream status information.
     *
     * Mostly useful at the end of input for an empty stream.
     */
    streamInfo() {
        return {
            comment: parsePrelude(this.prelude).comment,
            directives: this.directives,
            errors: this.errors,
            warnings: this.warnings
        };
    }
    /**
     * Compose tokens into documents.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
            yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
    }
    /** Advance the composer by one CST token. */
    *next(token) {
        if (node_process.env.LOG_STREAM)
            console.dir(token, { depth: null });
        switch (token.type) {
            case 'directive':
                this.directives.add(token.source, (offset, message, warning) => {
                    const pos = getErrorPos(token);
                    pos[0] += offset;
                    this.onError(pos, 'BAD_DIRECTIVE', message, warning);
                });
                this.prelude.push(token.source);
                this.atDirectives = true;
                break;
            case 'document': {
                const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
                if (this.atDirectives && !doc.directives.docStart)
                    this.onError(token, 'MISSING_CHAR', 'Missing directives-end/doc-start indicator line');
                this.decorate(doc, false);
                if (this.doc)
                    yield this.doc;
                this.doc = doc;
                this.atDirectives = false;
                break;
            }
            case 'byte-order-mark':
            case 'space':
                break;
            case 'comment':
            case 'newline':
                this.prelude.push(token.source);
                break;
            case 'error': {
                const msg = token.source
                    ? `${token.message}: ${JSON.stringify(token.source)}`
                    : token.message;
                const error = new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg);
                if (this.atDirectives || !this.doc)
                    this.errors.push(error);
                else
                    this.doc.errors.push(error);
                break;
            }
            case 'doc-end': {
                if (!this.doc) {
                    const msg = 'Unexpected doc-end without preceding document';
                    this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', msg));
                    break;
                }
                this.doc.directives.docEnd = true;
                const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
                this.decorate(this.doc, true);
                if (end.comment) {
                    const dc = this.doc.comment;
                    this.doc.comment = dc ? `${dc}\n${end.comment}` : end.comment;
                }
                this.doc.range[2] = end.offset;
                break;
            }
            default:
                this.errors.push(new errors.YAMLParseError(getErrorPos(token), 'UNEXPECTED_TOKEN', `Unsupported token ${token.type}`));
        }
    }
    /**
     * Call at end of input to yield any remaining document.
     *
     * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
     * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
     */
    *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
            this.decorate(this.doc, true);
            yield this.doc;
            this.doc = null;
        }
        else if (forceDoc) {
            const opts = Object.assign({ _directives: this.directives }, this.options);
            const doc = new Document.Document(undefined, opts);
            if (this.atDirectives)
                this.onError(endOffset, 'MISSING_CHAR', 'Missing directives-end indicator line');
            doc.range = [0, endOffset, endOffset];
            this.decorate(doc, false);
            yield doc;
        }
    }
}

exports.Composer = Composer;


/***/ }),

/***/ 7103:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilFlowIndentCheck = __nccwpck_require__(4051);
var utilMapIncludes = __nccwpck_require__(1187);

const startColMsg = 'All mapping items must start at the same column';
function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
    const map = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    let offset = bm.offset;
    let commentEnd = null;
    for (const collItem of bm.items) {
        const { start, key, sep, value } = collItem;
        // key properties
        const keyProps = resolveProps.resolveProps(start, {
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: bm.indent,
            startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
            if (key) {
                if (key.type === 'block-seq')
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'A block sequence may not be used as an implicit map key');
                else if ('indent' in key && key.indent !== bm.indent)
                    onError(offset, 'BAD_INDENT', startColMsg);
            }
            if (!keyProps.anchor && !keyProps.tag && !sep) {
                commentEnd = keyProps.end;
                if (keyProps.comment) {
                    if (map.comment)
                        map.comment += '\n' + keyProps.comment;
                    else
                        map.comment = keyProps.comment;
                }
                continue;
            }
            if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key)) {
                onError(key ?? start[start.length - 1], 'MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line');
            }
        }
        else if (keyProps.found?.indent !== bm.indent) {
            onError(offset, 'BAD_INDENT', startColMsg);
        }
        // key value
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key
            ? composeNode(ctx, key, keyProps, onError)
            : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, key, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
            onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
        // value properties
        const valueProps = resolveProps.resolveProps(sep ?? [], {
            indicator: 'map-value-ind',
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: bm.indent,
            startOnNewline: !key || key.type === 'block-scalar'
        });
        offset = valueProps.end;
        if (valueProps.found) {
            if (implicitKey) {
                if (value?.type === 'block-map' && !valueProps.hasNewline)
                    onError(offset, 'BLOCK_AS_IMPLICIT_KEY', 'Nested mappings are not allowed in compact mappings');
                if (ctx.options.strict &&
                    keyProps.start < valueProps.found.offset - 1024)
                    onError(keyNode.range, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit block mapping key');
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : composeEmptyNode(ctx, offset, sep, null, valueProps, onError);
            if (ctx.schema.compat)
                utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
            offset = valueNode.range[2];
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
        else {
            // key with no value
            if (implicitKey)
                onError(keyNode.range, 'MISSING_CHAR', 'Implicit map keys need to be followed by map values');
            if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            map.items.push(pair);
        }
    }
    if (commentEnd && commentEnd < offset)
        onError(commentEnd, 'IMPOSSIBLE', 'Map comment with trailing content');
    map.range = [bm.offset, offset, commentEnd ?? offset];
    return map;
}

exports.resolveBlockMap = resolveBlockMap;


/***/ }),

/***/ 8913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function resolveBlockScalar(ctx, scalar, onError) {
    const start = scalar.offset;
    const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
    if (!header)
        return { value: '', type: null, comment: '', range: [start, start, start] };
    const type = header.mode === '>' ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
    const lines = scalar.source ? splitLines(scalar.source) : [];
    // determine the end of content & start of chomping
    let chompStart = lines.length;
    for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === '' || content === '\r')
            chompStart = i;
        else
            break;
    }
    // shortcut for empty contents
    if (chompStart === 0) {
        const value = header.chomp === '+' && lines.length > 0
            ? '\n'.repeat(Math.max(1, lines.length - 1))
            : '';
        let end = start + header.length;
        if (scalar.source)
            end += scalar.source.length;
        return { value, type, comment: header.comment, range: [start, end, end] };
    }
    // find the indentation level to trim from start
    let trimIndent = scalar.indent + header.indent;
    let offset = scalar.offset + header.length;
    let contentStart = 0;
    for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === '' || content === '\r') {
            if (header.indent === 0 && indent.length > trimIndent)
                trimIndent = indent.length;
        }
        else {
            if (indent.length < trimIndent) {
                const message = 'Block scalars with more-indented leading empty lines must use an explicit indentation indicator';
                onError(offset + indent.length, 'MISSING_CHAR', message);
            }
            if (header.indent === 0)
                trimIndent = indent.length;
            contentStart = i;
            if (trimIndent === 0 && !ctx.atRoot) {
                const message = 'Block scalar values in collections must be indented';
                onError(offset, 'BAD_INDENT', message);
            }
            break;
        }
        offset += indent.length + content.length + 1;
    }
    // include trailing more-indented empty lines in content
    for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
            chompStart = i + 1;
    }
    let value = '';
    let sep = '';
    let prevMoreIndented = false;
    // leading whitespace is kept intact
    for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + '\n';
    for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === '\r';
        if (crlf)
            content = content.slice(0, -1);
        /* istanbul ignore if already caught in lexer */
        if (content && indent.length < trimIndent) {
            const src = header.indent
                ? 'explicit indentation indicator'
                : 'first line';
            const message = `Block scalar lines must not be less indented than their ${src}`;
            onError(offset - content.length - (crlf ? 2 : 1), 'BAD_INDENT', message);
            indent = '';
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
        }
        else if (indent.length > trimIndent || content[0] === '\t') {
            // more-indented content within a folded block
            if (sep === ' ')
                sep = '\n';
            else if (!prevMoreIndented && sep === '\n')
                sep = '\n\n';
            value += sep + indent.slice(trimIndent) + content;
            sep = '\n';
            prevMoreIndented = true;
        }
        else if (content === '') {
            // empty line
            if (sep === '\n')
                value += '\n';
            else
                sep = '\n';
        }
        else {
            value += sep + content;
            sep = ' ';
            prevMoreIndented = false;
        }
    }
    switch (header.chomp) {
        case '-':
            break;
        case '+':
            for (let i = chompStart; i < lines.length; ++i)
                value += '\n' + lines[i][0].slice(trimIndent);
            if (value[value.length - 1] !== '\n')
                value += '\n';
            break;
        default:
            value += '\n';
    }
    const end = start + header.length + scalar.source.length;
    return { value, type, comment: header.comment, range: [start, end, end] };
}
function parseBlockScalarHeader({ offset, props }, strict, onError) {
    /* istanbul ignore if should not happen */
    if (props[0].type !== 'block-scalar-header') {
        onError(props[0], 'IMPOSSIBLE', 'Block scalar header not found');
        return null;
    }
    const { source } = props[0];
    const mode = source[0];
    let indent = 0;
    let chomp = '';
    let error = -1;
    for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === '-' || ch === '+'))
            chomp = ch;
        else {
            const n = Number(ch);
            if (!indent && n)
                indent = n;
            else if (error === -1)
                error = offset + i;
        }
    }
    if (error !== -1)
        onError(error, 'UNEXPECTED_TOKEN', `Block scalar header includes extra characters: ${source}`);
    let hasSpace = false;
    let comment = '';
    let length = source.length;
    for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
            case 'space':
                hasSpace = true;
            // fallthrough
            case 'newline':
                length += token.source.length;
                break;
            case 'comment':
                if (strict && !hasSpace) {
                    const message = 'Comments must be separated from other tokens by white space characters';
                    onError(token, 'MISSING_CHAR', message);
                }
                length += token.source.length;
                comment = token.source.substring(1);
                break;
            case 'error':
                onError(token, 'UNEXPECTED_TOKEN', token.message);
                length += token.source.length;
                break;
            /* istanbul ignore next should not happen */
            default: {
                const message = `Unexpected token in block scalar header: ${token.type}`;
                onError(token, 'UNEXPECTED_TOKEN', message);
                const ts = token.source;
                if (ts && typeof ts === 'string')
                    length += ts.length;
            }
        }
    }
    return { mode, indent, chomp, comment, length };
}
/** @returns Array of lines split up as `[indent, content]` */
function splitLines(source) {
    const split = source.split(/\n( *)/);
    const first = split[0];
    const m = first.match(/^( *)/);
    const line0 = m?.[1]
        ? [m[1], first.slice(m[1].length)]
        : ['', first];
    const lines = [line0];
    for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
    return lines;
}

exports.resolveBlockScalar = resolveBlockScalar;


/***/ }),

/***/ 334:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var YAMLSeq = __nccwpck_require__(2223);
var resolveProps = __nccwpck_require__(4631);
var utilFlowIndentCheck = __nccwpck_require__(4051);

function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
    const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
    const seq = new NodeClass(ctx.schema);
    if (ctx.atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = bs.offset;
    let commentEnd = null;
    for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
            indicator: 'seq-item-ind',
            next: value,
            offset,
            onError,
            parentIndent: bs.indent,
            startOnNewline: true
        });
        if (!props.found) {
            if (props.anchor || props.tag || value) {
                if (value?.type === 'block-seq')
                    onError(props.end, 'BAD_INDENT', 'All sequence items must start at the same column');
                else
                    onError(offset, 'MISSING_CHAR', 'Sequence item without - indicator');
            }
            else {
                commentEnd = props.end;
                if (props.comment)
                    seq.comment = props.comment;
                continue;
            }
        }
        const node = value
            ? composeNode(ctx, value, props, onError)
            : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
    }
    seq.range = [bs.offset, offset, commentEnd ?? offset];
    return seq;
}

exports.resolveBlockSeq = resolveBlockSeq;


/***/ }),

/***/ 7788:
/***/ ((__unused_webpack_module, exports) => {



function resolveEnd(end, offset, reqSpace, onError) {
    let comment = '';
    if (end) {
        let hasSpace = false;
        let sep = '';
        for (const token of end) {
            const { source, type } = token;
            switch (type) {
                case 'space':
                    hasSpace = true;
                    break;
                case 'comment': {
                    if (reqSpace && !hasSpace)
                        onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                    const cb = source.substring(1) || ' ';
                    if (!comment)
                        comment = cb;
                    else
                        comment += sep + cb;
                    sep = '';
                    break;
                }
                case 'newline':
                    if (comment)
                        sep += source;
                    hasSpace = true;
                    break;
                default:
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${type} at node end`);
            }
            offset += source.length;
        }
    }
    return { comment, offset };
}

exports.resolveEnd = resolveEnd;


/***/ }),

/***/ 3142:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var resolveEnd = __nccwpck_require__(7788);
var resolveProps = __nccwpck_require__(4631);
var utilContainsNewline = __nccwpck_require__(9499);
var utilMapIncludes = __nccwpck_require__(1187);

const blockMsg = 'Block collections are not allowed within flow collections';
const isBlock = (token) => token && (token.type === 'block-map' || token.type === 'block-seq');
function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
    const isMap = fc.start.source === '{';
    const fcName = isMap ? 'flow map' : 'flow sequence';
    const NodeClass = (tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq));
    const coll = new NodeClass(ctx.schema);
    coll.flow = true;
    const atRoot = ctx.atRoot;
    if (atRoot)
        ctx.atRoot = false;
    if (ctx.atKey)
        ctx.atKey = false;
    let offset = fc.offset + fc.start.source.length;
    for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key, sep, value } = collItem;
        const props = resolveProps.resolveProps(start, {
            flow: fcName,
            indicator: 'explicit-key-ind',
            next: key ?? sep?.[0],
            offset,
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
        });
        if (!props.found) {
            if (!props.anchor && !props.tag && !sep && !value) {
                if (i === 0 && props.comma)
                    onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
                else if (i < fc.items.length - 1)
                    onError(props.start, 'UNEXPECTED_TOKEN', `Unexpected empty item in ${fcName}`);
                if (props.comment) {
                    if (coll.comment)
                        coll.comment += '\n' + props.comment;
                    else
                        coll.comment = props.comment;
                }
                offset = props.end;
                continue;
            }
            if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key))
                onError(key, // checked by containsNewline()
                'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
        }
        if (i === 0) {
            if (props.comma)
                onError(props.comma, 'UNEXPECTED_TOKEN', `Unexpected , in ${fcName}`);
        }
        else {
            if (!props.comma)
                onError(props.start, 'MISSING_CHAR', `Missing , between ${fcName} items`);
            if (props.comment) {
                let prevItemComment = '';
                loop: for (const st of start) {
                    switch (st.type) {
                        case 'comma':
                        case 'space':
                            break;
                        case 'comment':
                            prevItemComment = st.source.substring(1);
                            break loop;
                        default:
                            break loop;
                    }
                }
                if (prevItemComment) {
                    let prev = coll.items[coll.items.length - 1];
                    if (identity.isPair(prev))
                        prev = prev.value ?? prev.key;
                    if (prev.comment)
                        prev.comment += '\n' + prevItemComment;
                    else
                        prev.comment = prevItemComment;
                    props.comment = props.comment.substring(prevItemComment.length + 1);
                }
            }
        }
        if (!isMap && !sep && !props.found) {
            // item is a value in a seq
            // → key & sep are empty, start does not include ? or :
            const valueNode = value
                ? composeNode(ctx, value, props, onError)
                : composeEmptyNode(ctx, props.end, sep, null, props, onError);
            coll.items.push(valueNode);
            offset = valueNode.range[2];
            if (isBlock(value))
                onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
        }
        else {
            // item is a key+value pair
            // key value
            ctx.atKey = true;
            const keyStart = props.end;
            const keyNode = key
                ? composeNode(ctx, key, props, onError)
                : composeEmptyNode(ctx, keyStart, start, null, props, onError);
            if (isBlock(key))
                onError(keyNode.range, 'BLOCK_IN_FLOW', blockMsg);
            ctx.atKey = false;
            // value properties
            const valueProps = resolveProps.resolveProps(sep ?? [], {
                flow: fcName,
                indicator: 'map-value-ind',
                next: value,
                offset: keyNode.range[2],
                onError,
                parentIndent: fc.indent,
                startOnNewline: false
            });
            if (valueProps.found) {
                if (!isMap && !props.found && ctx.options.strict) {
                    if (sep)
                        for (const st of sep) {
                            if (st === valueProps.found)
                                break;
                            if (st.type === 'newline') {
                                onError(st, 'MULTILINE_IMPLICIT_KEY', 'Implicit keys of flow sequence pairs need to be on a single line');
                                break;
                            }
                        }
                    if (props.start < valueProps.found.offset - 1024)
                        onError(valueProps.found, 'KEY_OVER_1024_CHARS', 'The : indicator must be at most 1024 chars after the start of an implicit flow sequence key');
                }
            }
            else if (value) {
                if ('source' in value && value.source?.[0] === ':')
                    onError(value, 'MISSING_CHAR', `Missing space after : in ${fcName}`);
                else
                    onError(valueProps.start, 'MISSING_CHAR', `Missing , or : between ${fcName} items`);
            }
            // value value
            const valueNode = value
                ? composeNode(ctx, value, valueProps, onError)
                : valueProps.found
                    ? composeEmptyNode(ctx, valueProps.end, sep, null, valueProps, onError)
                    : null;
            if (valueNode) {
                if (isBlock(value))
                    onError(valueNode.range, 'BLOCK_IN_FLOW', blockMsg);
            }
            else if (valueProps.comment) {
                if (keyNode.comment)
                    keyNode.comment += '\n' + valueProps.comment;
                else
                    keyNode.comment = valueProps.comment;
            }
            const pair = new Pair.Pair(keyNode, valueNode);
            if (ctx.options.keepSourceTokens)
                pair.srcToken = collItem;
            if (isMap) {
                const map = coll;
                if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
                    onError(keyStart, 'DUPLICATE_KEY', 'Map keys must be unique');
                map.items.push(pair);
            }
            else {
                const map = new YAMLMap.YAMLMap(ctx.schema);
                map.flow = true;
                map.items.push(pair);
                const endRange = (valueNode ?? keyNode).range;
                map.range = [keyNode.range[0], endRange[1], endRange[2]];
                coll.items.push(map);
            }
            offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
    }
    const expectedEnd = isMap ? '}' : ']';
    const [ce, ...ee] = fc.end;
    let cePos = offset;
    if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
    else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot
            ? `${name} must end with a ${expectedEnd}`
            : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? 'MISSING_CHAR' : 'BAD_INDENT', msg);
        if (ce && ce.source.length !== 1)
            ee.unshift(ce);
    }
    if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
            if (coll.comment)
                coll.comment += '\n' + end.comment;
            else
                coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
    }
    else {
        coll.range = [fc.offset, cePos, cePos];
    }
    return coll;
}

exports.resolveFlowCollection = resolveFlowCollection;


/***/ }),

/***/ 6842:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var resolveEnd = __nccwpck_require__(7788);

function resolveFlowScalar(scalar, strict, onError) {
    const { offset, type, source, end } = scalar;
    let _type;
    let value;
    const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
    switch (type) {
        case 'scalar':
            _type = Scalar.Scalar.PLAIN;
            value = plainValue(source, _onError);
            break;
        case 'single-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_SINGLE;
            value = singleQuotedValue(source, _onError);
            break;
        case 'double-quoted-scalar':
            _type = Scalar.Scalar.QUOTE_DOUBLE;
            value = doubleQuotedValue(source, _onError);
            break;
        /* istanbul ignore next should not happen */
        default:
            onError(scalar, 'UNEXPECTED_TOKEN', `Expected a flow scalar value, but found: ${type}`);
            return {
                value: '',
                type: null,
                comment: '',
                range: [offset, offset + source.length, offset + source.length]
            };
    }
    const valueEnd = offset + source.length;
    const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
    return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
    };
}
function plainValue(source, onError) {
    let badChar = '';
    switch (source[0]) {
        /* istanbul ignore next should not happen */
        case '\t':
            badChar = 'a tab character';
            break;
        case ',':
            badChar = 'flow indicator character ,';
            break;
        case '%':
            badChar = 'directive indicator character %';
            break;
        case '|':
        case '>': {
            badChar = `block scalar indicator ${source[0]}`;
            break;
        }
        case '@':
        case '`': {
            badChar = `reserved character ${source[0]}`;
            break;
        }
    }
    if (badChar)
        onError(0, 'BAD_SCALAR_START', `Plain value cannot start with ${badChar}`);
    return unfoldLines(source);
}
function singleQuotedValue(source, onError) {
    if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, 'MISSING_CHAR', "Missing closing 'quote");
    return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
}
function unfoldLines(source) {
    const line = /(.*?)\r?\n/sy;
    let match = line.exec(source);
    if (!match)
        return source;
    /**
     * The negative lookbehinds in these RegExps are to
     * prevent causing a polynomial search time in certain cases.
     *
     * The try-catch is for Safari < 16.4 and other old browsers:
     * https://caniuse.com/js-regexp-lookbehind
     */
    let trimEnd, trimBoth;
    try {
        trimEnd = new RegExp('(?<![ \t])[ \t]+$');
        trimBoth = new RegExp('^[ \t]+|(?<![ \t])[ \t]+$', 'g');
    }
    catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
    }
    let res = match[1].replace(trimEnd, '');
    let sep = ' ';
    let pos = line.lastIndex;
    while ((match = line.exec(source))) {
        const lm = match[1].replace(trimBoth, '');
        if (lm === '') {
            if (sep === '\n')
                res += sep;
            else
                sep = '\n';
        }
        else {
            res += sep + lm;
            sep = ' ';
        }
        pos = line.lastIndex;
    }
    const last = /[ \t]*(.*)/sy;
    last.lastIndex = pos;
    match = last.exec(source);
    return res + sep + (match?.[1] ?? '');
}
function doubleQuotedValue(source, onError) {
    let res = '';
    for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === '\r' && source[i + 1] === '\n')
            continue;
        if (ch === '\n') {
            const { fold, offset } = foldNewline(source, i);
            res += fold;
            i = offset;
        }
        else if (ch === '\\') {
            let next = source[++i];
            const cc = escapeCodes[next];
            if (cc)
                res += cc;
            else if (next === '\n') {
                // skip escaped newlines, but still trim the following line
                next = source[i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === '\r' && source[i + 1] === '\n') {
                // skip escaped CRLF newlines, but still trim the following line
                next = source[++i + 1];
                while (next === ' ' || next === '\t')
                    next = source[++i + 1];
            }
            else if (next === 'x' || next === 'u' || next === 'U') {
                const length = next === 'x' ? 2 : next === 'u' ? 4 : 8;
                res += parseCharCode(source, i + 1, length, onError);
                i += length;
            }
            else {
                const raw = source.substr(i - 1, 2);
                onError(i - 1, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
                res += raw;
            }
        }
        else if (ch === ' ' || ch === '\t') {
            // trim trailing whitespace
            const wsStart = i;
            let next = source[i + 1];
            while (next === ' ' || next === '\t')
                next = source[++i + 1];
            if (next !== '\n' && !(next === '\r' && source[i + 2] === '\n'))
                res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        }
        else {
            res += ch;
        }
    }
    if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, 'MISSING_CHAR', 'Missing closing "quote');
    return res;
}
/**
 * Fold a single newline into a space, multiple newlines to N - 1 newlines.
 * Presumes `source[offset] === '\n'`
 */
function foldNewline(source, offset) {
    let fold = '';
    let ch = source[offset + 1];
    while (ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r') {
        if (ch === '\r' && source[offset + 2] !== '\n')
            break;
        if (ch === '\n')
            fold += '\n';
        offset += 1;
        ch = source[offset + 1];
    }
    if (!fold)
        fold = ' ';
    return { fold, offset };
}
const escapeCodes = {
    '0': '\0', // null character
    a: '\x07', // bell character
    b: '\b', // backspace
    e: '\x1b', // escape character
    f: '\f', // form feed
    n: '\n', // line feed
    r: '\r', // carriage return
    t: '\t', // horizontal tab
    v: '\v', // vertical tab
    N: '\u0085', // Unicode next line
    _: '\u00a0', // Unicode non-breaking space
    L: '\u2028', // Unicode line separator
    P: '\u2029', // Unicode paragraph separator
    ' ': ' ',
    '"': '"',
    '/': '/',
    '\\': '\\',
    '\t': '\t'
};
function parseCharCode(source, offset, length, onError) {
    const cc = source.substr(offset, length);
    const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
    const code = ok ? parseInt(cc, 16) : NaN;
    try {
        return String.fromCodePoint(code);
    }
    catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, 'BAD_DQ_ESCAPE', `Invalid escape sequence ${raw}`);
        return raw;
    }
}

exports.resolveFlowScalar = resolveFlowScalar;


/***/ }),

/***/ 4631:
/***/ ((__unused_webpack_module, exports) => {



function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
    let spaceBefore = false;
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let comment = '';
    let commentSep = '';
    let hasNewline = false;
    let reqSpace = false;
    let tab = null;
    let anchor = null;
    let tag = null;
    let newlineAfterProp = null;
    let comma = null;
    let found = null;
    let start = null;
    for (const token of tokens) {
        if (reqSpace) {
            if (token.type !== 'space' &&
                token.type !== 'newline' &&
                token.type !== 'comma')
                onError(token.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
            reqSpace = false;
        }
        if (tab) {
            if (atNewline && token.type !== 'comment' && token.type !== 'newline') {
                onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
            }
            tab = null;
        }
        switch (token.type) {
            case 'space':
                // At the doc level, tabs at line start may be parsed
                // as leading white space rather than indentation.
                // In a flow collection, only the parser handles indent.
                if (!flow &&
                    (indicator !== 'doc-start' || next?.type !== 'flow-collection') &&
                    token.source.includes('\t')) {
                    tab = token;
                }
                hasSpace = true;
                break;
            case 'comment': {
                if (!hasSpace)
                    onError(token, 'MISSING_CHAR', 'Comments must be separated from other tokens by white space characters');
                const cb = token.source.substring(1) || ' ';
                if (!comment)
                    comment = cb;
                else
                    comment += commentSep + cb;
                commentSep = '';
                atNewline = false;
                break;
            }
            case 'newline':
                if (atNewline) {
                    if (comment)
                        comment += token.source;
                    else if (!found || indicator !== 'seq-item-ind')
                        spaceBefore = true;
                }
                else
                    commentSep += token.source;
                atNewline = true;
                hasNewline = true;
                if (anchor || tag)
                    newlineAfterProp = token;
                hasSpace = true;
                break;
            case 'anchor':
                if (anchor)
                    onError(token, 'MULTIPLE_ANCHORS', 'A node can have at most one anchor');
                if (token.source.endsWith(':'))
                    onError(token.offset + token.source.length - 1, 'BAD_ALIAS', 'Anchor ending in : is ambiguous', true);
                anchor = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            case 'tag': {
                if (tag)
                    onError(token, 'MULTIPLE_TAGS', 'A node can have at most one tag');
                tag = token;
                start ?? (start = token.offset);
                atNewline = false;
                hasSpace = false;
                reqSpace = true;
                break;
            }
            case indicator:
                // Could here handle preceding comments differently
                if (anchor || tag)
                    onError(token, 'BAD_PROP_ORDER', `Anchors and tags must be after the ${token.source} indicator`);
                if (found)
                    onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.source} in ${flow ?? 'collection'}`);
                found = token;
                atNewline =
                    indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
                hasSpace = false;
                break;
            case 'comma':
                if (flow) {
                    if (comma)
                        onError(token, 'UNEXPECTED_TOKEN', `Unexpected , in ${flow}`);
                    comma = token;
                    atNewline = false;
                    hasSpace = false;
                    break;
                }
            // else fallthrough
            default:
                onError(token, 'UNEXPECTED_TOKEN', `Unexpected ${token.type} token`);
                atNewline = false;
                hasSpace = false;
        }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (reqSpace &&
        next &&
        next.type !== 'space' &&
        next.type !== 'newline' &&
        next.type !== 'comma' &&
        (next.type !== 'scalar' || next.source !== '')) {
        onError(next.offset, 'MISSING_CHAR', 'Tags and anchors must be separated from the next token by white space');
    }
    if (tab &&
        ((atNewline && tab.indent <= parentIndent) ||
            next?.type === 'block-map' ||
            next?.type === 'block-seq'))
        onError(tab, 'TAB_AS_INDENT', 'Tabs are not allowed as indentation');
    return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
    };
}

exports.resolveProps = resolveProps;


/***/ }),

/***/ 9499:
/***/ ((__unused_webpack_module, exports) => {



function containsNewline(key) {
    if (!key)
        return null;
    switch (key.type) {
        case 'alias':
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            if (key.source.includes('\n'))
                return true;
            if (key.end)
                for (const st of key.end)
                    if (st.type === 'newline')
                        return true;
            return false;
        case 'flow-collection':
            for (const it of key.items) {
                for (const st of it.start)
                    if (st.type === 'newline')
                        return true;
                if (it.sep)
                    for (const st of it.sep)
                        if (st.type === 'newline')
                            return true;
                if (containsNewline(it.key) || containsNewline(it.value))
                    return true;
            }
            return false;
        default:
            return true;
    }
}

exports.containsNewline = containsNewline;


/***/ }),

/***/ 2599:
/***/ ((__unused_webpack_module, exports) => {



function emptyScalarPosition(offset, before, pos) {
    if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
            let st = before[i];
            switch (st.type) {
                case 'space':
                case 'comment':
                case 'newline':
                    offset -= st.source.length;
                    continue;
            }
            // Technically, an empty scalar is immediately after the last non-empty
            // node, but it's more useful to place it after any whitespace.
            st = before[++i];
            while (st?.type === 'space') {
                offset += st.source.length;
                st = before[++i];
            }
            break;
        }
    }
    return offset;
}

exports.emptyScalarPosition = emptyScalarPosition;


/***/ }),

/***/ 4051:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var utilContainsNewline = __nccwpck_require__(9499);

function flowIndentCheck(indent, fc, onError) {
    if (fc?.type === 'flow-collection') {
        const end = fc.end[0];
        if (end.indent === indent &&
            (end.source === ']' || end.source === '}') &&
            utilContainsNewline.containsNewline(fc)) {
            const msg = 'Flow end indicator should be more indented than parent';
            onError(end, 'BAD_INDENT', msg, true);
        }
    }
}

exports.flowIndentCheck = flowIndentCheck;


/***/ }),

/***/ 1187:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

function mapIncludes(ctx, items, search) {
    const { uniqueKeys } = ctx.options;
    if (uniqueKeys === false)
        return false;
    const isEqual = typeof uniqueKeys === 'function'
        ? uniqueKeys
        : (a, b) => a === b || (identity.isScalar(a) && identity.isScalar(b) && a.value === b.value);
    return items.some(pair => isEqual(pair.key, search));
}

exports.mapIncludes = mapIncludes;


/***/ }),

/***/ 3021:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var toJS = __nccwpck_require__(4043);
var Schema = __nccwpck_require__(5840);
var stringifyDocument = __nccwpck_require__(6829);
var anchors = __nccwpck_require__(1596);
var applyReviver = __nccwpck_require__(3661);
var createNode = __nccwpck_require__(2404);
var directives = __nccwpck_require__(1342);

class Document {
    constructor(value, replacer, options) {
        /** A comment before this Document */
        this.commentBefore = null;
        /** A comment immediately after this Document */
        this.comment = null;
        /** Errors encountered during parsing. */
        this.errors = [];
        /** Warnings encountered during parsing. */
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === 'function' || Array.isArray(replacer)) {
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const opt = Object.assign({
            intAsBigInt: false,
            keepSourceTokens: false,
            logLevel: 'warn',
            prettyErrors: true,
            strict: true,
            stringKeys: false,
            uniqueKeys: true,
            version: '1.2'
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
            this.directives = options._directives.atDocument();
            if (this.directives.yaml.explicit)
                version = this.directives.yaml.version;
        }
        else
            this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        // @ts-expect-error We can't really know that this matches Contents.
        this.contents =
            value === undefined ? null : this.createNode(value, _replacer, options);
    }
    /**
     * Create a deep copy of this Document and its contents.
     *
     * Custom Node values that inherit from `Object` still refer to their original instances.
     */
    clone() {
        const copy = Object.create(Document.prototype, {
            [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
            copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        // @ts-expect-error We can't really know that this matches Contents.
        copy.contents = identity.isNode(this.contents)
            ? this.contents.clone(copy.schema)
            : this.contents;
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** Adds a value to the document. */
    add(value) {
        if (assertCollection(this.contents))
            this.contents.add(value);
    }
    /** Adds a value to the document. */
    addIn(path, value) {
        if (assertCollection(this.contents))
            this.contents.addIn(path, value);
    }
    /**
     * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
     *
     * If `node` already has an anchor, `name` is ignored.
     * Otherwise, the `node.anchor` value will be set to `name`,
     * or if an anchor with that name is already present in the document,
     * `name` will be used as a prefix for a new unique anchor.
     * If `name` is undefined, the generated anchor will use 'a' as a prefix.
     */
    createAlias(node, name) {
        if (!node.anchor) {
            const prev = anchors.anchorNames(this);
            node.anchor =
                // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
                !name || prev.has(name) ? anchors.findNewAnchor(name || 'a', prev) : name;
        }
        return new Alias.Alias(node.anchor);
    }
    createNode(value, replacer, options) {
        let _replacer = undefined;
        if (typeof replacer === 'function') {
            value = replacer.call({ '': value }, '', value);
            _replacer = replacer;
        }
        else if (Array.isArray(replacer)) {
            const keyToStr = (v) => typeof v === 'number' || v instanceof String || v instanceof Number;
            const asStr = replacer.filter(keyToStr).map(String);
            if (asStr.length > 0)
                replacer = replacer.concat(asStr);
            _replacer = replacer;
        }
        else if (options === undefined && replacer) {
            options = replacer;
            replacer = undefined;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(this, 
        // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
        anchorPrefix || 'a');
        const ctx = {
            aliasDuplicateObjects: aliasDuplicateObjects ?? true,
            keepUndefined: keepUndefined ?? false,
            onAnchor,
            onTagObj,
            replacer: _replacer,
            schema: this.schema,
            sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
            node.flow = true;
        setAnchors();
        return node;
    }
    /**
     * Convert a key and a value into a `Pair` using the current schema,
     * recursively wrapping all values as `Scalar` or `Collection` nodes.
     */
    createPair(key, value, options = {}) {
        const k = this.createNode(key, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        return assertCollection(this.contents) ? this.contents.delete(key) : false;
    }
    /**
     * Removes a value from the document.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
            if (this.contents == null)
                return false;
            // @ts-expect-error Presumed impossible if Strict extends false
            this.contents = null;
            return true;
        }
        return assertCollection(this.contents)
            ? this.contents.deleteIn(path)
            : false;
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    get(key, keepScalar) {
        return identity.isCollection(this.contents)
            ? this.contents.get(key, keepScalar)
            : undefined;
    }
    /**
     * Returns item at `path`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
            return !keepScalar && identity.isScalar(this.contents)
                ? this.contents.value
                : this.contents;
        return identity.isCollection(this.contents)
            ? this.contents.getIn(path, keepScalar)
            : undefined;
    }
    /**
     * Checks if the document includes a value with the key `key`.
     */
    has(key) {
        return identity.isCollection(this.contents) ? this.contents.has(key) : false;
    }
    /**
     * Checks if the document includes a value at `path`.
     */
    hasIn(path) {
        if (Collection.isEmptyPath(path))
            return this.contents !== undefined;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    set(key, value) {
        if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, [key], value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.set(key, value);
        }
    }
    /**
     * Sets a value in this document. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = value;
        }
        else if (this.contents == null) {
            // @ts-expect-error We can't really know that this matches Contents.
            this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        }
        else if (assertCollection(this.contents)) {
            this.contents.setIn(path, value);
        }
    }
    /**
     * Change the YAML version and schema used by the document.
     * A `null` version disables support for directives, explicit tags, anchors, and aliases.
     * It also requires the `schema` option to be given as a `Schema` instance value.
     *
     * Overrides all previously set schema options.
     */
    setSchema(version, options = {}) {
        if (typeof version === 'number')
            version = String(version);
        let opt;
        switch (version) {
            case '1.1':
                if (this.directives)
                    this.directives.yaml.version = '1.1';
                else
                    this.directives = new directives.Directives({ version: '1.1' });
                opt = { resolveKnownTags: false, schema: 'yaml-1.1' };
                break;
            case '1.2':
            case 'next':
                if (this.directives)
                    this.directives.yaml.version = version;
                else
                    this.directives = new directives.Directives({ version });
                opt = { resolveKnownTags: true, schema: 'core' };
                break;
            case null:
                if (this.directives)
                    delete this.directives;
                opt = null;
                break;
            default: {
                const sv = JSON.stringify(version);
                throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
            }
        }
        // Not using `instanceof Schema` to allow for duck typing
        if (options.schema instanceof Object)
            this.schema = options.schema;
        else if (opt)
            this.schema = new Schema.Schema(Object.assign(opt, options));
        else
            throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
    }
    // json & jsonArg are only used from toJSON()
    toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
            anchors: new Map(),
            doc: this,
            keep: !json,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
    /**
     * A JSON representation of the document `contents`.
     *
     * @param jsonArg Used by `JSON.stringify` to indicate the array index or
     *   property name.
     */
    toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
    }
    /** A YAML representation of the document. */
    toString(options = {}) {
        if (this.errors.length > 0)
            throw new Error('Document with errors cannot be stringified');
        if ('indent' in options &&
            (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
            const s = JSON.stringify(options.indent);
            throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
    }
}
function assertCollection(contents) {
    if (identity.isCollection(contents))
        return true;
    throw new Error('Expected a YAML collection as document contents');
}

exports.Document = Document;


/***/ }),

/***/ 1596:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

/**
 * Verify that the input string is a valid anchor.
 *
 * Will throw on errors.
 */
function anchorIsValid(anchor) {
    if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
    }
    return true;
}
function anchorNames(root) {
    const anchors = new Set();
    visit.visit(root, {
        Value(_key, node) {
            if (node.anchor)
                anchors.add(node.anchor);
        }
    });
    return anchors;
}
/** Find a new anchor name with the given `prefix` and a one-indexed suffix. */
function findNewAnchor(prefix, exclude) {
    for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
            return name;
    }
}
function createNodeAnchors(doc, prefix) {
    const aliasObjects = [];
    const sourceObjects = new Map();
    let prevAnchors = null;
    return {
        onAnchor: (source) => {
            aliasObjects.push(source);
            prevAnchors ?? (prevAnchors = anchorNames(doc));
            const anchor = findNewAnchor(prefix, prevAnchors);
            prevAnchors.add(anchor);
            return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
            for (const source of aliasObjects) {
                const ref = sourceObjects.get(source);
                if (typeof ref === 'object' &&
                    ref.anchor &&
                    (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
                    ref.node.anchor = ref.anchor;
                }
                else {
                    const error = new Error('Failed to resolve repeated object (this should not happen)');
                    error.source = source;
                    throw error;
                }
            }
        },
        sourceObjects
    };
}

exports.anchorIsValid = anchorIsValid;
exports.anchorNames = anchorNames;
exports.createNodeAnchors = createNodeAnchors;
exports.findNewAnchor = findNewAnchor;


/***/ }),

/***/ 3661:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Applies the JSON.parse reviver algorithm as defined in the ECMA-262 spec,
 * in section 24.5.1.1 "Runtime Semantics: InternalizeJSONProperty" of the
 * 2021 edition: https://tc39.es/ecma262/#sec-json.parse
 *
 * Includes extensions for handling Map and Set objects.
 */
function applyReviver(reviver, obj, key, val) {
    if (val && typeof val === 'object') {
        if (Array.isArray(val)) {
            for (let i = 0, len = val.length; i < len; ++i) {
                const v0 = val[i];
                const v1 = applyReviver(reviver, val, String(i), v0);
                // eslint-disable-next-line @typescript-eslint/no-array-delete
                if (v1 === undefined)
                    delete val[i];
                else if (v1 !== v0)
                    val[i] = v1;
            }
        }
        else if (val instanceof Map) {
            for (const k of Array.from(val.keys())) {
                const v0 = val.get(k);
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    val.delete(k);
                else if (v1 !== v0)
                    val.set(k, v1);
            }
        }
        else if (val instanceof Set) {
            for (const v0 of Array.from(val)) {
                const v1 = applyReviver(reviver, val, v0, v0);
                if (v1 === undefined)
                    val.delete(v0);
                else if (v1 !== v0) {
                    val.delete(v0);
                    val.add(v1);
                }
            }
        }
        else {
            for (const [k, v0] of Object.entries(val)) {
                const v1 = applyReviver(reviver, val, k, v0);
                if (v1 === undefined)
                    delete val[k];
                else if (v1 !== v0)
                    val[k] = v1;
            }
        }
    }
    return reviver.call(obj, key, val);
}

exports.applyReviver = applyReviver;


/***/ }),

/***/ 2404:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

const defaultTagPrefix = 'tag:yaml.org,2002:';
function findTagObject(value, tagName, tags) {
    if (tagName) {
        const match = tags.filter(t => t.tag === tagName);
        const tagObj = match.find(t => !t.format) ?? match[0];
        if (!tagObj)
            throw new Error(`Tag ${tagName} not found`);
        return tagObj;
    }
    return tags.find(t => t.identify?.(value) && !t.format);
}
function createNode(value, tagName, ctx) {
    if (identity.isDocument(value))
        value = value.contents;
    if (identity.isNode(value))
        return value;
    if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
    }
    if (value instanceof String ||
        value instanceof Number ||
        value instanceof Boolean ||
        (typeof BigInt !== 'undefined' && value instanceof BigInt) // not supported everywhere
    ) {
        // https://tc39.es/ecma262/#sec-serializejsonproperty
        value = value.valueOf();
    }
    const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
    // Detect duplicate references to the same object & use Alias nodes for all
    // after first. The `ref` wrapper allows for circular references to resolve.
    let ref = undefined;
    if (aliasDuplicateObjects && value && typeof value === 'object') {
        ref = sourceObjects.get(value);
        if (ref) {
            ref.anchor ?? (ref.anchor = onAnchor(value));
            return new Alias.Alias(ref.anchor);
        }
        else {
            ref = { anchor: null, node: null };
            sourceObjects.set(value, ref);
        }
    }
    if (tagName?.startsWith('!!'))
        tagName = defaultTagPrefix + tagName.slice(2);
    let tagObj = findTagObject(value, tagName, schema.tags);
    if (!tagObj) {
        if (value && typeof value.toJSON === 'function') {
            // eslint-disable-next-line @typescript-eslint/no-unsafe-call
            value = value.toJSON();
        }
        if (!value || typeof value !== 'object') {
            const node = new Scalar.Scalar(value);
            if (ref)
                ref.node = node;
            return node;
        }
        tagObj =
            value instanceof Map
                ? schema[identity.MAP]
                : Symbol.iterator in Object(value)
                    ? schema[identity.SEQ]
                    : schema[identity.MAP];
    }
    if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
    }
    const node = tagObj?.createNode
        ? tagObj.createNode(ctx.schema, value, ctx)
        : typeof tagObj?.nodeClass?.from === 'function'
            ? tagObj.nodeClass.from(ctx.schema, value, ctx)
            : new Scalar.Scalar(value);
    if (tagName)
        node.tag = tagName;
    else if (!tagObj.default)
        node.tag = tagObj.tag;
    if (ref)
        ref.node = node;
    return node;
}

exports.createNode = createNode;


/***/ }),

/***/ 1342:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var visit = __nccwpck_require__(204);

const escapeChars = {
    '!': '%21',
    ',': '%2C',
    '[': '%5B',
    ']': '%5D',
    '{': '%7B',
    '}': '%7D'
};
const escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, ch => escapeChars[ch]);
class Directives {
    constructor(yaml, tags) {
        /**
         * The directives-end/doc-start marker `---`. If `null`, a marker may still be
         * included in the document's stringified representation.
         */
        this.docStart = null;
        /** The doc-end marker `...`.  */
        this.docEnd = false;
        this.yaml = Object.assign({}, Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, Directives.defaultTags, tags);
    }
    clone() {
        const copy = new Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
    }
    /**
     * During parsing, get a Directives instance for the current document and
     * update the stream state according to the current version's spec.
     */
    atDocument() {
        const res = new Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
            case '1.1':
                this.atNextDocument = true;
                break;
            case '1.2':
                this.atNextDocument = false;
                this.yaml = {
                    explicit: Directives.defaultYaml.explicit,
                    version: '1.2'
                };
                this.tags = Object.assign({}, Directives.defaultTags);
                break;
        }
        return res;
    }
    /**
     * @param onError - May be called even if the action was successful
     * @returns `true` on success
     */
    add(line, onError) {
        if (this.atNextDocument) {
            this.yaml = { explicit: Directives.defaultYaml.explicit, version: '1.1' };
            this.tags = Object.assign({}, Directives.defaultTags);
            this.atNextDocument = false;
        }
        const parts = line.trim().split(/[ \t]+/);
        const name = parts.shift();
        switch (name) {
            case '%TAG': {
                if (parts.length !== 2) {
                    onError(0, '%TAG directive should contain exactly two parts');
                    if (parts.length < 2)
                        return false;
                }
                const [handle, prefix] = parts;
                this.tags[handle] = prefix;
                return true;
            }
            case '%YAML': {
                this.yaml.explicit = true;
                if (parts.length !== 1) {
                    onError(0, '%YAML directive should contain exactly one part');
                    return false;
                }
                const [version] = parts;
                if (version === '1.1' || version === '1.2') {
                    this.yaml.version = version;
                    return true;
                }
                else {
                    const isValid = /^\d+\.\d+$/.test(version);
                    onError(6, `Unsupported YAML version ${version}`, isValid);
                    return false;
                }
            }
            default:
                onError(0, `Unknown directive ${name}`, true);
                return false;
        }
    }
    /**
     * Resolves a tag, matching handles to those defined in %TAG directives.
     *
     * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
     *   `'!local'` tag, or `null` if unresolvable.
     */
    tagName(source, onError) {
        if (source === '!')
            return '!'; // non-specific tag
        if (source[0] !== '!') {
            onError(`Not a valid tag: ${source}`);
            return null;
        }
        if (source[1] === '<') {
            const verbatim = source.slice(2, -1);
            if (verbatim === '!' || verbatim === '!!') {
                onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
                return null;
            }
            if (source[source.length - 1] !== '>')
                onError('Verbatim tags must end with a >');
            return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
            onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
            try {
                return prefix + decodeURIComponent(suffix);
            }
            catch (error) {
                onError(String(error));
                return null;
            }
        }
        if (handle === '!')
            return source; // local tag
        onError(`Could not resolve tag: ${source}`);
        return null;
    }
    /**
     * Given a fully resolved tag, returns its printable string form,
     * taking into account current tag prefixes and defaults.
     */
    tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
            if (tag.startsWith(prefix))
                return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === '!' ? tag : `!<${tag}>`;
    }
    toString(doc) {
        const lines = this.yaml.explicit
            ? [`%YAML ${this.yaml.version || '1.2'}`]
            : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
            const tags = {};
            visit.visit(doc.contents, (_key, node) => {
                if (identity.isNode(node) && node.tag)
                    tags[node.tag] = true;
            });
            tagNames = Object.keys(tags);
        }
        else
            tagNames = [];
        for (const [handle, prefix] of tagEntries) {
            if (handle === '!!' && prefix === 'tag:yaml.org,2002:')
                continue;
            if (!doc || tagNames.some(tn => tn.startsWith(prefix)))
                lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join('\n');
    }
}
Directives.defaultYaml = { explicit: false, version: '1.2' };
Directives.defaultTags = { '!!': 'tag:yaml.org,2002:' };

exports.Directives = Directives;


/***/ }),

/***/ 1464:
/***/ ((__unused_webpack_module, exports) => {



class YAMLError extends Error {
    constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
    }
}
class YAMLParseError extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLParseError', pos, code, message);
    }
}
class YAMLWarning extends YAMLError {
    constructor(pos, code, message) {
        super('YAMLWarning', pos, code, message);
    }
}
const prettifyError = (src, lc) => (error) => {
    if (error.pos[0] === -1)
        return;
    error.linePos = error.pos.map(pos => lc.linePos(pos));
    const { line, col } = error.linePos[0];
    error.message += ` at line ${line}, column ${col}`;
    let ci = col - 1;
    let lineStr = src
        .substring(lc.lineStarts[line - 1], lc.lineStarts[line])
        .replace(/[\n\r]+$/, '');
    // Trim to max 80 chars, keeping col position near the middle
    if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = '…' + lineStr.substring(trimStart);
        ci -= trimStart - 1;
    }
    if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + '…';
    // Include previous line in context if pointing at line start
    if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        // Regexp won't match if start is trimmed
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
            prev = prev.substring(0, 79) + '…\n';
        lineStr = prev + lineStr;
    }
    if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
            count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = ' '.repeat(ci) + '^'.repeat(count);
        error.message += `:\n\n${lineStr}\n${pointer}\n`;
    }
};

exports.YAMLError = YAMLError;
exports.YAMLParseError = YAMLParseError;
exports.YAMLWarning = YAMLWarning;
exports.prettifyError = prettifyError;


/***/ }),

/***/ 8815:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

var __webpack_unused_export__;


var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var Schema = __nccwpck_require__(5840);
var errors = __nccwpck_require__(1464);
var Alias = __nccwpck_require__(4065);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);
var publicApi = __nccwpck_require__(4047);
var visit = __nccwpck_require__(204);



__webpack_unused_export__ = composer.Composer;
__webpack_unused_export__ = Document.Document;
__webpack_unused_export__ = Schema.Schema;
__webpack_unused_export__ = errors.YAMLError;
__webpack_unused_export__ = errors.YAMLParseError;
__webpack_unused_export__ = errors.YAMLWarning;
__webpack_unused_export__ = Alias.Alias;
__webpack_unused_export__ = identity.isAlias;
__webpack_unused_export__ = identity.isCollection;
__webpack_unused_export__ = identity.isDocument;
exports.jh = identity.isMap;
__webpack_unused_export__ = identity.isNode;
exports.tO = identity.isPair;
exports.jn = identity.isScalar;
exports.oP = identity.isSeq;
__webpack_unused_export__ = Pair.Pair;
__webpack_unused_export__ = Scalar.Scalar;
__webpack_unused_export__ = YAMLMap.YAMLMap;
__webpack_unused_export__ = YAMLSeq.YAMLSeq;
__webpack_unused_export__ = cst;
__webpack_unused_export__ = lexer.Lexer;
exports.HN = lineCounter.LineCounter;
__webpack_unused_export__ = parser.Parser;
__webpack_unused_export__ = publicApi.parse;
__webpack_unused_export__ = publicApi.parseAllDocuments;
exports.Tp = publicApi.parseDocument;
__webpack_unused_export__ = publicApi.stringify;
__webpack_unused_export__ = visit.visit;
__webpack_unused_export__ = visit.visitAsync;


/***/ }),

/***/ 7249:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);

function debug(logLevel, ...messages) {
    if (logLevel === 'debug')
        console.log(...messages);
}
function warn(logLevel, warning) {
    if (logLevel === 'debug' || logLevel === 'warn') {
        if (typeof node_process.emitWarning === 'function')
            node_process.emitWarning(warning);
        else
            console.warn(warning);
    }
}

exports.debug = debug;
exports.warn = warn;


/***/ }),

/***/ 4065:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var visit = __nccwpck_require__(204);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

class Alias extends Node.NodeBase {
    constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, 'tag', {
            set() {
                throw new Error('Alias nodes cannot have tags');
            }
        });
    }
    /**
     * Resolve the value of this alias within `doc`, finding the last
     * instance of the `source` anchor before this node.
     */
    resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
            throw new ReferenceError('Alias resolution is disabled');
        let nodes;
        if (ctx?.aliasResolveCache) {
            nodes = ctx.aliasResolveCache;
        }
        else {
            nodes = [];
            visit.visit(doc, {
                Node: (_key, node) => {
                    if (identity.isAlias(node) || identity.hasAnchor(node))
                        nodes.push(node);
                }
            });
            if (ctx)
                ctx.aliasResolveCache = nodes;
        }
        let found = undefined;
        for (const node of nodes) {
            if (node === this)
                break;
            if (node.anchor === this.source)
                found = node;
        }
        if (found && ctx) {
            const { anchors, doc, maxAliasCount } = ctx;
            let data = anchors.get(found);
            if (!data) {
                // Resolve anchors for Node.prototype.toJS()
                toJS.toJS(found, null, ctx);
                data = anchors.get(found);
            }
            /* istanbul ignore if */
            if (data?.res === undefined) {
                const msg = 'This should not happen: Alias anchor was not resolved?';
                throw new ReferenceError(msg);
            }
            if (maxAliasCount >= 0) {
                data.count += 1;
                if (data.aliasCount === 0)
                    data.aliasCount = getAliasCount(doc, found, anchors);
                if (data.count * data.aliasCount > maxAliasCount) {
                    const msg = 'Excessive alias count indicates a resource exhaustion attack';
                    throw new ReferenceError(msg);
                }
            }
        }
        return found;
    }
    toJSON(_arg, ctx) {
        if (!ctx)
            return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
    }
    toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
            anchors.anchorIsValid(this.source);
            if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
                const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
                throw new Error(msg);
            }
            if (ctx.implicitKey)
                return `${src} `;
        }
        return src;
    }
}
function getAliasCount(doc, node, anchors) {
    if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors && source && anchors.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
    }
    else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
            const c = getAliasCount(doc, item, anchors);
            if (c > count)
                count = c;
        }
        return count;
    }
    else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors);
        const vc = getAliasCount(doc, node.value, anchors);
        return Math.max(kc, vc);
    }
    return 1;
}

exports.Alias = Alias;


/***/ }),

/***/ 101:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);

function collectionFromPath(schema, path, value) {
    let v = value;
    for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === 'number' && Number.isInteger(k) && k >= 0) {
            const a = [];
            a[k] = v;
            v = a;
        }
        else {
            v = new Map([[k, v]]);
        }
    }
    return createNode.createNode(v, undefined, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
            throw new Error('This should not happen, please report a bug.');
        },
        schema,
        sourceObjects: new Map()
    });
}
// Type guard is intentionally a little wrong so as to be more useful,
// as it does not cover untypable empty non-string iterables (e.g. []).
const isEmptyPath = (path) => path == null ||
    (typeof path === 'object' && !!path[Symbol.iterator]().next().done);
class Collection extends Node.NodeBase {
    constructor(type, schema) {
        super(type);
        Object.defineProperty(this, 'schema', {
            value: schema,
            configurable: true,
            enumerable: false,
            writable: true
        });
    }
    /**
     * Create a copy of this collection.
     *
     * @param schema - If defined, overwrites the original's schema
     */
    clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
            copy.schema = schema;
        copy.items = copy.items.map(it => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /**
     * Adds a value to the collection. For `!!map` and `!!omap` the value must
     * be a Pair instance or a `{ key, value }` object, which may not have a key
     * that already exists in the map.
     */
    addIn(path, value) {
        if (isEmptyPath(path))
            this.add(value);
        else {
            const [key, ...rest] = path;
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.addIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
    /**
     * Removes a value from the collection.
     * @returns `true` if the item was found and removed.
     */
    deleteIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.delete(key);
        const node = this.get(key, true);
        if (identity.isCollection(node))
            return node.deleteIn(rest);
        else
            throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
    }
    /**
     * Returns item at `key`, or `undefined` if not found. By default unwraps
     * scalar values from their surrounding node; to disable set `keepScalar` to
     * `true` (collections are always returned intact).
     */
    getIn(path, keepScalar) {
        const [key, ...rest] = path;
        const node = this.get(key, true);
        if (rest.length === 0)
            return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
            return identity.isCollection(node) ? node.getIn(rest, keepScalar) : undefined;
    }
    hasAllNullValues(allowScalar) {
        return this.items.every(node => {
            if (!identity.isPair(node))
                return false;
            const n = node.value;
            return (n == null ||
                (allowScalar &&
                    identity.isScalar(n) &&
                    n.value == null &&
                    !n.commentBefore &&
                    !n.comment &&
                    !n.tag));
        });
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     */
    hasIn(path) {
        const [key, ...rest] = path;
        if (rest.length === 0)
            return this.has(key);
        const node = this.get(key, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     */
    setIn(path, value) {
        const [key, ...rest] = path;
        if (rest.length === 0) {
            this.set(key, value);
        }
        else {
            const node = this.get(key, true);
            if (identity.isCollection(node))
                node.setIn(rest, value);
            else if (node === undefined && this.schema)
                this.set(key, collectionFromPath(this.schema, rest, value));
            else
                throw new Error(`Expected YAML collection at ${key}. Remaining path: ${rest}`);
        }
    }
}

exports.Collection = Collection;
exports.collectionFromPath = collectionFromPath;
exports.isEmptyPath = isEmptyPath;


/***/ }),

/***/ 6673:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var applyReviver = __nccwpck_require__(3661);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

class NodeBase {
    constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
    }
    /** Create a copy of this node.  */
    clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
            copy.range = this.range.slice();
        return copy;
    }
    /** A plain JavaScript representation of this node. */
    toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
            throw new TypeError('A document argument is required');
        const ctx = {
            anchors: new Map(),
            doc,
            keep: true,
            mapAsMap: mapAsMap === true,
            mapKeyWarned: false,
            maxAliasCount: typeof maxAliasCount === 'number' ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, '', ctx);
        if (typeof onAnchor === 'function')
            for (const { count, res } of ctx.anchors.values())
                onAnchor(res, count);
        return typeof reviver === 'function'
            ? applyReviver.applyReviver(reviver, { '': res }, '', res)
            : res;
    }
}

exports.NodeBase = NodeBase;


/***/ }),

/***/ 7165:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyPair = __nccwpck_require__(9748);
var addPairToJSMap = __nccwpck_require__(7104);
var identity = __nccwpck_require__(1127);

function createPair(key, value, ctx) {
    const k = createNode.createNode(key, undefined, ctx);
    const v = createNode.createNode(value, undefined, ctx);
    return new Pair(k, v);
}
class Pair {
    constructor(key, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key;
        this.value = value;
    }
    clone(schema) {
        let { key, value } = this;
        if (identity.isNode(key))
            key = key.clone(schema);
        if (identity.isNode(value))
            value = value.clone(schema);
        return new Pair(key, value);
    }
    toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
    }
    toString(ctx, onComment, onChompKeep) {
        return ctx?.doc
            ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep)
            : JSON.stringify(this);
    }
}

exports.Pair = Pair;
exports.createPair = createPair;


/***/ }),

/***/ 3301:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Node = __nccwpck_require__(6673);
var toJS = __nccwpck_require__(4043);

const isScalarValue = (value) => !value || (typeof value !== 'function' && typeof value !== 'object');
class Scalar extends Node.NodeBase {
    constructor(value) {
        super(identity.SCALAR);
        this.value = value;
    }
    toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
    }
    toString() {
        return String(this.value);
    }
}
Scalar.BLOCK_FOLDED = 'BLOCK_FOLDED';
Scalar.BLOCK_LITERAL = 'BLOCK_LITERAL';
Scalar.PLAIN = 'PLAIN';
Scalar.QUOTE_DOUBLE = 'QUOTE_DOUBLE';
Scalar.QUOTE_SINGLE = 'QUOTE_SINGLE';

exports.Scalar = Scalar;
exports.isScalarValue = isScalarValue;


/***/ }),

/***/ 4454:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyCollection = __nccwpck_require__(1212);
var addPairToJSMap = __nccwpck_require__(7104);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);

function findPair(items, key) {
    const k = identity.isScalar(key) ? key.value : key;
    for (const it of items) {
        if (identity.isPair(it)) {
            if (it.key === key || it.key === k)
                return it;
            if (identity.isScalar(it.key) && it.key.value === k)
                return it;
        }
    }
    return undefined;
}
class YAMLMap extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:map';
    }
    constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
    }
    /**
     * A generic collection parsing method that can be extended
     * to other node classes that inherit from YAMLMap
     */
    static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key, value) => {
            if (typeof replacer === 'function')
                value = replacer.call(obj, key, value);
            else if (Array.isArray(replacer) && !replacer.includes(key))
                return;
            if (value !== undefined || keepUndefined)
                map.items.push(Pair.createPair(key, value, ctx));
        };
        if (obj instanceof Map) {
            for (const [key, value] of obj)
                add(key, value);
        }
        else if (obj && typeof obj === 'object') {
            for (const key of Object.keys(obj))
                add(key, obj[key]);
        }
        if (typeof schema.sortMapEntries === 'function') {
            map.items.sort(schema.sortMapEntries);
        }
        return map;
    }
    /**
     * Adds a value to the collection.
     *
     * @param overwrite - If not set `true`, using a key that is already in the
     *   collection will throw. Otherwise, overwrites the previous value.
     */
    add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
            _pair = pair;
        else if (!pair || typeof pair !== 'object' || !('key' in pair)) {
            // In TypeScript, this never happens.
            _pair = new Pair.Pair(pair, pair?.value);
        }
        else
            _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
            if (!overwrite)
                throw new Error(`Key ${_pair.key} already set`);
            // For scalars, keep the old node & its comments and anchors
            if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
                prev.value.value = _pair.value;
            else
                prev.value = _pair.value;
        }
        else if (sortEntries) {
            const i = this.items.findIndex(item => sortEntries(_pair, item) < 0);
            if (i === -1)
                this.items.push(_pair);
            else
                this.items.splice(i, 0, _pair);
        }
        else {
            this.items.push(_pair);
        }
    }
    delete(key) {
        const it = findPair(this.items, key);
        if (!it)
            return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const it = findPair(this.items, key);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? undefined;
    }
    has(key) {
        return !!findPair(this.items, key);
    }
    set(key, value) {
        this.add(new Pair.Pair(key, value), true);
    }
    /**
     * @param ctx - Conversion context, originally set in Document#toJS()
     * @param {Class} Type - If set, forces the returned collection type
     * @returns Instance of Type, Map, or Object
     */
    toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? new Map() : {};
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const item of this.items)
            addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        for (const item of this.items) {
            if (!identity.isPair(item))
                throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
            ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '',
            flowChars: { start: '{', end: '}' },
            itemIndent: ctx.indent || '',
            onChompKeep,
            onComment
        });
    }
}

exports.YAMLMap = YAMLMap;
exports.findPair = findPair;


/***/ }),

/***/ 2223:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var createNode = __nccwpck_require__(2404);
var stringifyCollection = __nccwpck_require__(1212);
var Collection = __nccwpck_require__(101);
var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var toJS = __nccwpck_require__(4043);

class YAMLSeq extends Collection.Collection {
    static get tagName() {
        return 'tag:yaml.org,2002:seq';
    }
    constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
    }
    add(value) {
        this.items.push(value);
    }
    /**
     * Removes a value from the collection.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     *
     * @returns `true` if the item was found and removed.
     */
    delete(key) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
    }
    get(key, keepScalar) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            return undefined;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
    }
    /**
     * Checks if the collection includes a value with the key `key`.
     *
     * `key` must contain a representation of an integer for this to succeed.
     * It may be wrapped in a `Scalar`.
     */
    has(key) {
        const idx = asItemIndex(key);
        return typeof idx === 'number' && idx < this.items.length;
    }
    /**
     * Sets a value in this collection. For `!!set`, `value` needs to be a
     * boolean to add/remove the item from the set.
     *
     * If `key` does not contain a representation of an integer, this will throw.
     * It may be wrapped in a `Scalar`.
     */
    set(key, value) {
        const idx = asItemIndex(key);
        if (typeof idx !== 'number')
            throw new Error(`Expected a valid index, not ${key}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
            prev.value = value;
        else
            this.items[idx] = value;
    }
    toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
            ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
            seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
            blockItemPrefix: '- ',
            flowChars: { start: '[', end: ']' },
            itemIndent: (ctx.indent || '') + '  ',
            onChompKeep,
            onComment
        });
    }
    static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
            let i = 0;
            for (let it of obj) {
                if (typeof replacer === 'function') {
                    const key = obj instanceof Set ? it : String(i++);
                    it = replacer.call(obj, key, it);
                }
                seq.items.push(createNode.createNode(it, undefined, ctx));
            }
        }
        return seq;
    }
}
function asItemIndex(key) {
    let idx = identity.isScalar(key) ? key.value : key;
    if (idx && typeof idx === 'string')
        idx = Number(idx);
    return typeof idx === 'number' && Number.isInteger(idx) && idx >= 0
        ? idx
        : null;
}

exports.YAMLSeq = YAMLSeq;


/***/ }),

/***/ 7104:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var log = __nccwpck_require__(7249);
var merge = __nccwpck_require__(452);
var stringify = __nccwpck_require__(2148);
var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);

function addPairToJSMap(ctx, map, { key, value }) {
    if (identity.isNode(key) && key.addToJSMap)
        key.addToJSMap(ctx, map, value);
    // TODO: Should drop this special case for bare << handling
    else if (merge.isMergeKey(ctx, key))
        merge.addMergeToJSMap(ctx, map, value);
    else {
        const jsKey = toJS.toJS(key, '', ctx);
        if (map instanceof Map) {
            map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        }
        else if (map instanceof Set) {
            map.add(jsKey);
        }
        else {
            const stringKey = stringifyKey(key, jsKey, ctx);
            const jsValue = toJS.toJS(value, stringKey, ctx);
            if (stringKey in map)
                Object.defineProperty(map, stringKey, {
                    value: jsValue,
                    writable: true,
                    enumerable: true,
                    configurable: true
                });
            else
                map[stringKey] = jsValue;
        }
    }
    return map;
}
function stringifyKey(key, jsKey, ctx) {
    if (jsKey === null)
        return '';
    // eslint-disable-next-line @typescript-eslint/no-base-to-string
    if (typeof jsKey !== 'object')
        return String(jsKey);
    if (identity.isNode(key) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = new Set();
        for (const node of ctx.anchors.keys())
            strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key.toString(strCtx);
        if (!ctx.mapKeyWarned) {
            let jsonStr = JSON.stringify(strKey);
            if (jsonStr.length > 40)
                jsonStr = jsonStr.substring(0, 36) + '..."';
            log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
            ctx.mapKeyWarned = true;
        }
        return strKey;
    }
    return JSON.stringify(jsKey);
}

exports.addPairToJSMap = addPairToJSMap;


/***/ }),

/***/ 1127:
/***/ ((__unused_webpack_module, exports) => {



const ALIAS = Symbol.for('yaml.alias');
const DOC = Symbol.for('yaml.document');
const MAP = Symbol.for('yaml.map');
const PAIR = Symbol.for('yaml.pair');
const SCALAR = Symbol.for('yaml.scalar');
const SEQ = Symbol.for('yaml.seq');
const NODE_TYPE = Symbol.for('yaml.node.type');
const isAlias = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === ALIAS;
const isDocument = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === DOC;
const isMap = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === MAP;
const isPair = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === PAIR;
const isScalar = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SCALAR;
const isSeq = (node) => !!node && typeof node === 'object' && node[NODE_TYPE] === SEQ;
function isCollection(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case MAP:
            case SEQ:
                return true;
        }
    return false;
}
function isNode(node) {
    if (node && typeof node === 'object')
        switch (node[NODE_TYPE]) {
            case ALIAS:
            case MAP:
            case SCALAR:
            case SEQ:
                return true;
        }
    return false;
}
const hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;

exports.ALIAS = ALIAS;
exports.DOC = DOC;
exports.MAP = MAP;
exports.NODE_TYPE = NODE_TYPE;
exports.PAIR = PAIR;
exports.SCALAR = SCALAR;
exports.SEQ = SEQ;
exports.hasAnchor = hasAnchor;
exports.isAlias = isAlias;
exports.isCollection = isCollection;
exports.isDocument = isDocument;
exports.isMap = isMap;
exports.isNode = isNode;
exports.isPair = isPair;
exports.isScalar = isScalar;
exports.isSeq = isSeq;


/***/ }),

/***/ 4043:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

/**
 * Recursively convert any node or its contents to native JavaScript
 *
 * @param value - The input value
 * @param arg - If `value` defines a `toJSON()` method, use this
 *   as its first argument
 * @param ctx - Conversion context, originally set in Document#toJS(). If
 *   `{ keep: true }` is not set, output should be suitable for JSON
 *   stringification.
 */
function toJS(value, arg, ctx) {
    // eslint-disable-next-line @typescript-eslint/no-unsafe-return
    if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
    if (value && typeof value.toJSON === 'function') {
        // eslint-disable-next-line @typescript-eslint/no-unsafe-call
        if (!ctx || !identity.hasAnchor(value))
            return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: undefined };
        ctx.anchors.set(value, data);
        ctx.onCreate = res => {
            data.res = res;
            delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
            ctx.onCreate(res);
        return res;
    }
    if (typeof value === 'bigint' && !ctx?.keep)
        return Number(value);
    return value;
}

exports.toJS = toJS;


/***/ }),

/***/ 110:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var resolveBlockScalar = __nccwpck_require__(8913);
var resolveFlowScalar = __nccwpck_require__(6842);
var errors = __nccwpck_require__(1464);
var stringifyString = __nccwpck_require__(3069);

function resolveAsScalar(token, strict = true, onError) {
    if (token) {
        const _onError = (pos, code, message) => {
            const offset = typeof pos === 'number' ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
            if (onError)
                onError(offset, code, message);
            else
                throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
            case 'block-scalar':
                return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
    }
    return null;
}
/**
 * Create a new scalar token with `value`
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.end Comments and whitespace after the end of the value, or after the block scalar header. If undefined, a newline will be added.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.indent The indent level of the token.
 * @param context.inFlow Is this scalar within a flow collection? This may affect the resolved type of the token's value.
 * @param context.offset The offset position of the token.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function createScalarToken(value, context) {
    const { implicitKey = false, indent, inFlow = false, offset = -1, type = 'PLAIN' } = context;
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    const end = context.end ?? [
        { type: 'newline', offset: -1, indent, source: '\n' }
    ];
    switch (source[0]) {
        case '|':
        case '>': {
            const he = source.indexOf('\n');
            const head = source.substring(0, he);
            const body = source.substring(he + 1) + '\n';
            const props = [
                { type: 'block-scalar-header', offset, indent, source: head }
            ];
            if (!addEndtoBlockProps(props, end))
                props.push({ type: 'newline', offset: -1, indent, source: '\n' });
            return { type: 'block-scalar', offset, indent, props, source: body };
        }
        case '"':
            return { type: 'double-quoted-scalar', offset, indent, source, end };
        case "'":
            return { type: 'single-quoted-scalar', offset, indent, source, end };
        default:
            return { type: 'scalar', offset, indent, source, end };
    }
}
/**
 * Set the value of `token` to the given string `value`, overwriting any previous contents and type that it may have.
 *
 * Best efforts are made to retain any comments previously associated with the `token`,
 * though all contents within a collection's `items` will be overwritten.
 *
 * Values that represent an actual string but may be parsed as a different type should use a `type` other than `'PLAIN'`,
 * as this function does not support any schema operations and won't check for such conflicts.
 *
 * @param token Any token. If it does not include an `indent` value, the value will be stringified as if it were an implicit key.
 * @param value The string representation of the value, which will have its content properly indented.
 * @param context.afterKey In most cases, values after a key should have an additional level of indentation.
 * @param context.implicitKey Being within an implicit key may affect the resolved type of the token's value.
 * @param context.inFlow Being within a flow collection may affect the resolved type of the token's value.
 * @param context.type The preferred type of the scalar token. If undefined, the previous type of the `token` will be used, defaulting to `'PLAIN'`.
 */
function setScalarValue(token, value, context = {}) {
    let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
    let indent = 'indent' in token ? token.indent : null;
    if (afterKey && typeof indent === 'number')
        indent += 2;
    if (!type)
        switch (token.type) {
            case 'single-quoted-scalar':
                type = 'QUOTE_SINGLE';
                break;
            case 'double-quoted-scalar':
                type = 'QUOTE_DOUBLE';
                break;
            case 'block-scalar': {
                const header = token.props[0];
                if (header.type !== 'block-scalar-header')
                    throw new Error('Invalid block scalar header');
                type = header.source[0] === '>' ? 'BLOCK_FOLDED' : 'BLOCK_LITERAL';
                break;
            }
            default:
                type = 'PLAIN';
        }
    const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? ' '.repeat(indent) : '',
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
    });
    switch (source[0]) {
        case '|':
        case '>':
            setBlockScalarValue(token, source);
            break;
        case '"':
            setFlowScalarValue(token, source, 'double-quoted-scalar');
            break;
        case "'":
            setFlowScalarValue(token, source, 'single-quoted-scalar');
            break;
        default:
            setFlowScalarValue(token, source, 'scalar');
    }
}
function setBlockScalarValue(token, source) {
    const he = source.indexOf('\n');
    const head = source.substring(0, he);
    const body = source.substring(he + 1) + '\n';
    if (token.type === 'block-scalar') {
        const header = token.props[0];
        if (header.type !== 'block-scalar-header')
            throw new Error('Invalid block scalar header');
        header.source = head;
        token.source = body;
    }
    else {
        const { offset } = token;
        const indent = 'indent' in token ? token.indent : -1;
        const props = [
            { type: 'block-scalar-header', offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, 'end' in token ? token.end : undefined))
            props.push({ type: 'newline', offset: -1, indent, source: '\n' });
        for (const key of Object.keys(token))
            if (key !== 'type' && key !== 'offset')
                delete token[key];
        Object.assign(token, { type: 'block-scalar', indent, props, source: body });
    }
}
/** @returns `true` if last token is a newline */
function addEndtoBlockProps(props, end) {
    if (end)
        for (const st of end)
            switch (st.type) {
                case 'space':
                case 'comment':
                    props.push(st);
                    break;
                case 'newline':
                    props.push(st);
                    return true;
            }
    return false;
}
function setFlowScalarValue(token, source, type) {
    switch (token.type) {
        case 'scalar':
        case 'double-quoted-scalar':
        case 'single-quoted-scalar':
            token.type = type;
            token.source = source;
            break;
        case 'block-scalar': {
            const end = token.props.slice(1);
            let oa = source.length;
            if (token.props[0].type === 'block-scalar-header')
                oa -= token.props[0].source.length;
            for (const tok of end)
                tok.offset += oa;
            delete token.props;
            Object.assign(token, { type, source, end });
            break;
        }
        case 'block-map':
        case 'block-seq': {
            const offset = token.offset + source.length;
            const nl = { type: 'newline', offset, indent: token.indent, source: '\n' };
            delete token.items;
            Object.assign(token, { type, source, end: [nl] });
            break;
        }
        default: {
            const indent = 'indent' in token ? token.indent : -1;
            const end = 'end' in token && Array.isArray(token.end)
                ? token.end.filter(st => st.type === 'space' ||
                    st.type === 'comment' ||
                    st.type === 'newline')
                : [];
            for (const key of Object.keys(token))
                if (key !== 'type' && key !== 'offset')
                    delete token[key];
            Object.assign(token, { type, indent, source, end });
        }
    }
}

exports.createScalarToken = createScalarToken;
exports.resolveAsScalar = resolveAsScalar;
exports.setScalarValue = setScalarValue;


/***/ }),

/***/ 1733:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringify a CST document, token, or collection item
 *
 * Fair warning: This applies no validation whatsoever, and
 * simply concatenates the sources in their logical order.
 */
const stringify = (cst) => 'type' in cst ? stringifyToken(cst) : stringifyItem(cst);
function stringifyToken(token) {
    switch (token.type) {
        case 'block-scalar': {
            let res = '';
            for (const tok of token.props)
                res += stringifyToken(tok);
            return res + token.source;
        }
        case 'block-map':
        case 'block-seq': {
            let res = '';
            for (const item of token.items)
                res += stringifyItem(item);
            return res;
        }
        case 'flow-collection': {
            let res = token.start.source;
            for (const item of token.items)
                res += stringifyItem(item);
            for (const st of token.end)
                res += st.source;
            return res;
        }
        case 'document': {
            let res = stringifyItem(token);
            if (token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
        default: {
            let res = token.source;
            if ('end' in token && token.end)
                for (const st of token.end)
                    res += st.source;
            return res;
        }
    }
}
function stringifyItem({ start, key, sep, value }) {
    let res = '';
    for (const st of start)
        res += st.source;
    if (key)
        res += stringifyToken(key);
    if (sep)
        for (const st of sep)
            res += st.source;
    if (value)
        res += stringifyToken(value);
    return res;
}

exports.stringify = stringify;


/***/ }),

/***/ 7715:
/***/ ((__unused_webpack_module, exports) => {



const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove item');
/**
 * Apply a visitor to a CST document or item.
 *
 * Walks through the tree (depth-first) starting from the root, calling a
 * `visitor` function with two arguments when entering each item:
 *   - `item`: The current item, which included the following members:
 *     - `start: SourceToken[]` – Source tokens before the key or value,
 *       possibly including its anchor or tag.
 *     - `key?: Token | null` – Set for pair values. May then be `null`, if
 *       the key before the `:` separator is empty.
 *     - `sep?: SourceToken[]` – Source tokens between the key and the value,
 *       which should include the `:` map value indicator if `value` is set.
 *     - `value?: Token` – The value of a sequence item, or of a map pair.
 *   - `path`: The steps from the root to the current node, as an array of
 *     `['key' | 'value', number]` tuples.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this token, continue with
 *      next sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current item, then continue with the next one
 *   - `number`: Set the index of the next step. This is useful especially if
 *     the index of the current token has changed.
 *   - `function`: Define the next visitor for this item. After the original
 *     visitor is called on item entry, next visitors are called after handling
 *     a non-empty `key` and when exiting the item.
 */
function visit(cst, visitor) {
    if ('type' in cst && cst.type === 'document')
        cst = { start: cst.start, value: cst.value };
    _visit(Object.freeze([]), cst, visitor);
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current item */
visit.SKIP = SKIP;
/** Remove the current item */
visit.REMOVE = REMOVE;
/** Find the item at `path` from `cst` as the root */
visit.itemAtPath = (cst, path) => {
    let item = cst;
    for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && 'items' in tok) {
            item = tok.items[index];
        }
        else
            return undefined;
    }
    return item;
};
/**
 * Get the immediate parent collection of the item at `path` from `cst` as the root.
 *
 * Throws an error if the collection is not found, which should never happen if the item itself exists.
 */
visit.parentCollection = (cst, path) => {
    const parent = visit.itemAtPath(cst, path.slice(0, -1));
    const field = path[path.length - 1][0];
    const coll = parent?.[field];
    if (coll && 'items' in coll)
        return coll;
    throw new Error('Parent collection not found');
};
function _visit(path, item, visitor) {
    let ctrl = visitor(item, path);
    if (typeof ctrl === 'symbol')
        return ctrl;
    for (const field of ['key', 'value']) {
        const token = item[field];
        if (token && 'items' in token) {
            for (let i = 0; i < token.items.length; ++i) {
                const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    token.items.splice(i, 1);
                    i -= 1;
                }
            }
            if (typeof ctrl === 'function' && field === 'key')
                ctrl = ctrl(item, path);
        }
    }
    return typeof ctrl === 'function' ? ctrl(item, path) : ctrl;
}

exports.visit = visit;


/***/ }),

/***/ 3461:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cstScalar = __nccwpck_require__(110);
var cstStringify = __nccwpck_require__(1733);
var cstVisit = __nccwpck_require__(7715);

/** The byte order mark */
const BOM = '\u{FEFF}';
/** Start of doc-mode */
const DOCUMENT = '\x02'; // C0: Start of Text
/** Unexpected end of flow-mode */
const FLOW_END = '\x18'; // C0: Cancel
/** Next token is a scalar value */
const SCALAR = '\x1f'; // C0: Unit Separator
/** @returns `true` if `token` is a flow or block collection */
const isCollection = (token) => !!token && 'items' in token;
/** @returns `true` if `token` is a flow or block scalar; not an alias */
const isScalar = (token) => !!token &&
    (token.type === 'scalar' ||
        token.type === 'single-quoted-scalar' ||
        token.type === 'double-quoted-scalar' ||
        token.type === 'block-scalar');
/* istanbul ignore next */
/** Get a printable representation of a lexer token */
function prettyToken(token) {
    switch (token) {
        case BOM:
            return '<BOM>';
        case DOCUMENT:
            return '<DOC>';
        case FLOW_END:
            return '<FLOW_END>';
        case SCALAR:
            return '<SCALAR>';
        default:
            return JSON.stringify(token);
    }
}
/** Identify the type of a lexer token. May return `null` for unknown tokens. */
function tokenType(source) {
    switch (source) {
        case BOM:
            return 'byte-order-mark';
        case DOCUMENT:
            return 'doc-mode';
        case FLOW_END:
            return 'flow-error-end';
        case SCALAR:
            return 'scalar';
        case '---':
            return 'doc-start';
        case '...':
            return 'doc-end';
        case '':
        case '\n':
        case '\r\n':
            return 'newline';
        case '-':
            return 'seq-item-ind';
        case '?':
            return 'explicit-key-ind';
        case ':':
            return 'map-value-ind';
        case '{':
            return 'flow-map-start';
        case '}':
            return 'flow-map-end';
        case '[':
            return 'flow-seq-start';
        case ']':
            return 'flow-seq-end';
        case ',':
            return 'comma';
    }
    switch (source[0]) {
        case ' ':
        case '\t':
            return 'space';
        case '#':
            return 'comment';
        case '%':
            return 'directive-line';
        case '*':
            return 'alias';
        case '&':
            return 'anchor';
        case '!':
            return 'tag';
        case "'":
            return 'single-quoted-scalar';
        case '"':
            return 'double-quoted-scalar';
        case '|':
        case '>':
            return 'block-scalar-header';
    }
    return null;
}

exports.createScalarToken = cstScalar.createScalarToken;
exports.resolveAsScalar = cstScalar.resolveAsScalar;
exports.setScalarValue = cstScalar.setScalarValue;
exports.stringify = cstStringify.stringify;
exports.visit = cstVisit.visit;
exports.BOM = BOM;
exports.DOCUMENT = DOCUMENT;
exports.FLOW_END = FLOW_END;
exports.SCALAR = SCALAR;
exports.isCollection = isCollection;
exports.isScalar = isScalar;
exports.prettyToken = prettyToken;
exports.tokenType = tokenType;


/***/ }),

/***/ 361:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var cst = __nccwpck_require__(3461);

/*
START -> stream

stream
  directive -> line-end -> stream
  indent + line-end -> stream
  [else] -> line-start

line-end
  comment -> line-end
  newline -> .
  input-end -> END

line-start
  doc-start -> doc
  doc-end -> stream
  [else] -> indent -> block-start

block-start
  seq-item-start -> block-start
  explicit-key-start -> block-start
  map-value-start -> block-start
  [else] -> doc

doc
  line-end -> line-start
  spaces -> doc
  anchor -> doc
  tag -> doc
  flow-start -> flow -> doc
  flow-end -> error -> doc
  seq-item-start -> error -> doc
  explicit-key-start -> error -> doc
  map-value-start -> doc
  alias -> doc
  quote-start -> quoted-scalar -> doc
  block-scalar-header -> line-end -> block-scalar(min) -> line-start
  [else] -> plain-scalar(false, min) -> doc

flow
  line-end -> flow
  spaces -> flow
  anchor -> flow
  tag -> flow
  flow-start -> flow -> flow
  flow-end -> .
  seq-item-start -> error -> flow
  explicit-key-start -> flow
  map-value-start -> flow
  alias -> flow
  quote-start -> quoted-scalar -> flow
  comma -> flow
  [else] -> plain-scalar(true, 0) -> flow

quoted-scalar
  quote-end -> .
  [else] -> quoted-scalar

block-scalar(min)
  newline + peek(indent < min) -> .
  [else] -> block-scalar(min)

plain-scalar(is-flow, min)
  scalar-end(is-flow) -> .
  peek(newline + (indent < min)) -> .
  [else] -> plain-scalar(min)
*/
function isEmpty(ch) {
    switch (ch) {
        case undefined:
        case ' ':
        case '\n':
        case '\r':
        case '\t':
            return true;
        default:
            return false;
    }
}
const hexDigits = new Set('0123456789ABCDEFabcdef');
const tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
const flowIndicatorChars = new Set(',[]{}');
const invalidAnchorChars = new Set(' ,[]{}\n\r\t');
const isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
/**
 * Splits an input string into lexical tokens, i.e. smaller strings that are
 * easily identifiable by `tokens.tokenType()`.
 *
 * Lexing starts always in a "stream" context. Incomplete input may be buffered
 * until a complete token can be emitted.
 *
 * In addition to slices of the original input, the following control characters
 * may also be emitted:
 *
 * - `\x02` (Start of Text): A document starts with the next token
 * - `\x18` (Cancel): Unexpected end of flow-mode (indicates an error)
 * - `\x1f` (Unit Separator): Next token is a scalar value
 * - `\u{FEFF}` (Byte order mark): Emitted separately outside documents
 */
class Lexer {
    constructor() {
        /**
         * Flag indicating whether the end of the current buffer marks the end of
         * all input
         */
        this.atEnd = false;
        /**
         * Explicit indent set in block scalar header, as an offset from the current
         * minimum indent, so e.g. set to 1 from a header `|2+`. Set to -1 if not
         * explicitly set.
         */
        this.blockScalarIndent = -1;
        /**
         * Block scalars that include a + (keep) chomping indicator in their header
         * include trailing empty lines, which are otherwise excluded from the
         * scalar's contents.
         */
        this.blockScalarKeep = false;
        /** Current input */
        this.buffer = '';
        /**
         * Flag noting whether the map value indicator : can immediately follow this
         * node within a flow context.
         */
        this.flowKey = false;
        /** Count of surrounding flow collection levels. */
        this.flowLevel = 0;
        /**
         * Minimum level of indentation required for next lines to be parsed as a
         * part of the current scalar value.
         */
        this.indentNext = 0;
        /** Indentation level of the current line. */
        this.indentValue = 0;
        /** Position of the next \n character. */
        this.lineEndPos = null;
        /** Stores the state of the lexer if reaching the end of incpomplete input */
        this.next = null;
        /** A pointer to `buffer`; the current position of the lexer. */
        this.pos = 0;
    }
    /**
     * Generate YAML tokens from the `source` string. If `incomplete`,
     * a part of the last line may be left as a buffer for the next call.
     *
     * @returns A generator of lexical tokens
     */
    *lex(source, incomplete = false) {
        if (source) {
            if (typeof source !== 'string')
                throw TypeError('source is not a string');
            this.buffer = this.buffer ? this.buffer + source : source;
            this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? 'stream';
        while (next && (incomplete || this.hasChars(1)))
            next = yield* this.parseNext(next);
    }
    atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === ' ' || ch === '\t')
            ch = this.buffer[++i];
        if (!ch || ch === '#' || ch === '\n')
            return true;
        if (ch === '\r')
            return this.buffer[i + 1] === '\n';
        return false;
    }
    charAt(n) {
        return this.buffer[this.pos + n];
    }
    continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
            let indent = 0;
            while (ch === ' ')
                ch = this.buffer[++indent + offset];
            if (ch === '\r') {
                const next = this.buffer[indent + offset + 1];
                if (next === '\n' || (!next && !this.atEnd))
                    return offset + indent + 1;
            }
            return ch === '\n' || indent >= this.indentNext || (!ch && !this.atEnd)
                ? offset + indent
                : -1;
        }
        if (ch === '-' || ch === '.') {
            const dt = this.buffer.substr(offset, 3);
            if ((dt === '---' || dt === '...') && isEmpty(this.buffer[offset + 3]))
                return -1;
        }
        return offset;
    }
    getLine() {
        let end = this.lineEndPos;
        if (typeof end !== 'number' || (end !== -1 && end < this.pos)) {
            end = this.buffer.indexOf('\n', this.pos);
            this.lineEndPos = end;
        }
        if (end === -1)
            return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === '\r')
            end -= 1;
        return this.buffer.substring(this.pos, end);
    }
    hasChars(n) {
        return this.pos + n <= this.buffer.length;
    }
    setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
    }
    peek(n) {
        return this.buffer.substr(this.pos, n);
    }
    *parseNext(next) {
        switch (next) {
            case 'stream':
                return yield* this.parseStream();
            case 'line-start':
                return yield* this.parseLineStart();
            case 'block-start':
                return yield* this.parseBlockStart();
            case 'doc':
                return yield* this.parseDocument();
            case 'flow':
                return yield* this.parseFlowCollection();
            case 'quoted-scalar':
                return yield* this.parseQuotedScalar();
            case 'block-scalar':
                return yield* this.parseBlockScalar();
            case 'plain-scalar':
                return yield* this.parsePlainScalar();
        }
    }
    *parseStream() {
        let line = this.getLine();
        if (line === null)
            return this.setNext('stream');
        if (line[0] === cst.BOM) {
            yield* this.pushCount(1);
            line = line.substring(1);
        }
        if (line[0] === '%') {
            let dirEnd = line.length;
            let cs = line.indexOf('#');
            while (cs !== -1) {
                const ch = line[cs - 1];
                if (ch === ' ' || ch === '\t') {
                    dirEnd = cs - 1;
                    break;
                }
                else {
                    cs = line.indexOf('#', cs + 1);
                }
            }
            while (true) {
                const ch = line[dirEnd - 1];
                if (ch === ' ' || ch === '\t')
                    dirEnd -= 1;
                else
                    break;
            }
            const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
            yield* this.pushCount(line.length - n); // possible comment
            this.pushNewline();
            return 'stream';
        }
        if (this.atLineEnd()) {
            const sp = yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - sp);
            yield* this.pushNewline();
            return 'stream';
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
    }
    *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
            return this.setNext('line-start');
        if (ch === '-' || ch === '.') {
            if (!this.atEnd && !this.hasChars(4))
                return this.setNext('line-start');
            const s = this.peek(3);
            if ((s === '---' || s === '...') && isEmpty(this.charAt(3))) {
                yield* this.pushCount(3);
                this.indentValue = 0;
                this.indentNext = 0;
                return s === '---' ? 'doc' : 'stream';
            }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
            this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
    }
    *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
            return this.setNext('block-start');
        if ((ch0 === '-' || ch0 === '?' || ch0 === ':') && isEmpty(ch1)) {
            const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
            this.indentNext = this.indentValue + 1;
            this.indentValue += n;
            return 'block-start';
        }
        return 'doc';
    }
    *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
            return this.setNext('doc');
        let n = yield* this.pushIndicators();
        switch (line[n]) {
            case '#':
                yield* this.pushCount(line.length - n);
            // fallthrough
            case undefined:
                yield* this.pushNewline();
                return yield* this.parseLineStart();
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel = 1;
                return 'flow';
            case '}':
            case ']':
                // this is an error
                yield* this.pushCount(1);
                return 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'doc';
            case '"':
            case "'":
                return yield* this.parseQuotedScalar();
            case '|':
            case '>':
                n += yield* this.parseBlockScalarHeader();
                n += yield* this.pushSpaces(true);
                yield* this.pushCount(line.length - n);
                yield* this.pushNewline();
                return yield* this.parseBlockScalar();
            default:
                return yield* this.parsePlainScalar();
        }
    }
    *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
            nl = yield* this.pushNewline();
            if (nl > 0) {
                sp = yield* this.pushSpaces(false);
                this.indentValue = indent = sp;
            }
            else {
                sp = 0;
            }
            sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
            return this.setNext('flow');
        if ((indent !== -1 && indent < this.indentNext && line[0] !== '#') ||
            (indent === 0 &&
                (line.startsWith('---') || line.startsWith('...')) &&
                isEmpty(line[3]))) {
            // Allowing for the terminal ] or } at the same (rather than greater)
            // indent level as the initial [ or { is technically invalid, but
            // failing here would be surprising to users.
            const atFlowEndMarker = indent === this.indentNext - 1 &&
                this.flowLevel === 1 &&
                (line[0] === ']' || line[0] === '}');
            if (!atFlowEndMarker) {
                // this is an error
                this.flowLevel = 0;
                yield cst.FLOW_END;
                return yield* this.parseLineStart();
            }
        }
        let n = 0;
        while (line[n] === ',') {
            n += yield* this.pushCount(1);
            n += yield* this.pushSpaces(true);
            this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
            case undefined:
                return 'flow';
            case '#':
                yield* this.pushCount(line.length - n);
                return 'flow';
            case '{':
            case '[':
                yield* this.pushCount(1);
                this.flowKey = false;
                this.flowLevel += 1;
                return 'flow';
            case '}':
            case ']':
                yield* this.pushCount(1);
                this.flowKey = true;
                this.flowLevel -= 1;
                return this.flowLevel ? 'flow' : 'doc';
            case '*':
                yield* this.pushUntil(isNotAnchorChar);
                return 'flow';
            case '"':
            case "'":
                this.flowKey = true;
                return yield* this.parseQuotedScalar();
            case ':': {
                const next = this.charAt(1);
                if (this.flowKey || isEmpty(next) || next === ',') {
                    this.flowKey = false;
                    yield* this.pushCount(1);
                    yield* this.pushSpaces(true);
                    return 'flow';
                }
            }
            // fallthrough
            default:
                this.flowKey = false;
                return yield* this.parsePlainScalar();
        }
    }
    *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
            while (end !== -1 && this.buffer[end + 1] === "'")
                end = this.buffer.indexOf("'", end + 2);
        }
        else {
            // double-quote
            while (end !== -1) {
                let n = 0;
                while (this.buffer[end - 1 - n] === '\\')
                    n += 1;
                if (n % 2 === 0)
                    break;
                end = this.buffer.indexOf('"', end + 1);
            }
        }
        // Only looking for newlines within the quotes
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf('\n', this.pos);
        if (nl !== -1) {
            while (nl !== -1) {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = qb.indexOf('\n', cs);
            }
            if (nl !== -1) {
                // this is an error caused by an unexpected unindent
                end = nl - (qb[nl - 1] === '\r' ? 2 : 1);
            }
        }
        if (end === -1) {
            if (!this.atEnd)
                return this.setNext('quoted-scalar');
            end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? 'flow' : 'doc';
    }
    *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
            const ch = this.buffer[++i];
            if (ch === '+')
                this.blockScalarKeep = true;
            else if (ch > '0' && ch <= '9')
                this.blockScalarIndent = Number(ch) - 1;
            else if (ch !== '-')
                break;
        }
        return yield* this.pushUntil(ch => isEmpty(ch) || ch === '#');
    }
    *parseBlockScalar() {
        let nl = this.pos - 1; // may be -1 if this.pos === 0
        let indent = 0;
        let ch;
        loop: for (let i = this.pos; (ch = this.buffer[i]); ++i) {
            switch (ch) {
                case ' ':
                    indent += 1;
                    break;
                case '\n':
                    nl = i;
                    indent = 0;
                    break;
                case '\r': {
                    const next = this.buffer[i + 1];
                    if (!next && !this.atEnd)
                        return this.setNext('block-scalar');
                    if (next === '\n')
                        break;
                } // fallthrough
                default:
                    break loop;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('block-scalar');
        if (indent >= this.indentNext) {
            if (this.blockScalarIndent === -1)
                this.indentNext = indent;
            else {
                this.indentNext =
                    this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
            }
            do {
                const cs = this.continueScalar(nl + 1);
                if (cs === -1)
                    break;
                nl = this.buffer.indexOf('\n', cs);
            } while (nl !== -1);
            if (nl === -1) {
                if (!this.atEnd)
                    return this.setNext('block-scalar');
                nl = this.buffer.length;
            }
        }
        // Trailing insufficiently indented tabs are invalid.
        // To catch that during parsing, we include them in the block scalar value.
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === ' ')
            ch = this.buffer[++i];
        if (ch === '\t') {
            while (ch === '\t' || ch === ' ' || ch === '\r' || ch === '\n')
                ch = this.buffer[++i];
            nl = i - 1;
        }
        else if (!this.blockScalarKeep) {
            do {
                let i = nl - 1;
                let ch = this.buffer[i];
                if (ch === '\r')
                    ch = this.buffer[--i];
                const lastChar = i; // Drop the line if last char not more indented
                while (ch === ' ')
                    ch = this.buffer[--i];
                if (ch === '\n' && i >= this.pos && i + 1 + indent > lastChar)
                    nl = i;
                else
                    break;
            } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
    }
    *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while ((ch = this.buffer[++i])) {
            if (ch === ':') {
                const next = this.buffer[i + 1];
                if (isEmpty(next) || (inFlow && flowIndicatorChars.has(next)))
                    break;
                end = i;
            }
            else if (isEmpty(ch)) {
                let next = this.buffer[i + 1];
                if (ch === '\r') {
                    if (next === '\n') {
                        i += 1;
                        ch = '\n';
                        next = this.buffer[i + 1];
                    }
                    else
                        end = i;
                }
                if (next === '#' || (inFlow && flowIndicatorChars.has(next)))
                    break;
                if (ch === '\n') {
                    const cs = this.continueScalar(i + 1);
                    if (cs === -1)
                        break;
                    i = Math.max(i, cs - 2); // to advance, but still account for ' #'
                }
            }
            else {
                if (inFlow && flowIndicatorChars.has(ch))
                    break;
                end = i;
            }
        }
        if (!ch && !this.atEnd)
            return this.setNext('plain-scalar');
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? 'flow' : 'doc';
    }
    *pushCount(n) {
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos += n;
            return n;
        }
        return 0;
    }
    *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
            yield s;
            this.pos += s.length;
            return s.length;
        }
        else if (allowEmpty)
            yield '';
        return 0;
    }
    *pushIndicators() {
        let n = 0;
        loop: while (true) {
            switch (this.charAt(0)) {
                case '!':
                    n += yield* this.pushTag();
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '&':
                    n += yield* this.pushUntil(isNotAnchorChar);
                    n += yield* this.pushSpaces(true);
                    continue loop;
                case '-': // this is an error
                case '?': // this is an error outside flow collections
                case ':': {
                    const inFlow = this.flowLevel > 0;
                    const ch1 = this.charAt(1);
                    if (isEmpty(ch1) || (inFlow && flowIndicatorChars.has(ch1))) {
                        if (!inFlow)
                            this.indentNext = this.indentValue + 1;
                        else if (this.flowKey)
                            this.flowKey = false;
                        n += yield* this.pushCount(1);
                        n += yield* this.pushSpaces(true);
                        continue loop;
                    }
                }
            }
            break loop;
        }
        return n;
    }
    *pushTag() {
        if (this.charAt(1) === '<') {
            let i = this.pos + 2;
            let ch = this.buffer[i];
            while (!isEmpty(ch) && ch !== '>')
                ch = this.buffer[++i];
            return yield* this.pushToIndex(ch === '>' ? i + 1 : i, false);
        }
        else {
            let i = this.pos + 1;
            let ch = this.buffer[i];
            while (ch) {
                if (tagChars.has(ch))
                    ch = this.buffer[++i];
                else if (ch === '%' &&
                    hexDigits.has(this.buffer[i + 1]) &&
                    hexDigits.has(this.buffer[i + 2])) {
                    ch = this.buffer[(i += 3)];
                }
                else
                    break;
            }
            return yield* this.pushToIndex(i, false);
        }
    }
    *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === '\n')
            return yield* this.pushCount(1);
        else if (ch === '\r' && this.charAt(1) === '\n')
            return yield* this.pushCount(2);
        else
            return 0;
    }
    *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
            ch = this.buffer[++i];
        } while (ch === ' ' || (allowTabs && ch === '\t'));
        const n = i - this.pos;
        if (n > 0) {
            yield this.buffer.substr(this.pos, n);
            this.pos = i;
        }
        return n;
    }
    *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
            ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
    }
}

exports.Lexer = Lexer;


/***/ }),

/***/ 6628:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Tracks newlines during parsing in order to provide an efficient API for
 * determining the one-indexed `{ line, col }` position for any offset
 * within the input.
 */
class LineCounter {
    constructor() {
        this.lineStarts = [];
        /**
         * Should be called in ascending order. Otherwise, call
         * `lineCounter.lineStarts.sort()` before calling `linePos()`.
         */
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        /**
         * Performs a binary search and returns the 1-indexed { line, col }
         * position of `offset`. If `line === 0`, `addNewLine` has never been
         * called or `offset` is before the first known newline.
         */
        this.linePos = (offset) => {
            let low = 0;
            let high = this.lineStarts.length;
            while (low < high) {
                const mid = (low + high) >> 1; // Math.floor((low + high) / 2)
                if (this.lineStarts[mid] < offset)
                    low = mid + 1;
                else
                    high = mid;
            }
            if (this.lineStarts[low] === offset)
                return { line: low + 1, col: 1 };
            if (low === 0)
                return { line: 0, col: offset };
            const start = this.lineStarts[low - 1];
            return { line: low, col: offset - start + 1 };
        };
    }
}

exports.LineCounter = LineCounter;


/***/ }),

/***/ 3456:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_process = __nccwpck_require__(932);
var cst = __nccwpck_require__(3461);
var lexer = __nccwpck_require__(361);

function includesToken(list, type) {
    for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
            return true;
    return false;
}
function findNonEmptyIndex(list) {
    for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
            case 'space':
            case 'comment':
            case 'newline':
                break;
            default:
                return i;
        }
    }
    return -1;
}
function isFlowToken(token) {
    switch (token?.type) {
        case 'alias':
        case 'scalar':
        case 'single-quoted-scalar':
        case 'double-quoted-scalar':
        case 'flow-collection':
            return true;
        default:
            return false;
    }
}
function getPrevProps(parent) {
    switch (parent.type) {
        case 'document':
            return parent.start;
        case 'block-map': {
            const it = parent.items[parent.items.length - 1];
            return it.sep ?? it.start;
        }
        case 'block-seq':
            return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
            return [];
    }
}
/** Note: May modify input array */
function getFirstKeyStartProps(prev) {
    if (prev.length === 0)
        return [];
    let i = prev.length;
    loop: while (--i >= 0) {
        switch (prev[i].type) {
            case 'doc-start':
            case 'explicit-key-ind':
            case 'map-value-ind':
            case 'seq-item-ind':
            case 'newline':
                break loop;
        }
    }
    while (prev[++i]?.type === 'space') {
        /* loop */
    }
    return prev.splice(i, prev.length);
}
function arrayPushArray(target, source) {
    // May exhaust call stack with large `source` array
    if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
    else
        for (let i = 0; i < source.length; ++i)
            target.push(source[i]);
}
function fixFlowSeqItems(fc) {
    if (fc.start.type === 'flow-seq-start') {
        for (const it of fc.items) {
            if (it.sep &&
                !it.value &&
                !includesToken(it.start, 'explicit-key-ind') &&
                !includesToken(it.sep, 'map-value-ind')) {
                if (it.key)
                    it.value = it.key;
                delete it.key;
                if (isFlowToken(it.value)) {
                    if (it.value.end)
                        arrayPushArray(it.value.end, it.sep);
                    else
                        it.value.end = it.sep;
                }
                else
                    arrayPushArray(it.start, it.sep);
                delete it.sep;
            }
        }
    }
}
/**
 * A YAML concrete syntax tree (CST) parser
 *
 * ```ts
 * const src: string = ...
 * for (const token of new Parser().parse(src)) {
 *   // token: Token
 * }
 * ```
 *
 * To use the parser with a user-provided lexer:
 *
 * ```ts
 * function* parse(source: string, lexer: Lexer) {
 *   const parser = new Parser()
 *   for (const lexeme of lexer.lex(source))
 *     yield* parser.next(lexeme)
 *   yield* parser.end()
 * }
 *
 * const src: string = ...
 * const lexer = new Lexer()
 * for (const token of parse(src, lexer)) {
 *   // token: Token
 * }
 * ```
 */
class Parser {
    /**
     * @param onNewLine - If defined, called separately with the start position of
     *   each new line (in `parse()`, including the start of input).
     */
    constructor(onNewLine) {
        /** If true, space and sequence indicators count as indentation */
        this.atNewLine = true;
        /** If true, next token is a scalar value */
        this.atScalar = false;
        /** Current indentation level */
        this.indent = 0;
        /** Current offset since the start of parsing */
        this.offset = 0;
        /** On the same line with a block map key */
        this.onKeyLine = false;
        /** Top indicates the node that's currently being built */
        this.stack = [];
        /** The source of the current token, set in parse() */
        this.source = '';
        /** The type of the current token, set in parse() */
        this.type = '';
        // Must be defined after `next()`
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
    }
    /**
     * Parse `source` as a YAML stream.
     * If `incomplete`, a part of the last line may be left as a buffer for the next call.
     *
     * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
     *
     * @returns A generator of tokens representing each directive, document, and other structure.
     */
    *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
            this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
            yield* this.next(lexeme);
        if (!incomplete)
            yield* this.end();
    }
    /**
     * Advance the parser by the `source` of one lexical token.
     */
    *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
            console.log('|', cst.prettyToken(source));
        if (this.atScalar) {
            this.atScalar = false;
            yield* this.step();
            this.offset += source.length;
            return;
        }
        const type = cst.tokenType(source);
        if (!type) {
            const message = `Not a YAML token: ${source}`;
            yield* this.pop({ type: 'error', offset: this.offset, message, source });
            this.offset += source.length;
        }
        else if (type === 'scalar') {
            this.atNewLine = false;
            this.atScalar = true;
            this.type = 'scalar';
        }
        else {
            this.type = type;
            yield* this.step();
            switch (type) {
                case 'newline':
                    this.atNewLine = true;
                    this.indent = 0;
                    if (this.onNewLine)
                        this.onNewLine(this.offset + source.length);
                    break;
                case 'space':
                    if (this.atNewLine && source[0] === ' ')
                        this.indent += source.length;
                    break;
                case 'explicit-key-ind':
                case 'map-value-ind':
                case 'seq-item-ind':
                    if (this.atNewLine)
                        this.indent += source.length;
                    break;
                case 'doc-mode':
                case 'flow-error-end':
                    return;
                default:
                    this.atNewLine = false;
            }
            this.offset += source.length;
        }
    }
    /** Call at end of input to push out any remaining constructions */
    *end() {
        while (this.stack.length > 0)
            yield* this.pop();
    }
    get sourceToken() {
        const st = {
            type: this.type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
        return st;
    }
    *step() {
        const top = this.peek(1);
        if (this.type === 'doc-end' && top?.type !== 'doc-end') {
            while (this.stack.length > 0)
                yield* this.pop();
            this.stack.push({
                type: 'doc-end',
                offset: this.offset,
                source: this.source
            });
            return;
        }
        if (!top)
            return yield* this.stream();
        switch (top.type) {
            case 'document':
                return yield* this.document(top);
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return yield* this.scalar(top);
            case 'block-scalar':
                return yield* this.blockScalar(top);
            case 'block-map':
                return yield* this.blockMap(top);
            case 'block-seq':
                return yield* this.blockSequence(top);
            case 'flow-collection':
                return yield* this.flowCollection(top);
            case 'doc-end':
                return yield* this.documentEnd(top);
        }
        /* istanbul ignore next should not happen */
        yield* this.pop();
    }
    peek(n) {
        return this.stack[this.stack.length - n];
    }
    *pop(error) {
        const token = error ?? this.stack.pop();
        /* istanbul ignore if should not happen */
        if (!token) {
            const message = 'Tried to pop an empty stack';
            yield { type: 'error', offset: this.offset, source: '', message };
        }
        else if (this.stack.length === 0) {
            yield token;
        }
        else {
            const top = this.peek(1);
            if (token.type === 'block-scalar') {
                // Block scalars use their parent rather than header indent
                token.indent = 'indent' in top ? top.indent : 0;
            }
            else if (token.type === 'flow-collection' && top.type === 'document') {
                // Ignore all indent for top-level flow collections
                token.indent = 0;
            }
            if (token.type === 'flow-collection')
                fixFlowSeqItems(token);
            switch (top.type) {
                case 'document':
                    top.value = token;
                    break;
                case 'block-scalar':
                    top.props.push(token); // error
                    break;
                case 'block-map': {
                    const it = top.items[top.items.length - 1];
                    if (it.value) {
                        top.items.push({ start: [], key: token, sep: [] });
                        this.onKeyLine = true;
                        return;
                    }
                    else if (it.sep) {
                        it.value = token;
                    }
                    else {
                        Object.assign(it, { key: token, sep: [] });
                        this.onKeyLine = !it.explicitKey;
                        return;
                    }
                    break;
                }
                case 'block-seq': {
                    const it = top.items[top.items.length - 1];
                    if (it.value)
                        top.items.push({ start: [], value: token });
                    else
                        it.value = token;
                    break;
                }
                case 'flow-collection': {
                    const it = top.items[top.items.length - 1];
                    if (!it || it.value)
                        top.items.push({ start: [], key: token, sep: [] });
                    else if (it.sep)
                        it.value = token;
                    else
                        Object.assign(it, { key: token, sep: [] });
                    return;
                }
                /* istanbul ignore next should not happen */
                default:
                    yield* this.pop();
                    yield* this.pop(token);
            }
            if ((top.type === 'document' ||
                top.type === 'block-map' ||
                top.type === 'block-seq') &&
                (token.type === 'block-map' || token.type === 'block-seq')) {
                const last = token.items[token.items.length - 1];
                if (last &&
                    !last.sep &&
                    !last.value &&
                    last.start.length > 0 &&
                    findNonEmptyIndex(last.start) === -1 &&
                    (token.indent === 0 ||
                        last.start.every(st => st.type !== 'comment' || st.indent < token.indent))) {
                    if (top.type === 'document')
                        top.end = last.start;
                    else
                        top.items.push({ start: last.start });
                    token.items.splice(-1, 1);
                }
            }
        }
    }
    *stream() {
        switch (this.type) {
            case 'directive-line':
                yield { type: 'directive', offset: this.offset, source: this.source };
                return;
            case 'byte-order-mark':
            case 'space':
            case 'comment':
            case 'newline':
                yield this.sourceToken;
                return;
            case 'doc-mode':
            case 'doc-start': {
                const doc = {
                    type: 'document',
                    offset: this.offset,
                    start: []
                };
                if (this.type === 'doc-start')
                    doc.start.push(this.sourceToken);
                this.stack.push(doc);
                return;
            }
        }
        yield {
            type: 'error',
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML stream`,
            source: this.source
        };
    }
    *document(doc) {
        if (doc.value)
            return yield* this.lineEnd(doc);
        switch (this.type) {
            case 'doc-start': {
                if (findNonEmptyIndex(doc.start) !== -1) {
                    yield* this.pop();
                    yield* this.step();
                }
                else
                    doc.start.push(this.sourceToken);
                return;
            }
            case 'anchor':
            case 'tag':
            case 'space':
            case 'comment':
            case 'newline':
                doc.start.push(this.sourceToken);
                return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
            this.stack.push(bv);
        else {
            yield {
                type: 'error',
                offset: this.offset,
                message: `Unexpected ${this.type} token in YAML document`,
                source: this.source
            };
        }
    }
    *scalar(scalar) {
        if (this.type === 'map-value-ind') {
            const prev = getPrevProps(this.peek(2));
            const start = getFirstKeyStartProps(prev);
            let sep;
            if (scalar.end) {
                sep = scalar.end;
                sep.push(this.sourceToken);
                delete scalar.end;
            }
            else
                sep = [this.sourceToken];
            const map = {
                type: 'block-map',
                offset: scalar.offset,
                indent: scalar.indent,
                items: [{ start, key: scalar, sep }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
        }
        else
            yield* this.lineEnd(scalar);
    }
    *blockScalar(scalar) {
        switch (this.type) {
            case 'space':
            case 'comment':
            case 'newline':
                scalar.props.push(this.sourceToken);
                return;
            case 'scalar':
                scalar.source = this.source;
                // block-scalar source includes trailing newline
                this.atNewLine = true;
                this.indent = 0;
                if (this.onNewLine) {
                    let nl = this.source.indexOf('\n') + 1;
                    while (nl !== 0) {
                        this.onNewLine(this.offset + nl);
                        nl = this.source.indexOf('\n', nl) + 1;
                    }
                }
                yield* this.pop();
                break;
            /* istanbul ignore next should not happen */
            default:
                yield* this.pop();
                yield* this.step();
        }
    }
    *blockMap(map) {
        const it = map.items[map.items.length - 1];
        // it.sep is true-ish if pair already has key or : separator
        switch (this.type) {
            case 'newline':
                this.onKeyLine = false;
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    it.start.push(this.sourceToken);
                }
                return;
            case 'space':
            case 'comment':
                if (it.value) {
                    map.items.push({ start: [this.sourceToken] });
                }
                else if (it.sep) {
                    it.sep.push(this.sourceToken);
                }
                else {
                    if (this.atIndentedComment(it.start, map.indent)) {
                        const prev = map.items[map.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            map.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
        }
        if (this.indent >= map.indent) {
            const atMapIndent = !this.onKeyLine && this.indent === map.indent;
            const atNextItem = atMapIndent &&
                (it.sep || it.explicitKey) &&
                this.type !== 'seq-item-ind';
            // For empty nodes, assign newline-separated not indented empty tokens to following node
            let start = [];
            if (atNextItem && it.sep && !it.value) {
                const nl = [];
                for (let i = 0; i < it.sep.length; ++i) {
                    const st = it.sep[i];
                    switch (st.type) {
                        case 'newline':
                            nl.push(i);
                            break;
                        case 'space':
                            break;
                        case 'comment':
                            if (st.indent > map.indent)
                                nl.length = 0;
                            break;
                        default:
                            nl.length = 0;
                    }
                }
                if (nl.length >= 2)
                    start = it.sep.splice(nl[1]);
            }
            switch (this.type) {
                case 'anchor':
                case 'tag':
                    if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        it.sep.push(this.sourceToken);
                    }
                    else {
                        it.start.push(this.sourceToken);
                    }
                    return;
                case 'explicit-key-ind':
                    if (!it.sep && !it.explicitKey) {
                        it.start.push(this.sourceToken);
                        it.explicitKey = true;
                    }
                    else if (atNextItem || it.value) {
                        start.push(this.sourceToken);
                        map.items.push({ start, explicitKey: true });
                    }
                    else {
                        this.stack.push({
                            type: 'block-map',
                            offset: this.offset,
                            indent: this.indent,
                            items: [{ start: [this.sourceToken], explicitKey: true }]
                        });
                    }
                    this.onKeyLine = true;
                    return;
                case 'map-value-ind':
                    if (it.explicitKey) {
                        if (!it.sep) {
                            if (includesToken(it.start, 'newline')) {
                                Object.assign(it, { key: null, sep: [this.sourceToken] });
                            }
                            else {
                                const start = getFirstKeyStartProps(it.start);
                                this.stack.push({
                                    type: 'block-map',
                                    offset: this.offset,
                                    indent: this.indent,
                                    items: [{ start, key: null, sep: [this.sourceToken] }]
                                });
                            }
                        }
                        else if (it.value) {
                            map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else if (isFlowToken(it.key) &&
                            !includesToken(it.sep, 'newline')) {
                            const start = getFirstKeyStartProps(it.start);
                            const key = it.key;
                            const sep = it.sep;
                            sep.push(this.sourceToken);
                            // @ts-expect-error type guard is wrong here
                            delete it.key;
                            // @ts-expect-error type guard is wrong here
                            delete it.sep;
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start, key, sep }]
                            });
                        }
                        else if (start.length > 0) {
                            // Not actually at next item
                            it.sep = it.sep.concat(start, this.sourceToken);
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    else {
                        if (!it.sep) {
                            Object.assign(it, { key: null, sep: [this.sourceToken] });
                        }
                        else if (it.value || atNextItem) {
                            map.items.push({ start, key: null, sep: [this.sourceToken] });
                        }
                        else if (includesToken(it.sep, 'map-value-ind')) {
                            this.stack.push({
                                type: 'block-map',
                                offset: this.offset,
                                indent: this.indent,
                                items: [{ start: [], key: null, sep: [this.sourceToken] }]
                            });
                        }
                        else {
                            it.sep.push(this.sourceToken);
                        }
                    }
                    this.onKeyLine = true;
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (atNextItem || it.value) {
                        map.items.push({ start, key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    else if (it.sep) {
                        this.stack.push(fs);
                    }
                    else {
                        Object.assign(it, { key: fs, sep: [] });
                        this.onKeyLine = true;
                    }
                    return;
                }
                default: {
                    const bv = this.startBlockValue(map);
                    if (bv) {
                        if (bv.type === 'block-seq') {
                            if (!it.explicitKey &&
                                it.sep &&
                                !includesToken(it.sep, 'newline')) {
                                yield* this.pop({
                                    type: 'error',
                                    offset: this.offset,
                                    message: 'Unexpected block-seq-ind on same line with key',
                                    source: this.source
                                });
                                return;
                            }
                        }
                        else if (atMapIndent) {
                            map.items.push({ start });
                        }
                        this.stack.push(bv);
                        return;
                    }
                }
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
            case 'newline':
                if (it.value) {
                    const end = 'end' in it.value ? it.value.end : undefined;
                    const last = Array.isArray(end) ? end[end.length - 1] : undefined;
                    if (last?.type === 'comment')
                        end?.push(this.sourceToken);
                    else
                        seq.items.push({ start: [this.sourceToken] });
                }
                else
                    it.start.push(this.sourceToken);
                return;
            case 'space':
            case 'comment':
                if (it.value)
                    seq.items.push({ start: [this.sourceToken] });
                else {
                    if (this.atIndentedComment(it.start, seq.indent)) {
                        const prev = seq.items[seq.items.length - 2];
                        const end = prev?.value?.end;
                        if (Array.isArray(end)) {
                            arrayPushArray(end, it.start);
                            end.push(this.sourceToken);
                            seq.items.pop();
                            return;
                        }
                    }
                    it.start.push(this.sourceToken);
                }
                return;
            case 'anchor':
            case 'tag':
                if (it.value || this.indent <= seq.indent)
                    break;
                it.start.push(this.sourceToken);
                return;
            case 'seq-item-ind':
                if (this.indent !== seq.indent)
                    break;
                if (it.value || includesToken(it.start, 'seq-item-ind'))
                    seq.items.push({ start: [this.sourceToken] });
                else
                    it.start.push(this.sourceToken);
                return;
        }
        if (this.indent > seq.indent) {
            const bv = this.startBlockValue(seq);
            if (bv) {
                this.stack.push(bv);
                return;
            }
        }
        yield* this.pop();
        yield* this.step();
    }
    *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === 'flow-error-end') {
            let top;
            do {
                yield* this.pop();
                top = this.peek(1);
            } while (top?.type === 'flow-collection');
        }
        else if (fc.end.length === 0) {
            switch (this.type) {
                case 'comma':
                case 'explicit-key-ind':
                    if (!it || it.sep)
                        fc.items.push({ start: [this.sourceToken] });
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'map-value-ind':
                    if (!it || it.value)
                        fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        Object.assign(it, { key: null, sep: [this.sourceToken] });
                    return;
                case 'space':
                case 'comment':
                case 'newline':
                case 'anchor':
                case 'tag':
                    if (!it || it.value)
                        fc.items.push({ start: [this.sourceToken] });
                    else if (it.sep)
                        it.sep.push(this.sourceToken);
                    else
                        it.start.push(this.sourceToken);
                    return;
                case 'alias':
                case 'scalar':
                case 'single-quoted-scalar':
                case 'double-quoted-scalar': {
                    const fs = this.flowScalar(this.type);
                    if (!it || it.value)
                        fc.items.push({ start: [], key: fs, sep: [] });
                    else if (it.sep)
                        this.stack.push(fs);
                    else
                        Object.assign(it, { key: fs, sep: [] });
                    return;
                }
                case 'flow-map-end':
                case 'flow-seq-end':
                    fc.end.push(this.sourceToken);
                    return;
            }
            const bv = this.startBlockValue(fc);
            /* istanbul ignore else should not happen */
            if (bv)
                this.stack.push(bv);
            else {
                yield* this.pop();
                yield* this.step();
            }
        }
        else {
            const parent = this.peek(2);
            if (parent.type === 'block-map' &&
                ((this.type === 'map-value-ind' && parent.indent === fc.indent) ||
                    (this.type === 'newline' &&
                        !parent.items[parent.items.length - 1].sep))) {
                yield* this.pop();
                yield* this.step();
            }
            else if (this.type === 'map-value-ind' &&
                parent.type !== 'flow-collection') {
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                fixFlowSeqItems(fc);
                const sep = fc.end.splice(1, fc.end.length);
                sep.push(this.sourceToken);
                const map = {
                    type: 'block-map',
                    offset: fc.offset,
                    indent: fc.indent,
                    items: [{ start, key: fc, sep }]
                };
                this.onKeyLine = true;
                this.stack[this.stack.length - 1] = map;
            }
            else {
                yield* this.lineEnd(fc);
            }
        }
    }
    flowScalar(type) {
        if (this.onNewLine) {
            let nl = this.source.indexOf('\n') + 1;
            while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf('\n', nl) + 1;
            }
        }
        return {
            type,
            offset: this.offset,
            indent: this.indent,
            source: this.source
        };
    }
    startBlockValue(parent) {
        switch (this.type) {
            case 'alias':
            case 'scalar':
            case 'single-quoted-scalar':
            case 'double-quoted-scalar':
                return this.flowScalar(this.type);
            case 'block-scalar-header':
                return {
                    type: 'block-scalar',
                    offset: this.offset,
                    indent: this.indent,
                    props: [this.sourceToken],
                    source: ''
                };
            case 'flow-map-start':
            case 'flow-seq-start':
                return {
                    type: 'flow-collection',
                    offset: this.offset,
                    indent: this.indent,
                    start: this.sourceToken,
                    items: [],
                    end: []
                };
            case 'seq-item-ind':
                return {
                    type: 'block-seq',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [this.sourceToken] }]
                };
            case 'explicit-key-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                start.push(this.sourceToken);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, explicitKey: true }]
                };
            }
            case 'map-value-ind': {
                this.onKeyLine = true;
                const prev = getPrevProps(parent);
                const start = getFirstKeyStartProps(prev);
                return {
                    type: 'block-map',
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                };
            }
        }
        return null;
    }
    atIndentedComment(start, indent) {
        if (this.type !== 'comment')
            return false;
        if (this.indent <= indent)
            return false;
        return start.every(st => st.type === 'newline' || st.type === 'space');
    }
    *documentEnd(docEnd) {
        if (this.type !== 'doc-mode') {
            if (docEnd.end)
                docEnd.end.push(this.sourceToken);
            else
                docEnd.end = [this.sourceToken];
            if (this.type === 'newline')
                yield* this.pop();
        }
    }
    *lineEnd(token) {
        switch (this.type) {
            case 'comma':
            case 'doc-start':
            case 'doc-end':
            case 'flow-seq-end':
            case 'flow-map-end':
            case 'map-value-ind':
                yield* this.pop();
                yield* this.step();
                break;
            case 'newline':
                this.onKeyLine = false;
            // fallthrough
            case 'space':
            case 'comment':
            default:
                // all other values are errors
                if (token.end)
                    token.end.push(this.sourceToken);
                else
                    token.end = [this.sourceToken];
                if (this.type === 'newline')
                    yield* this.pop();
        }
    }
}

exports.Parser = Parser;


/***/ }),

/***/ 4047:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var composer = __nccwpck_require__(9984);
var Document = __nccwpck_require__(3021);
var errors = __nccwpck_require__(1464);
var log = __nccwpck_require__(7249);
var identity = __nccwpck_require__(1127);
var lineCounter = __nccwpck_require__(6628);
var parser = __nccwpck_require__(3456);

function parseOptions(options) {
    const prettyErrors = options.prettyErrors !== false;
    const lineCounter$1 = options.lineCounter || (prettyErrors && new lineCounter.LineCounter()) || null;
    return { lineCounter: lineCounter$1, prettyErrors };
}
/**
 * Parse the input as a stream of YAML documents.
 *
 * Documents should be separated from each other by `...` or `---` marker lines.
 *
 * @returns If an empty `docs` array is returned, it will be of type
 *   EmptyStream and contain additional stream information. In
 *   TypeScript, you should use `'empty' in docs` as a type guard for it.
 */
function parseAllDocuments(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    const docs = Array.from(composer$1.compose(parser$1.parse(source)));
    if (prettyErrors && lineCounter)
        for (const doc of docs) {
            doc.errors.forEach(errors.prettifyError(source, lineCounter));
            doc.warnings.forEach(errors.prettifyError(source, lineCounter));
        }
    if (docs.length > 0)
        return docs;
    return Object.assign([], { empty: true }, composer$1.streamInfo());
}
/** Parse an input string into a single YAML.Document */
function parseDocument(source, options = {}) {
    const { lineCounter, prettyErrors } = parseOptions(options);
    const parser$1 = new parser.Parser(lineCounter?.addNewLine);
    const composer$1 = new composer.Composer(options);
    // `doc` is always set by compose.end(true) at the very latest
    let doc = null;
    for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
            doc = _doc;
        else if (doc.options.logLevel !== 'silent') {
            doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
            break;
        }
    }
    if (prettyErrors && lineCounter) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter));
    }
    return doc;
}
function parse(src, reviver, options) {
    let _reviver = undefined;
    if (typeof reviver === 'function') {
        _reviver = reviver;
    }
    else if (options === undefined && reviver && typeof reviver === 'object') {
        options = reviver;
    }
    const doc = parseDocument(src, options);
    if (!doc)
        return null;
    doc.warnings.forEach(warning => log.warn(doc.options.logLevel, warning));
    if (doc.errors.length > 0) {
        if (doc.options.logLevel !== 'silent')
            throw doc.errors[0];
        else
            doc.errors = [];
    }
    return doc.toJS(Object.assign({ reviver: _reviver }, options));
}
function stringify(value, replacer, options) {
    let _replacer = null;
    if (typeof replacer === 'function' || Array.isArray(replacer)) {
        _replacer = replacer;
    }
    else if (options === undefined && replacer) {
        options = replacer;
    }
    if (typeof options === 'string')
        options = options.length;
    if (typeof options === 'number') {
        const indent = Math.round(options);
        options = indent < 1 ? undefined : indent > 8 ? { indent: 8 } : { indent };
    }
    if (value === undefined) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
            return undefined;
    }
    if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
    return new Document.Document(value, _replacer, options).toString(options);
}

exports.parse = parse;
exports.parseAllDocuments = parseAllDocuments;
exports.parseDocument = parseDocument;
exports.stringify = stringify;


/***/ }),

/***/ 5840:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var tags = __nccwpck_require__(18);

const sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
class Schema {
    constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat)
            ? tags.getTags(compat, 'compat')
            : compat
                ? tags.getTags(null, compat)
                : null;
        this.name = (typeof schema === 'string' && schema) || 'core';
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        // Used by createMap()
        this.sortMapEntries =
            typeof sortMapEntries === 'function'
                ? sortMapEntries
                : sortMapEntries === true
                    ? sortMapEntriesByKey
                    : null;
    }
    clone() {
        const copy = Object.create(Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
    }
}

exports.Schema = Schema;


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLMap = __nccwpck_require__(4454);

const map = {
    collection: 'map',
    default: true,
    nodeClass: YAMLMap.YAMLMap,
    tag: 'tag:yaml.org,2002:map',
    resolve(map, onError) {
        if (!identity.isMap(map))
            onError('Expected a mapping for this tag');
        return map;
    },
    createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
};

exports.map = map;


/***/ }),

/***/ 3632:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const nullTag = {
    identify: value => value == null,
    createNode: () => new Scalar.Scalar(null),
    default: true,
    tag: 'tag:yaml.org,2002:null',
    test: /^(?:~|[Nn]ull|NULL)?$/,
    resolve: () => new Scalar.Scalar(null),
    stringify: ({ source }, ctx) => typeof source === 'string' && nullTag.test.test(source)
        ? source
        : ctx.options.nullStr
};

exports.nullTag = nullTag;


/***/ }),

/***/ 1706:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var YAMLSeq = __nccwpck_require__(2223);

const seq = {
    collection: 'seq',
    default: true,
    nodeClass: YAMLSeq.YAMLSeq,
    tag: 'tag:yaml.org,2002:seq',
    resolve(seq, onError) {
        if (!identity.isSeq(seq))
            onError('Expected a sequence for this tag');
        return seq;
    },
    createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
};

exports.seq = seq;


/***/ }),

/***/ 6464:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyString = __nccwpck_require__(3069);

const string = {
    identify: value => typeof value === 'string',
    default: true,
    tag: 'tag:yaml.org,2002:str',
    resolve: str => str,
    stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
    }
};

exports.string = string;


/***/ }),

/***/ 3959:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

const boolTag = {
    identify: value => typeof value === 'boolean',
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
    resolve: str => new Scalar.Scalar(str[0] === 't' || str[0] === 'T'),
    stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
            const sv = source[0] === 't' || source[0] === 'T';
            if (value === sv)
                return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
};

exports.boolTag = boolTag;


/***/ }),

/***/ 8405:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: str => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    resolve: str => parseFloat(str),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf('.');
        if (dot !== -1 && str[str.length - 1] === '0')
            node.minFractionDigits = str.length - dot - 1;
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 9874:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
const intResolve = (str, offset, radix, { intAsBigInt }) => (intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix));
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
    return stringifyNumber.stringifyNumber(node);
}
const intOct = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^0o[0-7]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
    stringify: node => intStringify(node, 8, '0o')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: value => intIdentify(value) && value >= 0,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^0x[0-9a-fA-F]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 896:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.boolTag,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float
];

exports.schema = schema;


/***/ }),

/***/ 3559:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var map = __nccwpck_require__(7451);
var seq = __nccwpck_require__(1706);

function intIdentify(value) {
    return typeof value === 'bigint' || Number.isInteger(value);
}
const stringifyJSON = ({ value }) => JSON.stringify(value);
const jsonScalars = [
    {
        identify: value => typeof value === 'string',
        default: true,
        tag: 'tag:yaml.org,2002:str',
        resolve: str => str,
        stringify: stringifyJSON
    },
    {
        identify: value => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: 'tag:yaml.org,2002:null',
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
    },
    {
        identify: value => typeof value === 'boolean',
        default: true,
        tag: 'tag:yaml.org,2002:bool',
        test: /^true$|^false$/,
        resolve: str => str === 'true',
        stringify: stringifyJSON
    },
    {
        identify: intIdentify,
        default: true,
        tag: 'tag:yaml.org,2002:int',
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
    },
    {
        identify: value => typeof value === 'number',
        default: true,
        tag: 'tag:yaml.org,2002:float',
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: str => parseFloat(str),
        stringify: stringifyJSON
    }
];
const jsonError = {
    default: true,
    tag: '',
    test: /^/,
    resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
    }
};
const schema = [map.map, seq.seq].concat(jsonScalars, jsonError);

exports.schema = schema;


/***/ }),

/***/ 18:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var bool = __nccwpck_require__(3959);
var float = __nccwpck_require__(8405);
var int = __nccwpck_require__(9874);
var schema = __nccwpck_require__(896);
var schema$1 = __nccwpck_require__(3559);
var binary = __nccwpck_require__(6083);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var schema$2 = __nccwpck_require__(5913);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schemas = new Map([
    ['core', schema.schema],
    ['failsafe', [map.map, seq.seq, string.string]],
    ['json', schema$1.schema],
    ['yaml11', schema$2.schema],
    ['yaml-1.1', schema$2.schema]
]);
const tagsByName = {
    binary: binary.binary,
    bool: bool.boolTag,
    float: float.float,
    floatExp: float.floatExp,
    floatNaN: float.floatNaN,
    floatTime: timestamp.floatTime,
    int: int.int,
    intHex: int.intHex,
    intOct: int.intOct,
    intTime: timestamp.intTime,
    map: map.map,
    merge: merge.merge,
    null: _null.nullTag,
    omap: omap.omap,
    pairs: pairs.pairs,
    seq: seq.seq,
    set: set.set,
    timestamp: timestamp.timestamp
};
const coreKnownTags = {
    'tag:yaml.org,2002:binary': binary.binary,
    'tag:yaml.org,2002:merge': merge.merge,
    'tag:yaml.org,2002:omap': omap.omap,
    'tag:yaml.org,2002:pairs': pairs.pairs,
    'tag:yaml.org,2002:set': set.set,
    'tag:yaml.org,2002:timestamp': timestamp.timestamp
};
function getTags(customTags, schemaName, addMergeTag) {
    const schemaTags = schemas.get(schemaName);
    if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge)
            ? schemaTags.concat(merge.merge)
            : schemaTags.slice();
    }
    let tags = schemaTags;
    if (!tags) {
        if (Array.isArray(customTags))
            tags = [];
        else {
            const keys = Array.from(schemas.keys())
                .filter(key => key !== 'yaml11')
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
    }
    if (Array.isArray(customTags)) {
        for (const tag of customTags)
            tags = tags.concat(tag);
    }
    else if (typeof customTags === 'function') {
        tags = customTags(tags.slice());
    }
    if (addMergeTag)
        tags = tags.concat(merge.merge);
    return tags.reduce((tags, tag) => {
        const tagObj = typeof tag === 'string' ? tagsByName[tag] : tag;
        if (!tagObj) {
            const tagName = JSON.stringify(tag);
            const keys = Object.keys(tagsByName)
                .map(key => JSON.stringify(key))
                .join(', ');
            throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags.includes(tagObj))
            tags.push(tagObj);
        return tags;
    }, []);
}

exports.coreKnownTags = coreKnownTags;
exports.getTags = getTags;


/***/ }),

/***/ 6083:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var node_buffer = __nccwpck_require__(181);
var Scalar = __nccwpck_require__(3301);
var stringifyString = __nccwpck_require__(3069);

const binary = {
    identify: value => value instanceof Uint8Array, // Buffer inherits from Uint8Array
    default: false,
    tag: 'tag:yaml.org,2002:binary',
    /**
     * Returns a Buffer in node and an Uint8Array in browsers
     *
     * To use the resulting buffer as an image, you'll want to do something like:
     *
     *   const blob = new Blob([buffer], { type: 'image/jpeg' })
     *   document.querySelector('#photo').src = URL.createObjectURL(blob)
     */
    resolve(src, onError) {
        if (typeof node_buffer.Buffer === 'function') {
            return node_buffer.Buffer.from(src, 'base64');
        }
        else if (typeof atob === 'function') {
            // On IE 11, atob() can't handle newlines
            const str = atob(src.replace(/[\n\r]/g, ''));
            const buffer = new Uint8Array(str.length);
            for (let i = 0; i < str.length; ++i)
                buffer[i] = str.charCodeAt(i);
            return buffer;
        }
        else {
            onError('This environment does not support reading binary tags; either Buffer or atob is required');
            return src;
        }
    },
    stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
            return '';
        const buf = value; // checked earlier by binary.identify()
        let str;
        if (typeof node_buffer.Buffer === 'function') {
            str =
                buf instanceof node_buffer.Buffer
                    ? buf.toString('base64')
                    : node_buffer.Buffer.from(buf.buffer).toString('base64');
        }
        else if (typeof btoa === 'function') {
            let s = '';
            for (let i = 0; i < buf.length; ++i)
                s += String.fromCharCode(buf[i]);
            str = btoa(s);
        }
        else {
            throw new Error('This environment does not support writing binary tags; either Buffer or btoa is required');
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
            const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
            const n = Math.ceil(str.length / lineWidth);
            const lines = new Array(n);
            for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
                lines[i] = str.substr(o, lineWidth);
            }
            str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? '\n' : ' ');
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
    }
};

exports.binary = binary;


/***/ }),

/***/ 8398:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);

function boolStringify({ value, source }, ctx) {
    const boolObj = value ? trueTag : falseTag;
    if (source && boolObj.test.test(source))
        return source;
    return value ? ctx.options.trueStr : ctx.options.falseStr;
}
const trueTag = {
    identify: value => value === true,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
    resolve: () => new Scalar.Scalar(true),
    stringify: boolStringify
};
const falseTag = {
    identify: value => value === false,
    default: true,
    tag: 'tag:yaml.org,2002:bool',
    test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
    resolve: () => new Scalar.Scalar(false),
    stringify: boolStringify
};

exports.falseTag = falseTag;
exports.trueTag = trueTag;


/***/ }),

/***/ 5782:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var stringifyNumber = __nccwpck_require__(8689);

const floatNaN = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
    resolve: (str) => str.slice(-3).toLowerCase() === 'nan'
        ? NaN
        : str[0] === '-'
            ? Number.NEGATIVE_INFINITY
            : Number.POSITIVE_INFINITY,
    stringify: stringifyNumber.stringifyNumber
};
const floatExp = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'EXP',
    test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
    resolve: (str) => parseFloat(str.replace(/_/g, '')),
    stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
    }
};
const float = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
    resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, '')));
        const dot = str.indexOf('.');
        if (dot !== -1) {
            const f = str.substring(dot + 1).replace(/_/g, '');
            if (f[f.length - 1] === '0')
                node.minFractionDigits = f.length;
        }
        return node;
    },
    stringify: stringifyNumber.stringifyNumber
};

exports.float = float;
exports.floatExp = floatExp;
exports.floatNaN = floatNaN;


/***/ }),

/***/ 873:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

const intIdentify = (value) => typeof value === 'bigint' || Number.isInteger(value);
function intResolve(str, offset, radix, { intAsBigInt }) {
    const sign = str[0];
    if (sign === '-' || sign === '+')
        offset += 1;
    str = str.substring(offset).replace(/_/g, '');
    if (intAsBigInt) {
        switch (radix) {
            case 2:
                str = `0b${str}`;
                break;
            case 8:
                str = `0o${str}`;
                break;
            case 16:
                str = `0x${str}`;
                break;
        }
        const n = BigInt(str);
        return sign === '-' ? BigInt(-1) * n : n;
    }
    const n = parseInt(str, radix);
    return sign === '-' ? -1 * n : n;
}
function intStringify(node, radix, prefix) {
    const { value } = node;
    if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? '-' + prefix + str.substr(1) : prefix + str;
    }
    return stringifyNumber.stringifyNumber(node);
}
const intBin = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'BIN',
    test: /^[-+]?0b[0-1_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
    stringify: node => intStringify(node, 2, '0b')
};
const intOct = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'OCT',
    test: /^[-+]?0[0-7_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
    stringify: node => intStringify(node, 8, '0')
};
const int = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    test: /^[-+]?[0-9][0-9_]*$/,
    resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
    stringify: stringifyNumber.stringifyNumber
};
const intHex = {
    identify: intIdentify,
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'HEX',
    test: /^[-+]?0x[0-9a-fA-F_]+$/,
    resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
    stringify: node => intStringify(node, 16, '0x')
};

exports.int = int;
exports.intBin = intBin;
exports.intHex = intHex;
exports.intOct = intOct;


/***/ }),

/***/ 452:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);

// If the value associated with a merge key is a single mapping node, each of
// its key/value pairs is inserted into the current mapping, unless the key
// already exists in it. If the value associated with the merge key is a
// sequence, then this sequence is expected to contain mapping nodes and each
// of these nodes is merged in turn according to its order in the sequence.
// Keys in mapping nodes earlier in the sequence override keys specified in
// later mapping nodes. -- http://yaml.org/type/merge.html
const MERGE_KEY = '<<';
const merge = {
    identify: value => value === MERGE_KEY ||
        (typeof value === 'symbol' && value.description === MERGE_KEY),
    default: 'key',
    tag: 'tag:yaml.org,2002:merge',
    test: /^<<$/,
    resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
    }),
    stringify: () => MERGE_KEY
};
const isMergeKey = (ctx, key) => (merge.identify(key) ||
    (identity.isScalar(key) &&
        (!key.type || key.type === Scalar.Scalar.PLAIN) &&
        merge.identify(key.value))) &&
    ctx?.doc.schema.tags.some(tag => tag.tag === merge.tag && tag.default);
function addMergeToJSMap(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (identity.isSeq(source))
        for (const it of source.items)
            mergeValue(ctx, map, it);
    else if (Array.isArray(source))
        for (const it of source)
            mergeValue(ctx, map, it);
    else
        mergeValue(ctx, map, source);
}
function mergeValue(ctx, map, value) {
    const source = resolveAliasValue(ctx, value);
    if (!identity.isMap(source))
        throw new Error('Merge sources must be maps or map aliases');
    const srcMap = source.toJSON(null, ctx, Map);
    for (const [key, value] of srcMap) {
        if (map instanceof Map) {
            if (!map.has(key))
                map.set(key, value);
        }
        else if (map instanceof Set) {
            map.add(key);
        }
        else if (!Object.prototype.hasOwnProperty.call(map, key)) {
            Object.defineProperty(map, key, {
                value,
                writable: true,
                enumerable: true,
                configurable: true
            });
        }
    }
    return map;
}
function resolveAliasValue(ctx, value) {
    return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
}

exports.addMergeToJSMap = addMergeToJSMap;
exports.isMergeKey = isMergeKey;
exports.merge = merge;


/***/ }),

/***/ 303:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var toJS = __nccwpck_require__(4043);
var YAMLMap = __nccwpck_require__(4454);
var YAMLSeq = __nccwpck_require__(2223);
var pairs = __nccwpck_require__(8385);

class YAMLOMap extends YAMLSeq.YAMLSeq {
    constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = YAMLOMap.tag;
    }
    /**
     * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
     * but TypeScript won't allow widening the signature of a child method.
     */
    toJSON(_, ctx) {
        if (!ctx)
            return super.toJSON(_);
        const map = new Map();
        if (ctx?.onCreate)
            ctx.onCreate(map);
        for (const pair of this.items) {
            let key, value;
            if (identity.isPair(pair)) {
                key = toJS.toJS(pair.key, '', ctx);
                value = toJS.toJS(pair.value, key, ctx);
            }
            else {
                key = toJS.toJS(pair, '', ctx);
            }
            if (map.has(key))
                throw new Error('Ordered maps must not include duplicate keys');
            map.set(key, value);
        }
        return map;
    }
    static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap = new this();
        omap.items = pairs$1.items;
        return omap;
    }
}
YAMLOMap.tag = 'tag:yaml.org,2002:omap';
const omap = {
    collection: 'seq',
    identify: value => value instanceof Map,
    nodeClass: YAMLOMap,
    default: false,
    tag: 'tag:yaml.org,2002:omap',
    resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key } of pairs$1.items) {
            if (identity.isScalar(key)) {
                if (seenKeys.includes(key.value)) {
                    onError(`Ordered maps must not include duplicate keys: ${key.value}`);
                }
                else {
                    seenKeys.push(key.value);
                }
            }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
    },
    createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
};

exports.YAMLOMap = YAMLOMap;
exports.omap = omap;


/***/ }),

/***/ 8385:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var Scalar = __nccwpck_require__(3301);
var YAMLSeq = __nccwpck_require__(2223);

function resolvePairs(seq, onError) {
    if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
            let item = seq.items[i];
            if (identity.isPair(item))
                continue;
            else if (identity.isMap(item)) {
                if (item.items.length > 1)
                    onError('Each pair must have its own sequence indicator');
                const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
                if (item.commentBefore)
                    pair.key.commentBefore = pair.key.commentBefore
                        ? `${item.commentBefore}\n${pair.key.commentBefore}`
                        : item.commentBefore;
                if (item.comment) {
                    const cn = pair.value ?? pair.key;
                    cn.comment = cn.comment
                        ? `${item.comment}\n${cn.comment}`
                        : item.comment;
                }
                item = pair;
            }
            seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
    }
    else
        onError('Expected a sequence for this tag');
    return seq;
}
function createPairs(schema, iterable, ctx) {
    const { replacer } = ctx;
    const pairs = new YAMLSeq.YAMLSeq(schema);
    pairs.tag = 'tag:yaml.org,2002:pairs';
    let i = 0;
    if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
            if (typeof replacer === 'function')
                it = replacer.call(iterable, String(i++), it);
            let key, value;
            if (Array.isArray(it)) {
                if (it.length === 2) {
                    key = it[0];
                    value = it[1];
                }
                else
                    throw new TypeError(`Expected [key, value] tuple: ${it}`);
            }
            else if (it && it instanceof Object) {
                const keys = Object.keys(it);
                if (keys.length === 1) {
                    key = keys[0];
                    value = it[key];
                }
                else {
                    throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
                }
            }
            else {
                key = it;
            }
            pairs.items.push(Pair.createPair(key, value, ctx));
        }
    return pairs;
}
const pairs = {
    collection: 'seq',
    default: false,
    tag: 'tag:yaml.org,2002:pairs',
    resolve: resolvePairs,
    createNode: createPairs
};

exports.createPairs = createPairs;
exports.pairs = pairs;
exports.resolvePairs = resolvePairs;


/***/ }),

/***/ 5913:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var map = __nccwpck_require__(7451);
var _null = __nccwpck_require__(3632);
var seq = __nccwpck_require__(1706);
var string = __nccwpck_require__(6464);
var binary = __nccwpck_require__(6083);
var bool = __nccwpck_require__(8398);
var float = __nccwpck_require__(5782);
var int = __nccwpck_require__(873);
var merge = __nccwpck_require__(452);
var omap = __nccwpck_require__(303);
var pairs = __nccwpck_require__(8385);
var set = __nccwpck_require__(1528);
var timestamp = __nccwpck_require__(6752);

const schema = [
    map.map,
    seq.seq,
    string.string,
    _null.nullTag,
    bool.trueTag,
    bool.falseTag,
    int.intBin,
    int.intOct,
    int.int,
    int.intHex,
    float.floatNaN,
    float.floatExp,
    float.float,
    binary.binary,
    merge.merge,
    omap.omap,
    pairs.pairs,
    set.set,
    timestamp.intTime,
    timestamp.floatTime,
    timestamp.timestamp
];

exports.schema = schema;


/***/ }),

/***/ 1528:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Pair = __nccwpck_require__(7165);
var YAMLMap = __nccwpck_require__(4454);

class YAMLSet extends YAMLMap.YAMLMap {
    constructor(schema) {
        super(schema);
        this.tag = YAMLSet.tag;
    }
    add(key) {
        let pair;
        if (identity.isPair(key))
            pair = key;
        else if (key &&
            typeof key === 'object' &&
            'key' in key &&
            'value' in key &&
            key.value === null)
            pair = new Pair.Pair(key.key, null);
        else
            pair = new Pair.Pair(key, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
            this.items.push(pair);
    }
    /**
     * If `keepPair` is `true`, returns the Pair matching `key`.
     * Otherwise, returns the value of that Pair's key.
     */
    get(key, keepPair) {
        const pair = YAMLMap.findPair(this.items, key);
        return !keepPair && identity.isPair(pair)
            ? identity.isScalar(pair.key)
                ? pair.key.value
                : pair.key
            : pair;
    }
    set(key, value) {
        if (typeof value !== 'boolean')
            throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key);
        if (prev && !value) {
            this.items.splice(this.items.indexOf(prev), 1);
        }
        else if (!prev && value) {
            this.items.push(new Pair.Pair(key));
        }
    }
    toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
    }
    toString(ctx, onComment, onChompKeep) {
        if (!ctx)
            return JSON.stringify(this);
        if (this.hasAllNullValues(true))
            return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
            throw new Error('Set items must all have null values');
    }
    static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
            for (let value of iterable) {
                if (typeof replacer === 'function')
                    value = replacer.call(iterable, value, value);
                set.items.push(Pair.createPair(value, null, ctx));
            }
        return set;
    }
}
YAMLSet.tag = 'tag:yaml.org,2002:set';
const set = {
    collection: 'map',
    identify: value => value instanceof Set,
    nodeClass: YAMLSet,
    default: false,
    tag: 'tag:yaml.org,2002:set',
    createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
    resolve(map, onError) {
        if (identity.isMap(map)) {
            if (map.hasAllNullValues(true))
                return Object.assign(new YAMLSet(), map);
            else
                onError('Set items must all have null values');
        }
        else
            onError('Expected a mapping for this tag');
        return map;
    }
};

exports.YAMLSet = YAMLSet;
exports.set = set;


/***/ }),

/***/ 6752:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var stringifyNumber = __nccwpck_require__(8689);

/** Internal types handle bigint as number, because TS can't figure it out. */
function parseSexagesimal(str, asBigInt) {
    const sign = str[0];
    const parts = sign === '-' || sign === '+' ? str.substring(1) : str;
    const num = (n) => asBigInt ? BigInt(n) : Number(n);
    const res = parts
        .replace(/_/g, '')
        .split(':')
        .reduce((res, p) => res * num(60) + num(p), num(0));
    return (sign === '-' ? num(-1) * res : res);
}
/**
 * hhhh:mm:ss.sss
 *
 * Internal types handle bigint as number, because TS can't figure it out.
 */
function stringifySexagesimal(node) {
    let { value } = node;
    let num = (n) => n;
    if (typeof value === 'bigint')
        num = n => BigInt(n);
    else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
    let sign = '';
    if (value < 0) {
        sign = '-';
        value *= num(-1);
    }
    const _60 = num(60);
    const parts = [value % _60]; // seconds, including ms
    if (value < 60) {
        parts.unshift(0); // at least one : is required
    }
    else {
        value = (value - parts[0]) / _60;
        parts.unshift(value % _60); // minutes
        if (value >= 60) {
            value = (value - parts[0]) / _60;
            parts.unshift(value); // hours
        }
    }
    return (sign +
        parts
            .map(n => String(n).padStart(2, '0'))
            .join(':')
            .replace(/000000\d*$/, '') // % 60 may introduce error
    );
}
const intTime = {
    identify: value => typeof value === 'bigint' || Number.isInteger(value),
    default: true,
    tag: 'tag:yaml.org,2002:int',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
    resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
    stringify: stringifySexagesimal
};
const floatTime = {
    identify: value => typeof value === 'number',
    default: true,
    tag: 'tag:yaml.org,2002:float',
    format: 'TIME',
    test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
    resolve: str => parseSexagesimal(str, false),
    stringify: stringifySexagesimal
};
const timestamp = {
    identify: value => value instanceof Date,
    default: true,
    tag: 'tag:yaml.org,2002:timestamp',
    // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
    // may be omitted altogether, resulting in a date format. In such a case, the time part is
    // assumed to be 00:00:00Z (start of day, UTC).
    test: RegExp('^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})' + // YYYY-Mm-Dd
        '(?:' + // time is optional
        '(?:t|T|[ \\t]+)' + // t | T | whitespace
        '([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)' + // Hh:Mm:Ss(.ss)?
        '(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?' + // Z | +5 | -03:30
        ')?$'),
    resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
            throw new Error('!!timestamp expects a date, starting with yyyy-mm-dd');
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + '00').substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== 'Z') {
            let d = parseSexagesimal(tz, false);
            if (Math.abs(d) < 30)
                d *= 60;
            date -= 60000 * d;
        }
        return new Date(date);
    },
    stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, '') ?? ''
};

exports.floatTime = floatTime;
exports.intTime = intTime;
exports.timestamp = timestamp;


/***/ }),

/***/ 4475:
/***/ ((__unused_webpack_module, exports) => {



const FOLD_FLOW = 'flow';
const FOLD_BLOCK = 'block';
const FOLD_QUOTED = 'quoted';
/**
 * Tries to keep input at up to `lineWidth` characters, splitting only on spaces
 * not followed by newlines or spaces unless `mode` is `'quoted'`. Lines are
 * terminated with `\n` and started with `indent`.
 */
function foldFlowLines(text, indent, mode = 'flow', { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
    if (!lineWidth || lineWidth < 0)
        return text;
    if (lineWidth < minContentWidth)
        minContentWidth = 0;
    const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
    if (text.length <= endStep)
        return text;
    const folds = [];
    const escapedFolds = {};
    let end = lineWidth - indent.length;
    if (typeof indentAtStart === 'number') {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
            folds.push(0);
        else
            end = lineWidth - indentAtStart;
    }
    let split = undefined;
    let prev = undefined;
    let overflow = false;
    let i = -1;
    let escStart = -1;
    let escEnd = -1;
    if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
            end = i + endStep;
    }
    for (let ch; (ch = text[(i += 1)]);) {
        if (mode === FOLD_QUOTED && ch === '\\') {
            escStart = i;
            switch (text[i + 1]) {
                case 'x':
                    i += 3;
                    break;
                case 'u':
                    i += 5;
                    break;
                case 'U':
                    i += 9;
                    break;
                default:
                    i += 1;
            }
            escEnd = i;
        }
        if (ch === '\n') {
            if (mode === FOLD_BLOCK)
                i = consumeMoreIndentedLines(text, i, indent.length);
            end = i + indent.length + endStep;
            split = undefined;
        }
        else {
            if (ch === ' ' &&
                prev &&
                prev !== ' ' &&
                prev !== '\n' &&
                prev !== '\t') {
                // space surrounded by non-space can be replaced with newline + indent
                const next = text[i + 1];
                if (next && next !== ' ' && next !== '\n' && next !== '\t')
                    split = i;
            }
            if (i >= end) {
                if (split) {
                    folds.push(split);
                    end = split + endStep;
                    split = undefined;
                }
                else if (mode === FOLD_QUOTED) {
                    // white-space collected at end may stretch past lineWidth
                    while (prev === ' ' || prev === '\t') {
                        prev = ch;
                        ch = text[(i += 1)];
                        overflow = true;
                    }
                    // Account for newline escape, but don't break preceding escape
                    const j = i > escEnd + 1 ? i - 2 : escStart - 1;
                    // Bail out if lineWidth & minContentWidth are shorter than an escape string
                    if (escapedFolds[j])
                        return text;
                    folds.push(j);
                    escapedFolds[j] = true;
                    end = j + endStep;
                    split = undefined;
                }
                else {
                    overflow = true;
                }
            }
        }
        prev = ch;
    }
    if (overflow && onOverflow)
        onOverflow();
    if (folds.length === 0)
        return text;
    if (onFold)
        onFold();
    let res = text.slice(0, folds[0]);
    for (let i = 0; i < folds.length; ++i) {
        const fold = folds[i];
        const end = folds[i + 1] || text.length;
        if (fold === 0)
            res = `\n${indent}${text.slice(0, end)}`;
        else {
            if (mode === FOLD_QUOTED && escapedFolds[fold])
                res += `${text[fold]}\\`;
            res += `\n${indent}${text.slice(fold + 1, end)}`;
        }
    }
    return res;
}
/**
 * Presumes `i + 1` is at the start of a line
 * @returns index of last newline in more-indented block
 */
function consumeMoreIndentedLines(text, i, indent) {
    let end = i;
    let start = i + 1;
    let ch = text[start];
    while (ch === ' ' || ch === '\t') {
        if (i < start + indent) {
            ch = text[++i];
        }
        else {
            do {
                ch = text[++i];
            } while (ch && ch !== '\n');
            end = i;
            start = i + 1;
            ch = text[start];
        }
    }
    return end;
}

exports.FOLD_BLOCK = FOLD_BLOCK;
exports.FOLD_FLOW = FOLD_FLOW;
exports.FOLD_QUOTED = FOLD_QUOTED;
exports.foldFlowLines = foldFlowLines;


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var anchors = __nccwpck_require__(1596);
var identity = __nccwpck_require__(1127);
var stringifyComment = __nccwpck_require__(9799);
var stringifyString = __nccwpck_require__(3069);

function createStringifyContext(doc, options) {
    const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: 'PLAIN',
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: 'false',
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: 'null',
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: 'true',
        verifyAliasOrder: true
    }, doc.schema.toStringOptions, options);
    let inFlow;
    switch (opt.collectionStyle) {
        case 'block':
            inFlow = false;
            break;
        case 'flow':
            inFlow = true;
            break;
        default:
            inFlow = null;
    }
    return {
        anchors: new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? ' ' : '',
        indent: '',
        indentStep: typeof opt.indent === 'number' ? ' '.repeat(opt.indent) : '  ',
        inFlow,
        options: opt
    };
}
function getTagObject(tags, item) {
    if (item.tag) {
        const match = tags.filter(t => t.tag === item.tag);
        if (match.length > 0)
            return match.find(t => t.format === item.format) ?? match[0];
    }
    let tagObj = undefined;
    let obj;
    if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter(t => t.identify?.(obj));
        if (match.length > 1) {
            const testMatch = match.filter(t => t.test);
            if (testMatch.length > 0)
                match = testMatch;
        }
        tagObj =
            match.find(t => t.format === item.format) ?? match.find(t => !t.format);
    }
    else {
        obj = item;
        tagObj = tags.find(t => t.nodeClass && obj instanceof t.nodeClass);
    }
    if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? 'null' : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
    }
    return tagObj;
}
// needs to be called before value stringifier to allow for circular anchor refs
function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
    if (!doc.directives)
        return '';
    const props = [];
    const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
    if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
    }
    const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
    if (tag)
        props.push(doc.directives.tagString(tag));
    return props.join(' ');
}
function stringify(item, ctx, onComment, onChompKeep) {
    if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
    if (identity.isAlias(item)) {
        if (ctx.doc.directives)
            return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
            throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        }
        else {
            if (ctx.resolvedAliases)
                ctx.resolvedAliases.add(item);
            else
                ctx.resolvedAliases = new Set([item]);
            item = item.resolve(ctx.doc);
        }
    }
    let tagObj = undefined;
    const node = identity.isNode(item)
        ? item
        : ctx.doc.createNode(item, { onTagObj: o => (tagObj = o) });
    tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
    const props = stringifyProps(node, tagObj, ctx);
    if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
    const str = typeof tagObj.stringify === 'function'
        ? tagObj.stringify(node, ctx, onComment, onChompKeep)
        : identity.isScalar(node)
            ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep)
            : node.toString(ctx, onComment, onChompKeep);
    if (!props)
        return str;
    return identity.isScalar(node) || str[0] === '{' || str[0] === '['
        ? `${props} ${str}`
        : `${props}\n${ctx.indent}${str}`;
}

exports.createStringifyContext = createStringifyContext;
exports.stringify = stringify;


/***/ }),

/***/ 1212:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyCollection(collection, ctx, options) {
    const flow = ctx.inFlow ?? collection.flow;
    const stringify = flow ? stringifyFlowCollection : stringifyBlockCollection;
    return stringify(collection, ctx, options);
}
function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
    const { indent, options: { commentString } } = ctx;
    const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
    let chompKeep = false; // flag for the preceding node's status
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (!chompKeep && item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (!chompKeep && ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
            }
        }
        chompKeep = false;
        let str = stringify.stringify(item, itemCtx, () => (comment = null), () => (chompKeep = true));
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        if (chompKeep && comment)
            chompKeep = false;
        lines.push(blockItemPrefix + str);
    }
    let str;
    if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
    }
    else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
            const line = lines[i];
            str += line ? `\n${indent}${line}` : '\n';
        }
    }
    if (comment) {
        str += '\n' + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
            onComment();
    }
    else if (chompKeep && onChompKeep)
        onChompKeep();
    return str;
}
function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
    const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
    itemIndent += indentStep;
    const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
    });
    let reqNewline = false;
    let linesAtValue = 0;
    const lines = [];
    for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
            if (item.spaceBefore)
                lines.push('');
            addCommentBefore(ctx, lines, item.commentBefore, false);
            if (item.comment)
                comment = item.comment;
        }
        else if (identity.isPair(item)) {
            const ik = identity.isNode(item.key) ? item.key : null;
            if (ik) {
                if (ik.spaceBefore)
                    lines.push('');
                addCommentBefore(ctx, lines, ik.commentBefore, false);
                if (ik.comment)
                    reqNewline = true;
            }
            const iv = identity.isNode(item.value) ? item.value : null;
            if (iv) {
                if (iv.comment)
                    comment = iv.comment;
                if (iv.commentBefore)
                    reqNewline = true;
            }
            else if (item.value == null && ik?.comment) {
                comment = ik.comment;
            }
        }
        if (comment)
            reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => (comment = null));
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes('\n'));
        if (i < items.length - 1) {
            str += ',';
        }
        else if (ctx.options.trailingComma) {
            if (ctx.options.lineWidth > 0) {
                reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) +
                    (str.length + 2) >
                    ctx.options.lineWidth);
            }
            if (reqNewline) {
                str += ',';
            }
        }
        if (comment)
            str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
    }
    const { start, end } = flowChars;
    if (lines.length === 0) {
        return start + end;
    }
    else {
        if (!reqNewline) {
            const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
            reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
            let str = start;
            for (const line of lines)
                str += line ? `\n${indentStep}${indent}${line}` : '\n';
            return `${str}\n${indent}${end}`;
        }
        else {
            return `${start}${fcPadding}${lines.join(' ')}${fcPadding}${end}`;
        }
    }
}
function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
    if (comment && chompKeep)
        comment = comment.replace(/^\n+/, '');
    if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart()); // Avoid double indent on first line
    }
}

exports.stringifyCollection = stringifyCollection;


/***/ }),

/***/ 9799:
/***/ ((__unused_webpack_module, exports) => {



/**
 * Stringifies a comment.
 *
 * Empty comment lines are left empty,
 * lines consisting of a single space are replaced by `#`,
 * and all other lines are prefixed with a `#`.
 */
const stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, '#');
function indentComment(comment, indent) {
    if (/^\n+$/.test(comment))
        return comment.substring(1);
    return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
}
const lineComment = (str, indent, comment) => str.endsWith('\n')
    ? indentComment(comment, indent)
    : comment.includes('\n')
        ? '\n' + indentComment(comment, indent)
        : (str.endsWith(' ') ? '' : ' ') + comment;

exports.indentComment = indentComment;
exports.lineComment = lineComment;
exports.stringifyComment = stringifyComment;


/***/ }),

/***/ 6829:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyDocument(doc, options) {
    const lines = [];
    let hasDirectives = options.directives === true;
    if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
            lines.push(dir);
            hasDirectives = true;
        }
        else if (doc.directives.docStart)
            hasDirectives = true;
    }
    if (hasDirectives)
        lines.push('---');
    const ctx = stringify.createStringifyContext(doc, options);
    const { commentString } = ctx.options;
    if (doc.commentBefore) {
        if (lines.length !== 1)
            lines.unshift('');
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ''));
    }
    let chompKeep = false;
    let contentComment = null;
    if (doc.contents) {
        if (identity.isNode(doc.contents)) {
            if (doc.contents.spaceBefore && hasDirectives)
                lines.push('');
            if (doc.contents.commentBefore) {
                const cs = commentString(doc.contents.commentBefore);
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            // top-level block scalars need to be indented if followed by a comment
            ctx.forceBlockIndent = !!doc.comment;
            contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? undefined : () => (chompKeep = true);
        let body = stringify.stringify(doc.contents, ctx, () => (contentComment = null), onChompKeep);
        if (contentComment)
            body += stringifyComment.lineComment(body, '', commentString(contentComment));
        if ((body[0] === '|' || body[0] === '>') &&
            lines[lines.length - 1] === '---') {
            // Top-level block scalars with a preceding doc marker ought to use the
            // same line for their header.
            lines[lines.length - 1] = `--- ${body}`;
        }
        else
            lines.push(body);
    }
    else {
        lines.push(stringify.stringify(doc.contents, ctx));
    }
    if (doc.directives?.docEnd) {
        if (doc.comment) {
            const cs = commentString(doc.comment);
            if (cs.includes('\n')) {
                lines.push('...');
                lines.push(stringifyComment.indentComment(cs, ''));
            }
            else {
                lines.push(`... ${cs}`);
            }
        }
        else {
            lines.push('...');
        }
    }
    else {
        let dc = doc.comment;
        if (dc && chompKeep)
            dc = dc.replace(/^\n+/, '');
        if (dc) {
            if ((!chompKeep || contentComment) && lines[lines.length - 1] !== '')
                lines.push('');
            lines.push(stringifyComment.indentComment(commentString(dc), ''));
        }
    }
    return lines.join('\n') + '\n';
}

exports.stringifyDocument = stringifyDocument;


/***/ }),

/***/ 8689:
/***/ ((__unused_webpack_module, exports) => {



function stringifyNumber({ format, minFractionDigits, tag, value }) {
    if (typeof value === 'bigint')
        return String(value);
    const num = typeof value === 'number' ? value : Number(value);
    if (!isFinite(num))
        return isNaN(num) ? '.nan' : num < 0 ? '-.inf' : '.inf';
    let n = Object.is(value, -0) ? '-0' : JSON.stringify(value);
    if (!format &&
        minFractionDigits &&
        (!tag || tag === 'tag:yaml.org,2002:float') &&
        /^-?\d/.test(n) &&
        !n.includes('e')) {
        let i = n.indexOf('.');
        if (i < 0) {
            i = n.length;
            n += '.';
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
            n += '0';
    }
    return n;
}

exports.stringifyNumber = stringifyNumber;


/***/ }),

/***/ 9748:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);
var Scalar = __nccwpck_require__(3301);
var stringify = __nccwpck_require__(2148);
var stringifyComment = __nccwpck_require__(9799);

function stringifyPair({ key, value }, ctx, onComment, onChompKeep) {
    const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
    let keyComment = (identity.isNode(key) && key.comment) || null;
    if (simpleKeys) {
        if (keyComment) {
            throw new Error('With simple keys, key nodes cannot have comments');
        }
        if (identity.isCollection(key) || (!identity.isNode(key) && typeof key === 'object')) {
            const msg = 'With simple keys, collection cannot be used as a key value';
            throw new Error(msg);
        }
    }
    let explicitKey = !simpleKeys &&
        (!key ||
            (keyComment && value == null && !ctx.inFlow) ||
            identity.isCollection(key) ||
            (identity.isScalar(key)
                ? key.type === Scalar.Scalar.BLOCK_FOLDED || key.type === Scalar.Scalar.BLOCK_LITERAL
                : typeof key === 'object'));
    ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
    });
    let keyCommentDone = false;
    let chompKeep = false;
    let str = stringify.stringify(key, ctx, () => (keyCommentDone = true), () => (chompKeep = true));
    if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
            throw new Error('With simple keys, single line scalar must not span more than 1024 characters');
        explicitKey = true;
    }
    if (ctx.inFlow) {
        if (allNullValues || value == null) {
            if (keyCommentDone && onComment)
                onComment();
            return str === '' ? '?' : explicitKey ? `? ${str}` : str;
        }
    }
    else if ((allNullValues && !simpleKeys) || (value == null && explicitKey)) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        }
        else if (chompKeep && onChompKeep)
            onChompKeep();
        return str;
    }
    if (keyCommentDone)
        keyComment = null;
    if (explicitKey) {
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}\n${indent}:`;
    }
    else {
        str = `${str}:`;
        if (keyComment)
            str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
    }
    let vsb, vcb, valueComment;
    if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
    }
    else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === 'object')
            value = doc.createNode(value);
    }
    ctx.implicitKey = false;
    if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
    chompKeep = false;
    if (!indentSeq &&
        indentStep.length >= 2 &&
        !ctx.inFlow &&
        !explicitKey &&
        identity.isSeq(value) &&
        !value.flow &&
        !value.tag &&
        !value.anchor) {
        // If indentSeq === false, consider '- ' as part of indentation where possible
        ctx.indent = ctx.indent.substring(2);
    }
    let valueCommentDone = false;
    const valueStr = stringify.stringify(value, ctx, () => (valueCommentDone = true), () => (chompKeep = true));
    let ws = ' ';
    if (keyComment || vsb || vcb) {
        ws = vsb ? '\n' : '';
        if (vcb) {
            const cs = commentString(vcb);
            ws += `\n${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === '' && !ctx.inFlow) {
            if (ws === '\n' && valueComment)
                ws = '\n\n';
        }
        else {
            ws += `\n${ctx.indent}`;
        }
    }
    else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf('\n');
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
            let hasPropsLine = false;
            if (hasNewline && (vs0 === '&' || vs0 === '!')) {
                let sp0 = valueStr.indexOf(' ');
                if (vs0 === '&' &&
                    sp0 !== -1 &&
                    sp0 < nl0 &&
                    valueStr[sp0 + 1] === '!') {
                    sp0 = valueStr.indexOf(' ', sp0 + 1);
                }
                if (sp0 === -1 || nl0 < sp0)
                    hasPropsLine = true;
            }
            if (!hasPropsLine)
                ws = `\n${ctx.indent}`;
        }
    }
    else if (valueStr === '' || valueStr[0] === '\n') {
        ws = '';
    }
    str += ws + valueStr;
    if (ctx.inFlow) {
        if (valueCommentDone && onComment)
            onComment();
    }
    else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
    }
    else if (chompKeep && onChompKeep) {
        onChompKeep();
    }
    return str;
}

exports.stringifyPair = stringifyPair;


/***/ }),

/***/ 3069:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var Scalar = __nccwpck_require__(3301);
var foldFlowLines = __nccwpck_require__(4475);

const getFoldOptions = (ctx, isBlock) => ({
    indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
    lineWidth: ctx.options.lineWidth,
    minContentWidth: ctx.options.minContentWidth
});
// Also checks for lines starting with %, as parsing the output as YAML 1.1 will
// presume that's starting a new document.
const containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
function lineLengthOverLimit(str, lineWidth, indentLength) {
    if (!lineWidth || lineWidth < 0)
        return false;
    const limit = lineWidth - indentLength;
    const strLen = str.length;
    if (strLen <= limit)
        return false;
    for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === '\n') {
            if (i - start > limit)
                return true;
            start = i + 1;
            if (strLen - start <= limit)
                return false;
        }
    }
    return true;
}
function doubleQuotedString(value, ctx) {
    const json = JSON.stringify(value);
    if (ctx.options.doubleQuotedAsJSON)
        return json;
    const { implicitKey } = ctx;
    const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    let str = '';
    let start = 0;
    for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === ' ' && json[i + 1] === '\\' && json[i + 2] === 'n') {
            // space before newline needs to be escaped to not be folded
            str += json.slice(start, i) + '\\ ';
            i += 1;
            start = i;
            ch = '\\';
        }
        if (ch === '\\')
            switch (json[i + 1]) {
                case 'u':
                    {
                        str += json.slice(start, i);
                        const code = json.substr(i + 2, 4);
                        switch (code) {
                            case '0000':
                                str += '\\0';
                                break;
                            case '0007':
                                str += '\\a';
                                break;
                            case '000b':
                                str += '\\v';
                                break;
                            case '001b':
                                str += '\\e';
                                break;
                            case '0085':
                                str += '\\N';
                                break;
                            case '00a0':
                                str += '\\_';
                                break;
                            case '2028':
                                str += '\\L';
                                break;
                            case '2029':
                                str += '\\P';
                                break;
                            default:
                                if (code.substr(0, 2) === '00')
                                    str += '\\x' + code.substr(2);
                                else
                                    str += json.substr(i, 6);
                        }
                        i += 5;
                        start = i + 1;
                    }
                    break;
                case 'n':
                    if (implicitKey ||
                        json[i + 2] === '"' ||
                        json.length < minMultiLineLength) {
                        i += 1;
                    }
                    else {
                        // folding will eat first newline
                        str += json.slice(start, i) + '\n\n';
                        while (json[i + 2] === '\\' &&
                            json[i + 3] === 'n' &&
                            json[i + 4] !== '"') {
                            str += '\n';
                            i += 2;
                        }
                        str += indent;
                        // space after newline needs to be escaped to not be folded
                        if (json[i + 2] === ' ')
                            str += '\\';
                        i += 1;
                        start = i + 1;
                    }
                    break;
                default:
                    i += 1;
            }
    }
    str = start ? str + json.slice(start) : json;
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
}
function singleQuotedString(value, ctx) {
    if (ctx.options.singleQuote === false ||
        (ctx.implicitKey && value.includes('\n')) ||
        /[ \t]\n|\n[ \t]/.test(value) // single quoted string can't have leading or trailing whitespace around newline
    )
        return doubleQuotedString(value, ctx);
    const indent = ctx.indent || (containsDocumentMarker(value) ? '  ' : '');
    const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&\n${indent}`) + "'";
    return ctx.implicitKey
        ? res
        : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function quotedString(value, ctx) {
    const { singleQuote } = ctx.options;
    let qs;
    if (singleQuote === false)
        qs = doubleQuotedString;
    else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
            qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
            qs = doubleQuotedString;
        else
            qs = singleQuote ? singleQuotedString : doubleQuotedString;
    }
    return qs(value, ctx);
}
// The negative lookbehind avoids a polynomial search,
// but isn't supported yet on Safari: https://caniuse.com/js-regexp-lookbehind
let blockEndNewlines;
try {
    blockEndNewlines = new RegExp('(^|(?<!\n))\n+(?!\n|$)', 'g');
}
catch {
    blockEndNewlines = /\n+(?!\n|$)/g;
}
function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
    const { blockQuote, commentString, lineWidth } = ctx.options;
    // 1. Block can't end in whitespace unless the last line is non-empty.
    // 2. Strings consisting of only whitespace are best rendered explicitly.
    if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
    }
    const indent = ctx.indent ||
        (ctx.forceBlockIndent || containsDocumentMarker(value) ? '  ' : '');
    const literal = blockQuote === 'literal'
        ? true
        : blockQuote === 'folded' || type === Scalar.Scalar.BLOCK_FOLDED
            ? false
            : type === Scalar.Scalar.BLOCK_LITERAL
                ? true
                : !lineLengthOverLimit(value, lineWidth, indent.length);
    if (!value)
        return literal ? '|\n' : '>\n';
    // determine chomping from whitespace at value end
    let chomp;
    let endStart;
    for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== '\n' && ch !== '\t' && ch !== ' ')
            break;
    }
    let end = value.substring(endStart);
    const endNlPos = end.indexOf('\n');
    if (endNlPos === -1) {
        chomp = '-'; // strip
    }
    else if (value === end || endNlPos !== end.length - 1) {
        chomp = '+'; // keep
        if (onChompKeep)
            onChompKeep();
    }
    else {
        chomp = ''; // clip
    }
    if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === '\n')
            end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
    }
    // determine indent indicator from whitespace at value start
    let startWithSpace = false;
    let startEnd;
    let startNlPos = -1;
    for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === ' ')
            startWithSpace = true;
        else if (ch === '\n')
            startNlPos = startEnd;
        else
            break;
    }
    let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
    if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
    }
    const indentSize = indent ? '2' : '1'; // root is at -1
    // Leading | or > is added later
    let header = (startWithSpace ? indentSize : '') + chomp;
    if (comment) {
        header += ' ' + commentString(comment.replace(/ ?[\r\n]+/g, ' '));
        if (onComment)
            onComment();
    }
    if (!literal) {
        const foldedValue = value
            .replace(/\n+/g, '\n$&')
            .replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, '$1$2') // more-indented lines aren't folded
            //                ^ more-ind. ^ empty     ^ capture next empty lines only at end of indent
            .replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== 'folded' && type !== Scalar.Scalar.BLOCK_FOLDED) {
            foldOptions.onOverflow = () => {
                literalFallback = true;
            };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
            return `>${header}\n${indent}${body}`;
    }
    value = value.replace(/\n+/g, `$&${indent}`);
    return `|${header}\n${indent}${start}${value}${end}`;
}
function plainString(item, ctx, onComment, onChompKeep) {
    const { type, value } = item;
    const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
    if ((implicitKey && value.includes('\n')) ||
        (inFlow && /[[\]{},]/.test(value))) {
        return quotedString(value, ctx);
    }
    if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        // not allowed:
        // - '-' or '?'
        // - start with an indicator character (except [?:-]) or /[?-] /
        // - '\n ', ': ' or ' \n' anywhere
        // - '#' not preceded by a non-space char
        // - end with ' ' or ':'
        return implicitKey || inFlow || !value.includes('\n')
            ? quotedString(value, ctx)
            : blockString(item, ctx, onComment, onChompKeep);
    }
    if (!implicitKey &&
        !inFlow &&
        type !== Scalar.Scalar.PLAIN &&
        value.includes('\n')) {
        // Where allowed & type not set explicitly, prefer block style for multiline strings
        return blockString(item, ctx, onComment, onChompKeep);
    }
    if (containsDocumentMarker(value)) {
        if (indent === '') {
            ctx.forceBlockIndent = true;
            return blockString(item, ctx, onComment, onChompKeep);
        }
        else if (implicitKey && indent === indentStep) {
            return quotedString(value, ctx);
        }
    }
    const str = value.replace(/\n+/g, `$&\n${indent}`);
    // Verify that output will be parsed as a string, as e.g. plain numbers and
    // booleans get parsed with those types in v1.2 (e.g. '42', 'true' & '0.9e-3'),
    // and others in v1.1.
    if (actualString) {
        const test = (tag) => tag.default && tag.tag !== 'tag:yaml.org,2002:str' && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
            return quotedString(value, ctx);
    }
    return implicitKey
        ? str
        : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
}
function stringifyString(item, ctx, onComment, onChompKeep) {
    const { implicitKey, inFlow } = ctx;
    const ss = typeof item.value === 'string'
        ? item
        : Object.assign({}, item, { value: String(item.value) });
    let { type } = item;
    if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        // force double quotes on control characters & unpaired surrogates
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
            type = Scalar.Scalar.QUOTE_DOUBLE;
    }
    const _stringify = (_type) => {
        switch (_type) {
            case Scalar.Scalar.BLOCK_FOLDED:
            case Scalar.Scalar.BLOCK_LITERAL:
                return implicitKey || inFlow
                    ? quotedString(ss.value, ctx) // blocks are not valid inside flow containers
                    : blockString(ss, ctx, onComment, onChompKeep);
            case Scalar.Scalar.QUOTE_DOUBLE:
                return doubleQuotedString(ss.value, ctx);
            case Scalar.Scalar.QUOTE_SINGLE:
                return singleQuotedString(ss.value, ctx);
            case Scalar.Scalar.PLAIN:
                return plainString(ss, ctx, onComment, onChompKeep);
            default:
                return null;
        }
    };
    let res = _stringify(type);
    if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = (implicitKey && defaultKeyType) || defaultStringType;
        res = _stringify(t);
        if (res === null)
            throw new Error(`Unsupported default string type ${t}`);
    }
    return res;
}

exports.stringifyString = stringifyString;


/***/ }),

/***/ 204:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {



var identity = __nccwpck_require__(1127);

const BREAK = Symbol('break visit');
const SKIP = Symbol('skip children');
const REMOVE = Symbol('remove node');
/**
 * Apply a visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
function visit(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        visit_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visit.BREAK = BREAK;
/** Do not visit the children of the current node */
visit.SKIP = SKIP;
/** Remove the current node */
visit.REMOVE = REMOVE;
function visit_(key, node, visitor, path) {
    const ctrl = callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visit_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = visit_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = visit_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = visit_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
/**
 * Apply an async visitor to an AST node or document.
 *
 * Walks through the tree (depth-first) starting from `node`, calling a
 * `visitor` function with three arguments:
 *   - `key`: For sequence values and map `Pair`, the node's index in the
 *     collection. Within a `Pair`, `'key'` or `'value'`, correspondingly.
 *     `null` for the root node.
 *   - `node`: The current node.
 *   - `path`: The ancestry of the current node.
 *
 * The return value of the visitor may be used to control the traversal:
 *   - `Promise`: Must resolve to one of the following values
 *   - `undefined` (default): Do nothing and continue
 *   - `visit.SKIP`: Do not visit the children of this node, continue with next
 *     sibling
 *   - `visit.BREAK`: Terminate traversal completely
 *   - `visit.REMOVE`: Remove the current node, then continue with the next one
 *   - `Node`: Replace the current node, then continue by visiting it
 *   - `number`: While iterating the items of a sequence or map, set the index
 *     of the next step. This is useful especially if the index of the current
 *     node has changed.
 *
 * If `visitor` is a single function, it will be called with all values
 * encountered in the tree, including e.g. `null` values. Alternatively,
 * separate visitor functions may be defined for each `Map`, `Pair`, `Seq`,
 * `Alias` and `Scalar` node. To define the same visitor function for more than
 * one node type, use the `Collection` (map and seq), `Value` (map, seq & scalar)
 * and `Node` (alias, map, seq & scalar) targets. Of all these, only the most
 * specific defined one will be used for each node.
 */
async function visitAsync(node, visitor) {
    const visitor_ = initVisitor(visitor);
    if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
            node.contents = null;
    }
    else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
}
// Without the `as symbol` casts, TS declares these in the `visit`
// namespace using `var`, but then complains about that because
// `unique symbol` must be `const`.
/** Terminate visit traversal completely */
visitAsync.BREAK = BREAK;
/** Do not visit the children of the current node */
visitAsync.SKIP = SKIP;
/** Remove the current node */
visitAsync.REMOVE = REMOVE;
async function visitAsync_(key, node, visitor, path) {
    const ctrl = await callVisitor(key, node, visitor, path);
    if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key, path, ctrl);
        return visitAsync_(key, ctrl, visitor, path);
    }
    if (typeof ctrl !== 'symbol') {
        if (identity.isCollection(node)) {
            path = Object.freeze(path.concat(node));
            for (let i = 0; i < node.items.length; ++i) {
                const ci = await visitAsync_(i, node.items[i], visitor, path);
                if (typeof ci === 'number')
                    i = ci - 1;
                else if (ci === BREAK)
                    return BREAK;
                else if (ci === REMOVE) {
                    node.items.splice(i, 1);
                    i -= 1;
                }
            }
        }
        else if (identity.isPair(node)) {
            path = Object.freeze(path.concat(node));
            const ck = await visitAsync_('key', node.key, visitor, path);
            if (ck === BREAK)
                return BREAK;
            else if (ck === REMOVE)
                node.key = null;
            const cv = await visitAsync_('value', node.value, visitor, path);
            if (cv === BREAK)
                return BREAK;
            else if (cv === REMOVE)
                node.value = null;
        }
    }
    return ctrl;
}
function initVisitor(visitor) {
    if (typeof visitor === 'object' &&
        (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
            Alias: visitor.Node,
            Map: visitor.Node,
            Scalar: visitor.Node,
            Seq: visitor.Node
        }, visitor.Value && {
            Map: visitor.Value,
            Scalar: visitor.Value,
            Seq: visitor.Value
        }, visitor.Collection && {
            Map: visitor.Collection,
            Seq: visitor.Collection
        }, visitor);
    }
    return visitor;
}
function callVisitor(key, node, visitor, path) {
    if (typeof visitor === 'function')
        return visitor(key, node, path);
    if (identity.isMap(node))
        return visitor.Map?.(key, node, path);
    if (identity.isSeq(node))
        return visitor.Seq?.(key, node, path);
    if (identity.isPair(node))
        return visitor.Pair?.(key, node, path);
    if (identity.isScalar(node))
        return visitor.Scalar?.(key, node, path);
    if (identity.isAlias(node))
        return visitor.Alias?.(key, node, path);
    return undefined;
}
function replaceNode(key, path, node) {
    const parent = path[path.length - 1];
    if (identity.isCollection(parent)) {
        parent.items[key] = node;
    }
    else if (identity.isPair(parent)) {
        if (key === 'key')
            parent.key = node;
        else
            parent.value = node;
    }
    else if (identity.isDocument(parent)) {
        parent.contents = node;
    }
    else {
        const pt = identity.isAlias(parent) ? 'alias' : 'scalar';
        throw new Error(`Cannot replace node with ${pt} parent`);
    }
}

exports.visit = visit;
exports.visitAsync = visitAsync;


/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/config/errors.ts
function formatProblem(p) {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ""}: ` : "";
    return `${where}${p.field}: ${p.message}`;
}

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __nccwpck_require__(8815);
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
// EXTERNAL MODULE: ./src/protocol/auth.ts
var auth = __nccwpck_require__(1880);
;// CONCATENATED MODULE: ./src/protocol/address.ts
/**
 * Syntax checks for values that end up in commands: mailbox addresses (RFC 5321 §4.1.2
 * Mailbox, with RFC 6531 UTF-8 allowed), host names and EHLO names. Deliberately a little
 * permissive: the server, not smtp-gate, is the judge of what it accepts; these catch typos.
 */
const ATEXT = "[A-Za-z0-9!#$%&'*+\\-/=?^_`{|}~\\u0080-\\uFFFF]";
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = '"(?:[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e\\u0080-\\uFFFF]|\\\\[\\x20-\\x7e])*"';
const LABEL = "[A-Za-z0-9\\u0080-\\uFFFF](?:[A-Za-z0-9\\-\\u0080-\\uFFFF]{0,61}[A-Za-z0-9\\u0080-\\uFFFF])?";
const DOMAIN = `${LABEL}(?:\\.${LABEL})*\\.?`;
const ADDRESS_LITERAL = "\\[(?:[0-9.]+|IPv6:[0-9A-Fa-f:.]+)\\]";
const MAILBOX = new RegExp(`^(?:${DOT_STRING}|${QUOTED})@(?:${DOMAIN}|${ADDRESS_LITERAL})$`);
const HOST_NAME = new RegExp(`^${DOMAIN}$`);
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const EHLO_NAME = new RegExp(`^(?:${DOMAIN}|${ADDRESS_LITERAL})$`);
/** RFC 5321 §4.5.3.1: local part at most 64 octets, path at most 256. */
function checkMailbox(value) {
    if (!MAILBOX.test(value))
        return "is not a mailbox address like user@example.com";
    const local = value.slice(0, value.lastIndexOf("@"));
    if (Buffer.byteLength(local) > 64)
        return "has a local part longer than 64 octets (RFC 5321 §4.5.3.1.1)";
    if (Buffer.byteLength(value) > 254)
        return "is longer than 254 octets (RFC 5321 §4.5.3.1.3)";
    return null;
}
/** RFC 4291 §2.2 text forms: eight groups, or fewer around one "::", optionally ending in IPv4. */
function isIPv6(value) {
    const v4 = /:(\d+\.\d+\.\d+\.\d+)$/.exec(value);
    if (v4 && !IPV4.test(v4[1]))
        return false;
    const head = v4 ? value.slice(0, -v4[1].length) + "0:0" : value;
    const halves = head.split("::");
    if (halves.length > 2)
        return false;
    const groups = halves.flatMap((h) => (h === "" ? [] : h.split(":")));
    if (!groups.every((g) => /^[0-9A-Fa-f]{1,4}$/.test(g)))
        return false;
    return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}
function checkHost(value) {
    if (IPV4.test(value) || isIPv6(value))
        return null;
    // A name made only of digits and dots is a malformed IPv4 address, not a host name.
    return HOST_NAME.test(value) && !/^[\d.]+$/.test(value) && value.length <= 253 ? null : "is not a host name or IP address";
}
function checkEhloName(value) {
    return EHLO_NAME.test(value) ? null : "is not a domain name or an address literal like [192.0.2.1]";
}

// EXTERNAL MODULE: ./src/protocol/command.ts
var command = __nccwpck_require__(1813);
// EXTERNAL MODULE: ./src/protocol/steps.ts
var protocol_steps = __nccwpck_require__(7547);
;// CONCATENATED MODULE: ./src/config/target.ts
const TLS_MODES = ["starttls", "implicit", "opportunistic", "none"];
const FAIL_ON = ["hard", "soft", "never"];

// EXTERNAL MODULE: ./src/config/policy.ts
var policy = __nccwpck_require__(9706);
;// CONCATENATED MODULE: ./src/config/resolve-policy.ts
/** The policy keys of a target, validated. */



function resolvePolicy(raw, c) {
    const ms = (key) => {
        const s = c.str(key);
        if (s === undefined)
            return null;
        const n = Number(s);
        if (!Number.isInteger(n) || n <= 0) {
            c.problem(key, `must be a whole number of milliseconds above 0, not "${s}"`);
            return null;
        }
        return n;
    };
    const expectExtensions = [];
    for (const item of c.list("expect-extensions")) {
        const e = (0,policy/* parseExtensionExpectation */.TL)(item);
        if (e)
            expectExtensions.push(e);
        else
            c.problem("expect-extensions", `"${item}" is not an extension keyword, or KEYWORD>=NUMBER like SIZE>=10485760`);
    }
    let certMinDays = policy/* DEFAULT_POLICY */.zj.certMinDays;
    const days = c.str("cert-min-days");
    if (days !== undefined) {
        const n = Number(days);
        if (!Number.isInteger(n) || n < 0 || n > 3650)
            c.problem("cert-min-days", `must be a whole number of days from 0 to 3650, not "${days}"`);
        else
            certMinDays = n;
    }
    // `open-relay: true` tests the default foreign domain; any other value names the domain.
    let openRelay = null;
    const relay = c.str("open-relay");
    if (relay !== undefined && !/^(false|no|off|0)$/i.test(relay)) {
        openRelay = /^(true|yes|on|1)$/i.test(relay) ? policy/* DEFAULT_RELAY_DOMAIN */.H7 : relay;
        if (checkHost(openRelay)) {
            c.problem("open-relay", `must be true, false, or a domain to try relaying to, not "${relay}"`);
            openRelay = null;
        }
    }
    return {
        requireTls: c.bool("require-tls"),
        minTls: c.oneOf("min-tls", policy/* TLS_VERSIONS */.Mk, policy/* DEFAULT_POLICY */.zj.minTls),
        certMinDays,
        maxStepMs: ms("max-step-ms"),
        maxTotalMs: ms("max-total-ms"),
        expectExtensions,
        authRequiresTls: c.bool("auth-requires-tls"),
        openRelay,
        vrfyDisabled: c.bool("vrfy-disabled"),
        baseline: readBaseline(c, raw.baseline),
    };
}
function readBaseline(c, value) {
    const path = c.str("baseline");
    if (path === undefined || value === undefined)
        return null;
    const file = c.baseDir && !path.startsWith("/") ? `${c.baseDir}/${path}` : path;
    let parsed;
    try {
        parsed = JSON.parse((0,external_node_fs_namespaceObject.readFileSync)(file, "utf8"));
    }
    catch (e) {
        c.problem("baseline", `cannot read "${path}" as a baseline: ${e.code ?? e.message}`);
        return null;
    }
    const b = parsed;
    if (b.schema !== "smtp-gate/baseline@1" || typeof b.targets !== "object" || b.targets === null) {
        c.problem("baseline", `"${path}" is not a smtp-gate baseline (write one with --write-baseline)`);
        return null;
    }
    return { file: path, facts: b.targets[c.name] ?? null };
}

;// CONCATENATED MODULE: ./src/config/values.ts
/** Readers for raw config values: each checks its value and reports a problem naming the key. */

const MAX_SECONDS = 3600;
function valueReaders(raw, problem) {
    const str = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === "")
            return undefined;
        if (Array.isArray(v)) {
            problem(key, "must be a single value, not a list");
            return undefined;
        }
        // Checked before trimming: a value with CR, LF or NUL anywhere is refused, not repaired.
        const s = String(v);
        if ((0,command/* hasForbiddenChars */.HX)(s)) {
            problem(key, `contains ${(0,command/* describeForbidden */.FM)(s)}; a value that reaches the wire may not contain CR, LF or NUL`);
            return undefined;
        }
        return s.trim();
    };
    const list = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === "")
            return [];
        const items = Array.isArray(v) ? v.map(String) : String(v).split(/,|\r?\n/);
        const out = [];
        for (const item of items) {
            if ((0,command/* hasForbiddenChars */.HX)(item))
                problem(key, `an item contains ${(0,command/* describeForbidden */.FM)(item)}; a value that reaches the wire may not contain CR, LF or NUL`);
            else if (item.trim())
                out.push(item.trim());
        }
        return out;
    };
    const bool = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === "")
            return false;
        if (typeof v === "boolean")
            return v;
        const s = String(v).trim().toLowerCase();
        if (["true", "yes", "1", "on"].includes(s))
            return true;
        if (["false", "no", "0", "off"].includes(s))
            return false;
        problem(key, `must be true or false, not "${v}"`);
        return false;
    };
    const number = (key, min, max, what) => {
        const s = str(key);
        if (s === undefined)
            return undefined;
        const n = Number(s);
        if (!Number.isFinite(n) || n < min || n > max) {
            problem(key, `must be ${what} from ${min} to ${max}, not "${s}"`);
            return undefined;
        }
        return n;
    };
    const seconds = (key, fallback) => {
        const s = str(key);
        if (s === undefined)
            return fallback;
        const n = Number(s);
        if (!Number.isFinite(n) || n <= 0 || n > MAX_SECONDS) {
            problem(key, `must be a number of seconds between 0 and ${MAX_SECONDS}, not "${s}"`);
            return fallback;
        }
        return n;
    };
    const oneOf = (key, allowed, fallback) => {
        const s = str(key);
        if (s === undefined)
            return fallback;
        const hit = allowed.find((a) => a.toLowerCase() === s.toLowerCase());
        if (hit)
            return hit;
        problem(key, `must be one of ${allowed.join(", ")}, not "${s}"`);
        return fallback;
    };
    return { str, list, bool, number, seconds, oneOf };
}

;// CONCATENATED MODULE: ./src/config/resolve.ts
/**
 * Turns raw values (from argv, action inputs or a YAML file) into a validated TargetConfig.
 * Every check runs before anything is sent; each problem names its field.
 */









function resolveTarget(raw, ctx) {
    const problems = [];
    const problem = (key, message) => problems.push({ field: ctx.label(key), message, ...ctx.where?.(key) });
    const { str, list, bool, seconds, oneOf } = valueReaders(raw, problem);
    let host = str("host");
    if (host === undefined && isAbsent(raw.host))
        problem("host", "is required");
    else if (host !== undefined) {
        host = host.replace(/^\[(.*)\]$/, "$1");
        const bad = checkHost(host);
        if (bad)
            problem("host", `"${host}" ${bad}`);
    }
    const tls = oneOf("tls", TLS_MODES, "starttls");
    const portText = str("port");
    let port = tls === "implicit" ? 465 : 25;
    if (portText !== undefined) {
        const n = Number(portText);
        if (!Number.isInteger(n) || n < 1 || n > 65535)
            problem("port", `must be a whole number from 1 to 65535, not "${portText}"`);
        else
            port = n;
    }
    const heloGiven = str("helo");
    const helo = heloGiven ?? defaultHelo();
    if (heloGiven !== undefined) {
        const bad = checkEhloName(helo);
        if (bad)
            problem("helo", `"${helo}" ${bad}`);
    }
    const to = list("to");
    for (const addr of to) {
        const bad = checkMailbox(addr);
        if (bad)
            problem("to", `"${addr}" ${bad}`);
    }
    const username = str("username");
    let from = str("from");
    if (from !== undefined) {
        const bad = checkMailbox(from);
        if (bad)
            problem("from", `"${from}" ${bad}`);
    }
    else {
        // Submission servers often insist the sender is the logged-in user; that is the best guess.
        from = username && checkMailbox(username) === null ? username : `smtp-gate@${helo.replace(/^\[|\]$/g, "")}`;
    }
    const credentials = resolveCredentials(raw, ctx, str, problem, username);
    const send = bool("send");
    let steps = null;
    const stepLines = raw.steps === undefined || raw.steps === null || raw.steps === "" ? null : Array.isArray(raw.steps) ? raw.steps.map(String) : String(raw.steps).split(/\r?\n/);
    if (stepLines) {
        steps = [];
        stepLines.forEach((text, i) => {
            const t = text.trim();
            if (!t || t.startsWith("#"))
                return;
            const r = (0,protocol_steps/* parseStepLine */.gj)(t);
            if ("error" in r) {
                const w = ctx.where?.("steps");
                problems.push({ field: `${ctx.label("steps")} line ${i + 1}`, message: `"${t}" ${r.error}`, ...(w ? { file: w.file, line: ctx.stepLine?.(i) ?? w.line } : {}) });
            }
            else
                steps?.push(r);
        });
        if (steps.length === 0)
            problem("steps", "has no steps");
        for (const s of steps) {
            const verb = (0,command/* verbOf */.rl)(s.line);
            if (verb === "DATA" && !send)
                problem("steps", "contains DATA, which delivers a message: set send to true to allow it");
            if (/\{to\}/.test(s.line) && to.length === 0)
                problem("steps", `"${s.line}" uses {to} but no recipient (to) is configured`);
            if (/^AUTH\s+(PLAIN|LOGIN|CRAM-MD5|XOAUTH2)$/i.test(s.line) && !credentials)
                problem("steps", `"${s.line}" needs credentials: set username and ${ctx.label("password-env")} (or ${ctx.label("oauth-token-env")})`);
        }
    }
    if (send && !stepLines && to.length === 0)
        problem("send", "needs at least one recipient (to)");
    const failOn = oneOf("fail-on", FAIL_ON, "hard");
    const pipelining = oneOf("pipelining", ["auto", "off"], "auto");
    const timeout = seconds("timeout", 30);
    const deadline = seconds("deadline");
    const insecure = bool("insecure");
    const servername = str("servername");
    let ca;
    const caPath = str("ca");
    if (caPath !== undefined) {
        try {
            ca = (0,external_node_fs_namespaceObject.readFileSync)(ctx.baseDir && !caPath.startsWith("/") ? `${ctx.baseDir}/${caPath}` : caPath, "utf8");
            if (!ca.includes("-----BEGIN CERTIFICATE-----"))
                problem("ca", `"${caPath}" holds no PEM certificate`);
        }
        catch (e) {
            problem("ca", `cannot read "${caPath}": ${e.message}`);
        }
    }
    const body = raw.body === undefined || raw.body === null ? undefined : String(raw.body);
    if (body !== undefined && body.includes("\0"))
        problem("body", "contains NUL");
    const policy = resolvePolicy(raw, { str, list, bool, oneOf, problem, baseDir: ctx.baseDir, name: str("name") ?? `${host}:${port}` });
    if (problems.length)
        return { problems };
    return {
        policy,
        pipelining,
        name: str("name") ?? `${host}:${port}`,
        host: host, port, tls, servername, ca, insecure, helo, from, to, credentials, send, steps, body, failOn,
        timeoutMs: Math.round(timeout * 1000),
        ...(deadline !== undefined ? { deadlineMs: Math.round(deadline * 1000) } : {}),
        ...(ctx.source ? { source: ctx.source } : {}),
    };
}
function resolveCredentials(raw, ctx, str, problem, username) {
    const fromEnv = (key) => {
        const name = str(key);
        if (name === undefined)
            return undefined;
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
            problem(key, `"${name}" is not an environment variable name`);
            return undefined;
        }
        const v = ctx.env[name];
        if (v === undefined || v === "")
            problem(key, `environment variable ${name} is not set`);
        else if ((0,command/* hasForbiddenChars */.HX)(v))
            problem(key, `environment variable ${name} contains ${(0,command/* describeForbidden */.FM)(v)}`);
        else
            return v;
        return undefined;
    };
    // Secrets given directly (action inputs) are checked without echoing them.
    const direct = (key) => {
        const v = raw[key];
        if (v === undefined || v === null || v === "")
            return undefined;
        const s = String(v);
        if ((0,command/* hasForbiddenChars */.HX)(s)) {
            problem(key, `contains ${(0,command/* describeForbidden */.FM)(s)}`);
            return undefined;
        }
        return s;
    };
    // A named variable is the more specific choice (a config target's own) over a face-wide value.
    const password = fromEnv("password-env") ?? direct("password");
    const oauthToken = fromEnv("oauth-token-env") ?? direct("oauth-token");
    const mechText = str("auth")?.toUpperCase();
    let mechanism = null;
    if (mechText !== undefined) {
        if (auth/* AUTH_MECHANISMS */.CV.includes(mechText))
            mechanism = mechText;
        else
            problem("auth", `must be one of ${auth/* AUTH_MECHANISMS */.CV.join(", ")}, not "${mechText}"`);
    }
    const anySecret = password !== undefined || oauthToken !== undefined || raw["password-env"] || raw["oauth-token-env"] || raw.password || raw["oauth-token"];
    if (!username) {
        if (anySecret && isAbsent(raw.username))
            problem("username", "is required when a password or token is given");
        else if (mechanism)
            problem("auth", "needs a username and a password or token");
        return null;
    }
    if (password === undefined && oauthToken === undefined) {
        if (!anySecret)
            problem("username", `is set but no secret is: set ${ctx.label("password-env")} or ${ctx.label("oauth-token-env")}`);
        return null;
    }
    if (mechanism === "XOAUTH2" && oauthToken === undefined)
        problem("auth", `XOAUTH2 needs a token (${ctx.label("oauth-token-env")})`);
    if (mechanism && mechanism !== "XOAUTH2" && password === undefined)
        problem("auth", `${mechanism} needs a password (${ctx.label("password-env")})`);
    return { username, password, oauthToken, mechanism };
}
function isAbsent(v) {
    return v === undefined || v === null || v === "";
}
function defaultHelo() {
    const h = (0,external_node_os_namespaceObject.hostname)();
    // EHLO wants a fully qualified name (RFC 5321 §4.1.1.1); a bare host name is often refused.
    return h.includes(".") && checkEhloName(h) === null ? h : "localhost.localdomain";
}

;// CONCATENATED MODULE: ./src/config/file.ts
/**
 * The YAML config file (contract §4): `defaults` plus a list of `targets`, each key an action
 * input name. Source positions are kept so that every problem names file, line and key.
 */





function loadConfigFile(file, env, layers = {}) {
    let text;
    try {
        text = (0,external_node_fs_namespaceObject.readFileSync)(file, "utf8");
    }
    catch (e) {
        return { problems: [{ field: "config", message: `cannot read "${file}": ${e.code ?? e.message}` }] };
    }
    return parseConfigText(text, file, env, layers);
}
function parseConfigText(text, file, env, layers = {}) {
    const lc = new dist/* LineCounter */.HN();
    const doc = (0,dist/* parseDocument */.Tp)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const lineOf = (n) => (n?.range ? lc.linePos(n.range[0]).line : undefined);
    const problems = [];
    for (const err of doc.errors)
        problems.push({ field: "yaml", message: err.message.split("\n")[0] ?? err.message, file, line: Math.min(err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line, lastLine(text)) });
    if (problems.length)
        return { problems };
    const root = doc.contents;
    if (!(0,dist/* isMap */.jh)(root))
        return { problems: [{ field: "config", message: "must be a mapping with `targets:` (and optionally `defaults:`)", file, line: 1 }] };
    for (const pair of root.items) {
        const k = keyOf(pair);
        if (k !== "defaults" && k !== "targets") {
            const guess = (0,keys/* closestKey */.bi)(k, ["defaults", "targets"]);
            problems.push({ field: k, message: `is not a top-level key (use defaults and targets)${guess ? `; did you mean "${guess}"?` : ""}`, file, line: lineOf(pair.key) });
        }
    }
    const defaultsNode = root.get("defaults", true);
    const targetsNode = root.get("targets", true);
    let defaults = { raw: {}, lines: {} };
    if (defaultsNode !== undefined && defaultsNode !== null) {
        if (!(0,dist/* isMap */.jh)(defaultsNode))
            problems.push({ field: "defaults", message: "must be a mapping", file, line: lineOf(defaultsNode) });
        else
            defaults = readTarget(defaultsNode, file, lineOf, problems);
    }
    if (!(0,dist/* isSeq */.oP)(targetsNode) || targetsNode.items.length === 0) {
        problems.push({ field: "targets", message: "must be a non-empty list of targets", file, line: lineOf(targetsNode) ?? 1 });
        return { problems };
    }
    const targets = [];
    targetsNode.items.forEach((item, i) => {
        const line = lineOf(item) ?? 1;
        if (!(0,dist/* isMap */.jh)(item)) {
            problems.push({ field: `targets[${i}]`, message: "must be a mapping of keys", file, line });
            return;
        }
        const own = readTarget(item, file, lineOf, problems);
        const raw = { ...layers.under, ...defaults.raw, ...layers.over, ...own.raw };
        const lines = { ...defaults.lines, ...own.lines };
        const stepLines = own.raw.steps !== undefined ? own.stepLines : defaults.stepLines;
        const r = resolveTarget(raw, {
            env,
            label: (k) => `targets[${i}].${k}`,
            where: (k) => ({ file, line: lines[k] ?? line }),
            stepLine: stepLines,
            baseDir: (0,external_node_path_namespaceObject.dirname)(file),
            source: { file, line },
        });
        if ("problems" in r)
            problems.push(...r.problems);
        else
            targets.push(r);
    });
    return problems.length ? { problems } : { targets };
}
function keyOf(pair) {
    return (0,dist/* isScalar */.jn)(pair.key) ? String(pair.key.value) : String(pair.key);
}
function readTarget(map, file, lineOf, problems) {
    const raw = {};
    const lines = {};
    let stepLines;
    for (const pair of map.items) {
        if (!(0,dist/* isPair */.tO)(pair))
            continue;
        const key = keyOf(pair);
        const line = lineOf(pair.key);
        if (!keys/* TARGET_KEYS */.X5.includes(key)) {
            const guess = (0,keys/* closestKey */.bi)(key);
            problems.push({ field: key, message: `is not a known key${guess ? `; did you mean "${guess}"?` : ""}`, file, line });
            continue;
        }
        const k = key;
        if (keys/* SECRET_KEYS */.GR.includes(k)) {
            problems.push({ field: key, message: `secrets may not be written in a config file; use ${key}-env: VARIABLE and set the variable`, file, line });
            continue;
        }
        const value = toRaw(pair.value);
        if (value === undefined) {
            problems.push({ field: key, message: "must be a string, number, boolean or a list of strings", file, line });
            continue;
        }
        raw[k] = value;
        lines[k] = line;
        if (k === "steps") {
            const v = pair.value;
            const block = (0,dist/* isScalar */.jn)(v) && (v.type === "BLOCK_LITERAL" || v.type === "BLOCK_FOLDED");
            stepLines = (0,dist/* isSeq */.oP)(v) ? (i) => lineOf(v.items[i]) ?? line : (i) => (line === undefined ? undefined : line + i + (block ? 1 : 0));
        }
    }
    return { raw, lines, stepLines };
}
/** The last line with content: a parser error "at the end" points there, not past it. */
function lastLine(text) {
    return text.replace(/\s+$/, "").split("\n").length;
}
function toRaw(node) {
    if (node === null || node === undefined)
        return null;
    if ((0,dist/* isScalar */.jn)(node)) {
        const v = node.value;
        return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
    }
    if ((0,dist/* isSeq */.oP)(node)) {
        const out = [];
        for (const it of node.items) {
            if (!(0,dist/* isScalar */.jn)(it) || (typeof it.value !== "string" && typeof it.value !== "number"))
                return undefined;
            out.push(it.value);
        }
        return out;
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/engine/run.ts + 22 modules
var run = __nccwpck_require__(9699);
// EXTERNAL MODULE: ./src/knowledge/explain.ts + 2 modules
var explain = __nccwpck_require__(2184);
;// CONCATENATED MODULE: ./src/knowledge/render-explain.ts
const BOUNCE_LABEL = {
    none: "no bounce",
    soft: "soft bounce",
    hard: "hard bounce",
};
/** A readable terminal block for `smtp-gate explain`. */
function renderExplainText(e) {
    const id = [e.code === null ? null : String(e.code), e.enhanced].filter((x) => x !== null).join(" ");
    const lines = [`${id} — ${e.class} (${BOUNCE_LABEL[e.bounce]})`, "", e.meaning];
    if (e.causes.length > 0) {
        lines.push("", "Likely causes:", ...e.causes.map((c) => `  - ${c}`));
    }
    if (e.fixes.length > 0) {
        lines.push("", "What to do:", ...e.fixes.map((f) => `  - ${f}`));
    }
    if (e.sources.length > 0) {
        lines.push("", "Sources:", ...e.sources.map((s) => `  - ${s}`));
    }
    return lines.join("\n") + "\n";
}
/** The JSON shape of `smtp-gate explain --json`: exactly these keys, in this order. */
function explainJson(e) {
    return {
        code: e.code,
        enhanced: e.enhanced,
        class: e.class,
        bounce: e.bounce,
        meaning: e.meaning,
        causes: [...e.causes],
        fixes: [...e.fixes],
    };
}

;// CONCATENATED MODULE: ./src/report/json.ts
function reportToJson(report) {
    return {
        schema: report.schema,
        verdict: report.verdict,
        tool: report.tool,
        startedAt: report.startedAt,
        targets: report.targets.map(targetToJson),
    };
}
function renderJson(report) {
    return `${JSON.stringify(reportToJson(report), null, 2)}\n`;
}
function targetToJson(t) {
    return {
        name: t.name,
        host: t.host,
        port: t.port,
        tlsMode: t.tlsMode,
        verdict: t.verdict,
        durationMs: t.durationMs,
        error: t.error,
        tls: t.tls,
        extensions: t.extensions,
        extensionsBeforeTls: t.extensionsBeforeTls,
        steps: t.steps.map(stepToJson),
        findings: t.findings,
        transcript: t.transcript,
        transcriptCapped: t.transcriptCapped,
        ...(t.source ? { source: t.source } : {}),
    };
}
function stepToJson(s) {
    return {
        command: s.command,
        reply: s.reply ? { code: s.reply.code, enhanced: s.reply.enhanced, lines: s.reply.lines, ...(s.reply.ending !== "crlf" ? { ending: s.reply.ending } : {}) } : null,
        class: s.class,
        expected: s.expected,
        verdict: s.verdict,
        ms: s.ms,
        phase: s.phase,
        ...(s.extra ? { extra: s.extra } : {}),
    };
}

// EXTERNAL MODULE: ./src/diagnose/baseline.ts
var baseline = __nccwpck_require__(4193);
;// CONCATENATED MODULE: ./src/report/baseline.ts
/** The baseline file (`--write-baseline`): each target's healthy facts, keyed by target name. */

function renderBaseline(report) {
    const targets = Object.fromEntries(report.targets.filter((t) => !t.error).map((t) => [t.name, (0,baseline/* baselineFacts */.F)(t)]));
    return `${JSON.stringify({ schema: "smtp-gate/baseline@1", recordedAt: report.startedAt, targets }, null, 2)}\n`;
}

;// CONCATENATED MODULE: ./src/report/summary-line.ts
function targetSummaryLine(t) {
    const where = t.name === `${t.host}:${t.port}` ? t.name : `${t.name} (${t.host}:${t.port})`;
    const bad = t.steps.findIndex((s) => s.verdict !== "pass");
    const finding = t.findings.find((f) => f.severity === "error") ?? t.findings.find((f) => f.severity === "warning");
    const why = finding ? ` (${finding.id.replace(/-/g, " ")})` : "";
    if (t.error && (bad === -1 || t.error.step === bad || !t.steps[bad]?.reply))
        return `${where} — ${t.error.kind}: ${t.error.message}${why}`;
    const step = t.steps[bad];
    if (step?.reply) {
        const code = `${step.reply.code}${step.reply.enhanced ? ` ${step.reply.enhanced}` : ""}`;
        const on = step.command === null ? "the greeting" : `"${step.command}"`;
        return `${where} — ${code} on ${on}${why}`;
    }
    if (finding)
        return `${where} — ${finding.message}`;
    return `${where} — ${t.verdict} (${t.steps.length} steps, ${t.durationMs} ms)`;
}
/** The run in one line: the worst target's line, and how many others there are. */
function reportSummaryLine(r) {
    const order = { fail: 0, warn: 1, pass: 2 };
    const sorted = [...r.targets].sort((a, b) => order[a.verdict] - order[b.verdict]);
    const first = sorted[0];
    if (!first)
        return "no targets";
    const more = r.targets.length > 1 ? ` (+${r.targets.length - 1} more target${r.targets.length > 2 ? "s" : ""})` : "";
    return `${targetSummaryLine(first)}${more}`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts

const ICON = { pass: "✅", warn: "⚠️", fail: "❌" };
/** Escapes text for a table cell: pipes, backticks, HTML and line breaks. */
function cell(s) {
    return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\|/g, "\\|").replace(/`/g, "\\`").replace(/\r?\n/g, " ");
}
function renderMarkdown(report) {
    const out = [`## smtp-gate: ${ICON[report.verdict]} ${report.verdict}`, ""];
    for (const t of report.targets)
        out.push(`- ${ICON[t.verdict]} ${cell(targetSummaryLine(t))}`);
    out.push("");
    for (const t of report.targets)
        out.push(...renderTargetMarkdown(t), "");
    return `${out.join("\n")}\n`;
}
function renderStepTable(t) {
    const rows = [
        "| # | command | reply | class | verdict | ms |",
        "|---|---|---|---|---|---|",
    ];
    t.steps.forEach((s, i) => {
        const reply = s.reply ? `${s.reply.code}${s.reply.enhanced ? ` ${s.reply.enhanced}` : ""} ${s.reply.lines[s.reply.lines.length - 1] ?? ""}`.trim() : "—";
        const verdict = `${ICON[s.verdict]} ${s.verdict}${s.verdict === "pass" ? "" : ` (expected ${s.expected})`}`;
        rows.push(`| ${i} | ${s.command === null ? "*(greeting)*" : `\`${cell(s.command).replace(/\\`/g, "'")}\``} | ${cell(truncate(reply, 120))} | ${s.class ?? "—"} | ${verdict} | ${s.ms} |`);
    });
    return rows;
}
function renderTargetMarkdown(t) {
    const where = t.name === `${t.host}:${t.port}` ? "" : ` — \`${t.host}:${t.port}\``;
    const out = [`### ${ICON[t.verdict]} ${cell(t.name)}${where} (tls ${t.tlsMode})`, ""];
    if (t.steps.length)
        out.push(...renderStepTable(t), "");
    if (t.error)
        out.push(`**Error** (${t.error.kind}): ${cell(t.error.message)}`, "");
    for (const f of t.findings) {
        out.push(`- **${f.severity}** \`${f.id}\`${f.step !== null ? ` (step ${f.step})` : ""}: ${cell(f.message)}`);
        if (f.causes.length)
            out.push(`  - Likely causes: ${f.causes.map(cell).join(" · ")}`);
        if (f.fixes.length)
            out.push(`  - What to do: ${f.fixes.map(cell).join(" · ")}`);
    }
    if (t.tls)
        out.push("", `TLS: ${t.tls.protocol ?? "?"}, ${cell(t.tls.cipher ?? "?")}, certificate ${t.tls.authorized ? "verified" : `not verified (${cell(t.tls.authorizationError ?? "?")})`}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`);
    if (t.extensions.length)
        out.push("", `Extensions: ${t.extensions.map((e) => `\`${cell(e)}\``).join(", ")}`);
    return out;
}
function truncate(s, n) {
    return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

;// CONCATENATED MODULE: ./src/report/text.ts

const CODES = { red: 31, green: 32, yellow: 33, dim: 2, bold: 1 };
function renderText(report, opts) {
    const paint = (c, s) => (opts.color ? `\x1b[${CODES[c]}m${s}\x1b[0m` : s);
    const verdictWord = (v) => (v === "pass" ? paint("green", "pass") : v === "warn" ? paint("yellow", "WARN") : paint("red", "FAIL"));
    const out = [];
    for (const t of report.targets)
        out.push(...renderTarget(t, paint, verdictWord), "");
    for (const t of report.targets)
        out.push(`${verdictWord(t.verdict).padEnd(opts.color ? 13 : 4)}  ${targetSummaryLine(t)}`);
    const counts = ["pass", "warn", "fail"].map((v) => `${report.targets.filter((t) => t.verdict === v).length} ${v}`).join(", ");
    out.push(paint("bold", `verdict: ${report.verdict} (${counts})`));
    return `${out.join("\n")}\n`;
}
function renderTarget(t, paint, verdictWord) {
    const where = t.name === `${t.host}:${t.port}` ? "" : ` — ${t.host}:${t.port}`;
    const lines = [paint("bold", `── ${t.name}${where}, tls ${t.tlsMode} ──`)];
    if (t.tls)
        lines.push(paint("dim", `   TLS: ${t.tls.protocol} ${t.tls.cipher}, certificate ${t.tls.authorized ? "verified" : `NOT verified (${t.tls.authorizationError})`}${t.tls.subject ? `, subject ${t.tls.subject}` : ""}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`));
    t.steps.forEach((s, i) => lines.push(...renderStep(s, i, paint, verdictWord)));
    if (t.error)
        lines.push(`   ${paint("red", `✖ ${t.error.kind}`)}: ${t.error.message}${t.error.received ? ` — received "${t.error.received}"` : ""}`);
    if (t.findings.length) {
        lines.push("   findings:");
        for (const f of t.findings)
            lines.push(...renderFinding(f, paint));
    }
    return lines;
}
function renderStep(s, i, paint, verdictWord) {
    const lines = [];
    const tags = [s.extra, s.pipelined ? "pipelined" : undefined, s.check].filter(Boolean).join(", ");
    lines.push(`   ${String(i).padStart(2)} C: ${s.command ?? paint("dim", "(waiting for the greeting)")}${tags ? paint("dim", ` [${tags}]`) : ""}`);
    const judged = `${s.class ?? "no reply"} · ${verdictWord(s.verdict)}${s.verdict === "pass" ? "" : ` (expected ${s.expected})`} · ${s.ms} ms`;
    if (!s.reply) {
        lines.push(`      S: ${paint("dim", "—")}   ${judged}`);
        return lines;
    }
    const r = s.reply;
    r.lines.forEach((text, j) => {
        const last = j === r.lines.length - 1;
        const shown = `${r.code}${last ? " " : "-"}${text}`;
        lines.push(`      S: ${shown}${last ? `   ${judged}` : ""}`);
    });
    return lines;
}
function renderFinding(f, paint) {
    const sev = f.severity === "error" ? paint("red", "error") : f.severity === "warning" ? paint("yellow", "warning") : paint("dim", "notice");
    const lines = [`   ${sev} ${f.id}${f.step !== null ? ` (step ${f.step})` : ""}: ${f.message}`];
    if (f.causes.length)
        lines.push("      likely causes:", ...f.causes.map((c) => `        - ${c}`));
    if (f.fixes.length)
        lines.push("      what to do:", ...f.fixes.map((c) => `        - ${c}`));
    return lines;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/cli/args.ts
/** argv → what to do. Pure: no I/O, so every usage error is testable as a value. */

const OPTIONS = {
    host: { type: "string" }, port: { type: "string" }, tls: { type: "string" }, helo: { type: "string" },
    from: { type: "string" }, to: { type: "string", multiple: true }, user: { type: "string" },
    "password-env": { type: "string" }, "oauth-token-env": { type: "string" }, auth: { type: "string" },
    send: { type: "boolean" }, step: { type: "string", multiple: true }, config: { type: "string" },
    "fail-on": { type: "string" }, timeout: { type: "string" }, deadline: { type: "string" },
    insecure: { type: "boolean" }, ca: { type: "string" }, servername: { type: "string" }, name: { type: "string" },
    format: { type: "string" }, report: { type: "string" }, pipelining: { type: "string" }, baseline: { type: "string" }, "write-baseline": { type: "string" },
    "require-tls": { type: "boolean" }, "min-tls": { type: "string" }, "cert-min-days": { type: "string" },
    "max-step-ms": { type: "string" }, "max-total-ms": { type: "string" }, "expect-extension": { type: "string", multiple: true },
    "auth-requires-tls": { type: "boolean" }, "open-relay": { type: "string" }, "vrfy-disabled": { type: "boolean" }, demo: { type: "boolean" }, concurrency: { type: "string" },
    help: { type: "boolean", short: "h" }, version: { type: "boolean" },
};
const FORMATS = ["text", "json", "markdown"];
function parseCommand(argv) {
    if (argv[0] === "demo-mta") {
        const port = argv[1] === "--port" ? Number(argv[2]) : argv.length === 1 ? 0 : NaN;
        if (!Number.isInteger(port) || port < 0 || port > 65535)
            return { usage: "demo-mta takes only --port N (0 to 65535)" };
        return { kind: "demo-mta", port };
    }
    if (argv[0] === "explain") {
        const rest = argv.slice(1);
        let format = "text";
        const args = [];
        for (let i = 0; i < rest.length; i++) {
            const a = rest[i];
            if (a === "--format") {
                const f = rest[++i];
                if (!f || !FORMATS.includes(f))
                    return { usage: `--format must be one of ${FORMATS.join(", ")}` };
                format = f;
            }
            else if (a.startsWith("--format=")) {
                const f = a.slice(9);
                if (!FORMATS.includes(f))
                    return { usage: `--format must be one of ${FORMATS.join(", ")}` };
                format = f;
            }
            else
                args.push(a);
        }
        return { kind: "explain", args, format };
    }
    for (const a of argv) {
        // Secrets on the command line end up in shell history and `ps`: refuse them outright.
        if (/^--(password|oauth-token|token)(=|$)/.test(a))
            return { usage: `${a.split("=")[0]} is not accepted: secrets come from environment variables (--password-env VAR, --oauth-token-env VAR)` };
    }
    let parsed;
    try {
        parsed = (0,external_node_util_namespaceObject.parseArgs)({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false });
    }
    catch (e) {
        return { usage: e.message.replace(/\. To specify a positional.*$/s, "") };
    }
    const v = parsed.values;
    if (v.help)
        return { kind: "help" };
    if (v.version)
        return { kind: "version" };
    const format = (v.format ?? "text");
    if (!FORMATS.includes(format))
        return { usage: `--format must be one of ${FORMATS.join(", ")}, not "${v.format}"` };
    const concurrency = v.concurrency === undefined ? 16 : Number(v.concurrency);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024)
        return { usage: `--concurrency must be a whole number from 1 to 1024, not "${v.concurrency}"` };
    if (v.config && v.host)
        return { usage: "give either --host (one target) or --config (a file of targets), not both" };
    if (!v.demo && !v.config && !v.host)
        return { usage: "nothing to probe: give --host HOST, --config FILE or --demo (see --help)" };
    const target = {
        host: v.host, port: v.port, tls: v.tls, helo: v.helo, from: v.from, to: v.to, username: v.user,
        "password-env": v["password-env"], "oauth-token-env": v["oauth-token-env"], auth: v.auth, send: v.send,
        steps: v.step, "fail-on": v["fail-on"], timeout: v.timeout, deadline: v.deadline, insecure: v.insecure,
        ca: v.ca, servername: v.servername, name: v.name, baseline: v.baseline, pipelining: v.pipelining,
        "require-tls": v["require-tls"], "min-tls": v["min-tls"], "cert-min-days": v["cert-min-days"],
        "max-step-ms": v["max-step-ms"], "max-total-ms": v["max-total-ms"], "expect-extensions": v["expect-extension"],
        "auth-requires-tls": v["auth-requires-tls"], "open-relay": v["open-relay"], "vrfy-disabled": v["vrfy-disabled"],
    };
    for (const k of Object.keys(target))
        if (target[k] === undefined)
            delete target[k];
    return { kind: "probe", target, config: v.config, format, report: v.report, writeBaseline: v["write-baseline"], demo: v.demo ?? false, concurrency };
}
/** The CLI key for a target key, for messages: `username` → `--user`. */
function cliLabel(key) {
    if (key === "username")
        return "--user";
    if (key === "steps")
        return "--step";
    if (key === "expect-extensions")
        return "--expect-extension";
    return `--${key}`;
}
const HELP = `smtp-gate — check a mail server the way production mail uses it

Usage:
  smtp-gate --host HOST [options]          probe one server
  smtp-gate --config FILE [options]        probe every target in a YAML file
  smtp-gate --demo                         probe an embedded MTA (no network needed)
  smtp-gate explain CODE [ENHANCED]        what a reply code means (e.g. explain 550 5.1.1)
  smtp-gate demo-mta [--port N]            run the embedded MTA on 127.0.0.1 until stopped

Target:
  --host H  --port N                       port default: 25, or 465 with --tls implicit
  --tls starttls|implicit|opportunistic|none   default starttls
  --helo NAME  --from ADDR  --to ADDR (repeatable)
  --user U  --password-env VAR  --oauth-token-env VAR  --auth PLAIN|LOGIN|CRAM-MD5|XOAUTH2
  --send                                   really send the test message (DATA); otherwise RSET
  --step "LINE [=> EXPECT]" (repeatable)   custom sequence, e.g. --step "XAUTH2 login" --step "RCPT TO:<x@y> => 550"
  --insecure | --ca FILE  --servername NAME
Run:
  --fail-on hard|soft|never                default hard
  --timeout S  --deadline S                per reply/connect (default 30), and per target in total
  --concurrency N                          targets probed at once (default 16)
  --format text|json|markdown  --report FILE
Policy:
  --require-tls  --min-tls TLSv1.2  --cert-min-days N (default 14)  --max-step-ms N  --max-total-ms N
  --expect-extension KW[>=N] (repeatable, e.g. SIZE>=10485760)  --auth-requires-tls
  --open-relay true|DOMAIN  --vrfy-disabled
  --write-baseline FILE  --baseline FILE     record / compare a known-good state
Exit status: 0 pass or warn, 1 fail, 2 usage or configuration error.
`;

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI face: parse argv, resolve configuration, run the engine, render, choose the exit
 * status. Everything it writes goes through `io`, so tests run it in-process.
 */













const EXIT = { ok: 0, fail: 1, usage: 2 };
async function main(argv, io) {
    const cmd = parseCommand(argv);
    if ("usage" in cmd) {
        io.stderr(`smtp-gate: ${cmd.usage}\nRun smtp-gate --help for the options.\n`);
        return EXIT.usage;
    }
    switch (cmd.kind) {
        case "help":
            io.stdout(HELP);
            return EXIT.ok;
        case "version":
            io.stdout(`${version/* VERSION */.x}\n`);
            return EXIT.ok;
        case "explain":
            return runExplain(cmd.args, cmd.format, io);
        case "demo-mta": {
            const { startDemoMta } = await __nccwpck_require__.e(/* import() */ 539).then(__nccwpck_require__.bind(__nccwpck_require__, 2539));
            const mta = await startDemoMta(cmd.port);
            io.stdout(`smtp-gate demo MTA listening on 127.0.0.1:${mta.port}\n`);
            await new Promise((resolve) => {
                process.once("SIGTERM", resolve);
                process.once("SIGINT", resolve);
            });
            await mta.close();
            return EXIT.ok;
        }
        case "probe":
            break;
    }
    let report;
    if (cmd.demo) {
        const { runDemo } = await __nccwpck_require__.e(/* import() */ 600).then(__nccwpck_require__.bind(__nccwpck_require__, 600));
        report = await runDemo();
    }
    else {
        const targets = resolveTargets(cmd, io.env);
        if ("problems" in targets)
            return configError(targets.problems, io);
        report = await (0,run/* runTargets */.sb)(targets, { concurrency: cmd.concurrency });
    }
    if (cmd.report) {
        try {
            (0,external_node_fs_namespaceObject.writeFileSync)(cmd.report, renderJson(report));
        }
        catch (e) {
            io.stderr(`smtp-gate: cannot write the report to ${cmd.report}: ${e.message}\n`);
        }
    }
    if (cmd.writeBaseline) {
        try {
            (0,external_node_fs_namespaceObject.writeFileSync)(cmd.writeBaseline, renderBaseline(report));
        }
        catch (e) {
            io.stderr(`smtp-gate: cannot write the baseline to ${cmd.writeBaseline}: ${e.message}\n`);
        }
    }
    io.stdout(render(report, cmd.format, io.color));
    if (cmd.demo) {
        // The demo's second target fails on purpose; the demo itself succeeds when both behaved as designed.
        const asDesigned = report.targets[0]?.verdict === "pass" && report.targets[1]?.verdict === "fail";
        io.stderr(asDesigned
            ? "\nDemo: the first target passed; the second failed on purpose — a legacy sender's XAUTH2 login got 500. That is the kind of hard error smtp-gate stops a deploy for.\n"
            : "\nDemo: the embedded MTA did not behave as designed; please report this.\n");
        return asDesigned ? EXIT.ok : EXIT.fail;
    }
    return report.verdict === "fail" ? EXIT.fail : EXIT.ok;
}
function resolveTargets(cmd, env) {
    if (cmd.config) {
        const loaded = loadConfigFile(cmd.config, env, { over: cmd.target });
        return "problems" in loaded ? loaded : loaded.targets;
    }
    const r = resolveTarget(cmd.target, { env, label: (k) => cliLabel(k) });
    return "problems" in r ? r : [r];
}
function render(report, format, color) {
    if (format === "json")
        return renderJson(report);
    if (format === "markdown")
        return renderMarkdown(report);
    return renderText(report, { color });
}
function runExplain(args, format, io) {
    const q = (0,explain/* parseExplainQuery */.BC)(args);
    const e = "error" in q ? q : (0,explain/* explain */.WE)(q.code, q.enhanced);
    if ("error" in e) {
        io.stderr(`smtp-gate explain: ${e.error}\n`);
        return EXIT.usage;
    }
    io.stdout(format === "json" ? `${JSON.stringify(explainJson(e), null, 2)}\n` : renderExplainText(e));
    return EXIT.ok;
}
function configError(problems, io) {
    io.stderr(`smtp-gate: configuration error${problems.length > 1 ? "s" : ""}; nothing was sent.\n${problems.map((p) => `  ${formatProblem(p)}`).join("\n")}\n`);
    return EXIT.usage;
}

;// CONCATENATED MODULE: ./src/cli/index.ts
/** The `smtp-gate` command: hands argv to main and sets the exit status; nothing else. */

const io = {
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stderr.write(s),
    env: process.env,
    color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
};
main(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
}, (err) => {
    // Only our own bugs reach here: peer failures are values.
    process.stderr.write(`smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 3;
});

