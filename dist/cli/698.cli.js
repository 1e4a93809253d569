"use strict";
exports.id = 698;
exports.ids = [698];
exports.modules = {

/***/ 7698:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  loadConfigFile: () => (/* binding */ loadConfigFile)
});

// UNUSED EXPORTS: parseConfigText

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/config/keys.ts
var keys = __webpack_require__(1440);
// EXTERNAL MODULE: ./src/config/tree.ts
var tree = __webpack_require__(2408);
;// CONCATENATED MODULE: ./src/config/plain-yaml.ts
/**
 * A reader for the plain subset of YAML that config files are written in: block mappings with
 * identifier keys, block sequences, one-line plain or quoted scalars, one-line flow sequences of
 * scalars and `|` literal blocks, printable ASCII, spaces for indentation.
 *
 * Why: the full parser costs about 150 µs per list item while its code is cold, which a
 * 200-target fleet pays on every run. This reader returns the same tree the full parser would
 * (test/property/plain-yaml.property.test.ts holds it to that) or `undefined` for anything it
 * does not fully understand — anchors, tags, flow maps, multi-line plain scalars, escapes, tabs,
 * non-ASCII, directives, duplicate keys, every malformed text — and the caller falls back to the
 * full parser, which also owns every error message.
 */

/** The tree of `text`, or `undefined` when the text is outside the plain subset. */
function readPlainYaml(text) {
    if (!printableAscii(text))
        return undefined;
    const reader = new Reader(text.split("\n"));
    const first = reader.peek();
    if (first === undefined || first.indent !== 0)
        return undefined;
    reader.take();
    const root = reader.node(first);
    return root !== undefined && reader.peek() === undefined ? root : undefined;
}
function printableAscii(text) {
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if ((c < 0x20 && c !== 0x0a) || c > 0x7e)
            return false;
    }
    return true;
}
class Reader {
    lines;
    i = 0;
    /** Collections open around the current line: past MAX_NESTING the text declines (the full parser names the line). */
    depth = 0;
    constructor(lines) {
        this.lines = lines;
    }
    /** The next line with content, skipping blank and comment-only lines; not consumed. */
    peek() {
        for (; this.i < this.lines.length; this.i++) {
            const raw = this.lines[this.i];
            const indent = spacesAt(raw, 0);
            if (indent < raw.length && raw.charCodeAt(indent) !== 0x23 /* # */)
                return { indent, text: raw.slice(indent), no: this.i + 1 };
        }
        return undefined;
    }
    take() {
        this.i++;
    }
    /** A block node whose first line (already taken) is `first`. */
    node(first) {
        return isSeqEntry(first.text) ? this.seq(first.indent, first) : this.map(first.indent, first);
    }
    map(indent, first) {
        if (this.depth >= tree/* MAX_NESTING */.M)
            return undefined;
        this.depth++;
        const map = this.mapAt(indent, first);
        this.depth--;
        return map;
    }
    mapAt(indent, first) {
        const pairs = [];
        const seen = new Set();
        for (let line = first;;) {
            const key = splitKey(line.text);
            if (key === undefined || seen.has(key.name))
                return undefined;
            seen.add(key.name);
            const value = this.value(indent, key.rest, line.no);
            if (value === undefined)
                return undefined;
            pairs.push({ key: key.name, line: line.no, value });
            const next = this.peek();
            if (next === undefined || next.indent < indent)
                break;
            if (next.indent > indent)
                return undefined;
            this.take();
            line = next;
        }
        return { kind: "map", line: first.no, pairs };
    }
    seq(indent, first) {
        if (this.depth >= tree/* MAX_NESTING */.M)
            return undefined;
        this.depth++;
        const seq = this.seqAt(indent, first);
        this.depth--;
        return seq;
    }
    seqAt(indent, first) {
        const items = [];
        for (let line = first;;) {
            const item = this.seqItem(indent, line);
            if (item === undefined)
                return undefined;
            items.push(item);
            const next = this.peek();
            if (next === undefined || next.indent < indent)
                break;
            if (next.indent > indent)
                return undefined;
            if (!isSeqEntry(next.text))
                break; // the next key of a mapping at this indent
            this.take();
            line = next;
        }
        return { kind: "seq", line: first.no, items };
    }
    seqItem(indent, line) {
        const gap = 1 + spacesAt(line.text, 1);
        const rest = line.text.slice(gap);
        if (rest === "" || rest.startsWith("#"))
            return this.nested(indent, false);
        if (isSeqEntry(rest))
            return undefined;
        // `- key: value` opens a mapping whose indent is the column of its first key.
        if (splitKey(rest) !== undefined)
            return this.map(indent + gap, { indent: indent + gap, text: rest, no: line.no });
        return this.inline(indent, rest, line.no);
    }
    /** The value after `key:`, where `rest` is what follows the colon. */
    value(indent, rest, no) {
        if (rest === "" || rest.startsWith("#"))
            return this.nested(indent, true);
        if (rest === "|")
            return this.literal(indent, no);
        return this.inline(indent, rest, no);
    }
    /** The block on the lines below; a mapping's value may be a sequence at the key's own indent. */
    nested(indent, inMap) {
        const next = this.peek();
        if (next === undefined || next.indent < indent)
            return undefined; // an empty value: null
        if (next.indent === indent && !(inMap && isSeqEntry(next.text)))
            return undefined;
        this.take();
        return next.indent === indent ? this.seq(indent, next) : this.node(next);
    }
    inline(indent, text, no) {
        const node = !text.startsWith("[") ? scalarAt(text, no) : this.depth < tree/* MAX_NESTING */.M ? flowSeq(text, no) : undefined;
        const next = this.peek();
        // A deeper line after a one-line value continues it (or is an error): not plain.
        return next !== undefined && next.indent > indent ? undefined : node;
    }
    /** A `|` block with clip chomping: the lines indented deeper than the key, one final newline. */
    literal(indent, no) {
        const content = [];
        let blockIndent = -1;
        for (; this.i < this.lines.length; this.i++) {
            const raw = this.lines[this.i];
            if (raw === "") {
                content.push("");
                continue;
            }
            const spaces = spacesAt(raw, 0);
            if (spaces === raw.length)
                return undefined; // a line of spaces only: its meaning depends on the indent
            if (blockIndent < 0) {
                if (spaces <= indent)
                    break;
                blockIndent = spaces;
            }
            if (spaces < blockIndent)
                break;
            content.push(raw.slice(blockIndent));
        }
        if (blockIndent < 0)
            return undefined;
        while (content[content.length - 1] === "")
            content.pop();
        return { kind: "scalar", line: no, value: `${content.join("\n")}\n`, block: true };
    }
}
function spacesAt(s, from) {
    let i = from;
    while (s.charCodeAt(i) === 0x20)
        i++;
    return i - from;
}
function isSeqEntry(text) {
    return text === "-" || text.startsWith("- ");
}
/**
 * Plain scalars YAML 1.2's core schema reads as booleans, and as null (a config key that is one
 * of these declines). Sets and char codes rather than regular expressions here and below: this
 * runs once per process, cold, and V8 compiles each regular expression on its first use.
 */
