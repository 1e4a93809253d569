import { describe, it, expect } from "vitest";
import { ENHANCED_CLASSES, enhancedCodes } from "../../src/knowledge/enhanced-codes.js";
import {
  bounceOf,
  classOfCode,
  explain,
  lookupEnhanced,
  lookupReplyCode,
  parseExplainQuery,
} from "../../src/knowledge/explain.js";
import { explainJson, renderExplainText } from "../../src/knowledge/render-explain.js";
import { causesOfCode } from "../../src/knowledge/root-cause.js";
import { replyCodes } from "../../src/knowledge/reply-codes.js";
import type { Explanation } from "../../src/knowledge/types.js";

function ok(e: Explanation | { error: string }): Explanation {
  if ("error" in e) throw new Error(`unexpected error: ${e.error}`);
  return e;
}

const RFC5321_CODES = [
  211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555,
];
const EXTENSION_CODES = [235, 334, 432, 454, 530, 534, 535, 538, 521, 556];

/** The IANA registry's subject.detail table, written out so a missing entry fails. */
const IANA_KEYS = [
  "0.0",
  "1.0", "1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "1.7", "1.8", "1.9", "1.10",
  "2.0", "2.1", "2.2", "2.3", "2.4",
  "3.0", "3.1", "3.2", "3.3", "3.4", "3.5", "3.6",
  "4.0", "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7",
  "5.0", "5.1", "5.2", "5.3", "5.4", "5.5", "5.6",
  "6.0", "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.7", "6.8", "6.9", "6.10",
  "7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "7.7", "7.8", "7.9", "7.10",
  "7.11", "7.12", "7.13", "7.14", "7.15", "7.16", "7.17", "7.18", "7.19", "7.20",
  "7.21", "7.22", "7.23", "7.24", "7.25", "7.26", "7.27", "7.28", "7.29", "7.30",
];

describe("parseExplainQuery", () => {
  it.each([
    [["500"], { code: 500, enhanced: null }],
    [["550", "5.1.1"], { code: 550, enhanced: "5.1.1" }],
    [["5.7.1"], { code: null, enhanced: "5.7.1" }],
    [["550 5.1.1"], { code: 550, enhanced: "5.1.1" }],
    [["  421   4.7.0 "], { code: 421, enhanced: "4.7.0" }],
    [["550-5.1.1"], { code: 550, enhanced: "5.1.1" }],
    [["5.1.1", "550"], { code: 550, enhanced: "5.1.1" }],
    [["599"], { code: 599, enhanced: null }],
    [["5.9.99"], { code: null, enhanced: "5.9.99" }],
    [["2.123.456"], { code: null, enhanced: "2.123.456" }],
    [["550", "4.2.2"], { code: 550, enhanced: "4.2.2" }],
  ])("accepts %j", (args, expected) => {
    expect(parseExplainQuery(args)).toEqual(expected);
  });

  it.each([
    [[]],
    [[""]],
    [["50"]],
    [["5000"]],
    [["150"]],
    [["650"]],
    [["abc"]],
    [["550", "550"]],
    [["5.1.1", "5.1.2"]],
    [["3.1.1"]],
    [["5.1"]],
    [["5.1.1.1"]],
    [["5.1234.1"]],
    [["5.1.1234"]],
    [["5..1"]],
    [["X.1.1"]],
    [["550", "5.1.1", "extra"]],
  ])("rejects %j with a message", (args) => {
    const r = parseExplainQuery(args);
    expect("error" in r).toBe(true);
    if ("error" in r) expect(r.error.length).toBeGreaterThan(10);
  });
});

