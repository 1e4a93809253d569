"use strict";
exports.id = 292;
exports.ids = [292];
exports.modules = {

/***/ 2292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readYaml: () => (/* binding */ readYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/* harmony import */ var _tree_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2408);
/**
 * The full YAML parser (the `yaml` package) behind the loader's tree: every text the plain-subset
 * reader declines comes here, and so does every syntax error. Loaded only when needed.
 */


/** A number written any other way (0x10, 1e3, .inf) stays the text it was: numbers are decimal. */
const DECIMAL = /^[-+]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
function readYaml(text) {
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const parsed = parseGuarded(text, lc);
    if ("tooDeep" in parsed)
        return { errors: [{ message: `nested more than ${_tree_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_NESTING */ .M} levels deep; a config file needs a few`, line: lc.linePos(parsed.tooDeep).line }] };
    const doc = parsed.doc;
    if (doc.errors.length) {
        const last = lastLine(text);
        return { errors: doc.errors.map((err) => ({ message: err.message.split("\n")[0] ?? err.message, line: Math.min(err.linePos?.[0]?.line ?? lc.linePos(err.pos[0]).line, last) })) };
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
            if (parser.stack.length > _tree_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_NESTING */ .M && parser.stack.filter(isCollection).length > _tree_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_NESTING */ .M) {
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
;