/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 7227:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QZ: () => (/* binding */ loadCrypto),
/* harmony export */   Ts: () => (/* binding */ loadOs),
/* harmony export */   _v: () => (/* binding */ loadTls)
/* harmony export */ });
const loadTls = () => process.getBuiltinModule("node:tls");
const loadCrypto = () => process.getBuiltinModule("node:crypto");
const loadOs = () => process.getBuiltinModule("node:os");


/***/ }),

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
    "name", "host", "mx", "port", "tls", "servername", "ca", "insecure", "helo", "from", "to",
    "username", "password", "password-env", "oauth-token", "oauth-token-env", "auth", "allow-plaintext-auth",
    "send", "steps", "body", "fail-on", "timeout", "deadline", "pipelining",
    // How the target is reached.
    "resolver", "ip", "every-address", "proxy-protocol", "socks5", "socks5-username", "socks5-password", "socks5-password-env",
    // Policy assertions.
    "require-tls", "min-tls", "cert-min-days", "max-step-ms", "max-total-ms", "expect-extensions",
    "auth-requires-tls", "open-relay", "vrfy-disabled", "baseline",
    "smuggling-check",
];
/** Keys whose value is a secret: a config file must reference them through `*-env`. */
const SECRET_KEYS = ["password", "oauth-token", "socks5-password"];
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

/***/ 1194:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   i: () => (/* binding */ localIo)
/* harmony export */ });
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(7227);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2691);
/**
 * What resolving a target needs from the machine — the files it names (`ca`, `baseline`) and this
 * host's name (the default EHLO name) — read by the faces (CLI, action, config loader) and passed
 * in, so that src/config/resolve.ts does no I/O itself.
 */


function localIo() {
    return { readFile: _read_file_js__WEBPACK_IMPORTED_MODULE_0__/* .readTextFile */ .Gu, hostname: (0,_builtins_js__WEBPACK_IMPORTED_MODULE_1__/* .loadOs */ .Ts)().hostname() };
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

/***/ 2691:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gu: () => (/* binding */ readTextFile),
/* harmony export */   SK: () => (/* binding */ FILE_LIMITS)
/* harmony export */ });
/* unused harmony exports readFileLimited, formatBytes */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * The one way smtp-gate reads a file it was pointed at (a config, a CA bundle, a baseline, a
 * report): with a size limit checked before and while reading. Before, from fstat, for a regular
 * file; while, by reading at most limit + 1 bytes, for what fstat cannot size (/dev/zero, a pipe,
 * /proc files all say 0). Without it `--config /dev/zero` reads until memory runs out.
 */

const MiB = 1024 * 1024;
/** What each kind of file may weigh, with room to spare over the largest real one. */
const FILE_LIMITS = {
    /** A 200-target config is about 40 KB; 10,000 targets fit. */
    config: 4 * MiB,
    /** The whole Mozilla root store as PEM is about 220 KB. */
    ca: 1 * MiB,
    /** A baseline holds a few hundred bytes of facts per target. */
    baseline: 16 * MiB,
    /** A report holds each target's transcript (at most 256 K characters each). */
    report: 64 * MiB,
    /** GitHub caps webhook payloads at 25 MB. */
    event: 32 * MiB,
};
const CHUNK = 64 * 1024;
/** The file's bytes, or why not: `cannot read "x": ENOENT`, `"x" is larger than 4 MiB, the limit for a config file`. */
function readFileLimited(path, limit, what) {
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, "r");
    }
    catch (e) {
        return { problem: `cannot read "${path}": ${errorCode(e)}` };
    }
    const tooBig = () => ({ problem: `"${path}" is larger than ${formatBytes(limit)}, the limit for ${what}` });
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
        if (stat.isDirectory())
            return { problem: `cannot read "${path}": it is a folder` };
        if (stat.size > limit)
            return tooBig();
        // A regular file in one read (and one more to see its end); anything else in growing chunks.
        let buffer = Buffer.allocUnsafe(Math.min(limit + 1, stat.isFile() && stat.size > 0 ? stat.size + 1 : CHUNK));
        let total = 0;
        for (;;) {
            if (total === buffer.length) {
                const bigger = Buffer.allocUnsafe(Math.min(limit + 1, buffer.length * 2));
                buffer.copy(bigger, 0, 0, total);
                buffer = bigger;
            }
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, buffer, total, buffer.length - total, null);
            if (n === 0)
                return buffer.subarray(0, total);
            total += n;
            if (total > limit)
                return tooBig();
        }
    }
    catch (e) {
        return { problem: `cannot read "${path}": ${errorCode(e)}` };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    }
}
/** The file as UTF-8 text, or why not (see readFileLimited). */
function readTextFile(path, limit, what) {
    const bytes = readFileLimited(path, limit, what);
    return Buffer.isBuffer(bytes) ? bytes.toString("utf8") : bytes;
}
/** `4 MiB`, `512 KiB`, `100 bytes`: limits are written the way they were chosen. */
function formatBytes(n) {
    if (n >= MiB && n % MiB === 0)
        return `${n / MiB} MiB`;
    if (n >= 1024 && n % 1024 === 0)
        return `${n / 1024} KiB`;
    return `${n} bytes`;
}
function errorCode(e) {
    return e.code ?? e.message;
}


/***/ }),

/***/ 4147:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  u: () => (/* binding */ resolveTarget)
});

// EXTERNAL MODULE: ./src/protocol/auth.ts
var auth = __nccwpck_require__(1880);
// EXTERNAL MODULE: ./src/protocol/address.ts
var address = __nccwpck_require__(1020);
// EXTERNAL MODULE: ./src/protocol/command.ts
var command = __nccwpck_require__(1813);
// EXTERNAL MODULE: ./src/protocol/steps.ts
var protocol_steps = __nccwpck_require__(7547);
// EXTERNAL MODULE: ./src/config/target.ts
var config_target = __nccwpck_require__(5165);
// EXTERNAL MODULE: ./src/config/read-file.ts
var read_file = __nccwpck_require__(2691);
;// CONCATENATED MODULE: ./src/config/resolve-network.ts
/**
 * How a target is reached (contract §7): the DNS server for address expansion, the address
 * family, every address of a host, a PROXY protocol header, a SOCKS5 proxy. Validated here, before
 * anything is sent; each problem names its key.
 */

/** `HOST[:PORT]`, `[v6]:PORT` or a bare IPv6 address; null with a message when malformed. */
function parseHostPort(text, defaultPort) {
    const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? ((0,address/* ipFamily */.Mr)(text) === 6 ? [text, text, undefined] : /^([^:]+)(?::(\d+))?$/.exec(text));
    const host = m?.[1];
    if (!m || !host || (0,address/* checkHost */.RC)(host) !== null)
        return { problem: `"${text}" is not HOST[:PORT] (an IPv6 address with a port goes in brackets: [2001:db8::53]:53)` };
    const port = m[2] === undefined ? defaultPort : Number(m[2]);
    if (!Number.isInteger(port) || port < 1 || port > 65535)
        return { problem: `"${text}" has a port outside 1 to 65535` };
    return { host, port };
}
function resolveNetwork(r, env, problem) {
    const out = {};
    const at = (key, defaultPort) => {
        const text = r.str(key);
        if (text === undefined)
            return undefined;
        const hp = parseHostPort(text, defaultPort);
        if ("problem" in hp)
            problem(key, hp.problem);
        else
            return hp;
        return undefined;
    };
    const resolver = at("resolver", 53);
    if (resolver)
        out.resolver = resolver;
    const ip = r.str("ip");
    if (ip !== undefined) {
        if (ip === "4" || ip === "6")
            out.ip = Number(ip);
        else
            problem("ip", `must be 4 or 6, not "${ip}"`);
    }
    if (r.bool("every-address"))
        out.everyAddress = true;
    const proxy = r.str("proxy-protocol");
    if (proxy !== undefined)
        out.proxyProtocol = r.oneOf("proxy-protocol", ["v1", "v2"], "v1");
    const socks = at("socks5", 1080);
    const username = r.str("socks5-username");
    const password = r.secret("socks5-password-env", "socks5-password", env);
    // RFC 1929 §2: each field is 1 to 255 octets.
    if (username !== undefined && Buffer.byteLength(username) > 255)
        problem("socks5-username", "is longer than 255 octets (RFC 1929)");
    if (password !== undefined && Buffer.byteLength(password) > 255)
        problem("socks5-password-env", "holds a password longer than 255 octets (RFC 1929)");
    if ((username === undefined) !== (password === undefined) && (username !== undefined || r.str("socks5-password-env") === undefined)) {
        problem(username === undefined ? "socks5-username" : "socks5-password-env", "the SOCKS5 proxy's username and password go together");
    }
    if ((username !== undefined || password !== undefined) && !socks && r.str("socks5") === undefined)
        problem("socks5", "is required with socks5-username and socks5-password");
    if (socks)
        out.socks5 = { ...socks, credentials: username !== undefined && password !== undefined ? { username, password } : null };
    return out;
}

// EXTERNAL MODULE: ./src/config/policy.ts
var policy = __nccwpck_require__(9706);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
;// CONCATENATED MODULE: ./src/config/resolve-policy.ts
/** The policy keys of a target, validated. */




function resolvePolicy(raw, c) {
    const ms = (key) => {
        const s = c.str(key);
        if (s === undefined)
            return null;
        const n = (0,values/* parseDecimal */.$)(s, true);
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
        const n = (0,values/* parseDecimal */.$)(days, true);
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
        if ((0,address/* checkHost */.RC)(openRelay)) {
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
    const text = c.readFile(file, read_file/* FILE_LIMITS */.SK.baseline, "a baseline");
    if (typeof text !== "string") {
        c.problem("baseline", text.problem);
        return null;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch (e) {
        c.problem("baseline", `cannot read "${path}" as a baseline: ${e.message}`);
        return null;
    }
    const b = parsed;
    if (b.schema !== "smtp-gate/baseline@1" || typeof b.targets !== "object" || b.targets === null) {
        c.problem("baseline", `"${path}" is not a smtp-gate baseline (write one with --write-baseline)`);
        return null;
    }
    return { file: path, facts: b.targets[c.name] ?? null };
}

;// CONCATENATED MODULE: ./src/config/resolve.ts
/**
 * Turns raw values (from argv, action inputs or a YAML file) into a validated TargetConfig.
 * Every check runs before anything is sent; each problem names its field. Pure: the files a
 * target names and the host name come in through the context (./local-io.ts).
 */









function resolveTarget(raw, ctx) {
    const problems = [];
    const problem = (key, message) => problems.push({ field: ctx.label(key), message, ...ctx.where?.(key) });
    const readers = (0,values/* valueReaders */.i)(raw, problem);
    const { str, list, bool, seconds, oneOf } = readers;
    let host = str("host");
    const mx = str("mx")?.replace(/\.$/, "");
    if (mx !== undefined) {
        const bad = (0,address/* checkHost */.RC)(mx);
        if (bad)
            problem("mx", `"${mx}" ${bad}`);
        else if (host !== undefined)
            problem("mx", "give either host (one server) or mx (a mail domain's MX hosts), not both");
        host = mx;
    }
    else if (host === undefined && isAbsent(raw.host))
        problem("host", "is required");
    else if (host !== undefined) {
        host = host.replace(/^\[(.*)\]$/, "$1");
        const bad = (0,address/* checkHost */.RC)(host);
        if (bad)
            problem("host", `"${host}" ${bad}`);
    }
    const tls = oneOf("tls", config_target/* TLS_MODES */.F, "starttls");
    const portText = str("port");
    let port = tls === "implicit" ? 465 : 25;
    if (portText !== undefined) {
        const n = (0,values/* parseDecimal */.$)(portText, true);
        if (!Number.isInteger(n) || n < 1 || n > 65535)
            problem("port", `must be a whole number from 1 to 65535, not "${portText}"`);
        else
            port = n;
    }
    const heloGiven = str("helo");
    const helo = heloGiven ?? defaultHelo(ctx.hostname);
    if (heloGiven !== undefined) {
        const bad = (0,address/* checkEhloName */.qc)(helo);
        if (bad)
            problem("helo", `"${helo}" ${bad}`);
    }
    const to = list("to");
    for (const addr of to) {
        const bad = (0,address/* checkMailbox */.Tf)(addr);
        if (bad)
            problem("to", `"${addr}" ${bad}`);
    }
    const username = str("username");
    let from = str("from");
    if (from !== undefined) {
        const bad = (0,address/* checkMailbox */.Tf)(from);
        if (bad)
            problem("from", `"${from}" ${bad}`);
    }
    else {
        // Submission servers often insist the sender is the logged-in user; that is the best guess.
        from = username && (0,address/* checkMailbox */.Tf)(username) === null ? username : `smtp-gate@${helo.replace(/^\[|\]$/g, "")}`;
    }
    const credentials = resolveCredentials(raw, ctx, readers, problem, username);
    const send = bool("send");
    const allowPlaintextAuth = bool("allow-plaintext-auth");
    let steps = null;
    /** 0-based index into stepLines of each kept step, for messages that name a step's line. */
    const stepAt = [];
    const stepLines = raw.steps === undefined || raw.steps === null || raw.steps === "" ? null : Array.isArray(raw.steps) ? raw.steps.map(String) : String(raw.steps).split(/\r?\n/);
    if (stepLines) {
        steps = [];
        const stepProblem = (i, message) => {
            const w = ctx.where?.("steps");
            problems.push({ field: `${ctx.label("steps")} line ${i + 1}`, message, ...(w ? { file: w.file, line: ctx.stepLine?.(i) ?? w.line } : {}) });
        };
        stepLines.forEach((text, i) => {
            // Checked before trimming: CR, LF or NUL anywhere in a step is refused, not repaired.
            if ((0,command/* hasForbiddenChars */.HX)(text)) {
                stepProblem(i, `contains ${(0,command/* describeForbidden */.FM)(text)}, which would inject a second command`);
                return;
            }
            const t = text.trim();
            if (!t || t.startsWith("#"))
                return;
            // Also before trimming (TAB, VT, FF and U+2028 are trimmed away), and without echoing the line.
            const control = (0,command/* describeControl */.hy)(text);
            if (control) {
                stepProblem(i, `contains ${control}; a step is printable text`);
                return;
            }
            const r = (0,protocol_steps/* parseStepLine */.gj)(t);
            if ("error" in r)
                stepProblem(i, `"${t}" ${r.error}`);
            else {
                steps?.push(r);
                stepAt.push(i);
            }
        });
        if (steps.length === 0)
            problem("steps", "has no steps");
        for (const s of steps) {
            const verb = (0,command/* verbOf */.rl)(s.line);
            if (verb === "DATA" && !send)
                problem("steps", "contains DATA, which delivers a message: set send to true to allow it");
            // RFC 3030: BDAT delivers too, and its size must match the bytes that follow, so smtp-gate writes it.
            if (verb === "BDAT" && !send)
                problem("steps", "contains BDAT, which delivers a message (RFC 3030): set send to true to allow it");
            else if (verb === "BDAT" && s.line.trim().toUpperCase() !== "BDAT")
                problem("steps", `"${s.line}": write BDAT alone; smtp-gate sends the test message as one chunk with its size and LAST`);
            if (/\{to\}/.test(s.line) && to.length === 0)
                problem("steps", `"${s.line}" uses {to} but no recipient (to) is configured`);
            if (protocol_steps/* CREDENTIAL_AUTH_STEP */.M.test(s.line) && !credentials)
                problem("steps", `"${s.line}" needs credentials: set username and ${ctx.label("password-env")} (or ${ctx.label("oauth-token-env")})`);
        }
        // RFC 4954 §4, contract §7: credentials go only after TLS when TLS is asked for, and never
        // before a STARTTLS the sequence itself runs later.
        const firstAuth = steps.findIndex((s) => protocol_steps/* CREDENTIAL_AUTH_STEP */.M.test(s.line));
        const firstStartTls = steps.findIndex((s) => (0,command/* verbOf */.rl)(s.line) === "STARTTLS");
        if (credentials && firstAuth !== -1 && (firstStartTls > firstAuth || (firstStartTls === -1 && tls === "starttls"))) {
            stepProblem(stepAt[firstAuth], firstStartTls > firstAuth
                ? `"${steps[firstAuth]?.line}" comes before the STARTTLS step: the credentials would cross the network in clear text. Put STARTTLS (and EHLO again) before it`
                : `"${steps[firstAuth]?.line}" would send the credentials in clear text: ${ctx.label("tls")} is starttls but no step runs STARTTLS. Put STARTTLS (and EHLO again) before it`);
        }
    }
    // Clear text known up front: a server not on loopback without TLS needs the explicit opt-in.
    const sendsCredentials = credentials !== null && (steps ? steps.some((s) => protocol_steps/* CREDENTIAL_AUTH_STEP */.M.test(s.line)) : true);
    if (sendsCredentials && tls === "none" && !allowPlaintextAuth && host !== undefined && mx === undefined && !(0,address/* isLoopbackHost */.cW)(host)) {
        problem("allow-plaintext-auth", `is not set, so the credentials cannot be sent: ${ctx.label("tls")} is none and ${host} is not a loopback address. Use TLS (starttls or implicit), or set ${ctx.label("allow-plaintext-auth")} to send them in clear text anyway`);
    }
    if (send && !stepLines && to.length === 0)
        problem("send", "needs at least one recipient (to)");
    const smugglingCheck = bool("smuggling-check");
    if (smugglingCheck && !send)
        problem("smuggling-check", `sends one test message per end-of-data variant: set ${ctx.label("send")} to true to allow it`);
    if (smugglingCheck && to.length === 0)
        problem("smuggling-check", "needs a recipient (to) for its test messages");
    const failOn = oneOf("fail-on", config_target/* FAIL_ON */.d, "hard");
    const pipelining = oneOf("pipelining", ["auto", "off"], "auto");
    const timeout = seconds("timeout", 30);
    const deadline = seconds("deadline");
    const insecure = bool("insecure");
    const servername = str("servername");
    let ca;
    const caPath = str("ca");
    if (caPath !== undefined) {
        const text = ctx.readFile(ctx.baseDir && !caPath.startsWith("/") ? `${ctx.baseDir}/${caPath}` : caPath, read_file/* FILE_LIMITS */.SK.ca, "a CA bundle");
        if (typeof text !== "string")
            problem("ca", text.problem);
        else if (!text.includes("-----BEGIN CERTIFICATE-----"))
            problem("ca", `"${caPath}" holds no PEM certificate`);
        else
            ca = text;
    }
    const body = raw.body === undefined || raw.body === null ? undefined : String(raw.body);
    const bodyControl = body?.split(/\r\n|\r|\n/).map((line) => (0,command/* describeControl */.hy)(line, true)).find((c) => c !== null);
    if (bodyControl)
        problem("body", `contains ${bodyControl}; a message line is printable text (TAB allowed)`);
    const defaultName = mx !== undefined ? `mx ${mx}` : `${host}:${port}`;
    const policy = resolvePolicy(raw, { str, list, bool, oneOf, problem, baseDir: ctx.baseDir, readFile: ctx.readFile, name: str("name") ?? defaultName });
    const network = resolveNetwork(readers, ctx.env, problem);
    if (network.socks5 && mx !== undefined)
        problem("socks5", "does not go with mx: the MX lookup and the address expansion would happen here, not on the proxy's side");
    if (problems.length)
        return { problems };
    // The optional keys go on afterwards: a spread inside an object literal makes every property
    // after it a slow definition, and a fleet's config resolves hundreds of targets.
    const target = {
        policy,
        pipelining,
        name: str("name") ?? defaultName,
        host: host, port, tls, servername, ca, insecure, helo, from, to, credentials, allowPlaintextAuth, send, steps, body, failOn,
        timeoutMs: Math.round(timeout * 1000),
    };
    if (mx !== undefined)
        target.mx = mx;
    Object.assign(target, network);
    if (smugglingCheck)
        target.smugglingCheck = true;
    if (deadline !== undefined)
        target.deadlineMs = Math.round(deadline * 1000);
    if (ctx.source)
        target.source = ctx.source;
    return target;
}
function resolveCredentials(raw, ctx, { str, secret }, problem, username) {
    // A named variable is the more specific choice (a config target's own) over a face-wide value.
    const password = secret("password-env", "password", ctx.env);
    const oauthToken = secret("oauth-token-env", "oauth-token", ctx.env);
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
function defaultHelo(h) {
    // EHLO wants a fully qualified name (RFC 5321 §4.1.1.1); a bare host name is often refused.
    return h.includes(".") && (0,address/* checkEhloName */.qc)(h) === null ? h : "localhost.localdomain";
}


/***/ }),

/***/ 5165:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ TLS_MODES),
/* harmony export */   d: () => (/* binding */ FAIL_ON)
/* harmony export */ });
const TLS_MODES = ["starttls", "implicit", "opportunistic", "none"];
const FAIL_ON = ["hard", "soft", "never"];


/***/ }),

/***/ 3750:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ parseDecimal),
/* harmony export */   i: () => (/* binding */ valueReaders)
/* harmony export */ });
/* harmony import */ var _protocol_command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1813);
/** Readers for raw config values: each checks its value and reports a problem naming the key. */

const MAX_SECONDS = 3600;
/**
 * A number as people write one in a config: decimal digits, perhaps a fraction. `Number()`
 * alone would also take 0x10 (16), 0b1, 1e3, "Infinity" and an empty string (0). NaN otherwise.
 */
function parseDecimal(text, whole = false) {
    return (whole ? /^[0-9]+$/ : /^(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/).test(text) ? Number(text) : NaN;
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
        problem(key, `must be true or false, not "${v}"`);
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
        problem(key, `must be one of ${allowed.join(", ")}, not "${s}"`);
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
/* harmony export */   al: () => (/* binding */ perStep),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   p_: () => (/* binding */ list),
/* harmony export */   ph: () => (/* binding */ codeText),
/* harmony export */   xJ: () => (/* binding */ severityOf)
/* harmony export */ });
/* harmony import */ var _protocol_reply_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6488);

/**
 * The findings of a rule that looks at each step alone (at most one per step), in step order.
 * A loop, not flatMap: every target of a fleet runs the rules in its last, busiest round, and
 * flatMap makes an array per step.
 */
function perStep(p, f) {
    const out = [];
    for (let i = 0; i < p.steps.length; i++) {
        const found = f(p.steps[i], i);
        if (found)
            out.push(found);
    }
    return out;
}
function finding(id, severity, step, message, causes, fixes, ruledOut = []) {
    return { id, severity, step, message, causes, ruledOut, fixes };
}
/** A step's verdict as a finding severity: fail → error, warn → warning. */
const severityOf = (s) => (s.verdict === "fail" ? "error" : s.verdict === "warn" ? "warning" : "notice");
function codeText(s) {
    return s.reply ? (0,_protocol_reply_js__WEBPACK_IMPORTED_MODULE_0__/* .replyCodeText */ .tI)(s.reply) : "no reply";
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

/***/ 6449:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  sb: () => (/* binding */ runTargets)
});

// UNUSED EXPORTS: mapLimit, probeTarget, targetVerdict

