import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import { delta } from '../../scripts/sync/group-fields.ts';
import { planCommentBody } from '../../scripts/sync/publish.ts';
import { renderMarkdown } from '../../scripts/sync/render-markdown.ts';
import { renderResults } from '../../scripts/sync/render-results.ts';
import { renderText } from '../../scripts/sync/render-text.ts';
import type { GroupChange, Plan } from '../../scripts/sync/types.ts';
import { MARKER } from './fixture-model.ts';

const UPDATE: GroupChange = {
  action: 'update',
  title: 'mg-law',
  kind: 'master',
  unit: 'law',
  id: '40',
  changedFields: ['comments'],
  ranges: delta(
    AddressSet.parse(['10.2.0.0/25']),
    AddressSet.parse(['10.2.0.0/26', '10.2.1.1']),
  ),
};

function plan(changes: GroupChange[]): Plan {
  return {
    version: 2,
    marker: MARKER,
    prune: false,
    units: [
      {
        unit: 'law',
        changes,
        removedAddresses: { ipv4: '64', ipv6Networks64: '0' },
        approvers: ['@s/law-it'],
      },
    ],
    exclusions: {
      add: ['10.2.0.9'],
      remove: [],
      unmanaged: ['10.9.9.9'],
      addCount: { ipv4: '1', ipv6Networks64: '0' },
      removeCount: { ipv4: '0', ipv6Networks64: '0' },
    },
    conflicts: [],
    limits: [],
    governanceApprovers: ['@s/governance'],
  };
}

describe('renderText', () => {
  it('prints each change with its address counts', () => {
    expect(renderText(plan([UPDATE]), 'abc')).toBe(
      [
        `Plan for ${MARKER} (checksum abc)`,
        '',
        'unit law (approve: @s/law-it)',
        '  ~ update mg-law (id 40): adds 1 IPv4 address; removes 64 IPv4 addresses',
        '      added: 10.2.1.1',
        '      removed: 10.2.0.64-10.2.0.127',
        '      also sets: comments',
        '',
        'Exclude from Scan (approve: @s/governance)',
        '  + add 1 IPv4 address: 10.2.0.9',
        '  unmanaged, left alone: 10.9.9.9',
        '',
        'Summary: 0 to create, 1 to update, 0 to delete, 0 left over (needs --prune); ' +
          'Exclude from Scan: 1 IPv4 address to add, no addresses to remove; ' +
          '0 refused, 0 limits broken',
        '',
      ].join('\n'),
    );
  });
});

describe('renderMarkdown', () => {
  it('has a table row per change in plain words', () => {
    const md = renderMarkdown(plan([UPDATE]), 'abc');
    expect(md).toContain(
      '| `mg-law` | will change (also comments) | 1 IPv4 address | 64 IPv4 addresses |',
    );
    expect(md).toContain('- added: 10.2.1.1\n- removed: 10.2.0.64-10.2.0.127');
    expect(md).toContain('Plan checksum: `abc`');
  });

  it('leaves the range lists out of a comment that would be too long', () => {
    const many = Array.from(
      { length: 6000 },
      (_, i) => `10.${i >> 8}.${i & 255}.1`,
    );
    const big: GroupChange = {
      ...UPDATE,
      ranges: delta(AddressSet.empty(), AddressSet.parse(many)),
    };
    const full = renderMarkdown(plan([big]), 'abc');
    const body = planCommentBody(plan([big]), 'abc');

    expect(full.length).toBeGreaterThan(65_536);
    expect(body.length).toBeLessThan(60_200);
    expect(body).toContain(
      '| `mg-law` | will change (also comments) | 6,000 IPv4 addresses | no addresses |',
    );
    expect(body).toContain(
      'the full plan is in the `plan` artifact of this run',
    );
  });
});

describe('renderResults', () => {
  it('ends with a table and the counts', () => {
    expect(
      renderResults([
        {
          title: 'mg-law',
          action: 'update',
          outcome: 'ok',
          detail: 'verified, id 40',
        },
        {
          title: 'sg-law--lab',
          action: 'create',
          outcome: 'failed',
          detail: 'not applied; run again',
        },
      ]),
    ).toBe(
      [
        'group        action  result  detail',
        'mg-law       update  ok      verified, id 40',
        'sg-law--lab  create  failed  not applied; run again',
        '',
        '1 ok, 1 not applied',
        '',
      ].join('\n'),
    );
  });
});
