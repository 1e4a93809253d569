import type { Bounce, Explanation, ReplyClass } from "./types.js";

const BOUNCE_LABEL: Readonly<Record<Bounce, string>> = {
  none: "no bounce",
  soft: "soft bounce",
  hard: "hard bounce",
};

/** A readable terminal block for `smtp-gate explain`. */
export function renderExplainText(e: Explanation): string {
  const id = [e.code === null ? null : String(e.code), e.enhanced].filter((x): x is string => x !== null).join(" ");
  const lines: string[] = [`${id} — ${e.class} (${BOUNCE_LABEL[e.bounce]})`, "", e.meaning];
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
export function explainJson(e: Explanation): {
  code: number | null;
  enhanced: string | null;
  class: ReplyClass;
  bounce: Bounce;
  meaning: string;
  causes: string[];
  fixes: string[];
} {
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
