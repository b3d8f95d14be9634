import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { LocalStateStore } from '../../scripts/delivery/local-state-store.ts';
import { openApiSource } from '../../scripts/findings/api-source.ts';
import { collectFindings } from '../../scripts/findings/collect.ts';
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
import { buildPolicy } from './policy-fixture.ts';

const policy = buildPolicy({
  units: [
    { id: 'med', masters: [{ title: 'mg-med', ranges: ['10.1.0.0/24'] }] },
  ],
  excluded: [105459],
  reclassified: [{ qid: 70004, from: 3, to: 2 }],
});

let n = 0;
function detection(
  qid: number,
  severity: number,
  extra: Partial<SimDetection> = {},
): SimDetection {
  n += 1;
  return {
    uniqueVulnId: String(n),
    qid,
    type: 'Confirmed',
    severity,
    ssl: false,
    status: 'Active',
    firstFound: '2026-10-01T00:00:00Z',
    lastFound: '2026-10-30T00:00:00Z',
    timesFound: 3,
    isIgnored: false,
    isDisabled: false,
    ...extra,
  };
}

function host(id: string, ip: string, detections: SimDetection[]): SimHost {
  return {
    id,
    ip,
    trackingMethod: 'IP',
    dns: `h${id}.example.edu`,
    detections,
  };
}

function dataset() {
  const data = emptySimData();
  data.hosts = [
    host('1', '10.1.0.5', [
      detection(90001, 5),
      detection(90002, 4, { status: 'New' }),
      detection(90003, 3, { status: 'Fixed' }),
      detection(90004, 4, { type: 'Potential' }),
      detection(90005, 5, { isIgnored: true }),
      detection(105459, 3),
      detection(70004, 3),
    ]),
    host('2', '10.1.0.6', [
      detection(90001, 5, { status: 'Re-Opened' }),
      detection(90006, 2),
    ]),
    host('3', '10.9.0.1', [detection(90001, 5)]),
  ];
  data.kb = [90001, 90002, 70004, 105459].map((qid) => ({
    qid,
    vulnType: 'Vulnerability',
    severity: qid === 90002 ? 4 : 5,
    title: `Title of ${qid}`,
    patchable: true,
    diagnosis: 'Threat <B>text</B>',
    consequence: 'Impact text',
    solution: 'Solution text',
    cves: ['CVE-2026-1000'],
  }));
  return data;
}

let sim: RunningSimulator | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
});

describe('the live API source', () => {
  it('keeps what the policy keeps and caches the KnowledgeBase', async () => {
    sim = await startSimulator({ data: dataset() });
    const client = createClient({
      baseUrl: sim.url,
      username: sim.username,
      password: sim.password,
    });
    const cache = new LocalStateStore(
      path.join(await mkdtemp(path.join(tmpdir(), 'vmgov-kb-')), '.state'),
    );
    const source = openApiSource(client, policy, {
      cache,
      today: '2026-11-01',
    });

    const first = await collectFindings(source, policy, '2026-10');
    const kbCallsFirst = sim.calls.filter((c) =>
      c.path.includes('knowledge_base'),
    ).length;
    const second = await collectFindings(source, policy, '2026-10');
    const kbCallsSecond = sim.calls.filter((c) =>
      c.path.includes('knowledge_base'),
    ).length;

    const med = first.units[0];
    expect(
      med.findings.map((f) => [f.host.id, f.qid, f.severity, f.status]).sort(),
    ).toEqual([
      ['1', 90001, 5, 'Active'],
      ['1', 90002, 4, 'New'],
      ['2', 90001, 5, 'Re-Opened'],
    ]);
    expect([med.counts.excluded, med.counts.reclassified]).toEqual([1, 1]);
    expect(first.uncovered.map((u) => [u.host.ip, u.findings])).toEqual([
      ['10.9.0.1', 1],
    ]);
    expect(first.vulnerabilities.get(90001)).toMatchObject({
      title: 'Title of 90001',
      threat: 'Threat <B>text</B>',
      impact: 'Impact text',
    });
    expect(kbCallsFirst).toBe(1);
    expect(kbCallsSecond).toBe(1);
    expect(second.units[0].findings).toHaveLength(3);
  });
});
