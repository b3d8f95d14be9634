/**
 * The weekly expiry chore on GitHub: one issue listing what is due, and one
 * pull request removing what has expired. Both are found again by marker
 * and branch, so a re-run updates them instead of opening new ones.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import type { GitHubApi, PullRequestResult } from '../github/types.ts';
import type { ExpiringDecision } from './expiries.ts';
import {
  describeDue,
  EXPIRY_MARKER,
  renderExpiryIssue,
} from './expiry-report.ts';
import { removeListItems } from './remove-entries.ts';

export const EXPIRY_BRANCH = 'vmgov/remove-expired-decisions';
export const EXPIRY_LABEL = 'governance-review';

export interface ExpiryPublication {
  issue?: { number: number; action: string };
  pullRequest?: PullRequestResult;
  closed: number[];
}

/** @throws InputError when a policy file with an expired entry is not YAML. */
export async function publishExpiries(
  root: string,
  github: GitHubApi,
  items: readonly ExpiringDecision[],
  options: { days: number; base: string },
): Promise<ExpiryPublication> {
  if (items.length === 0) return { closed: await closeStale(github) };

  const expired = items.filter((i) => i.status === 'expired');
  let pullRequest: PullRequestResult | undefined;
  if (expired.length > 0) {
    pullRequest = await github.upsertPullRequest({
      branch: EXPIRY_BRANCH,
      base: options.base,
      title: 'Remove expired governance decisions',
      body: [
        `Removes ${expired.length} entries whose \`review_by\` date has passed:`,
        '',
        ...expired.map((i) => `- ${describeDue(i)}`),
        '',
        'Governance merges this, or extends an entry by setting a new `review_by` on this branch.',
      ].join('\n'),
      files: await withoutExpired(root, expired),
      labels: [EXPIRY_LABEL],
    });
  }
  const issue = await github.findOrCreateIssue(
    'Governance decisions due for review',
    EXPIRY_MARKER,
    renderExpiryIssue(items, options.days, pullRequest),
    [EXPIRY_LABEL],
  );
  return { issue, pullRequest, closed: [] };
}

/** New contents of each policy file with its expired entries cut out. */
export async function withoutExpired(
  root: string,
  expired: readonly ExpiringDecision[],
): Promise<Record<string, string>> {
  const byFile = new Map<string, { listKey: string; indexes: number[] }>();
  for (const { entry } of expired) {
    const found = byFile.get(entry.file) ?? {
      listKey: entry.listKey,
      indexes: [],
    };
    found.indexes.push(entry.index);
    byFile.set(entry.file, found);
  }
  const files: Record<string, string> = {};
  for (const [file, { listKey, indexes }] of byFile) {
    const text = await readFile(path.join(root, file), 'utf8');
    files[file] = removeListItems(text, file, listKey, indexes);
  }
  return files;
}

/** Nothing is due: the open review issue, if any, is closed. */
async function closeStale(github: GitHubApi): Promise<number[]> {
  const open = await github.listIssues({
    labels: [EXPIRY_LABEL],
    state: 'open',
  });
  const stale = open.filter((issue) =>
    issue.body.includes(`<!-- ${EXPIRY_MARKER} -->`),
  );
  for (const issue of stale) {
    await github.closeIssue(
      issue.number,
      'No decision is due for review any more.',
    );
  }
  return stale.map((issue) => issue.number);
}
