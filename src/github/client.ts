/**
 * The only Octokit user. `@actions/github` and its plugins are imported lazily, on the first
 * call that needs the API, so the CLI and runs that write nothing never load them.
 *
 * Every call the features make goes through the small `GitHubApi` interface below.
 */

export interface IssueComment {
  id: number;
  body: string;
  user: { login: string; type: string } | null;
  html_url: string;
}

export interface Issue {
  number: number;
  body: string;
  html_url: string;
  state: string;
  pull_request?: unknown;
}

export interface GitHubApi {
  /** The token's own login (`GET /user`); null when the token cannot read it (GITHUB_TOKEN, apps). */
  viewerLogin(): Promise<string | null>;
  /** Comments of an issue or PR, oldest first, page by page; stop by returning true from `visit`. */
  scanComments(issue: number, visit: (c: IssueComment) => boolean): Promise<void>;
  createComment(issue: number, body: string): Promise<IssueComment>;
  updateComment(id: number, body: string): Promise<IssueComment>;
  /** Open issues (not PRs) carrying `label`. */
  openIssuesWithLabel(label: string): Promise<Issue[]>;
  createIssue(title: string, body: string, labels: string[]): Promise<Issue>;
  updateIssue(issue: number, patch: { body?: string; state?: "open" | "closed"; state_reason?: "completed" }): Promise<Issue>;
  pullHeadSha(pr: number): Promise<string>;
}

export interface ClientOptions {
  token: string;
  repo: { owner: string; repo: string };
  /** API base URL (`GITHUB_API_URL`). */
  baseUrl: string;
  /** Whole-operation deadline for all requests, in ms. */
  timeoutMs?: number;
  log?: (message: string) => void;
}

/** The status of a failed API call (Octokit's RequestError), or null for other errors. */
export function httpStatus(err: unknown): number | null {
  const s = (err as { status?: unknown } | null)?.status;
  return typeof s === "number" ? s : null;
}

export async function createGitHubApi(opts: ClientOptions): Promise<GitHubApi> {
  const [{ getOctokit }, { retry }, { throttling }] = await Promise.all([import("@actions/github"), import("@octokit/plugin-retry"), import("@octokit/plugin-throttling")]);
  const log = opts.log ?? (() => {});
  const octokit = getOctokit(
    opts.token,
    {
      baseUrl: opts.baseUrl,
      request: { signal: AbortSignal.timeout(opts.timeoutMs ?? 60_000) },
      // 4xx other than rate limits are answers, not hiccups: a 403 on a fork must fail fast.
      retry: { doNotRetry: [400, 401, 403, 404, 410, 422, 451], retries: 2 },
      throttle: {
        // One retry after a short primary/secondary rate limit; longer waits are not worth a CI minute.
        onRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
          log(`GitHub API rate limit: retry after ${after}s`);
          return count < 1 && after <= 60;
        },
        onSecondaryRateLimit: (after: number, _o: unknown, _k: unknown, count: number) => {
          log(`GitHub API secondary rate limit: retry after ${after}s`);
          return count < 1 && after <= 60;
        },
      },
    },
    retry,
    throttling,
  );
  const { owner, repo } = opts.repo;
  const comment = (d: { id: number; body?: string | null; user: { login: string; type: string } | null; html_url: string }): IssueComment => ({
    id: d.id,
    body: d.body ?? "",
    user: d.user ? { login: d.user.login, type: d.user.type } : null,
    html_url: d.html_url,
  });
  const issue = (d: { number: number; body?: string | null; html_url: string; state: string; pull_request?: unknown }): Issue => ({
    number: d.number,
    body: d.body ?? "",
    html_url: d.html_url,
    state: d.state,
    ...(d.pull_request ? { pull_request: d.pull_request } : {}),
  });

  return {
    async viewerLogin() {
      try {
        return (await octokit.rest.users.getAuthenticated()).data.login;
      } catch (err) {
        const s = httpStatus(err);
        if (s === 401 || s === 403 || s === 404) return null;
        throw err;
      }
    },
    async scanComments(n, visit) {
      for await (const page of octokit.paginate.iterator(octokit.rest.issues.listComments, { owner, repo, issue_number: n, per_page: 100 })) {
        for (const c of page.data) if (visit(comment(c))) return;
      }
    },
    async createComment(n, body) {
      return comment((await octokit.rest.issues.createComment({ owner, repo, issue_number: n, body })).data);
    },
    async updateComment(id, body) {
      return comment((await octokit.rest.issues.updateComment({ owner, repo, comment_id: id, body })).data);
    },
    async openIssuesWithLabel(label) {
      const all = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: "open", per_page: 100 });
      return all.filter((i) => !i.pull_request).map(issue);
    },
    async createIssue(title, body, labels) {
      return issue((await octokit.rest.issues.create({ owner, repo, title, body, labels })).data);
    },
    async updateIssue(n, patch) {
      return issue((await octokit.rest.issues.update({ owner, repo, issue_number: n, ...patch })).data);
    },
    async pullHeadSha(pr) {
      return (await octokit.rest.pulls.get({ owner, repo, pull_number: pr })).data.head.sha;
    },
  };
}
