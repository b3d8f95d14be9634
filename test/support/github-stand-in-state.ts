/**
 * The stand-in's memory: issues (pull requests share their numbering),
 * comments, the git store, and the JSON shapes GitHub answers with.
 */
import { GitStore } from './github-stand-in-git.ts';

export interface StandInIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  labels: string[];
  /** Set for a pull request. */
  pull?: { head: string; base: string };
}

export interface StandInComment {
  id: number;
  issueNumber: number;
  body: string;
}

export type Reply = [number, unknown, Record<string, string>?];

export type Handler = (
  match: RegExpExecArray,
  body: Record<string, unknown>,
  query: URLSearchParams,
) => Reply;

export type Route = [method: string, pattern: RegExp, handler: Handler];

export class StandInState {
  readonly issues: StandInIssue[] = [];
  readonly comments: StandInComment[] = [];
  readonly git = new GitStore();
  baseUrl = '';
  private nextComment = 1000;

  constructor(
    readonly owner: string,
    readonly repo: string,
    readonly defaultBranch: string,
  ) {}

  addIssue(fields: Partial<StandInIssue> & { title: string }): StandInIssue {
    const issue: StandInIssue = {
      number: this.issues.length + 1,
      body: '',
      state: 'open',
      labels: [],
      ...fields,
    };
    this.issues.push(issue);
    return issue;
  }

  addComment(issueNumber: number, body: string): StandInComment {
    this.nextComment += 1;
    const comment = { id: this.nextComment, issueNumber, body };
    this.comments.push(comment);
    return comment;
  }

  issue(number: string | undefined): StandInIssue | undefined {
    return this.issues.find((issue) => issue.number === Number(number));
  }

  private web(): string {
    return `${this.baseUrl}/web/${this.owner}/${this.repo}`;
  }

  issueJson(issue: StandInIssue): Record<string, unknown> {
    const kind = issue.pull ? 'pull' : 'issues';
    return {
      number: issue.number,
      title: issue.title,
      body: issue.body,
      state: issue.state,
      labels: issue.labels.map((name) => ({ name })),
      html_url: `${this.web()}/${kind}/${issue.number}`,
      ...(issue.pull
        ? { pull_request: { url: `${this.baseUrl}/pulls/${issue.number}` } }
        : {}),
    };
  }

  pullJson(issue: StandInIssue): Record<string, unknown> {
    const head = issue.pull?.head ?? '';
    return {
      ...this.issueJson(issue),
      head: { ref: head, label: `${this.owner}:${head}` },
      base: { ref: issue.pull?.base ?? '' },
    };
  }

  commentJson(comment: StandInComment): Record<string, unknown> {
    const anchor = `${comment.issueNumber}#issuecomment-${comment.id}`;
    return {
      id: comment.id,
      body: comment.body,
      html_url: `${this.web()}/issues/${anchor}`,
    };
  }

  /** One page of a list, with GitHub's Link header when more follow. */
  page(items: unknown[], query: URLSearchParams, path: string): Reply {
    const perPage = Number(query.get('per_page') ?? 30);
    const number = Number(query.get('page') ?? 1);
    const slice = items.slice((number - 1) * perPage, number * perPage);
    if (number * perPage >= items.length) return [200, slice];

    const next = new URLSearchParams(query);
    next.set('page', String(number + 1));
    const target = `${this.baseUrl}/repos/${this.owner}/${this.repo}${path}`;
    return [200, slice, { link: `<${target}?${next.toString()}>; rel="next"` }];
  }
}

export function notFound(what: string): Reply {
  return [404, { message: `${what} Not Found` }];
}
