/**
 * A GitHub REST API stand-in on 127.0.0.1 for the real `@actions/github` client: point
 * GITHUB_API_URL at `url`. It records every request (method, path with query, body) and serves a
 * small in-memory store of issue comments and issues, with Link-header pagination like GitHub's.
 *
 * Only the endpoints smtp-gate uses:
 *   GET    /user
 *   GET    /repos/:o/:r/issues/:n/comments        (paginated)
 *   POST   /repos/:o/:r/issues/:n/comments
 *   PATCH  /repos/:o/:r/issues/comments/:id
 *   GET    /repos/:o/:r/issues?labels=&state=     (paginated)
 *   POST   /repos/:o/:r/issues
 *   PATCH  /repos/:o/:r/issues/:n
 *   GET    /repos/:o/:r/pulls/:n
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path with query string, e.g. `/repos/o/r/issues/7/comments?per_page=100`. */
  path: string;
  body: string;
  authorization: string | undefined;
}

export interface User {
  login: string;
  type: "User" | "Bot";
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: User;
}

export interface StoredIssue {
  number: number;
  title: string;
  body: string;
  state: "open" | "closed";
  state_reason: string | null;
  labels: string[];
  user: User;
  pull_request?: true;
}

export const BOT: User = { login: "github-actions[bot]", type: "Bot" };

export interface FakeGitHubOptions {
  /** The token's identity for writes; `GET /user` answers 403 unless `viewer` is set. */
  actor?: User;
  /** Login `GET /user` returns (a PAT); undefined: 403 like GITHUB_TOKEN. */
  viewer?: string;
  /** Writes answer 403 "Resource not accessible by integration" (a fork PR's read-only token). */
  readOnly?: boolean;
  /** Head SHA per pull request number, for `GET /pulls/:n`. */
  pulls?: Record<number, string>;
}

export interface FakeGitHub {
  url: string;
  requests: RecordedRequest[];
  comments: StoredComment[];
  issues: StoredIssue[];
  options: FakeGitHubOptions;
  /** Requests that change something (POST, PATCH, PUT, DELETE). */
  writes(): RecordedRequest[];
  addComment(issue: number, body: string, user?: User): StoredComment;
  close(): Promise<void>;
}

const WRITE_METHODS = new Set(["POST", "PATCH", "PUT", "DELETE"]);