// EXTERNAL MODULE: ./src/engine/verdict.ts
var engine_verdict = __nccwpck_require__(6559);
// EXTERNAL MODULE: ./src/config/policy.ts
var config_policy = __nccwpck_require__(9706);
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
;// CONCATENATED MODULE: ./src/knowledge/causes.ts
const k = (servers, text) => ({ text, servers: Array.isArray(servers) ? servers : [servers] });
/** The causes, by id. */
const CAUSES = {
    "nonstandard-command": {
        text: "The sender uses a command this server does not implement (a legacy or home-made name such as XAUTH2 instead of AUTH, or a typo).",
        evidence: "nonstandard-command",
        matches: /non-standard command|XAUTH2|command sent in the wrong order or not supported/i,
        fixes: [{ text: "Make the sender use only commands the server's EHLO reply advertises (RFC 5321 §4.1.1.1; AUTH per RFC 4954)." }],
    },
    "feature-disabled": {
        text: "The server knows the command but has it switched off on this listener.",
        evidence: "feature-disabled",
        matches: /does not offer the command|not enabled on this port/i,
        fixes: [{ text: "Enable the feature on this listener if the sender needs it, or point the sender at the listener that has it (587 for submission)." }],
    },
    "inspecting-appliance": {
        text: "An SMTP-inspecting firewall or appliance in the path (Cisco PIX \"fixup smtp\", ASA \"inspect esmtp\") rewrites or blocks commands it does not know.",
        evidence: "inspecting-appliance",
        matches: /fixup|inspect esmtp|inspects or rewrites|SMTP inspection|middle box|inside and outside the firewall|isolate the middle box/i,
        fixes: [
            { text: "Compare the session from inside the network with the one from here: `{openssl}`; if they differ (asterisks in the banner, XXXX, no STARTTLS), an appliance rewrites SMTP." },
            { text: "Disable SMTP inspection on the appliance: `no fixup protocol smtp 25` (PIX) or remove `inspect esmtp` from the ASA policy-map." },
        ],
    },
    "tls-stream": {
        text: "The TLS stream was corrupted: the client went on writing plain text after STARTTLS, or something in the path interfered with the encrypted stream.",
        evidence: "tls-stream",
        matches: /TLS negotiation failure|corrupted the command stream/i,
        fixes: [{ text: "Repeat the session by hand: `{openssl}`." }],
    },
    "line-endings": {
        text: "Wrong line endings: bare LF instead of CRLF, so the server sees one long or garbled command (RFC 5321 §2.3.8).",
        evidence: "line-endings",
        matches: /line endings|bare LF|\bCRLF\b/i,
        fixes: [{ text: "Make the sender end every command with CRLF." }],
    },
    "non-smtp-proxy": {
        text: "A proxy or load balancer in the path that speaks something other than plain SMTP (an HTTP proxy, a PROXY-protocol mismatch).",
        evidence: "non-smtp-proxy",
        matches: /proxy or load balancer|transparent proxy/i,
        fixes: [{ text: "Connect by hand (`{nc}`) and compare the banner with the MTA's own." }],
    },
    // Relaying (RFC 5321 §3.6.2)
    "relay-not-authenticated": {
        text: "The recipient's domain is not one this server receives mail for, and the client did not authenticate, so relaying to it is refused.",
        evidence: "not-authenticated",
        fixes: [
            { text: "Authenticate before sending to outside domains (submission on 587 with AUTH), or send to the recipient domain's own MX." },
            k("postfix", "Postfix: relaying is allowed by `smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination` in main.cf; add the domain to `relay_domains` only if this server should accept it."),
            k("exim", "Exim: the RCPT ACL (`acl_smtp_rcpt`) accepts relaying for `hosts = +relay_from_hosts` and `authenticated = *`; add the domain to `relay_to_domains` only if this server should accept it."),
            k("sendmail", "Sendmail: authenticated clients relay with `TRUST_AUTH_MECH`; allow a domain with `To:example.net RELAY` in /etc/mail/access (then `makemap hash /etc/mail/access < /etc/mail/access`)."),
            k("opensmtpd", "OpenSMTPD: only a `match auth from any for any action \"relay\"` (or `match from src <trusted>`) rule in smtpd.conf lets a client relay; the `match from any for domain <local>` rule covers only local domains."),
            k("haraka", "Haraka: relaying needs an authenticated session (`connection.relaying` is set by the auth plugin) or the `relay` plugin with the client in config/relay_acl_allow."),
            k("exchange", "Exchange: anonymous clients may not relay; use an authenticated connection (SMTP client submission on 587) or a dedicated receive connector that grants `Ms-Exch-SMTP-Accept-Any-Recipient` to the sender's IP."),
            k("aiosmtpd", "aiosmtpd: relaying is decided by the handler's `handle_RCPT`; check which domains it accepts without authentication."),
        ],
    },
    "relay-client-not-trusted": {
        text: "The client is authenticated or trusted elsewhere, but not for relaying from this address: its IP is not in the relay networks and the session's identity has no relay right.",
        evidence: "client-not-trusted",
        fixes: [
            k("postfix", "Postfix: check `mynetworks` and that `permit_sasl_authenticated` comes before `reject_unauth_destination`."),
            k("exim", "Exim: check `hostlist relay_from_hosts` and the `authenticated = *` clause in the RCPT ACL."),
            k("exchange", "Exchange: grant relay on the receive connector that handles this client (Get-ReceiveConnector | fl RemoteIPRanges, PermissionGroups)."),
            { text: "Check the server's relay rules for this client's address and identity." },
        ],
    },
    // Recipients
    "mailbox-missing": {
        text: "The recipient mailbox does not exist on this server (a typo, a deleted account, or a missing alias).",
        fixes: [
            { text: "Check the address with its owner." },
            k("postfix", "Postfix: look the address up in the recipient tables: `postmap -q {rcpt} $(postconf -h virtual_mailbox_maps)`; for local users check `local_recipient_maps` and `alias_maps`."),
            k("exim", "Exim: \"Unrouteable address\" means no router accepted the address: test it with `exim -bt {rcpt}` and check the routers and the domain lists (`local_domains`)."),
            k("sendmail", "Sendmail: test with `sendmail -bv {rcpt}`; add the user, an alias in /etc/mail/aliases (`newaliases`), or a virtusertable entry."),
            k("opensmtpd", "OpenSMTPD: add the address to the table of the `action ... virtual <table>` (or `alias <table>`) rule that matches it, then `smtpctl update table NAME`."),
            k("haraka", "Haraka: the recipient is refused by a `rcpt_to.*` plugin (rcpt_to.in_host_list, qmail-deliverable, ldap): check that plugin's list for the address."),
            k("exchange", "Exchange: check the recipient exists (Get-Recipient) and that recipient filtering or Directory-Based Edge Blocking knows it."),
            k("aiosmtpd", "aiosmtpd: the handler's `handle_RCPT` refused the address: check the mailboxes it knows."),
            k("qmail", "qmail: check /var/qmail/control/rcpthosts, virtualdomains and the user's .qmail files."),
        ],
    },
    "expansion-failed": {
        text: "The address exists as an alias, list or virtual entry, but expanding it failed: it resolves to no deliverable mailbox, loops, or names a table the server cannot read (RFC 3463 X.2.4).",
        fixes: [
            k("opensmtpd", "OpenSMTPD: check the `virtual` / `alias` table the matching `action` uses: the address must map to an existing user (`smtpctl show table NAME`; then `smtpctl update table NAME`); `smtpd -dv -T expand` shows why expansion failed."),
            k("postfix", "Postfix: check `virtual_alias_maps` and `alias_maps` for the address (`postmap -q`), and the mail log for the expansion error."),
            k("exim", "Exim: test with `exim -bt {rcpt}` and read the redirect router's error."),
            { text: "Check the alias or list the address expands to, and the server's log for the expansion error." },
        ],
    },
    // Authentication (RFC 4954 §6)
    "wrong-credentials": {
        text: "Wrong username or password, or the account is locked or disabled.",
        evidence: "wrong-credentials",
        fixes: [{ text: "Check the username and password with the provider's or the server's own tools (log in to the mailbox with them)." }],
    },
    "sasl-backend": {
        text: "The server's authentication backend does not accept this account (wrong password database, realm or user name format).",
        fixes: [
            k("postfix", "Postfix: check the SASL backend (`smtpd_sasl_type`, `smtpd_sasl_path`; with Dovecot, its auth log: `doveadm auth test USER`)."),
            k("exim", "Exim: check the authenticator's `server_condition` (e.g. the password lookup in the plain/login authenticators) with `exim -d+auth`."),
            k("sendmail", "Sendmail: check saslauthd (`testsaslauthd -u USER -p PASS`) and `confAUTH_MECHANISMS` / `TRUST_AUTH_MECH` in sendmail.mc."),
            k("opensmtpd", "OpenSMTPD: check the `auth <table>` of the `listen` line in smtpd.conf; passwords there are `smtpctl encrypt` hashes."),
            k("haraka", "Haraka: check the auth plugin's users (config/auth_flat_file.ini for auth/flat_file)."),
            k("exchange", "Microsoft 365 / Exchange: SMTP AUTH must be enabled for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $false) and the organisation."),
            k("gmail", "Gmail / Google Workspace: use an app password (with 2-Step Verification) or XOAUTH2; plain passwords are refused."),
            k("aiosmtpd", "aiosmtpd: the `authenticator` callback refused the credentials: check the accounts it knows."),
        ],
    },
    "basic-auth-disabled": {
        text: "The provider turned off password (basic) authentication: Microsoft 365 and Google require OAuth 2 (XOAUTH2) or an app password.",
        evidence: "basic-auth-disabled",
        servers: ["exchange", "gmail"],
        fixes: [
            k("exchange", "Microsoft 365: enable SMTP AUTH for the mailbox, or switch the sender to XOAUTH2 (`auth: XOAUTH2` with `oauth-token-env`)."),
            k("gmail", "Google: use an app password, or XOAUTH2 (`auth: XOAUTH2` with `oauth-token-env`)."),
        ],
    },
    "oauth-token": {
        text: "The OAuth token is expired or lacks the SMTP scope (https://mail.google.com/ or SMTP.Send).",
        evidence: "oauth-token",
        matches: /OAuth token|XOAUTH2/i,
        fixes: [{ text: "Refresh the token and check its scope (Google: https://mail.google.com/; Microsoft: SMTP.Send)." }],
    },
    // TLS on the server's side
    "tls-already-active": {
        text: "STARTTLS was sent on a session that is already encrypted; RFC 3207 §4.2 forbids a second STARTTLS, and servers refuse it.",
        evidence: "tls-already-active",
        fixes: [{ text: "Send STARTTLS once: remove the second STARTTLS (and keep one EHLO after the first)." }],
    },
    "certificate-setup": {
        text: "The server cannot start TLS: its certificate or key is missing or unreadable, or its TLS library failed.",
        evidence: "certificate-setup",
        fixes: [
            k("postfix", "Postfix: check `smtpd_tls_chain_files` (or `smtpd_tls_cert_file`/`smtpd_tls_key_file`) and their permissions; the mail log names the failing file."),
            k("exim", "Exim: check `tls_certificate` and `tls_privatekey` (readable by the Exim user); `exim -bV` shows the TLS library."),
            k("sendmail", "Sendmail: check `confSERVER_CERT`, `confSERVER_KEY` and `confCACERT` in sendmail.mc; the key must not be group- or world-readable."),
            k("opensmtpd", "OpenSMTPD: check the `pki NAME cert`/`pki NAME key` lines and that the `listen ... tls pki NAME` line names them (`smtpd -n` checks the file)."),
            k("haraka", "Haraka: check config/tls.ini (`key`, `cert`) and that the files are readable."),
            k("exchange", "Exchange: assign a valid certificate to the SMTP service (`Enable-ExchangeCertificate -Services SMTP`)."),
            { text: "Look at the server's log at this time: it names the certificate or key file it could not load." },
        ],
    },
    "tls-not-configured": {
        text: "TLS is not configured on this listener (no certificate, or STARTTLS turned off).",
        fixes: [
            k("postfix", "Postfix: `smtpd_tls_security_level = may` with `smtpd_tls_chain_files` in main.cf (or `-o smtpd_tls_security_level=encrypt` on the submission service in master.cf)."),
            k("exim", "Exim: set `tls_advertise_hosts = *` with `tls_certificate` and `tls_privatekey`."),
            k("sendmail", "Sendmail: define `confSERVER_CERT` and `confSERVER_KEY` in sendmail.mc and rebuild sendmail.cf."),
            k("opensmtpd", "OpenSMTPD: add `tls pki NAME` to the `listen on` line in smtpd.conf."),
            k("haraka", "Haraka: enable the `tls` plugin (config/plugins) with config/tls.ini."),
            k("exchange", "Exchange: the receive connector needs TLS enabled and a certificate for its FQDN."),
            { text: "Enable STARTTLS on this listener with a certificate for its name." },
        ],
    },
    "tls-not-started": {
        text: "The server requires TLS before this command (submission ports usually do), and the session was still in plain text.",
        fixes: [
            { text: "Use `tls: starttls` (STARTTLS, then EHLO again, before AUTH and MAIL), or `tls: implicit` on the server's implicit-TLS port (465)." },
            { text: "Make the production sender start TLS the same way: `{openssl}` shows the sequence by hand." },
        ],
    },
    "auth-not-sent": {
        text: "The server accepts mail on this port only from authenticated clients, and the session did not authenticate before MAIL.",
        evidence: "not-authenticated",
        fixes: [
            { text: "Configure credentials (`username` with `password-env`), so AUTH runs after STARTTLS and before MAIL." },
            k("postfix", "Postfix: the submission service in master.cf requires it (`-o smtpd_client_restrictions=permit_sasl_authenticated,reject`); send mail for local users to port 25 instead."),
            k("exchange", "Exchange: the Client Frontend connector on 587 requires authentication; anonymous mail goes to the Default Frontend connector on 25."),
        ],
    },
    "appliance-strips-starttls": {
        text: "An SMTP-inspecting firewall or appliance (such as Cisco ASA ESMTP inspection) removed STARTTLS from the EHLO reply.",
        evidence: "appliance-strips-starttls",
        fixes: [{ text: "Compare the EHLO reply from inside the network; if STARTTLS appears there, disable the appliance's SMTP inspection (`no inspect esmtp`)." }],
    },
    // Storage and load on the server's side
    "server-storage": {
        text: "The server cannot write to its own storage: the queue or spool filesystem is full, read-only, or has the wrong permissions.",
        fixes: [
            k("sendmail", "Sendmail: check the queue directory (`df -h /var/spool/mqueue`, owner and mode) and `confMIN_FREE_BLOCKS`."),
            k("postfix", "Postfix: check the queue filesystem (`df -h $(postconf -h queue_directory)`) and run `postfix check`."),
            k("exim", "Exim: check `spool_directory` (`df -h /var/spool/exim4`) and `check_spool_space`."),
            k("opensmtpd", "OpenSMTPD: check free space and permissions of /var/spool/smtpd."),
            { text: "Check free space and permissions where the server keeps its queue and logs (`df -h`, `df -i`), and its log for the failing write." },
        ],
    },
    "server-busy": {
        text: "The server is overloaded or shutting down, or limits connections from this client (rate limit, too many connections).",
        fixes: [
            { text: "Retry later; if it persists, look at the server's connection limits for this client." },
            k("postfix", "Postfix: `smtpd_client_connection_rate_limit` and `smtpd_client_connection_count_limit` (anvil)."),
            k("exim", "Exim: `smtp_accept_max`, `smtp_accept_max_per_host` and any `ratelimit` ACL condition."),
            k("sendmail", "Sendmail: `confCONNECTION_RATE_THROTTLE` and `ClientRate`/`ClientConn` in the access db."),
        ],
    },
    // Connecting
    "nothing-listens": {
        text: "Nothing listens on that port, or a firewall on the server's side rejects the connection (a refusal is an active answer: the host is reachable).",
        fixes: [{ text: "Check that the MTA listens on port {port} (`ss -ltn 'sport = :{port}'` on the server) and that its firewall allows it; from here: `{nc}`." }],
    },
    "port-25-blocked": {
        text: "Outbound port 25 is blocked by the network this runs in (common for cloud and hosted runners).",
        evidence: "port-25-blocked",
        fixes: [{ text: "Probe the submission port (587 with STARTTLS, or 465) instead, or run the check from a network that allows outbound port 25." }],
    },
    "filtered": {
        text: "A firewall drops the packets silently (the port is filtered), or the host is down.",
        fixes: [{ text: "Check the path: `{nc}` and `traceroute -T -p {port} {host}`; a refusal would answer at once, a drop waits for the timeout." }],
    },
    "no-route": {
        text: "The host or its network is unreachable from here (no route, or an ICMP unreachable from a router).",
        fixes: [{ text: "Check routing from this network (`ip route get {host}`, `traceroute {host}`); the address may be private or the host down." }],
    },
    // A server that aborts its own TLS handshake
    "server-tls-setup": {
        text: "The server aborted its own TLS handshake (an internal error): it could not load its certificate or key, or its TLS library failed.",
        fixes: [
            k("postfix", "Postfix: check `smtpd_tls_chain_files`; `postfix tls output-server-tls` and the mail log name the failing file."),
            k("exim", "Exim: check `tls_certificate` / `tls_privatekey` and the Exim panic log."),
            k("sendmail", "Sendmail: check `confSERVER_CERT` / `confSERVER_KEY` and their permissions."),
            k("opensmtpd", "OpenSMTPD: check the `pki` lines of smtpd.conf (`smtpd -n`)."),
            k("haraka", "Haraka: check config/tls.ini and the files it names."),
            { text: "Look at the server's log at the time of this handshake: it names what failed." },
        ],
    },
    // SMTP smuggling: SEC Consult (sec-consult.com/blog/detail/smtp-smuggling-spoofing-e-mails-worldwide/),
    // postfix.org/smtp-smuggling.html, Exim's CVE-2023-51766 notice, Sendmail 8.18 RELEASE_NOTES
    // (srv_features `o`), aiosmtpd GHSA-pr2m-px7j-xg65 (CVE-2024-27305).
    "smuggling-lenient-end-of-data": {
        text: "The server's DATA reader accepts an end of data other than <CR><LF>.<CR><LF> (a bare <LF> or <CR> taken as a line ending, or a NUL dropped): an outbound server that passes such a sequence through lets its users hide a second message, with a forged sender, inside the first (SMTP smuggling, CVE-2023-51764/51765/51766).",
        fixes: [
            k("postfix", "Postfix: set `smtpd_forbid_bare_newline = normalize` (Postfix 3.9 and later default to it; the backports 3.8.5, 3.7.10, 3.6.14 and 3.5.24 have it, off by default) and `postfix reload`. Clients in `smtpd_forbid_bare_newline_exclusions` (default `$mynetworks`, loopback included) stay exempt, so test from outside mynetworks. Older releases: `smtpd_data_restrictions = reject_unauth_pipelining` is the short-term mitigation (postfix.org/smtp-smuggling.html)."),
            k("exim", "Exim: upgrade to 4.97.1 or later (CVE-2023-51766), which accepts only <CR><LF>.<CR><LF> as the end of data. Until then, `pipelining_advertise_hosts =` and `chunking_advertise_hosts =` (both empty) in the main configuration narrow what can be smuggled."),
            k("sendmail", "Sendmail: upgrade to 8.18.1 or later (CVE-2023-51765), which by default accepts only <CR><LF>.<CR><LF> (srv_features option `o`); on a patched 8.17 add `o` to the server features (`O SrvFeatures`, or `Srv_Features:` in the access map), and `g`/`u` to refuse bare <LF>/<CR>."),
            k("aiosmtpd", "aiosmtpd: upgrade to 1.4.5 or later (CVE-2024-27305), which accepts only <CR><LF>.<CR><LF>."),
            k("opensmtpd", "OpenSMTPD: upgrade to the current release, and report the accepted sequences upstream if it still takes them."),
            k("haraka", "Haraka: upgrade to the current release, and report the accepted sequences upstream if it still takes them."),
            { text: "Make the server accept only <CR><LF>.<CR><LF> as the end of data, and refuse (or normalise) a bare <CR> or <LF> in message content (RFC 5321 §2.3.8, §4.1.1.4): upgrade to a release that fixes SMTP smuggling, or put a filter in front that does." },
            { text: "Re-run this check (`--send --smuggling`) after the change: every variant must then be answered once." },
        ],
    },
    "no-common-protocol": {
        text: "Client and server share no TLS version or cipher: the server refused the handshake (handshake_failure or protocol_version).",
        fixes: [{ text: "See what the server accepts: `{openssl} -tls1_2` and `-tls1_3`; enable TLS 1.2 and 1.3 on the server." }],
    },
};
/** For each finding id, the causes weighed, in their prior order (before evidence reorders them). */
const DIAGNOSES = {
    "command-unrecognized": ["nonstandard-command", "inspecting-appliance", "tls-stream", "line-endings", "non-smtp-proxy"],
    "command-not-implemented": ["feature-disabled", "nonstandard-command", "inspecting-appliance", "tls-stream", "line-endings", "non-smtp-proxy"],
    "relay-denied": ["relay-not-authenticated", "relay-client-not-trusted"],
    "unknown-user": ["mailbox-missing"],
    "recipient-expansion-failed": ["expansion-failed", "mailbox-missing"],
    "auth-failed": ["wrong-credentials", "sasl-backend", "basic-auth-disabled", "oauth-token"],
    "starttls-repeated": ["tls-already-active"],
    "tls-unavailable": ["certificate-setup"],
    "starttls-not-advertised": ["tls-not-configured", "appliance-strips-starttls"],
    "starttls-required-first": ["tls-not-started", "appliance-strips-starttls"],
    "auth-required": ["auth-not-sent"],
    "server-storage": ["server-storage"],
    "service-closing": ["server-busy"],
    "connect-refused": ["nothing-listens"],
    "connect-timeout": ["filtered", "port-25-blocked"],
    "host-unreachable": ["no-route"],
    "tls-server-alert": ["server-tls-setup", "no-common-protocol"],
    "smtp-smuggling": ["smuggling-lenient-end-of-data"],
};

;// CONCATENATED MODULE: ./src/knowledge/servers.ts
/**
 * Server families: how to recognise an MTA from what it says (banner, EHLO reply, reply texts),
 * and the name of each family's own configuration, for advice that fits the server in front of
 * us. Data, not code: a new family is a new row here (and, for its knobs, rows in causes.ts).
 *
 * Signs are tried in order: the banner first (most MTAs name themselves there), then the EHLO
 * greeting line, then reply texts that only one product writes. A banner can be customised
 * (Postfix's smtpd_banner, Exim's smtp_banner), so reply texts are the fallback.
 */
