import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import { loadPolicyOrThrow } from '../../scripts/policy/load.ts';
import type { SimData } from '../../scripts/simulator/data.ts';
import { generateSimData } from '../../scripts/simulator/generate.ts';
import { hostIn } from '../../scripts/simulator/host-source.ts';
import {
  layoutFromPolicy,
  type SeedLayout,
} from '../../scripts/simulator/layout.ts';

const NOW = new Date('2026-11-15T12:00:00Z');
const DAY_MS = 86_400_000;

const LAYOUT: SeedLayout = {
  addressSpace: ['10.0.0.0/16'],
  masterGroups: [
    {
      unit: 'med',
      title: 'mg-med',
      ranges: ['10.0.1.0-10.0.1.255'],
      scanner: 'scanner-med',
      lowIntensity: ['10.0.1.200-10.0.1.210'],
      subgroups: [
        { name: 'lab', title: 'sg-med--lab', ranges: ['10.0.1.0-10.0.1.63'] },
      ],
    },
    {
      unit: 'law',
      title: 'mg-law',
      ranges: ['10.0.2.0-10.0.2.255'],
      scanner: 'scanner-main',
      lowIntensity: [],
      subgroups: [],
    },
  ],
  appliances: [
    { name: 'scanner-main', serves: ['10.0.0.0/16'] },
    { name: 'scanner-med', serves: ['10.0.1.0/24'] },
  ],
  optionProfiles: {
    default: 'ISO Official 3/4/5 (Site-wide)',
    lowIntensity: 'ISO 3/4/5 (special vsys Lower Intensity)',
  },
  excludeFromScan: ['10.0.3.5'],
  excludedQids: [105459, 68521, 66040],
  reclassified: [{ qid: 38170, from: 3, to: 2 }],
  neverIgnore: [38601],
  kbFacts: [
    {
      qid: 105459,
      title: 'EOL/Obsolete Software: SNMP Protocol Version Detected',
      severity: 3,
      category: 'Security Policy',
      vulnType: 'Vulnerability',
      patchable: false,
      solution: 'Disable SNMP.',
    },
  ],
};

const data = generateSimData(LAYOUT, 42, { now: NOW });
const detections = data.hosts.flatMap((h) => h.detections);
const inRanges = (ranges: string[]) =>
  data.hosts.filter((h) => hostIn(h, AddressSet.parse(ranges))).length;

