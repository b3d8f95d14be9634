/**
 * `unit-without-group`: a unit with no master asset group would own no
 * addresses, get no scans and no reports.
 */
import { error } from '../problem.ts';
import type { Rule } from './rule.ts';

export const unitWithoutGroup: Rule = {
  ids: ['unit-without-group'],
  check({ model }) {
    return model.units
      .filter((unit) => unit.masterAssetGroups.length === 0)
      .map((unit) =>
        error(
          'unit-without-group',
          unit.fieldsAt?.master_asset_groups ?? unit.at,
          `unit "${unit.id}" has no master asset group`,
          'add a master_asset_groups entry with a title, ranges and a scanner',
        ),
      );
  },
};