const SERVERS = [
    { family: "aiosmtpd", product: "aiosmtpd", banner: /\baiosmtpd(?:\s+v?(\d[\w.]*))?|Python SMTP(?:\s+(\d[\w.]*))?/i },
    { family: "haraka", product: "Haraka", banner: /\bHaraka(?:\/(\d[\w.]*))?/i, ehlo: /Haraka is at your service/i, replies: /Have a jolly good day|I cannot deliver mail for </i },
    { family: "opensmtpd", product: "OpenSMTPD", banner: /\bOpenSMTPD\b/i, replies: /Invalid command: Command (?:unrecognized|not allowed)|Mailing list expansion problem|Invalid recipient: </i },
    { family: "exim", product: "Exim", banner: /\bExim\s+(\d[\w.]*)/i, replies: /Unrouteable address|relay not permitted|sender not yet given|All RCPT commands were rejected|Incorrect authentication data/i },
    { family: "sendmail", product: "Sendmail", banner: /\bSendmail\s+(\d[\w.]*)(?:\/[\w.]+)?/i, replies: /\.\.\. (?:User unknown|Relaying denied)|Need MAIL before RCPT|Need RCPT \(recipient\)/i },
    { family: "postfix", product: "Postfix", banner: /\bPostfix\b(?:\s+\(?(\d[\w.]*))?/i, replies: /Recipient address rejected|Relay access denied|Error: (?:command not recognized|need MAIL command|authentication failed|no valid recipients)|Sender address rejected/i },
    { family: "exchange", product: "Microsoft Exchange", banner: /Microsoft ESMTP MAIL Service|Microsoft Exchange|\.outlook\.com|\.protection\.outlook\.com/i, ehlo: /^X-ANONYMOUSTLS$|^XEXCH50$|^X-EXPS\b/i, replies: /\.prod\.outlook\.com|SmtpClientAuthentication is disabled|Client not authenticated to send mail/i },
    { family: "gmail", product: "Gmail", banner: /\bgsmtp\b|mx\.google\.com|smtp\.gmail\.com/i, replies: /\bgsmtp$|support\.google\.com\/(?:mail|a)/i },
    { family: "qmail", product: "qmail", banner: /\bqmail\b|\bnetqmail\b/i, replies: /isn't in my list of allowed rcpthosts|\(#\d\.\d\.\d\)$/i },
    { family: "courier", product: "Courier", banner: /\bCourier\b/i, replies: /Courier mail server/i },
    { family: "hmailserver", product: "hMailServer", banner: /\bhMailServer\b/i },
    { family: "mdaemon", product: "MDaemon", banner: /\bMDaemon\s+(?:PRO\s+)?v?(\d[\w.]*)/i },
];
/** The server family these signs show, or null when none matches. */
function recogniseServer(signs) {
    const versionOf = (m) => m.slice(1).find((g) => g !== undefined) ?? null;
    for (const row of SERVERS) {
        for (const line of signs.banner) {
            const m = row.banner?.exec(line);
            if (m)
                return { family: row.family, product: row.product, version: versionOf(m) };
        }
    }
    for (const row of SERVERS)
        if (row.ehlo && signs.ehlo.some((l) => row.ehlo?.test(l)))
            return { family: row.family, product: row.product, version: null };
    for (const row of SERVERS)
        if (row.replies && signs.replies.some((l) => row.replies?.test(l)))
            return { family: row.family, product: row.product, version: null };
    return null;
}
/** The family of a product name as recorded on a target (`server.product`). */
function familyOfProduct(product) {
    return SERVERS.find((r) => r.product === product)?.family ?? null;
}

// EXTERNAL MODULE: ./src/protocol/command.ts
var protocol_command = __nccwpck_require__(1813);
;// CONCATENATED MODULE: ./src/diagnose/prepare.ts


function prepareOutcome(p) {
    return { ...p, steps: markConsequences(p.steps), server: p.server !== undefined ? p.server : identifyServer(p) };
}
function identifyServer(p) {
    const ehlo = p.steps.filter((s) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success").flatMap((s) => s.reply?.lines ?? []);
    const replies = p.steps.slice(1).flatMap((s) => s.reply?.lines ?? []);
    const found = recogniseServer({ banner: p.steps[0]?.reply?.lines ?? [], ehlo, replies });
    return found ? { product: found.product, version: found.version } : null;
}
const failed = (s) => !!s && s.verdict !== "pass" && (s.class === "transient" || s.class === "permanent");
/** The steps, with `consequenceOf` set on replies that follow from an earlier refusal. */
function markConsequences(steps) {
    const cause = new Map();
    let closedAt = -1;
    let mailRefused = -1;
    let rcptAccepted = false;
    let firstRcptRefused = -1;
    for (let i = 0; i < steps.length; i++) {
        const s = steps[i];
        if (closedAt !== -1) {
            // After the server's 421 nothing it says answers our commands any more (RFC 5321 §3.8).
            cause.set(i, closedAt);
            continue;
        }
        const verb = s.command === null ? "" : (0,protocol_command/* verbOf */.rl)(s.command);
        if (verb === "MAIL") {
            mailRefused = failed(s) ? i : -1;
            rcptAccepted = false;
            firstRcptRefused = -1;
        }
        else if (verb === "RSET" || verb === "EHLO" || verb === "HELO") {
            mailRefused = -1;
            firstRcptRefused = -1;
            rcptAccepted = false;
        }
        else if (failed(s) && mailRefused !== -1 && (verb === "RCPT" || verb === "DATA" || verb === "BDAT")) {
            // RCPT and DATA after a refused MAIL: "need MAIL command" says nothing new.
            cause.set(i, mailRefused);
        }
        else if (verb === "RCPT") {
            if (s.class === "success")
                rcptAccepted = true;
            else if (failed(s) && firstRcptRefused === -1)
                firstRcptRefused = i;
        }
        else if ((verb === "DATA" || verb === "BDAT") && failed(s) && !rcptAccepted && firstRcptRefused !== -1) {
            // DATA's 503/554 after every recipient was refused (RFC 5321 §3.3: no valid recipients).
            cause.set(i, firstRcptRefused);
        }
        if (!cause.has(i) && failed(s) && s.pipelined) {
            // Inside one pipelined group, the same refusal repeated for each command is one refusal.
            for (let j = i - 1; j >= 0 && steps[j]?.pipelined; j--) {
                const e = steps[j];
                if (failed(e) && e.reply?.code === s.reply?.code && !cause.has(j)) {
                    cause.set(i, j);
                    break;
                }
            }
        }
        if (s.reply?.code === 421)
            closedAt = i;
    }
    return steps.map((s, i) => {
        const c = cause.get(i);
        if (c === undefined) {
            if (s.consequenceOf === undefined)
                return s;
            const { consequenceOf: _c, ...rest } = s;
            return rest;
        }
        return s.consequenceOf === c ? s : { ...s, consequenceOf: c };
    });
}

// EXTERNAL MODULE: ./src/protocol/ehlo.ts
var protocol_ehlo = __nccwpck_require__(2958);
;// CONCATENATED MODULE: ./src/diagnose/evidence.ts





/** RFC 5321 §4.1 commands and the common extension verbs. */
const KNOWN_VERBS = new Set(["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT", "STARTTLS", "AUTH", "BDAT", "ETRN", "ATRN"]);
/** Whether TLS was active when step `i` was sent. */
function tlsActiveAt(p, i) {
    if (!p.tls)
        return false;
    if (p.tlsMode === "implicit")
        return true;
    const st = p.steps.findIndex((s) => /^STARTTLS\s*$/i.test(s.command ?? "") && s.reply?.code === 220);
    return st !== -1 && st < i && (p.error?.step ?? -1) !== st;
}
/** Verbs the server answered with 2xx/3xx before step `i` (its own commands, not the cleanup). */
function understoodBefore(p, i, afterTls = false) {
    const out = new Set();
    for (let j = 1; j < i; j++) {
        const s = p.steps[j];
        if (!s?.command || s.extra === "cleanup" || (s.class !== "success" && s.class !== "intermediate"))
            continue;
        if (afterTls && (!tlsActiveAt(p, j) || /^STARTTLS/i.test(s.command)))
            continue;
        out.add((0,protocol_command/* verbOf */.rl)(s.command));
    }
    return [...out];
}
const bannerMasked = (p) => p.steps[0]?.reply?.lines.some((l) => l.includes("******")) ?? false;
const xxxxSeen = (p) => p.steps.some((s) => s.reply?.lines.some((l) => /\bX{4,}\b/.test(l)));
const ehloAnswered = (p, i) => p.steps.slice(1, i).some((s) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success");
const authenticated = (p, i) => p.steps.slice(1, i).some((s) => /^AUTH\b/i.test(s.command ?? "") && s.reply?.code === 235);
const authMechanismAt = (p, i) => /^AUTH\s+(\S+)/i.exec(p.steps[i]?.command ?? "")?.[1]?.toUpperCase() ?? null;
/** The conditions, one function each. */
const CONDITIONS = {
    "line-endings": (p, i) => {
        const lf = p.steps.slice(0, i + 1).find((s) => s.reply && s.reply.ending !== "crlf");
        return lf ? { for: "the server's replies end lines with a bare LF" } : { out: "every reply ended in CRLF and every command was sent with CRLF" };
    },
    "inspecting-appliance": (p, i) => {
        if (bannerMasked(p))
            return { for: "the banner is masked with asterisks" };
        if (xxxxSeen(p))
            return { for: "a reply quotes a command as XXXX" };
        if (p.tlsMode === "implicit" && p.tls)
            return { out: "the session was encrypted from the first byte, so no appliance could read or rewrite it" };
        if (!ehloAnswered(p, i))
            return null;
        const offered = (0,protocol_ehlo/* findExtension */.bW)(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") !== undefined;
        if (tlsActiveAt(p, i))
            return { out: "the banner is not masked, EHLO was answered, STARTTLS was offered and completed, and this command went encrypted" };
        if (offered)
            return { out: "the banner is not masked, EHLO was answered and STARTTLS was offered (an inspecting appliance masks the banner and removes STARTTLS)" };
        return null;
    },
    "tls-stream": (p, i) => {
        if (!tlsActiveAt(p, i))
            return { out: "the session was not encrypted when this command was sent" };
        const after = understoodBefore(p, i, true);
        return after.length ? { out: `commands after the handshake were understood (${after.join(", ")})` } : null;
    },
    "non-smtp-proxy": (p, i) => {
        const greeted = p.steps[0]?.reply?.code === 220;
        const understood = understoodBefore(p, i);
        return greeted && understood.length ? { out: `the server greeted in SMTP and understood ${understood.join(", ")}` } : null;
    },
    "nonstandard-command": (p, i) => {
        const cmd = p.steps[i]?.command;
        if (!cmd)
            return null;
        const verb = (0,protocol_command/* verbOf */.rl)(cmd);
        if (KNOWN_VERBS.has(verb))
            return { out: `${verb} is a standard command (RFC 5321 or a registered extension)` };
        if ((0,protocol_ehlo/* findExtension */.bW)(p.extensions, verb))
            return { out: `the server advertised ${verb} in its EHLO reply` };
        return { for: `"${verb}" is neither an RFC 5321 command nor an extension this server advertised` };
    },
    "feature-disabled": (p, i) => {
        const verb = (0,protocol_command/* verbOf */.rl)(p.steps[i]?.command ?? "");
        if (!KNOWN_VERBS.has(verb))
            return null;
        return (0,protocol_ehlo/* findExtension */.bW)(p.extensions, verb) ? null : { for: `the EHLO reply did not advertise ${verb}` };
    },
    "not-authenticated": (p, i) => (authenticated(p, i) ? { out: "the session authenticated (235) before this command" } : { for: "this session did not authenticate" }),
    "client-not-trusted": (p, i) => (authenticated(p, i) ? { for: "the session authenticated and was still refused" } : null),
    "wrong-credentials": () => null,
    "basic-auth-disabled": (p, i) => {
        const m = authMechanismAt(p, i);
        return m === "XOAUTH2" || m === "OAUTHBEARER" ? { out: `the mechanism was ${m}, not a password` } : null;
    },
    "oauth-token": (p, i) => {
        const m = authMechanismAt(p, i);
        if (m === "XOAUTH2" || m === "OAUTHBEARER")
            return { for: `the mechanism was ${m}` };
        return m ? { out: `the mechanism was ${m}, which sends a password, not a token` } : null;
    },
    "tls-already-active": (p, i) => (tlsActiveAt(p, i) ? { for: `TLS (${p.tls?.protocol ?? "negotiated"}) was already active on this session` } : { out: "the session was not yet encrypted" }),
    "certificate-setup": (p, i) => (tlsActiveAt(p, i) ? { out: "TLS is already active on this session, so the server's certificate loaded" } : null),
    "port-25-blocked": (p) => (p.port === 25 ? null : { out: `the port is ${p.port}, not 25` }),
    "appliance-strips-starttls": (p) => {
        if (bannerMasked(p))
            return { for: "the banner is masked with asterisks" };
        return (0,protocol_ehlo/* findExtension */.bW)(p.extensionsBeforeTls ?? p.extensions, "STARTTLS") ? { out: "the server's EHLO reply advertised STARTTLS" } : null;
    },
};
/** Causes, ruled-out causes and fixes for finding `id` at step `i` (null: the session as a whole). */
function differential(id, p, i, o = {}) {
    const family = serverFamily(p);
    const ids = o.causeIds ?? DIAGNOSES[id] ?? [];
    const supported = [];
    const neutral = [];
    const ruledOut = [];
    const outRows = [];
    for (const cid of ids) {
        const row = CAUSES[cid];
        if (!row)
            continue;
        if (row.servers && (family === null || !row.servers.includes(family)))
            continue;
        const w = row.evidence ? CONDITIONS[row.evidence](p, i ?? p.steps.length) : null;
        if (w && "out" in w) {
            ruledOut.push({ cause: row.text, evidence: w.out });
            outRows.push(row);
        }
        else if (w && "for" in w)
            supported.push({ row, text: `${row.text} Here: ${w.for}.` });
        else
            neutral.push({ row, text: row.text });
    }
    const kept = [...supported, ...neutral];
    const contradicted = (t) => outRows.some((r) => r.matches?.test(t));
    const causes = [...kept.map((k) => k.text), ...(o.general?.causes ?? []).filter((c) => !contradicted(c))];
    const fixes = [
        ...(o.leadFixes ?? []),
        ...kept.flatMap((k) => fitting(k.row.fixes, family)),
        ...(o.general?.fixes ?? []).filter((f) => !contradicted(f)),
    ];
    const rcpt = /^RCPT\s+TO:\s*<([^<>]+)>/i.exec(i === null ? "" : (p.steps[i]?.command ?? ""))?.[1] ?? "ADDRESS";
    return { causes: unique(causes), ruledOut, fixes: unique(fixes.map((f) => forTarget(f.replace(/\{rcpt\}/g, rcpt), p))) };
}
/** The recognised server's family: as recorded on the outcome, else from what it said. */
function serverFamily(p) {
    return familyOfProduct((p.server !== undefined ? p.server : identifyServer(p))?.product);
}
/** The fixes that fit this server: its own knobs first, then the generic words; no other product's knobs. */
function fitting(rows, family) {
    const own = rows.filter((r) => r.servers && family !== null && r.servers.includes(family)).map((r) => r.text);
    const generic = rows.filter((r) => !r.servers).map((r) => r.text);
    return [...own, ...generic];
}
/** Product names and knobs that mark a text as one product's advice. */
const PRODUCT_WORDS = {
    postfix: /\bPostfix\b|\bmain\.cf\b|\bsmtpd_\w+|\bpostconf\b|\bpostmap\b/,
    exim: /\bExim\b|\bacl_smtp_\w+/,
    sendmail: /\bSendmail\b|\bsendmail\.mc\b/,
    opensmtpd: /\bOpenSMTPD\b|\bsmtpd\.conf\b/,
    haraka: /\bHaraka\b/,
    exchange: /\bExchange\b|\bMicrosoft 365\b/,
    gmail: /\bGmail\b|\bGoogle\b/,
    qmail: /\bqmail\b(?!-deliverable)|\/var\/qmail\b/,
    courier: /\bCourier\b/,
    aiosmtpd: /\baiosmtpd\b/,
    hmailserver: /\bhMailServer\b/,
    mdaemon: /\bMDaemon\b/,
};
/** Whether a general text names another product's knobs than this server's (or any, when the server is unknown). */
function namesOtherProduct(text, family) {
    return SERVERS.some((s) => s.family !== family && PRODUCT_WORDS[s.family].test(text));
}
/** Host and port as `openssl -connect` wants them (IPv6 in brackets). */
function hostPort(p) {
    return `${p.host.includes(":") ? `[${p.host}]` : p.host}:${p.port}`;
}
/** A runnable `openssl s_client` line for this target, in its TLS mode. */
function opensslLine(p) {
    return p.tlsMode === "implicit"
        ? `openssl s_client -connect ${hostPort(p)} -crlf`
        : `openssl s_client -starttls smtp -connect ${hostPort(p)} -crlf`;
}
/** Fills the placeholders of a fix, and turns the general texts' placeholder ports into this target's. */
function forTarget(text, p) {
    return text
        .replace(/\{openssl\}/g, opensslLine(p))
        .replace(/\{nc\}/g, `nc -v ${p.host} ${p.port}`)
        .replace(/\{host\}/g, p.host)
        .replace(/\{port\}/g, String(p.port))
        .replace(/`openssl s_client -starttls smtp -connect (?:HOST:PORT|host:\d+)([^`]*)`/g, (_m, rest) => `\`openssl s_client -starttls smtp -connect ${hostPort(p)}${rest}\``)
        .replace(/`openssl s_client -connect (?:HOST:PORT|host:\d+)([^`]*)`/g, (_m, rest) => `\`openssl s_client -connect ${hostPort(p)}${rest}\``)
        .replace(/\bHOST:PORT\b/g, hostPort(p))
        .replace(/`nc (?:-vz )?HOST PORT`/g, `\`nc -vz ${p.host} ${p.port}\``)
        .replace(/\bHOST PORT\b/g, `${p.host} ${p.port}`);
}
function unique(xs) {
    return [...new Set(xs)];
}

// EXTERNAL MODULE: ./src/diagnose/rule.ts
var rule = __nccwpck_require__(2248);
;// CONCATENATED MODULE: ./src/diagnose/advertised.ts
/** Rules comparing what was sent with what EHLO advertised (RFC 5321 §4.1.1.1, §2.2). */





/** RFC 5321 §4.1 verbs every server knows, plus those of common extensions. */
const BASE_VERBS = ["EHLO", "HELO", "MAIL", "RCPT", "DATA", "RSET", "VRFY", "EXPN", "HELP", "NOOP", "QUIT"];
/** Which extension a command needs, by its verb or by a parameter on its line, with the RFC that defines it. */
const NEEDS = [
    { verb: "STARTTLS", keyword: "STARTTLS", source: "RFC 3207" },
    { verb: "AUTH", keyword: "AUTH", source: "RFC 4954" },
    { verb: "BDAT", keyword: "CHUNKING", source: "RFC 3030" },
    { verb: "ETRN", keyword: "ETRN", source: "RFC 1985" },
    { line: /^MAIL\b.*\sSMTPUTF8\b/i, keyword: "SMTPUTF8", source: "RFC 6531" },
    { line: /^MAIL\b.*\sSIZE=/i, keyword: "SIZE", source: "RFC 1870" },
    { line: /^MAIL\b.*\sBODY=8BITMIME/i, keyword: "8BITMIME", source: "RFC 6152" },
    { line: /^MAIL\b.*\sREQUIRETLS\b/i, keyword: "REQUIRETLS", source: "RFC 8689" },
    { line: /^(MAIL|RCPT)\b.*\s(RET|ENVID|NOTIFY|ORCPT)=/i, keyword: "DSN", source: "RFC 3461" },
];
const NEED_BY_VERB = new Map(NEEDS.filter((n) => n.verb !== undefined).map((n) => [n.verb, n]));
const NEED_BY_LINE = NEEDS.filter((n) => n.line !== undefined);
/** Every NEEDS pattern on a line starts so: the others need not be tried on EHLO, RSET, QUIT… */
const PARAMETER_VERB = /^(MAIL|RCPT)\b/i;
/** The extension a command needs (the first match in NEEDS), if any. */
function needOf(command) {
    return NEED_BY_VERB.get((0,protocol_command/* verbOf */.rl)(command)) ?? (PARAMETER_VERB.test(command) ? NEED_BY_LINE.find((n) => n.line?.test(command)) : undefined);
}
/** Extensions advertised by the EHLO that preceded step `i`, or null when there was none. */
function advertisedBefore(p, i) {
    const h = (0,rule/* lastHelloBefore */.GG)(p, i);
    const s = p.steps[h];
    if (!s?.reply || !/^EHLO\b/i.test(s.command ?? ""))
        return null;
    return (0,protocol_ehlo/* parseEhloExtensions */.Ui)(s.reply.lines);
}
/** A command whose extension the server did not advertise. */
const notAdvertised = (p) => (0,rule/* perStep */.al)(p, (s, i) => {
    if (!s.command || s.extra)
        return null;
    const command = s.command;
    const need = needOf(command);
    // The EHLO reply is parsed only for a step that needs an extension: a fleet runs this per step.
    const offered = need ? advertisedBefore(p, i) : null;
    if (!need || !offered)
        return null;
    let missing = (0,protocol_ehlo/* findExtension */.bW)(offered, need.keyword) ? null : need.keyword;
    const mech = /^AUTH\s+(\S+)/i.exec(command)?.[1]?.toUpperCase();
    if (!missing && need.keyword === "AUTH" && mech && !(0,protocol_ehlo/* authMechanisms */.dq)(offered).includes(mech))
        missing = `AUTH ${mech}`;
    if (!missing)
        return null;
    // The required-STARTTLS case has its own finding (contract §2), of severity error.
    if (missing === "STARTTLS" && p.tlsMode === "starttls")
        return null;
    return (0,rule/* finding */.gk)("not-advertised", s.verdict === "pass" ? "notice" : s.verdict === "warn" ? "warning" : "error", i, `"${s.command}" needs ${missing} (${need.source}), which the server did not advertise; it offered: ${(0,rule/* list */.p_)(offered)}.`, ["The server does not support it on this port or before TLS (AUTH is often offered only after STARTTLS).", "An SMTP-inspecting firewall removed it from the EHLO reply."], ["Send only what EHLO advertises (production senders do); enable the extension in the MTA, or STARTTLS first.", forTarget("Compare the EHLO reply with `{openssl}` from inside the network.", p)]);
});
/**
 * Contract §2: with `tls: starttls`, a server that does not advertise STARTTLS is an error. When
 * the server then refused the STARTTLS that smtp-gate sent anyway, this finding sits on that step
 * and covers its refusal: one cause, one finding.
 */
const starttlsNotAdvertised = (p) => {
    if (p.tlsMode !== "starttls")
        return [];
    const ehlo = p.steps.findIndex((s) => /^(EHLO|HELO)\b/i.test(s.command ?? "") && s.class === "success");
    if (ehlo === -1)
        return [];
    const before = p.extensionsBeforeTls ?? p.extensions;
    if ((0,protocol_ehlo/* findExtension */.bW)(before, "STARTTLS"))
        return [];
    const refused = p.steps.findIndex((s) => /^STARTTLS\s*$/i.test(s.command ?? "") && s.class === "permanent");
    const r = refused === -1 ? null : p.steps[refused]?.reply;
    const d = differential("starttls-not-advertised", p, refused === -1 ? ehlo : refused);
    return [(0,rule/* finding */.gk)("starttls-not-advertised", "error", refused === -1 ? ehlo : refused, `STARTTLS is required (tls: starttls) but the server did not advertise it${r ? ` and answered STARTTLS with ${r.code}${r.enhanced ? ` ${r.enhanced}` : ""}` : ""}; its EHLO reply offered: ${(0,rule/* list */.p_)(before)}.`, d.causes, d.fixes, d.ruledOut)];
};
/**
 * What a 500/502'd command probably meant, from the EHLO reply that preceded it: only keywords
 * that reply advertised (or RFC 5321 verbs), the command's argument weighed ("XAUTH2 login" with
 * AUTH LOGIN offered means AUTH LOGIN), and nothing claimed when no EHLO was answered.
 */
function suggestCommand(p, i) {
    const s = p.steps[i];
    if (!s?.command || !s.reply || (s.reply.code !== 500 && s.reply.code !== 502))
        return null;
    const verb = (0,protocol_command/* verbOf */.rl)(s.command);
    if (BASE_VERBS.includes(verb))
        return null;
    const offered = advertisedBefore(p, i);
    const words = s.command.toUpperCase().split(/\s+/).filter(Boolean);
    if (/AUTH/.test(verb) && verb !== "AUTH") {
        if (!offered)
            return null;
        const mechs = (0,protocol_ehlo/* authMechanisms */.dq)(offered);
        if (!mechs.length)
            return authAfterTls(p, i, offered);
        const named = words.slice(1).find((w) => mechs.includes(w));
        const mech = named ?? (/OAUTH|XAUTH2/.test(verb) && mechs.includes("XOAUTH2") ? "XOAUTH2" : mechs.length === 1 ? mechs[0] : null);
        if (!mech) {
            const all = mechs.map((m) => `\`AUTH ${m}\``).join(" or ");
            return { command: `AUTH ${mechs[0]}`, sentence: `The server offers AUTH ${mechs.join(" ")}: the sender probably means ${all}.`, fixes: [`Make the sender use the standard AUTH command with a mechanism the server offers: ${all} (RFC 4954).`] };
        }
        const command = `AUTH ${mech}`;
        const why = named ? ` (the argument "${words[words.indexOf(named)]?.toLowerCase()}" names that mechanism)` : "";
        return {
            command,
            sentence: `The server offers AUTH ${mechs.join(" ")}${why}: the sender probably means \`${command}\`.`,
            fixes: [`Make the sender use the standard command: \`${command}\` (RFC 4954).`, `In smtp-gate, write the step as \`${command}\` with credentials configured; smtp-gate then runs the whole exchange.`],
        };
    }
    // A typo: RFC 5321 verbs always count; extension keywords only when this EHLO reply advertised them.
    const keywords = (offered ?? []).map((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase()).filter((k) => k && k !== "AUTH");
    const candidates = [...BASE_VERBS, ...keywords, ...(offered && (0,protocol_ehlo/* findExtension */.bW)(offered, "AUTH") ? ["AUTH"] : [])];
    for (const w of words) {
        const near = (0,keys/* closestKey */.bi)(w, candidates, w.length < 6 ? 1 : 2)?.toUpperCase();
        if (near && near !== w) {
            const advertised = !BASE_VERBS.includes(near);
            return {
                command: near,
                sentence: `"${w}" is close to ${near}${advertised ? ", which the server advertised" : " (RFC 5321)"}: the sender probably means \`${near}\`.`,
                fixes: [`Correct the command to \`${near}\`.`],
            };
        }
    }
    return null;
}
/** An AUTH-like command sent where the current EHLO reply offers no AUTH. */
function authAfterTls(p, i, offered) {
    const afterTls = p.extensionsBeforeTls !== null && !tlsBefore(p, i) ? (0,protocol_ehlo/* authMechanisms */.dq)(p.extensions) : [];
    if (afterTls.length) {
        return {
            command: "STARTTLS",
            sentence: `The server offers AUTH only after STARTTLS (then AUTH ${afterTls.join(" ")}); this command was sent before it.`,
            fixes: [`Run STARTTLS and EHLO first, then \`AUTH ${afterTls[0]}\` (RFC 3207, RFC 4954).`],
        };
    }
    if ((0,protocol_ehlo/* findExtension */.bW)(offered, "STARTTLS") && !tlsBefore(p, i)) {
        return {
            command: "STARTTLS",
            sentence: "The server offers no AUTH on this unencrypted session, but it offers STARTTLS, after which servers usually offer AUTH.",
            fixes: ["Run STARTTLS and EHLO first, then AUTH with a mechanism the new EHLO reply offers (RFC 3207, RFC 4954)."],
        };
    }
    return null;
}
const tlsBefore = (p, i) => p.tlsMode === "implicit" || p.steps.slice(1, i).some((s) => /^STARTTLS\s*$/i.test(s.command ?? "") && s.reply?.code === 220);
/**
 * A 500/502 for a command that looks like a known verb or an advertised keyword, as a finding of
 * its own. diagnose() does not list it: the suggestion is the top fix of the command's own finding
 * (rejectedSteps); this rule stays for callers that want the suggestion alone.
 */
const nearMiss = (p) => perStep(p, (s, i) => {
    const sug = suggestCommand(p, i);
    if (!sug || !s.command)
        return null;
    return finding("near-miss", "error", i, `"${s.command}" is not a command this server knows. ${sug.sentence}`, ["A legacy or home-made sender uses a non-standard command name, or a custom step has a typo."], sug.fixes);
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
;// CONCATENATED MODULE: ./src/protocol/redact.ts
/**
 * Secrets out of everything smtp-gate stores or prints. A server may echo what it was sent in any
 * shape — whole, cut off, split across reply lines, decoded, hex or URL-encoded — so the redactor
 * is given every form a secret takes (auth.ts: secretForms) and replaces with `***`:
 *  - each form wherever it appears whole, however short;
 *  - for an encoded form (base64, hex, an AUTH payload), any run of FRAGMENT or more characters
 *    taken from it (an echo cut off or split inside), and a run of EDGE or more that touches the
 *    start or the end of the text (where a split echo breaks: the end of one reply line, the
 *    start of the next). A reply line's code and enhanced code are not part of its text for
 *    this, and are never redacted;
 *  - for a verbatim form (the secret as it is), a run of VERBATIM_FRAGMENT or more: a password
 *    made of words shares shorter runs with ordinary text ("smtp-gate" in a host name).
 * Pure: no I/O; the session passes every line from the wire through it before storing it.
 */
const FRAGMENT = 8;
const VERBATIM_FRAGMENT = 12;
const EDGE = 4;
/** `250 `, `500-5.5.1 `: kept as they are, and the text after them counts as the line's start. */
const REPLY_PREFIX = /^\d{3}(?:[ -](?:[245]\.\d{1,3}\.\d{1,3}(?: |$))?|$)/;
class Redactor {
    forms = [];
    /** Every EDGE-character piece of every form long enough to have one, with where it sits. */
    grams = new Map();
    /** Encoded forms: base64, hex, AUTH payloads, responses. */
    add(...values) {
        this.register(values, false);
    }
    /** Forms that are the secret as it is (or URL-encoded, which leaves words as they are). */
    addVerbatim(...values) {
        this.register(values, true);
    }
    addSecret(forms) {
        this.addVerbatim(...forms.verbatim);
        this.add(...forms.encoded);
    }
    register(values, verbatim) {
        for (const v of values) {
            if (!v || this.forms.includes(v))
                continue;
            this.forms.push(v);
            for (let at = 0; at + EDGE <= v.length; at++) {
                const g = v.slice(at, at + EDGE);
                const hits = this.grams.get(g);
                if (hits)
                    hits.push({ form: v, at, verbatim });
                else
                    this.grams.set(g, [{ form: v, at, verbatim }]);
            }
        }
        this.forms.sort((a, b) => b.length - a.length);
    }
    /** Every registered form, longest first (the action masks each with the runner). */
    get values() {
        return this.forms;
    }
    redact = (text) => {
        if (!this.forms.length || !text)
            return text;
        const start = REPLY_PREFIX.exec(text)?.[0].length ?? 0;
        const marks = [];
        for (const f of this.forms) {
            for (let i = text.indexOf(f, start); i !== -1; i = text.indexOf(f, i + 1))
                marks.push([i, i + f.length]);
        }
        for (let i = start; i + EDGE <= text.length; i++) {
            const hits = this.grams.get(text.slice(i, i + EDGE));
            if (!hits)
                continue;
            for (const { form, at, verbatim } of hits) {
                let n = EDGE;
                while (i + n < text.length && at + n < form.length && text[i + n] === form[at + n])
                    n++;
                const cut = verbatim ? n >= VERBATIM_FRAGMENT : n >= FRAGMENT || i === start || i + n === text.length;
                if (cut)
                    marks.push([i, i + n]);
            }
        }
        return marks.length ? blank(text, marks) : text;
    };
}
/** Replaces each union of overlapping or touching ranges with one `***`. */
function blank(text, marks) {
    marks.sort((a, b) => a[0] - b[0]);
    let out = "";
    let from = 0;
    let [s, e] = marks[0];
    for (const [ms, me] of marks) {
        if (ms <= e) {
            e = Math.max(e, me);
            continue;
        }
        out += `${text.slice(from, s)}***`;
        from = e;
        [s, e] = [ms, me];
    }
    return `${out}${text.slice(from, s)}***${text.slice(e)}`;
}

;// CONCATENATED MODULE: ./src/diagnose/credentials.ts


const mechs = (m) => (m.length ? `AUTH ${m.join(" ")}` : "no AUTH");
/** One sentence for why the credentials stayed home, from what this session saw. */
function whyWithheld(w, tlsMode) {
    const afterTls = w.tls ? " after STARTTLS" : "";
    const onlyBefore = w.tls && w.offeredBeforeTls?.length ? ` Before STARTTLS it offered ${mechs(w.offeredBeforeTls)}, so it takes credentials only in clear text on this port.` : "";
    switch (w.reason) {
        case "tls-not-active":
            return {
                message: `Credentials were not sent: tls is ${tlsMode}, so they go only over TLS, and TLS was not active when AUTH was due.`,
                causes: ["The sequence reached AUTH before STARTTLS completed."],
                fixes: ["Run STARTTLS and EHLO again before the AUTH step."],
            };
        case "auth-not-offered":
            return {
                message: `Credentials were not sent: the server's EHLO reply${afterTls} did not advertise AUTH (RFC 4954 §4).${onlyBefore}${!w.tls ? " Many servers offer AUTH only after STARTTLS, which this session did not run." : ""}`,
                causes: w.tls
                    ? ["Authentication is not enabled on this listener (for example a port-25 MX listener that only receives mail).", "The port is wrong: submission is usually 587 (STARTTLS) or 465 (implicit TLS)."]
                    : ["The server offers AUTH only on an encrypted connection.", "Authentication is not enabled on this listener, or the port is wrong (submission is usually 587 or 465)."],
                fixes: w.tls
                    ? ["Point the check at the server's submission port, or enable authentication on this listener."]
                    : ["Use tls: starttls (or implicit on port 465) so that the server offers AUTH after TLS."],
            };
        case "mechanism-not-offered":
            return {
                message: w.mechanism
                    ? `Credentials were not sent: AUTH ${w.mechanism} was asked for, but the server's EHLO reply${afterTls} offers ${mechs(w.offered)}.`
                    : `Credentials were not sent: the server${afterTls} offers ${mechs(w.offered)}, and none of them works with the configured credentials (PLAIN, LOGIN or CRAM-MD5 with a password; XOAUTH2 with a token).`,
                causes: ["The production sender and the server do not share a mechanism: the sender will fail to log in the same way."],
                fixes: [`Use a mechanism the server offers (${(0,rule/* list */.p_)(w.offered)}), or enable the one the sender uses on the server.`],
            };
        case "cleartext":
            return {
                message: `Credentials were not sent: the connection is not encrypted (${tlsMode === "none" ? "tls is none" : "the server offered no STARTTLS"}) and the server is not on a loopback address.`,
                causes: ["Without TLS, anyone on the path can read the password or token."],
                fixes: ["Enable STARTTLS on the server, or use tls: implicit on its TLS port.", "If clear text is really intended (a test network), set allow-plaintext-auth: true (CLI --allow-plaintext-auth)."],
            };
    }
}
/** Credentials were configured, and smtp-gate kept them back. */
const credentialsWithheld = (p) => {
    const w = p.authWithheld;
    if (!w)
        return [];
    const { message, causes, fixes } = whyWithheld(w, p.tlsMode);
    const ehlo = (0,rule/* lastHelloBefore */.GG)(p, p.steps.length);
    return [(0,rule/* finding */.gk)("auth-withheld", "error", ehlo === -1 ? null : ehlo, message, causes, fixes)];
};
/** Credentials crossed a connection without TLS: allowed (loopback or opted in), and still worth a warning. */
const credentialsInClear = (p) => {
    if (!p.credentialsInClear)
        return [];
    const auth = p.steps.findIndex((s) => /^AUTH\b/i.test(s.command ?? ""));
    return [(0,rule/* finding */.gk)("auth-cleartext", "warning", auth === -1 ? null : auth, "Credentials were sent without TLS: anyone who can see this connection can read them.", ["The target uses tls: none, or opportunistic TLS and the server offered no STARTTLS."], ["Use tls: starttls or implicit, with STARTTLS enabled on the server."])];
};
/** A secret too short to redact well: every occurrence is still blanked, which may blank ordinary text too. */
const shortSecret = (p) => p.shortSecret
    ? [(0,rule/* finding */.gk)("secret-short", "warning", null, `A configured password or token is shorter than ${FRAGMENT} characters: smtp-gate blanks every occurrence of it in what it shows (so ordinary text that happens to contain it is blanked too), and cannot recognise shorter pieces of it in a server's echo.`, ["A short password or token is also easy to guess."], ["Use a longer secret for the account this check logs in with."])]
    : [];

;// CONCATENATED MODULE: ./src/knowledge/error-kinds.ts
/** Sharper advice for an error kind in a particular phase (matched on the error message). */
const ERROR_IN_PHASE = [
    {
        kind: "timeout", phase: /TLS handshake after STARTTLS/, id: "tls-handshake-stalled",
        causes: [
            "The server answered 220 to STARTTLS but the handshake never completed: something in the path drops or holds the TLS bytes (an SMTP-inspecting firewall, an IPS, a proxy that only speaks plain SMTP).",
            "An MTU or fragmentation problem that loses the large handshake packets (certificates) but not short SMTP lines.",
        ],
        fixes: [
            "Run `{openssl}` from here and from inside the network; if it hangs only from outside, look at the appliances in between.",
            "Disable SMTP/ESMTP inspection on the firewall, or exempt this server from TLS interception.",
        ],
    },
    {
        kind: "dns", phase: /null MX/, id: "null-mx",
        causes: ["The domain publishes a null MX (RFC 7505): it declares that it accepts no mail at all."],
        fixes: ["If the domain should receive mail, replace the null MX (`MX 0 .`) with real MX records; otherwise do not probe it as a mail domain."],
    },
];
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
        fixes: ["Check the port: `{nc}`.", "For submission use 587 (STARTTLS) or 465 (implicit TLS); hosted runners often cannot reach port 25."],
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
            "Inspect the certificate: `{openssl} -showcerts`.",
            "Trust a private CA with `--ca FILE` (input `ca`) rather than `--insecure`.",
        ],
    },
    closed: {
        id: "connection-closed",
        causes: [
            "The server or an appliance in the path dropped the connection (policy, rate limit, crash).",
            "A proxy or load balancer with a short idle timeout, or one that does not speak SMTP.",
        ],
        fixes: ["Look at the MTA's log for this connection's time.", "Repeat the conversation by hand with `{openssl}`."],
    },
    protocol: {
        id: "not-smtp",
        causes: [
            "The peer is not an SMTP server (an HTTP, SSH or TLS service on that port), or a proxy answered.",
            "An appliance in the path corrupted the stream, or TLS bytes arrived where text was expected (mode mismatch).",
        ],
        fixes: ["Check the host and port; connect by hand with `{nc}` and read the banner.", "If the banner is TLS noise, use implicit TLS (`tls: implicit`)."],
    },
    proxy: {
        id: "socks5-failed",
        causes: [
            "The SOCKS5 proxy could not reach the target (its reply says why: refused, unreachable, not allowed by its rules), or it cannot resolve the target's name.",
            "The proxy is not running, is not a SOCKS5 proxy, or wants a username and password that were not given or are wrong.",
        ],
        fixes: [
            "Check the proxy from the runner: `curl -v --socks5-hostname PROXY:PORT telnet://HOST:PORT`.",
            "Check the proxy's own rules and logs for the target's host and port (a bastion often allows only some ports).",
        ],
    },
};

;// CONCATENATED MODULE: ./src/diagnose/connection.ts
/** Rules about sessions that ended without a reply: kind, TLS-mode mismatch, a peer that is not SMTP. */



const cap = (s) => s.replace(/^./, (c) => c.toUpperCase());
/** What each error kind usually means, unless a sharper rule below explains it. */
const sessionError = (p) => {
    if (!p.error || notSmtpProtocol(p.error.received) || modeMismatch(p) !== null)
        return [];
    const e = p.error;
    const sharp = sharperError(p);
    if (sharp) {
        const d = differential(sharp.id, p, e.step, { causeIds: sharp.causeIds });
        return [(0,rule/* finding */.gk)(sharp.id, "error", e.step, `${cap(e.message)}${sharp.says}`, d.causes, d.fixes, [...sharp.ruledOut, ...d.ruledOut])];
    }
    const a = ERROR_IN_PHASE.find((x) => x.kind === e.kind && x.phase.test(e.message)) ?? ERROR_ADVICE[e.kind];
    // "Outbound port 25 is blocked" is a cause only when the port is 25.
    const causes = p.port === 25 ? a.causes : a.causes.filter((c) => !/port 25 is blocked/i.test(c));
    return [(0,rule/* finding */.gk)(a.id, "error", p.error.step, `${cap(p.error.message)}.`, causes, a.fixes.map((f) => forTarget(f, p)))];
};
/** A TLS alert the server sent: it aborted its own handshake (RFC 8446 §6.2). */
const SERVER_ALERT = /alert (internal error|handshake failure|protocol version|insufficient security)|alert number (80|40|70|71)\b/i;
/** Connect errors told apart (refused, filtered, unreachable) and TLS alerts the server sent. */
function sharperError(p) {
    const e = p.error;
    if (!e)
        return null;
    const connected = p.transcript.some((t) => t.dir === "*" && /^connected to /.test(t.text)) || p.steps.some((s) => s.reply);
    if (e.kind === "connect" && /ECONNREFUSED|refused/i.test(e.message)) {
        return { id: "connect-refused", says: `: the host answered and refused port ${p.port}, so it is reachable but nothing accepts connections there.`, ruledOut: [
                { cause: "A firewall that silently drops the packets, or outbound port 25 blocked by this network.", evidence: "the connection was refused at once; a filtered port would have waited for the timeout" },
            ] };
    }
    if (e.kind === "connect" && /EHOSTUNREACH|ENETUNREACH|unreachable/i.test(e.message)) {
        return { id: "host-unreachable", says: ": no route to the host from this network.", ruledOut: [] };
    }
    if ((e.kind === "connect" && /ETIMEDOUT|timed out/i.test(e.message)) || (e.kind === "timeout" && !connected && /connect/i.test(e.message))) {
        return { id: "connect-timeout", says: `: nothing answered, neither a connection nor a refusal, so port ${p.port} is filtered or the host is down.`, ruledOut: [] };
    }
    const alert = e.kind === "tls" ? SERVER_ALERT.exec(e.message) : null;
    if (alert) {
        const internal = /internal error|number 80\b/i.test(e.message);
        return {
            id: "tls-server-alert",
            says: `: the server sent a TLS alert (${alert[1] ?? `alert ${alert[2]}`}) and aborted its own handshake.`,
            causeIds: internal ? ["server-tls-setup"] : ["no-common-protocol", "server-tls-setup"],
            ruledOut: [{ cause: "smtp-gate does not trust the server's certificate (a --ca or private-CA problem).", evidence: "the server aborted the handshake itself with an alert; a trust failure is smtp-gate's own verdict and says \"certificate verification failed\"" }],
        };
    }
    return null;
}
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
    // A listener behind a load balancer may wait for a PROXY header instead: unless one was sent.
    const proxyListener = p.proxyProtocol === undefined;
    return [(0,rule/* finding */.gk)("tls-mode-mismatch", "error", p.error.step, `No greeting arrived within the timeout and the server sent nothing at all: port ${p.port} probably expects implicit TLS (the server waits for a TLS handshake)${proxyListener ? ", or a PROXY protocol header (it sits behind a load balancer)" : ""}.`, [
            "A plain or STARTTLS client on an implicit-TLS port (465 by convention) waits for a banner that only comes after the handshake.",
            ...(proxyListener ? ["The listener expects a PROXY protocol header first (an MTA behind HAProxy or an AWS Network Load Balancer with the PROXY protocol on) and waits for it."] : []),
            "A firewall silently drops the connection's packets, or the server tarpits longer than the timeout.",
        ], [
            `Try \`tls: implicit\`; check by hand: \`openssl s_client -connect ${p.host}:${p.port} -crlf\`.`,
            ...(proxyListener ? ["If the MTA sits behind a load balancer that speaks the PROXY protocol, probe it the way the balancer does: `proxy-protocol: v1` (or `v2`; CLI `--proxy-protocol v1`)."] : []),
            "If that also hangs, look for a firewall dropping packets.",
        ])];
};
/**
 * A PROXY header sent to a server that does not expect one: it reads `PROXY TCP4 …` (or the v2
 * signature) as a command and answers it — a reply no command was waiting for, so the session
 * counted it as unsolicited. One finding for the cause (replies.ts leaves it to this rule).
 */
const proxyHeaderUnexpected = (p) => p.proxyProtocol && p.unsolicitedReplies > 0
    ? [(0,rule/* finding */.gk)("proxy-header-unexpected", "error", null, `smtp-gate sent a PROXY protocol ${p.proxyProtocol} header first, and the server answered it as a command (${p.unsolicitedReplies} repl${p.unsolicitedReplies === 1 ? "y" : "ies"} no command was waiting for): this listener does not expect the PROXY protocol.`, ["The target is the MTA itself, not a listener behind a PROXY-protocol load balancer; or the MTA's PROXY support is off (Postfix: postscreen_upstream_proxy_protocol is empty)."], ["Probe without `proxy-protocol`, or point it at the port that sits behind the load balancer.", "If the MTA should take the header (it is behind HAProxy or an NLB with proxy protocol on), enable it there (Postfix: `postscreen_upstream_proxy_protocol = haproxy` on the postscreen listener)."])]
    : [];

