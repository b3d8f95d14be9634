/**
 * `qid-unknown`, `qid-title-mismatch` and `qid-listed-twice`: every QID the
 * policy names is in the KnowledgeBase snapshot with the same title, which
 * catches a mistyped QID before it excludes the wrong vulnerability.
 */
import type { KbFact, Location, Problem } from '../model.ts';
import { error, where } from '../problem.ts';
import type { Rule } from './rule.ts';

interface Named {
  qid: number;
  title: string;
  at: Location;
  fieldsAt?: Record<string, Location>;
}

export const qidKnown: Rule = {
  ids: ['qid-unknown', 'qid-title-mismatch', 'qid-listed-twice'],
  check({ model }) {
    const lists: [string, Named[]][] = [
      ['excluded_qids', model.excludedQids],
      ['reclassifications', model.reclassifications],
      ['never_ignore', model.neverIgnore],
    ];
    const problems: Problem[] = [];
    for (const [name, entries] of lists) {
      const seen = new Map<number, Location>();
      for (const entry of entries) {
        problems.push(...checkEntry(entry, model.kb.get(entry.qid)));
        const first = seen.get(entry.qid);
        if (first) {
          problems.push(
            error(
              'qid-listed-twice',
              entry.at,
              `QID ${entry.qid} is already listed in ${name} at ${where(first)}`,
              'keep one entry per QID',
            ),
          );
        } else {
          seen.set(entry.qid, entry.at);
        }
      }
    }
    return problems;
  },
};

function checkEntry(entry: Named, fact: KbFact | undefined): Problem[] {
  const qidAt = entry.fieldsAt?.qid ?? entry.at;
  if (!fact) {
    return [
      error(
        'qid-unknown',
        qidAt,
        `QID ${entry.qid} is not in policy/kb-snapshot.yaml`,
        'check the QID, then add its KnowledgeBase facts to the snapshot',
      ),
    ];
  }
  if (normalizeTitle(fact.title) === normalizeTitle(entry.title)) return [];
  return [
    error(
      'qid-title-mismatch',
      entry.fieldsAt?.title ?? entry.at,
      `title "${entry.title}" does not match QID ${entry.qid} in the KnowledgeBase: "${fact.title}"`,
      'a mistyped QID names another vulnerability: check the QID, or copy the KnowledgeBase title',
    ),
  ];
}

function normalizeTitle(title: string): string {
  return title.trim().replace(/\s+/g, ' ').toLowerCase();
}
