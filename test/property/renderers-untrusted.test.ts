// Arbitrary strings in every field of a report, through every renderer: the Markdown, parsed by a
// CommonMark + GFM parser (markdown-it: tables, strikethrough, autolinks), has exactly the
// elements the template puts there — the same as for the same report with every string made
// plain — and the text has no line break, control character or workflow command from the data.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Report } from "../../src/model/report.js";
import { planAnnotations } from "../../src/report/annotations.js";
import { renderComment } from "../../src/report/comment.js";
import { compactFacts } from "../../src/report/facts.js";
import { renderJobSummary } from "../../src/report/job-summary.js";
import { renderMarkdown } from "../../src/report/markdown.js";
import { renderText } from "../../src/report/text.js";
import { isEnumField, unsafeLines } from "../support/injected-report.js";
import { markdownEffects, parseMarkdown } from "../support/markdown-effects.js";
import { fullReport } from "../support/report-arbitrary.js";


/** Pieces that mean something to Markdown, HTML, GitHub or a terminal, mixed with anything. */
const hostile = fc
  .array(fc.oneof(
    fc.constantFrom("@admin", "#12", "GH-3", "o/r#4", "http://x.io", "https://x.io/a", "www.x.io", "a@b.io", "[l](u)", "![i](u)", "[^1]", "<b>", "</details>", "<!--", "-->",
      "`", "``", "*", "**", "_", "~~", "|", "\\", "$x$", ":smile:", "&amp;", "&#64;", "- ", "# ", "> ", "1. ", "    ", "---", "\r", "\n", "\r\r", "\r\n", "\u2028", "\u2029",
      "\u0085", "\u000b", "\u000c", "\u001b[31m", "\u202e", "\u2066", "\u200b", "::error::x", "::add-mask::y"),
    fc.string({ unit: "binary", maxLength: 3 }),
  ), { maxLength: 6 })
  .map((parts) => parts.join(""));

/**
 * The same report with every free-text string replaced by as many plain letters (one more where
 * the letters run out). Two strings stay equal or different as they were: renderers say a finding
 * once when its words repeat, and "𐀀" and "𐀁" are both two code units (seed 731844570).
 */
function plain(report: Report): Report {
  const plainOf = new Map<string, string>();
  const taken = new Set<string>();
  const letters = (s: string): string => {
    let p = plainOf.get(s);
    if (p !== undefined) return p;
    for (let i = 0; p === undefined || taken.has(p); i++) {
      let n = i;
      let tail = "";
      do {
        tail = String.fromCharCode(97 + (n % 26)) + tail;
        n = Math.floor(n / 26);
      } while (n > 0);
      p = i === 0 ? "a".repeat(s.length) : tail.padStart(s.length, "a");
    }
    plainOf.set(s, p);
    taken.add(p);
    return p;
  };
  const walk = (v: unknown, key: string, parent: Record<string, unknown>): unknown => {
    if (typeof v === "string") return isEnumField(key, parent) ? v : letters(v);
    if (Array.isArray(v)) return v.map((x) => walk(x, key, parent));
    if (v && typeof v === "object") {
      const o = v as Record<string, unknown>;
      return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, walk(x, k, o)]));
    }
    return v;
  };
  return walk(report, "", {}) as Report;
}

/**
 * The element structure: block and inline token types in order. Code spans count as text: prose
 * (finding messages, causes, fixes) keeps its backticks as code, which is literal, and a broken
 * fence would show as other elements. Escapes and entities are text.
 */
function structure(markdown: string): string[] {
  const out: string[] = [];
  const add = (type: string) => {
    const t = type === "text_special" || type === "code_inline" ? "text" : type;
    if (t === "text" && out.at(-1) === "text") return;
    out.push(t);
  };
  for (const tok of parseMarkdown(markdown)) {
    add(tok.type);
    for (const child of tok.children ?? []) add(child.type);
  }
  return out;
}

const renderers: [string, (r: Report) => string][] = [
  ["markdown", (r) => renderMarkdown(r)],
  ["job summary", (r) => renderJobSummary(r)],
  ["PR comment", (r) => renderComment(r, { key: "w/j", facts: compactFacts(r), previous: null, runUrl: null })],
];

const reports = fullReport(hostile);

describe("renderers over arbitrary strings", () => {
  it.each(renderers)("%s: no element, tag, ping, reference or link that the template did not put there", (_name, render) => {
    fc.assert(fc.property(reports, (r) => {
      const out = render(r);
      const base = render(plain(r));
      expect(structure(out)).toEqual(structure(base));
      expect(markdownEffects(out)).toEqual(markdownEffects(base));
      expect(unsafeLines(out)).toEqual([]);
    }), { numRuns: 150 });
    // The seed that found two different summaries made equal by the plain copy.
    fc.assert(fc.property(reports, (r) => {
      expect(structure(render(r))).toEqual(structure(render(plain(r))));
    }), { numRuns: 110, seed: 731844570 });
  });

  it("text and annotations: one line per value, no workflow command, no control character", () => {
    // eslint-disable-next-line no-control-regex -- ESC is one of the characters that must not pass
    const unsafe = /[\r\u0085\u2028\u2029\u202a-\u202e\u2066-\u2069\u001b]/;
    fc.assert(fc.property(reports, (r) => {
      expect(unsafeLines(renderText(r, { color: false }))).toEqual([]);
      for (const a of planAnnotations(r)) {
        expect(a.title).not.toMatch(unsafe);
        expect(a.title).not.toContain("\n");
        // The message's lines are ours (core.error escapes CR and LF into the command's one line).
        for (const line of a.message.split("\n")) expect(line).not.toMatch(unsafe);
      }
    }), { numRuns: 150 });
  });
});
