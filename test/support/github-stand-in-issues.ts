/** The stand-in's issue, comment, label and pull request endpoints. */
import { notFound } from './github-stand-in-state.ts';
import type { Route, StandInState } from './github-stand-in-state.ts';

export function issueRoutes(s: StandInState): Route[] {
  return [
    [
      'GET',
      /^\/issues\/(\d+)\/comments$/,
      (m, _b, q) => {
        const list = s.comments.filter((c) => c.issueNumber === Number(m[1]));
        const json = list.map((c) => s.commentJson(c));
        return s.page(json, q, `/issues/${m[1]}/comments`);
      },
    ],
    [
      'POST',
      /^\/issues\/(\d+)\/comments$/,
      (m, b) => {
        if (!s.issue(m[1])) return notFound('Issue');
        return [201, s.commentJson(s.addComment(Number(m[1]), String(b.body)))];
      },
    ],
    [
      'PATCH',
      /^\/issues\/comments\/(\d+)$/,
      (m, b) => {
        const comment = s.comments.find((c) => c.id === Number(m[1]));
        if (!comment) return notFound('Comment');
        comment.body = String(b.body);
        return [200, s.commentJson(comment)];
      },
    ],
    [
      'GET',
      /^\/issues$/,
      (_m, _b, q) => {
        const state = q.get('state') ?? 'open';
        const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
        const list = s.issues.filter(
          (i) =>
            (state === 'all' || i.state === state) &&
            labels.every((label) => i.labels.includes(label)),
        );
        return s.page(
          list.map((i) => s.issueJson(i)),
          q,
          '/issues',
        );
      },
    ],
    [
      'POST',
      /^\/issues$/,
      (_m, b) => {
        const issue = s.addIssue({
          title: String(b.title),
          body: typeof b.body === 'string' ? b.body : '',
          labels: (b.labels as string[] | undefined) ?? [],
        });
        return [201, s.issueJson(issue)];
      },
    ],
    [
      'PATCH',
      /^\/issues\/(\d+)$/,
      (m, b) => {
        const issue = s.issue(m[1]);
        if (!issue) return notFound('Issue');
        if (typeof b.title === 'string') issue.title = b.title;
        if (typeof b.body === 'string') issue.body = b.body;
        if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
        if (Array.isArray(b.labels)) issue.labels = b.labels.map(String);
        return [200, s.issueJson(issue)];
      },
    ],
    [
      'GET',
      /^\/issues\/(\d+)\/labels$/,
      (m, _b, q) => {
        const issue = s.issue(m[1]);
        if (!issue) return notFound('Issue');
        const json = issue.labels.map((name) => ({ name }));
        return s.page(json, q, `/issues/${m[1]}/labels`);
      },
    ],
    [
      'POST',
      /^\/issues\/(\d+)\/labels$/,
      (m, b) => {
        const issue = s.issue(m[1]);
        if (!issue) return notFound('Issue');
        for (const label of (b.labels as string[] | undefined) ?? []) {
          if (!issue.labels.includes(label)) issue.labels.push(label);
        }
        return [200, issue.labels.map((name) => ({ name }))];
      },
    ],
    [
      'GET',
      /^\/pulls$/,
      (_m, _b, q) => {
        const head = q.get('head')?.replace(/^[^:]+:/, '');
        const base = q.get('base');
        const state = q.get('state') ?? 'open';
        const list = s.issues.filter(
          (i) =>
            i.pull &&
            (state === 'all' || i.state === state) &&
            (!head || i.pull.head === head) &&
            (!base || i.pull.base === base),
        );
        return s.page(
          list.map((i) => s.pullJson(i)),
          q,
          '/pulls',
        );
      },
    ],
    [
      'POST',
      /^\/pulls$/,
      (_m, b) => {
        const head = String(b.head);
        const base = String(b.base);
        if (!s.git.refs.has(head) || !s.git.refs.has(base)) {
          return [422, { message: 'Validation Failed: no such head or base' }];
        }
        const open = s.issues.find(
          (i) => i.pull?.head === head && i.state === 'open',
        );
        if (open) {
          return [
            422,
            { message: `A pull request already exists for ${head}.` },
          ];
        }
        const issue = s.addIssue({
          title: String(b.title),
          body: typeof b.body === 'string' ? b.body : '',
          pull: { head, base },
        });
        return [201, s.pullJson(issue)];
      },
    ],
    [
      'PATCH',
      /^\/pulls\/(\d+)$/,
      (m, b) => {
        const issue = s.issue(m[1]);
        if (!issue?.pull) return notFound('Pull request');
        if (typeof b.title === 'string') issue.title = b.title;
        if (typeof b.body === 'string') issue.body = b.body;
        if (b.state === 'open' || b.state === 'closed') issue.state = b.state;
        return [200, s.pullJson(issue)];
      },
    ],
  ];
}
