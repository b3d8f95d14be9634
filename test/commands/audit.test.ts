import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  emptySimData,
  type SimDetection,
} from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { copyPolicy } from '../governance/policy-copy.ts';
import { runCli } from '../support/run-cli.ts';

const ENV_KEYS = ['VMGOV_TODAY', 'QUALYS_PASSWORD', 'SMTP_URL'] as const;

function ignored(qid: number, severity: number, port: number): SimDetection {
  return {
    uniqueVulnId: `${qid}${port}`,
    qid,
    type: 'Confirmed',
    severity,
    port,
    protocol: 'tcp',
    ssl: false,
    status: 'Active',
    firstFound: '2026-05-01T00:00:00Z',
    lastFound: '2026-11-30T00:00:00Z',
    timesFound: 7,
    isIgnored: true,
    isDisabled: false,
  };
}

describe('vmgov audit ignored', () => {
  let sim: RunningSimulator;
  let policy: { root: string; remove(): void };
  let outbox: string;
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));

  beforeAll(async () => {
    policy = copyPolicy();
    outbox = mkdtempSync(path.join(tmpdir(), 'vmgov-audit-cli-'));
    sim = await startSimulator({
      data: {
        ...emptySimData(),
        kb: [
          {
            qid: 91234,
            vulnType: 'Vulnerability',
            severity: 4,
            title: 'Microsoft Windows Security Update',
            patchable: true,
            cves: [],
          },
        ],
        hosts: [
          {
            id: '4001',
            ip: '2607:f6d0:2000::15',
            trackingMethod: 'IP',
            detections: [ignored(38601, 3, 443), ignored(91234, 4, 445)],
          },
        ],
      },
    });
    Object.assign(process.env, {
      VMGOV_TODAY: '2026-12-02',
      QUALYS_PASSWORD: sim.password,
    });
    delete process.env.SMTP_URL;
  });

  afterAll(async () => {
    for (const key of ENV_KEYS) {
      if (saved[key] === undefined) delete process.env[key];
      else process.env[key] = saved[key];
    }
    await sim.close();
    policy.remove();
    rmSync(outbox, { recursive: true, force: true });
  });

  it('prints the flagged detections with KnowledgeBase titles and writes the mail to the outbox', async () => {
    const run = await runCli([
      'audit',
      'ignored',
      '--root',
      policy.root,
      '--outbox',
      outbox,
      '--qualys-url',
      sim.url,
      '--qualys-user',
      sim.username,
    ]);

    expect(run.code).toBe(0);
    expect(run.out.split('\n').slice(0, 5)).toEqual([
      'Ignored vulnerabilities across the subscription on 2026-12-02: 2 detections, 2 flagged.',
      '',
      'Flagged (ignored but on the never-ignore list, or severity 4/5): 2',
      '  [2607:f6d0:2000::15]:443  QID 38601 SSL/TLS use of weak RC4(Arcfour) cipher  severity 3  [never-ignore list]',
      '  [2607:f6d0:2000::15]:445  QID 91234 Microsoft Windows Security Update  severity 4  [severity 4/5]',
    ]);
    expect(readdirSync(path.join(outbox, '2026-12', 'iso'))).toEqual([
      'ignored-audit.eml',
      'ignored-audit.html',
    ]);
  });

  it.each([
    [() => ['--smtp', 'http://mail.example.edu'], 'smtp://'],
    [
      (root: string) => ['--outbox', path.join(root, 'policy', 'program.yaml')],
      'is a file, not a folder',
    ],
  ])(
    'refuses a bad delivery option before reading Qualys',
    async (args, message) => {
      const run = await runCli([
        'audit',
        'ignored',
        '--root',
        policy.root,
        ...args(policy.root),
      ]);

      expect(run.code).toBe(2);
      expect(run.err).toContain(message);
      expect(run.err).not.toContain('Qualys');
    },
  );
});
