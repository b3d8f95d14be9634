import { describe, expect, it } from 'vitest';

import { parseDecisionEntries } from '../../scripts/governance/decision-entries.ts';
import { findExpiring } from '../../scripts/governance/expiries.ts';

const EXCLUSIONS = `# yaml-language-server: $schema=../schemas/excluded-qids.schema.json
excluded_qids:
  - qid: 68521
    title: NFS-Utils Xlog Remote Buffer Overrun Vulnerability
    rationale: Common false positive.
    decided_on: 2018-11-15
    decision: governance 2018-11
    review_by: 2026-11-30
  - qid: 66040
    title: Statd Format Bug Vulnerability
    rationale: Common false positive.
    decided_on: 2018-11-15
    decision: governance 2018-11
    review_by: 2026-12-20
  - qid: 105459
    title: 'EOL/Obsolete Software: SNMP Protocol Version Detected'
    rationale: Reviewed yearly.
    decided_on: 2024-02-28
    decision: governance 2024-02
    review_by: 2027-06-30
`;
const SOURCE = {
  kind: 'exclusion' as const,
  file: 'policy/excluded-qids.yaml',
  listKey: 'excluded_qids',
};

describe('parseDecisionEntries', () => {
  it('reads each entry with its label, dates and the lines it spans', () => {
    const entries = parseDecisionEntries(EXCLUSIONS, SOURCE);

    expect(entries.map((e) => [e.label, e.reviewBy, e.lines])).toEqual([
      [
        'QID 68521 NFS-Utils Xlog Remote Buffer Overrun Vulnerability',
        '2026-11-30',
        { start: 3, end: 8 },
      ],
      [
        'QID 66040 Statd Format Bug Vulnerability',
        '2026-12-20',
        { start: 9, end: 14 },
      ],
      [
        'QID 105459 EOL/Obsolete Software: SNMP Protocol Version Detected',
        '2027-06-30',
        { start: 15, end: 20 },
      ],
    ]);
  });

  it('names the file and line of a YAML syntax error', () => {
    expect(() =>
      parseDecisionEntries('excluded_qids:\n  - qid: [1\n', SOURCE),
    ).toThrow(/^policy\/excluded-qids\.yaml:\d+: /);
  });
});

describe('findExpiring', () => {
  const entries = parseDecisionEntries(EXCLUSIONS, SOURCE);

  it.each([
    [
      '2026-12-03',
      30,
      [
        ['QID 68521', 'expired', -3],
        ['QID 66040', 'due', 17],
      ],
    ],
    ['2026-12-03', 10, [['QID 68521', 'expired', -3]]],
    ['2026-11-30', 0, [['QID 68521', 'due', 0]]],
    ['2026-11-01', 28, []],
  ])('on %s with %i days ahead finds %j', (today, days, expected) => {
    const found = findExpiring(entries, today, days);

    expect(
      found.map((f) => [
        f.entry.label.split(' ').slice(0, 2).join(' '),
        f.status,
        f.daysLeft,
      ]),
    ).toEqual(expected);
  });

  it('treats a missing or malformed review_by as expired', () => {
    const broken = { ...entries[2], reviewBy: 'soon' };

    expect(findExpiring([broken], '2026-12-03', 30)[0]?.status).toBe('expired');
  });
});
