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

export function bulkHostCount(bulk: BulkHosts | undefined): number {
  return bulk ? bulk.hostCount : 0;
}

/** The bulk host at `index` (0-based), detections included. */
export function bulkHost(bulk: BulkHosts, index: number): SimHost {
  const rng = new Rng((bulk.seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
  const id = String(bulk.firstId + index);
  const base = parseAddress(bulk.firstIp);
  const ip = formatAddress(base.family, base.value + BigInt(index));
  const now = Date.parse(bulk.now);
  const lastScan = new Date(now - rng.int(0, 20) * DAY_MS);
  const scanned = `${lastScan.toISOString().slice(0, 19)}Z`;

  const detections: SimDetection[] = [];
  for (let n = 0; n < bulk.detectionsPerHost; n += 1) {
    const qid = rng.pick(bulk.qids);
    const type: DetectionType = rng.chance(0.8) ? 'Confirmed' : 'Potential';
    const first = new Date(now - rng.int(1, 400) * DAY_MS);
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
      firstFound: `${first.toISOString().slice(0, 19)}Z`,
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
