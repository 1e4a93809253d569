/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 1049:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  _$: () => (/* binding */ HELP),
  VU: () => (/* reexport */ cliLabel),
  RM: () => (/* binding */ parseCommand)
});

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = require("node:util");
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
// EXTERNAL MODULE: ./src/model/shard.ts
var model_shard = __nccwpck_require__(8553);
;// CONCATENATED MODULE: ./src/cli/options.ts
const t = (name, key, arg, help, group = "Target") => arg === undefined ? { name, type: "boolean", key, help, group } : { name, type: "string", key, arg, help, group };
const OPTIONS = [
    t("host", "host", "HOST", "the server to probe"),
    t("mx", "mx", "DOMAIN", "probe every MX host of a mail domain, most preferred first"),
    t("port", "port", "N", "default 25, or 465 with --tls implicit"),
    t("tls", "tls", "MODE", "starttls|implicit|opportunistic|none (default starttls)"),
    t("helo", "helo", "NAME", "the EHLO name (default: this machine's host name)"),
    t("from", "from", "ADDR", "envelope sender"),
    { ...t("to", "to", "ADDR", "envelope recipient (repeatable)"), multiple: true },
    t("user", "username", "USER", "user name for AUTH"),
    t("password-env", "password-env", "VAR", "the environment variable holding the password"),
    t("oauth-token-env", "oauth-token-env", "VAR", "the environment variable holding an OAuth token"),
    t("auth", "auth", "MECH", "PLAIN|LOGIN|CRAM-MD5|XOAUTH2 (default: the best one offered)"),
    t("allow-plaintext-auth", "allow-plaintext-auth", undefined, "let credentials go without TLS to a server not on loopback"),
    t("send", "send", undefined, "really send the test message (DATA); otherwise RSET"),
    t("smuggling", "smuggling-check", undefined, "opt-in SMTP smuggling test after the message (needs --send and --to; docs/smuggling.md)"),
    { ...t("step", "steps", "LINE", 'custom step "LINE [=> EXPECT]" (repeatable), e.g. --step "RCPT TO:<x@y> => 550"'), multiple: true },
    t("insecure", "insecure", undefined, "skip certificate verification"),
    t("ca", "ca", "FILE", "trust this CA (PEM)"),
    t("servername", "servername", "NAME", "TLS server name (SNI and certificate check)"),
    t("name", "name", "NAME", "the target's name in reports"),
    t("resolver", "resolver", "HOST[:PORT]", "the DNS server to ask", "Reach"),
    t("ip", "ip", "4|6", "address family", "Reach"),
    t("every-address", "every-address", undefined, "probe every address of the host, not only the first", "Reach"),
    t("proxy-protocol", "proxy-protocol", "v1|v2", "send the HAProxy PROXY header first (an MTA behind a balancer)", "Reach"),
    t("socks5", "socks5", "HOST:PORT", "reach the target through a SOCKS5 proxy", "Reach"),
    t("socks5-username", "socks5-username", "USER", "user name for the SOCKS5 proxy", "Reach"),
    t("socks5-password-env", "socks5-password-env", "VAR", "the environment variable holding the SOCKS5 password", "Reach"),
    { name: "config", type: "string", arg: "FILE", help: "probe every target in a YAML file", group: "Run" },
    { name: "targets-file", type: "string", arg: "FILE", help: "probe one target per line (host[:port] or mx:domain), for large fleets; with --config, its defaults apply", group: "Run" },
    t("fail-on", "fail-on", "hard|soft|never", "default hard", "Run"),
    t("timeout", "timeout", "S", "seconds per reply or connect (default 30)", "Run"),
    t("deadline", "deadline", "S", "seconds per target in total", "Run"),
    { name: "concurrency", type: "string", arg: "N", help: "targets probed at once (default 16)", group: "Run" },
    t("pipelining", "pipelining", "auto|off", "RFC 2920 pipelining when advertised (default auto)", "Run"),
    { name: "shard", type: "string", arg: "I/N", help: "probe a stable subset (one job of a matrix)", group: "Run" },
    { name: "format", type: "string", arg: "text|json|markdown", help: "what goes to standard output (default text)", group: "Run" },
    { name: "report", type: "string", arg: "FILE", help: "also write the JSON report there", group: "Run" },
    { name: "demo", type: "boolean", help: "probe an embedded MTA (no network needed)", group: "Run" },
    t("require-tls", "require-tls", undefined, "fail unless the session ran over TLS", "Policy"),
    t("min-tls", "min-tls", "VERSION", "lowest TLS version accepted, e.g. TLSv1.2", "Policy"),
    t("cert-min-days", "cert-min-days", "N", "days a certificate must still be valid (default 14)", "Policy"),
    t("max-step-ms", "max-step-ms", "N", "slowest reply accepted", "Policy"),
    t("max-total-ms", "max-total-ms", "N", "longest session accepted", "Policy"),
    { ...t("expect-extension", "expect-extensions", "KW[>=N]", "an EHLO keyword that must be offered (repeatable, e.g. SIZE>=10485760)", "Policy"), multiple: true },
    t("auth-requires-tls", "auth-requires-tls", undefined, "AUTH must not be offered before TLS", "Policy"),
    t("open-relay", "open-relay", "true|DOMAIN", "check that relaying to another domain is refused", "Policy"),
    t("vrfy-disabled", "vrfy-disabled", undefined, "VRFY must not confirm addresses", "Policy"),
    t("baseline", "baseline", "FILE", "compare with a known-good state", "Policy"),
    t("domain", "domain", "DOMAIN", "the mail domain a --host serves, for its MTA-STS and TLS-RPT (--mx: that domain)", "Policy"),
    { ...t("no-mta-sts", "mta-sts", undefined, "do not read the domain's MTA-STS policy (docs/mta-sts.md)", "Policy"), negate: true },
    t("tls-audit", "tls-audit", undefined, "extra handshakes per address: TLS versions, chain, key types (docs/mta-sts.md)", "Policy"),
    { ...t("no-dane", "dane", undefined, "do not check DANE TLSA records (docs/dane.md)", "Policy"), negate: true },
    t("candidate-cert", "candidate-cert", "FILE", "a PEM chain about to be deployed: check it against TLSA and MTA-STS (docs/dane.md)", "Policy"),
    { name: "write-baseline", type: "string", arg: "FILE", help: "record a known-good state", group: "Policy" },
    { name: "help", type: "boolean", short: "h", help: "this text", group: "Other" },
    { name: "version", type: "boolean", help: "the version", group: "Other" },
];
/** The table as node:util parseArgs wants it. */
function parseArgsOptions(options) {
    return Object.fromEntries(options.map((o) => [o.name, { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) }]));
}
/** The CLI option for a target key, for messages: `username` → `--user`. */
function cliLabel(key) {
    return `--${OPTIONS.find((o) => o.key === key)?.name ?? key}`;
}
const USAGE = `smtp-gate — check a mail server the way production mail uses it

Usage:
  smtp-gate --host HOST [options]          probe one server
  smtp-gate --mx DOMAIN [options]          probe every MX host of a mail domain
  smtp-gate --config FILE [options]        probe every target in a YAML file
  smtp-gate --demo                         probe an embedded MTA (no network needed)
  smtp-gate explain CODE [ENHANCED]        what a reply code means (e.g. explain 550 5.1.1)
  smtp-gate demo-mta [--port N]            run the embedded MTA on 127.0.0.1 until stopped
  smtp-gate merge REPORT.json...           combine shard reports into one report
`;
const GROUP_TITLES = { Target: "Target", Reach: "Reaching it", Run: "Run", Policy: "Policy", Other: "Other" };
/** The help text, one line per option of the table. */
function renderHelp(options = OPTIONS) {
    const sections = Object.keys(GROUP_TITLES).map((group) => {
        const lines = options.filter((o) => o.group === group).map((o) => {
            const flag = `${o.short ? `-${o.short}, ` : ""}--${o.name}${o.arg ? ` ${o.arg}` : ""}`;
            return `  ${flag.padEnd(41)}${flag.length >= 41 ? " " : ""}${o.help}`;
        });
        return `${GROUP_TITLES[group]}:\n${lines.join("\n")}`;
    });
    return `${USAGE}\n${sections.join("\n")}\n
Credentials come from environment variables, never from the command line.
Exit status: 0 pass or warn, 1 fail, 2 usage or configuration error, 3 internal error,
4 the result could not be written (stdout, --report, --write-baseline).
`;
}

