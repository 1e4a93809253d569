export const id = 292;
export const ids = [292];
export const modules = {

/***/ 2292:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   readYaml: () => (/* binding */ readYaml)
/* harmony export */ });
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8815);
/**
 * The full YAML parser (the `yaml` package) behind the loader's tree: every text the plain-subset
 * reader declines comes here, and so does every syntax error. Loaded only when needed.
 */

function readYaml(text) {
    const lc = new yaml__WEBPACK_IMPORTED_MODULE_0__/* .LineCounter */ .HN();
    const doc = (0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .parseDocument */ .Tp)(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
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
        if ((0,yaml__WEBPACK_IMPORTED_MODULE_0__/* .isScalar */ .jn)(node))
            return { kind: "scalar", line, value: node.value, block: node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED" };
        return { kind: "other", line };
    };
    return { root: convert(doc.contents) };
}
/** The last line with content: a parser error "at the end" points there, not past it. */
function lastLine(text) {
    return text.replace(/\s+$/, "").split("\n").length;
}


/***/ })

};
