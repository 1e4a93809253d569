"use strict";
exports.id = 439;
exports.ids = [439,974];
exports.modules = {

/***/ 1974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadConfigFile: () => (/* binding */ loadConfigFile),
/* harmony export */   x: () => (/* binding */ loadConfigDefaults)
/* harmony export */ });
/* unused harmony export parseConfigText */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1440);
/* harmony import */ var _local_io_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1194);
/* harmony import */ var _read_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2691);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4147);
/**
 * The YAML config file (contract §4): `defaults` plus a list of `targets`, each key an action
 * input name. Source positions are kept so that every problem names file, line and key.
 */





/** Where a fleet too large for YAML goes (contract §8). */
const TOO_BIG_HINT = "; list a large fleet in a targets-file instead (targets-file / --targets-file: one host[:port] or mx:domain per line, with this file's defaults)";
async function loadConfigFile(file, env, layers = {}, io = (0,_local_io_js__WEBPACK_IMPORTED_MODULE_1__/* .localIo */ .i)()) {
    const text = io.readFile(file, _read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_LIMITS */ .SK.config, "a config file");
    if (typeof text !== "string")
        return { problems: [{ field: "config", message: `${text.problem}${/ is larger than /.test(text.problem) ? TOO_BIG_HINT : ""}` }] };
    return parseConfigText(text, file, env, layers, io);
}
/** The YAML parser (the `yaml` package) is loaded here, when a config file is read, not before. */
async function parseConfigText(text, file, env, layers = {}, io = (0,_local_io_js__WEBPACK_IMPORTED_MODULE_1__/* .localIo */ .i)()) {
    const { parseYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(292)]).then(__webpack_require__.bind(__webpack_require__, 2292));
    const parsed = parseYaml(text, file);
    return "problems" in parsed ? parsed : loadTree(parsed.root, file, env, layers, io);
}
/**
 * A config file's `defaults:` alone, for a `targets-file` run (contract §8): its lines take
 * these, and the file lists no `targets:` of its own (the list is the targets-file).
 */