;// CONCATENATED MODULE: ./src/cli/args.ts
/** argv → what to do. Pure: no I/O, so every usage error is testable as a value. */






const HELP = renderHelp();
const FORMATS = ["text", "json", "markdown"];
const FORMAT_OPTION = { name: "format", type: "string", arg: "text|json|markdown", help: "", group: "Run" };
const MERGE_OPTIONS = [FORMAT_OPTION, { name: "report", type: "string", arg: "FILE", help: "", group: "Run" }];
const EXPLAIN_OPTIONS = [FORMAT_OPTION];
const DEMO_MTA_OPTIONS = [{ name: "port", type: "string", arg: "N", help: "", group: "Run" }];
/**
 * node:util parseArgs in strict mode over one option table. An unknown option gets the closest
 * known one ("did you mean"), as a mistyped config key does.
 */
function parseWith(argv, options, allowPositionals) {
    const config = { args: [...argv], options: parseArgsOptions(options), allowPositionals };
    try {
        const { values, positionals } = (0,external_node_util_namespaceObject.parseArgs)({ ...config, strict: true });
        return { values, positionals };
    }
    catch (e) {
        if (e.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
            const { tokens } = (0,external_node_util_namespaceObject.parseArgs)({ ...config, strict: false, allowPositionals: true, tokens: true });
            const unknown = tokens.find((tk) => tk.kind === "option" && !options.some((o) => o.name === tk.name || o.short === tk.name));
            if (unknown?.kind === "option") {
                const near = (0,keys/* closestKey */.bi)(unknown.name, options.map((o) => o.name));
                return { usage: `Unknown option '${unknown.rawName}'${near ? ` (did you mean --${near}?)` : ""}` };
            }
        }
        return { usage: e.message.replace(/\s*\n\s*/g, " ") };
    }
}
function parseFormat(value) {
    const format = value ?? "text";
    return FORMATS.includes(format) ? format : { usage: `--format ${(0,keys/* notOneOf */.NR)(String(format), FORMATS)}` };
}
function parseCommand(argv) {
    if (argv[0] === "demo-mta") {
        const parsed = parseWith(argv.slice(1), DEMO_MTA_OPTIONS, false);
        const port = "usage" in parsed ? NaN : parsed.values.port === undefined ? 0 : (0,values/* parseDecimal */.$Q)(String(parsed.values.port), true);
        if (!Number.isInteger(port) || port < 0 || port > 65535)
            return { usage: "demo-mta takes only --port N (0 to 65535)" };
        return { kind: "demo-mta", port };
    }
    if (argv[0] === "merge") {
        const parsed = parseWith(argv.slice(1), MERGE_OPTIONS, true);
        if ("usage" in parsed)
            return parsed;
        const format = parseFormat(parsed.values.format);
        if (typeof format === "object")
            return format;
        if (!parsed.positionals.length)
            return { usage: "merge needs one or more report files: smtp-gate merge shard-*.json" };
        return { kind: "merge", files: parsed.positionals, format, report: parsed.values.report };
    }
    if (argv[0] === "explain") {
        const parsed = parseWith(argv.slice(1), EXPLAIN_OPTIONS, true);
        // `explain 550 --format` has no format to show: the message says which ones there are.
        if ("usage" in parsed)
            return parsed.usage.includes("--format") ? parseFormat("") : parsed;
        const format = parseFormat(parsed.values.format);
        if (typeof format === "object")
            return format;
        return { kind: "explain", args: parsed.positionals, format };
    }
    for (const a of argv) {
        // Secrets on the command line end up in shell history and `ps`: refuse them outright.
        if (/^--(password|oauth-token|token)(=|$)/.test(a))
            return { usage: `${a.split("=")[0]} is not accepted: secrets come from environment variables (--password-env VAR, --oauth-token-env VAR)` };
    }
    const parsed = parseWith(argv, OPTIONS, false);
    if ("usage" in parsed)
        return parsed;
    const v = parsed.values;
    if (v.help)
        return { kind: "help" };
    if (v.version)
        return { kind: "version" };
    const format = parseFormat(v.format);
    if (typeof format === "object")
        return format;
    const concurrency = v.concurrency === undefined ? values/* DEFAULT_CONCURRENCY */.WH : (0,values/* parseConcurrency */.nY)(String(v.concurrency));
    if (typeof concurrency === "object")
        return { usage: `--concurrency ${concurrency.problem}` };
    let shard;
    if (v.shard !== undefined) {
        const s = (0,model_shard/* parseShard */.uK)(String(v.shard));
        if ("problem" in s)
            return { usage: `--shard ${s.problem}` };
        shard = s;
    }
    if (v.config && v.host)
        return { usage: "give either --host (one target) or --config (a file of targets), not both" };
    if (v.config && v.mx)
        return { usage: "give either --mx (one mail domain) or --config (a file of targets), not both" };
    if (v["targets-file"] && (v.host || v.mx))
        return { usage: "give either --host/--mx (one target) or --targets-file (a list of targets), not both" };
    if (!v.demo && !v.config && !v.host && !v.mx && !v["targets-file"])
        return { usage: "nothing to probe: give --host HOST, --mx DOMAIN, --config FILE, --targets-file FILE or --demo (see --help)" };
    const target = {};
    for (const o of OPTIONS)
        if (o.key && v[o.name] !== undefined)
            target[o.key] = (o.negate ? !v[o.name] : v[o.name]);
    const str = (name) => v[name];
    return { kind: "probe", target, config: str("config"), targetsFile: str("targets-file"), format, report: str("report"), writeBaseline: str("write-baseline"), demo: v.demo === true, concurrency, shard };
}


