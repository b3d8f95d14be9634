import { afterAll, describe, expect, it } from 'vitest';

import {
  EXCLUDED,
  KB,
  PROGRAM,
  RECLASSIFICATIONS,
  SCANNING,
  removeRepos,
} from '../../support/policy-repo.ts';
import {
  type RuleCase,
  edit,
  problemLines,
} from '../../support/problem-lines.ts';

afterAll(removeRepos);

const X = 'policy/excluded-qids.yaml';
const R = 'policy/reclassifications.yaml';
const S = 'policy/scanning.yaml';

const extraExclusion = (qid: number, title: string): string =>
  `${EXCLUDED}  - qid: ${qid}
    title: ${title}
    rationale: Reviewed by governance.
    decided_on: 2026-01-15
    decision: Governance meeting 2026-01-15, item 4
    review_by: 2027-01-15
`;

describe('exclusion, reclassification and review rules', () => {
  it.each<RuleCase>([
    {
      name: 'a QID missing from the snapshot',
      files: { [X]: edit(EXCLUDED, 'qid: 105459', 'qid: 105458') },
      expected: [
        `${X}:2:10 error qid-unknown QID 105458 is not in policy/kb-snapshot.yaml`,
      ],
    },
    {
      name: 'a title that does not match the snapshot catches a mistyped QID',
      files: {
        [X]: edit(
          EXCLUDED,
          'title: EOL/Obsolete Software Detected',
          'title: EOL Software',
        ),
      },
      expected: [
        `${X}:3:12 error qid-title-mismatch title "EOL Software" does not match QID 105459 in the KnowledgeBase: "EOL/Obsolete Software Detected"`,
      ],
    },
    {
      name: 'a placeholder decision',
      files: {
        [X]: edit(
          EXCLUDED,
          'decision: Governance meeting 2026-01-15, item 3',
          'decision: to be decided',
        ),
      },
      expected: [
        `${X}:6:15 error decision-fields exclusion of QID 105459 has no decision ("to be decided" is a placeholder)`,
      ],
    },
    {
      name: 'a decision dated after today',
      files: {
        [X]: edit(EXCLUDED, 'decided_on: 2026-01-15', 'decided_on: 2026-12-10'),
      },
      expected: [
        `${X}:5:17 error decided-in-future exclusion of QID 105459: decided_on 2026-12-10 is after today (2026-12-03)`,
      ],
    },
    {
      name: 'a review due within 30 days is a warning',
      files: {
        [X]: edit(EXCLUDED, 'review_by: 2027-01-15', 'review_by: 2027-01-02'),
      },
      expected: [
        `${X}:7:16 warning review-due-soon exclusion of QID 105459 is due for review on 2027-01-02 (in 30 days)`,
      ],
    },
    {
      name: 'a review 31 days ahead is not reported yet',
      files: {
        [X]: edit(EXCLUDED, 'review_by: 2027-01-15', 'review_by: 2027-01-03'),
      },
      expected: [],
    },
    {
      name: 'a review date in the past is an error',
      files: {
        [X]: edit(EXCLUDED, 'review_by: 2027-01-15', 'review_by: 2026-11-30'),
      },
      expected: [
        `${X}:7:16 error review-overdue exclusion of QID 105459 was due for review on 2026-11-30 (3 days ago)`,
      ],
    },
    {
      name: 'an overdue Exclude-from-Scan entry',
      files: {
        [S]: edit(SCANNING, 'review_by: 2027-03-01', 'review_by: 2026-12-01'),
      },
      expected: [
        `${S}:21:16 error review-overdue Exclude-from-Scan entry 10.0.1.7 was due for review on 2026-12-01 (2 days ago)`,
      ],
    },
    {
      name: 'a never-ignore QID cannot be excluded',
      files: { [X]: extraExclusion(38601, 'SSL/TLS use of weak RC4 cipher') },
      expected: [
        `${X}:8:10 error never-ignore-excluded QID 38601 is on the never-ignore list (policy/never-ignore.yaml:2) and cannot be excluded: RC4 is broken; traffic can be decrypted.`,
      ],
    },
    {
      name: 'a QID both excluded and reclassified',
      files: { [X]: extraExclusion(45017, 'Operating System Detected') },
      expected: [
        `${R}:2:10 error excluded-and-reclassified QID 45017 is reclassified here and also excluded at ${X}:8`,
      ],
    },
    {
      name: 'a move the program does not allow',
      files: { [R]: edit(RECLASSIFICATIONS, 'to: 2', 'to: 1') },
      expected: [
        `${R}:5:9 error reclass-move-not-allowed QID 45017: 3 → 1 is not an allowed move (allowed: 3 → 2)`,
      ],
    },
    {
      name: 'a move that does not start from the snapshot severity',
      files: {
        'policy/kb-snapshot.yaml': edit(
          KB,
          'severity: 3\n    category: Information gathering',
          'severity: 4\n    category: Information gathering',
        ),
      },
      expected: [
        `${R}:4:11 error reclass-from-mismatch QID 45017: from is 3 but the KnowledgeBase severity is 4`,
      ],
    },
    {
      name: 'criteria not met: not information disclosure, and a patch exists',
      files: {
        'policy/kb-snapshot.yaml': edit(
          edit(KB, 'category: Information gathering', 'category: Windows'),
          'solution: Block access with a firewall.',
          'solution: Apply the patch, then firewall the port.',
        ),
      },
      expected: [
        `${R}:2:5 error reclass-criteria-not-met QID 45017 does not meet the reclassification criteria: category "Windows" is not an information disclosure category; its solution is not only network segmentation`,
      ],
    },
    {
      // Without a time limit this pattern backtracks for hours on the text.
      name: 'a segmentation-only pattern that backtracks without end',
      files: {
        'policy/program.yaml': edit(
          PROGRAM,
          "- '^(?![\\s\\S]*\\bpatch)[\\s\\S]*\\bfirewall'",
          "- '^(\\w+\\s?)*\\d{9}'",
        ),
        'policy/kb-snapshot.yaml': edit(
          KB,
          'solution: Block access with a firewall.',
          'solution: Block access with a firewall on every port of the host!',
        ),
      },
      expected: [
        `${R}:2:5 error pattern-too-slow QID 45017: the segmentation-only ` +
          'pattern "^(\\w+\\s?)*\\d{9}" ran over 1000 ms on its solution ' +
          'text and was stopped',
      ],
    },
  ])('$name', async ({ files, expected }) => {
    expect(await problemLines(files)).toEqual(expected);
  });
});
