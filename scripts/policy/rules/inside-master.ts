/**
 * `subgroup-outside-master` and `low-intensity-outside-master`: a sub-group
 * and the low-intensity devices are slices of their master group; an
 * address outside it would be scanned without an owner.
 */
import { AddressSet } from '../../net/address-set.ts';
import { formatRange } from '../../net/address.ts';
import type { LocatedRange, MasterAssetGroup, Problem } from '../model.ts';
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

export const insideMaster: Rule = {
  ids: ['subgroup-outside-master', 'low-intensity-outside-master'],
  check({ model }) {
    const problems: Problem[] = [];
    for (const unit of model.units) {
      for (const group of unit.masterAssetGroups) {
        // An unreadable master range is already reported; no second error.
        if (group.hasInvalidRanges) continue;
        for (const sub of group.subgroups) {
          problems.push(
            ...outside(
              'subgroup-outside-master',
              `sub-group "${sub.name}"`,
              sub.ranges,
              group,
            ),
          );
        }
        problems.push(
          ...outside(
            'low-intensity-outside-master',
            'low_intensity',
            group.lowIntensity,
            group,
          ),
        );
      }
    }
    return problems;
  },
};

function outside(
  rule: string,
  what: string,
  ranges: LocatedRange[],
  group: MasterAssetGroup,
): Problem[] {
  const problems: Problem[] = [];
  for (const range of ranges) {
    if (group.set.containsRange(range)) continue;
    const rest = AddressSet.from([range]).subtract(group.set);
    const first = rest.ranges()[0];
    if (!first) continue;
    problems.push(
      error(
        rule,
        range.at,
        `${what} range ${range.text} is not inside master group "${group.title}" (${formatRange(first)} is outside)`,
        `add the addresses to the master group's ranges or remove them from ${what}`,
      ),
    );
  }
  return problems;
}
