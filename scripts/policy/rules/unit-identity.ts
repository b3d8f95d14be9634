/**
 * `unit-id-file-name`: units/<id>.yaml holds the unit `id`, so a file can
 * be found from an id. `unique-id`: no two units share an id.
 */
import type { Problem } from '../model.ts';
import { error, where } from '../problem.ts';
import type { Rule } from './rule.ts';

export const unitIdentity: Rule = {
  ids: ['unit-id-file-name', 'unique-id'],
  check({ model }) {
    const problems: Problem[] = [];
    const seen = new Map<string, string>();
    for (const unit of model.units) {
      const at = unit.fieldsAt?.id ?? unit.at;
      const expected = unit.file
        .replace(/^units\//, '')
        .replace(/\.ya?ml$/, '');
      if (unit.id !== expected) {
        problems.push(
          error(
            'unit-id-file-name',
            at,
            `unit id "${unit.id}" does not match the file name ${unit.file}`,
            `rename the file to units/${unit.id}.yaml or set id: ${expected}`,
          ),
        );
      }
      const key = unit.id.toLowerCase();
      const first = seen.get(key);
      if (first !== undefined) {
        problems.push(
          error(
            'unique-id',
            at,
            `unit id "${unit.id}" is already used by ${first}`,
            'give each unit its own id',
          ),
        );
      } else {
        seen.set(key, where(at));
      }
    }
    return problems;
  },
};