async function loadConfigDefaults(file, io = (0,_local_io_js__WEBPACK_IMPORTED_MODULE_1__/* .localIo */ .i)()) {
    const text = io.readFile(file, _read_file_js__WEBPACK_IMPORTED_MODULE_2__/* .FILE_LIMITS */ .SK.config, "a config file");
    if (typeof text !== "string")
        return { problems: [{ field: "config", message: text.problem }] };
    const { parseYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(292)]).then(__webpack_require__.bind(__webpack_require__, 2292));
    const parsed = parseYaml(text, file);
    if ("problems" in parsed)
        return parsed;
    const root = parsed.root;
    if (root?.kind !== "map")
        return { problems: [{ field: "config", message: "must be a mapping with `defaults:`", file, line: 1 }] };
    const problems = [];
    for (const pair of root.pairs) {
        if (pair.key === "targets")
            problems.push({ field: "targets", message: "goes in the targets-file when one is given (the config file gives the defaults)", file, line: pair.line });
        else if (pair.key !== "defaults")
            problems.push({ field: pair.key, message: "is not a top-level key (use defaults)", file, line: pair.line });
    }
    const node = valueOf(root, "defaults");
    let raw = {};
    if (node !== undefined && node !== null) {
        if (node.kind !== "map")
            problems.push({ field: "defaults", message: "must be a mapping", file, line: node.line });
        else
            raw = readTarget(node, file, problems).raw;
    }
    return problems.length ? { problems } : raw;
}
function loadTree(root, file, env, layers, io) {
    const problems = [];
    if (root?.kind !== "map")
        return { problems: [{ field: "config", message: "must be a mapping with `targets:` (and optionally `defaults:`)", file, line: 1 }] };
    for (const pair of root.pairs) {
        if (pair.key !== "defaults" && pair.key !== "targets") {
            const guess = (0,_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .closestKey */ .bi)(pair.key, ["defaults", "targets"]);
            problems.push({ field: pair.key, message: `is not a top-level key (use defaults and targets)${guess ? `; did you mean "${guess}"?` : ""}`, file, line: pair.line });
        }
    }
    const defaultsNode = valueOf(root, "defaults");
    const targetsNode = valueOf(root, "targets");
    let defaults = { raw: {}, lines: {} };
    if (defaultsNode !== undefined && defaultsNode !== null) {
        if (defaultsNode.kind !== "map")
            problems.push({ field: "defaults", message: "must be a mapping", file, line: defaultsNode.line });
        else
            defaults = readTarget(defaultsNode, file, problems);
    }
    if (targetsNode?.kind !== "seq" || targetsNode.items.length === 0) {
        problems.push({ field: "targets", message: "must be a non-empty list of targets", file, line: targetsNode?.line ?? 1 });
        return { problems };
    }
    const targets = [];
    targetsNode.items.forEach((item, i) => {
        const line = item?.line ?? 1;
        if (item?.kind !== "map") {
            problems.push({ field: `targets[${i}]`, message: "must be a mapping of keys", file, line });
            return;
        }
        const own = readTarget(item, file, problems);
        const raw = { ...layers.under, ...defaults.raw, ...layers.over, ...own.raw };
        const lines = { ...defaults.lines, ...own.lines };
        const stepLines = own.raw.steps !== undefined ? own.stepLines : defaults.stepLines;
        const r = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveTarget */ .u)(raw, {
            ...io,
            env,
            label: (k) => `targets[${i}].${k}`,
            where: (k) => ({ file, line: lines[k] ?? line }),
            stepLine: stepLines,
            baseDir: (0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(file),
            source: { file, line },
        });
        if ("problems" in r)
            problems.push(...r.problems);
        else
            targets.push(r);
    });
    return problems.length ? { problems } : { targets };
}
/** The value of `key` in `map` (a config mapping has unique keys). */
function valueOf(map, key) {
    return map.pairs.find((p) => p.key === key)?.value;
}
function readTarget(map, file, problems) {
    const raw = {};
    const lines = {};
    let stepLines;
    for (const pair of map.pairs) {
        const { key, line } = pair;
        if (!_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .TARGET_KEYS */ .X5.includes(key)) {
            const guess = (0,_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .closestKey */ .bi)(key);
            problems.push({ field: key, message: `is not a known key${guess ? `; did you mean "${guess}"?` : ""}`, file, line });
            continue;
        }
        const k = key;
        if (_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .SECRET_KEYS */ .GR.includes(k)) {
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
            const block = v?.kind === "scalar" && v.block;
            stepLines = v?.kind === "seq" ? (i) => v.items[i]?.line ?? line : (i) => (line === undefined ? undefined : line + i + (block ? 1 : 0));
        }
    }
    return { raw, lines, stepLines };
}
function toRaw(node) {
    if (node === null)
        return null;
    if (node.kind === "scalar") {
        const v = node.value;
        return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
    }
    if (node.kind === "seq") {
        const out = [];
        for (const it of node.items) {
            if (it?.kind !== "scalar" || (typeof it.value !== "string" && typeof it.value !== "number"))
                return undefined;
            out.push(it.value);
        }
        return out;
    }
    return undefined;
}


/***/ }),

/***/ 5439:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   openTargetsFile: () => (/* binding */ openTargetsFile)
/* harmony export */ });
/* unused harmony exports parseTargetLine, lineKey, checkTargetsFile, targetsFromFile, memoReadFile */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(481);
/* harmony import */ var node_readline__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_readline__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _model_run_identity_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4387);
/* harmony import */ var _model_shard_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(8553);
/* harmony import */ var _file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1974);
/* harmony import */ var _local_io_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1194);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(4147);
/**
 * `targets-file` (contract §8, large fleets): one target per line, `host[:port]`, `[v6]:port` or
 * `mx:domain`; `#` starts a comment; blank lines are skipped. Every line takes the same
 * defaults (the config file's `defaults:`, or the CLI's options). Read as a stream, twice: first
 * every line is checked (nothing is sent when one is bad) and the run's identity counted; then
 * only the lines of this job's shard become targets, one at a time, as the probes take them.
 * The shard is chosen by the line's text, before anything is built for it. openTargetsFile is
 * the whole of it for both faces (the CLI's --targets-file, the action's `targets-file` input).
 */








