import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { deliver } from '../../scripts/delivery/deliver.ts';
import { openLedger } from '../../scripts/delivery/ledger.ts';
import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import {
  collectIgnored,
  IGNORED_FILTER,
  type IgnoredDetection,
} from '../../scripts/governance/ignored-audit.ts';
import { auditMail } from '../../scripts/governance/ignored-audit-mail.ts';
import { unitLookup } from '../../scripts/governance/unit-index.ts';
import { loadPolicyOrThrow } from '../../scripts/policy/load.ts';
import type { PolicyModel } from '../../scripts/policy/model.ts';
import { createClient } from '../../scripts/qualys/client.ts';
import {
  emptySimData,
  type SimDetection,
  type SimHost,
} from '../../scripts/simulator/data.ts';
import {
  startSimulator,
  type RunningSimulator,
} from '../../scripts/simulator/server.ts';
import { REPO_ROOT } from './policy-copy.ts';

const TODAY = '2026-12-03';
let nextVulnId = 1;

function detection(
  qid: number,
  severity: number,
  isIgnored: boolean,
  status: SimDetection['status'] = 'Active',
): SimDetection {
  return {
    uniqueVulnId: String(nextVulnId++),
    qid,
    type: 'Confirmed',
    severity,
    port: 443,
    protocol: 'tcp',
    ssl: true,
    status,
    firstFound: '2026-06-01T00:00:00Z',
    lastFound: '2026-11-28T00:00:00Z',
    timesFound: 6,
    isIgnored,
    isDisabled: false,
  };
}

function host(id: number, ip: string, detections: SimDetection[]): SimHost {
  return {
    id: String(id),
    ip,
    trackingMethod: 'IP',
    lastVmScannedDate: '2026-11-28T00:00:00Z',
    detections,
  };
}

const HOSTS = [
  // Weak ciphers ignored by two units: what ISO must see.
  host(2001, '171.65.1.20', [
    detection(38601, 3, true),
    detection(42366, 3, false),
  ]),
  host(2002, '171.66.0.30', [
    detection(38601, 3, true),
    detection(38140, 3, true),
  ]),
  // A severity 5 ignored, a severity 2 ignored (allowed), an ignored but fixed one.
  host(2003, '128.12.200.9', [
    detection(90783, 5, true),
    detection(86476, 2, true),
  ]),
  host(2004, '171.64.1.9', [
    detection(38601, 3, true, 'Fixed'),
    detection(38603, 3, false),
  ]),
];

describe('audit ignored against the simulator', () => {
  let model: PolicyModel;
  let sim: RunningSimulator;
  let found: IgnoredDetection[];
  let outbox: string;

  beforeAll(async () => {
    model = await loadPolicyOrThrow(REPO_ROOT, { today: TODAY });
    sim = await startSimulator({ data: { ...emptySimData(), hosts: HOSTS } });
    const client = createClient({
      baseUrl: sim.url,
      username: sim.username,
      password: sim.password,
    });
    found = await collectIgnored(
      client.streamDetections(IGNORED_FILTER),
      model,
      unitLookup(model),
    );
    outbox = await mkdtemp(path.join(tmpdir(), 'vmgov-audit-'));
  });

  afterAll(async () => {
    await sim.close();
    await rm(outbox, { recursive: true, force: true });
  });

  it('asks Qualys to include ignored detections', () => {
    const call = sim.calls.find(
      (c) => c.path === '/api/2.0/fo/asset/host/vm/detection/',
    );

    expect(call?.params.include_ignored).toBe('1');
  });

  it('finds exactly the open ignored detections, by unit', () => {
    expect(found.map((f) => [f.unit, f.address, f.qid, f.flags])).toEqual([
      ['eng', '171.66.0.30', 38140, ['never-ignore']],
      ['eng', '171.66.0.30', 38601, ['never-ignore']],
      ['med', '171.65.1.20', 38601, ['never-ignore']],
      ['residential', '128.12.200.9', 86476, []],
      ['residential', '128.12.200.9', 90783, ['severity-4-5']],
    ]);
  });

  it('writes the audit for ISO to the outbox through delivery', async () => {
    const mail = auditMail(found, model, TODAY);
    const results = await deliver([mail], {
      outbox,
      ledger: openLedger(new LocalStateStore(path.join(outbox, '.state'))),
    });

    expect(results.map((r) => [r.status, r.to])).toEqual([
      ['written', ['iso-vuln-mgmt@example.edu', 'iso-governance@example.edu']],
    ]);
    expect(mail.subject).toBe(
      'Ignored vulnerabilities audit 2026-12: 5 ignored, 4 flagged',
    );
    expect(mail.text.split('\n').slice(2, 7)).toEqual([
      'Flagged (ignored but on the never-ignore list, or severity 4/5): 4',
      '  171.66.0.30:443  QID 38140 SSL Server Supports Weak Encryption Vulnerability  severity 3  [never-ignore list]',
      '  171.66.0.30:443  QID 38601 SSL/TLS use of weak RC4(Arcfour) cipher  severity 3  [never-ignore list]',
      '  171.65.1.20:443  QID 38601 SSL/TLS use of weak RC4(Arcfour) cipher  severity 3  [never-ignore list]',
      '  128.12.200.9:443  QID 90783 QID 90783  severity 5  [severity 4/5]',
    ]);
    expect(await readdir(path.join(outbox, '2026-12', 'iso'))).toEqual([
      'ignored-audit.eml',
      'ignored-audit.html',
    ]);
    const html = await readFile(
      path.join(outbox, '2026-12', 'iso', 'ignored-audit.html'),
      'utf8',
    );
    expect(html).toContain('<h2>Flagged (4)</h2>');
  });
});