;// CONCATENATED MODULE: ./src/diagnose/firewall.ts
/**
 * An SMTP-inspecting firewall or security appliance in the path (Cisco PIX "fixup smtp", ASA
 * "inspect esmtp" and similar) leaves recognisable marks; two or more together are near proof.
 */


const refused = (s) => s.reply?.code === 500 || s.reply?.code === 502;
/** A reply that quotes the command as XXXX: what an appliance leaves of a command it replaced. */
function quotesXxxx(lines) {
    for (const l of lines)
        if (l.includes("XXXX") && /\bX{4,}\b/.test(l))
            return true;
    return false;
}
const smtpInspection = (p) => {
    const signs = [];
    let step = null;
    const greeting = p.steps[0];
    // Line by line, not joined: neither mark can span the space a join would put between lines.
    if (greeting?.reply?.lines.some((l) => l.includes("******"))) {
        signs.push("the banner is masked with asterisks");
        step = 0;
    }
    // The first step of each kind, in one pass with the cheap tests first: every target of a fleet runs this rule.
    let ehlo = -1;
    let helo = -1;
    let xxxx = -1;
    let starttls = -1;
    for (let i = 0; i < p.steps.length; i++) {
        const s = p.steps[i];
        if (refused(s)) {
            if (ehlo === -1 && /^EHLO\b/i.test(s.command ?? ""))
                ehlo = i;
            if (starttls === -1 && /^STARTTLS$/i.test(s.command ?? ""))
                starttls = i;
        }
        if (helo === -1 && s.extra === "fallback" && s.class === "success")
            helo = i;
        if (xxxx === -1 && s.reply && quotesXxxx(s.reply.lines))
            xxxx = i;
    }
    if (ehlo !== -1 && helo !== -1) {
        signs.push("EHLO was refused while HELO worked (the appliance allows only RFC 821 commands)");
        step ??= ehlo;
    }
    if (xxxx !== -1) {
        signs.push("a reply quotes the command as XXXX (the appliance replaced a command it does not allow)");
        step ??= xxxx;
    }
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
const openRelay = (p) => (0,rule/* perStep */.al)(p, (s, i) => s.check === "open-relay" && /^RCPT\b/i.test(s.command ?? "") && s.class === "success"
    ? (0,rule/* finding */.gk)("open-relay", "error", i, `The server accepted ${s.command} from an unauthenticated client: it is an open relay.`, ["The relay restrictions allow any client (Postfix: permit in smtpd_relay_restrictions without permit_sasl_authenticated/reject_unauth_destination), or mynetworks is too wide (includes the probe's address)."], ["Restrict relaying to authenticated clients: smtpd_relay_restrictions = permit_mynetworks, permit_sasl_authenticated, reject_unauth_destination, with a tight mynetworks.", "Spammers find open relays within hours: fix it now, then check the server's IP on blocklists."])
    : null);
const vrfyEnabled = (p) => (0,rule/* perStep */.al)(p, (s, i) => s.check === "vrfy" && (s.reply?.code === 250 || s.reply?.code === 251)
    ? (0,rule/* finding */.gk)("vrfy-enabled", "error", i, `The server confirms mailboxes with VRFY (${s.reply.code} ${s.reply.lines[0] ?? ""}), which lets anyone enumerate addresses.`, ["VRFY is enabled (RFC 5321 §7.3 allows disabling it)."], ["Disable it: Postfix disable_vrfy_command = yes; Exim: remove VRFY from acl_smtp_vrfy; or answer 252."])
    : null);

// EXTERNAL MODULE: ./src/protocol/address.ts
var protocol_address = __nccwpck_require__(1020);
;// CONCATENATED MODULE: ./src/diagnose/rdns.ts
/**
 * Reverse DNS of the address probed (what MXToolbox calls "reverse DNS mismatch"): its PTR
 * exists, resolves back to the same address (forward-confirmed), and names the MX host or at
 * least the name the server gives itself in its banner or EHLO reply. Receivers (Gmail for every
 * IPv6 sender, many others for all) refuse or downgrade mail from an address that fails this,
 * so it matters for every MX that also sends.
 */


const DIG = (address) => `\`dig +short -x ${address}\``;
/** The name a reply line starts with: `mx1.example.com ESMTP Postfix` → `mx1.example.com`. */
function firstWord(line) {
    const w = line?.trim().split(/\s+/)[0];
    return w ? w.replace(/\.$/, "").toLowerCase() : null;
}
/** A fully qualified domain name: a host name with a dot, not an address or a bracketed literal. */
function isFqdn(name) {
    return name.includes(".") && (0,protocol_address/* ipFamily */.Mr)(name) === 0 && (0,protocol_address/* checkHost */.RC)(name) === null && !/^\d+(\.\d+)*$/.test(name);
}
const reverseDnsFindings = (p) => {
    const r = p.rdns;
    if (!r)
        return [];
    const family = r.address.includes(":") ? "IPv6" : "IPv4";
    const host = (p.mxHost ?? p.host).toLowerCase();
    const banner = firstWord(p.steps[0]?.reply?.lines[0]);
    const ehloStep = p.steps.find((s) => /^EHLO\b/i.test(s.command ?? "") && s.class === "success");
    const ehlo = firstWord(ehloStep?.reply?.lines[0]);
    const out = [];
    if (r.error) {
        out.push((0,rule/* finding */.gk)("ptr-lookup-failed", "warning", null, `The PTR lookup for ${r.address} failed (${r.error}): its reverse DNS could not be checked.`, ["The reverse zone's name servers fail or do not answer (often the hosting provider's)."], [`Check with ${DIG(r.address)}; ask whoever holds the address block to fix the reverse zone.`]));
    }
    else if (!r.names.length) {
        out.push((0,rule/* finding */.gk)("ptr-missing", "warning", null, `${r.address} (${family}) has no PTR record: mail this host sends from it is refused or marked by many receivers${family === "IPv6" ? " (Gmail refuses IPv6 senders without one)" : ""}.`, ["The reverse zone of the address has no entry for it; reverse DNS is set by whoever holds the address block, usually the hosting provider, not in the domain's own zone."], [`Ask the provider to set the PTR of ${r.address} to ${host}, then check with ${DIG(r.address)}.`]));
    }
    else if (!r.confirmed.length) {
        out.push((0,rule/* finding */.gk)("ptr-mismatch", "warning", null, `The PTR of ${r.address} names ${r.names.join(", ")}, which does not resolve back to ${r.address}: forward-confirmed reverse DNS fails.`, [`The name's ${family === "IPv6" ? "AAAA" : "A"} record is missing or points elsewhere (an address was changed on one side only).`], [`Give ${r.names[0]} the ${family === "IPv6" ? "AAAA" : "A"} record ${r.address}, or set the PTR to a name that has it (${host}); check with ${DIG(r.address)} and \`dig +short ${r.names[0]} ${family === "IPv6" ? "AAAA" : "A"}\`.`]));
    }
    else if (![host, banner, ehlo].some((n) => n !== null && r.confirmed.includes(n))) {
        out.push((0,rule/* finding */.gk)("ptr-name-mismatch", "warning", null, `The PTR of ${r.address} is ${r.confirmed.join(", ")} (it resolves back), but it names neither the host probed (${host}) nor the name the server gives itself (${[banner, ehlo].filter((n) => n).join(" / ") || "none"}).`, ["The PTR still carries the provider's generic name, or the MTA announces a name other than its PTR."], [`Make the PTR, the MX host and the MTA's own name agree: set the PTR of ${r.address} to ${host}, and the MTA's host name (Postfix: myhostname; Exim: primary_hostname; Sendmail: confDOMAIN_NAME) to the same.`]));
    }
    const own = banner ?? ehlo;
    if (own !== null && !isFqdn(own)) {
        out.push((0,rule/* finding */.gk)("banner-name-not-fqdn", "notice", 0, `The server names itself "${own}" in its ${banner !== null ? "banner" : "EHLO reply"}, which is not a fully qualified domain name (RFC 5321 §4.1.1.1 and §4.3.1 expect the server's FQDN there).`, ["The MTA's host name is a bare host name or a placeholder."], ["Set the MTA's own name to its FQDN (Postfix: myhostname; Exim: primary_hostname; Sendmail: confDOMAIN_NAME)."]));
    }
    return out;
};

// EXTERNAL MODULE: ./src/knowledge/explain.ts + 2 modules
var explain = __nccwpck_require__(2184);
;// CONCATENATED MODULE: ./src/knowledge/reply-patterns.ts
/** The reply families, built on first use (only a reply that is not a success is matched): see replyCodes(). */
function replyPatterns() {
    return (replyPatternsTable ??= [
        {
            // Before greylisting and "service closing": a server that cannot write its own queue or log
            // (Sendmail "collect: Cannot write ./dfXXXX", "No space left on device") is not busy or greylisting.
            id: "server-storage", title: "the server cannot write to its own storage", codes: [421, 451, 452, 554],
            text: /\b(?:cannot|can't|could not|unable to|failed to) (?:write|create|open|fsync|rename)|no space left|disk (?:full|quota)|insufficient (?:disk|system storage)|queue file write error|\bdf[A-Za-z0-9]{4,}|I\/O error|read-only file system|write error|error writing/i,
            causes: ["The server cannot write to its own storage: the queue or spool filesystem is full, read-only, or has the wrong permissions."],
            fixes: ["Check free space and permissions where the server keeps its queue and logs (`df -h`, `df -i`), and its log for the failing write."],
            source: "RFC 5321 §4.2.2 (421, 451, 452); RFC 3463 X.3.1, X.3.0",
        },
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
            // "530 5.5.1 Must issue an AUTH command first" (Postfix after a working STARTTLS) asks for AUTH, not TLS.
            id: "auth-required", title: "authentication required", codes: [530], text: /\bAUTH\b|authenticat|log ?in first/i,
            causes: ["The server accepts mail only from authenticated clients on this port (submission)."],
            fixes: ["Configure credentials (`username` with `password-env`/`password`), and AUTH before MAIL."],
            source: "RFC 4954 §6",
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
            id: "starttls-repeated", title: "STARTTLS on a session already in TLS", codes: [454, 503, 554], verbs: ["STARTTLS"], text: /after start|already|TLS (?:is )?active|once/i,
            causes: ["STARTTLS was sent on a session that is already encrypted; RFC 3207 §4.2 forbids a second STARTTLS."],
            fixes: ["Send STARTTLS once: remove the second STARTTLS."],
            source: "RFC 3207 §4.2",
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
            // OpenSMTPD answers 524 5.2.4 when an address does not expand (RFC 3463 X.2.4).
            id: "recipient-expansion-failed", title: "recipient expansion failed", codes: [524, 550, 554, 450, 451], enhanced: /^[45]\.2\.4$/, verbs: ["RCPT"],
            causes: ["The address did not expand to a deliverable mailbox (alias, list or virtual table)."],
            fixes: ["Check the alias or virtual table the address expands through, and the server's log."],
            source: "RFC 3463 X.2.4",
        },
        {
            id: "unknown-user", title: "unknown user", codes: [550, 551, 553], enhanced: /^5\.1\.[16]$/,
            causes: ["The recipient mailbox does not exist on this server (typo, deleted account, or a missing alias)."],
            fixes: ["Check the address; on the server check the recipient maps (Postfix: local_recipient_maps, virtual_mailbox_maps)."],
            source: "RFC 3463 X.1.1, X.1.6",
        },
        {
            id: "relay-denied", title: "relay access denied", codes: [550, 551, 553, 554], text: /relay/i,
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
            id: "unknown-user", title: "unknown user", codes: [550, 551, 553], verbs: ["RCPT"],
            text: /unrouteable address|user unknown|unknown user|no such (?:user|mailbox|recipient)|mailbox (?:unavailable|not found)|does not exist|invalid recipient|recipient address rejected/i,
            causes: ["The recipient mailbox does not exist on this server (typo, deleted account, or a missing alias)."],
            fixes: ["Check the address; on the server check its recipient tables."],
            source: "RFC 5321 §4.2.2 (550); RFC 3463 X.1.1",
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
    ]);
}
let replyPatternsTable;
/** Ids for any other rejected reply, by code. */
const ID_BY_CODE = {
    421: "service-closing", 450: "mailbox-busy", 451: "local-error", 452: "insufficient-storage", 454: "temporary-failure",
    500: "command-unrecognized", 501: "syntax-error", 502: "command-not-implemented", 503: "bad-sequence",
    504: "parameter-not-implemented", 521: "no-mail-accepted", 530: "auth-or-tls-required", 550: "mailbox-unavailable",
    551: "user-not-local", 552: "message-too-large", 553: "mailbox-name-not-allowed", 554: "transaction-failed", 524: "recipient-expansion-failed",
    555: "parameters-not-recognized", 556: "domain-accepts-no-mail",
};
function matchReplyPattern(code, enhanced, text, verb) {
    return replyPatterns().find((p) => p.codes.includes(code) &&
        (!p.enhanced || (enhanced !== null && p.enhanced.test(enhanced))) &&
        (!p.text || p.text.test(text)) &&
        (!p.verbs || p.verbs.includes(verb)));
}

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
        // Without `insecure` the session already failed on it (error kind tls); a session that went on
        // past an untrusted certificate had verification off, an explicit choice: a notice, not a warning.
        const failed = p.error?.kind === "tls";
        const insecure = p.insecure ?? !failed;
        out.push((0,rule/* finding */.gk)("certificate-untrusted", failed ? "error" : insecure ? "notice" : "warning", null, `The server's certificate is not trusted: ${why} (${t.authorizationError}).${t.subject ? ` Subject: ${t.subject}${t.issuer ? `, issuer: ${t.issuer}` : ""}.` : ""}${!failed && insecure ? " Verification is off (insecure: true), so the session went on." : ""}`, ["A self-signed or private-CA certificate, an expired certificate, one issued for another host name, or a missing intermediate certificate."], ["Install a certificate from a public CA with the full chain (Let's Encrypt works for SMTP).", "For a private CA, pass it with `ca` / `--ca FILE` instead of turning verification off."]));
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
/**
 * The STARTTLS step that `tls: starttls` requires, when the server refused it for now (4xx), or -1.
 * Contract §7 (refining §2): the reply is transient, but nothing after STARTTLS — the production
 * sequence — was tested, so the target fails.
 */
function requiredStartTlsRefused(p) {
    if (p.tlsMode !== "starttls")
        return -1;
    return p.steps.findIndex((s, i) => /^STARTTLS\s*$/i.test(s.command ?? "") && s.class === "transient" && !tlsActiveAt(p, i));
}
/**
 * `tls: starttls` with a custom sequence that never runs STARTTLS: the session stayed in plain
 * text, which the configuration says it must not (the default sequence always sends STARTTLS).
 */
const plaintextSession = (p) => {
    if (p.tlsMode !== "starttls" || p.tls || p.steps.some((s) => /^STARTTLS\b/i.test(s.command ?? "")))
        return [];
    const i = p.steps.findIndex((s) => s.command && !s.extra && !/^(EHLO|HELO)\b/i.test(s.command));
    if (i === -1)
        return [];
    return [(0,rule/* finding */.gk)("plaintext-session", "warning", i, "tls is starttls, but the sequence never ran STARTTLS: the whole session stayed in plain text, so what it tested is not what an encrypted sender sees.", ["The custom steps leave out STARTTLS (and the EHLO after it)."], ["Add `STARTTLS` and `EHLO {helo}` after the first EHLO in the steps, or set `tls: none` if plain text is what you mean to test."])];
};

;// CONCATENATED MODULE: ./src/diagnose/replies.ts
/** Rules about individual replies: what a rejection means here, and replies that break the protocol. */









/** Every step that did not pass gets a finding: its family's advice, else the code's. */
const rejectedSteps = (p) => (0,rule/* perStep */.al)(p, (s, i) => {
    // A step whose failure is the session error (a TLS handshake after STARTTLS's 220) is explained by that error;
    // a reply that follows from an earlier refusal is covered by that refusal's finding.
    if (s.verdict === "pass" || !s.reply || p.error?.step === i || explainedByCheck(s) || s.consequenceOf !== undefined)
        return null;
    if (starttlsRefusedUnadvertised(p) === i)
        return null;
    const r = s.reply;
    if (s.class === "success" || s.class === "intermediate") {
        return (0,rule/* finding */.gk)("unexpected-acceptance", (0,rule/* severityOf */.xJ)(s), i, `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)} while ${s.expected} was expected: the server accepted what the test says it must refuse.`, ["The server's policy is more permissive than the test expects (for example an unknown user accepted and bounced later)."], ["Check the MTA's restrictions for this command; if the new behaviour is intended, change the step's `=> EXPECT`."]);
    }
    const { id, title, pattern, note } = familyOf(p, i);
    const e = (0,explain/* explain */.WE)(r.code, r.enhanced);
    const known = "error" in e ? null : e;
    const where = s.command === null || s.phase.startsWith('sending "') ? "" : ` while ${s.phase}`;
    const extra = sizeNote(p.extensions, r.code);
    const suggestion = r.code === 500 || r.code === 502 ? suggestCommand(p, i) : null;
    const required = requiredStartTlsRefused(p) === i
        ? " STARTTLS is required (tls: starttls): the refusal is temporary and on the server's side, but nothing after STARTTLS was tested, so the target fails."
        : "";
    const covered = DIAGNOSES[id] !== undefined;
    const family = serverFamily(p);
    // Table-covered ids get the table's weighed causes only; the rest get their family's and the code's, minus other products' knobs.
    const general = covered ? { causes: [], fixes: [] } : {
        causes: [...(pattern?.causes ?? []), ...(known?.causes ?? [])].filter((c) => !namesOtherProduct(c, family)),
        fixes: [...(pattern?.fixes ?? []), ...(known?.fixes ?? [])].filter((f) => !namesOtherProduct(f, family)),
    };
    const d = differential(id, p, i, { general, leadFixes: suggestion?.fixes ?? [] });
    const message = `${(0,rule/* quoted */.TL)(s)} was answered ${(0,rule/* codeText */.ph)(s)} (${title})${where}; ${s.expected} was expected.${note}${suggestion ? ` ${suggestion.sentence}` : ""}${extra}${required}`;
    return (0,rule/* finding */.gk)(id, required ? "error" : (0,rule/* severityOf */.xJ)(s), i, message, d.causes, withFallback(d.fixes), d.ruledOut);
});
/** The reply family of step `i`, read with the conversation around it (the session's TLS and login, the recipient's domain). */
function familyOf(p, i) {
    const s = p.steps[i];
    const r = s.reply;
    const verb = s.command === null ? "" : (0,protocol_command/* verbOf */.rl)(s.command);
    let pattern = matchReplyPattern(r.code, r.enhanced, r.lines.join(" "), verb);
    let note = "";
    // "530 … STARTTLS" on a session already in TLS asks for something else: authentication.
    if (pattern?.id === "starttls-required-first" && tlsActiveAt(p, i))
        pattern = replyPatterns().find((x) => x.id === "auth-required");
    // 454 to a second STARTTLS: the session is already encrypted, nothing is wrong with the certificate.
    if (verb === "STARTTLS" && r.code === 454 && tlsActiveAt(p, i))
        pattern = replyPatterns().find((x) => x.id === "starttls-repeated");
    const relay = verb === "RCPT" ? inferredRelay(p, i, pattern?.id) : null;
    if (relay) {
        pattern = replyPatterns().find((x) => x.id === "relay-denied");
        note = ` The reply does not say "relay", but it is a relay refusal: ${relay}.`;
    }
    const id = pattern?.id ?? ID_BY_CODE[r.code] ?? "unexpected-reply";
    return { id, title: pattern?.title ?? id.replace(/-/g, " "), pattern, note };
}
/**
 * A 550/551/553/554 to RCPT from an unauthenticated session, for a domain the server does not
 * seem to serve, is a relay refusal whatever its words (OpenSMTPD "550 Invalid recipient",
 * Haraka "550 I cannot deliver mail for <…>", Exim "550 relay not permitted"). Null when the
 * reply names its own reason (a blocklist, an unknown user by enhanced code) or the domain is local.
 */
function inferredRelay(p, i, patternId) {
    const s = p.steps[i];
    const r = s.reply;
    if (!r || ![550, 551, 553, 554].includes(r.code) || patternId === "relay-denied" || patternId === "blocklisted" || patternId === "recipient-expansion-failed")
        return null;
    if (r.enhanced && /^5\.1\.[16]$/.test(r.enhanced))
        return null;
    if (p.steps.slice(1, i).some((x) => /^AUTH\b/i.test(x.command ?? "") && x.reply?.code === 235))
        return null;
    const domain = recipientDomain(s.command ?? "");
    if (!domain || servedHere(p, i, domain))
        return null;
    return `the session did not authenticate and ${domain} is not a domain this server appears to serve`;
}
const recipientDomain = (command) => /<[^<>@]*@([^<>\s]+)>/.exec(command)?.[1]?.toLowerCase() ?? null;
/** The last two labels: enough to tell example.net from mx.example.com's example.com. */
const base = (name) => name.toLowerCase().split(".").filter(Boolean).slice(-2).join(".");
/** Whether `domain` looks like one the server receives for: its own host's domain, or one a RCPT of this session was accepted for. */
function servedHere(p, i, domain) {
    const hosts = [p.steps[0]?.reply?.lines[0], ...p.steps.filter((x) => /^EHLO\b/i.test(x.command ?? "") && x.class === "success").map((x) => x.reply?.lines[0])]
        .map((l) => (l ?? "").trim().split(/\s+/)[0] ?? "").filter((h) => h.includes("."));
    if (hosts.some((h) => base(h) === base(domain) || h.toLowerCase() === domain))
        return true;
    return p.steps.some((x, j) => j !== i && /^RCPT\b/i.test(x.command ?? "") && x.class === "success" && recipientDomain(x.command ?? "") === domain);
}
/** With `tls: starttls`, the STARTTLS step the server refused without having advertised it: starttls-not-advertised covers it. */
function starttlsRefusedUnadvertised(p) {
    if (p.tlsMode !== "starttls" || (0,protocol_ehlo/* findExtension */.bW)(p.extensionsBeforeTls ?? p.extensions, "STARTTLS"))
        return -1;
    return p.steps.findIndex((x) => /^STARTTLS\s*$/i.test(x.command ?? "") && x.class === "permanent");
}
/** Accepted relay RCPTs and confirming VRFYs have their own findings (policy.ts). */
function explainedByCheck(s) {
    if (s.check === "open-relay")
        return /^RCPT\b/i.test(s.command ?? "") && s.class === "success";
    if (s.check === "vrfy")
        return s.reply?.code === 250 || s.reply?.code === 251;
    return false;
}
/** A code the tables do not know still gets something to do. */
function withFallback(fixes) {
    return fixes.length ? fixes : ["Read the reply text: servers name the policy or limit that fired.", "Look at the MTA's log for this session's time to see why it answered so."];
}
function sizeNote(extensions, code) {
    if (code !== 552 && code !== 452)
        return "";
    const size = (0,protocol_ehlo/* findExtension */.bW)(extensions, "SIZE");
    const limit = size ? Number(size.split(/\s+/)[1]) : NaN;
    return size ? (limit > 0 ? ` The server advertises SIZE ${limit} (${(limit / 1048576).toFixed(1)} MiB).` : " The server advertises SIZE without a fixed limit.") : "";
}
/** RFC 3463 §2 / RFC 2034: the enhanced class must agree with the reply's first digit. */
const enhancedMismatch = (p) => (0,rule/* perStep */.al)(p, (s, i) => {
    const r = s.reply;
    if (!r?.enhanced || r.code < 200)
        return null;
    const first = Math.floor(r.code / 100);
    if (first === 3 || Number(r.enhanced[0]) === first)
        return null;
    return (0,rule/* finding */.gk)("enhanced-code-mismatch", "warning", i, `${(0,rule/* quoted */.TL)(s)} was answered ${r.code} with enhanced code ${r.enhanced}, whose class ${r.enhanced[0]} contradicts the reply code; clients go by the reply code, so the reply is ${first === 4 ? "transient" : first === 5 ? "permanent" : "a success"}.`, ["A misconfigured MTA or a filter (milter, policy service) that writes its own reply text with the wrong enhanced code.", "An appliance in the path rewrote the reply."], ["Fix the reply template in the MTA or filter so the enhanced class matches (Postfix sanitises such codes to X.0.0 on its client side)."]);
});
/** Bare LF line endings violate RFC 5321 §2.3.8 and are a classic source of 500s and smuggling. */
const bareLineFeeds = (p) => {
    const i = p.steps.findIndex((s) => s.reply && s.reply.ending !== "crlf");
    if (i === -1)
        return [];
    return [(0,rule/* finding */.gk)("bare-lf-replies", "warning", i, "The server's replies end lines with a bare LF instead of CRLF (RFC 5321 §2.3.8).", ["A proxy, load balancer or appliance in the path rewrites line endings.", "A non-standard or home-made SMTP server."], ["Capture the raw bytes (`openssl s_client … -crlf`, or tcpdump) on both sides of the appliances to find which one rewrites the stream."])];
};
/**
 * Replies that came before the command they would answer: the conversation is out of step, so no
 * later reply can be trusted to answer the command it seems to (RFC 5321 §4.3.1, RFC 2920 §3.1).
 * smtp-gate credits none of them to a step; the target fails, since what the server really said
 * to each command cannot be known.
 */
const unsolicitedReplies = (p) => 
// A PROXY header answered as a command has its own finding (connection.ts).
p.unsolicitedReplies && !p.proxyProtocol
    ? [(0,rule/* finding */.gk)("unsolicited-reply", "error", null, `The server talks out of turn: it sent ${p.unsolicitedReplies} repl${p.unsolicitedReplies === 1 ? "y" : "ies"} that no command was waiting for (RFC 5321 §4.3.1; with PIPELINING, RFC 2920 §3.1). They were not counted as answers, so the conversation cannot be trusted to show what the server said to each command.`, ["The server answers before its turn or answers a command twice (a broken or hostile SMTP implementation).", "An appliance or proxy in the path injected replies."], ["Read the transcript for the extra replies (marked \"unsolicited reply … discarded\"), and capture the raw stream on both sides of any appliance to see which one adds them."])]
    : [];

// EXTERNAL MODULE: ./src/protocol/reply.ts
var reply = __nccwpck_require__(6488);
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
        const verb = (0,protocol_command/* verbOf */.rl)(s.command);
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
            : `The reply to pipelined "${s?.command}" (${s?.reply ? (0,reply/* replyCodeText */.tI)(s.reply) : ""}) cannot answer that command: replies came merged or out of order.`, ["An appliance or proxy in the path that inspects SMTP does not handle several commands in one packet, although the server behind it advertises PIPELINING.", "A server bug in its pipelining support."], ["Retry with `pipelining: off` to confirm; then fix or bypass the appliance, or make the server stop advertising PIPELINING (Postfix: smtpd_discard_ehlo_keywords = pipelining)."])];
};

;// CONCATENATED MODULE: ./src/diagnose/smuggling.ts


const names = (vs) => vs.map((v) => v.variant).join(", ");
const smtpSmuggling = (p) => {
    const results = p.smuggling;
    if (!results)
        return [];
    const ended = results.filter((v) => v.endedData === true);
    const unknown = results.filter((v) => v.endedData === null);
    const tried = results.filter((v) => v.endedData !== null);
    if (ended.length) {
        const d = differential("smtp-smuggling", p, null);
        return [(0,rule/* finding */.gk)("smtp-smuggling", "error", null, `The server ended the message at ${ended.length === 1 ? "a non-standard end of data" : `${ended.length} non-standard ends of data`}: ${names(ended)} (it answered the message early, then answered the smuggled line and the closing "." as commands). A sender can hide a second message inside the first (SMTP smuggling).${unknown.length ? ` Not determined: ${names(unknown)}.` : ""}`, d.causes, d.fixes, d.ruledOut)];
    }
    if (!tried.length) {
        const why = unknown[0]?.note ?? "not tried";
        return [(0,rule/* finding */.gk)("smtp-smuggling-not-checked", "warning", null, `The SMTP smuggling check did not run: ${why.replace(/^not tried: /, "")}.`, ["The normal transaction did not deliver, or the server ended the session."], ["Fix what stopped the normal transaction first (see the other findings), then run the check again."])];
    }
    if (unknown.length) {
        return [(0,rule/* finding */.gk)("smtp-smuggling-incomplete", "warning", null, `The server treated ${names(tried)} as message content (each message was answered once), but ${names(unknown)} could not be checked: ${unknown[0]?.note ?? "unknown"}.`, ["The server refused a test transaction or closed the connection during the check (some servers drop the session at a bare <CR> or <LF>)."], ["Read the `smuggling` entries and the transcript for the variant that stopped the check."])];
    }
    return [(0,rule/* finding */.gk)("smtp-smuggling-ok", "notice", null, `No SMTP smuggling: the server answered each of the ${tried.length} test messages once, so it took none of ${names(tried)} as the end of data.`, [], [])];
};

;// CONCATENATED MODULE: ./src/diagnose/index.ts
/** Diagnosis: every rule over a finished probe, in the order their findings are shown. */















const RULES = [
    sessionError, notSmtp, tlsModeMismatch, proxyHeaderUnexpected, credentialsWithheld, rejectedSteps, smtpInspection, starttlsNotAdvertised, notAdvertised,
    certificate, requireTls, plaintextSession, oversizeMessage, openRelay, vrfyEnabled, authBeforeTls, expectedExtensions, latency, baseline/* baselineDrift */.D,
    brokenPipelining, enhancedMismatch, bareLineFeeds, unsolicitedReplies, credentialsInClear, shortSecret, reverseDnsFindings,
    smtpSmuggling,
];
/**
 * The findings for a finished probe: one per root cause. The outcome is prepared first (replies
 * that follow from an earlier refusal marked, the server recognised) unless the engine did so.
 */
function diagnose(outcome, policy = config_policy/* DEFAULT_POLICY */.zj, rules = RULES) {
    const p = prepareOutcome(outcome);
    // A PROXY header answered as a command puts every later reply out of step: it is the one
    // cause, and what the steps seem to say follows from it.
    const outOfStep = rules.includes(proxyHeaderUnexpected) ? proxyHeaderUnexpected(p, policy) : [];
    if (outOfStep.length)
        return outOfStep;
    const out = [];
    for (const rule of rules)
        for (const f of rule(p, policy))
            out.push(fitToTarget(f, p));
    return mergeIdentical(out);
}
/**
 * Every fix runnable for this target (no placeholder host or port), and no other product's knobs
 * where a fix that fits this server remains.
 */
