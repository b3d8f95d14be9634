/**
 * All hosts of a dataset in ascending ID order, as Qualys lists them:
 * the stored hosts merged with the bulk hosts generated on demand, starting
 * from an `id_min`.
 */
import { parseAddress } from '../net/address.ts';
import type { AddressSet } from '../net/address-set.ts';
import { bulkHost } from './bulk.ts';
import type { SimData, SimHost } from './data.ts';

export function* hostsInOrder(data: SimData, idMin = 0): Generator<SimHost> {
  const stored = data.hosts
    .filter((host) => Number(host.id) >= idMin)
    .sort((a, b) => Number(a.id) - Number(b.id));
  const bulk = data.bulk;
  let next = 0;
  if (bulk) next = Math.max(0, idMin - bulk.firstId);
  const bulkEnd = bulk ? bulk.hostCount : 0;

  let i = 0;
  while (i < stored.length || next < bulkEnd) {
    const storedHost = stored[i];
    const bulkId = bulk ? bulk.firstId + next : Infinity;
    if (storedHost && (next >= bulkEnd || Number(storedHost.id) < bulkId)) {
      i += 1;
      yield storedHost;
    } else if (bulk) {
      next += 1;
      yield bulkHost(bulk, next - 1);
    }
  }
}

/** Whether the host's address is in the set. */
export function hostIn(host: SimHost, set: AddressSet): boolean {
  try {
    const { family, value } = parseAddress(host.ip);
    return set.contains(family, value);
  } catch {
    return false;
  }
}