/***/ }),

/***/ 7632:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   d: () => (/* binding */ EXIT)
/* harmony export */ });
/** The command's exit statuses. 3 is set by ./index.ts for smtp-gate's own bugs; 4 also when standard output cannot be written. */
const EXIT = { ok: 0, fail: 1, usage: 2, internal: 3, output: 4 };


/***/ }),

/***/ 1440:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   GR: () => (/* binding */ SECRET_KEYS),
/* harmony export */   NR: () => (/* binding */ notOneOf),
/* harmony export */   X5: () => (/* binding */ TARGET_KEYS),
/* harmony export */   bi: () => (/* binding */ closestKey)
/* harmony export */ });
/**
 * Every per-target key, named as the action's inputs are (contract §4: "keys are the action's
 * input names"). One table serves the CLI, the action and the config file.
 */
const TARGET_KEYS = [
    "name", "host", "mx", "port", "tls", "servername", "ca", "insecure", "helo", "from", "to",
    "username", "password", "password-env", "oauth-token", "oauth-token-env", "auth", "allow-plaintext-auth",
    "send", "steps", "body", "fail-on", "timeout", "deadline", "pipelining",
    // How the target is reached.
    "resolver", "ip", "every-address", "proxy-protocol", "socks5", "socks5-username", "socks5-password", "socks5-password-env",
    // Policy assertions.
    "require-tls", "min-tls", "cert-min-days", "max-step-ms", "max-total-ms", "expect-extensions",
    "auth-requires-tls", "open-relay", "vrfy-disabled", "baseline",
    "smuggling-check",
    // Transport security of the mail domain (contract §9).
    "domain", "mta-sts", "tls-audit", "dane", "candidate-cert",
];
/** Keys whose value is a secret: a config file must reference them through `*-env`. */
const SECRET_KEYS = ["password", "oauth-token", "socks5-password"];
/**
 * The problem with a value outside an enumeration, with the nearest allowed value for a typo:
 * `must be one of hard, soft, never, not "hardd"; did you mean "hard"?`.
 */
