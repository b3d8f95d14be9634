/**
 * Who must approve a unit's part of a plan: the CODEOWNERS owners of the
 * unit's file when the repository has that file, else the unit's owners,
 * else governance (a unit whose file is gone).
 */
import type { PolicyModel } from '../policy/model.ts';

/** Owners of a repository path, as CODEOWNERS assigns them. */
export type OwnersFor = (path: string) => string[];

export function approversOf(
  model: PolicyModel,
  unitId: string,
  ownersFor?: OwnersFor,
): string[] {
  const fromCodeowners = ownersFor?.(`units/${unitId}.yaml`) ?? [];
  if (fromCodeowners.length > 0) return [...fromCodeowners].sort();
  const unit = model.units.find((u) => u.id === unitId);
  if (unit && unit.owners.length > 0) return [...unit.owners].sort();
  return [model.program.governance.team];
}
