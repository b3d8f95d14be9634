import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { emptySimData } from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { copyPolicy } from '../governance/policy-copy.ts';
import { runCli } from '../support/run-cli.ts';

describe('vmgov kb sync', () => {
  let sim: RunningSimulator;
  let policy: { root: string; remove(): void };
  const savedPassword = process.env.QUALYS_PASSWORD;

  const sync = (...extra: string[]) =>
    runCli([
      'kb',
      'sync',
      '--root',
      policy.root,
      '--qualys-url',
      sim.url,
      '--qualys-user',
      sim.username,
      ...extra,
    ]);

  beforeAll(async () => {
    policy = copyPolicy();
    const program = path.join(policy.root, 'policy/program.yaml');
    writeFileSync(
      program,
      readFileSync(program, 'utf8').replace(
        'apply_reclassifications_in_qualys: false',
        'apply_reclassifications_in_qualys: true',
      ),
    );
    const vuln = { vulnType: 'Vulnerability', patchable: false, cves: [] };
    sim = await startSimulator({
      data: {
        ...emptySimData(),
        kb: [
          {
            ...vuln,
            qid: 70004,
            severity: 3,
            title: 'NetBIOS Bindings Information',
          },
          {
            ...vuln,
            qid: 11827,
            severity: 4,
            title: 'HTTP Security Header Not Detected',
          },
        ],
        customizedKb: [
          {
            qid: 11827,
            severity: 1,
            disabled: false,
            datetime: '2026-10-01T00:00:00Z',
          },
        ],
      },
    });
    process.env.QUALYS_PASSWORD = sim.password;
  });

  afterAll(async () => {
    if (savedPassword === undefined) delete process.env.QUALYS_PASSWORD;
    else process.env.QUALYS_PASSWORD = savedPassword;
    await sim.close();
    policy.remove();
  });

  it('plans the severity edit and reports the customization the repository does not know', async () => {
    const run = await sync();

    expect(run.code).toBe(0);
    expect(run.out).toBe(
      [
        'KnowledgeBase severity edits: 1',
        '  QID 70004 NetBIOS Bindings Information: severity 3 → 2',
        'Customized in Qualys but unknown to the repository: 1',
        '  QID 11827 HTTP Security Header Not Detected: severity 1',
        '',
      ].join('\n'),
    );
    expect(sim.calls.filter((c) => c.action === 'edit')).toEqual([]);
  });

  it('applies it with --yes and finds nothing left to do afterwards', async () => {
    await sync('--yes');
    const again = await sync();

    expect(sim.data.customizedKb.map((c) => [c.qid, c.severity])).toEqual([
      [11827, 1],
      [70004, 2],
    ]);
    expect(again.out.split('\n')[0]).toBe(
      'The KnowledgeBase already shows every reclassified severity.',
    );
  });
});
