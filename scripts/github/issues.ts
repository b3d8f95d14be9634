/** Issues the program keeps open (drift, expiring decisions) and labels. */
import { hasMarker, markedBody } from './comment-body.ts';
import { call } from './octokit.ts';
import type { OctokitClient, RepoRef } from './octokit.ts';
import type { IssueResult, IssueSummary } from './types.ts';

type IssueData = Awaited<
  ReturnType<OctokitClient['rest']['issues']['get']>
>['data'];

export class Issues {
  constructor(
    private readonly octokit: OctokitClient,
    private readonly repo: RepoRef,
    private readonly runUrl: string | undefined,
  ) {}

  /** @throws GitHubError or GitHubAuthError when GitHub refuses. */
  async list(
    filter: { labels?: string[]; state?: 'open' | 'closed' | 'all' } = {},
  ): Promise<IssueSummary[]> {
    const issues = await call('list issues', () =>
      this.octokit.paginate(this.octokit.rest.issues.listForRepo, {
        ...this.repo,
        state: filter.state ?? 'open',
        labels: filter.labels?.join(','),
        per_page: 100,
      }),
    );
    return issues.filter((issue) => !issue.pull_request).map(summarize);
  }

  /**
   * Updates the open issue carrying `marker` (the marker, not the title,
   * finds it, so a renamed issue is still ours), or opens one.
   * @throws GitHubError or GitHubAuthError when GitHub refuses.
   */
  async findOrCreate(
    title: string,
    marker: string,
    text: string,
    labels: string[] = [],
  ): Promise<IssueResult> {
    const { body } = markedBody(marker, text, this.runUrl);
    const open = await this.list({ state: 'open' });
    const existing = open.find((issue) => hasMarker(issue.body, marker));

    if (!existing) {
      const { data } = await call('open issue', () =>
        this.octokit.rest.issues.create({ ...this.repo, title, body, labels }),
      );
      return { number: data.number, url: data.html_url, action: 'created' };
    }

    const missing = labels.filter((label) => !existing.labels.includes(label));
    if (
      existing.title === title &&
      existing.body === body &&
      missing.length === 0
    ) {
      return {
        number: existing.number,
        url: existing.url,
        action: 'unchanged',
      };
    }
    await call(`edit issue #${existing.number}`, () =>
      this.octokit.rest.issues.update({
        ...this.repo,
        issue_number: existing.number,
        title,
        body,
        labels: [...existing.labels, ...missing],
      }),
    );
    return { number: existing.number, url: existing.url, action: 'updated' };
  }

  /** @throws GitHubError or GitHubAuthError when GitHub refuses. */
  async close(issueNumber: number, comment?: string): Promise<void> {
    if (comment !== undefined) {
      await call(`comment on #${issueNumber}`, () =>
        this.octokit.rest.issues.createComment({
          ...this.repo,
          issue_number: issueNumber,
          body: comment,
        }),
      );
    }
    await call(`close issue #${issueNumber}`, () =>
      this.octokit.rest.issues.update({
        ...this.repo,
        issue_number: issueNumber,
        state: 'closed',
      }),
    );
  }

  /** @throws GitHubError or GitHubAuthError when GitHub refuses. */
  async labels(issueNumber: number): Promise<string[]> {
    const labels = await call(`read labels of #${issueNumber}`, () =>
      this.octokit.paginate(this.octokit.rest.issues.listLabelsOnIssue, {
        ...this.repo,
        issue_number: issueNumber,
        per_page: 100,
      }),
    );
    return labels.map((label) => label.name);
  }

  /** @throws GitHubError or GitHubAuthError when GitHub refuses. */
  async addLabels(issueNumber: number, labels: string[]): Promise<void> {
    if (labels.length === 0) return;
    await call(`label #${issueNumber}`, () =>
      this.octokit.rest.issues.addLabels({
        ...this.repo,
        issue_number: issueNumber,
        labels,
      }),
    );
  }
}

function summarize(issue: IssueData): IssueSummary {
  return {
    number: issue.number,
    title: issue.title,
    body: issue.body ?? '',
    state: issue.state === 'closed' ? 'closed' : 'open',
    labels: issue.labels.map((label) =>
      typeof label === 'string' ? label : (label.name ?? ''),
    ),
    url: issue.html_url,
  };
}
