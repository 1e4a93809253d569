/**
 * The scheduled canary's issue: one open issue per canary key, found again by a marker in its
 * body and the `smtp-gate-canary` label. At most ONE write per run, so a flapping server cannot
 * spam anyone:
 *
 *   failing, no open issue           → open one                        (POST issues)
 *   failing, failure hash changed    → comment with what changed       (POST comment)
 *   failing, same failure            → nothing
 *   passing (or warn), issue open    → close it, the body saying so    (PATCH issue)
 *   passing, no open issue           → nothing
 *
 * Recovery is one PATCH that closes the issue and puts the recovery note (with the run link) at the
 * top of its body: a separate comment would be a second write.
 */
import type { Verdict } from "../model/enums.js";
import type { Report } from "../model/report.js";
import { renderComment, safeKey, truncateMarkdown, COMMENT_LIMIT } from "../report/comment.js";
import type { GitHubApi, Issue, IssueComment } from "./client.js";
import { failureHash, parseFactsBlock, type Facts, type StoredFacts } from "../report/facts.js";
import { authorRule, isByUs, type Author } from "./ownership.js";

export const CANARY_LABEL = "smtp-gate-canary";

export type CanaryAction = "opened" | "commented" | "closed" | "none";

export interface CanaryOptions {
  key: string;
  report: Report;
  facts: Facts;
  /** The counts of every target by verdict, when `report` shows only some (../report/comment.ts). */
  all?: Readonly<Record<Verdict, number>>;
  runUrl: string | null;
  /** Applied to every body before it is sent (secret redaction). */
  scrub: (s: string) => string;
}

export function canaryMarker(key: string): string {
  return `<!-- smtp-gate:canary:${safeKey(key)} -->`;
}

const HASH_RE = /<!-- smtp-gate:canary-hash ([0-9a-f]{16}) -->/;
const hashLine = (h: string) => `<!-- smtp-gate:canary-hash ${h} -->`;

export async function syncCanaryIssue(api: GitHubApi, opts: CanaryOptions): Promise<{ action: CanaryAction; url: string | null }> {
  const marker = canaryMarker(opts.key);
  const author = authorRule(await api.viewerLogin());
  const open = (await api.openIssuesWithLabel(CANARY_LABEL)).filter((i) => i.body.includes(marker)).sort((a, b) => a.number - b.number)[0];
  const failing = opts.report.verdict === "fail";
  const hash = failureHash(opts.facts);

  if (!open) {
    if (!failing) return { action: "none", url: null };
    const body = opts.scrub(`${marker}\n${hashLine(hash)}\n${renderComment(opts.report, { key: opts.key, facts: opts.facts, previous: null, runUrl: opts.runUrl, limit: COMMENT_LIMIT - 200, all: opts.all })}`);
    const created = await api.createIssue(`smtp-gate canary failing: ${opts.key}`.slice(0, 250), body, [CANARY_LABEL]);
    return { action: "opened", url: created.html_url };
  }

  if (!failing) {
    const note = `${marker}\n✅ **Recovered**: ${opts.runUrl ? `[this workflow run](${opts.runUrl})` : "the latest run"} passed (${opts.report.verdict}). Closed by smtp-gate; it reopens a new issue if the canary fails again.\n\n---\n\n`;
    const body = opts.scrub(note + truncateMarkdown(open.body, COMMENT_LIMIT - note.length));
    const closed = await api.updateIssue(open.number, { state: "closed", state_reason: "completed", body });
    return { action: "closed", url: closed.html_url };
  }

  const last = await lastReport(api, open, author);
  if (last.hash === hash) return { action: "none", url: open.html_url };
  const rendered = renderComment(opts.report, { key: opts.key, facts: opts.facts, previous: last.facts, runUrl: opts.runUrl, limit: COMMENT_LIMIT - 200, all: opts.all });
  const c = await api.createComment(open.number, opts.scrub(`${hashLine(hash)}\n**The failure changed.**\n\n${rendered}`));
  return { action: "commented", url: c.html_url };
}

/** The hash and facts of the newest report on the issue: our latest comment, else the body. */
async function lastReport(api: GitHubApi, issue: Issue, author: Author): Promise<{ hash: string | null; facts: StoredFacts | null }> {
  let latest: IssueComment | null = null;
  await api.scanComments(issue.number, (c) => {
    if (HASH_RE.test(c.body) && isByUs(c.user, author)) latest = c;
    return false;
  });
  const body = (latest as IssueComment | null)?.body ?? issue.body;
  const stored = parseFactsBlock(body);
  return { hash: HASH_RE.exec(body)?.[1] ?? null, facts: stored ? { facts: stored.facts, base: null } : null };
}