export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const requests: RecordedRequest[] = [];
  const comments: StoredComment[] = [];
  const issues: StoredIssue[] = [];
  let nextId = 1000;
  let nextIssue = 1;
  let base = "";

  const commentJson = (c: StoredComment) => ({
    id: c.id,
    node_id: `IC_${c.id}`,
    body: c.body,
    user: { login: c.user.login, type: c.user.type, id: 1 },
    html_url: `https://github.test/o/r/issues/${c.issue}#issuecomment-${c.id}`,
    issue_url: `${base}/repos/o/r/issues/${c.issue}`,
  });
  const issueJson = (i: StoredIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    labels: i.labels.map((name) => ({ name })),
    user: { login: i.user.login, type: i.user.type },
    html_url: `https://github.test/o/r/issues/${i.number}`,
    ...(i.pull_request ? { pull_request: { url: "x" } } : {}),
  });

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      requests.push({ method: req.method ?? "", path: req.url ?? "", body, authorization: req.headers.authorization });
      try {
        route(req, res, body);
      } catch (err) {
        send(res, 500, { message: String(err) });
      }
    });
  });

  function route(req: IncomingMessage, res: ServerResponse, raw: string): void {
    const url = new URL(req.url ?? "/", base);
    const method = req.method ?? "GET";
    const data = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
    const p = url.pathname;
    let m: RegExpExecArray | null;
    if (WRITE_METHODS.has(method) && options.readOnly) return send(res, 403, { message: "Resource not accessible by integration", status: "403" });
    const actor = options.actor ?? BOT;

    if (method === "GET" && p === "/user") {
      if (!options.viewer) return send(res, 403, { message: "Resource not accessible by integration", status: "403" });
      return send(res, 200, { login: options.viewer, type: "User" });
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)\/comments$/.exec(p))) {
      const n = Number(m[1]);
      if (method === "GET") return page(res, url, comments.filter((c) => c.issue === n).map(commentJson));
      if (method === "POST") {
        const c = { id: nextId++, issue: n, body: String(data.body), user: actor };
        comments.push(c);
        return send(res, 201, commentJson(c));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/comments\/(\d+)$/.exec(p)) && method === "PATCH") {
      const c = comments.find((x) => x.id === Number(m?.[1]));
      if (!c) return send(res, 404, { message: "Not Found" });
      if (c.user.login !== actor.login) return send(res, 403, { message: "Must have admin rights to Repository." });
      c.body = String(data.body);
      return send(res, 200, commentJson(c));
    }
    if (/^\/repos\/[^/]+\/[^/]+\/issues$/.test(p)) {
      if (method === "GET") {
        const labels = (url.searchParams.get("labels") ?? "").split(",").filter(Boolean);
        const state = url.searchParams.get("state") ?? "open";
        const list = issues
          .filter((i) => (state === "all" || i.state === state) && labels.every((l) => i.labels.includes(l)))
          .sort((a, b) => b.number - a.number) // GitHub's default: newest first
          .map(issueJson);
        return page(res, url, list);
      }
      if (method === "POST") {
        const i: StoredIssue = { number: nextIssue++, title: String(data.title), body: String(data.body ?? ""), state: "open", state_reason: null, labels: (data.labels as string[] | undefined) ?? [], user: actor };
        issues.push(i);
        return send(res, 201, issueJson(i));
      }
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/issues\/(\d+)$/.exec(p)) && method === "PATCH") {
      const i = issues.find((x) => x.number === Number(m?.[1]));
      if (!i) return send(res, 404, { message: "Not Found" });
      if (typeof data.body === "string") i.body = data.body;
      if (data.state === "open" || data.state === "closed") i.state = data.state;
      if (typeof data.state_reason === "string") i.state_reason = data.state_reason;
      return send(res, 200, issueJson(i));
    }
    if ((m = /^\/repos\/[^/]+\/[^/]+\/pulls\/(\d+)$/.exec(p)) && method === "GET") {
      const sha = options.pulls?.[Number(m[1])];
      if (!sha) return send(res, 404, { message: "Not Found" });
      return send(res, 200, { number: Number(m[1]), head: { sha } });
    }
    send(res, 404, { message: `fake-github: no route for ${method} ${p}` });
  }

  /** GitHub-style pagination: `per_page` (max 100), `page`, and a Link header with absolute URLs. */
  function page(res: ServerResponse, url: URL, all: unknown[]): void {
    const per = Math.min(100, Number(url.searchParams.get("per_page") ?? 30) || 30);
    const n = Math.max(1, Number(url.searchParams.get("page") ?? 1) || 1);
    const last = Math.max(1, Math.ceil(all.length / per));
    const link = (k: number, rel: string) => {
      const u = new URL(url.pathname + url.search, base);
      u.searchParams.set("page", String(k));
      return `<${u.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (n < last) links.push(link(n + 1, "next"), link(last, "last"));
    if (n > 1) links.push(link(1, "first"), link(n - 1, "prev"));
    send(res, 200, all.slice((n - 1) * per, n * per), links.length ? { link: links.join(", ") } : {});
  }

  function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", "x-ratelimit-remaining": "4999", ...headers });
    res.end(JSON.stringify(body));
  }

  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    requests,
    comments,
    issues,
    options,
    writes: () => requests.filter((r) => WRITE_METHODS.has(r.method)),
    addComment(issue, body, user = { login: "someone", type: "User" }) {
      const c = { id: nextId++, issue, body, user };
      comments.push(c);
      return c;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
