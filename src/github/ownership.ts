/**
 * Which comments are ours. Anyone can paste `<!-- smtp-gate:KEY -->` into a comment, so the marker
 * alone is not enough: the author must be the token's own identity.
 *
 * - A token that can read `GET /user` (a personal access token) names its login: only comments
 *   by that login count.
 * - `GITHUB_TOKEN` and GitHub App tokens cannot call `GET /user` (403). Their comments are written
 *   by a bot account (`github-actions[bot]` for GITHUB_TOKEN), and no person can post as a bot,
 *   so then a comment counts when its author's `type` is `Bot`.
 */
import type { IssueComment } from "./client.js";

export type Author = { login: string } | { anyBot: true };

export function authorRule(viewerLogin: string | null): Author {
  return viewerLogin ? { login: viewerLogin } : { anyBot: true };
}

export function isByUs(user: IssueComment["user"], author: Author): boolean {
  if (!user) return false;
  return "login" in author ? user.login === author.login : user.type === "Bot";
}
