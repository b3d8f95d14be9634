/**
 * The edit action of asset groups: list members change through
 * set_/add_/remove_ triads (set excludes the other two), scalars through
 * set_ only.
 */
import { AddressSet } from '../../net/address-set.ts';
import type { SimContext } from '../context.ts';
import type { SimAssetGroup, SimData } from '../data.ts';
import { invalid, onlyOneOf } from '../request-error.ts';

export const IMPACTS = ['critical', 'high', 'medium', 'low', 'none'] as const;

export const EDIT_PARAMS = [
  'set_ips',
  'add_ips',
  'remove_ips',
  'set_appliance_ids',
  'add_appliance_ids',
  'remove_appliance_ids',
  'set_title',
  'set_comments',
  'set_division',
  'set_function',
  'set_location',
  'set_business_impact',
  'set_default_appliance_id',
] as const;

/** @throws SimRequestError 1904 or 1905 for a bad combination or value. */
export function applyEdit(ctx: SimContext, group: SimAssetGroup): void {
  const { params, data } = ctx;
  for (const member of ['ips', 'appliance_ids']) {
    if (
      params.has(`set_${member}`) &&
      (params.has(`add_${member}`) || params.has(`remove_${member}`))
    ) {
      throw onlyOneOf([`set_${member}`, `add_${member}`, `remove_${member}`]);
    }
  }

  const title = params.get('set_title');
  if (title !== undefined) {
    const taken = data.assetGroups.some(
      (g) => g !== group && g.title === title,
    );
    if (title.trim() === '' || taken) throw invalid('set_title', title);
  }
  const impact = params.oneOf('set_business_impact', IMPACTS);
  const ips = editIps(ctx, group);
  const appliances = editAppliances(ctx, group);
  const defaultId = params.get('set_default_appliance_id');
  if (defaultId) checkAppliances(data, 'set_default_appliance_id', [defaultId]);

  if (title !== undefined) group.title = title;
  if (impact !== undefined) group.businessImpact = impact;
  group.ips = ips;
  group.applianceIds = appliances;
  if (defaultId !== undefined)
    group.defaultApplianceId = defaultId || undefined;
  const comments = params.get('set_comments');
  if (comments !== undefined) group.comments = comments;
  const division = params.get('set_division');
  if (division !== undefined) group.division = division;
}

function editIps(ctx: SimContext, group: SimAssetGroup): string[] {
  const { params } = ctx;
  const set = params.addresses('set_ips');
  if (set) return set.toQualys();
  let current = AddressSet.parse(group.ips);
  const added = params.addresses('add_ips');
  const removed = params.addresses('remove_ips');
  if (added) current = current.union(added);
  if (removed) current = current.subtract(removed);
  return current.toQualys();
}

function editAppliances(ctx: SimContext, group: SimAssetGroup): string[] {
  const { params, data } = ctx;
  const set = params.list('set_appliance_ids');
  const added = params.list('add_appliance_ids') ?? [];
  const removed = params.list('remove_appliance_ids') ?? [];
  checkAppliances(data, 'set_appliance_ids', set ?? []);
  checkAppliances(data, 'add_appliance_ids', added);
  if (set) return set;
  const result = group.applianceIds.filter((id) => !removed.includes(id));
  for (const id of added) if (!result.includes(id)) result.push(id);
  return result;
}

/** @throws SimRequestError 1905 when an appliance ID is unknown. */
export function checkAppliances(
  data: SimData,
  name: string,
  ids: string[],
): void {
  for (const id of ids) {
    if (!data.appliances.some((a) => a.id === id))
      throw invalid(name, ids.join(','));
  }
}
