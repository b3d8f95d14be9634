/**
 * `decision-fields`: an exclusion, reclassification or Exclude-from-Scan
 * entry records why (rationale or reason), the governance outcome or ticket
 * it rests on, and real dates. Placeholders do not count.
 */
import { isDay } from '../../dates.ts';
import type { Problem } from '../model.ts';
import { error } from '../problem.ts';
import { datedEntries } from './dated-entries.ts';
import type { Rule } from './rule.ts';

const PLACEHOLDER =
  /^(tbd|tba|todo|n\/a|na|none|-|\?+|xxx+|fixme|pending|unknown|to be decided)?$/i;

export const decisionFields: Rule = {
  ids: ['decision-fields'],
  check({ model }) {
    const problems: Problem[] = [];
    for (const entry of datedEntries(model)) {
      for (const [key, value] of Object.entries(entry.fields)) {
        if (!PLACEHOLDER.test(value.trim())) continue;
        problems.push(
          error(
            'decision-fields',
            entry.fieldsAt[key] ?? entry.at,
            `${entry.label} has no ${key}${value.trim() ? ` ("${value.trim()}" is a placeholder)` : ''}`,
            key === 'decision' || key === 'ticket'
              ? `write the ${key} reference it rests on, e.g. the governance meeting or ticket id`
              : `write the ${key} so a reviewer can judge it`,
          ),
        );
      }
      for (const [key, value] of [
        [entry.decidedKey, entry.decidedOn],
        ['review_by', entry.reviewBy],
      ] as const) {
        if (isDay(value)) continue;
        problems.push(
          error(
            'decision-fields',
            entry.fieldsAt[key] ?? entry.at,
            `${entry.label}: ${key} "${value}" is not a date`,
            'write the date as YYYY-MM-DD',
          ),
        );
      }
    }
    return problems;
  },
};