/** Enough to say what is wrong with a file; the rest of the list would only repeat it. */
const MAX_PROBLEMS = 20;
/** A line longer than this is not a host name (RFC 1035 §2.3.4: 253 octets) with a port. */
const MAX_LINE = 300;
/** A line's own keys, null for a blank or comment line, or what is wrong with it. */
function parseTargetLine(line) {
    const text = line.replace(/#.*$/, "").trim();
    if (text === "")
        return null;
    if (text.length > MAX_LINE)
        return { problem: `is longer than ${MAX_LINE} characters` };
    if (/\s/.test(text))
        return { problem: `"${text.slice(0, 80)}" must be one target: host[:port] or mx:domain` };
    const mx = /^mx:(.+)$/i.exec(text);
    if (mx)
        return { mx: mx[1] };
    const m = /^\[([^\]]+)\](?::(\d+))?$/.exec(text) ?? /^([^:[\]]+)(?::(\d+))?$/.exec(text);
    if (!m)
        return { problem: `"${text.slice(0, 80)}" is not host[:port], [IPv6]:port or mx:domain` };
    return { host: m[1], ...(m[2] !== undefined ? { port: m[2] } : {}) };
}
/** The key a line is sharded by: its text less comment and spaces, so every job computes the same. */
const lineKey = (line) => line.replace(/#.*$/, "").trim().toLowerCase();
async function* lines(path) {
    const rl = (0,node_readline__WEBPACK_IMPORTED_MODULE_2__.createInterface)({ input: (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.createReadStream)(path, { encoding: "utf8" }), crlfDelay: Infinity });
    let line = 0;
    for await (const text of rl)
        yield { text, line: ++line };
}
function resolveLine(src, own, line) {
    const where = { file: src.path, line };
    return (0,_resolve_js__WEBPACK_IMPORTED_MODULE_5__/* .resolveTarget */ .u)({ ...src.base, ...own }, { ...src.ctx, label: (k) => k, where: () => where, source: where });
}
/** Pass one: every line checked as a target and handed to `seen` (the run's identity), nothing kept. */
async function checkTargetsFile(src, seen = () => { }) {
    const problems = [];
    let count = 0;
    try {
        for await (const { text, line } of lines(src.path)) {
            const own = parseTargetLine(text);
            if (own === null)
                continue;
            if ("problem" in own)
                problems.push({ field: "targets-file", message: own.problem, file: src.path, line });
            else {
                const t = resolveLine(src, own, line);
                if ("problems" in t)
                    problems.push(...t.problems);
                else
                    seen(t);
            }
            count++;
            if (problems.length >= MAX_PROBLEMS)
                break;
        }
    }
    catch (err) {
        return { problems: [{ field: "targets-file", message: `cannot read "${src.path}": ${err.message}` }] };
    }
    if (problems.length)
        return { problems: problems.slice(0, MAX_PROBLEMS) };
    if (count === 0)
        return { problems: [{ field: "targets-file", message: "has no targets (one host[:port] or mx:domain per line)", file: src.path }] };
    return { count };
}
/**
 * Pass two: the targets of the lines `keep` takes by their key (lineKey; all without it), built
 * one at a time as the run asks for them. Call after checkTargetsFile: a line it accepted
 * resolves the same way again.
 */
async function* targetsFromFile(src, keep) {
    for await (const { text, line } of lines(src.path)) {
        const own = parseTargetLine(text);
        if (own === null || "problem" in own)
            continue;
        if (keep && !keep(lineKey(text)))
            continue;
        const t = resolveLine(src, own, line);
        if ("problems" in t)
            throw new Error(`targets-file line ${line} resolved differently on the second reading`);
        yield t;
    }
}
/** A file read once per path however many targets name it (a `ca` in the defaults). */
function memoReadFile(read) {
    const seen = new Map();
    return (path, limit, what) => {
        const key = `${path}\0${limit}\0${what}`;
        let v = seen.get(key);
        if (v === undefined)
            seen.set(key, (v = read(path, limit, what)));
        return v;
    };
}
/**
 * Contract §8, for both faces: every line checked first (nothing is sent when one is bad) and
 * counted into the run's identity; then only this shard's lines, read as the probes go.
 */
async function openTargetsFile(run) {
    let base = { ...run.under, ...run.over };
    if (run.config) {
        const defaults = await (0,_file_js__WEBPACK_IMPORTED_MODULE_3__/* .loadConfigDefaults */ .x)(run.config);
        if ("problems" in defaults)
            return defaults;
        base = { ...run.under, ...defaults, ...run.over };
    }
    const io = (0,_local_io_js__WEBPACK_IMPORTED_MODULE_4__/* .localIo */ .i)();
    const src = { path: run.path, base, ctx: { ...io, readFile: memoReadFile(io.readFile), env: run.env, ...(run.config ? { baseDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(run.config) } : {}) } };
    const hash = new _model_run_identity_js__WEBPACK_IMPORTED_MODULE_6__/* .RunIdentityHash */ .W();
    const checked = await checkTargetsFile(src, (t) => {
        hash.add(t);
        run.seen?.(t);
    });
    if ("problems" in checked)
        return checked;
    const shard = run.shard;
    return { targets: targetsFromFile(src, shard ? (key) => (0,_model_shard_js__WEBPACK_IMPORTED_MODULE_7__/* .inShard */ .Iw)(key, shard) : undefined), identity: hash.identity(shard) };
}


/***/ })

};
;