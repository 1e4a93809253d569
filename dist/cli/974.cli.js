"use strict";
exports.id = 974;
exports.ids = [974];
exports.modules = {

/***/ 1974:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   loadConfigFile: () => (/* binding */ loadConfigFile)
/* harmony export */ });
/* unused harmony export parseConfigText */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(8815);
/* harmony import */ var _keys_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(1440);
/* harmony import */ var _resolve_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1613);
/**
 * The YAML config file (contract \u00a74): `defaults` plus a list of `targets`, each key an action
 * input name. Source positions are kept so that every problem names file, line and key.
 */





function loadConfigFile(file, env, layers = {}) {
    let text;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(file, "utf8");
    }
    catch (e) {
        return { problems: [{ field: "config", message: `cannot read "${file}": ${e.code ?? e.message}` }] };
    }
    return parseConfigText(text, file, env, layers);
}
function parseConfigText(text, file, env, layers = {}) {
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_2__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .parseDocument */ .Tp)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
    const lineOf = (n) => (n?.range ? lc.linePos(n.range[0]).line : undefined);
    const problems = [];
    for (const err of doc.errors)
        problems.push({ field: "yaml", message: err.message.split("\n")[0] ?? err.message, file, line: Math.min(err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line, lastLine(text)) });
    if (problems.length)
        return { problems };
    const root = doc.contents;
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(root))
        return { problems: [{ field: "config", message: "must be a mapping with `targets:` (and optionally `defaults:`)", file, line: 1 }] };
    for (const pair of root.items) {
        const k = keyOf(pair);
        if (k !== "defaults" && k !== "targets") {
            const guess = (0,_keys_js__WEBPACK_IMPORTED_MODULE_4__/* .closestKey */ .bi)(k, ["defaults", "targets"]);
            problems.push({ field: k, message: `is not a top-level key (use defaults and targets)${guess ? `; did you mean "${guess}"?` : ""}`, file, line: lineOf(pair.key) });
        }
    }
    const defaultsNode = root.get("defaults", true);
    const targetsNode = root.get("targets", true);
    let defaults = { raw: {}, lines: {} };
    if (defaultsNode !== undefined && defaultsNode !== null) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(defaultsNode))
            problems.push({ field: "defaults", message: "must be a mapping", file, line: lineOf(defaultsNode) });
        else
            defaults = readTarget(defaultsNode, file, lineOf, problems);
    }
    if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(targetsNode) || targetsNode.items.length === 0) {
        problems.push({ field: "targets", message: "must be a non-empty list of targets", file, line: lineOf(targetsNode) ?? 1 });
        return { problems };
    }
    const targets = [];
    targetsNode.items.forEach((item, i) => {
        const line = lineOf(item) ?? 1;
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isMap */ .jh)(item)) {
            problems.push({ field: `targets[${i}]`, message: "must be a mapping of keys", file, line });
            return;
        }
        const own = readTarget(item, file, lineOf, problems);
        const raw = { ...layers.under, ...defaults.raw, ...layers.over, ...own.raw };
        const lines = { ...defaults.lines, ...own.lines };
        const stepLines = own.raw.steps !== undefined ? own.stepLines : defaults.stepLines;
        const r = (0,_resolve_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveTarget */ .u)(raw, {
            env,
            label: (k) => `targets[${i}].${k}`,
            where: (k) => ({ file, line: lines[k] ?? line }),
            stepLine: stepLines,
            baseDir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(file),
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
    return (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : String(pair.key);
}
function readTarget(map, file, lineOf, problems) {
    const raw = {};
    const lines = {};
    let stepLines;
    for (const pair of map.items) {
        if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isPair */ .tO)(pair))
            continue;
        const key = keyOf(pair);
        const line = lineOf(pair.key);
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
            const block = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(v) && (v.type === "BLOCK_LITERAL" || v.type === "BLOCK_FOLDED");
            stepLines = (0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(v) ? (i) => lineOf(v.items[i]) ?? line : (i) => (line === undefined ? undefined : line + i + (block ? 1 : 0));
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
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(node)) {
        const v = node.value;
        return v === null || typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? v : undefined;
    }
    if ((0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isSeq */ .oP)(node)) {
        const out = [];
        for (const it of node.items) {
            if (!(0,yaml__WEBPACK_IMPORTED_MODULE_2__/* .isScalar */ .jn)(it) || (typeof it.value !== "string" && typeof it.value !== "number"))
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