function notOneOf(value, allowed) {
    // Two characters are too few to guess from ("v3" is no typo of "v1").
    const guess = value.length > 2 ? closestKey(value, allowed) : null;
    const list = allowed.length === 2 ? `${allowed[0]} or ${allowed[1]}` : `one of ${allowed.join(", ")}`;
    return `must be ${list}, not "${value}"${guess ? `; did you mean "${guess}"?` : ""}`;
}
/** Suggests the closest known key for a typo ("did you mean"). */
function closestKey(word, known = TARGET_KEYS, maxDistance) {
    let best = null;
    let bestD = Infinity;
    for (const k of known) {
        const d = editDistance(word.toLowerCase(), k.toLowerCase());
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

/***/ 3750:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ parseDecimal),
/* harmony export */   WH: () => (/* binding */ DEFAULT_CONCURRENCY),
/* harmony export */   iL: () => (/* binding */ valueReaders),
/* harmony export */   nY: () => (/* binding */ parseConcurrency)
/* harmony export */ });
/* unused harmony export MAX_CONCURRENCY */
/* harmony import */ var _protocol_command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1813);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1440);
/** Readers for raw config values: each checks its value and reports a problem naming the key. */


const MAX_SECONDS = 3600;
/**
 * A number as people write one in a config: decimal digits, perhaps a fraction. `Number()`
 * alone would also take 0x10 (16), 0b1, 1e3, "Infinity" and an empty string (0). NaN otherwise.
 */
