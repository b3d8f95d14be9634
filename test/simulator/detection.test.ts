/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- parsed XML is untyped in assertions */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import {
  call,
  getUrl,
  PATHS,
  simple,
  smallData,
  start,
  type Answer,
  type XmlTree,
} from './support.ts';

function hosts(answer: Answer): XmlTree[] {
  return (
    answer.xml['HOST_LIST_VM_DETECTION_OUTPUT']['RESPONSE']['HOST_LIST']?.[
      'HOST'
    ] ?? []
  );
}

function qidsByHost(answer: Answer): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const host of hosts(answer)) {
    out[host['ID']] = host['DETECTION_LIST']['DETECTION'].map(
      (d: XmlTree) => d['QID'],
    );
  }
  return out;
}

describe('simulator host detections', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    sim = await start({ data: smallData() });
  });
  afterAll(() => sim.close());

  it.each([
    [{}, { 101: ['38170'], 102: ['45017'], 103: ['38170'] }],
    [{ status: 'Fixed' }, { 103: ['38173'] }],
    [
      { include_ignored: '1' },
      { 101: ['38170'], 102: ['45017'], 103: ['38170', '38601'] },
    ],
    [
      { show_igs: '1' },
      { 101: ['38170', '6'], 102: ['45017'], 103: ['38170'] },
    ],
    [{ severities: '4-5' }, { 101: ['38170'], 102: ['45017'] }],
    [{ qids: '38170' }, { 101: ['38170'], 103: ['38170'] }],
    [{ include_vuln_type: 'potential' }, { 102: ['45017'] }],
    [{ include_vuln_type: 'confirmed' }, { 101: ['38170'], 103: ['38170'] }],
    [{ ag_ids: '2001' }, { 101: ['38170'], 103: ['38170'] }],
    [{ ag_titles: 'Hand made' }, { 101: ['38170'], 103: ['38170'] }],
    [{ ips: '10.0.1.0/24' }, { 102: ['45017'] }],
    [{ ids: '101-102' }, { 101: ['38170'], 102: ['45017'] }],
    [{ no_vm_scan_since: '2026-07-01' }, { 102: ['45017'] }],
  ])('filters %o', async (params, expected) => {
    const answer = await call(sim, PATHS.detection, {
      action: 'list',
      ...params,
    });
    expect(qidsByHost(answer)).toEqual(expected);
  });

  it.each([
    [
      { ag_ids: '2001', ag_titles: 'x' },
      '1904',
      'Please specify only one of these parameters: ag_ids, ag_titles',
    ],
    [{ status: 'Open' }, '1905', 'parameter status has invalid value: Open'],
    [
      { severities: '0-9' },
      '1905',
      'parameter severities has invalid value: 0-9',
    ],
    [{ ag_ids: '77' }, '1905', 'parameter ag_ids has invalid value: 77'],
  ])('refuses %o', async (params, code, text) => {
    const answer = await call(sim, PATHS.detection, {
      action: 'list',
      ...params,
    });
    expect(answer.status).toBe(400);
    expect(simple(answer)).toEqual({ code, text, items: {} });
  });

  it('writes a detection with every documented element and the result in CDATA', async () => {
    const answer = await call(sim, PATHS.detection, {
      action: 'list',
      ids: '103',
    });
    expect(answer.text).toContain(
      '<RESULTS><![CDATA[Banner <Apache> & ]]]]><![CDATA[> end]]></RESULTS>',
    );
    expect(hosts(answer)[0]).toEqual({
      ID: '103',
      IP: '10.0.0.3',
      TRACKING_METHOD: 'IP',
      OS: 'Linux',
      DNS: 'h103.example.edu',
      LAST_SCAN_DATETIME: '2026-11-10T00:00:00Z',
      LAST_VM_SCANNED_DATE: '2026-11-10T00:00:00Z',
      DETECTION_LIST: {
        DETECTION: [
          {
            UNIQUE_VULN_ID: '7000000001',
            QID: '38170',
            TYPE: 'Confirmed',
            SEVERITY: '3',
            PORT: '443',
            PROTOCOL: 'tcp',
            SSL: '1',
            RESULTS: 'Banner <Apache> & ]]> end',
            STATUS: 'Active',
            FIRST_FOUND_DATETIME: '2026-01-10T00:00:00Z',
            LAST_FOUND_DATETIME: '2026-11-10T00:00:00Z',
            TIMES_FOUND: '4',
            LAST_TEST_DATETIME: '2026-11-10T00:00:00Z',
            IS_IGNORED: '0',
            IS_DISABLED: '0',
          },
        ],
      },
    });
  });

  it('leaves RESULTS out with show_results=0', async () => {
    const answer = await call(sim, PATHS.detection, {
      action: 'list',
      show_results: '0',
    });
    expect(answer.text).not.toContain('<RESULTS>');
    expect(hosts(answer)).toHaveLength(3);
  });

  it('has only DATETIME when nothing matches', async () => {
    const answer = await call(sim, PATHS.detection, {
      action: 'list',
      qids: '1',
    });
    expect(answer.xml['HOST_LIST_VM_DETECTION_OUTPUT']['RESPONSE']).toEqual({
      DATETIME: '2026-11-15T12:00:00Z',
    });
  });

  it('counts hosts, not detections, against the truncation limit', async () => {
    const seen: string[] = [];
    let answer = await call(sim, PATHS.detection, {
      action: 'list',
      truncation_limit: '1',
      include_ignored: '1',
    });
    let pages = 1;
    for (;;) {
      seen.push(...hosts(answer).map((h) => h['ID']));
      const warning =
        answer.xml['HOST_LIST_VM_DETECTION_OUTPUT']['RESPONSE']['WARNING'];
      if (!warning) break;
      answer = await getUrl(warning['URL']);
      pages += 1;
    }
    expect(seen).toEqual(['101', '102', '103']);
    expect(pages).toBe(3);
  });

  it('shows a customised severity and hides a disabled QID until reset', async () => {
    const edit = await call(sim, PATHS.kb, {
      action: 'edit',
      qid: '38170',
      severity: '2',
    });
    expect(simple(edit)).toEqual({
      code: undefined,
      text: 'Vulnerability edited successfully.',
      items: { QID: '38170' },
    });
    let answer = await call(sim, PATHS.detection, {
      action: 'list',
      ids: '101',
    });
    expect(hosts(answer)[0]['DETECTION_LIST']['DETECTION'][0]['SEVERITY']).toBe(
      '2',
    );

    await call(sim, PATHS.kb, { action: 'edit', qid: '38170', disable: '1' });
    answer = await call(sim, PATHS.detection, {
      action: 'list',
      qids: '38170',
    });
    expect(qidsByHost(answer)).toEqual({});
    answer = await call(sim, PATHS.detection, {
      action: 'list',
      qids: '38170',
      include_disabled: '1',
    });
    expect(
      hosts(answer).map(
        (h) => h['DETECTION_LIST']['DETECTION'][0]['IS_DISABLED'],
      ),
    ).toEqual(['1', '1']);

    const custom = await call(sim, PATHS.kb, { action: 'custom' });
    const vulns =
      custom.xml['KNOWLEDGE_BASE_VULN_LIST_OUTPUT']['RESPONSE']['VULN_LIST'][
        'VULN'
      ];
    expect(
      vulns.map((v: XmlTree) => [
        v['QID'],
        v['SEVERITY_LEVEL'],
        v['IS_DISABLED'],
      ]),
    ).toEqual([['38170', '2', '1']]);

    await call(sim, PATHS.kb, { action: 'reset', qid: '38170' });
    answer = await call(sim, PATHS.detection, {
      action: 'list',
      qids: '38170',
    });
    expect(
      hosts(answer).map((h) => h['DETECTION_LIST']['DETECTION'][0]['SEVERITY']),
    ).toEqual(['5', '3']);
    expect(sim.data.customizedKb).toEqual([]);
  });
});

