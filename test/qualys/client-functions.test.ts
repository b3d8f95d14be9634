import { afterEach, describe, expect, it } from 'vitest';

import { KB_CHUNK } from '../../scripts/qualys/client.ts';
import { emptySimData } from '../../scripts/simulator/data.ts';
import { collectPages, openHarness, type Harness } from './support/harness.ts';
import { detection, host, sampleData } from './support/sim-data.ts';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

async function open(data = sampleData(), pageSize?: number): Promise<Harness> {
  harness = await openHarness(data, pageSize ? { pageSize } : {});
  return harness;
}

describe('asset groups', () => {
  it('lists a group with all its attributes', async () => {
    const { client, sim } = await open();

    expect(await client.listAssetGroups()).toEqual([
      {
        id: '501',
        title: 'Hand-made group',
        ips: ['10.9.0.1', '10.9.0.10-10.9.0.20'],
        applianceIds: ['77', '78'],
        defaultApplianceId: '77',
        businessImpact: 'High',
        division: 'Research',
        comments: 'kept by hand',
        ownerUserId: '12',
        lastUpdate: '2026-01-02T03:04:05Z',
      },
    ]);
    expect(sim.calls[0]).toMatchObject({
      method: 'POST',
      path: '/api/2.0/fo/asset/group/',
      params: { action: 'list', show_attributes: 'ALL' },
    });
  });

  it('adds, edits with set_ fields, and deletes a group', async () => {
    const { client, sim } = await open();

    const id = await client.addAssetGroup({
      title: 'mg-med-it',
      ips: ['10.2.0.0-10.2.0.255'],
      applianceIds: ['77'],
      defaultApplianceId: '77',
      businessImpact: 'High',
      comments: 'managed by vmgov',
    });
    await client.editAssetGroup(id, {
      setIps: ['10.2.0.0-10.2.1.255', '10.3.0.9'],
      setTitle: 'mg-med-it-2',
      setComments: 'renamed',
    });
    const [edited] = await client.listAssetGroups({ ids: [id] });

    expect(edited).toMatchObject({
      id,
      title: 'mg-med-it-2',
      ips: ['10.3.0.9', '10.2.0.0-10.2.1.255'],
      applianceIds: ['77'],
      comments: 'renamed',
    });
    expect(sim.calls[1].params).toEqual({
      action: 'edit',
      id,
      set_title: 'mg-med-it-2',
      set_ips: '10.2.0.0-10.2.1.255,10.3.0.9',
      set_comments: 'renamed',
    });

    await client.deleteAssetGroup(id);
    expect(sim.data.assetGroups.map((g) => g.id)).toEqual(['501']);
  });

  it('finds a group by exact title', async () => {
    const { client } = await open();
    expect(
      await client.listAssetGroups({ title: 'Hand-made group' }),
    ).toHaveLength(1);
    expect(await client.listAssetGroups({ title: 'Hand-made' })).toEqual([]);
  });
});

describe('hosts', () => {
  it('lists hosts across pages and queues a purge', async () => {
    const { client, sim } = await open(sampleData(5), 2);

    const hosts = await client.listHosts();
    const queued = await client.purgeHosts(['1002', '1004']);

    expect(hosts.map((h) => h.id)).toEqual([
      '1001',
      '1002',
      '1003',
      '1004',
      '1005',
    ]);
    expect(hosts[0]).toMatchObject({
      ip: '10.1.0.1',
      dns: 'host1.example.edu',
      trackingMethod: 'IP',
      lastVmScannedDate: '2026-11-20T10:00:00Z',
    });
    expect(queued).toEqual(['1002', '1004']);
    expect(sim.calls.map((c) => c.params['id_min'])).toEqual([
      undefined,
      '1003',
      '1005',
      undefined,
    ]);
  });

  it('sends the no-scan-since filter', async () => {
    const data = sampleData(2);
    data.hosts[1].lastVmScannedDate = '2026-05-01T00:00:00Z';
    const { client } = await open(data);

    const stale = await client.listHosts({ noVmScanSince: '2026-09-01' });
    expect(stale.map((h) => h.id)).toEqual(['1002']);
  });
});