function parseDecimal(text, whole = false) {
    return (whole ? /^[0-9]+$/ : /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/).test(text) ? Number(text) : NaN;
}
/** How many targets a run probes at once: `--concurrency` and the action's `concurrency` input. */
const DEFAULT_CONCURRENCY = 16;
/** Each probe holds a socket: 1,024 stays under the usual open-file limit with room for the rest. */
const MAX_CONCURRENCY = 1024;
/** `text` as a concurrency, or why it is not one (the caller names the option or input). */
function parseConcurrency(text) {
    const n = parseDecimal(text.trim(), true);
    if (!Number.isInteger(n) || n < 1 || n > MAX_CONCURRENCY)
        return { problem: `must be a whole number from 1 to ${MAX_CONCURRENCY}, not "${text}"` };
    return n;
}
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
        if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(s)) {
            problem(key, `contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(s)}; a value that reaches the wire may not contain CR, LF or NUL`);
            return undefined;
        }
        const control = (0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeControl */ .hy)(s);
        if (control) {
            problem(key, `contains ${control}; a value is printable text`);
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
            const control = (0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeControl */ .hy)(item);
            if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(item))
                problem(key, `an item contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(item)}; a value that reaches the wire may not contain CR, LF or NUL`);
            else if (control)
                problem(key, `an item contains ${control}; a value is printable text`);
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
        problem(key, (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .notOneOf */ .NR)(String(v), ["true", "false"]));
        return false;
    };
    const number = (key, min, max, what) => {
        const s = str(key);
        if (s === undefined)
            return undefined;
        const n = parseDecimal(s);
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
        const n = parseDecimal(s);
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
        problem(key, (0,_keys_js__WEBPACK_IMPORTED_MODULE_1__/* .notOneOf */ .NR)(s, allowed));
        return fallback;
    };
    /**
     * A secret, by reference (`KEY-env: VAR`, the more specific choice) or given directly (an action
     * input). Checked without echoing it; undefined when neither is set or it is unusable.
     */
    const secret = (envKey, directKey, env) => {
        const name = str(envKey);
        if (name !== undefined) {
            // Own properties only: `toString` names no variable, whatever Object.prototype holds.
            const value = Object.hasOwn(env, name) ? env[name] : undefined;
            if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
                problem(envKey, `"${name}" is not an environment variable name`);
            else if (typeof value !== "string" || value === "")
                problem(envKey, `environment variable ${name} is not set`);
            else if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(value))
                problem(envKey, `environment variable ${name} contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(value)}`);
            else
                return value;
            return undefined;
        }
        const v = directKey === null ? undefined : raw[directKey];
        if (v === undefined || v === null || v === "" || directKey === null)
            return undefined;
        const s = String(v);
        if ((0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(s)) {
            problem(directKey, `contains ${(0,_protocol_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(s)}`);
            return undefined;
        }
        return s;
    };
    return { str, list, bool, number, seconds, oneOf, secret };
}


/***/ }),

/***/ 8553:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Iw: () => (/* binding */ inShard),
/* harmony export */   uK: () => (/* binding */ parseShard)
/* harmony export */ });
/* unused harmony export fnv1a */
function parseShard(text) {
    const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
    const index = Number(m?.[1]);
    const count = Number(m?.[2]);
    if (!m || count < 1 || index < 1 || index > count)
        return { problem: `must be I/N with 1 ≤ I ≤ N (like 2/4), not "${text}"` };
    return { index, count };
}
/** FNV-1a, 32 bits: small, stable across Node versions and platforms. */
function fnv1a(text) {
    let h = 0x811c9dc5;
    for (const byte of Buffer.from(text, "utf8")) {
        h ^= byte;
        h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h;
}
function inShard(name, s) {
    return fnv1a(name) % s.count === s.index - 1;
}


/***/ }),

