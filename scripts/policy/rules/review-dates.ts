/**
 * `decided-in-future`, `review-due-soon` (warning) and `review-overdue`: a
 * decision cannot be dated after today, and each one is reviewed by its
 * `review_by` date; the warning starts 30 days ahead so governance can plan.
 */
import type { Problem } from '../model.ts';
import { error, warning } from '../problem.ts';
import { isDay } from '../../dates.ts';
import { datedEntries } from './dated-entries.ts';
import type { Rule } from './rule.ts';

export const REVIEW_WARNING_DAYS = 30;
const DAY_MS = 86_400_000;

export const reviewDates: Rule = {
  ids: ['decided-in-future', 'review-due-soon', 'review-overdue'],
  check({ model, today }) {
    const problems: Problem[] = [];
    for (const entry of datedEntries(model)) {
      if (isDay(entry.decidedOn) && entry.decidedOn > today) {
        problems.push(
          error(
            'decided-in-future',
            entry.fieldsAt[entry.decidedKey] ?? entry.at,
            `${entry.label}: ${entry.decidedKey} ${entry.decidedOn} is after today (${today})`,
            'date the entry on the day the decision was taken',
          ),
        );
      }
      if (!isDay(entry.reviewBy)) continue;
      const days = daysBetween(today, entry.reviewBy);
      const at = entry.fieldsAt.review_by ?? entry.at;
      if (days < 0) {
        problems.push(
          error(
            'review-overdue',
            at,
            `${entry.label} was due for review on ${entry.reviewBy} (${-days} days ago)`,
            'review it with governance, then set a new review_by or remove the entry',
          ),
        );
      } else if (days <= REVIEW_WARNING_DAYS) {
        problems.push(
          warning(
            'review-due-soon',
            at,
            `${entry.label} is due for review on ${entry.reviewBy} (in ${days} days)`,
            'put it on the next governance agenda',
          ),
        );
      }
    }
    return problems;
  },
};

function daysBetween(from: string, to: string): number {
  return Math.round(
    (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS,
  );
}
