// What GitHub would make of rendered Markdown, read with a CommonMark + GFM parser (markdown-it:
// tables, strikethrough, autolinks): the links and images, raw HTML tags, and the mentions,
// issue references and bare URLs in the text its filters would link.
import MarkdownIt from "markdown-it";

const md = new MarkdownIt({ html: true, linkify: true });
// GFM autolinks URLs with a scheme, `www.` and e-mail addresses, not bare domains; `www.` is counted below.
md.linkify.set({ fuzzyLink: false });

export function parseMarkdown(markdown: string) {
  return md.parse(markdown, {});
}

export interface Effects {
  /** href of every link and src of every image. */
  links: string[];
  /** `<` in raw HTML (blocks and inline). */
  tags: number;
  mention: number;
  issue: number;
  url: number;
  www: number;
}

export function markdownEffects(markdown: string): Effects {
  const out: Effects = { links: [], tags: 0, mention: 0, issue: 0, url: 0, www: 0 };
  const text: string[] = [];
  for (const tok of parseMarkdown(markdown)) {
    if (tok.type === "html_block") {
      out.tags += (tok.content.match(/</g) ?? []).length;
      text.push(tok.content.replace(/<[^>]*>/g, " "));
    }
    for (const c of tok.children ?? []) {
      if (c.type === "html_inline") out.tags += (c.content.match(/</g) ?? []).length;
      if (c.type === "link_open") out.links.push(String(c.attrGet("href") ?? ""));
      if (c.type === "image") out.links.push(String(c.attrGet("src") ?? ""));
      if (c.type === "text" || c.type === "text_special") text.push(c.content);
    }
  }
  const all = text.join(" ");
  out.mention = (all.match(/(^|[^\w`])@[a-z0-9]/gi) ?? []).length;
  out.issue = (all.match(/#\d|GH-\d/gi) ?? []).length;
  out.url = (all.match(/\b[a-z][a-z0-9+.-]*:\/\//gi) ?? []).length;
  out.www = (all.match(/\bwww\./gi) ?? []).length;
  return out;
}
