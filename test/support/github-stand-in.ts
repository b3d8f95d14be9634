/**
 * A local stand-in for the GitHub REST endpoints that scripts/github/
 * uses (issues, comments, labels, git refs/trees/commits, contents, pulls),
 * in memory on 127.0.0.1, with a request log and injectable failures, for
 * the tests of every room.
 */
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { contentRoutes } from './github-stand-in-contents.ts';
import type { GitStore } from './github-stand-in-git.ts';
import { issueRoutes } from './github-stand-in-issues.ts';
import { StandInState } from './github-stand-in-state.ts';
import type { StandInComment, StandInIssue } from './github-stand-in-state.ts';

export type { StandInComment, StandInIssue };

export interface StandInRequest {
  method: string;
  /** Decoded path below /repos/<owner>/<repo>, e.g. /contents/a/b.json. */
  path: string;
  status: number;
}

export interface StandInFault {
  method: string;
  /** Substring of, or pattern for, the decoded path. */
  path: string | RegExp;
  status: number;
  /** How many matching requests fail (default 1). */
  times?: number;
  message?: string;
}

export interface GitHubStandIn {
  /** Give this to openGitHub as apiUrl. */
  url: string;
  token: string;
  /** `owner/repo`. */
  repository: string;
  defaultBranch: string;
  requests: StandInRequest[];
  /** Issues and pull requests (those have `pull`). */
  issues: StandInIssue[];
  comments: StandInComment[];
  git: GitStore;
  branches(): string[];
  readFile(branch: string, path: string): string | undefined;
  /** Number of logged requests with this method whose path contains `part`. */
  count(method: string, part: string): number;
  addIssue(issue: Partial<StandInIssue> & { title: string }): StandInIssue;
  fail(fault: StandInFault): void;
  close(): Promise<void>;
}

export interface StandInOptions {
  owner?: string;
  repo?: string;
  token?: string;
  defaultBranch?: string;
  /** Files of the default branch's first commit. */
  files?: Record<string, string>;
}

export async function startGitHubStandIn(
  options: StandInOptions = {},
): Promise<GitHubStandIn> {
  const token = options.token ?? 'stand-in-token-0123456789';
  const state = new StandInState(
    options.owner ?? 'its-security',
    options.repo ?? 'vmgov',
    options.defaultBranch ?? 'main',
  );
  const initial = options.files ?? { 'README.md': '# vmgov\n' };
  state.git.commitOn(
    state.defaultBranch,
    new Map(Object.entries(initial)),
    'initial commit',
  );

  const routes = [...issueRoutes(state), ...contentRoutes(state)];
  const requests: StandInRequest[] = [];
  const faults: (StandInFault & { times: number })[] = [];
  const prefix = `/repos/${state.owner}/${state.repo}`;

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://stand-in');
    const method = req.method ?? 'GET';
    const inRepo = url.pathname.startsWith(prefix);
    const path = decodeURIComponent(
      url.pathname.slice(inRepo ? prefix.length : 0),
    );
    const text = await readBody(req);
    const reply = (status: number, data: unknown, headers = {}) => {
      requests.push({ method, path, status });
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(data));
    };

    const auth = req.headers.authorization ?? '';
    if (auth !== `token ${token}` && auth !== `Bearer ${token}`) {
      reply(401, { message: 'Bad credentials' });
      return;
    }
    const fault = faults.find((f) => f.times > 0 && matches(f, method, path));
    if (fault) {
      fault.times -= 1;
      reply(fault.status, {
        message: fault.message ?? `injected ${fault.status}`,
      });
      return;
    }
    const route = inRepo
      ? routes.find(([verb, pattern]) => verb === method && pattern.test(path))
      : undefined;
    if (!route) {
      reply(404, {
        message: `stand-in has no route ${method} ${url.pathname}`,
      });
      return;
    }
    const body =
      text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
    const [status, data, headers] = route[2](
      route[1].exec(path)!,
      body,
      url.searchParams,
    );
    reply(status, data, headers);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ message: String(error) }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: state.baseUrl,
    token,
    repository: `${state.owner}/${state.repo}`,
    defaultBranch: state.defaultBranch,
    requests,
    issues: state.issues,
    comments: state.comments,
    git: state.git,
    branches: () => [...state.git.refs.keys()].sort(),
    readFile: (branch, path) => state.git.resolve(branch)?.get(path),
    count: (method, part) =>
      requests.filter((r) => r.method === method && r.path.includes(part))
        .length,
    addIssue: (issue) => state.addIssue(issue),
    fail: (fault) => faults.push({ ...fault, times: fault.times ?? 1 }),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function matches(fault: StandInFault, method: string, path: string): boolean {
  if (fault.method !== method) return false;
  return typeof fault.path === 'string'
    ? path.includes(fault.path)
    : fault.path.test(path);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