const BOOLEAN = new Map([["true", true], ["True", true], ["TRUE", true], ["false", false], ["False", false], ["FALSE", false]]);
const NULL = new Set(["~", "null", "Null", "NULL"]);
/** The full parser refuses implicit keys over 1024 characters; config keys are short. */
const MAX_KEY = 64;
/** `name: rest` with an identifier key (not one YAML reads as a boolean or null). */
function splitKey(text) {
    let j = 0;
    for (; j < text.length && j <= MAX_KEY; j++) {
        const c = text.charCodeAt(j);
        const letter = (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || c === 0x5f;
        if (!(letter || (j > 0 && ((c >= 0x30 && c <= 0x39) || c === 0x2d))))
            break;
    }
    if (j === 0 || j > MAX_KEY || text.charCodeAt(j) !== 0x3a /* : */)
        return undefined;
    if (j + 1 < text.length && text.charCodeAt(j + 1) !== 0x20)
        return undefined;
    const name = text.slice(0, j);
    if (BOOLEAN.has(name) || NULL.has(name))
        return undefined;
    return { name, rest: text.slice(j + 1 + spacesAt(text, j + 1)) };
}
/** What may follow a one-line value: nothing, or spaces and a comment. */
const TRAILER = /^(?: +(?:#.*)?)?$/;
/** First characters with a meaning of their own in YAML (quotes are read; the rest decline). */
const INDICATORS = "-?:,[]{}#&*!|>%@`";
const startsWithIndicator = (text) => INDICATORS.includes(text.charAt(0));
/** A one-line scalar value: single- or double-quoted (no escapes) or plain. */
function scalarAt(text, no) {
    let value;
    if (text.startsWith('"')) {
        const end = text.indexOf('"', 1);
        if (end < 0 || !TRAILER.test(text.slice(end + 1)))
            return undefined;
        const inner = text.slice(1, end);
        if (inner.includes("\\"))
            return undefined;
        value = inner;
    }
    else if (text.startsWith("'")) {
        let end = 1;
        let s = "";
        for (;;) {
            const q = text.indexOf("'", end);
            if (q < 0)
                return undefined;
            s += text.slice(end, q);
            if (text.charCodeAt(q + 1) !== 0x27) {
                end = q + 1;
                break;
            }
            s += "'";
            end = q + 2;
        }
        if (!TRAILER.test(text.slice(end)))
            return undefined;
        value = s;
    }
    else {
        if (startsWithIndicator(text))
            return undefined;
        const hash = text.indexOf(" #");
        const plain = (hash < 0 ? text : text.slice(0, hash)).trimEnd();
        if (plain.includes(": ") || plain.endsWith(":"))
            return undefined;
        value = resolvePlain(plain);
        if (value === undefined)
            return undefined;
    }
    return { kind: "scalar", line: no, value, block: false };
}
/** `[a, "b", 'c']` on one line, of scalars only. */
function flowSeq(text, no) {
    const close = text.indexOf("]");
    if (close < 0 || !TRAILER.test(text.slice(close + 1)))
        return undefined;
    const inner = text.slice(1, close);
    if (/[[{}#:]/.test(inner))
        return undefined;
    if (inner.trim() === "")
        return { kind: "seq", line: no, items: [] };
    const items = [];
    for (const part of inner.split(",")) {
        const item = part.trim();
        let value;
        if (/^"[^"\\]*"$/.test(item) || /^'[^']*'$/.test(item))
            value = item.slice(1, -1);
        else if (item === "" || startsWithIndicator(item) || /["']/.test(item))
            return undefined;
        else
            value = resolvePlain(item);
        if (value === undefined)
            return undefined;
        items.push({ kind: "scalar", line: no, value, block: false });
    }
    return { kind: "seq", line: no, items };
}
/** The core schema's number forms, as the full parser writes them. */
const NUMBER = [
    /^[-+]?[0-9]+$/,
    /^0o[0-7]+$/,
    /^0x[0-9a-fA-F]+$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
    /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
];
/** 0, or 1 to 15 digits without a leading zero: a whole number a double holds exactly. */
function isSmallInt(s) {
    if (s.length === 0 || s.length > 15 || (s.charCodeAt(0) === 0x30 && s.length > 1))
        return false;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x30 || c > 0x39)
            return false;
    }
    return true;
}
/**
 * YAML 1.2 core schema (the full parser's default): booleans and small decimal integers are
 * resolved here; null and every other number form (signs, leading zeros, 0o, 0x, floats, .inf,
 * .nan) decline, so their exact values stay the full parser's business.
 */
function resolvePlain(s) {
    const bool = BOOLEAN.get(s);
    if (bool !== undefined)
        return bool;
    if (isSmallInt(s))
        return Number(s);
    if (NULL.has(s))
        return undefined;
    // Every number form YAML knows starts with a digit, a sign or a dot.
    const c = s.charCodeAt(0);
    const numberish = (c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e;
    return numberish && NUMBER.some((re) => re.test(s)) ? undefined : s;
}

// EXTERNAL MODULE: ./src/config/read-file.ts
var read_file = __webpack_require__(2691);
// EXTERNAL MODULE: ./src/config/resolve.ts + 2 modules
var resolve = __webpack_require__(4147);
;// CONCATENATED MODULE: ./src/config/file.ts
/**
 * The YAML config file (contract §4): `defaults` plus a list of `targets`, each key an action
 * input name. Source positions are kept so that every problem names file, line and key.
 */





async function loadConfigFile(file, env, layers = {}) {
    const text = (0,read_file/* readTextFile */.Gu)(file, read_file/* FILE_LIMITS */.SK.config, "a config file");
    if (typeof text !== "string")
        return { problems: [{ field: "config", message: text.problem }] };
    return parseConfigText(text, file, env, layers);
}
/** Reads the plain subset itself; the full YAML parser is loaded only for other texts. */
async function parseConfigText(text, file, env, layers = {}) {
    let root = readPlainYaml(text);
    if (root === undefined) {
        const { readYaml } = await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(292)]).then(__webpack_require__.bind(__webpack_require__, 2292));
        const parsed = readYaml(text);
        if ("errors" in parsed)
            return { problems: parsed.errors.map((e) => ({ field: "yaml", message: e.message, file, line: e.line })) };
        root = parsed.root;
    }
    return loadTree(root, file, env, layers);
}
function loadTree(root, file, env, layers) {
    const problems = [];
    if (root?.kind !== "map")
        return { problems: [{ field: "config", message: "must be a mapping with `targets:` (and optionally `defaults:`)", file, line: 1 }] };
    for (const pair of root.pairs) {
        if (pair.key !== "defaults" && pair.key !== "targets") {
            const guess = (0,keys/* closestKey */.bi)(pair.key, ["defaults", "targets"]);
            problems.push({ field: pair.key, message: `is not a top-level key (use defaults and targets)${guess ? `; did you mean "${guess}"?` : ""}`, file, line: pair.line });
        }
    }
    const defaultsNode = file_valueOf(root, "defaults");
    const targetsNode = file_valueOf(root, "targets");
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
        const r = (0,resolve/* resolveTarget */.u)(raw, {
            env,
            label: (k) => `targets[${i}].${k}`,
            where: (k) => ({ file, line: lines[k] ?? line }),
            stepLine: stepLines,
            baseDir: (0,external_node_path_.dirname)(file),
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
function file_valueOf(map, key) {
    return map.pairs.find((p) => p.key === key)?.value;
}
function readTarget(map, file, problems) {
    const raw = {};
    const lines = {};
    let stepLines;
    for (const pair of map.pairs) {
        const { key, line } = pair;
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

/***/ 2408:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ MAX_NESTING)
/* harmony export */ });
/**
 * A parsed config file as the loader sees it: plain values and the line each node starts on.
 * Two readers produce it — the plain-subset reader (plain-yaml.ts), which is fast and declines
 * anything unusual, and the full YAML parser (yaml-tree.ts) — so the loader has one input shape.
 */
/**
 * How deep a config file may nest: its own shape needs four levels (targets, a target, a list
 * value); past this a text is an attack or an accident. The plain reader declines it, and the
 * full parser refuses it with its line before the nesting costs time or the call stack.
 */
const MAX_NESTING = 64;


/***/ })

};
;