describe('detections', () => {
  it('streams one page per request with the filters in Qualys names', async () => {
    const { client, sim } = await open(sampleData(5), 2);

    const pages = await collectPages(
      client.streamDetections({
        status: ['New', 'Active', 'Re-Opened'],
        severities: [3, 4, 5],
        includeIgnored: true,
        showResults: false,
        truncationLimit: 2,
      }),
    );

    expect(pages.map((page) => page.map((h) => h.id))).toEqual([
      ['1001', '1002'],
      ['1003', '1004'],
      ['1005'],
    ]);
    expect(sim.calls[0].params).toEqual({
      action: 'list',
      status: 'New,Active,Re-Opened',
      severities: '3,4,5',
      include_ignored: '1',
      show_results: '0',
      truncation_limit: '2',
    });
    expect(pages[2][0].detections[0]).toEqual({
      uniqueVulnId: '9000038170',
      qid: 38170,
      type: 'Confirmed',
      severity: 4,
      port: 443,
      protocol: 'tcp',
      ssl: true,
      results: undefined,
      status: 'Active',
      firstFound: '2026-10-01T10:00:00Z',
      lastFound: '2026-11-20T10:00:00Z',
      timesFound: 3,
      isIgnored: false,
      isDisabled: false,
    });
  });

  it('keeps a single host with a single detection as lists', async () => {
    const data = emptySimData();
    data.hosts = [host(7, [detection(150272, { severity: 5 })])];
    const { client } = await open(data);

    const pages = await collectPages(client.streamDetections({}));

    expect(pages).toHaveLength(1);
    expect(pages[0].map((h) => [h.id, h.detections.map((d) => d.qid)])).toEqual(
      [['1007', [150272]]],
    );
  });

  it('reads an empty RESPONSE as one empty page', async () => {
    const { client } = await open(emptySimData());
    expect(await collectPages(client.streamDetections({}))).toEqual([[]]);
  });
});

describe('KnowledgeBase', () => {
  it('lists QIDs with details=All', async () => {
    const { client, sim } = await open();

    const vulns = await client.listKb([150272]);

    expect(vulns).toEqual([
      {
        qid: 150272,
        vulnType: 'Potential Vulnerability',
        severity: 3,
        title: 'PHP 7 Multiple Vulnerabilities',
        category: undefined,
        patchable: true,
        diagnosis: undefined,
        consequence: undefined,
        solution: 'Upgrade PHP.',
        cves: ['CVE-2019-11041', 'CVE-2019-11042'],
        lastCustomization: undefined,
        isDisabled: false,
        publishedDatetime: undefined,
        lastServiceModificationDatetime: undefined,
      },
    ]);
    expect(sim.calls[0].params['details']).toBe('All');
  });

  it(`asks for at most ${KB_CHUNK} QIDs per request`, async () => {
    const { client, sim } = await open();
    const qids = Array.from({ length: KB_CHUNK + 1 }, (_, i) => 38170 + i);

    const vulns = await client.listKb(qids);

    expect(vulns.map((v) => v.qid)).toEqual([38170]);
    expect(sim.calls.map((c) => c.params['ids'].split(',').length)).toEqual([
      KB_CHUNK,
      1,
    ]);
  });

  it('edits, lists customised and resets a QID', async () => {
    const { client } = await open();

    await client.editKb(38170, { severity: 1, disable: true });
    const customised = await client.listCustomizedKb();
    await client.resetKb(38170);

    expect(customised.map((v) => [v.qid, v.severity, v.isDisabled])).toEqual([
      [38170, 1, true],
    ]);
    expect(await client.listCustomizedKb()).toEqual([]);
  });
});

describe('subscription setup', () => {
  it('adds and removes excluded IPs with comment and expiry', async () => {
    const { client, sim } = await open();

    await client.addExcludedIps(['10.6.0.1-10.6.0.4'], 'vmgov: printers', 30);
    const listed = await client.listExcludedIps();
    await client.removeExcludedIps(['10.5.0.1'], 'vmgov: returned');

    expect(listed).toEqual(['10.5.0.1', '10.6.0.1-10.6.0.4']);
    expect(sim.calls[0].params).toEqual({
      action: 'add',
      ips: '10.6.0.1-10.6.0.4',
      comment: 'vmgov: printers',
      expiry_days: '30',
    });
    expect(await client.listExcludedIps()).toEqual(['10.6.0.1-10.6.0.4']);
  });

  it('lists appliances and option profiles', async () => {
    const { client } = await open();

    expect(await client.listAppliances()).toEqual([
      { id: '77', name: 'scanner-med', status: 'Online' },
      { id: '78', name: 'scanner-eng', status: 'Offline' },
    ]);
    expect(await client.listOptionProfiles()).toEqual([
      { id: '3', title: 'Initial Options', isDefault: true },
      { id: '4', title: 'Low intensity', isDefault: false },
    ]);
  });

  it('counts calls per endpoint', async () => {
    const { client } = await open();
    await client.listAppliances();
    await client.listAppliances();
    await client.listExcludedIps();

    expect(client.stats()).toEqual({
      calls: 3,
      byEndpoint: {
        '/api/2.0/fo/appliance/': 2,
        '/api/2.0/fo/asset/excluded_ip/': 1,
      },
      retries: 0,
    });
  });
});
