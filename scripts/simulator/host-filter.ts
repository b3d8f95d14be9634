/**
 * Host selection shared by the host list, the detection list and purge:
 * IDs, addresses, asset groups by ID or title, and scan dates.
 */
import { AddressSet } from '../net/address-set.ts';
import type { SimContext } from './context.ts';
import type { SimHost } from './data.ts';
import { hostIn } from './host-source.ts';
import { inIdRanges } from './params.ts';
import { invalid, onlyOneOf } from './request-error.ts';

export const HOST_FILTER_PARAMS = [
  'ids',
  'id_min',
  'id_max',
  'ips',
  'ag_ids',
  'ag_titles',
  'no_vm_scan_since',
  'vm_scan_since',
] as const;

export type HostPredicate = (host: SimHost) => boolean;

/** @throws SimRequestError 1904 or 1905 for conflicting or bad filters. */
export function hostFilter(ctx: SimContext): HostPredicate {
  const { params } = ctx;
  if (params.has('ag_ids') && params.has('ag_titles')) {
    throw onlyOneOf(['ag_ids', 'ag_titles']);
  }
  const ids = params.idRanges('ids');
  const idMax = params.int('id_max');
  const ips = params.addresses('ips');
  const groups = groupSet(ctx);
  const notSince = params.date('no_vm_scan_since');
  const since = params.date('vm_scan_since');

  return (host) => {
    const id = Number(host.id);
    if (ids && !inIdRanges(id, ids)) return false;
    if (idMax !== undefined && id > idMax) return false;
    if (ips && !hostIn(host, ips)) return false;
    if (groups && !hostIn(host, groups)) return false;
    const scanned = host.lastVmScannedDate
      ? Date.parse(host.lastVmScannedDate)
      : undefined;
    if (notSince && scanned !== undefined && scanned >= notSince.getTime())
      return false;
    if (since && (scanned === undefined || scanned < since.getTime()))
      return false;
    return true;
  };
}

/** The union of the named groups' addresses, or undefined when not asked. */
function groupSet(ctx: SimContext): AddressSet | undefined {
  const { params, data } = ctx;
  const ids = params.list('ag_ids');
  const titles = params.list('ag_titles');
  if (!ids && !titles) return undefined;

  let set = AddressSet.empty();
  for (const key of ids ?? titles ?? []) {
    const group = data.assetGroups.find((g) =>
      ids ? g.id === key : g.title === key,
    );
    if (!group) throw invalid(ids ? 'ag_ids' : 'ag_titles', key);
    set = set.union(AddressSet.parse(group.ips));
  }
  return set;
}