describe('simulator data generator', () => {
  it('gives the same data for the same seed and other addresses for another', () => {
    expect(generateSimData(LAYOUT, 42, { now: NOW })).toEqual(data);
    const other = generateSimData(LAYOUT, 43, { now: NOW });
    expect(other.hosts.map((h) => h.ip)).not.toEqual(
      data.hosts.map((h) => h.ip),
    );
    expect(other.hosts).toHaveLength(16);
  });

  it('spreads 16 hosts over the groups, sub-groups and outside every group', () => {
    expect(data.hosts).toHaveLength(16);
    expect(new Set(data.hosts.map((h) => h.ip)).size).toBe(16);
    expect(inRanges(['10.0.1.0-10.0.1.255'])).toBe(6);
    expect(inRanges(['10.0.2.0-10.0.2.255'])).toBe(6);
    expect(inRanges(['10.0.1.0-10.0.1.63'])).toBeGreaterThanOrEqual(2);
    expect(inRanges(['10.0.1.200-10.0.1.210'])).toBeGreaterThanOrEqual(1);
    expect(
      data.hosts
        .slice(12)
        .every((h) => h.ip.startsWith('10.0.') && !/^10\.0\.[12]\./.test(h.ip)),
    ).toBe(true);
  });

  it('leaves every seventh host unscanned for over 90 days', () => {
    const stale = data.hosts.filter(
      (h) =>
        NOW.getTime() - Date.parse(h.lastVmScannedDate ?? '') > 90 * DAY_MS,
    );
    expect(stale.map((h) => h.id)).toEqual(['1000007', '1000014']);
  });

  it('makes 78 pool detections and two of each QID the policy names', () => {
    expect(detections).toHaveLength(88);
    for (const qid of [105459, 68521, 66040, 38170, 38601]) {
      expect(
        data.hosts.filter((h) => h.detections.some((d) => d.qid === qid)),
      ).toHaveLength(2);
    }
  });

  it('covers every severity, type and status', () => {
    expect(new Set(detections.map((d) => d.severity))).toEqual(
      new Set([1, 2, 3, 4, 5]),
    );
    expect(new Set(detections.map((d) => d.type))).toEqual(
      new Set(['Confirmed', 'Potential', 'Info']),
    );
    expect(new Set(detections.map((d) => d.status))).toEqual(
      new Set(['New', 'Active', 'Re-Opened', 'Fixed']),
    );
  });

  it('ignores some detections, among them the first never-ignore one', () => {
    const ignored = detections.filter((d) => d.isIgnored);
    expect(ignored.filter((d) => d.qid === 38601)).toHaveLength(1);
    expect(ignored.every((d) => d.type !== 'Info')).toBe(true);
    expect(ignored.length).toBeGreaterThanOrEqual(3);
  });

  it('disables QID 990001 in the KnowledgeBase and on every detection of it', () => {
    expect(data.customizedKb).toEqual([
      { qid: 990001, disabled: true, datetime: '2026-10-16T12:00:00Z' },
    ]);
    const ofQid = detections.filter((d) => d.qid === 990001);
    expect(ofQid.length).toBeGreaterThan(0);
    expect(ofQid.every((d) => d.isDisabled)).toBe(true);
    expect(detections.filter((d) => d.isDisabled)).toHaveLength(ofQid.length);
  });

  it('spreads first-found dates so some are past a 30-day deadline', () => {
    const ages = detections.map(
      (d) => (NOW.getTime() - Date.parse(d.firstFound)) / DAY_MS,
    );
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...ages)).toBeLessThan(410);
    expect(ages.filter((a) => a > 30).length).toBeGreaterThan(
      ages.filter((a) => a <= 30).length,
    );
  });

  it('has a KnowledgeBase entry for every QID used, facts from the policy first', () => {
    const kb = new Map(data.kb.map((v) => [v.qid, v]));
    expect(detections.every((d) => kb.has(d.qid))).toBe(true);
    expect(kb.get(105459)?.title).toBe(
      'EOL/Obsolete Software: SNMP Protocol Version Detected',
    );
    expect(kb.get(105459)?.solution).toBe('<P>Disable SNMP.</P>');
    expect(kb.get(68521)?.diagnosis).toMatch(/^<P>/);
    expect(data.kb).toHaveLength(20);
  });

  it('names the appliances and option profiles as the policy does', () => {
    expect(data.appliances).toEqual([
      { id: '100001', name: 'scanner-main', status: 'Online' },
      { id: '100002', name: 'scanner-med', status: 'Online' },
    ]);
    expect(data.optionProfiles.map((p) => [p.title, p.isDefault])).toEqual([
      ['ISO Official 3/4/5 (Site-wide)', true],
      ['ISO 3/4/5 (special vsys Lower Intensity)', false],
    ]);
  });

  it('creates no mg- group, only two hand-made ones, and one exclusion', () => {
    expect(data.assetGroups.map((g) => g.title)).toEqual([
      'Lab printers',
      'Old web servers',
    ]);
    expect(data.excludedIps).toEqual([
      { ip: '10.0.3.5', comment: 'Added in the Qualys UI' },
    ]);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(data)) as SimData).toEqual(data);
  });
});

describe('simulator data for the repository', () => {
  it('puts hosts in every master group and sub-group the units declare', async () => {
    const root = path.resolve(import.meta.dirname, '..', '..');
    const model = await loadPolicyOrThrow(root, { today: '2026-11-15' });
    const layout = layoutFromPolicy(model);
    const generated = generateSimData(layout, 1, { now: NOW });
    const count = (ranges: string[]) =>
      generated.hosts.filter((h) => hostIn(h, AddressSet.parse(ranges))).length;

    expect(layout.masterGroups).toHaveLength(
      model.units.flatMap((u) => u.masterAssetGroups).length,
    );
    for (const group of layout.masterGroups) {
      expect(count(group.ranges), group.title).toBeGreaterThanOrEqual(1);
      for (const sub of group.subgroups)
        expect(count(sub.ranges), sub.title).toBeGreaterThanOrEqual(1);
    }
    expect(generated.appliances.map((a) => a.name)).toEqual(
      model.scanning.appliances.map((a) => a.name),
    );
    expect(generated.assetGroups.some((g) => g.title.startsWith('mg-'))).toBe(
      false,
    );
  });
});