function fitToTarget(f, p) {
    const family = serverFamily(p);
    const fixes = f.fixes.map((x) => forTarget(x, p));
    const fitting = fixes.filter((x) => !namesOtherProduct(x, family));
    return { ...f, fixes: fitting.length ? fitting : fixes };
}
/** Findings of one id with the same message (one cause said twice, e.g. by two rules) become one. */
function mergeIdentical(fs) {
    const seen = new Set();
    return fs.filter((f) => {
        const key = `${f.id}\u0000${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}

;// CONCATENATED MODULE: ./src/diagnose/addresses.ts

/**
 * The comparison people need from address expansion: one MX host whose addresses disagree
 * ("IPv6 fails, IPv4 passes") — senders that prefer the failing path see it fail. Each failing
 * address of such a host gets a finding that names the others.
 */
function compareAddresses(results) {
    const byHost = new Map();
    for (const r of results) {
        if (r.address === undefined || (r.mxHost === undefined && r.rdns === undefined))
            continue;
        const key = `${r.mxHost ?? r.host}:${r.port}`;
        byHost.set(key, [...(byHost.get(key) ?? []), r]);
    }
    for (const group of byHost.values()) {
        const passing = group.filter((r) => r.verdict !== "fail");
        const failing = group.filter((r) => r.verdict === "fail");
        if (!passing.length || !failing.length)
            continue;
        const family = (r) => ((r.address ?? "").includes(":") ? "IPv6" : "IPv4");
        const families = (rs) => [...new Set(rs.map(family))].join(" and ");
        for (const r of failing) {
            r.findings.push((0,rule/* finding */.gk)("addresses-disagree", "warning", null, `${r.mxHost ?? r.host}: ${r.address} (${family(r)}) fails while ${passing.map((x) => `${x.address} (${family(x)})`).join(", ")} pass${passing.length === 1 ? "es" : ""}: senders that use ${families(failing)} (Gmail and Microsoft prefer IPv6 when an MX has an AAAA record) see this failure, while checks over ${families(passing)} look fine.`, [`Only the ${families(failing)} path is broken: a firewall rule, a listener bound to one family, or a load balancer for one family.`], [`Compare the two paths by hand: \`openssl s_client -starttls smtp -connect [${r.address}]:${r.port} -crlf\` against a passing address; check that the MTA listens on every address (Postfix: inet_protocols = all).`]));
        }
    }
}

;// CONCATENATED MODULE: external "node:dns/promises"
const promises_namespaceObject = require("node:dns/promises");
;// CONCATENATED MODULE: ./src/protocol/proxy-header.ts
/**
 * The HAProxy PROXY protocol header (haproxy.org, doc/proxy-protocol.txt), sent first on a
 * connection so that a backend behind a load balancer (HAProxy, AWS NLB, Postfix postscreen with
 * `postscreen_upstream_proxy_protocol = haproxy`) learns the client's address. Pure.
 *
 *   v1:  "PROXY TCP4 192.0.2.7 198.51.100.25 51234 25\r\n"   (text, at most 107 bytes)
 *   v2:  \r\n\r\n\0\r\nQUIT\n  0x21  0x11|0x21  length  addresses ports   (binary)
 */

/** The v2 signature (§2.2): it cannot start a valid v1 header or an HTTP/SMTP command. */
const V2_SIGNATURE = Buffer.from([0x0d, 0x0a, 0x0d, 0x0a, 0x00, 0x0d, 0x0a, 0x51, 0x55, 0x49, 0x54, 0x0a]);
/** The header for these endpoints; `UNKNOWN` (v1) or LOCAL (v2) when the addresses are not both of one IP family. */
function proxyHeader(version, e) {
    const family = e ? proxy_header_familyOf(e) : null;
    return version === "v1" ? Buffer.from(v1(e, family), "latin1") : v2(e, family);
}
function proxy_header_familyOf(e) {
    const src = (0,protocol_address/* ipFamily */.Mr)(unmapped(e.source));
    return src !== 0 && src === (0,protocol_address/* ipFamily */.Mr)(unmapped(e.destination)) ? src : null;
}
/** Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d; the header wants a.b.c.d. */
function unmapped(address) {
    return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}
function v1(e, family) {
    if (!e || !family)
        return "PROXY UNKNOWN\r\n";
    return `PROXY TCP${family} ${unmapped(e.source)} ${unmapped(e.destination)} ${e.sourcePort} ${e.destinationPort}\r\n`;
}
function v2(e, family) {
    if (!e || !family) {
        // Version 2, command LOCAL (0x20), family UNSPEC: the receiver uses the connection's own addresses.
        return Buffer.concat([V2_SIGNATURE, Buffer.from([0x20, 0x00, 0x00, 0x00])]);
    }
    const addresses = Buffer.concat([addressBytes(unmapped(e.source), family), addressBytes(unmapped(e.destination), family), port(e.sourcePort), port(e.destinationPort)]);
    // Version 2, command PROXY (0x21); TCP over IPv4 (0x11) or IPv6 (0x21); then the length.
    const head = Buffer.from([0x21, family === 4 ? 0x11 : 0x21, addresses.length >> 8, addresses.length & 0xff]);
    return Buffer.concat([V2_SIGNATURE, head, addresses]);
}
function port(p) {
    return Buffer.from([p >> 8, p & 0xff]);
}
/** Network-order bytes of an address already known to be of `family`. */
function addressBytes(address, family) {
    if (family === 4)
        return Buffer.from(address.split(".").map(Number));
    const [head = "", tail = ""] = address.includes("::") ? address.split("::") : [address, ""];
    const groups = (s) => (s ? s.split(":") : []);
    let h = groups(head);
    let t = groups(tail);
    // An embedded IPv4 tail (::ffff:1.2.3.4, 64:ff9b::1.2.3.4) is two groups.
    const fromV4 = (gs) => {
        const last = gs[gs.length - 1];
        if (!last?.includes("."))
            return gs;
        const b = last.split(".").map(Number);
        return [...gs.slice(0, -1), ((b[0] << 8) | b[1]).toString(16), ((b[2] << 8) | b[3]).toString(16)];
    };
    if (t.length)
        t = fromV4(t);
    else
        h = fromV4(h);
    const all = address.includes("::") ? [...h, ...Array(8 - h.length - t.length).fill("0"), ...t] : h;
    const out = Buffer.alloc(16);
    all.forEach((g, i) => out.writeUInt16BE(parseInt(g, 16), i * 2));
    return out;
}

;// CONCATENATED MODULE: ./src/engine/mx.ts
/**
 * MX expansion (RFC 5321 §5.1): a mail domain → the hosts that receive its mail, most preferred
 * first. A domain without MX records but with an address is its own implicit MX (preference 0);
 * a null MX (RFC 7505) says the domain accepts no mail at all. Failures are values, kind `dns`.
 */

const WORDS = {
    ENOTFOUND: "the domain does not exist (NXDOMAIN)",
    ENODATA: "no records of that type",
    ESERVFAIL: "the DNS server failed (SERVFAIL)",
    EREFUSED: "the DNS server refused the query",
    ETIMEOUT: "the DNS query timed out",
    ECONNREFUSED: "the DNS server could not be reached",
    EFORMERR: "the DNS server could not parse the query",
    EBADRESP: "the DNS server sent a malformed reply",
    EBADNAME: "not a valid domain name",
};
/** Does not throw: every DNS failure comes back as `{ error: { kind: "dns", … } }`. */
async function expandMx(domain, resolver = new promises_namespaceObject.Resolver()) {
    const name = domain.trim().replace(/\.$/, "").toLowerCase();
    if (!name || name.length > 253 || !/^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(name)) {
        return { error: { kind: "dns", code: "EBADNAME", message: `"${domain}" is not a valid domain name` } };
    }
    let records;
    try {
        records = await resolver.resolveMx(name);
    }
    catch (e) {
        const code = codeOf(e);
        // RFC 5321 §5.1: no MX records at all → the domain itself, if it has an address.
        if (code === "ENODATA" || code === "ENOTFOUND")
            return implicitMx(name, resolver, code);
        return { error: dnsError(code, `MX lookup for ${name}`) };
    }
    if (records.length === 0)
        return implicitMx(name, resolver, "ENODATA");
    // RFC 7505 §3: a single MX whose exchange is the root (".", which c-ares gives as "").
    if (records.length === 1 && isRoot(records[0]?.exchange ?? "")) {
        return { error: { kind: "dns", code: "NULL_MX", nullMx: true, message: `${name} publishes a null MX (RFC 7505): it accepts no mail` } };
    }
    const best = new Map();
    for (const r of records) {
        if (isRoot(r.exchange))
            continue; // a "." beside real MX records is a misconfiguration; skip it
        const host = r.exchange.replace(/\.$/, "").toLowerCase();
        best.set(host, Math.min(best.get(host) ?? Infinity, r.priority));
    }
    const hosts = [...best].map(([host, preference]) => ({ host, preference }));
    hosts.sort((a, b) => a.preference - b.preference || (a.host < b.host ? -1 : a.host > b.host ? 1 : 0));
    return { hosts };
}
async function implicitMx(name, resolver, mxCode) {
    const settled = await Promise.allSettled([resolver.resolve4(name), resolver.resolve6(name)]);
    if (settled.some((s) => s.status === "fulfilled" && s.value.length > 0))
        return { hosts: [{ host: name, preference: 0 }], implicit: true };
    // NXDOMAIN on MX says the name does not exist at all; otherwise report what the address lookups said.
    const rejected = settled.find((s) => s.status === "rejected" && codeOf(s.reason) !== "ENODATA");
    const code = mxCode === "ENOTFOUND" ? mxCode : rejected ? codeOf(rejected.reason) : "ENODATA";
    const why = code === "ENODATA" ? "it has no MX and no address records" : WORDS[code] ?? code;
    return { error: dnsError(code, `MX lookup for ${name}`, why) };
}
function dnsError(code, what, why = WORDS[code] ?? code) {
    return { kind: "dns", code, message: `${what}: ${why}${why.includes(code) ? "" : ` (${code})`}` };
}
const isRoot = (exchange) => exchange === "" || exchange === ".";
function codeOf(e) {
    const code = e?.code;
    return typeof code === "string" ? code : "EUNKNOWN";
}

;// CONCATENATED MODULE: ./src/engine/dns.ts
/**
 * DNS for address expansion and forward-confirmed reverse DNS: one resolver per run, pointed at
 * the configured server (`resolver: HOST[:PORT]`) or the system's, with every answer cached for
 * the run. PTR records are asked for by name (`7.2.0.192.in-addr.arpa`, RFC 1035 §3.5; `ip6.arpa`,
 * RFC 3596 §2.5) so that the configured server answers them: node's Resolver.reverse() may answer
 * from /etc/hosts instead.
 */



function createResolver(server) {
    const r = new promises_namespaceObject.Resolver({ timeout: 3000, tries: 2 });
    if (server)
        r.setServers([server.host.includes(":") ? `[${server.host}]:${server.port}` : `${server.host}:${server.port}`]);
    return r;
}
function runDns(resolver) {
    const cache = new Map();
    const once = (key, ask) => {
        let p = cache.get(key);
        if (!p)
            cache.set(key, (p = ask()));
        return p;
    };
    const settle = async (ask) => {
        try {
            return await ask();
        }
        catch (e) {
            const code = e.code;
            return { code: typeof code === "string" ? code : "EUNKNOWN" };
        }
    };
    return {
        mx: (domain) => once(`MX ${domain}`, () => expandMx(domain, resolver)),
        addresses: (host, family) => once(`${family === 4 ? "A" : "AAAA"} ${host}`, () => settle(() => (family === 4 ? resolver.resolve4(host) : resolver.resolve6(host)))),
        ptr: (address) => once(`PTR ${address}`, () => settle(() => resolver.resolvePtr(reverseName(address)))),
    };
}
/** The name a PTR record of `address` lives at. */
function reverseName(address) {
    if (!address.includes(":"))
        return `${address.split(".").reverse().join(".")}.in-addr.arpa`;
    const nibbles = addressBytes(address, 6).toString("hex").split("");
    return `${nibbles.reverse().join(".")}.ip6.arpa`;
}
async function reverseDns(dns, address) {
    const family = address.includes(":") ? 6 : 4;
    const ptr = await dns.ptr(address);
    if (!Array.isArray(ptr)) {
        const none = ptr.code === "ENOTFOUND" || ptr.code === "ENODATA";
        return { address, names: [], confirmed: [], ...(none ? {} : { error: ptr.code }) };
    }
    const names = ptr.map((n) => n.replace(/\.$/, "").toLowerCase());
    const confirmed = [];
    for (const name of names) {
        const forward = await dns.addresses(name, family);
        if (Array.isArray(forward) && forward.some((a) => sameAddress(a, address)))
            confirmed.push(name);
    }
    return { address, names, confirmed };
}
function sameAddress(a, b) {
    if (!a.includes(":") || !b.includes(":"))
        return a === b;
    return addressBytes(a, 6).equals(addressBytes(b, 6));
}

;// CONCATENATED MODULE: ./src/session/clock.ts
/**
 * Monotonic milliseconds, for step timings and deadlines. process.hrtime rather than
 * performance.now(): the global `performance` loads node:perf_hooks and ten modules under it on
 * first touch, about 1.5 ms of a probe process's start-up.
 */
const monotonicMs = () => Number(process.hrtime.bigint()) / 1e6;

;// CONCATENATED MODULE: ./src/engine/expand.ts





async function expandTarget(t, dns) {
    if (t.mx === undefined && !t.everyAddress)
        return [t];
    const started = monotonicMs();
    let hosts;
    if (t.mx !== undefined) {
        const r = await dns.mx(t.mx);
        if (!("hosts" in r) || !r.hosts.length)
            return [dnsFailure(t, t.mx, "error" in r ? r.error.message : `MX lookup for ${t.mx}: no hosts`, started)];
        hosts = r.hosts.map((h) => ({ host: h.host, label: `${t.name} → ${h.host} (${h.preference})` }));
    }
    else {
        hosts = [{ host: t.host, label: t.name }];
    }
    const out = [];
    for (const { host, label } of hosts) {
        const found = await addressesOf(dns, host, t.ip);
        if (!Array.isArray(found)) {
            out.push(dnsFailure({ ...t, name: label }, host, found.message, started));
            continue;
        }
        for (const address of found) {
            const expanded = { ...t, host, address, name: `${label} [${address}]`, rdns: await reverseDns(dns, address) };
            delete expanded.mx;
            if (t.mx !== undefined)
                expanded.mxHost = host;
            out.push(expanded);
        }
    }
    return out;
}
/** IPv6 first, then IPv4, or the one family asked for; an address literal is its own. */
async function addressesOf(dns, host, only) {
    const literal = (0,protocol_address/* ipFamily */.Mr)(host);
    if (literal)
        return only === undefined || only === literal ? [host] : { message: `${host} is an IPv${literal} address, and ip is ${only}` };
    const families = only ? [only] : [6, 4];
    const found = [];
    const codes = [];
    for (const family of families) {
        const r = await dns.addresses(host, family);
        if (Array.isArray(r))
            found.push(...r);
        else
            codes.push(r.code);
    }
    if (found.length)
        return found;
    const kinds = families.map((f) => (f === 4 ? "A" : "AAAA")).join(" or ");
    const failure = codes.find((c) => c !== "ENODATA" && c !== "ENOTFOUND");
    return { message: `${host} has no ${kinds} record${failure ? ` (the lookup failed: ${failure})` : codes.includes("ENOTFOUND") ? " (NXDOMAIN)" : ""}` };
}
function dnsFailure(t, host, message, started) {
    const outcome = {
        name: t.name, host, port: t.port, tlsMode: t.tls, durationMs: Math.round(monotonicMs() - started),
        error: { kind: "dns", message, step: null }, tls: null, extensions: [], extensionsBeforeTls: null, steps: [],
        transcript: [], transcriptCapped: false, unsolicitedReplies: 0, closedByServer: false, ...(t.source ? { source: t.source } : {}),
    };
    const findings = diagnose(outcome, t.policy);
    const { closedByServer: _c, ...result } = outcome;
    return { ...result, findings, verdict: (0,engine_verdict/* targetVerdict */.Fo)([], true, findings, t.failOn) };
}

// EXTERNAL MODULE: ./src/protocol/auth.ts
var auth = __nccwpck_require__(1880);
// EXTERNAL MODULE: ./src/protocol/classify.ts
var classify = __nccwpck_require__(8808);
// EXTERNAL MODULE: ./src/protocol/expect.ts
var protocol_expect = __nccwpck_require__(9567);
// EXTERNAL MODULE: ./src/builtins.ts
var builtins = __nccwpck_require__(7227);
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
    const body = m.body ?? DEFAULT_BODY;
    const headers = [
        `From: <${m.from}>`,
        `To: ${m.to.map((t) => `<${t}>`).join(", ")}`,
        `Subject: smtp-gate test message`,
        `Date: ${rfc5322Date(m.date ?? new Date())}`,
        `Message-ID: <${(0,builtins/* loadCrypto */.QZ)().randomUUID()}@${domain}>`,
        `Auto-Submitted: auto-generated`,
        `X-Smtp-Gate: test`,
        `MIME-Version: 1.0`,
        `Content-Type: text/plain; charset=utf-8`,
        `Content-Transfer-Encoding: ${isAscii(body) ? "7bit" : "8bit"}`,
    ];
    return `${headers.join("\n")}\n\n${body}`;
}
function isAscii(text) {
    // eslint-disable-next-line no-control-regex
    return /^[\x00-\x7f]*$/.test(text);
}
/**
 * The MAIL FROM parameters a production sender adds for what the server advertised:
 * SIZE= (RFC 1870), BODY=8BITMIME for 8-bit content (RFC 6152), SMTPUTF8 for UTF-8 addresses
 * (RFC 6531). `advertised` tells whether a keyword was offered.
 */
function mailParameters(o) {
    const p = [];
    if (o.size !== null && o.advertised("SIZE"))
        p.push(`SIZE=${o.size}`);
    if (o.eightBit && o.advertised("8BITMIME"))
        p.push("BODY=8BITMIME");
    if (o.utf8Addresses && o.advertised("SMTPUTF8"))
        p.push("SMTPUTF8");
    return p.map((x) => ` ${x}`).join("");
}
/**
 * Frames a message for DATA: every line ending becomes CRLF, every line that starts with "."
 * gets one more (all of them, not just the first), over-long lines are folded at 998 octets,
 * and the terminating `.` line is appended.
 */
function frameForData(text) {
    const out = crlfLines(text).map((piece) => (piece.startsWith(".") ? `.${piece}` : piece));
    out.push(".");
    return Buffer.from(`${out.join("\r\n")}\r\n`, "utf8");
}
/**
 * Frames a message as one BDAT chunk (RFC 3030 §2): CRLF line endings and folded lines as for
 * DATA, but no dot-stuffing and no terminator — the chunk's size says where it ends.
 */
function frameForBdat(text) {
    return Buffer.from(`${crlfLines(text).join("\r\n")}\r\n`, "utf8");
}
/** The message's lines, each at most 998 octets (RFC 5321 §4.5.3.1.6), to be joined with CRLF. */
function crlfLines(text) {
    const lines = text.replace(/\r\n|\r|\n/g, "\n").split("\n");
    if (lines[lines.length - 1] === "")
        lines.pop();
    return lines.flatMap((line) => splitOctets(line, MAX_TEXT_LINE_OCTETS - 1));
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
// EXTERNAL MODULE: ./src/protocol/lines.ts
var lines = __nccwpck_require__(8027);
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
        return { kind: "dns", message: `cannot resolve host (${code})`, nodeCode: code };
    if (CONNECT_CODES.has(code))
        return { kind: "connect", message: `${CONNECT_WORDS[code] ?? "cannot connect"} (${code})`, nodeCode: code };
    if (phase === "tls" || code.startsWith("ERR_SSL") || code.startsWith("ERR_TLS")) {
        const why = RESET_CODES.has(code) ? `the server reset the connection (${code})` : tlsReason(err);
        return { kind: "tls", message: `TLS handshake failed: ${why}`, nodeCode: code || undefined };
    }
    if (RESET_CODES.has(code))
        return { kind: "closed", message: `connection reset by the server (${code})`, nodeCode: code };
    if (phase === "connect")
        return { kind: "connect", message: `cannot connect: ${err.message}`, nodeCode: code || undefined };
    return { kind: "closed", message: `connection failed: ${err.message}`, nodeCode: code || undefined };
}
function tlsReason(err) {
    // OpenSSL messages look like "...:error:0A00010B:SSL routines::wrong version number"; keep the words.
    const m = /SSL routines::?([^\n]+)$/.exec(err.message);
    return (m?.[1] ?? err.message).trim();
}

;// CONCATENATED MODULE: ./src/protocol/socks5.ts
/**
 * SOCKS version 5 (RFC 1928) with username/password authentication (RFC 1929): the messages a
 * client writes and a parser for what the proxy answers. Pure: the session does the I/O.
 *
 *   C: 05 02 00 02                      greeting: no authentication, or username/password
 *   S: 05 02                            the proxy chose username/password (§3)
 *   C: 01 ulen user plen pass           RFC 1929 §2
 *   S: 01 00                            accepted
 *   C: 05 01 00 03 len name port        CONNECT to a domain name (ATYP 3), or 01 IPv4 / 04 IPv6 (§4)
 *   S: 05 00 00 01 a.b.c.d port         succeeded; BND.ADDR and BND.PORT (§6)
 */


/** RFC 1928 §6: what each REP code means, in words for the report. */
const SOCKS5_REPLIES = {
    1: "general SOCKS server failure",
    2: "connection not allowed by the proxy's rules",
    3: "network unreachable",
    4: "host unreachable",
    5: "connection refused by destination",
    6: "TTL expired",
    7: "command not supported",
    8: "address type not supported",
};
function socks5Greeting(credentials) {
    return Buffer.from(credentials ? [0x05, 0x02, 0x00, 0x02] : [0x05, 0x01, 0x00]);
}
/** RFC 1929 §2: each field is 1 to 255 octets. */
function socks5Auth(c) {
    const user = Buffer.from(c.username, "utf8");
    const pass = Buffer.from(c.password, "utf8");
    return Buffer.concat([Buffer.from([0x01, user.length]), user, Buffer.from([pass.length]), pass]);
}
/** CONNECT: an address as an address, a host name as a domain name so that the proxy resolves it (§4, §5). */
function socks5Connect(host, port) {
    const family = (0,protocol_address/* ipFamily */.Mr)(host);
    const address = family === 0
        ? Buffer.concat([Buffer.from([0x03, Buffer.byteLength(host)]), Buffer.from(host, "utf8")])
        : Buffer.concat([Buffer.from([family === 4 ? 0x01 : 0x04]), addressBytes(host, family)]);
    return Buffer.concat([Buffer.from([0x05, 0x01, 0x00]), address, Buffer.from([port >> 8, port & 0xff])]);
}
/**
 * Reads the proxy's answer at `step` from the bytes so far: `need` when more are to come,
 * `done` with how many bytes it took (what follows belongs to the tunnelled connection), or a
 * problem in words.
 */
function parseSocks5Reply(step, b) {
    if (step === "method") {
        if (b.length < 2)
            return { need: true };
        if (b[0] !== 0x05)
            return { problem: "the proxy does not speak SOCKS version 5" };
        if (b[1] === 0xff)
            return { problem: "the proxy accepts none of the offered authentication methods (it may require a username and password)" };
        if (b[1] !== 0x00 && b[1] !== 0x02)
            return { problem: `the proxy chose an authentication method smtp-gate did not offer (${b[1]})` };
        return { done: 2, method: b[1] };
    }
    if (step === "auth") {
        if (b.length < 2)
            return { need: true };
        return b[1] === 0x00 ? { done: 2 } : { problem: "the proxy refused the username and password (RFC 1929)" };
    }
    if (b.length < 5)
        return { need: true };
    if (b[0] !== 0x05)
        return { problem: "the proxy's answer to CONNECT is not SOCKS version 5" };
    if (b[1] !== 0x00)
        return { problem: `the proxy could not connect: ${SOCKS5_REPLIES[b[1]] ?? `reply code ${b[1]}`}` };
    const atyp = b[3];
    const addressLength = atyp === 0x01 ? 4 : atyp === 0x04 ? 16 : atyp === 0x03 ? 1 + b[4] : -1;
    if (addressLength < 0)
        return { problem: `the proxy's answer has an unknown address type (${atyp})` };
    const total = 4 + addressLength + 2;
    return b.length < total ? { need: true } : { done: total };
}

;// CONCATENATED MODULE: ./src/session/socks5-tunnel.ts
/**
 * A TCP connection to the target through a SOCKS5 proxy (RFC 1928, RFC 1929): connect to the
 * proxy, agree on authentication, CONNECT to the target, and hand back the socket as if it were
 * connected to the target. Its own listeners are removed before it is handed back; bytes that
 * came with the proxy's last answer (the server's greeting, say) are handed back too.
 */



function openSocks5Tunnel(proxy, target, timeoutMs) {
    const where = `the SOCKS5 proxy ${proxy.host}:${proxy.port}`;
    return new Promise((resolve) => {
        const socket = external_node_net_default().connect({ host: proxy.host, port: proxy.port, noDelay: true });
        let step = "method";
        let buffered = Buffer.alloc(0);
        const timer = setTimeout(() => finish({ kind: "timeout", message: `${where} did not complete the ${step === "connect" ? "CONNECT to the target" : "handshake"} within ${Math.round(timeoutMs / 100) / 10}s` }), timeoutMs);
        const finish = (r) => {
            clearTimeout(timer);
            socket.off("data", onData);
            socket.off("error", onError);
            socket.off("close", onClose);
            if ("kind" in r) {
                socket.on("error", () => { });
                socket.destroy();
            }
            resolve(r);
        };
        const onError = (e) => {
            const err = fromSocketError(e, "connect");
            finish({ kind: "proxy", message: `${where}: ${err.message}`, ...(err.nodeCode ? { nodeCode: err.nodeCode } : {}) });
        };
        const onClose = () => finish({ kind: "proxy", message: `${where} closed the connection during the SOCKS5 ${step === "connect" ? "CONNECT" : "handshake"}` });
        const onData = (chunk) => {
            buffered = Buffer.concat([buffered, chunk]);
            for (;;) {
                const r = parseSocks5Reply(step, buffered);
                if ("need" in r)
                    return;
                if ("problem" in r)
                    return finish({ kind: "proxy", message: `${where}: ${r.problem}` });
                buffered = buffered.subarray(r.done);
                if (step === "method" && r.method === 0x02 && !proxy.credentials)
                    return finish({ kind: "proxy", message: `${where} asks for a username and password (set socks5-username and socks5-password)` });
                if (step === "method" && r.method === 0x02 && proxy.credentials) {
                    step = "auth";
                    socket.write(socks5Auth(proxy.credentials));
                }
                else if (step === "method" || step === "auth") {
                    step = "connect";
                    socket.write(socks5Connect(target.host, target.port));
                }
                else {
                    return finish({ socket, rest: buffered });
                }
            }
        };
        socket.on("data", onData);
        socket.on("error", onError);
        socket.on("close", onClose);
        socket.once("connect", () => socket.write(socks5Greeting(proxy.credentials)));
    });
}

