/**
 * `never-ignore-excluded`: a QID on the never-ignore list (weak ciphers and
 * the like) cannot be excluded or reclassified. `excluded-and-reclassified`:
 * a QID is either excluded or reclassified, never both.
 */
import type { Problem } from '../model.ts';
import { error, where } from '../problem.ts';
import type { Rule } from './rule.ts';

export const qidConflicts: Rule = {
  ids: ['never-ignore-excluded', 'excluded-and-reclassified'],
  check({ model }) {
    const problems: Problem[] = [];
    const never = new Map(model.neverIgnore.map((n) => [n.qid, n]));
    const excluded = new Map(model.excludedQids.map((e) => [e.qid, e]));
    const lists = [
      { name: 'excluded', entries: model.excludedQids },
      { name: 'reclassified', entries: model.reclassifications },
    ];
    for (const { name, entries } of lists) {
      for (const entry of entries) {
        const rule = never.get(entry.qid);
        if (!rule) continue;
        problems.push(
          error(
            'never-ignore-excluded',
            entry.fieldsAt?.qid ?? entry.at,
            `QID ${entry.qid} is on the never-ignore list (${where(rule.at)}) and cannot be ${name}: ${rule.why}`,
            'remove this entry; remediate the finding instead',
          ),
        );
      }
    }
    for (const reclass of model.reclassifications) {
      const exclusion = excluded.get(reclass.qid);
      if (!exclusion) continue;
      problems.push(
        error(
          'excluded-and-reclassified',
          reclass.fieldsAt?.qid ?? reclass.at,
          `QID ${reclass.qid} is reclassified here and also excluded at ${where(exclusion.at)}`,
          'keep one: an excluded QID is not reported, so reclassifying it has no effect',
        ),
      );
    }
    return problems;
  },
};
