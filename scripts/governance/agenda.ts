/**
 * The monthly meeting's agenda: open requests from the issue forms, and the
 * decisions due for review.
 */
import type { GitHubApi, IssueSummary } from '../github/types.ts';
import type { ExpiringDecision } from './expiries.ts';
import { describeDue } from './expiry-report.ts';

export const REQUEST_LABELS = [
  'exclusion-request',
  'scan-disruption',
  'new-unit',
] as const;

export function renderAgenda(
  today: string,
  requests: readonly IssueSummary[] | undefined,
  due: readonly ExpiringDecision[],
): string {
  const lines = [
    `# Qualys governance agenda, ${today}`,
    '',
    '## Open requests',
    '',
  ];
  if (requests === undefined) {
    lines.push(
      'Not read: run with --github (GITHUB_TOKEN and GITHUB_REPOSITORY) to list them.',
    );
  } else if (requests.length === 0) {
    lines.push('None.');
  } else {
    for (const issue of [...requests].sort((a, b) => a.number - b.number)) {
      const labels = issue.labels.filter((l) =>
        (REQUEST_LABELS as readonly string[]).includes(l),
      );
      lines.push(
        `- #${issue.number} ${issue.title} (${labels.join(', ')}) ${issue.url}`,
      );
    }
  }

  lines.push('', '## Decisions due for review', '');
  if (due.length === 0) lines.push('None.');
  for (const item of due) lines.push(`- ${describeDue(item)}`);
  return `${lines.join('\n')}\n`;
}

/** Open issues carrying any request label, each once. */
export async function openRequests(
  github: Pick<GitHubApi, 'listIssues'>,
): Promise<IssueSummary[]> {
  const byNumber = new Map<number, IssueSummary>();
  // GitHub's label filter needs every label listed, so each is asked apart.
  for (const label of REQUEST_LABELS) {
    for (const issue of await github.listIssues({
      labels: [label],
      state: 'open',
    })) {
      byNumber.set(issue.number, issue);
    }
  }
  return [...byNumber.values()];
}
