import { describe, expect, it } from 'vitest';

import { AddressSet } from '../../scripts/net/address-set.ts';
import { diffExclusions, nextRecord } from '../../scripts/sync/exclusions.ts';
import { MARKER } from './fixture-model.ts';

describe('diffExclusions', () => {
  it.each([
    {
      name: 'adds what the repository lists and Qualys lacks',
      wanted: ['10.0.0.1', '10.0.0.2'],
      listed: ['10.0.0.2'],
      record: [],
      expected: { add: ['10.0.0.1'], remove: [], unmanaged: [] },
    },
    {
      name: 'removes only what we added earlier',
      wanted: [],
      listed: ['10.0.0.1', '10.0.0.5-10.0.0.6'],
      record: ['10.0.0.1'],
      expected: {
        add: [],
        remove: ['10.0.0.1'],
        unmanaged: ['10.0.0.5-10.0.0.6'],
      },
    },
    {
      name: 'leaves hand-made exclusions alone',
      wanted: ['10.0.0.1'],
      listed: ['10.0.0.1', '10.9.9.9'],
      record: ['10.0.0.1'],
      expected: { add: [], remove: [], unmanaged: ['10.9.9.9'] },
    },
  ])('$name', ({ wanted, listed, record, expected }) => {
    const change = diffExclusions(
      { marker: MARKER, groups: [], exclusions: AddressSet.parse(wanted) },
      {
        groups: [],
        excludedIps: listed,
        excludedByUs: AddressSet.parse(record),
      },
    );
    expect({
      add: change.add,
      remove: change.remove,
      unmanaged: change.unmanaged,
    }).toEqual(expected);
  });

  it('keeps the record of what we added minus what we removed', () => {
    const record = nextRecord(
      AddressSet.parse(['10.0.0.1', '10.0.0.7']),
      ['10.0.0.2'],
      ['10.0.0.7'],
    );
    expect(record.toQualys()).toEqual(['10.0.0.1-10.0.0.2']);
  });
});
