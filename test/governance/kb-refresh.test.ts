import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { refreshEntries } from '../../scripts/governance/kb-refresh.ts';
import {
  parseSnapshot,
  renderSnapshot,
} from '../../scripts/governance/kb-snapshot-file.ts';
import { loadPolicy, loadPolicyOrThrow } from '../../scripts/policy/load.ts';
import type { PolicyModel } from '../../scripts/policy/model.ts';
import type { KbVuln } from '../../scripts/qualys/types.ts';
import { copyPolicy, REPO_ROOT } from './policy-copy.ts';

const TODAY = '2026-12-03';

/** What Qualys would return: the snapshot's facts, with `changes` applied. */
function kbFromSnapshot(
  model: PolicyModel,
  changes: Record<number, Partial<KbVuln>>,
): KbVuln[] {
  return [...model.kb.values()].map((fact) => ({
    qid: fact.qid,
    vulnType: fact.vulnType,
    severity: fact.severity,
    title: fact.title,
    category: fact.category,
    patchable: fact.patchable,
    solution: `<P>${fact.solution}</P>`,
    cves: [],
    ...changes[fact.qid],
  }));
}

describe('refreshEntries', () => {
  let model: PolicyModel;
  let snapshotText: string;

  beforeAll(async () => {
    model = await loadPolicyOrThrow(REPO_ROOT, { today: TODAY });
    snapshotText = readFileSync(
      path.join(REPO_ROOT, 'policy/kb-snapshot.yaml'),
      'utf8',
    );
  });

  it('records no change when Qualys confirms every fact', () => {
    const before = parseSnapshot(snapshotText);
    const result = refreshEntries(
      model,
      before.entries,
      kbFromSnapshot(model, {}),
      TODAY,
    );

    expect(result.changes).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.entries.map((e) => e.qid)).toEqual([
      38140, 38601, 38603, 38606, 38628, 38657, 42366, 66040, 68521, 70004,
      105459,
    ]);
    expect(
      result.entries.every((e) => e.source === `Qualys KB refresh ${TODAY}`),
    ).toBe(true);
  });

  it('records a changed severity the reclassification of 70004 relied on', () => {
    const before = parseSnapshot(snapshotText);
    const vulns = kbFromSnapshot(model, {
      70004: { severity: 2 },
      38601: { severity: 4 },
    });
    const result = refreshEntries(model, before.entries, vulns, TODAY);

    // 38601 is only on the never-ignore list: no decision relied on it.
    expect(result.changes).toEqual([
      { qid: 70004, fact: 'severity', previous: 3, current: 2 },
    ]);
    expect(result.entries.find((e) => e.qid === 70004)?.changed).toEqual([
      { fact: 'severity', previous: 3, detected_on: TODAY },
    ]);
  });

  it('ignores differences in facts the snapshot marked unconfirmed', () => {
    const before = parseSnapshot(snapshotText);
    const vulns = kbFromSnapshot(model, {
      66040: { severity: 3, category: 'RPC services' },
    });

    expect(refreshEntries(model, before.entries, vulns, TODAY).changes).toEqual(
      [],
    );
  });

  it('keeps an entry Qualys did not return and reports it missing', () => {
    const before = parseSnapshot(snapshotText);
    const vulns = kbFromSnapshot(model, {}).filter((v) => v.qid !== 68521);
    const result = refreshEntries(model, before.entries, vulns, TODAY);

    expect(result.missing).toEqual([68521]);
    expect(result.entries.find((e) => e.qid === 68521)?.source).toBe(
      'Stanford ISO Qualys FAQ (2024) and governance log (2018)',
    );
  });
});

describe('kb-changed in validate', () => {
  let copy: { root: string; remove(): void };

  beforeAll(async () => {
    copy = copyPolicy();
    const model = await loadPolicyOrThrow(copy.root, { today: TODAY });
    const file = path.join(copy.root, 'policy/kb-snapshot.yaml');
    const before = parseSnapshot(readFileSync(file, 'utf8'));
    const vulns = kbFromSnapshot(model, {
      105459: { title: 'EOL/Obsolete Software: SNMP v1/v2c Detected' },
    });
    const result = refreshEntries(model, before.entries, vulns, TODAY);
    writeFileSync(file, renderSnapshot({ ...before, entries: result.entries }));
  });

  afterAll(() => copy.remove());

  it('flags the exclusion whose title Qualys changed after the decision', async () => {
    const { problems } = await loadPolicy(copy.root, { today: TODAY });
    const flagged = problems.filter((p) => p.rule === 'kb-changed');

    expect(flagged.map((p) => [p.at.file, p.at.line, p.message])).toEqual([
      [
        'policy/excluded-qids.yaml',
        18,
        'exclusion of QID 105459 (decided 2026-03-11) relied on its title "EOL/Obsolete Software: SNMP Protocol Version Detected", which Qualys changed to "EOL/Obsolete Software: SNMP v1/v2c Detected" (KB refresh 2026-12-03)',
      ],
    ]);
  });

  it('stops flagging once governance re-decides after the refresh', async () => {
    const file = path.join(copy.root, 'policy/excluded-qids.yaml');
    const text = readFileSync(file, 'utf8');
    writeFileSync(
      file,
      text.replace('decided_on: 2026-03-11', 'decided_on: 2026-12-03'),
    );

    const { problems } = await loadPolicy(copy.root, { today: TODAY });

    expect(problems.filter((p) => p.rule === 'kb-changed')).toEqual([]);
  });
});

describe('renderSnapshot', () => {
  it('writes the same text twice for the same facts, header first', () => {
    const file = parseSnapshot(
      readFileSync(path.join(REPO_ROOT, 'policy/kb-snapshot.yaml'), 'utf8'),
    );
    const once = renderSnapshot(file);
    const twice = renderSnapshot(parseSnapshot(once));

    expect(twice).toBe(once);
    expect(once.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schemas/kb-snapshot.schema.json',
    );
  });
});
