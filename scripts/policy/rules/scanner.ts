/**
 * `scanner-unknown` and `scanner-does-not-serve`: each master group names a
 * scanner appliance of policy/scanning.yaml whose operational area serves
 * all of the group's ranges; a scanner cannot reach other networks.
 */
import { formatRange } from '../../net/address.ts';
import type { Problem } from '../model.ts';
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

export const scanner: Rule = {
  ids: ['scanner-unknown', 'scanner-does-not-serve'],
  check({ model }) {
    const appliances = new Map(
      model.scanning.appliances.map((a) => [a.name, a]),
    );
    const names = [...appliances.keys()].join(', ');
    const problems: Problem[] = [];
    for (const unit of model.units) {
      for (const group of unit.masterAssetGroups) {
        const at = group.fieldsAt?.scanner ?? group.at;
        const appliance = appliances.get(group.scanner);
        if (!appliance) {
          problems.push(
            error(
              'scanner-unknown',
              at,
              `scanner "${group.scanner}" is not an appliance in policy/scanning.yaml`,
              `use one of: ${names}`,
            ),
          );
          continue;
        }
        // Addresses outside the address space are reported by their own rule.
        const rest = group.set
          .intersect(model.program.addressSpaceSet)
          .subtract(appliance.servesSet);
        const first = rest.ranges()[0];
        if (!first) continue;
        const better = model.scanning.appliances.find((a) =>
          a.servesSet.containsSet(group.set),
        );
        problems.push(
          error(
            'scanner-does-not-serve',
            at,
            `scanner "${appliance.name}" (${appliance.area}) does not serve ${formatRange(first)} of group "${group.title}"`,
            better
              ? `use scanner "${better.name}", which serves all of the group's ranges`
              : "split the group by area, or ask governance to extend the scanner's ranges",
          ),
        );
      }
    }
    return problems;
  },
};
