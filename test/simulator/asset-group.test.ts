/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument, @typescript-eslint/no-unsafe-call -- parsed XML is untyped in assertions */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import { call, getUrl, PATHS, simple, smallData, start } from './support.ts';

describe('simulator asset groups', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await start({ data: smallData() });
  });
  afterEach(() => sim.close());

  const groups = async (params: Record<string, string> = {}) => {
    const answer = await call(sim, PATHS.group, { action: 'list', ...params });
    return (
      answer.xml['ASSET_GROUP_LIST_OUTPUT']['RESPONSE']['ASSET_GROUP_LIST']?.[
        'ASSET_GROUP'
      ] ?? []
    );
  };

  it('lists a basic attribute set by default and everything with ALL', async () => {
    expect(await groups()).toEqual([
      {
        ID: '2001',
        TITLE: 'Hand made',
        LAST_UPDATE: '2026-01-01T00:00:00Z',
        APPLIANCE_IDS: '11',
        IP_SET: { IP_RANGE: ['10.0.0.1-10.0.0.3'] },
      },
    ]);
    const [all] = await groups({ show_attributes: 'ALL' });
    expect(all).toMatchObject({
      OWNER_USER_ID: '9',
      COMMENTS: 'made in the UI',
    });
  });

  it('adds a group and returns its new ID', async () => {
    const added = await call(sim, PATHS.group, {
      action: 'add',
      title: 'mg-med',
      ips: '10.1.0.0/30,10.1.0.9,10.1.0.4',
      appliance_ids: '11,12',
      default_appliance_id: '12',
      business_impact: 'high',
      comments: 'vmgov:owner/repo',
    });
    expect(simple(added)).toEqual({
      code: undefined,
      text: 'Asset Group Added Successfully.',
      items: { ID: '4000001' },
    });
    const [group] = await groups({ title: 'mg-med', show_attributes: 'ALL' });
    expect(group).toMatchObject({
      ID: '4000001',
      BUSINESS_IMPACT: 'High',
      DEFAULT_APPLIANCE_ID: '12',
      APPLIANCE_IDS: '11, 12',
      IP_SET: { IP_RANGE: ['10.1.0.0-10.1.0.4'], IP: ['10.1.0.9'] },
      COMMENTS: 'vmgov:owner/repo',
    });
  });

  it.each([
    [
      'a duplicate title',
      { title: 'Hand made' },
      'parameter title has invalid value: Hand made',
    ],
    [
      'an unknown appliance',
      { title: 'x', appliance_ids: '99' },
      'parameter appliance_ids has invalid value: 99',
    ],
    [
      'a bad address',
      { title: 'x', ips: '10.0.0.300' },
      'parameter ips has invalid value: 10.0.0.300',
    ],
    [
      'a bad impact',
      { title: 'x', business_impact: 'huge' },
      'parameter business_impact has invalid value: huge',
    ],
  ])('refuses to add with %s', async (_name, params, text) => {
    const answer = await call(sim, PATHS.group, { action: 'add', ...params });
    expect(answer.status).toBe(400);
    expect(simple(answer)).toEqual({ code: '1905', text, items: {} });
    expect(sim.data.assetGroups).toHaveLength(1);
  });

  it.each([
    [{ add_ips: '10.0.0.4-10.0.0.8' }, ['10.0.0.1-10.0.0.8']],
    [{ remove_ips: '10.0.0.2' }, ['10.0.0.1', '10.0.0.3']],
    [{ set_ips: '192.168.1.0/31' }, ['192.168.1.0-192.168.1.1']],
    [
      { add_ips: '10.0.0.9', remove_ips: '10.0.0.1' },
      ['10.0.0.2-10.0.0.3', '10.0.0.9'],
    ],
  ])('edits the addresses with %o', async (params, ips) => {
    const answer = await call(sim, PATHS.group, {
      action: 'edit',
      id: '2001',
      ...params,
    });
    expect(simple(answer).text).toBe('Asset Group Updated Successfully.');
    expect(sim.data.assetGroups[0]?.ips).toEqual(ips);
  });

  it('edits the scalars with set_ parameters', async () => {
    await call(sim, PATHS.group, {
      action: 'edit',
      id: '2001',
      set_title: 'Renamed',
      set_comments: 'new comment',
      set_division: 'Medicine',
      set_business_impact: 'low',
      set_appliance_ids: '12',
      set_default_appliance_id: '12',
    });
    expect(sim.data.assetGroups[0]).toMatchObject({
      title: 'Renamed',
      comments: 'new comment',
      division: 'Medicine',
      businessImpact: 'low',
      applianceIds: ['12'],
      defaultApplianceId: '12',
      lastUpdate: '2026-11-15T12:00:00Z',
    });
  });

  it.each([
    [
      { set_ips: '10.0.0.1', add_ips: '10.0.0.2' },
      '1904',
      'Please specify only one of these parameters: set_ips, add_ips, remove_ips',
    ],
    [{ title: 'x' }, '1901', 'Unrecognized parameter(s): title'],
    [{ id: '999' }, '1905', 'parameter id has invalid value: 999'],
  ])('refuses the edit %o', async (params, code, text) => {
    const answer = await call(sim, PATHS.group, {
      action: 'edit',
      id: '2001',
      ...params,
    });
    expect(simple(answer)).toEqual({ code, text, items: {} });
    expect(sim.data.assetGroups[0]?.ips).toEqual(['10.0.0.1-10.0.0.3']);
  });

  it('deletes a group', async () => {
    const answer = await call(sim, PATHS.group, {
      action: 'delete',
      id: '2001',
    });
    expect(simple(answer).text).toBe('Asset Group Deleted Successfully.');
    expect(sim.data.assetGroups).toEqual([]);
  });

  it('has only DATETIME in an empty answer', async () => {
    const answer = await call(sim, PATHS.group, { action: 'list', ids: '5' });
    expect(answer.xml['ASSET_GROUP_LIST_OUTPUT']['RESPONSE']).toEqual({
      DATETIME: '2026-11-15T12:00:00Z',
    });
  });

  it('pages with the 1980 WARNING and its id_min URL', async () => {
    for (const title of ['b', 'c', 'd', 'e']) {
      await call(sim, PATHS.group, { action: 'add', title });
    }
    const seen: string[] = [];
    let answer = await call(sim, PATHS.group, {
      action: 'list',
      truncation_limit: '2',
    });
    const urls: string[] = [];
    for (;;) {
      const response = answer.xml['ASSET_GROUP_LIST_OUTPUT']['RESPONSE'];
      seen.push(
        ...response['ASSET_GROUP_LIST']['ASSET_GROUP'].map(
          (g: { ID: string }) => g.ID,
        ),
      );
      if (!response['WARNING']) break;
      expect(response['WARNING']['CODE']).toBe('1980');
      expect(response['WARNING']['TEXT']).toBe(
        '2 record limit exceeded. Use URL to get next batch of results.',
      );
      urls.push(response['WARNING']['URL']);
      answer = await getUrl(response['WARNING']['URL']);
    }
    expect(seen).toEqual(['2001', '4000001', '4000002', '4000003', '4000004']);
    expect(urls).toEqual([
      `${sim.url}${PATHS.group}?action=list&truncation_limit=2&id_min=4000002`,
      `${sim.url}${PATHS.group}?action=list&truncation_limit=2&id_min=4000004`,
    ]);
  });
});
