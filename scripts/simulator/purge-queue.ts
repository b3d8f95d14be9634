/**
 * Purges are asynchronous in Qualys: a purge call queues hosts, and they
 * disappear a little later. The simulator applies the queue at the start
 * of the next request, so a test sees "queued" first and "gone" after.
 */
import type { SimData } from './data.ts';

export function applyPurges(data: SimData): void {
  if (data.purgeQueue.length === 0) return;
  const queued = new Set(data.purgeQueue);
  data.hosts = data.hosts.filter((host) => !queued.has(host.id));
  data.purgeQueue = [];
}
