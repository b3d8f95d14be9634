/**
 * `reclass-move-not-allowed`, `reclass-from-mismatch` and
 * `reclass-criteria-not-met`: a reclassification is one of the program's
 * allowed moves (by default only 3 → 2), starts from the KnowledgeBase
 * severity, and meets both criteria on the snapshot's facts: the QID is
 * information disclosure, and its only remediation is network segmentation.
 */
import type {
  KbFact,
  Problem,
  ProgramSettings,
  Reclassification,
} from '../model.ts';
import {
  matchesWithin,
  PATTERN_TIME_LIMIT_MS,
  PatternTooSlow,
} from '../pattern-match.ts';
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

export const reclassification: Rule = {
  ids: [
    'reclass-move-not-allowed',
    'reclass-from-mismatch',
    'reclass-criteria-not-met',
    'pattern-too-slow',
  ],
  check({ model }) {
    const criteria = model.program.reclassificationCriteria;
    const problems: Problem[] = [];
    for (const entry of model.reclassifications) {
      const allowed = criteria.allowedMoves.some(
        (m) => m.from === entry.from && m.to === entry.to,
      );
      if (!allowed) {
        const moves = criteria.allowedMoves
          .map((m) => `${m.from} → ${m.to}`)
          .join(', ');
        problems.push(
          error(
            'reclass-move-not-allowed',
            entry.fieldsAt?.to ?? entry.at,
            `QID ${entry.qid}: ${entry.from} → ${entry.to} is not an allowed move (allowed: ${moves})`,
            'the program only allows the moves in policy/program.yaml reclassification_criteria',
          ),
        );
      }
      const fact = model.kb.get(entry.qid);
      if (!fact) continue;
      if (fact.severity !== entry.from) {
        problems.push(
          error(
            'reclass-from-mismatch',
            entry.fieldsAt?.from ?? entry.at,
            `QID ${entry.qid}: from is ${entry.from} but the KnowledgeBase severity is ${fact.severity}`,
            `set from: ${fact.severity}, or refresh policy/kb-snapshot.yaml`,
          ),
        );
      }
      problems.push(...criteriaProblems(entry, fact, model.program));
    }
    return problems;
  },
};

function criteriaProblems(
  entry: Reclassification,
  fact: KbFact,
  program: ProgramSettings,
): Problem[] {
  const criteria = program.reclassificationCriteria;
  const categories = criteria.informationDisclosureCategories.map((c) =>
    c.toLowerCase(),
  );
  const missing: string[] = [];
  if (!categories.includes(fact.category.toLowerCase())) {
    missing.push(
      `category "${fact.category}" is not an information disclosure category`,
    );
  }
  let segmentationOnly: boolean;
  try {
    segmentationOnly = isSegmentationOnly(
      fact.solution,
      criteria.segmentationOnlyPatterns,
    );
  } catch (cause) {
    if (!(cause instanceof PatternTooSlow)) throw cause;
    return [
      error(
        'pattern-too-slow',
        entry.at,
        `QID ${entry.qid}: the segmentation-only pattern "${cause.pattern}" ` +
          `ran over ${PATTERN_TIME_LIMIT_MS} ms on its solution text and ` +
          'was stopped',
        'rewrite the pattern in policy/program.yaml without nested ' +
          'repetition such as (a+)+ or (\\s*\\w+)*',
      ),
    ];
  }
  if (!segmentationOnly) {
    missing.push('its solution is not only network segmentation');
  }
  if (missing.length === 0) return [];
  return [
    error(
      'reclass-criteria-not-met',
      entry.at,
      `QID ${entry.qid} does not meet the reclassification criteria: ${missing.join('; ')}`,
      'only information-disclosure QIDs whose sole remediation is segmentation may be lowered; remediate it instead',
    ),
  ];
}

/**
 * True when the solution text matches a segmentation-only pattern.
 * @throws PatternTooSlow for a pattern that backtracks past the limit.
 */
export function isSegmentationOnly(
  solution: string,
  patterns: string[],
): boolean {
  const text = solution
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return text !== '' && patterns.some((p) => matchesWithin(p, text));
}
