import { describe, expect, it } from 'vitest';

import { removeListItems } from '../../scripts/governance/remove-entries.ts';

const TEXT = `# yaml-language-server: $schema=../schemas/reclassifications.schema.json
# Governance decisions moving a QID from severity 3 to 2.
reclassifications:
  # Decided at the November 2018 meeting.
  - qid: 42414
    title: "IPMI Detected"
    from: 3
    to: 2
    rationale: >-
      Information disclosure only; the remedy is network segmentation, which is
      done at the data centre edge.
    review_by: 2026-01-31

  - qid: 86476
    title: Web Server Stopped Responding
    from: 3
    to: 2
    rationale: Informational.
    review_by: 2027-01-31 # yearly
`;

describe('removeListItems', () => {
  it('removes one entry and keeps every comment and the other entry verbatim', () => {
    const out = removeListItems(
      TEXT,
      'policy/reclassifications.yaml',
      'reclassifications',
      [0],
    );

    expect(out)
      .toBe(`# yaml-language-server: $schema=../schemas/reclassifications.schema.json
# Governance decisions moving a QID from severity 3 to 2.
reclassifications:
  - qid: 86476
    title: Web Server Stopped Responding
    from: 3
    to: 2
    rationale: Informational.
    review_by: 2027-01-31 # yearly
`);
  });

  it('keeps the first entry untouched when the second is removed', () => {
    const out = removeListItems(TEXT, 'f.yaml', 'reclassifications', [1]);

    expect(out).toContain(
      '  # Decided at the November 2018 meeting.\n  - qid: 42414\n',
    );
    expect(out).toContain(
      '    rationale: >-\n      Information disclosure only; the remedy is network segmentation, which is\n',
    );
    expect(out).not.toContain('86476');
  });

  it('leaves an empty list when every entry is removed', () => {
    const out = removeListItems(TEXT, 'f.yaml', 'reclassifications', [1, 0]);

    expect(out).toContain('reclassifications: []');
  });

  it('names the file when the list is missing', () => {
    expect(() =>
      removeListItems('other: 1\n', 'policy/x.yaml', 'reclassifications', [0]),
    ).toThrow(
      'policy/x.yaml: no `reclassifications` list to remove entries from',
    );
  });
});
