/**
 * Decisions due for review as text (terminal, agenda) and as the body of
 * the weekly review issue.
 */
import type { ExpiringDecision } from './expiries.ts';

/** Found again by the GitHub room, which writes it as a hidden first line. */
export const EXPIRY_MARKER = 'vmgov:expiring-decisions';

export function describeDue(item: ExpiringDecision): string {
  const { entry } = item;
  const when =
    item.status === 'expired'
      ? `expired ${entry.reviewBy || '(no review_by)'}`
      : `review by ${entry.reviewBy} (in ${item.daysLeft} days)`;
  return `${entry.label}: ${when}, ${entry.file}:${entry.lines.start}`;
}

export function renderExpiryText(
  items: readonly ExpiringDecision[],
  days: number,
): string {
  if (items.length === 0) return `No decision expires within ${days} days.\n`;
  const lines = [
    `Decisions expired or due for review within ${days} days: ${items.length}`,
  ];
  for (const item of items) lines.push(`  ${describeDue(item)}`);
  return `${lines.join('\n')}\n`;
}

export function renderExpiryIssue(
  items: readonly ExpiringDecision[],
  days: number,
  pullRequest?: { number: number; url: string },
): string {
  const expired = items.filter((i) => i.status === 'expired');
  const due = items.filter((i) => i.status === 'due');
  const lines = [
    `Every exclusion, reclassification and Exclude-from-Scan entry has a \`review_by\` date. These are past it or reach it within ${days} days.`,
    '',
    `### Expired (${expired.length})`,
    ...(expired.length
      ? expired.map((i) => `- [ ] ${describeDue(i)}`)
      : ['None.']),
    '',
    `### Due within ${days} days (${due.length})`,
    ...(due.length ? due.map((i) => `- [ ] ${describeDue(i)}`) : ['None.']),
    '',
  ];
  if (pullRequest) {
    lines.push(
      `Pull request #${pullRequest.number} removes the expired entries. Merge it, or extend an entry by pushing a new \`review_by\` to its branch.`,
    );
  }
  return `${lines.join('\n')}\n`;
}