;// CONCATENATED MODULE: ./src/session/reply-ledger.ts
/** How many unsolicited replies are kept for unsolicitedSince(): a hostile peer may send endless ones. */
const KEPT = 256;
class ReplyLedger {
    /** Replies that answered nothing sent. */
    unsolicited = 0;
    owed = 1;
    kept = [];
    /** When set, the one reply owed is the first that passes this test (see SmtpSession.writeBarrier). */
    barrier = null;
    get owing() {
        return this.owed;
    }
    /** `n` more replies are owed (a write of n commands). */
    expect(n) {
        this.owed += n;
    }
    /** After a TLS handshake the session starts afresh: nothing is owed until the client speaks (RFC 3207 §4.2). */
    reset() {
        this.owed = 0;
    }
    /** The one reply owed is the first that passes `isAnswer`. */
    awaitAnswer(isAnswer) {
        this.barrier = isAnswer;
    }
    /** True when `r` answers what was sent; otherwise it is recorded as unsolicited. */
    accept(r) {
        if (this.owed === 0 || (this.barrier && !this.barrier(r))) {
            this.unsolicited++;
            if (this.kept.length < KEPT)
                this.kept.push(r);
            return false;
        }
        this.barrier = null;
        this.owed--;
        return true;
    }
    /** The unsolicited replies since `mark` (a former value of `unsolicited`), as far as kept, and how many there were. */
    since(mark) {
        return { replies: this.kept.slice(mark), count: this.unsolicited - mark };
    }
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
    start = monotonicMs();
    constructor(redact) {
        this.redact = redact;
    }
    elapsed() {
        return Math.round(monotonicMs() - this.start);
    }
    /** `t`: when the caller already read the clock for this entry (lines of one chunk share it). */
    add(dir, text, t = this.elapsed()) {
        if (this.capped)
            return;
        const safe = this.redact(text);
        // The last slot is kept for the note that says the transcript was capped.
        if (this.entries.length >= MAX_TRANSCRIPT_ENTRIES - 1 || this.chars + safe.length > MAX_TRANSCRIPT_CHARS) {
            this.capped = true;
            this.entries.push({ t: this.elapsed(), dir: "*", text: `transcript capped at ${this.entries.length} entries; later lines are not recorded` });
            return;
        }
        this.chars += safe.length;
        this.entries.push({ t, dir, text: safe });
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
    /** Which replies answer what was sent; the rest are unsolicited (./reply-ledger.ts). */
    ledger = new ReplyLedger();
    /** A tighter deadline for the current part of the session (a check's own), with what its passing means. */
    limit = null;
    peerAddress;
    /** Plaintext bytes that followed STARTTLS's 220 and were discarded (RFC 3207 §4.2). */
    droppedAfterStartTls = 0;
    socket = null;
    splitter = new lines/* LineSplitter */.g3();
    assembler = new reply/* ReplyAssembler */.zA();
    queue = [];
    waiter = null;
    failure = null;
    ended = false;
    /** STARTTLS was sent and its reply has not come yet. */
    startTlsPending = false;
    /** After STARTTLS's 220, bytes are counted (to be discarded), not parsed: they are not SMTP. */
    heldAfterStartTls = null;
    /** While connecting or in a TLS handshake: who waits for it, and what an error or a close then means. */
    handshake = null;
    // One set of listeners per socket, for its whole life: a fleet adds and removes thousands otherwise.
    onData = (chunk) => this.receive(chunk);
    onError = (e) => {
        if (this.handshake)
            this.handshake.done(fromSocketError(e, this.handshake.phase));
        else
            this.fail(fromSocketError(e, "session"));
    };
    onClose = () => {
        if (this.handshake)
            this.handshake.done(this.handshake.closed);
        // After close() the socket's own close event is ours, not the server's: it is not a failure.
        else if (!this.ended)
            this.fail(this.closedError());
    };
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
    /**
     * TCP to the target (or through the SOCKS5 proxy), then the PROXY header if asked for, then
     * the TLS handshake for implicit TLS: each is its own wait against the timeout.
     */
    async connect() {
        const { host, port, implicitTls, socks5 } = this.opts;
        this.transcript.add("*", `connecting to ${host}:${port}${socks5 ? ` through the SOCKS5 proxy ${socks5.host}:${socks5.port}` : ""}${implicitTls ? " (implicit TLS)" : ""}`);
        const raw = socks5 ? await this.tunnel(socks5) : await this.connectTcp();
        if ("kind" in raw)
            return this.fail(raw);
        if (!socks5)
            this.peerAddress = raw.remoteAddress;
        this.transcript.add("*", socks5 ? `the proxy connected to ${host}:${port}` : `connected to ${raw.remoteAddress}:${raw.remotePort}`);
        if (this.opts.proxyProtocol)
            this.sendProxyHeader(raw, this.opts.proxyProtocol);
        if (!implicitTls)
            return null;
        const secure = this.wrapTls(raw);
        const result = await this.handshakeOf(secure, "secureConnect", "tls", { kind: "tls", message: "connection closed during the TLS handshake" });
        if (result)
            return this.fail(result);
        return this.checkTls(secure);
    }
    async connectTcp() {
        const socket = external_node_net_default().connect({ host: this.opts.address ?? this.opts.host, port: this.opts.port, noDelay: true });
        // One command per write; Nagle's algorithm would hold each behind the previous ACK.
        socket.setNoDelay(true);
        this.socket = socket;
        this.listen(socket);
        return (await this.handshakeOf(socket, "connect", "connect", { kind: "closed", message: "connection closed during connect" })) ?? socket;
    }
    async tunnel(proxy) {
        const remaining = this.opts.deadline !== undefined ? Math.max(0, this.opts.deadline - monotonicMs()) : Infinity;
        const r = await openSocks5Tunnel(proxy, { host: this.opts.address ?? this.opts.host, port: this.opts.port }, Math.min(this.opts.timeoutMs, remaining));
        if ("kind" in r)
            return r;
        r.socket.setNoDelay(true);
        this.socket = r.socket;
        this.listen(r.socket);
        // Bytes that came with the proxy's answer are the server's (its greeting, say).
        if (r.rest.length && !this.opts.implicitTls)
            this.receive(r.rest);
        return r.socket;
    }
    /** The PROXY header with this connection's real endpoints (unknown through a SOCKS proxy). */
    sendProxyHeader(socket, version) {
        const direct = !this.opts.socks5 && socket.localAddress && socket.remoteAddress;
        const header = proxyHeader(version, direct
            ? { source: socket.localAddress, sourcePort: socket.localPort, destination: socket.remoteAddress, destinationPort: socket.remotePort }
            : null);
        this.transcript.add("C", version === "v1" ? header.toString("latin1").trimEnd() : `(PROXY protocol v2 header: ${header.length} octets)`);
        socket.write(header);
    }
    /** The address connected to, once connected (kept after the close); unknown through a proxy, whose socket's peer is the proxy. */
    get remoteAddress() {
        return this.peerAddress;
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
        // deliver() clears the waiter as it answers it, the timeout included (through fail()).
        return this.race((done) => {
            this.waiter = done;
        });
    }
    /**
     * Writes one line (CRLF added). `shown` is what the transcript records instead of secrets.
     * Every line passes one check first (command.ts); a refused line is not written at all, and
     * the answer says why (error kind `protocol`). The connection stays usable.
     */
    writeLine(line, shown = line, kind = "command") {
        const refused = this.refuse([{ wire: line, shown, kind }]);
        if (refused)
            return refused;
        this.startTlsPending = /^STARTTLS\s*$/i.test(line);
        if (this.heldAfterStartTls !== null)
            this.heldAfterStartTls = null;
        this.transcript.add("C", shown);
        this.send(Buffer.from(`${line}\r\n`, "utf8"), 1);
        return null;
    }
    /** Writes several lines in one write (RFC 2920 pipelining); each is recorded as sent. All or none. */
    writeLines(lines) {
        const refused = this.refuse(lines.map((l) => ({ ...l, kind: "command" })));
        if (refused)
            return refused;
        for (const l of lines)
            this.transcript.add("C", l.shown);
        this.send(Buffer.from(lines.map((l) => `${l.wire}\r\n`).join(""), "utf8"), lines.length);
        return null;
    }
    /** The first line that must not go to the wire, as an error naming it; null when all may go. */
    refuse(lines) {
        for (const l of lines) {
            const why = (0,protocol_command/* refuseOutgoingLine */.fD)(l.wire, l.kind);
            if (!why)
                continue;
            const shown = l.shown.length > 60 ? `${l.shown.slice(0, 60)}…` : l.shown;
            const err = { kind: "protocol", message: `smtp-gate refused to send ${JSON.stringify(shown)}: ${why}` };
            this.transcript.add("*", err.message);
            return err;
        }
        return null;
    }
    /**
     * Writes a command whose reply can be told apart from any other (an EHLO's, say), owed one
     * reply: every reply that arrives before one that passes `isAnswer` is unsolicited. Once its
     * reply is read, everything the server said to earlier input has arrived (TCP keeps the
     * order, and a server answers in order), so unsolicitedSince() is complete — no sleep needed.
     * Only when no reply is owed; otherwise refused like a bad line.
     */
    writeBarrier(line, isAnswer) {
        if (this.ledger.owing !== 0)
            return { kind: "protocol", message: `smtp-gate did not send ${JSON.stringify(line)}: ${this.ledger.owing} repl(ies) still owed` };
        const err = this.writeLine(line);
        if (!err)
            this.ledger.awaitAnswer(isAnswer);
        return err;
    }
    /** A mark for unsolicitedSince(): the count of unsolicited replies so far. */
    unsolicitedMark() {
        return this.ledger.unsolicited;
    }
    /** Replies that arrived while none was owed (an early talker, or a desynchronised peer). */
    get unsolicited() {
        return this.ledger.unsolicited;
    }
    /** The unsolicited replies since `mark` (as far as kept), and how many there were. */
    unsolicitedSince(mark) {
        return this.ledger.since(mark);
    }
    /**
     * Until clearLimit(), no wait goes past `at` (monotonicMs()); when it passes, the session fails
     * with error kind timeout and `message`. The target's own deadline still applies if sooner.
     */
    limitUntil(at, message) {
        this.limit = { at, message };
    }
    clearLimit() {
        this.limit = null;
    }
    /** Writes a message's bytes as they are (framed DATA content, a BDAT chunk), owed one reply; the transcript gets `shown`. */
    writeMessage(bytes, shown) {
        this.transcript.add("C", shown);
        this.send(bytes, 1);
    }
    /**
     * Writes a BDAT command and its chunk in one go (RFC 3030 §2: the chunk follows the command
     * without waiting), owed one reply. The line passes the same check as every other.
     */
    writeChunk(line, chunk, shown) {
        const refused = this.refuse([{ wire: line, shown: line, kind: "command" }]);
        if (refused)
            return refused;
        this.transcript.add("C", line);
        this.transcript.add("C", shown);
        this.send(Buffer.concat([Buffer.from(`${line}\r\n`, "utf8"), chunk]), 1);
        return null;
    }
    send(bytes, replies) {
        if (!this.usable)
            return;
        this.ledger.expect(replies);
        this.socket?.write(bytes);
    }
    /** Upgrades after STARTTLS's 220. Returns why it failed, or null. */
    async startTls() {
        const plain = this.socket;
        if (!plain || !this.usable)
            return this.failure ?? { kind: "closed", message: "connection is closed" };
        // RFC 3207 §4.2: forget anything read before the handshake; a man in the middle may have injected it.
        this.droppedAfterStartTls = (this.heldAfterStartTls ?? 0) + this.splitter.reset() + this.queue.length;
        this.heldAfterStartTls = null;
        this.queue = [];
        this.assembler = new reply/* ReplyAssembler */.zA();
        if (this.droppedAfterStartTls)
            this.transcript.add("*", `discarded ${this.droppedAfterStartTls} byte(s)/repl(ies) received after STARTTLS's 220, before the handshake`);
        const secure = this.wrapTls(plain);
        const result = await this.handshakeOf(secure, "secureConnect", "tls", { kind: "tls", message: "connection closed during the TLS handshake" });
        if (result)
            return this.fail(result);
        // RFC 3207 §4.2: the session starts afresh; the client speaks first (EHLO).
        this.ledger.reset();
        return this.checkTls(secure);
    }
    /** Ends the connection without ceremony (after QUIT's reply, or when giving up). */
    close() {
        const s = this.socket;
        if (!s || this.ended)
            return;
        this.ended = true;
        // The listeners stay (onClose checks `ended`): removing three per target shows in a fleet's profile.
        if (!s.destroyed)
            s.destroy();
        this.transcript.add("*", "connection closed");
    }
    /** Waits for `ready`; meanwhile the socket's error and close listeners answer this wait (see onError). */
    handshakeOf(socket, ready, phase, closed) {
        return this.race((done) => {
            // Settled synchronously, before this promise's continuation runs: a failure is recorded at
            // once (a reset that follows the close it caused cannot replace it), and an error right
            // after `ready` is the session's, not lost here.
            const settle = (r) => {
                this.handshake = null;
                done(r && this.fail(r));
            };
            this.handshake = { done: settle, phase, closed };
            socket.once(ready, () => settle(null));
        });
    }
    /** Hands a connected socket to TLS; the session's listeners move to the TLS socket. */
    wrapTls(plain) {
        this.unlisten(plain);
        const secure = (0,builtins/* loadTls */._v)().connect({ socket: plain, ...this.tlsOptions() });
        this.socket = secure;
        this.listen(secure);
        return secure;
    }
    tlsOptions() {
        const { host, servername, ca } = this.opts;
        const name = servername ?? (external_node_net_default().isIP(host) ? undefined : host);
        // Verification is judged in checkTls so that a bad certificate's facts still reach the report.
        return { servername: name, ca, rejectUnauthorized: false, ...(name ? {} : { checkServerIdentity: (_h, cert) => (0,builtins/* loadTls */._v)().checkServerIdentity(host, cert) }) };
    }
    checkTls(socket) {
        this.tls = readTlsFacts(socket);
        this.transcript.add("*", `TLS established: ${this.tls.protocol} ${this.tls.cipher}${this.tls.authorized ? "" : ` (certificate not verified: ${this.tls.authorizationError})`}`);
        if (!this.tls.authorized && !this.opts.insecure) {
            const why = this.tls.authorizationError ?? "unknown reason";
            return this.fail({ kind: "tls", message: `certificate verification failed: ${describeVerifyError(why)} (${why}); use --ca FILE to trust a private CA or --insecure to skip the check`, nodeCode: why });
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
        const partial = this.opts.redact(this.splitter.pending());
        return partial
            ? { kind: "closed", message: "connection closed by the server in the middle of a reply", received: partial }
            : { kind: "closed", message: "connection closed by the server" };
    }
    receive(chunk) {
        if (this.ended)
            return;
        if (this.heldAfterStartTls !== null) {
            this.heldAfterStartTls += chunk.length;
            return;
        }
        const events = this.splitter.push(chunk);
        // One clock reading for the lines of one chunk: they arrived together.
        const t = this.transcript.elapsed();
        for (let i = 0; i < events.length; i++) {
            const ev = events[i];
            if ("kind" in ev) {
                this.deliver(this.protocolError({ kind: "too-long", octets: ev.octets }));
                return;
            }
            // Redacted before anything keeps it: the transcript, the reply, an error's `received`.
            const line = { text: this.opts.redact(ev.text), ending: ev.ending };
            this.transcript.add("S", line.text, t);
            const r = this.assembler.push(line);
            if (!r)
                continue;
            if ("code" in r) {
                this.deliver(r);
                if (this.startTlsPending && r.code === 220) {
                    // RFC 3207 §4.2: whatever follows the 220 in plaintext is discarded, never read as a reply.
                    this.heldAfterStartTls = events.slice(i + 1).reduce((n, e) => n + ("text" in e ? Buffer.byteLength(e.text) + 2 : 0), 0);
                    this.startTlsPending = false;
                    return;
                }
                this.startTlsPending = false;
            }
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
        if (isReply(r)) {
            if (!this.ledger.accept(r)) {
                this.transcript.add("*", `unsolicited reply ${r.code} discarded: no command was waiting for it`);
                return;
            }
        }
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
            const now = monotonicMs();
            const remaining = this.opts.deadline !== undefined ? Math.max(0, this.opts.deadline - now) : Infinity;
            const limited = this.limit ? Math.max(0, this.limit.at - now) : Infinity;
            const ms = Math.min(this.opts.timeoutMs, remaining, limited);
            const why = ms === this.opts.timeoutMs ? null : ms === remaining ? "the target's deadline passed" : this.limit.message;
            const timer = setTimeout(() => {
                const secs = Math.round(ms / 100) / 10;
                const partial = this.opts.redact(this.splitter.pending());
                done(this.fail({ kind: "timeout", message: why ?? `no answer within ${secs}s`, ...(partial ? { received: partial } : {}) }));
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

;// CONCATENATED MODULE: ./src/engine/auth-gate.ts



/**
 * Credentials go only after TLS when the target asks for TLS, only with a mechanism the current
 * EHLO reply advertised, and in clear text only to a loopback address or with the explicit
 * opt-in. Checked in that order, so the reason given is the first thing to fix.
 */
function gateCredentials(i) {
    const offered = (0,protocol_ehlo/* authMechanisms */.dq)(i.extensions);
    const offeredBeforeTls = i.extensionsBeforeTls && (0,protocol_ehlo/* authMechanisms */.dq)(i.extensionsBeforeTls);
    const withheld = (reason, mechanism = i.asked) => ({ reason, mechanism, offered, offeredBeforeTls, tls: i.tlsActive });
    if (!i.tlsActive && (i.tlsMode === "starttls" || i.tlsMode === "implicit"))
        return withheld("tls-not-active");
    if (!offered.length)
        return withheld("auth-not-offered");
    const mechanism = i.asked ?? usableMechanisms(i.credentials).find((m) => offered.includes(m)) ?? null;
    if (!mechanism || !offered.includes(mechanism))
        return withheld("mechanism-not-offered");
    if (!i.tlsActive && !i.allowPlaintextAuth && !(0,protocol_address/* isLoopbackAddress */.Ow)(i.remoteAddress ?? ""))
        return withheld("cleartext", mechanism);
    return { mechanism };
}
/** What the credentials can do, in the order production senders (nodemailer, Postfix) prefer. */
function usableMechanisms(c) {
    return auth/* AUTH_MECHANISMS */.CV.filter((m) => (m === "XOAUTH2" ? c?.oauthToken : c?.password));
}

;// CONCATENATED MODULE: ./src/engine/sasl.ts



/** Runs `mech` to its end; true when the final reply met `finalExpect`. */
async function runSasl(mech, c, finalExpect, io) {
    const passes = async (wire, shown, expect) => (await io.exchange(wire, shown, expect)).verdict === "pass";
    const user = c.username;
    switch (mech) {
        case "PLAIN":
            return (await initialResponse("PLAIN", (0,auth/* plainResponse */.kZ)(user, c.password ?? ""), finalExpect, io)).verdict === "pass";
        case "LOGIN": {
            const [u, p] = (0,auth/* loginResponses */.US)(user, c.password ?? "");
            io.secret(u, p);
            if (!(await passes("AUTH LOGIN", "AUTH LOGIN", protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu)))
                return false;
            if (!(await passes(u, "***", protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu)))
                return false;
            return passes(p, "***", finalExpect);
        }
        case "CRAM-MD5": {
            const first = await io.exchange("AUTH CRAM-MD5", "AUTH CRAM-MD5", protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
            if (first.verdict !== "pass" || !first.reply)
                return false;
            const response = (0,auth/* cramMd5Response */.tc)(user, c.password ?? "", first.reply.lines[0] ?? "");
            io.secret(...(0,auth/* cramMd5Forms */.DB)(response));
            return passes(response, "***", finalExpect);
        }
        case "XOAUTH2": {
            // On failure the server sends a 334 with a JSON error; the client answers with an empty line.
            const withChallenge = [...finalExpect, ...protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu];
            const last = await initialResponse("XOAUTH2", (0,auth/* xoauth2Response */.bG)(user, c.oauthToken ?? ""), withChallenge, io);
            if (last.verdict !== "pass")
                return false;
            if (last.reply?.code !== 334 || !(0,protocol_expect/* meetsExpectation */.$u)(334, withChallenge))
                return true;
            last.expected = (0,protocol_expect/* formatExpectation */.M9)(protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
            return passes("", "***", finalExpect);
        }
    }
}
/**
 * `AUTH MECH response` in one line — unless that line would pass RFC 5321's 512 octets: then
 * the client must not use the initial response (RFC 4954 §4), so the mechanism goes alone and
 * the response follows the server's empty 334 challenge, as a line of up to 12,288 octets.
 * Returns the last step.
 */
async function initialResponse(mech, response, finalExpect, io) {
    io.secret(response);
    const line = `AUTH ${mech} ${response}`;
    if (Buffer.byteLength(line) + 2 <= protocol_command/* MAX_COMMAND_OCTETS */.ML)
        return io.exchange(line, `AUTH ${mech} ***`, finalExpect);
    const first = await io.exchange(`AUTH ${mech}`, `AUTH ${mech}`, protocol_expect/* AUTH_CHALLENGE_EXPECTATION */.Cu);
    return first.verdict === "pass" ? io.exchange(response, "***", finalExpect) : first;
}

;// CONCATENATED MODULE: ./src/engine/plan.ts

function planSequence(t) {
    const steps = t.steps ? t.steps.map((s) => ({ line: s.line, expect: s.expect })) : defaultSequence(t);
    const last = steps[steps.length - 1];
    if (!last || (0,protocol_command/* verbOf */.rl)(last.line) !== "QUIT")
        steps.push({ line: "QUIT", expect: null });
    // Policy checks run unauthenticated, so before the first AUTH or MAIL (else before QUIT).
    const checks = [];
    if (t.policy?.openRelay)
        checks.push({ line: `RCPT TO:<smtp-gate-relay-test@${t.policy.openRelay}>`, expect: null, check: "open-relay", literal: true });
    if (t.policy?.vrfyDisabled)
        checks.push({ line: `VRFY ${t.to[0] ?? "postmaster"}`, expect: null, check: "vrfy", literal: true });
    if (checks.length) {
        const at = steps.findIndex((s) => s.autoAuth || ["AUTH", "MAIL", "QUIT"].includes((0,protocol_command/* verbOf */.rl)(s.line)));
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
        s.push({ line: "MAIL FROM:<{from}>", expect: null, mailParams: true });
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
        const verb = (0,protocol_command/* verbOf */.rl)(p.line);
        if (n === 0 && verb !== "MAIL")
            return 0;
        if (verb === "MAIL" || verb === "RCPT" || verb === "RSET")
            n++;
        else if (verb === "DATA")
            return n + 1;
        // QUIT joins only after RSET: an open transaction is reset first, as without pipelining.
        else if (verb === "QUIT")
            return (0,protocol_command/* verbOf */.rl)(plan[i - 1].line) === "RSET" ? n + 1 : n;
        else
            break;
    }
    return n;
}
/** Words for what a command does, used in messages: "while performing the EHLO handshake". */
function phaseOf(shown) {
    if (shown === null)
        return "waiting for the greeting";
    const verb = (0,protocol_command/* verbOf */.rl)(shown);
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

;// CONCATENATED MODULE: ./src/protocol/smuggling.ts
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


const NAMES = { "\r": "<CR>", "\n": "<LF>", "\0": "\\0" };
/** `\n.\n` → `<LF>.<LF>`. */
function variantName(bytes) {
    return [...bytes].map((c) => NAMES[c] ?? c).join("");
}
const variant = (bytes) => ({ name: variantName(bytes), bytes });
/** Every variant tried, in order: the best known first. */
const SMUGGLING_VARIANTS = [
    "\n.\n", "\n.\r\n", "\r.\r\n", "\r\n.\r", "\r\n.\n", "\r\n\0.\r\n", "\n.\r", "\r.\n", "\r.\r",
].map(variant);
/** The line smuggled after the variant: harmless, and never answered 250 by a server that reads it as a command. */
const SMUGGLED_COMMAND = "XSMUGGLED smtp-gate";
/**
 * The test message for one variant, as the raw bytes to write after DATA's 354: headers saying
 * what it is, a short text, the variant, the smuggled NOOP, then the standard `<CR><LF>.<CR><LF>`.
 * No line starts with "." except the variant's own dot (nothing else needs dot-stuffing).
 */
function smugglingMessage(v, m) {
    const domain = m.helo.replace(/^\[|\]$/g, "") || "localhost";
    const lines = [
        `From: <${m.from}>`,
        `To: ${m.to.map((t) => `<${t}>`).join(", ")}`,
        `Subject: smtp-gate smuggling check ${v.name}`,
        `Date: ${rfc5322Date(m.date ?? new Date())}`,
        `Message-ID: <${(0,builtins/* loadCrypto */.QZ)().randomUUID()}@${domain}>`,
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

;// CONCATENATED MODULE: ./src/engine/smuggling.ts




/** The whole check's deadline: no variant, and no server that keeps waiting for more data, takes it past this. */
const SMUGGLING_CHECK_MS = 60_000;
/** The NOOP barrier's reply: 250, which no smuggled line draws. */
const noopAnswer = (r) => r.code === 250;
const describe = (r) => (isReply(r) ? said(r) : r.message);
/** A reply in a note: its code and first line, e.g. `550 5.7.1 Relaying denied`. */
const said = (r) => `${r.code} ${r.lines[0] ?? ""}`.trim().slice(0, 200);
/**
 * Runs `variants` in order on this session until one leaves it unusable: those after it are
 * `remaining`, for a new connection (Postfix, for one, closes the session at the smuggled
 * input: "221 2.7.0 Error: I can break rules, too"). A refused transaction or a server that keeps
 * waiting stops the check: the rest are recorded as not tried, with why.
 */
async function runSmugglingCheck(session, t, input, variants, deadlineAt) {
    const results = [];
    let extraReplies = 0;
    let stop = null;
    let remaining = [];
    const ask = async (line) => session.writeLine(line) ?? (await session.readReply());
    const timedOut = () => session.error?.kind === "timeout";
    session.limitUntil(deadlineAt, "the smuggling check's deadline passed");
    try {
        for (let i = 0; i < variants.length; i++) {
            const v = variants[i];
            if (!stop && monotonicMs() >= deadlineAt)
                stop = "not tried: the smuggling check's deadline passed";
            if (!stop && timedOut())
                stop = `not tried: ${session.error?.message}`;
            if (!stop && !session.usable) {
                remaining = variants.slice(i);
                break;
            }
            if (stop) {
                results.push({ variant: v.name, endedData: null, replies: [], note: stop });
                continue;
            }
            const refused = await openTransaction(ask, t, input.mailLine);
            if (refused) {
                if (!session.usable && !timedOut()) {
                    remaining = variants.slice(i);
                    break;
                }
                stop = `not tried: ${refused}`;
                results.push({ variant: v.name, endedData: null, replies: [], note: stop });
                continue;
            }
            const mark = session.unsolicitedMark();
            const bytes = smugglingMessage(v, { from: t.from, to: t.to.slice(0, 1), helo: t.helo });
            session.writeMessage(bytes, `(smuggling check ${v.name}: ${bytes.length} octets: text, ${v.name}, NOOP, then <CR><LF>.<CR><LF>)`);
            const own = await session.readReply();
            if (!isReply(own)) {
                const extra = session.unsolicitedSince(mark);
                extraReplies += extra.count;
                results.push({ variant: v.name, endedData: extra.count > 0 ? true : null, replies: extra.replies, note: `no reply to the message: ${own.message}` });
                continue;
            }
            const barrier = session.writeBarrier("NOOP", noopAnswer) ?? (await session.readReply());
            const extra = session.unsolicitedSince(mark);
            extraReplies += extra.count;
            const result = { variant: v.name, endedData: extra.count > 0, replies: [own, ...extra.replies] };
            if (!isReply(barrier)) {
                result.note = `the server ${(0,classify/* classify */.L)(own.code) === "success" ? "accepted" : "refused"} the message (${said(own)}), then did not answer NOOP: ${barrier.message}`;
            }
            else if ((0,classify/* classify */.L)(own.code) !== "success") {
                result.note = `the server refused the message: ${said(own)}`;
            }
            results.push(result);
        }
    }
    finally {
        session.clearLimit();
    }
    return { results, remaining, extraReplies };
}
/** MAIL, RCPT, DATA up to the 354; what refused it (after an RSET when a transaction was open), or null. */
async function openTransaction(ask, t, mailLine) {
    const mail = await ask(mailLine);
    if (!isReply(mail) || (0,classify/* classify */.L)(mail.code) !== "success")
        return `MAIL FROM was answered ${describe(mail)}`;
    const rcpt = await ask(`RCPT TO:<${t.to[0]}>`);
    const data = isReply(rcpt) && (0,classify/* classify */.L)(rcpt.code) === "success" ? await ask("DATA") : null;
    if (data && isReply(data) && data.code === 354)
        return null;
    const why = data === null ? `RCPT TO was answered ${describe(rcpt)}` : `DATA was answered ${describe(data)}`;
    if (isReply(rcpt) && (data === null || isReply(data)))
        await ask("RSET");
    return why;
}

;// CONCATENATED MODULE: ./src/engine/probe.ts
















const ANY_REPLY = [{ first: 2 }, { first: 3 }, { first: 4 }, { first: 5 }];
const REFUSAL = [{ first: 4 }, { first: 5 }];
const VRFY_DISABLED = [{ code: 252 }, { first: 4 }, { first: 5 }];
async function runProbe(t, redactor) {
    return new Probe(t, redactor).run();
}
const notTried = (why) => SMUGGLING_VARIANTS.map((v) => ({ variant: v.name, endedData: null, replies: [], note: `not tried: ${why}` }));
class Probe {
    t;
    redactor;
    resume;
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
    authWithheld;
    credentialsInClear = false;
    message = null;
    text;
    /** The last successful EHLO reply (the smuggling check's barrier looks like it). */
    lastEhlo = null;
    /** A test message was accepted (250 after its end): the smuggling check may follow. */
    delivered = false;
    smuggling;
    /** Replies the smuggling check's messages drew beyond their own: the check's evidence, not out-of-turn talk. */
    smugglingExtras = 0;
    started = monotonicMs();
    constructor(t, redactor, resume) {
        this.t = t;
        this.redactor = redactor;
        this.resume = resume;
        this.values = { helo: t.helo, from: t.from, to: t.to[0] ?? "" };
        this.session = new SmtpSession({
            host: t.host, port: t.port, implicitTls: t.tls === "implicit", servername: t.servername, ca: t.ca, insecure: t.insecure,
            timeoutMs: t.timeoutMs, deadline: t.deadlineMs !== undefined ? this.started + t.deadlineMs : undefined, redact: redactor.redact,
            proxyProtocol: t.proxyProtocol, socks5: t.socks5, address: t.address,
        });
        const c = t.credentials;
        // Before connecting: every line from the wire is redacted as it arrives (session.ts).
        for (const secret of [c?.password, c?.oauthToken])
            if (secret)
                redactor.addSecret((0,auth/* secretForms */.eo)(c?.username ?? "", secret));
        const proxy = t.socks5?.credentials;
        if (proxy)
            redactor.addSecret((0,auth/* secretForms */.eo)(proxy.username, proxy.password));
    }
    async run() {
        const connectError = await this.session.connect();
        if (connectError?.kind === "closed") {
            // Accepted, then closed before anything came: that is the greeting step's failure.
            this.record(null, connectError, protocol_expect/* GREETING_EXPECTATION */.pV, this.started);
        }
        else if (connectError) {
            this.setError(connectError, null, this.t.tls === "implicit" ? "connecting with implicit TLS" : "connecting");
        }
        else if (this.t.tls === "implicit") {
            this.tlsStarted = true;
        }
        if (!connectError && (await this.greeting())) {
            // A resumed probe sets the session up as the first did (EHLO, STARTTLS, AUTH), without a transaction.
            const plan = this.resume ? planSequence({ ...this.t, to: [], send: false, steps: null, policy: undefined }) : planSequence(this.t);
            for (let i = 0; i < plan.length; i++) {
                const planned = plan[i];
                if (planned.when === "starttls-advertised" && !(0,protocol_ehlo/* findExtension */.bW)(this.extensions, "STARTTLS"))
                    continue;
                if (planned.when === "tls-started" && !this.tlsStarted)
                    continue;
                let group = this.t.pipelining !== "off" && (0,protocol_ehlo/* findExtension */.bW)(this.extensions, "PIPELINING") ? pipelineGroupLength(plan, i) : 0;
                // A group that ends in DATA goes one command at a time when the message is too big for SIZE,
                // so DATA is never sent (runPlanned checks before it).
                if (group > 1 && (0,protocol_command/* verbOf */.rl)(plan[i + group - 1].line) === "DATA" && this.oversized())
                    group = 0;
                const ok = group > 1 ? await this.runPipelined(plan.slice(i, i + group)) : await this.runPlanned(planned);
                if (group > 1)
                    i += group - 1;
                if (!ok || this.closedByServer || this.quitSent)
                    break;
            }
        }
        await this.cleanUp();
        this.session.close();
        if (this.t.smugglingCheck && !this.smuggling)
            this.smuggling = notTried("the sequence stopped before the check");
        return {
            name: this.t.name, host: this.t.host, port: this.t.port, tlsMode: this.t.tls,
            durationMs: Math.round(monotonicMs() - this.started),
            error: this.error, tls: this.session.tls, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
            steps: this.steps, transcript: this.session.transcript.entries, transcriptCapped: this.session.transcript.capped,
            unsolicitedReplies: this.session.unsolicited - this.smugglingExtras, closedByServer: this.closedByServer, source: this.t.source,
            ...(this.oversize ? { oversize: this.oversize } : {}),
            ...(this.session.remoteAddress ?? this.t.address ? { address: this.session.remoteAddress ?? this.t.address } : {}),
            ...(this.t.mxHost ? { mxHost: this.t.mxHost } : {}),
            ...(this.t.rdns ? { rdns: this.t.rdns } : {}),
            ...(this.t.proxyProtocol ? { proxyProtocol: this.t.proxyProtocol } : {}),
            ...(this.t.socks5 ? { socks5: `${this.t.socks5.host}:${this.t.socks5.port}` } : {}),
            ...(this.authWithheld ? { authWithheld: this.authWithheld } : {}),
            ...(this.credentialsInClear ? { credentialsInClear: true } : {}),
            ...(this.shortSecret() ? { shortSecret: true } : {}),
            ...(this.smuggling ? { smuggling: this.smuggling } : {}),
        };
    }
    async greeting() {
        const began = monotonicMs();
        const r = await this.session.readReply();
        return this.record(null, r, protocol_expect/* GREETING_EXPECTATION */.pV, began).verdict === "pass";
    }
    /** Runs one planned step (with its sub-exchanges); false stops the sequence. */
    async runPlanned(p) {
        const line = this.lineOf(p);
        const verb = (0,protocol_command/* verbOf */.rl)(line);
        const expect = p.expect ?? (0,protocol_expect/* defaultExpectation */.gh)(verb);
        if (p.check === "open-relay")
            return this.relayCheck(line);
        if (p.check === "vrfy")
            return this.vrfyCheck(line);
        if (p.autoAuth)
            return this.authenticate(this.t.credentials?.mechanism ?? null, expect);
        const custom = steps/* CREDENTIAL_AUTH_STEP */.M.exec(line);
        if (custom)
            return this.authenticate(custom[1].toUpperCase(), expect);
        if (verb === "QUIT")
            return this.quit(line, expect);
        if ((verb === "DATA" || verb === "BDAT") && this.oversized())
            return false;
        if (verb === "BDAT")
            return this.sendChunk(expect);
        const step = await this.exchange(line, line, expect);
        const reply = step.reply;
        if (reply && (0,classify/* classify */.L)(reply.code) === "success") {
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
        if (verb === "DATA" && reply?.code === 354)
            return step.verdict === "pass" ? this.sendMessage() : this.abandonData();
        return step.verdict === "pass";
    }
    /**
     * One write for the whole group, then its replies in order, each credited to its own step
     * (RFC 2920 §3.1). Everything sent is on record, even after a refusal inside the group.
     */
    async runPipelined(group) {
        const lines = group.map((p) => {
            const line = this.lineOf(p);
            return { wire: line, shown: line, verb: (0,protocol_command/* verbOf */.rl)(line), expect: p.expect ?? (0,protocol_expect/* defaultExpectation */.gh)((0,protocol_command/* verbOf */.rl)(line)) };
        });
        if (this.inTransaction && lines[0]?.verb === "MAIL")
            lines.unshift({ wire: "RSET", shown: "RSET", verb: "RSET", expect: (0,protocol_expect/* defaultExpectation */.gh)("RSET") });
        const began = monotonicMs();
        // A line the session will not send: one command at a time, so it is refused as its own step.
        if (lines.some((l) => this.utf8Refusal(l.wire, l.shown)) || this.session.writeLines(lines)) {
            for (const p of group)
                if (!(await this.runPlanned(p)))
                    return false;
            return true;
        }
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
    /**
     * After a 354 we will not follow with the message: "." would deliver an empty one, and any
     * command would be read as content. Closing the connection aborts the transaction (RFC 5321 §3.3).
     */
    async abandonData() {
        this.session.close();
        return false;
    }
    async afterEhlo(step, line) {
        const reply = step.reply;
        if ((0,classify/* classify */.L)(reply.code) === "success") {
            this.extensions = (0,protocol_ehlo/* parseEhloExtensions */.Ui)(reply.lines);
            this.lastEhlo = reply;
            return step.verdict === "pass";
        }
        // Only a refusal the step did not ask for falls back (`EHLO x => 500` answered 500 passes as is).
        if (step.verdict === "pass" || (reply.code !== 500 && reply.code !== 502) || !this.session.usable)
            return step.verdict === "pass";
        // RFC 5321 §3.2: a server that does not speak ESMTP gets HELO; the EHLO step is then a warning.
        const helo = `HELO ${line.replace(/^\S+\s*/, "")}`.trim();
        const fallback = await this.exchange(helo, helo, (0,protocol_expect/* defaultExpectation */.gh)("HELO"), { extra: "fallback" });
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
            step.verdict = (0,engine_verdict/* judgeStep */.c4)(null, (0,protocol_expect/* defaultExpectation */.gh)("STARTTLS"), this.t.failOn);
            this.setError(err, this.steps.length - 1, "performing the TLS handshake after STARTTLS");
            return false;
        }
        // RFC 3207 §4.2: everything learned before TLS is forgotten, the client must EHLO again.
        this.tlsStarted = true;
        this.extensions = [];
        return true;
    }
    /** The command a planned step sends: placeholders filled, MAIL parameters added. */
    lineOf(p) {
        const line = p.literal ? p.line : (0,steps/* fillPlaceholders */.Ct)(p.line, this.values);
        if (!p.mailParams)
            return line;
        const addresses = [this.t.from, ...this.t.to];
        return line + mailParameters({
            size: this.t.send ? this.testMessage().length : null,
            eightBit: this.t.send && !isAscii(this.t.body ?? ""),
            utf8Addresses: addresses.some((a) => !isAscii(a)),
            advertised: (k) => (0,protocol_ehlo/* findExtension */.bW)(this.extensions, k) !== undefined,
        });
    }
    /** RFC 1870 §5: a client must not send a message larger than the server's SIZE. */
    oversized() {
        const limit = Number((0,protocol_ehlo/* findExtension */.bW)(this.extensions, "SIZE")?.split(/\s+/)[1]);
        const octets = this.testMessage().length;
        if (limit > 0 && octets > limit)
            this.oversize = { octets, limit };
        return this.oversize !== undefined;
    }
    testMessage() {
        this.message ??= frameForData(this.messageText());
        return this.message;
    }
    messageText() {
        this.text ??= buildTestMessage({ from: this.t.from, to: this.t.to, helo: this.t.helo, body: this.t.body });
        return this.text;
    }
    /** The test message as one BDAT chunk (RFC 3030 §2), framed here: the step's line is never sent as written. */
    async sendChunk(expect) {
        const chunk = frameForBdat(this.messageText());
        const line = `BDAT ${chunk.length} LAST`;
        const began = monotonicMs();
        const r = this.session.writeChunk(line, chunk, `(test message: ${chunk.length} octets in one chunk)`) ?? (await this.session.readReply());
        const step = this.record(line, r, expect, began);
        if (step.reply)
            this.inTransaction = false;
        if (step.reply?.code === 250)
            this.delivered = true;
        return step.verdict === "pass";
    }
    async sendMessage() {
        const framed = this.testMessage();
        const began = monotonicMs();
        this.session.writeMessage(framed, `(test message: ${framed.length} octets, dot-stuffed, ending with ".")`);
        const r = await this.session.readReply();
        this.inTransaction = false;
        const step = this.record(".", r, protocol_expect/* END_OF_DATA_EXPECTATION */.I2, began);
        if (step.reply?.code === 250)
            this.delivered = true;
        return step.verdict === "pass";
    }
    /** A secret so short that redacting it may blank ordinary text, and whose pieces are too short to find. */
    shortSecret() {
        const c = this.t.credentials;
        return [c?.password, c?.oauthToken].some((s) => s !== undefined && s.length < FRAGMENT);
    }
    /** The whole SASL exchange; each line is its own step, shown after the mechanism as `***`. */
    async authenticate(asked, finalExpect) {
        const allowed = gateCredentials({
            asked, credentials: this.t.credentials, tlsMode: this.t.tls, tlsActive: this.tlsStarted, allowPlaintextAuth: this.t.allowPlaintextAuth ?? false,
            remoteAddress: this.session.remoteAddress, extensions: this.extensions, extensionsBeforeTls: this.extensionsBeforeTls,
        });
        if ("reason" in allowed) {
            // Nothing of the credentials is sent; the finding (diagnose/credentials.ts) says why.
            this.authWithheld = allowed;
            return false;
        }
        this.credentialsInClear = !this.tlsStarted;
        return runSasl(allowed.mechanism, this.t.credentials, finalExpect, {
            exchange: (wire, shown, expect) => this.exchange(wire, shown, expect, { kind: "auth" }),
            secret: (...forms) => this.redactor.add(...forms),
        });
    }
    /**
     * Open relay test, envelope only: unauthenticated MAIL, then RCPT to a foreign domain, which
     * must be refused. A MAIL refused outright (530 on a submission port) proves the same.
     */
    async relayCheck(rcptLine) {
        const mailLine = (0,steps/* fillPlaceholders */.Ct)("MAIL FROM:<{from}>", this.values);
        const mail = await this.exchange(mailLine, mailLine, ANY_REPLY, { check: "open-relay" });
        if (mail.reply?.code !== 250)
            return mail.reply !== null;
        this.inTransaction = true;
        const rcpt = await this.exchange(rcptLine, rcptLine, REFUSAL, { check: "open-relay" });
        if (rcpt.reply === null)
            return false;
        const rset = await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), { check: "open-relay" });
        if (rset.reply?.code === 250)
            this.inTransaction = false;
        return rcpt.verdict === "pass" && rset.verdict === "pass";
    }
    /** VRFY must not confirm mailboxes (RFC 5321 §7.3): 252 or a refusal passes, 250/251 does not. */
    async vrfyCheck(line) {
        return (await this.exchange(line, line, VRFY_DISABLED, { check: "vrfy" })).verdict === "pass";
    }
    async quit(line, expect) {
        if (this.inTransaction)
            await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), { extra: "cleanup" });
        if (this.t.smugglingCheck)
            await this.smugglingCheck();
        if (!this.session.usable)
            return false;
        this.quitSent = true;
        const step = await this.exchange(line, line, expect);
        this.session.close();
        return step.verdict === "pass";
    }
    /**
     * The SMTP smuggling check (engine/smuggling.ts), before QUIT, once the normal transaction
     * delivered. When it cannot run, `smuggling` says why for every variant.
     */
    async smugglingCheck() {
        const why = !this.delivered && !this.resume ? "the test message was not accepted, so the check did not run"
            : !this.lastEhlo ? "the server did not answer EHLO, so the check did not run"
                : !this.session.usable ? "the connection was closed before the check" : null;
        if (why) {
            this.smuggling = notTried(why);
            return;
        }
        const mailLine = (0,steps/* fillPlaceholders */.Ct)("MAIL FROM:<{from}>", this.values) + mailParameters({
            size: null, eightBit: false, utf8Addresses: [this.t.from, this.t.to[0] ?? ""].some((a) => !isAscii(a)),
            advertised: (k) => (0,protocol_ehlo/* findExtension */.bW)(this.extensions, k) !== undefined,
        });
        const deadlineAt = this.resume?.deadlineAt ?? monotonicMs() + Math.min(SMUGGLING_CHECK_MS, this.t.deadlineMs ?? Infinity);
        const check = await runSmugglingCheck(this.session, this.t, { mailLine }, this.resume?.variants ?? SMUGGLING_VARIANTS, deadlineAt);
        if (this.resume) {
            this.resume.check = check;
            return;
        }
        const results = [...check.results];
        let pending = check.remaining;
        // A server that closed the session at a variant: the rest on a new connection each time, while time is left.
        while (pending.length && monotonicMs() < deadlineAt) {
            const resume = { variants: pending, deadlineAt };
            this.session.transcript.add("*", `reconnecting for the smuggling check's remaining variants (${pending.map((v) => v.name).join(", ")})`);
            const outcome = await new Probe(this.t, this.redactor, resume).run();
            for (const e of outcome.transcript)
                this.session.transcript.add(e.dir, e.text);
            const next = resume.check;
            if (!next || next.remaining.length === pending.length) {
                const failed = outcome.error?.message ?? outcome.steps.find((s) => s.verdict !== "pass")?.reply?.lines[0] ?? "the session could not be set up again";
                pending.forEach((v) => results.push({ variant: v.name, endedData: null, replies: [], note: `not tried: reconnecting failed: ${failed}` }));
                pending = [];
                break;
            }
            results.push(...next.results);
            pending = next.remaining;
        }
        for (const v of pending)
            results.push({ variant: v.name, endedData: null, replies: [], note: "not tried: the smuggling check's deadline passed" });
        const order = new Map(SMUGGLING_VARIANTS.map((v, i) => [v.name, i]));
        this.smuggling = results.sort((a, b) => (order.get(a.variant) ?? 0) - (order.get(b.variant) ?? 0));
        // Only this session's count: a resumed probe's replies never reached it.
        this.smugglingExtras = check.extraReplies;
    }
    /** After a step that did not pass: RSET if a transaction is open, then QUIT, while usable. */
    async cleanUp() {
        if (this.quitSent || this.closedByServer || !this.session.usable)
            return;
        if (this.inTransaction)
            await this.exchange("RSET", "RSET", (0,protocol_expect/* defaultExpectation */.gh)("RSET"), { extra: "cleanup" });
        if (!this.session.usable)
            return;
        this.quitSent = true;
        await this.exchange("QUIT", "QUIT", (0,protocol_expect/* defaultExpectation */.gh)("QUIT"), { extra: "cleanup" });
    }
    /** The one send-and-read function every command goes through; a line the session refuses is its step's error. */
    async exchange(wire, shown, expect, opts = {}) {
        const began = monotonicMs();
        const r = this.utf8Refusal(wire, shown) ?? this.session.writeLine(wire, shown, opts.kind) ?? (await this.session.readReply());
        return this.record(shown, r, expect, began, opts.extra, opts.check);
    }
    /**
     * RFC 6531 §3.2: UTF-8 in a command only to a server that advertised SMTPUTF8 in the current
     * EHLO reply. A custom step may hold it (the configuration allows printable UTF-8); it is then
     * refused here, as the step's error, without sending it.
     */
    utf8Refusal(wire, shown) {
        if (isAscii(wire) || (0,protocol_ehlo/* findExtension */.bW)(this.extensions, "SMTPUTF8"))
            return null;
        return { kind: "protocol", message: `smtp-gate did not send ${JSON.stringify(shown)}: it holds non-ASCII characters and the server did not advertise SMTPUTF8 (RFC 6531)` };
    }
    record(shown, r, expect, began, extra, check) {
        // The session redacted every line as it arrived.
        const reply = isReply(r) ? r : null;
        const step = {
            command: shown,
            reply,
            class: reply ? (0,classify/* classify */.L)(reply.code) : null,
            expected: (0,protocol_expect/* formatExpectation */.M9)(expect),
            verdict: (0,engine_verdict/* judgeStep */.c4)(reply?.code ?? null, expect, this.t.failOn),
            ms: Math.round(monotonicMs() - began),
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

// EXTERNAL MODULE: ./src/engine/shard.ts
var shard = __nccwpck_require__(914);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/engine/run.ts
/** Runs targets with bounded concurrency and assembles the report, in input order. */










async function probeTarget(t, redactor) {
    // Marks replies that follow from an earlier refusal and records the server, for the report too.
    const outcome = prepareOutcome(await runProbe(t, redactor));
    const findings = diagnose(outcome, t.policy);
    const verdict = (0,engine_verdict/* targetVerdict */.Fo)(outcome.steps.map((s) => s.verdict), outcome.error !== null, findings, t.failOn);
    // One copy of the outcome, not three: a fleet makes one of these per target.
    const { closedByServer: _closed, ...result } = outcome;
    return Object.assign(result, { verdict, findings });
}
async function runTargets(targets, opts = {}) {
    const redactor = opts.redactor ?? new Redactor();
    const startedAt = new Date().toISOString();
    const concurrency = opts.concurrency ?? 16;
    // One cached DNS per resolver for the whole run: MX hosts shared by domains are asked once.
    const perServer = new Map();
    const dnsFor = (t) => {
        const key = opts.resolver ? "given" : t.resolver ? `${t.resolver.host}:${t.resolver.port}` : "system";
        let dns = perServer.get(key);
        if (!dns)
            perServer.set(key, (dns = runDns(opts.resolver ?? createResolver(t.resolver))));
        return dns;
    };
    const all = (await mapLimit(targets, concurrency, (t) => expandTarget(t, dnsFor(t)))).flat();
    const expanded = opts.shard ? all.filter((t) => (0,shard/* inShard */.Iw)(t.name, opts.shard)) : all;
    const results = await mapLimit(expanded, concurrency, (t) => ("verdict" in t ? Promise.resolve(t) : probeTarget(t, redactor)));
    compareAddresses(results);
    return {
        schema: "smtp-gate/report@1",
        verdict: (0,engine_verdict/* worst */.QZ)(...results.map((r) => r.verdict)),
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

/***/ 914:
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

/***/ 6559:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fo: () => (/* binding */ targetVerdict),
/* harmony export */   QZ: () => (/* binding */ worst),
/* harmony export */   c4: () => (/* binding */ judgeStep)
/* harmony export */ });
/* unused harmony export capVerdict */
/* harmony import */ var _protocol_classify_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8808);
/* harmony import */ var _protocol_expect_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9567);
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
    if ((0,_protocol_expect_js__WEBPACK_IMPORTED_MODULE_0__/* .meetsExpectation */ .$u)(code, expected))
        return "pass";
    if ((0,_protocol_classify_js__WEBPACK_IMPORTED_MODULE_1__/* .classify */ .L)(code) === "transient" && failOn !== "soft")
        return "warn";
    return capVerdict("fail", failOn);
}
/** Contract §2: a target is the worst of its steps, its error (fail) and its findings; `never` caps at warn. */
function targetVerdict(steps, hasError, findings, failOn) {
    const fromFindings = findings.map((f) => (f.severity === "error" ? "fail" : f.severity === "warning" ? "warn" : "pass"));
    return capVerdict(worst(...steps, hasError ? "fail" : "pass", ...fromFindings), failOn);
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
 * X.6.0–X.6.10, X.7.0–X.7.30), with the RFC that defined each. Built on first use, as
 * replyCodes() is, and for the same reason.
 */
function enhancedCodes() {
    return (enhancedCodesTable ??= [
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
    ]);
}
let enhancedCodesTable;

;// CONCATENATED MODULE: ./src/knowledge/reply-codes.ts
/**
 * SMTP reply codes: every code of RFC 5321 §4.2.2/§4.2.3 plus the ones added by
 * extensions (RFC 3207 STARTTLS, RFC 4954 AUTH, RFC 7504). One entry per code; where an
 * extension gives a code a second use, the entry says both and names both sources.
 *
 * A function, built on first use, rather than a constant: V8 compiles a function's literals only
 * when it first runs, so these texts cost nothing to a run that never reads them (a probe that
 * passes).
 */
function replyCodes() {
    return (replyCodesTable ??= [
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
    ]);
}
let replyCodesTable;

// EXTERNAL MODULE: ./src/protocol/classify.ts
var classify = __nccwpck_require__(8808);
;// CONCATENATED MODULE: ./src/knowledge/explain.ts



/** Reply code syntax: three digits, the first 2–5 (RFC 5321 §4.2). */
const REPLY_RE = /^[2-5]\d\d$/;
/** Enhanced status code syntax: class 2|4|5, subject and detail of 1–3 digits (RFC 3463 §2). */
const ENHANCED_RE = /^([245])\.(\d{1,3})\.(\d{1,3})$/;
/** A registry key: class given as a digit or as X. */
const ENHANCED_KEY_RE = /^([245Xx])\.(\d{1,3})\.(\d{1,3})$/;
// Indexes of the tables, built with them on first use.
let replyByCode;
let enhancedByKey;
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
const BOUNCE = {
    success: "none",
    intermediate: "none",
    transient: "soft",
    permanent: "hard",
};
function lookupReplyCode(code) {
    replyByCode ??= new Map(replyCodes().map((e) => [e.code, e]));
    return replyByCode.get(code);
}
/** Looks up "5.1.1", "4.1.1" or "X.1.1" by its subject.detail (the class does not change the entry). */
function lookupEnhanced(enhanced) {
    const m = ENHANCED_KEY_RE.exec(enhanced.trim());
    if (!m)
        return undefined;
    enhancedByKey ??= new Map(enhancedCodes().map((e) => [`${e.subject}.${e.detail}`, e]));
    return enhancedByKey.get(`${Number(m[2])}.${Number(m[3])}`);
}
/** 2→success, 3→intermediate, 4→transient, 5→permanent (first digit; RFC 5321 §4.2.1). */
function classOfCode(code) {
    const cls = isReplyCode(code) ? (0,classify/* classify */.L)(code) : undefined;
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
            // Said first, in the meaning: a reader must know which of the two to believe before reading causes.
            meanings.unshift(`The reply code and the enhanced code disagree: ${code} is ${first === 5 ? "permanent" : first === 4 ? "transient" : "a success"}, ${enh} is ${clsDigit === 5 ? "permanent" : clsDigit === 4 ? "transient" : "a success"}; clients go by the reply code.`);
            causes.push(`The enhanced class ${clsDigit} contradicts the reply code's first digit ${first} (RFC 2034 §4 expects them to match); the reply code decides the class here, and the server's replies are inconsistent.`);
        }
    }
    const cls = code !== null ? classOfCode(code) : (0,classify/* classify */.L)(Number(enh[0]) * 100);
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

/***/ 1020:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Mr: () => (/* binding */ ipFamily),
/* harmony export */   Ow: () => (/* binding */ isLoopbackAddress),
/* harmony export */   RC: () => (/* binding */ checkHost),
/* harmony export */   Tf: () => (/* binding */ checkMailbox),
/* harmony export */   cW: () => (/* binding */ isLoopbackHost),
/* harmony export */   qc: () => (/* binding */ checkEhloName)
/* harmony export */ });
/* unused harmony export isIPv6 */
/**
 * Syntax checks for values that end up in commands: mailbox addresses (RFC 5321 §4.1.2
 * Mailbox, with RFC 6531 UTF-8 allowed), host names and EHLO names. Deliberately a little
 * permissive: the server, not smtp-gate, is the judge of what it accepts; these catch typos.
 */
/** UTF-8 beyond ASCII (RFC 6531), less the C1 controls and U+2028/U+2029, which are line breaks to some. */
const UTF8 = "\\u00A0-\\u2027\\u202A-\\uFFFF";
const ATEXT = `[A-Za-z0-9!#$%&'*+\\-/=?^_\`{|}~${UTF8}]`;
const DOT_STRING = `${ATEXT}+(?:\\.${ATEXT}+)*`;
const QUOTED = `"(?:[\\x20-\\x21\\x23-\\x5b\\x5d-\\x7e${UTF8}]|\\\\[\\x20-\\x7e])*"`;
const LABEL = `[A-Za-z0-9${UTF8}](?:[A-Za-z0-9\\-${UTF8}]{0,61}[A-Za-z0-9${UTF8}])?`;
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
/** 4 or 6 for an IP address in text form, 0 for anything else (what node:net's isIP says, without I/O modules). */
function ipFamily(value) {
    return IPV4.test(value) ? 4 : isIPv6(value) ? 6 : 0;
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
/**
 * True for an address on this machine: 127.0.0.0/8, ::1, and 127.x mapped into IPv6
 * (RFC 1122 §3.2.1.3, RFC 4291 §2.5.3, §2.5.5.2). Credentials may cross such a connection in
 * clear text without an opt-in: it never leaves the host.
 */
function isLoopbackAddress(address) {
    const v4 = address.replace(/^::ffff:/i, "");
    if (IPV4.test(v4))
        return v4.startsWith("127.");
    return isIPv6(address) && /^(0{0,4}:){2,7}0{0,3}1$|^::1$/.test(address);
}
/** A configured host that is known before connecting to be this machine: a loopback address or `localhost`. */
function isLoopbackHost(host) {
    return isLoopbackAddress(host) || host.toLowerCase().replace(/\.$/, "") === "localhost";
}


/***/ }),

/***/ 1880:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   CV: () => (/* binding */ AUTH_MECHANISMS),
/* harmony export */   DB: () => (/* binding */ cramMd5Forms),
/* harmony export */   US: () => (/* binding */ loginResponses),
/* harmony export */   bG: () => (/* binding */ xoauth2Response),
/* harmony export */   eo: () => (/* binding */ secretForms),
/* harmony export */   kZ: () => (/* binding */ plainResponse),
/* harmony export */   tc: () => (/* binding */ cramMd5Response)
/* harmony export */ });
/* unused harmony export allForms */
/* harmony import */ var _builtins_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7227);
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
    const digest = (0,_builtins_js__WEBPACK_IMPORTED_MODULE_0__/* .loadCrypto */ .QZ)().createHmac("md5", password).update(challenge).digest("hex");
    return b64(`${user} ${digest}`);
}
/** Google/Microsoft XOAUTH2: `user=U ^A auth=Bearer T ^A ^A`, base64. */
function xoauth2Response(user, token) {
    return b64(`user=${user}\x01auth=Bearer ${token}\x01\x01`);
}
/**
 * Every printable form a secret may take on the wire or in an echo of it: as it is, base64 at
 * each of the three byte alignments (so it is found inside PLAIN's and XOAUTH2's payloads, or a
 * server's base64 JSON that quotes it), base64url, hex, URL-encoded, and the whole payloads.
 * A server that decodes and echoes a payload shows the secret as it is.
 */
function secretForms(user, secret) {
    const bytes = Buffer.from(secret, "utf8");
    const verbatim = new Set([secret, encodeURIComponent(secret), encodeURIComponent(secret).replace(/%20/g, "+")]);
    const encoded = new Set([b64(secret), plainResponse(user, secret), xoauth2Response(user, secret)]);
    for (let offset = 0; offset < 3; offset++) {
        const core = base64Core(bytes, offset);
        encoded.add(core);
        encoded.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
    }
    const hex = bytes.toString("hex");
    encoded.add(hex).add(hex.toUpperCase());
    for (const v of verbatim)
        encoded.delete(v);
    verbatim.delete("");
    encoded.delete("");
    return { verbatim: [...verbatim], encoded: [...encoded] };
}
/** Every form, for masking with the runner and for scanning. */
const allForms = (f) => [...f.verbatim, ...f.encoded];
/** The forms of a CRAM-MD5 response (RFC 2195): the base64 line, and the digest a decoding echo shows. */
function cramMd5Forms(response) {
    const digest = Buffer.from(response, "base64").toString("utf8").split(" ").pop() ?? "";
    return [response, digest, digest.toUpperCase()].filter((f) => f.length > 0);
}
/**
 * The base64 characters that depend only on `bytes` when they follow `offset` other bytes in a
 * longer encoded string: each character carries 6 bits, so those overlapping a neighbour's bits
 * at either end are left out.
 */
function base64Core(bytes, offset) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString("base64").replace(/=+$/, "");
    return encoded.slice(Math.ceil((offset * 8) / 6), Math.floor(((offset + bytes.length) * 8) / 6));
}