describe("reply code table", () => {
  it("covers every RFC 5321 §4.2.2/§4.2.3 code", () => {
    const missing = RFC5321_CODES.filter((c) => !lookupReplyCode(c));
    expect(missing).toEqual([]);
  });

  it("covers the extension codes (RFC 3207, RFC 4954, RFC 7504)", () => {
    const missing = EXTENSION_CODES.filter((c) => !lookupReplyCode(c));
    expect(missing).toEqual([]);
  });

  it("has no duplicate codes", () => {
    const codes = replyCodes().map((e) => e.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("names extension sources beside the shared codes", () => {
    expect(lookupReplyCode(220)?.source).toMatch(/RFC 3207/);
    expect(lookupReplyCode(454)?.source).toMatch(/RFC 3207/);
    expect(lookupReplyCode(454)?.source).toMatch(/RFC 4954/);
    expect(lookupReplyCode(501)?.source).toMatch(/RFC 3207/);
    expect(lookupReplyCode(530)?.source).toMatch(/RFC 3207/);
    expect(lookupReplyCode(521)?.source).toMatch(/RFC 7504/);
    expect(lookupReplyCode(556)?.source).toMatch(/RFC 7504/);
  });

  it("gives every entry a meaning and a source", () => {
    for (const e of replyCodes()) {
      expect(e.meaning.trim(), String(e.code)).not.toBe("");
      expect(e.source, String(e.code)).toMatch(/RFC \d+|IANA/);
    }
  });

  it("carries the postmaster's knowledge for 500", () => {
    const e = ok(explain(500, null));
    const text = [...e.causes, ...e.fixes].join("\n");
    expect(text).toMatch(/firewall/i);
    expect(text).toMatch(/PIX|ASA/);
    expect(text).toMatch(/XXXX/);
    expect(text).toMatch(/line ending/i);
    expect(text).toMatch(/CRLF/);
    expect(text).toMatch(/proxy/i);
    expect(text).toContain("openssl s_client");
    expect(text).toContain("inspect esmtp");
    const causes = e.causes.join("\n");
    expect(causes).toMatch(/firewall/i);
    expect(causes).toMatch(/TLS/);
    expect(causes).toMatch(/line ending/i);
    expect(causes).toMatch(/proxy/i);
  });

  it("mentions greylisting for 450 and 451 (never for a 5xx), DNSBLs for 554", () => {
    expect(ok(explain(450, null)).causes.join(" ")).toMatch(/greylist/i);
    expect(ok(explain(451, null)).causes.join(" ")).toMatch(/greylist/i);
    expect(ok(explain(554, null)).causes.join(" ")).toMatch(/DNS blocklist/);
  });
});

describe("enhanced code table", () => {
  const keys = enhancedCodes().map((e) => `${e.subject}.${e.detail}`);

  it("holds exactly the IANA registry's subject.detail entries", () => {
    expect([...keys].sort()).toEqual([...IANA_KEYS].sort());
  });

  it.each(IANA_KEYS)("looks up X.%s", (key) => {
    expect(lookupEnhanced(`X.${key}`)).toBeDefined();
    expect(lookupEnhanced(`5.${key}`)).toBe(lookupEnhanced(`4.${key}`));
  });

  it("has no duplicate keys", () => {
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("gives every entry a meaning and a source", () => {
    for (const e of enhancedCodes()) {
      expect(e.meaning.trim(), `${e.subject}.${e.detail}`).not.toBe("");
      expect(e.source, `${e.subject}.${e.detail}`).toMatch(/^RFC \d+/);
    }
  });

  it("names the defining RFC of later additions", () => {
    expect(lookupEnhanced("5.1.9")?.source).toMatch(/RFC 3886/);
    expect(lookupEnhanced("5.1.10")?.source).toMatch(/RFC 7505/);
    expect(lookupEnhanced("5.3.6")?.source).toMatch(/RFC 6710/);
    expect(lookupEnhanced("5.5.6")?.source).toMatch(/RFC 4954/);
    expect(lookupEnhanced("5.6.6")?.source).toMatch(/RFC 4468/);
    expect(lookupEnhanced("5.6.7")?.source).toMatch(/RFC 6531/);
    expect(lookupEnhanced("5.6.10")?.meaning).toMatch(/X\.6\.8/);
    expect(lookupEnhanced("5.7.8")?.source).toMatch(/RFC 4954/);
    expect(lookupEnhanced("5.7.13")?.source).toMatch(/RFC 5248/);
    expect(lookupEnhanced("5.7.17")?.source).toMatch(/RFC 7293/);
    expect(lookupEnhanced("5.7.23")?.source).toMatch(/RFC 7372/);
    expect(lookupEnhanced("5.7.27")?.source).toMatch(/RFC 7505/);
    expect(lookupEnhanced("5.7.29")?.source).toMatch(/RFC 8617/);
    expect(lookupEnhanced("5.7.30")?.source).toMatch(/RFC 8689/);
  });

  it("has the three classes", () => {
    expect(ENHANCED_CLASSES.map((c) => c.class)).toEqual([2, 4, 5]);
    for (const c of ENHANCED_CLASSES) {
      expect(c.meaning).not.toBe("");
      expect(c.source).toMatch(/RFC 3463/);
    }
  });

  it("returns undefined for malformed or unknown keys", () => {
    expect(lookupEnhanced("5.9.99")).toBeUndefined();
    expect(lookupEnhanced("nonsense")).toBeUndefined();
    expect(lookupReplyCode(599)).toBeUndefined();
  });
});

describe("classOfCode / bounceOf", () => {
  it.each([
    [250, "success", "none"],
    [354, "intermediate", "none"],
    [421, "transient", "soft"],
    [550, "permanent", "hard"],
  ] as const)("%i is %s with %s bounce", (code, cls, bounce) => {
    expect(classOfCode(code)).toBe(cls);
    expect(bounceOf(classOfCode(code))).toBe(bounce);
  });
});

describe("explain", () => {
  it("merges the reply code and the enhanced code for 550 5.1.1, the enhanced code's meaning first", () => {
    const e = ok(explain(550, "5.1.1"));
    const reply = lookupReplyCode(550);
    const enh = lookupEnhanced("5.1.1");
    expect(e.code).toBe(550);
    expect(e.enhanced).toBe("5.1.1");
    expect(e.class).toBe("permanent");
    expect(e.bounce).toBe("hard");
    expect(e.meaning.startsWith(`5.1.1: ${enh?.meaning}`)).toBe(true);
    expect(e.meaning).toContain(reply?.meaning);
    expect(e.causes[0]).toMatch(/recipient address does not exist/);
    expect(e.sources.some((s) => s.includes("RFC 5321"))).toBe(true);
    expect(e.sources.some((s) => s.includes("RFC 3463"))).toBe(true);
  });

  it("gives a vendor's own meaning beside the registry's (Gmail 5.7.27, Microsoft 5.1.10)", () => {
    const spf = ok(explain(550, "5.7.27"));
    expect(spf.meaning).toMatch(/^5\.7\.27: Sender address has null MX.* — Gmail: sender authentication failed/);
    const ms = ok(explain(550, "5.1.10"));
    expect(ms.meaning).toMatch(/null MX.* — Microsoft Exchange, Microsoft 365, Outlook\.com: the recipient does not exist/);
  });

  it("a product's own code leads with the product's reading (Microsoft 5.7.703, 5.7.133); a registry code keeps its own", () => {
    const list = ok(explain(550, "5.7.703"));
    expect(list.causes[0]).toMatch(/^Microsoft Exchange, Microsoft 365, Outlook\.com: The sending organisation's own Tenant Allow\/Block List/);
    expect(list.fixes[0]).toMatch(/Tenant Allow\/Block Lists/);
    const group = ok(explain(550, "5.7.133"));
    expect(group.causes[0]).toMatch(/accepts mail only from senders inside its own organisation/);
    expect(group.fixes[0]).toMatch(/^Only the recipient's organisation can change this/);
    const full = ok(explain(552, "5.2.2"));
    expect(full.causes[0]).toMatch(/over its storage quota/);
  });

  it("550 5.7.1: each line once, no greylisting, not led by an unknown recipient", () => {
    const e = ok(explain(550, "5.7.1"));
    const text = renderExplainText(e);
    expect(text).not.toMatch(/greylist/i);
    expect(text).not.toMatch(/recipient address does not exist/);
    expect(e.causes.join(" ")).toMatch(/relay/);
  });

  it("explains an enhanced code alone", () => {
    const e = ok(explain(null, "5.7.1"));
    expect(e.code).toBeNull();
    expect(e.enhanced).toBe("5.7.1");
    expect(e.class).toBe("permanent");
    expect(e.bounce).toBe("hard");
    expect(e.meaning).toMatch(/not authorized/i);
  });

  it("derives class from the enhanced class when the code is missing", () => {
    expect(ok(explain(null, "4.2.2")).class).toBe("transient");
    expect(ok(explain(null, "4.2.2")).bounce).toBe("soft");
    expect(ok(explain(null, "2.1.5")).bounce).toBe("none");
  });

  it("falls back to the class for an unknown but well-formed reply code", () => {
    const e = ok(explain(599, null));
    expect(e.class).toBe("permanent");
    expect(e.bounce).toBe("hard");
    expect(e.meaning).toMatch(/permanent/i);
    expect(e.causes.join(" ")).toMatch(/not in/);
    expect(e.sources).toContain("RFC 5321 §4.2.1");
  });

  it("falls back to the class for an unknown but well-formed enhanced code", () => {
    const e = ok(explain(null, "5.9.99"));
    expect(e.class).toBe("permanent");
    expect(e.meaning).toMatch(/permanent/i);
    expect(e.causes.join(" ")).toMatch(/not in the IANA/);
    expect(e.sources).toContain("RFC 3463 §2");
  });

  it("notes a class that contradicts the reply code, without failing", () => {
    const e = ok(explain(550, "4.2.2"));
    expect(e.class).toBe("permanent");
    expect(e.causes.join(" ")).toMatch(/contradicts/);
    // The disagreement leads the meaning, before any cause.
    expect(e.meaning).toMatch(/^The reply code and the enhanced code disagree/);
  });

  it("returns an error only for malformed input", () => {
    expect("error" in explain(null, null)).toBe(true);
    expect("error" in explain(50, null)).toBe(true);
    expect("error" in explain(650, null)).toBe(true);
    expect("error" in explain(null, "3.1.1")).toBe(true);
    expect("error" in explain(null, "5.1")).toBe(true);
  });

  it("carries the 500 advice into the explanation", () => {
    const e = ok(explain(500, "5.5.2"));
    expect(e.causes[0]).toMatch(/does not know or does not implement this command/);
    expect(e.causes.join(" ")).toMatch(/firewall/i);
    expect(e.fixes.join(" ")).toContain("openssl s_client");
  });
});

describe("rendering", () => {
  it("renders a terminal block", () => {
    const text = renderExplainText(ok(explain(550, "5.1.1")));
    expect(text.split("\n")[0]).toBe("550 5.1.1 — permanent (hard bounce)");
    expect(text).toContain("Likely causes:");
    expect(text).toContain("What to do:");
    expect(text).toContain("Sources:");
  });

  it("renders a header without a reply code", () => {
    expect(renderExplainText(ok(explain(null, "4.7.1"))).split("\n")[0]).toBe("4.7.1 — transient (soft bounce)");
    expect(renderExplainText(ok(explain(250, null))).split("\n")[0]).toBe("250 — success (no bounce)");
  });

  it("returns exactly the JSON keys in order", () => {
    const j = explainJson(ok(explain(550, "5.1.1")));
    expect(Object.keys(j)).toEqual(["code", "enhanced", "class", "bounce", "meaning", "causes", "fixes"]);
    expect(j.bounce).toBe("hard");
    expect(JSON.parse(JSON.stringify(j))).toEqual(j);
  });
});

describe("explain of every code", () => {
  const codes = replyCodes().map((e) => e.code);
  const enhanced = enhancedCodes().flatMap((e) => ["2", "4", "5"].map((c) => `${c}.${e.subject}.${e.detail}`));
  const queries: [number | null, string | null][] = [
    ...codes.map((c): [number, null] => [c, null]),
    ...enhanced.map((x): [null, string] => [null, x]),
    ...codes.flatMap((c) => enhanced.filter((x) => x[0] === String(c)[0]).map((x): [number, string] => [c, x])),
  ];

  it("has no repeated line", () => {
    const repeated: string[] = [];
    for (const [c, x] of queries) {
      const lines = renderExplainText(ok(explain(c, x))).split("\n").filter((l) => l.trim() !== "");
      const seen = new Set<string>();
      for (const l of lines) {
        if (seen.has(l)) repeated.push(`${c ?? ""} ${x ?? ""}: ${l}`);
        seen.add(l);
      }
    }
    expect(repeated).toEqual([]);
  });

  it("reads each of Microsoft's 5.7.7xx codes one way: 5.7.703 and 5.7.708 are not also the tenant block of the range", () => {
    const twice: string[] = [];
    for (let detail = 700; detail <= 749; detail++) {
      const x = `5.7.${detail}`;
      const microsoft = causesOfCode(550, x).filter((c) => c.by === "vendor" && c.families?.includes("microsoft365"));
      if (microsoft.length !== 1) twice.push(`${x}: ${microsoft.map((c) => c.source).join(" | ") || "none"}`);
    }
    expect(twice).toEqual([]);
  });

  it("never gives greylisting or a retry for a 5xx, nor an unknown recipient for a 5.7.x policy code", () => {
    const bad: string[] = [];
    for (const [c, x] of queries) {
      const e = ok(explain(c, x));
      const said = [...e.causes, ...e.fixes].join("\n");
      if (e.class === "permanent" && /greylist|retry after|retry later/i.test(said)) bad.push(`${c} ${x}: greylisting`);
      if (x?.startsWith("5.7.") && /recipient address does not exist/.test(said)) bad.push(`${c} ${x}: unknown recipient`);
    }
    expect(bad).toEqual([]);
  });
});
