/**
 * `scan-exclusion-unknown-unit` and `scan-exclusion-outside-unit`: an
 * Exclude-from-Scan entry names the unit that asked for it, and a unit can
 * only take its own addresses out of scanning.
 */
import { formatRange } from '../../net/address.ts';
import { AddressSet } from '../../net/address-set.ts';
import type { Problem } from '../model.ts';
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

export const scanExclusion: Rule = {
  ids: ['scan-exclusion-unknown-unit', 'scan-exclusion-outside-unit'],
  check({ model, unreadable }) {
    const units = new Map(model.units.map((u) => [u.id, u]));
    const problems: Problem[] = [];
    for (const entry of model.scanning.excludeFromScan) {
      const unit = units.get(entry.unit);
      // A unit whose file is broken is reported there, not here.
      if (unreadable.has(`units/${entry.unit}.yaml`)) continue;
      if (!unit) {
        problems.push(
          error(
            'scan-exclusion-unknown-unit',
            entry.fieldsAt?.unit ?? entry.at,
            `unit "${entry.unit}" has no file units/${entry.unit}.yaml`,
            `use one of: ${[...units.keys()].join(', ')}`,
          ),
        );
        continue;
      }
      if (unit.masterAssetGroups.some((g) => g.hasInvalidRanges)) continue;
      const owned = AddressSet.from(
        unit.masterAssetGroups.flatMap((g) => g.ranges),
      );
      for (const range of entry.ranges) {
        if (owned.containsRange(range)) continue;
        const first = AddressSet.from([range]).subtract(owned).ranges()[0];
        if (!first) continue;
        problems.push(
          error(
            'scan-exclusion-outside-unit',
            range.at,
            `${range.text} is not in unit "${unit.id}" (${formatRange(first)} is outside its ranges)`,
            `a unit can only exclude its own addresses; check the range or the unit`,
          ),
        );
      }
    }
    return problems;
  },
};