/***/ }),

/***/ 8808:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ classify)
/* harmony export */ });
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


/***/ }),

/***/ 1813:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   FM: () => (/* binding */ describeForbidden),
/* harmony export */   HX: () => (/* binding */ hasForbiddenChars),
/* harmony export */   ML: () => (/* binding */ MAX_COMMAND_OCTETS),
/* harmony export */   fD: () => (/* binding */ refuseOutgoingLine),
/* harmony export */   hy: () => (/* binding */ describeControl),
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
    return line.trim().split(/\s/, 1)[0].toUpperCase();
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
/** Finds an extension by keyword, case-insensitively: `findExtension(exts, "STARTTLS")`. */
function findExtension(extensions, keyword) {
    const k = keyword.toUpperCase();
    // The keyword ends at the first space, or "=" in the pre-standard `AUTH=LOGIN` form.
    return extensions.find((e) => (e.split(/[\s=]/, 1)[0] ?? "").toUpperCase() === k);
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
        for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, start)) {
            const piece = chunk.subarray(start, nl);
            start = nl + 1;
            const overflowed = this.overflowed;
            const whole = Buffer.concat([...this.chunks, piece]);
            this.reset();
            // The rest of an over-long line is dropped: its event was already reported.
            if (overflowed)
                continue;
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
                this.reset();
                this.overflowed = true;
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
    return escapeControls(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"));
}
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\x00-\x08\x0a-\x1f\x7f-\x9f]/g;
function escapeControls(text) {
    return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}


/***/ }),

/***/ 6488:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   tI: () => (/* binding */ replyCodeText),
/* harmony export */   zA: () => (/* binding */ ReplyAssembler)
/* harmony export */ });
/* unused harmony exports MAX_REPLY_LINES, parseCodeLine, parseEnhancedCode, parseReply */
/** A reply of more lines than this is a hostile or broken peer, not an EHLO list. */
const MAX_REPLY_LINES = 256;
/**
 * Parses one reply line. The code is three digits whose first is 2–5 (RFC 5321 §4.2: there
 * are no 1yz replies in SMTP); the fourth character is "-", SP, or absent.
 */
function parseCodeLine(text) {
    // By hand rather than by a regular expression: every line a fleet reads comes through here.
    const a = text.charCodeAt(0) - 48;
    const b = text.charCodeAt(1) - 48;
    const c = text.charCodeAt(2) - 48;
    if (!(a >= 2 && a <= 5 && b >= 0 && b <= 9 && c >= 0 && c <= 9))
        return null;
    const code = a * 100 + b * 10 + c;
    if (text.length === 3)
        return { code, continued: false, text: "" };
    const sep = text[3];
    if (sep !== "-" && sep !== " ")
        return null;
    return { code, continued: sep === "-", text: text.slice(4) };
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
    // Which endings this reply's lines used.
    crlf = false;
    lf = false;
    /** Feeds one line; returns the reply when it is complete, a problem when it cannot be one. */
    push(line) {
        const parsed = parseCodeLine(line.text);
        if (line.ending === "crlf")
            this.crlf = true;
        else
            this.lf = true;
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
            ending: this.crlf && this.lf ? "mixed" : this.crlf ? "crlf" : "lf",
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
        this.crlf = false;
        this.lf = false;
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
/** `550 5.1.1`, or `550` without an enhanced code: how reports name a reply. */
function replyCodeText(r) {
    return r.enhanced ? `${r.code} ${r.enhanced}` : String(r.code);
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


/***/ }),

/***/ 7547:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $i: () => (/* binding */ parseSteps),
/* harmony export */   Ct: () => (/* binding */ fillPlaceholders),
/* harmony export */   M: () => (/* binding */ CREDENTIAL_AUTH_STEP),
/* harmony export */   gj: () => (/* binding */ parseStepLine)
/* harmony export */ });
/* unused harmony exports PLACEHOLDERS, formatStepLine */
/* harmony import */ var _command_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1813);
/* harmony import */ var _expect_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(9567);
/**
 * Custom step lines (contract §1): `COMMAND [=> EXPECT]`, one per line, with placeholders
 * `{helo}`, `{from}`, `{to}`. Pure: the same text always gives the same steps.
 */


