/**
 * `range-outside-address-space`: every range a unit claims, and every
 * Exclude-from-Scan range, lies inside the institution's address space;
 * scanning anything else would scan someone else's network.
 */
import { AddressSet } from '../../net/address-set.ts';
import { formatRange } from '../../net/address.ts';
import type { LocatedRange, Problem } from '../model.ts';
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

export const addressSpace: Rule = {
  ids: ['range-outside-address-space'],
  check({ model }) {
    const space = model.program.addressSpaceSet;
    const outside = (range: LocatedRange): Problem | undefined => {
      if (space.containsRange(range)) return undefined;
      const rest = AddressSet.from([range]).subtract(space);
      if (rest.isEmpty()) return undefined;
      const first = rest.ranges()[0];
      return error(
        'range-outside-address-space',
        range.at,
        `${range.text} is outside the address space (${formatRange(first ?? range)} is not ours)`,
        'use only addresses in policy/program.yaml address_space, or ask governance to add the block',
      );
    };

    const ranges: LocatedRange[] = [];
    for (const unit of model.units) {
      for (const group of unit.masterAssetGroups) ranges.push(...group.ranges);
    }
    for (const entry of model.scanning.excludeFromScan)
      ranges.push(...entry.ranges);
    return ranges.map(outside).filter((p): p is Problem => p !== undefined);
  },
};
