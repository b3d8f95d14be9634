import { readFileSync } from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { removeListItems } from '../../scripts/governance/remove-entries.ts';
import { REPO_ROOT } from './policy-copy.ts';

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

describe('removeListItems on this repository’s exclusions', () => {
  const file = path.join(REPO_ROOT, 'policy/excluded-qids.yaml');

  it('cuts a middle entry with the blank line above it, nothing else', () => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');

    const out = removeListItems(
      text,
      'policy/excluded-qids.yaml',
      'excluded_qids',
      [1],
    );

    // Lines 21-30 are the blank line and the entry of QID 68521.
    expect(out).toBe([...lines.slice(0, 20), ...lines.slice(30)].join('\n'));
  });

  it('cuts the last entry and leaves the file ending after the one before', () => {
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n');

    const out = removeListItems(
      text,
      'policy/excluded-qids.yaml',
      'excluded_qids',
      [2],
    );

    expect(out).toBe([...lines.slice(0, 30), ''].join('\n'));
  });
});