const PLACEHOLDERS = ["helo", "from", "to"];
const ARROW = /\s=>\s*([^=]*)$/;
/**
 * A step that runs a whole SASL exchange with the configured credentials (contract §1): the
 * bare `AUTH <mechanism>`. Any other AUTH line is sent verbatim, like every other step.
 */
const CREDENTIAL_AUTH_STEP = /^AUTH\s+(PLAIN|LOGIN|CRAM-MD5|XOAUTH2)$/i;
function parseStepLine(text) {
    if ((0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .hasForbiddenChars */ .HX)(text))
        return { error: `contains ${(0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeForbidden */ .FM)(text)}, which would inject a second command` };
    const control = (0,_command_js__WEBPACK_IMPORTED_MODULE_0__/* .describeControl */ .hy)(text);
    if (control)
        return { error: `contains ${control}; a step is printable text` };
    let line = text.trim();
    let expect = null;
    const m = ARROW.exec(line);
    if (m) {
        const parsed = (0,_expect_js__WEBPACK_IMPORTED_MODULE_1__/* .parseExpectation */ .WR)(m[1] ?? "");
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
    if (!line.includes("{"))
        return line;
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

module.exports = require("buffer");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = require("node:fs");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = require("node:net");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = require("node:path");

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

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/engine/verdict.ts
var verdict = __nccwpck_require__(6559);
;// CONCATENATED MODULE: ./src/report/merge.ts

function mergeReports(reports) {
    const first = reports[0];
    const starts = reports.map((r) => r.startedAt).sort();
    return {
        schema: "smtp-gate/report@1",
        verdict: (0,verdict/* worst */.QZ)(...reports.map((r) => r.verdict)),
        tool: first?.tool ?? { name: "smtp-gate", version: "unknown" },
        startedAt: starts[0] ?? new Date(0).toISOString(),
        targets: reports.flatMap((r) => r.targets),
    };
}

// EXTERNAL MODULE: ./src/config/read-file.ts
var read_file = __nccwpck_require__(2691);
// EXTERNAL MODULE: ./src/config/target.ts
var config_target = __nccwpck_require__(5165);
// EXTERNAL MODULE: ./src/protocol/classify.ts
var classify = __nccwpck_require__(8808);
;// CONCATENATED MODULE: ./src/report/read-report.ts



const MAX_TARGETS = 10_000;
const VERDICTS = ["pass", "warn", "fail"];
const ERROR_KINDS = ["dns", "connect", "timeout", "tls", "closed", "protocol"];
const ENDINGS = ["crlf", "lf", "mixed"];
const SEVERITIES = ["error", "warning", "notice"];
const DIRECTIONS = ["C", "S", "*"];
function readReportFile(path) {
    const text = (0,read_file/* readTextFile */.Gu)(path, read_file/* FILE_LIMITS */.SK.report, "a report");
    if (typeof text !== "string")
        return { problem: { field: "report", message: text.problem } };
    return parseReportJson(text, path);
}
/** `file` names the report in problems. */
function parseReportJson(text, file = "report") {
    let v;
    try {
        v = JSON.parse(text);
    }
    catch (err) {
        return { problem: { field: "report", message: `is not JSON: ${err.message}`, file } };
    }
    const f = new Fields();
    const r = f.object(v, "report");
    if (r.schema !== "smtp-gate/report@1")
        return { problem: { field: "schema", message: `is not "smtp-gate/report@1": not an smtp-gate report`, file } };
    if (!Array.isArray(r.targets))
        return { problem: { field: "targets", message: "must be a list of targets", file } };
    if (r.targets.length > MAX_TARGETS)
        return { problem: { field: "targets", message: `has more than ${MAX_TARGETS} targets`, file } };
    const tool = r.tool === undefined ? {} : f.object(r.tool, "tool");
    const report = {
        schema: "smtp-gate/report@1",
        verdict: f.oneOf(r.verdict, "verdict", VERDICTS, "fail"),
        tool: { name: "smtp-gate", version: f.str(tool.version, "tool.version") },
        startedAt: f.str(r.startedAt, "startedAt"),
        targets: r.targets.map((t, i) => readTarget(f, t, `targets[${i}]`)),
    };
    return f.problem ? { problem: { ...f.problem, file } } : report;
}
function readTarget(f, v, at) {
    const t = f.object(v, at);
    const e = t.error === null || t.error === undefined ? null : f.object(t.error, `${at}.error`);
    const error = e && {
        kind: f.oneOf(e.kind, `${at}.error.kind`, ERROR_KINDS, "protocol"),
        message: f.str(e.message, `${at}.error.message`),
        step: f.intOrNull(e.step, `${at}.error.step`),
    };
    if (error && e?.received !== undefined)
        error.received = f.str(e.received, `${at}.error.received`);
    const target = {
        name: f.str(t.name, `${at}.name`),
        host: f.str(t.host, `${at}.host`),
        port: f.int(t.port, `${at}.port`),
        tlsMode: f.oneOf(t.tlsMode, `${at}.tlsMode`, config_target/* TLS_MODES */.F, "none"),
        verdict: f.oneOf(t.verdict, `${at}.verdict`, VERDICTS, "fail"),
        durationMs: f.int(t.durationMs, `${at}.durationMs`),
        error,
        tls: t.tls === null || t.tls === undefined ? null : readTls(f, t.tls, `${at}.tls`),
        extensions: f.strings(t.extensions, `${at}.extensions`),
        extensionsBeforeTls: t.extensionsBeforeTls === null || t.extensionsBeforeTls === undefined ? null : f.strings(t.extensionsBeforeTls, `${at}.extensionsBeforeTls`),
        steps: f.list(t.steps, `${at}.steps`).map((s, i) => readStep(f, s, `${at}.steps[${i}]`)),
        findings: f.list(t.findings, `${at}.findings`).map((x, i) => readFinding(f, x, `${at}.findings[${i}]`)),
        transcript: f.list(t.transcript, `${at}.transcript`).map((x, i) => readEntry(f, x, `${at}.transcript[${i}]`)),
        transcriptCapped: f.bool(t.transcriptCapped, `${at}.transcriptCapped`),
        unsolicitedReplies: f.int(t.unsolicitedReplies, `${at}.unsolicitedReplies`),
    };
    if (t.address !== undefined)
        target.address = f.str(t.address, `${at}.address`);
    if (t.mxHost !== undefined)
        target.mxHost = f.str(t.mxHost, `${at}.mxHost`);
    if (t.server !== undefined && t.server !== null) {
        const srv = f.object(t.server, `${at}.server`);
        target.server = { product: f.str(srv.product, `${at}.server.product`), version: f.strOrNull(srv.version, `${at}.server.version`) };
    }
    if (t.source !== undefined) {
        const s = f.object(t.source, `${at}.source`);
        target.source = { file: f.str(s.file, `${at}.source.file`), line: f.int(s.line, `${at}.source.line`) };
    }
    return target;
}
function readStep(f, v, at) {
    const s = f.object(v, at);
    const r = s.reply === null || s.reply === undefined ? null : f.object(s.reply, `${at}.reply`);
    const code = r && f.replyCode(r.code, `${at}.reply.code`);
    const step = {
        command: f.strOrNull(s.command, `${at}.command`),
        reply: r && code !== null ? { code, enhanced: f.strOrNull(r.enhanced, `${at}.reply.enhanced`), lines: f.strings(r.lines, `${at}.reply.lines`), ending: f.oneOf(r.ending, `${at}.reply.ending`, ENDINGS, "crlf") } : null,
        class: code !== null ? (0,classify/* classify */.L)(code) : null,
        expected: f.str(s.expected, `${at}.expected`),
        verdict: f.oneOf(s.verdict, `${at}.verdict`, VERDICTS, "fail"),
        ms: f.int(s.ms, `${at}.ms`),
        phase: f.str(s.phase, `${at}.phase`),
    };
    if (s.extra !== undefined)
        step.extra = f.oneOf(s.extra, `${at}.extra`, ["cleanup", "fallback"], "cleanup");
    if (s.pipelined !== undefined)
        step.pipelined = f.bool(s.pipelined, `${at}.pipelined`);
    if (s.consequenceOf !== undefined)
        step.consequenceOf = f.int(s.consequenceOf, `${at}.consequenceOf`);
    return step;
}
function readFinding(f, v, at) {
    const x = f.object(v, at);
    return {
        id: f.str(x.id, `${at}.id`),
        severity: f.oneOf(x.severity, `${at}.severity`, SEVERITIES, "notice"),
        step: f.intOrNull(x.step, `${at}.step`),
        message: f.str(x.message, `${at}.message`),
        causes: f.strings(x.causes, `${at}.causes`),
        ruledOut: f.list(x.ruledOut, `${at}.ruledOut`).map((r, i) => {
            const o = f.object(r, `${at}.ruledOut[${i}]`);
            return { cause: f.str(o.cause, `${at}.ruledOut[${i}].cause`), evidence: f.str(o.evidence, `${at}.ruledOut[${i}].evidence`) };
        }),
        fixes: f.strings(x.fixes, `${at}.fixes`),
    };
}
function readEntry(f, v, at) {
    const e = f.object(v, at);
    return { t: f.int(e.t, `${at}.t`), dir: f.oneOf(e.dir, `${at}.dir`, DIRECTIONS, "*"), text: f.str(e.text, `${at}.text`) };
}
function readTls(f, v, at) {
    const t = f.object(v, at);
    return {
        protocol: f.strOrNull(t.protocol, `${at}.protocol`),
        cipher: f.strOrNull(t.cipher, `${at}.cipher`),
        authorized: f.bool(t.authorized, `${at}.authorized`),
        authorizationError: f.strOrNull(t.authorizationError, `${at}.authorizationError`),
        subject: f.strOrNull(t.subject, `${at}.subject`),
        subjectAltNames: f.strings(t.subjectAltNames, `${at}.subjectAltNames`),
        issuer: f.strOrNull(t.issuer, `${at}.issuer`),
        validFrom: f.strOrNull(t.validFrom, `${at}.validFrom`),
        validTo: f.strOrNull(t.validTo, `${at}.validTo`),
        daysLeft: f.intOrNull(t.daysLeft, `${at}.daysLeft`),
        fingerprint256: f.strOrNull(t.fingerprint256, `${at}.fingerprint256`),
    };
}
/**
 * Typed reads of JSON values: an absent value (undefined) gives the default; a value of the
 * wrong type gives the default too, and the first such field is remembered as the problem.
 */
class Fields {
    problem = null;
    bad(field, what, fallback) {
        this.problem ??= { field, message: `must be ${what}` };
        return fallback;
    }
    object(v, at) {
        return v !== null && typeof v === "object" && !Array.isArray(v) ? v : this.bad(at, "an object", {});
    }
    list(v, at) {
        if (v === undefined)
            return [];
        return Array.isArray(v) ? v : this.bad(at, "a list", []);
    }
    str(v, at) {
        if (v === undefined)
            return "";
        return typeof v === "string" ? v : this.bad(at, "a string", "");
    }
    strOrNull(v, at) {
        return v === undefined || v === null ? null : this.str(v, at);
    }
    strings(v, at) {
        return this.list(v, at).map((x, i) => this.str(x, `${at}[${i}]`));
    }
    int(v, at) {
        if (v === undefined)
            return 0;
        return typeof v === "number" && Number.isFinite(v) ? Math.trunc(v) : this.bad(at, "a number", 0);
    }
    intOrNull(v, at) {
        return v === undefined || v === null ? null : this.int(v, at);
    }
    /** Required where a reply is: a reply without its code is not one. */
    replyCode(v, at) {
        return typeof v === "number" && Number.isInteger(v) && v >= 100 && v <= 599 ? v : this.bad(at, "a reply code from 100 to 599", 500);
    }
    bool(v, at) {
        if (v === undefined)
            return false;
        return typeof v === "boolean" ? v : this.bad(at, "true or false", false);
    }
    oneOf(v, at, allowed, fallback) {
        if (v === undefined)
            return fallback;
        return allowed.includes(v) ? v : this.bad(at, `one of ${allowed.join(", ")}`, fallback);
    }
}

;// CONCATENATED MODULE: ./src/config/errors.ts
function formatProblem(p) {
    const where = p.file ? `${p.file}${p.line ? `:${p.line}` : ""}: ` : "";
    return `${where}${p.field}: ${p.message}`;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/config/output-path.ts
/**
 * Checks a file smtp-gate will write (`--report`, `junit-file`, GITHUB_OUTPUT, …) before anything
 * is sent, so that a folder given as a file name or a missing folder is a configuration error,
 * not a failure after the probe already ran. It changes nothing on disk. What only writing can
 * tell (a full disk) is still up to the writer.
 */


/** Why `path` cannot be written, in words after the path (`is a folder`), or null. */
function unwritablePath(path, kind) {
    const file = statOf(path);
    if (file === "ENOENT")
        return kind === "existing-file" ? "does not exist" : unwritableFolder((0,external_node_path_.dirname)(path), kind === "creates-folders");
    if (typeof file === "string")
        return reason(file);
    if (file.isDirectory())
        return "is a folder, not a file";
    return writable(path, external_node_fs_.constants.W_OK);
}
/** The folder a new file goes in: it, or with `creates` its nearest existing ancestor, must be a writable folder. */
function unwritableFolder(folder, creates) {
    for (let dir = folder;; dir = (0,external_node_path_.dirname)(dir)) {
        const s = statOf(dir);
        if (s === "ENOENT" && creates && (0,external_node_path_.dirname)(dir) !== dir)
            continue;
        if (s === "ENOENT")
            return `is in a folder that does not exist (${dir})`;
        if (typeof s === "string")
            return reason(s);
        if (!s.isDirectory())
            return `is in ${dir}, which is not a folder`;
        return writable(dir, external_node_fs_.constants.W_OK | external_node_fs_.constants.X_OK);
    }
}
function statOf(path) {
    try {
        return (0,external_node_fs_.statSync)(path);
    }
    catch (e) {
        return e.code ?? String(e);
    }
}
function writable(path, mode) {
    try {
        (0,external_node_fs_.accessSync)(path, mode);
        return null;
    }
    catch (e) {
        return reason(e.code ?? String(e));
    }
}
function reason(code) {
    if (code === "ENOTDIR")
        return "is below a file, not a folder";
    return `cannot be written (${code})`;
}

// EXTERNAL MODULE: ./src/config/local-io.ts
var local_io = __nccwpck_require__(1194);
// EXTERNAL MODULE: ./src/config/resolve.ts + 2 modules
var resolve = __nccwpck_require__(4147);
// EXTERNAL MODULE: ./src/engine/run.ts + 39 modules
var run = __nccwpck_require__(6449);
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
        ...(t.address !== undefined ? { address: t.address } : {}),
        ...(t.mxHost !== undefined ? { mxHost: t.mxHost } : {}),
        server: t.server ?? null,
        verdict: t.verdict,
        durationMs: t.durationMs,
        error: t.error,
        tls: t.tls,
        extensions: t.extensions,
        extensionsBeforeTls: t.extensionsBeforeTls,
        steps: t.steps.map(stepToJson),
        findings: t.findings.map((f) => ({ id: f.id, severity: f.severity, step: f.step, message: f.message, causes: f.causes, ruledOut: f.ruledOut ?? [], fixes: f.fixes })),
        transcript: t.transcript,
        transcriptCapped: t.transcriptCapped,
        ...(t.rdns ? { rdns: t.rdns } : {}),
        ...(t.proxyProtocol ? { proxyProtocol: t.proxyProtocol } : {}),
        ...(t.socks5 ? { socks5: t.socks5 } : {}),
        ...(t.authWithheld ? { authWithheld: t.authWithheld } : {}),
        ...(t.credentialsInClear ? { credentialsInClear: true } : {}),
        ...(t.source ? { source: t.source } : {}),
        ...(t.smuggling ? { smuggling: t.smuggling.map((v) => ({ variant: v.variant, endedData: v.endedData, replies: v.replies.map((r) => ({ code: r.code, enhanced: r.enhanced, lines: r.lines })), ...(v.note ? { note: v.note } : {}) })) } : {}),
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
        ...(s.pipelined ? { pipelined: true } : {}),
        ...(s.consequenceOf !== undefined ? { consequenceOf: s.consequenceOf } : {}),
        ...(s.check ? { check: s.check } : {}),
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

// EXTERNAL MODULE: ./src/protocol/reply.ts
var reply = __nccwpck_require__(6488);
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
        const code = (0,reply/* replyCodeText */.tI)(step.reply);
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

/** The verdict marks every Markdown face (summary, ticket, PR comment) uses. */
const ICON = { pass: "✅", warn: "⚠️", fail: "❌" };
/**
 * Escapes peer-controlled text for Markdown (tables included): HTML, pipes, backticks, line
 * breaks, and `@`/`#`/brackets so a server's reply cannot mention a user, link an issue, or
 * make a link or an image.
 */
function cell(s) {
    return s
        .replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
        .replace(/\|/g, "\\|").replace(/`/g, "\\`").replace(/\r?\n/g, " ")
        .replace(/[@#[\]]/g, (c) => (c === "@" ? "&#64;" : c === "#" ? "&#35;" : `\\${c}`));
}
/**
 * A code span for a table cell: its content is literal (no HTML, no mentions), so only a pipe
 * (GFM tables split on it even inside code) and the backtick delimiter need care.
 */
function codeSpan(s) {
    const body = s.replace(/\r?\n/g, " ").replace(/\|/g, "\\|");
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((m) => m.length));
    const fence = "`".repeat(longest + 1);
    const pad = body.startsWith("`") || body.endsWith("`") ? " " : "";
    return `${fence}${pad}${body}${pad}${fence}`;
}
/**
 * Our own sentences for Markdown: code spans stay code (they hold commands and config knobs to
 * copy), everything between them is escaped like a cell, since it may quote what a server said.
 */
function prose(s) {
    return s.split(/(`[^`\r\n]+`)/).map((part, i) => (i % 2 === 1 ? codeSpan(part.slice(1, -1)) : cell(part))).join("");
}
/** A finding as a reader acts on it: what happened, the top fix, the likely causes, the ruled-out ones collapsed. */
function renderFindingMarkdown(f, opts = {}) {
    const out = [`- **${f.severity}** ${codeSpan(f.id)}${opts.stepLabel !== false && f.step !== null ? ` (step ${f.step})` : ""}: ${prose(f.message)}`];
    const [top, ...more] = f.fixes;
    if (top)
        out.push(`  - **What to do:** ${prose(top)}`);
    const causes = opts.maxCauses !== undefined ? f.causes.slice(0, opts.maxCauses) : f.causes;
    if (causes.length === 1)
        out.push(`  - Likely cause: ${prose(causes[0])}`);
    else if (causes.length)
        out.push("  - Likely causes:", ...causes.map((c) => `    - ${prose(c)}`));
    if (more.length)
        out.push("  - Also:", ...more.map((x) => `    - ${prose(x)}`));
    const ruledOut = f.ruledOut ?? [];
    if (ruledOut.length) {
        out.push(`  - <details><summary>Ruled out by this conversation (${ruledOut.length})</summary>`, "", ...ruledOut.map((r) => `    - ${prose(r.cause)} — ${prose(r.evidence)}`), "", "    </details>");
    }
    return out;
}
/** The reply as one cell: code and first line (which carries the enhanced code), and how many more. */
function replyText(r) {
    const more = r.lines.length > 1 ? ` (+${r.lines.length - 1} lines)` : "";
    return `${r.code} ${r.lines[0] ?? ""}`.trim() + more;
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
        "| # | command | reply | verdict | ms |",
        "|---|---|---|---|---|",
    ];
    t.steps.forEach((s, i) => {
        const reply = s.reply ? cell(truncate(replyText(s.reply), 120)) : "—";
        const follows = s.consequenceOf !== undefined ? `, follows from step ${s.consequenceOf}` : "";
        const verdict = `${ICON[s.verdict]} ${s.verdict}${s.verdict === "pass" ? "" : ` (expected ${cell(s.expected)}${follows})`}`;
        const tags = [s.extra, s.pipelined ? "pipelined" : undefined].filter(Boolean).join(", ");
        rows.push(`| ${i} | ${s.command === null ? "*(greeting)*" : codeSpan(s.command)}${tags ? ` *${tags}*` : ""} | ${reply} | ${verdict} | ${s.ms} |`);
    });
    return rows;
}
function renderTargetMarkdown(t) {
    const where = t.name === `${t.host}:${t.port}` ? "" : ` — \`${t.host}:${t.port}\``;
    const server = t.server ? `, ${cell(t.server.product)}${t.server.version ? ` ${cell(t.server.version)}` : ""}` : "";
    const out = [`### ${ICON[t.verdict]} ${cell(t.name)}${where} (tls ${t.tlsMode}${server})`, ""];
    if (t.steps.length)
        out.push(...renderStepTable(t), "");
    if (t.error)
        out.push(`**Error** (${t.error.kind}): ${cell(t.error.message)}`, "");
    for (const f of t.findings)
        out.push(...renderFindingMarkdown(f));
    if (t.tls)
        out.push("", `TLS: ${t.tls.protocol ?? "?"}, ${cell(t.tls.cipher ?? "?")}, certificate ${t.tls.authorized ? "verified" : `not verified (${cell(t.tls.authorizationError ?? "?")})`}${t.tls.daysLeft !== null ? `, ${t.tls.daysLeft} days left` : ""}`);
    if (t.extensions.length)
        out.push("", `Extensions: ${t.extensions.map(codeSpan).join(", ")}`);
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
    const server = t.server ? `, ${t.server.product}${t.server.version ? ` ${t.server.version}` : ""}` : "";
    const lines = [paint("bold", `── ${t.name}${where}, tls ${t.tlsMode}${server} ──`)];
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
    const tags = [s.extra, s.pipelined ? "pipelined" : undefined, s.check, s.consequenceOf !== undefined ? `follows from step ${s.consequenceOf}` : undefined].filter(Boolean).join(", ");
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
    const [top, ...more] = f.fixes;
    if (top)
        lines.push(`      what to do: ${top}`);
    if (f.causes.length)
        lines.push(f.causes.length === 1 ? `      likely cause: ${f.causes[0]}` : "      likely causes:", ...(f.causes.length === 1 ? [] : f.causes.map((c) => `        - ${c}`)));
    if (more.length)
        lines.push("      also:", ...more.map((c) => `        - ${c}`));
    const ruledOut = f.ruledOut ?? [];
    if (ruledOut.length)
        lines.push(paint("dim", "      ruled out:"), ...ruledOut.map((r) => paint("dim", `        - ${r.cause} — ${r.evidence}`)));
    return lines;
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = require("node:util");
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __nccwpck_require__(1440);
// EXTERNAL MODULE: ./src/config/values.ts
var values = __nccwpck_require__(3750);
// EXTERNAL MODULE: ./src/engine/shard.ts
var engine_shard = __nccwpck_require__(914);
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
    return FORMATS.includes(format) ? format : { usage: `--format must be one of ${FORMATS.join(", ")}${typeof value === "string" ? `, not "${value}"` : ""}` };
}
function parseCommand(argv) {
    if (argv[0] === "demo-mta") {
        const parsed = parseWith(argv.slice(1), DEMO_MTA_OPTIONS, false);
        const port = "usage" in parsed ? NaN : parsed.values.port === undefined ? 0 : (0,values/* parseDecimal */.$)(String(parsed.values.port), true);
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
    const concurrency = v.concurrency === undefined ? 16 : (0,values/* parseDecimal */.$)(String(v.concurrency), true);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024)
        return { usage: `--concurrency must be a whole number from 1 to 1024, not "${v.concurrency}"` };
    let shard;
    if (v.shard !== undefined) {
        const s = (0,engine_shard/* parseShard */.uK)(String(v.shard));
        if ("problem" in s)
            return { usage: `--shard ${s.problem}` };
        shard = s;
    }
    if (v.config && v.host)
        return { usage: "give either --host (one target) or --config (a file of targets), not both" };
    if (v.config && v.mx)
        return { usage: "give either --mx (one mail domain) or --config (a file of targets), not both" };
    if (!v.demo && !v.config && !v.host && !v.mx)
        return { usage: "nothing to probe: give --host HOST, --mx DOMAIN, --config FILE or --demo (see --help)" };
    const target = {};
    for (const o of OPTIONS)
        if (o.key && v[o.name] !== undefined)
            target[o.key] = v[o.name];
    const str = (name) => v[name];
    return { kind: "probe", target, config: str("config"), format, report: str("report"), writeBaseline: str("write-baseline"), demo: v.demo === true, concurrency, shard };
}

;// CONCATENATED MODULE: ./src/cli/main.ts
/**
 * The CLI face: parse argv, resolve configuration, run the engine, render, choose the exit
 * status. Everything it writes goes through `io`, so tests run it in-process.
 */
















/** 3 is set by ./index.ts for smtp-gate's own bugs; 4 also when standard output cannot be written. */
const EXIT = { ok: 0, fail: 1, usage: 2, internal: 3, output: 4 };
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
            const { listenDemoMta } = await __nccwpck_require__.e(/* import() */ 392).then(__nccwpck_require__.bind(__nccwpck_require__, 4392));
            const mta = await listenDemoMta(cmd.port);
            if ("problem" in mta) {
                io.stderr(`smtp-gate demo-mta: ${mta.problem}\n`);
                return EXIT.usage;
            }
            io.stdout(`smtp-gate demo MTA listening on 127.0.0.1:${mta.port}\n`);
            await new Promise((resolve) => {
                process.once("SIGTERM", resolve);
                process.once("SIGINT", resolve);
            });
            await mta.close();
            return EXIT.ok;
        }
        case "merge":
            return runMerge(cmd, io);
        case "probe":
            break;
    }
    // The files to write are checked with the configuration: nothing is sent when one cannot be.
    const outputs = outputProblems([["--report", cmd.report], ["--write-baseline", cmd.writeBaseline]]);
    let report;
    if (cmd.demo) {
        if (outputs.length)
            return configError(outputs, io);
        const { runDemo } = await __nccwpck_require__.e(/* import() */ 392).then(__nccwpck_require__.bind(__nccwpck_require__, 4392));
        const demo = await runDemo();
        if ("problem" in demo) {
            io.stderr(`smtp-gate: the demo ${demo.problem}\n`);
            return EXIT.usage;
        }
        report = demo;
    }
    else {
        const resolved = await resolveTargets(cmd, io.env);
        if ("problems" in resolved || outputs.length)
            return configError([...("problems" in resolved ? resolved.problems : []), ...outputs], io);
        // Sharded after address expansion, so a matrix spreads the addresses of one MX host too.
        report = await (0,run/* runTargets */.sb)(resolved, { concurrency: cmd.concurrency, shard: cmd.shard });
    }
    const written = [
        writeOutput(io, "the report", cmd.report, () => renderJson(report)),
        writeOutput(io, "the baseline", cmd.writeBaseline, () => renderBaseline(report)),
    ].every(Boolean);
    io.stdout(render(report, cmd.format, io.color));
    let code = report.verdict === "fail" ? EXIT.fail : EXIT.ok;
    if (cmd.demo) {
        // The demo's second target fails on purpose; the demo itself succeeds when both behaved as designed.
        const asDesigned = report.targets[0]?.verdict === "pass" && report.targets[1]?.verdict === "fail";
        io.stderr(asDesigned
            ? "\nDemo: the first target passed; the second failed on purpose — a legacy sender's XAUTH2 login got 500. That is the kind of hard error smtp-gate stops a deploy for.\n"
            : "\nDemo: the embedded MTA did not behave as designed; please report this.\n");
        code = asDesigned ? EXIT.ok : EXIT.fail;
    }
    return written ? code : EXIT.output;
}
/** Problems with the files a run will write, as configuration problems. */
function outputProblems(files) {
    const problems = [];
    for (const [field, path] of files) {
        const why = path ? unwritablePath(path, "in-existing-folder") : null;
        if (why)
            problems.push({ field, message: `"${path}" ${why}` });
    }
    return problems;
}
/**
 * Writes a file the run was asked for. A failure only writing shows (a full disk) is one line on
 * stderr; the caller exits with EXIT.output, after printing the result all the same.
 */
function writeOutput(io, what, path, text) {
    if (!path)
        return true;
    try {
        (0,external_node_fs_.writeFileSync)(path, text());
        return true;
    }
    catch (e) {
        io.stderr(`smtp-gate: cannot write ${what} to ${path}: ${e.message}\n`);
        return false;
    }
}
async function resolveTargets(cmd, env) {
    if (cmd.config) {
        // Loaded on demand, and the YAML parser with it.
        const { loadConfigFile } = await __nccwpck_require__.e(/* import() */ 974).then(__nccwpck_require__.bind(__nccwpck_require__, 1974));
        const loaded = await loadConfigFile(cmd.config, env, { over: cmd.target }, (0,local_io/* localIo */.i)());
        return "problems" in loaded ? loaded : loaded.targets;
    }
    const r = (0,resolve/* resolveTarget */.u)(cmd.target, { ...(0,local_io/* localIo */.i)(), env, label: (k) => cliLabel(k) });
    return "problems" in r ? r : [r];
}
function runMerge(cmd, io) {
    const outputs = outputProblems([["--report", cmd.report]]);
    if (outputs.length)
        return mergeError(outputs[0], io);
    const reports = [];
    for (const file of cmd.files) {
        const r = readReportFile(file);
        if ("problem" in r)
            return mergeError(r.problem, io);
        reports.push(r);
    }
    const merged = mergeReports(reports);
    const written = writeOutput(io, "the merged report", cmd.report, () => renderJson(merged));
    io.stdout(render(merged, cmd.format, io.color));
    if (!written)
        return EXIT.output;
    return merged.verdict === "fail" ? EXIT.fail : EXIT.ok;
}
function mergeError(p, io) {
    io.stderr(`smtp-gate merge: ${formatProblem(p)}\n`);
    return EXIT.usage;
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
/** The `smtp-gate` command: hands argv to main, guards the two output streams, sets the exit status. */

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
    process.exitCode = EXIT.output;
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
main(process.argv.slice(2), io).then((code) => {
    process.exitCode = stdoutFailed ? EXIT.output : code;
}, (err) => {
    // Only our own bugs reach here: user mistakes, peer failures and unwritable files are values.
    io.stderr(`smtp-gate: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n` +
        "This is a bug in smtp-gate; please report it with the command line (secrets left out) and the message above.\n");
    process.exitCode = EXIT.internal;
});

module.exports = __webpack_exports__;
/******/ })()
;