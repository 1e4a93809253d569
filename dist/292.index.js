export const id = 292;
export const ids = [292];
export const modules = {

/***/ 2292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseYaml: () => (/* binding */ parseYaml)
/* harmony export */ });
/* unused harmony export MAX_NESTING */
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * A config file as the loader sees it: plain values and the line each node starts on, read by the
 * `yaml` package. The loader (file.ts) imports this module lazily, so a run without a config file
 * never loads the parser.
 */

/**
 * How deep a config file may nest: its own shape needs four levels (targets, a target, a list
 * value); past this a text is an attack or an accident. The parser refuses it with its line
 * before the nesting costs time or the call stack.
 */
const MAX_NESTING = 64;
/** A number written any other way (0x10, 1e3, .inf) stays the text it was: numbers are decimal. */
const DECIMAL = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
/** The file's tree, or its syntax problems (each with file and line, under the field `yaml`). */
function parseYaml(text, file) {
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const parsed = parseGuarded(text, lc);
    if ("tooDeep" in parsed)
        return { problems: [{ field: "yaml", message: `nested more than ${MAX_NESTING} levels deep; a config file needs a few`, file, line: lc.linePos(parsed.tooDeep).line }] };
    const doc = parsed.doc;
    if (doc.errors.length) {
        const last = lastLine(text);
        return { problems: doc.errors.map((err) => ({ field: "yaml", file, message: err.message.split("\n")[0] ?? err.message, line: Math.min(err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line, last) })) };
    }
    const lineOf = (n) => {
        const range = n?.range;
        return range ? lc.linePos(range[0]).line : undefined;
    };
    const convert = (node) => {
        if (node === null || node === undefined)
            return null;
        const line = lineOf(node);
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isMap */ .jh)(node)) {
            const pairs = [];
            for (const pair of node.items) {
                if (!(0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isPair */ .tO)(pair))
                    continue;
                pairs.push({ key: (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(pair.key) ? String(pair.key.value) : String(pair.key), line: lineOf(pair.key), value: convert(pair.value) });
            }
            return { kind: "map", line, pairs };
        }
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isSeq */ .oP)(node))
            return { kind: "seq", line, items: node.items.map(convert) };
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node)) {
            const value = typeof node.value === "number" && node.source !== undefined && !DECIMAL.test(node.source) ? node.source : node.value;
            return { kind: "scalar", line, value, block: node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" };
        }
        return { kind: "other", line };
    };
    return { root: convert(doc.contents) };
}
/**
 * What `parseDocument` does, with the nesting depth watched on the parser's stack as it goes: a
 * text of 2,000 nested `[` would otherwise cost seconds in the parser and then overflow the call
 * stack in the composer. Past MAX_NESTING, the offset where it happened.
 */
function parseGuarded(text, lc) {
    const parser = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Parser */ .iX(lc.addNewLine);
    let tooDeep = null;
    function* tokens() {
        lc.addNewLine(0);
        for (const lexeme of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Lexer */ .JG().lex(text)) {
            yield* parser.next(lexeme);
            // The stack also holds the document and a scalar being read: count collections only when it could matter.
            if (parser.stack.length > MAX_NESTING && parser.stack.filter(isCollection).length > MAX_NESTING) {
                tooDeep = parser.offset;
                return;
            }
        }
        yield* parser.end();
    }
    let doc = null;
    for (const d of new yaml__WEBPACK_IMPORTED_MODULE_0__/* .Composer */ .Dk({ uniqueKeys: true }).compose(tokens(), true, text.length)) {
        if (doc) {
            doc.errors.push(new yaml__WEBPACK_IMPORTED_MODULE_0__/* .YAMLParseError */ .XT([d.range[0], d.range[1]], "MULTIPLE_DOCS", "Source contains multiple documents; a config file is one document"));
            break;
        }
        doc = d;
    }
    return tooDeep !== null ? { tooDeep } : { doc: doc };
}
function isCollection(t) {
    return t.type === "block-map" || t.type === "block-seq" || t.type === "flow-collection";
}
/** The last line with content: a parser error "at the end" points there, not past it. */
function lastLine(text) {
    return text.replace(/\s+$/, "").split("\n").length;
}


/***/ })

};
