/**
 * One sticky comment per pull request and key: found again by its marker and author, updated in
 * place, left alone when nothing but the run link would change. At most one write per call.
 */
import type { StoredFacts } from "../report/facts.js";
import { parseFactsBlock } from "../report/facts.js";
import type { GitHubApi, IssueComment } from "./client.js";
import { authorRule, isByUs } from "./ownership.js";
import { commentMarker, stableCommentText } from "../report/comment.js";

export type StickyAction = "created" | "updated" | "unchanged";

export interface StickyOptions {
  pr: number;
  key: string;
  /** Renders the body, given the facts stored in the previous comment (null: first comment). */
  render: (previous: StoredFacts | null) => string;
}

export async function upsertStickyComment(api: GitHubApi, opts: StickyOptions): Promise<{ action: StickyAction; url: string }> {
  const marker = commentMarker(opts.key);
  const author = authorRule(await api.viewerLogin());
  let found: IssueComment | null = null;
  // Oldest first; the first of ours wins, so a rare duplicate from a past race is never multiplied.
  await api.scanComments(opts.pr, (c) => {
    if (c.body.startsWith(marker) && isByUs(c.user, author)) found = c;
    return found !== null;
  });
  const existing = found as IssueComment | null;
  const body = opts.render(existing ? parseFactsBlock(existing.body) : null);
  if (!existing) return { action: "created", url: (await api.createComment(opts.pr, body)).html_url };
  if (stableCommentText(existing.body) === stableCommentText(body)) return { action: "unchanged", url: existing.html_url };
  return { action: "updated", url: (await api.updateComment(existing.id, body)).html_url };
}
