/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- parsed XML is untyped in assertions */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { RunningSimulator } from '../../scripts/simulator/server.ts';
import {
  call,
  PATHS,
  simple,
  smallData,
  start,
  type XmlTree,
} from './support.ts';

describe('simulator hosts, exclusions, appliances, profiles and ignores', () => {
  let sim: RunningSimulator;
  beforeEach(async () => {
    sim = await start({ data: smallData() });
  });
  afterEach(() => sim.close());

  it('lists host IDs with details=None and hosts with their scan dates', async () => {
    const ids = await call(sim, PATHS.host, {
      action: 'list',
      details: 'None',
      truncation_limit: '0',
    });
    expect(ids.xml['HOST_LIST_OUTPUT']['RESPONSE']['ID_SET']['ID']).toEqual([
      '101',
      '102',
      '103',
      '104',
    ]);
    const list = await call(sim, PATHS.host, { action: 'list', ids: '104' });
    expect(
      list.xml['HOST_LIST_OUTPUT']['RESPONSE']['HOST_LIST']['HOST'],
    ).toEqual([
      {
        ID: '104',
        IP: '10.0.1.4',
        TRACKING_METHOD: 'IP',
        DNS: 'h104.example.edu',
        OS: 'Linux',
        LAST_VULN_SCAN_DATETIME: '2026-11-12T00:00:00Z',
        LAST_VM_SCANNED_DATE: '2026-11-12T00:00:00Z',
      },
    ]);
  });

  it('queues a purge, then the hosts are gone', async () => {
    const purge = await call(sim, PATHS.host, {
      action: 'purge',
      no_vm_scan_since: '2026-07-01',
    });
    const batch = purge.xml['BATCH_RETURN']['RESPONSE']['BATCH_LIST']['BATCH'];
    expect(batch).toEqual({
      TEXT: 'Hosts Queued for Purging',
      ID_SET: { ID: ['102'] },
    });
    expect(sim.data.purgeQueue).toEqual(['102']);
    const after = await call(sim, PATHS.host, {
      action: 'list',
      details: 'None',
    });
    expect(after.xml['HOST_LIST_OUTPUT']['RESPONSE']['ID_SET']['ID']).toEqual([
      '101',
      '103',
      '104',
    ]);
  });

  it.each([
    ['with GET', { action: 'purge', ids: '101' }, 'GET', '1908'],
    ['without a host selection', { action: 'purge' }, 'POST', '1922'],
  ] as const)('refuses a purge %s', async (_name, params, method, code) => {
    const answer = await call(sim, PATHS.host, params, { method });
    expect(simple(answer).code).toBe(code);
    expect(sim.data.hosts).toHaveLength(4);
  });

  it('adds, lists, removes and clears excluded IPs', async () => {
    const add = await call(sim, PATHS.excluded, {
      action: 'add',
      ips: '10.9.0.1-10.9.0.5,10.9.0.9',
      comment: 'fragile PLC',
      expiry_days: '30',
    });
    expect(simple(add).text).toBe('IPs added to Excluded IPs list.');
    expect(sim.data.excludedIps).toEqual([
      {
        ip: '10.9.0.1-10.9.0.5',
        comment: 'fragile PLC',
        expiresOn: '2026-12-15T12:00:00Z',
      },
      {
        ip: '10.9.0.9',
        comment: 'fragile PLC',
        expiresOn: '2026-12-15T12:00:00Z',
      },
    ]);
    const removed = await call(sim, PATHS.excluded, {
      action: 'remove',
      ips: '10.9.0.3',
      comment: 'back in scope',
    });
    expect(simple(removed)).toEqual({
      code: undefined,
      text: 'Removed IPs from Excluded IPs list.',
      items: { 'Removed IPs': '10.9.0.3' },
    });
    const list = await call(sim, PATHS.excluded, { action: 'list' });
    expect(list.xml['IP_LIST_OUTPUT']['RESPONSE']['IP_SET']).toEqual({
      IP_RANGE: ['10.9.0.1-10.9.0.2', '10.9.0.4-10.9.0.5'],
      IP: ['10.9.0.9'],
    });
    await call(sim, PATHS.excluded, { action: 'remove_all', comment: 'reset' });
    const empty = await call(sim, PATHS.excluded, { action: 'list' });
    expect(empty.xml['IP_LIST_OUTPUT']['RESPONSE']).toEqual({
      DATETIME: '2026-11-15T12:00:00Z',
    });
  });

  it('drops an exclusion once it has expired', async () => {
    sim.data.excludedIps.push({
      ip: '10.9.9.9',
      comment: 'old',
      expiresOn: '2026-11-01T00:00:00Z',
    });
    const list = await call(sim, PATHS.excluded, { action: 'list' });
    expect(list.xml['IP_LIST_OUTPUT']['RESPONSE']['IP_SET']).toBeUndefined();
  });

  it.each([
    [
      { action: 'add', ips: '10.9.0.1' },
      '1903',
      'Missing required parameter(s): comment',
    ],
    [
      { action: 'add', ips: '10.9.0.1', comment: ' ' },
      '1905',
      'parameter comment has invalid value:',
    ],
    [
      { action: 'remove_all', comment: 'x', ips: '10.9.0.1' },
      '1901',
      'Unrecognized parameter(s): ips',
    ],
    [
      { action: 'add', ips: '10.9.0.1', comment: 'x', expiry_days: '0' },
      '1905',
      'parameter expiry_days has invalid value: 0',
    ],
  ])('refuses the exclusion change %o', async (params, code, text) => {
    expect(simple(await call(sim, PATHS.excluded, params))).toEqual({
      code,
      text,
      items: {},
    });
    expect(sim.data.excludedIps).toEqual([]);
  });

  it('lists the scanner appliances and option profiles', async () => {
    const appliances = await call(sim, PATHS.appliance, { action: 'list' });
    const list =
      appliances.xml['APPLIANCE_LIST_OUTPUT']['RESPONSE']['APPLIANCE_LIST'][
        'APPLIANCE'
      ];
    expect(list.map((a: XmlTree) => [a['ID'], a['NAME'], a['STATUS']])).toEqual(
      [
        ['11', 'scanner-main', 'Online'],
        ['12', 'scanner-med', 'Offline'],
      ],
    );
    const profiles = await call(sim, PATHS.profile, { action: 'list' });
    const basics = profiles.xml['OPTION_PROFILES']['OPTION_PROFILE'].map(
      (p: XmlTree) => p['BASIC_INFO'],
    );
    expect(
      basics.map((b: XmlTree) => [b['ID'], b['GROUP_NAME'], b['IS_DEFAULT']]),
    ).toEqual([
      ['501', 'ISO Official 3/4/5 (Site-wide)', '1'],
      ['502', 'ISO 3/4/5 (special vsys Lower Intensity)', '0'],
    ]);
  });

  it('ignores and restores a QID on a host, never an information-gathered one', async () => {
    const ignore = await call(sim, PATHS.ignore, {
      action: 'ignore',
      qids: '38170,6',
      ips: '10.0.0.1',
      comments: 'false positive',
    });
    const response = ignore.xml['IGNORE_VULN_OUTPUT']['RESPONSE'];
    expect(response['@status']).toBe('SUCCESS');
    expect(response['IGNORED_LIST']['IGNORED']).toEqual([
      { TICKET_NUMBER: '7000000004', QID: '38170', IP: '10.0.0.1' },
    ]);
    expect(sim.data.hosts[1]?.detections.map((d) => d.isIgnored)).toEqual([
      true,
      false,
    ]);
    await call(sim, PATHS.ignore, {
      action: 'restore',
      qids: '38170',
      ips: '10.0.0.1',
      comments: 'real after all',
    });
    expect(sim.data.hosts[1]?.detections[0]?.isIgnored).toBe(false);
  });

  it('refuses more than 10 QIDs in one ignore', async () => {
    const qids = Array.from({ length: 11 }, (_, i) => String(100 + i)).join(
      ',',
    );
    const answer = await call(sim, PATHS.ignore, {
      action: 'ignore',
      qids,
      ips: '10.0.0.1',
      comments: 'x',
    });
    expect(simple(answer)).toEqual({
      code: '1905',
      text: `parameter qids has invalid value: ${qids}`,
      items: {},
    });
  });
});