/***/ 1813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ describeForbidden),
/* harmony export */   HX: () => (/* binding */ hasForbiddenChars),
/* harmony export */   ML: () => (/* binding */ MAX_COMMAND_OCTETS),
/* harmony export */   fD: () => (/* binding */ refuseOutgoingLine),
/* harmony export */   hy: () => (/* binding */ describeControl),
/* harmony export */   i0: () => (/* binding */ isWhiteSpace),
/* harmony export */   rl: () => (/* binding */ verbOf)
/* harmony export */ });
/* unused harmony export MAX_AUTH_LINE_OCTETS */
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
/**
 * What a command line may not carry beyond CR, LF and NUL: a line is printable text (RFC 5321
 * §2.3.8 printable US-ASCII and SP; RFC 6531 adds UTF-8, not controls). So C0 controls (TAB
 * too), DEL, the C1 controls (NEL, U+0085, among them) and U+2028/U+2029, which consoles and some
 * parsers take as line breaks, and an ESC would restyle the terminal the value is echoed on.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;
/** The same for a message body, whose lines may hold TAB (RFC 5322 WSP). */
// eslint-disable-next-line no-control-regex -- as above
const CONTROL_BUT_TAB = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029]/;
const CONTROL_NAMES = {
    0x00: "NUL", 0x09: "TAB", 0x0a: "LF", 0x0b: "VT", 0x0c: "FF", 0x0d: "CR", 0x1b: "ESC", 0x7f: "DEL", 0x85: "NEL",
    0x2028: "LINE SEPARATOR", 0x2029: "PARAGRAPH SEPARATOR",
};
/** The first control character in `value`, named for a message (`ESC (U+001B)`), or null. */
function describeControl(value, allowTab = false) {
    const c = (allowTab ? CONTROL_BUT_TAB : CONTROL).exec(value)?.[0];
    if (c === undefined)
        return null;
    const code = c.charCodeAt(0);
    const hex = `U+${code.toString(16).toUpperCase().padStart(4, "0")}`;
    const name = CONTROL_NAMES[code];
    return name ? `${name} (${hex})` : `the control character ${hex}`;
}
/** The verb of a command line, uppercased: `mail FROM:<a@b>` → `MAIL`. */
function verbOf(line) {
    // By hand (as trim() and a split at whitespace would): every step of every target asks, several times.
    let start = 0;
    while (start < line.length && isWhiteSpace(line.charCodeAt(start)))
        start++;
    let end = start;
    while (end < line.length && !isWhiteSpace(line.charCodeAt(end)))
        end++;
    return line.slice(start, end).toUpperCase();
}
/** The characters of a regular expression's `\s` (and of trim()): ECMAScript WhiteSpace and LineTerminator. */
function isWhiteSpace(c) {
    if (c === 0x20 || (c >= 0x09 && c <= 0x0d))
        return true;
    if (c < 0xa0)
        return false;
    return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}
/** RFC 5321 §4.5.3.1.4: a command line is at most 512 octets including CRLF. */
const MAX_COMMAND_OCTETS = 512;
/** RFC 4954 §4: a line of an AUTH exchange may be up to 12,288 octets including CRLF. */
const MAX_AUTH_LINE_OCTETS = 12288;
/**
 * Why `line` must not be written, or null. Every line the session writes passes here, whatever
 * validated it before (Go's net/smtp does the same): a CR, LF or NUL would let it carry a second
 * command, and an over-long line may be cut or refused by the server.
 */
function refuseOutgoingLine(line, kind) {
    if (hasForbiddenChars(line))
        return `it contains ${describeForbidden(line)}, which would end the line and start another command`;
    const octets = Buffer.byteLength(line, "utf8") + 2;
    const limit = kind === "auth" ? MAX_AUTH_LINE_OCTETS : MAX_COMMAND_OCTETS;
    if (octets > limit)
        return `it is ${octets} octets long with CRLF, over the ${limit} that ${kind === "auth" ? "RFC 4954 §4" : "RFC 5321 §4.5.3.1.4"} allows`;
    return null;
}


/***/ }),

/***/ 181:
/***/ ((module) => {

module.exports = require("buffer");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = require("node:crypto");

/***/ }),

/***/ 1314:
/***/ ((module) => {

module.exports = require("node:dgram");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = require("node:dns");

/***/ }),