describe('simulator bulk hosts', () => {
  let sim: RunningSimulator;
  beforeAll(async () => {
    const data = smallData();
    data.bulk = {
      seed: 7,
      hostCount: 250,
      detectionsPerHost: 4,
      firstId: 900_001,
      firstIp: '100.64.0.0',
      qids: [38170, 38173],
      now: '2026-11-15T00:00:00Z',
    };
    sim = await start({ data, pageSize: 100 });
  });
  afterAll(() => sim.close());

  it('streams every bulk host after the stored ones, page by page', async () => {
    const status = 'New,Active,Re-Opened,Fixed';
    let answer = await call(sim, PATHS.detection, {
      action: 'list',
      status,
      include_ignored: '1',
    });
    const ids: string[] = [];
    let detections = 0;
    for (;;) {
      for (const host of hosts(answer)) {
        ids.push(host['ID']);
        detections += host['DETECTION_LIST']['DETECTION'].length;
      }
      const warning =
        answer.xml['HOST_LIST_VM_DETECTION_OUTPUT']['RESPONSE']['WARNING'];
      if (!warning) break;
      answer = await getUrl(warning['URL']);
    }
    expect(ids).toHaveLength(253);
    expect(ids.slice(0, 4)).toEqual(['101', '102', '103', '900001']);
    expect(ids.at(-1)).toBe('900250');
    expect(detections).toBe(5 + 250 * 4);
  });

  it('generates the same bulk host on every call', async () => {
    const first = await call(sim, PATHS.detection, {
      action: 'list',
      ids: '900123',
      status: 'New,Active,Re-Opened,Fixed',
    });
    const second = await call(sim, PATHS.detection, {
      action: 'list',
      ids: '900123',
      status: 'New,Active,Re-Opened,Fixed',
    });
    expect(hosts(first)[0]).toEqual(hosts(second)[0]);
    expect(hosts(first)[0]['IP']).toBe('100.64.0.122');
  });
});
