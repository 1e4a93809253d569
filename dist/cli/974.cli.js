"use strict";
exports.id = 974;
exports.ids = [974];
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


/***/ })

};
;