/***/ 1553:
/***/ ((module) => {

module.exports = require("node:dns/promises");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = require("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = require("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

/***/ }),

/***/ 481:
/***/ ((module) => {

module.exports = require("node:readline");

/***/ }),

/***/ 6193:
/***/ ((module) => {

module.exports = require("node:string_decoder");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = require("node:tls");

/***/ }),

/***/ 932:
/***/ ((module) => {

module.exports = require("process");

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/******/ 	// expose the modules object (__webpack_modules__)
/******/ 	__nccwpck_require__.m = __webpack_modules__;
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/compat get default export */
/******/ 	(() => {
/******/ 		// getDefaultExport function for compatibility with non-harmony modules
/******/ 		__nccwpck_require__.n = (module) => {
/******/ 			var getter = module && module.__esModule ?
/******/ 				() => (module['default']) :
/******/ 				() => (module);
/******/ 			__nccwpck_require__.d(getter, { a: getter });
/******/ 			return getter;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/ensure chunk */
/******/ 	(() => {
/******/ 		__nccwpck_require__.f = {};
/******/ 		// This file contains only the entry chunk.
/******/ 		// The chunk loading function for additional chunks
/******/ 		__nccwpck_require__.e = (chunkId) => {
/******/ 			return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 				__nccwpck_require__.f[key](chunkId, promises);
/******/ 				return promises;
/******/ 			}, []));
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/get javascript chunk filename */
/******/ 	(() => {
/******/ 		// This function allow to reference async chunks
/******/ 		__nccwpck_require__.u = (chunkId) => {
/******/ 			// return url for filenames based on template
/******/ 			return "" + chunkId + ".cli.js";
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/require chunk loading */
/******/ 	(() => {
/******/ 		// no baseURI
/******/ 		
/******/ 		// object to store loaded chunks
/******/ 		// "1" means "loaded", otherwise not loaded yet
/******/ 		var installedChunks = {
/******/ 			792: 1
/******/ 		};
/******/ 		
/******/ 		// no on chunks loaded
/******/ 		
/******/ 		var installChunk = (chunk) => {
/******/ 			var moreModules = chunk.modules, chunkIds = chunk.ids, runtime = chunk.runtime;
/******/ 			for(var moduleId in moreModules) {
/******/ 				if(__nccwpck_require__.o(moreModules, moduleId)) {
/******/ 					__nccwpck_require__.m[moduleId] = moreModules[moduleId];
/******/ 				}
/******/ 			}
/******/ 			if(runtime) runtime(__nccwpck_require__);
/******/ 			for(var i = 0; i < chunkIds.length; i++)
/******/ 				installedChunks[chunkIds[i]] = 1;
/******/ 		
/******/ 		};
/******/ 		
/******/ 		// require() chunk loading for javascript
/******/ 		__nccwpck_require__.f.require = (chunkId, promises) => {
/******/ 			// "1" is the signal for "already loaded"
/******/ 			if(!installedChunks[chunkId]) {
/******/ 				if(true) { // all chunks have JS
/******/ 					installChunk(require("./" + __nccwpck_require__.u(chunkId)));
/******/ 				} else installedChunks[chunkId] = 1;
/******/ 			}
/******/ 		};
/******/ 		
/******/ 		// no external install chunk
/******/ 		
/******/ 		// no HMR
/******/ 		
/******/ 		// no HMR manifest
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = require("node:worker_threads");
;// CONCATENATED MODULE: ./src/bounded-heap.ts
/**
 * A fleet's run in a worker thread whose young generation is bounded (issue 30).
 *
 * V8 sizes its young generation from the machine's memory (128 MiB on a 24 GiB machine) and grows
 * it toward that size whenever enough objects survive its scavenges, which a long run with many
 * sessions open does. The peak RSS then holds that much short-lived garbage: 313 MiB for 100,000
 * targets 1,000 at once, and 195 MiB at Node's default concurrency of 16, where the heap a run
 * keeps is 9 MiB (docs/benchmarks.md). The size is fixed when an isolate is made: by a start-up
 * flag (`--max-semi-space-size`), which an action cannot pass to its runner's `node`, or by a
 * Worker's `resourceLimits`, which this uses. 48 MiB is three 16 MiB semi-spaces, Node 18's
 * default on 64-bit machines; at 1,000 at once it cost no measurable CPU (`npm run bench`).
 *
 * Only a fleet pays the worker's start-up (tens of milliseconds): a single probe runs as before.
 * The old generation is not limited: a run that needs more heap gets it, as without the worker.
 */

/** At this concurrency or above (or with a targets-file) a run is a fleet's. */
const FLEET_CONCURRENCY = 64;
const YOUNG_GENERATION_MB = 48;
/** Tells a bounded worker's `workerData` from anything else a host might have started us with. */
const MARK = "smtp-gate bounded heap";
/** In a worker started by `runBounded`: what the main thread handed over; otherwise undefined. */
function boundedWorkerData() {
    if (external_node_worker_threads_namespaceObject.isMainThread)
        return undefined;
    const d = external_node_worker_threads_namespaceObject.workerData;
    return d?.mark === MARK ? { data: d.data } : undefined;
}
/**
 * Runs `entry` (the running bundle's own file) again in a worker with a bounded young generation.
 * What it writes reaches `out` in order; resolves to the exit code it set (`process.exitCode` in
 * the worker), rejects with what it threw.
 */
function runBounded(entry, data, out) {
    return new Promise((resolve, reject) => {
        const worker = new external_node_worker_threads_namespaceObject.Worker(entry, {
            workerData: { mark: MARK, data },
            resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
            // Read here rather than piped to process.stdout: a pipe stops at the reader's EPIPE and
            // would leave the rest of a fleet's report queued in memory; `out` drops it.
            stdout: true,
            stderr: true,
        });
        worker.stdout.setEncoding("utf8").on("data", out.stdout);
        worker.stderr.setEncoding("utf8").on("data", out.stderr);
        let thrown;
        worker.once("error", (err) => (thrown = err));
        // 'exit' comes after 'error', and after the worker's output has reached ours.
        worker.once("exit", (code) => (thrown === undefined ? resolve(code) : reject(thrown)));
    });
}

// EXTERNAL MODULE: ./src/cli/args.ts + 2 modules
var args = __nccwpck_require__(1049);
// EXTERNAL MODULE: ./src/cli/exit.ts
var exit = __nccwpck_require__(7632);
;// CONCATENATED MODULE: ./src/cli/index.ts
/**
 * The `smtp-gate` command: hands argv to main, guards the two output streams, sets the exit
 * status. A fleet's run (a targets-file, or --concurrency 64 and more) goes to a worker thread
 * with a bounded young generation (../bounded-heap.ts); the streams stay this thread's.
 */



/** The CLI itself, loaded only in the thread that runs it: a fleet's main thread only waits. */
const main = (argv, io) => Promise.all(/* import() */[__nccwpck_require__.e(894), __nccwpck_require__.e(766)]).then(__nccwpck_require__.bind(__nccwpck_require__, 4766)).then((m) => m.main(argv, io));
const inWorker = boundedWorkerData();
if (inWorker) {
    // The main thread owns the streams: what is written here reaches them in order.
    const io = {
        stdout: (s) => void process.stdout.write(s),
        stderr: (s) => void process.stderr.write(s),
        env: process.env,
        color: inWorker.data.color,
    };
    main(inWorker.data.argv, io).then((code) => void (process.exitCode = code), (err) => {
        io.stderr(internalError(err));
        process.exitCode = exit/* EXIT */.d.internal;
    });
}
else {
    // Without an 'error' listener a failed write to stdout (`> /dev/full`, `| head -c1`) is an
    // unhandled exception: a stack trace, and exit 1, which reads as a fail verdict.
    let stdoutGone = false;
    let stdoutFailed = false;
    process.stdout.on("error", (err) => {
        stdoutGone = true;
        // The reader left (`| head`): it has what it wanted; the verdict's status stands.
        if (err.code === "EPIPE")
            return;
        if (!stdoutFailed)
            process.stderr.write(`smtp-gate: cannot write to standard output: ${err.message}\n`);
        stdoutFailed = true;
        process.exitCode = exit/* EXIT */.d.output;
    });
    // Nowhere is left to report a failure to write stderr itself.
    let stderrGone = false;
    process.stderr.on("error", () => {
        stderrGone = true;
    });
    const io = {
        stdout: (s) => {
            if (!stdoutGone)
                process.stdout.write(s);
        },
        stderr: (s) => {
            if (!stderrGone)
                process.stderr.write(s);
        },
        env: process.env,
        color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR,
    };
    const argv = process.argv.slice(2);
    const cmd = (0,args/* parseCommand */.RM)(argv);
    const fleet = "kind" in cmd && cmd.kind === "probe" && (cmd.targetsFile !== undefined || cmd.concurrency >= FLEET_CONCURRENCY);
    // process.argv[1]: this command's own file, as node was asked to run it.
    const run = fleet && process.argv[1] ? runBounded(process.argv[1], { argv, color: io.color }, io) : main(argv, io);
    run.then((code) => {
        process.exitCode = stdoutFailed ? exit/* EXIT */.d.output : code;
    }, (err) => {
        io.stderr(internalError(err));
        process.exitCode = exit/* EXIT */.d.internal;
    });
}
/** Only our own bugs reach here: user mistakes, peer failures and unwritable files are values. */
function internalError(err) {
    return `smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` +
        "This is a bug in smtp-gate; please report it with the command line (secrets left out) and the message above.\n";
}

module.exports = __webpack_exports__;
/******/ })()
;