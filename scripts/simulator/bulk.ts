/**
 * Hosts generated on demand from a recipe, for datasets too large to keep
 * (a hundred thousand hosts, two million detections): host `i` is always
 * the same, computed from the seed and its index, and only the page being
 * written exists in memory.
 */
import { formatAddress, parseAddress } from '../net/address.ts';
import type {
  BulkHosts,
  DetectionStatus,
  DetectionType,
  SimDetection,
  SimHost,
} from './data.ts';
import { Rng } from './prng.ts';

const STATUSES: DetectionStatus[] = [
  'New',
  'Active',
  'Active',
  'Re-Opened',
  'Fixed',
];
const DAY_MS = 86_400_000;

interface Prepared {
  base: ReturnType<typeof parseAddress>;
  /** `days[n]` is the date n days before the recipe's now. */
  days: string[];
}

// Parsing the first address and printing dates once per recipe, not per
// host, is most of what keeps two million detections quick to write.
const cache = new WeakMap<BulkHosts, Prepared>();

function prepared(bulk: BulkHosts): Prepared {
  let found = cache.get(bulk);
  if (!found) {
    const now = Date.parse(bulk.now);
    const days = Array.from(
      { length: 401 },
      (_, n) => `${new Date(now - n * DAY_MS).toISOString().slice(0, 19)}Z`,
    );
    found = { base: parseAddress(bulk.firstIp), days };
    cache.set(bulk, found);
  }
  return found;
}

export function bulkHostCount(bulk: BulkHosts | undefined): number {
  return bulk ? bulk.hostCount : 0;
}

/** The bulk host at `index` (0-based), detections included. */
export function bulkHost(bulk: BulkHosts, index: number): SimHost {
  const rng = new Rng((bulk.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const id = String(bulk.firstId + index);
  const { base, days } = prepared(bulk);
  const ip = formatAddress(base.family, base.value + BigInt(index));
  const scanned = days[rng.int(0, 20)];

  const detections: SimDetection[] = [];
  for (let n = 0; n < bulk.detectionsPerHost; n += 1) {
    const qid = rng.pick(bulk.qids);
    const type: DetectionType = rng.chance(0.8) ? 'Confirmed' : 'Potential';
    const first = days[rng.int(1, 400)];
    detections.push({
      uniqueVulnId: String(5_000_000_000 + (bulk.firstId + index) * 100 + n),
      qid,
      type,
      severity: 1 + (qid % 5),
      port: rng.pick([22, 80, 443, 3389, 8443]),
      protocol: 'tcp',
      ssl: rng.chance(0.3),
      results: `Simulated result ${n} for QID ${qid}`,
      status: rng.pick(STATUSES),
      firstFound: first,
      lastFound: scanned,
      timesFound: rng.int(1, 40),
      isIgnored: false,
      isDisabled: false,
    });
  }
  return {
    id,
    ip,
    trackingMethod: 'IP',
    dns: `bulk-${id}.example.edu`,
    os: rng.pick(['Linux 5.x', 'Windows Server 2019', 'Ubuntu 22.04']),
    lastScanDatetime: scanned,
    lastVmScannedDate: scanned,
    detections,
  };
}
