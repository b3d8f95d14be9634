import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import { addCounts, NO_ADDRESSES } from '../../scripts/sync/address-count.ts';
import { canonicalJson, planChecksum } from '../../scripts/sync/checksum.ts';
import { delta } from '../../scripts/sync/group-fields.ts';
import { removedByChange } from '../../scripts/sync/limits.ts';
import { renderMarkdown } from '../../scripts/sync/render-markdown.ts';
import { renderText } from '../../scripts/sync/render-text.ts';
import type { GroupChange, Plan } from '../../scripts/sync/types.ts';
import { MARKER } from './fixture-model.ts';

const UNIT_40 = '2607:f6d0:2000::/40';
const A_48 = '2607:f6d0:2001::/48';
const without48 = AddressSet.parse([UNIT_40])
  .subtract(AddressSet.parse([A_48]))
  .toQualys();

function update(before: string[], after: string[]): GroupChange {
  return {
    action: 'update',
    title: 'mg-eng',
    kind: 'master',
    unit: 'eng',
    id: '50',
    changedFields: [],
    ranges: delta(AddressSet.parse(before), AddressSet.parse(after)),
  };
}

function plan(change: GroupChange): Plan {
  return {
    version: 2,
    marker: MARKER,
    prune: false,
    units: [
      {
        unit: 'eng',
        changes: [change],
        removedAddresses: addCounts(NO_ADDRESSES, removedByChange(change)),
        approvers: ['@s/eng-it'],
      },
    ],
    exclusions: {
      add: [],
      remove: [],
      unmanaged: [],
      addCount: NO_ADDRESSES,
      removeCount: NO_ADDRESSES,
    },
    conflicts: [],
    limits: [],
    governanceApprovers: ['@s/governance'],
  };
}

const CASES = [
  {
    name: 'an IPv4-only change',
    change: update(
      ['10.32.0.0/16', '171.66.0.0/24'],
      ['10.32.0.0/16', '10.33.0.0/16', '171.66.0.1'],
    ),
    text:
      '  ~ update mg-eng (id 50): adds 65,536 IPv4 addresses; ' +
      'removes 255 IPv4 addresses',
    row: '| `mg-eng` | will change | 65,536 IPv4 addresses | 255 IPv4 addresses |',
  },
  {
    name: 'adding an IPv6 /48 inside the unit /40',
    change: update(without48, [UNIT_40]),
    text:
      '  ~ update mg-eng (id 50): adds 65,536 IPv6 /64 networks; ' +
      'removes no addresses',
    row: '| `mg-eng` | will change | 65,536 IPv6 /64 networks | no addresses |',
  },
  {
    name: 'removing an IPv6 /48 from the unit /40',
    change: update([UNIT_40], without48),
    text:
      '  ~ update mg-eng (id 50): adds no addresses; ' +
      'removes 65,536 IPv6 /64 networks',
    row: '| `mg-eng` | will change | no addresses | 65,536 IPv6 /64 networks |',
  },
  {
    name: 'a mixed change',
    change: update(
      ['171.66.0.0/18', UNIT_40],
      ['171.66.0.0/19', '10.36.0.1', ...without48, '2001:db8::/64'],
    ),
    text:
      '  ~ update mg-eng (id 50): adds 1 IPv4 address and 1 IPv6 /64 ' +
      'network; removes 8,192 IPv4 addresses and 65,536 IPv6 /64 networks',
    row:
      '| `mg-eng` | will change | 1 IPv4 address and 1 IPv6 /64 network | ' +
      '8,192 IPv4 addresses and 65,536 IPv6 /64 networks |',
  },
];

describe('plan counts per address family', () => {
  it.each(CASES)('words $name in text', ({ change, text }) => {
    const lines = renderText(plan(change), 'abc').split('\n');
    expect(lines[3]).toBe(text);
  });

  it.each(CASES)('words $name in the Markdown table', ({ change, row }) => {
    expect(renderMarkdown(plan(change), 'abc')).toContain(`\n${row}\n`);
  });

  it('lists the removed /48 as its range', () => {
    const text = renderText(plan(update([UNIT_40], without48)), 'abc');
    expect(text).toContain(
      '      removed: 2607:f6d0:2001::-2607:f6d0:2001:ffff:ffff:ffff:ffff:ffff\n',
    );
  });

  it('keeps JSON counts as per-family strings, never a 20-digit number', () => {
    const mixed = plan(CASES[3].change);
    const json = canonicalJson(mixed);
    expect(mixed.units[0].changes[0].ranges.removedCount).toEqual({
      ipv4: '8192',
      ipv6Networks64: '65536',
    });
    expect(mixed.units[0].removedAddresses).toEqual({
      ipv4: '8192',
      ipv6Networks64: '65536',
    });
    expect(json).not.toMatch(/\d{20}/);
    expect(json).toContain('"beforeCount":{"ipv4":"16384","ipv6Networks64"');
  });

  it('hashes the same plan the same way whatever its key order', () => {
    const mixed = plan(CASES[3].change);
    const other = plan(CASES[2].change);
    expect(planChecksum(reverseKeys(mixed) as Plan)).toBe(planChecksum(mixed));
    expect(planChecksum(other)).not.toBe(planChecksum(mixed));
  });
});

function reverseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reverseKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>).reverse();
  return Object.fromEntries(entries.map(([k, v]) => [k, reverseKeys(v)]));
}
