/**
 * Detections for generated hosts. Each host takes three to seven pool QIDs
 * in turn, so every severity and type appears; the QIDs the policy names
 * (excluded, reclassified, never-ignore) go to two hosts each. Statuses
 * cycle, first-found dates spread over 400 days, and a few detections are
 * ignored, among them the first of every never-ignore QID.
 */
import type {
  DetectionStatus,
  SimDetection,
  SimHost,
  SimKbVuln,
} from './data.ts';
import { DISABLED_QID, POOL, typeOfVuln } from './kb-pool.ts';
import type { SeedLayout } from './layout.ts';
import type { Rng } from './prng.ts';
import { isoSeconds } from './xml-render.ts';

const DAY_MS = 86_400_000;
const STATUSES: DetectionStatus[] = [
  'New',
  'Active',
  'Active',
  'Re-Opened',
  'Fixed',
];
/** Every seventeenth pool detection is ignored. */
export const IGNORED_EVERY = 17;
const PORTS = [22, 80, 443, 445, 3389, 8443];

export function specialQids(layout: SeedLayout): number[] {
  const all = [
    ...layout.excludedQids,
    ...layout.reclassified.map((r) => r.qid),
    ...layout.neverIgnore,
  ];
  return [...new Set(all)];
}

export function makeDetections(
  hosts: SimHost[],
  layout: SeedLayout,
  kb: Map<number, SimKbVuln>,
  rng: Rng,
  now: Date,
): void {
  let counter = 0;
  const add = (host: SimHost, qid: number, ignored: boolean) => {
    const vuln = kb.get(qid);
    if (!vuln) return;
    const type = typeOfVuln(vuln.vulnType);
    const first = new Date(
      now.getTime() - (10 + ((counter * 37) % 400)) * DAY_MS,
    );
    host.detections.push({
      uniqueVulnId: String(2_000_000_001 + counter),
      qid,
      type,
      severity: vuln.severity,
      port: type === 'Info' ? undefined : rng.pick(PORTS),
      protocol: type === 'Info' ? undefined : 'tcp',
      ssl: rng.chance(0.3),
      results: `Detected on ${host.ip}: version < fixed release & banner "${vuln.title}"`,
      status: type === 'Info' ? 'Active' : STATUSES[counter % STATUSES.length],
      firstFound: isoSeconds(first),
      lastFound: host.lastVmScannedDate ?? isoSeconds(now),
      timesFound: 1 + (counter % 30),
      isIgnored: ignored,
      isDisabled: qid === DISABLED_QID,
    } satisfies SimDetection);
    counter += 1;
  };

  hosts.forEach((host, i) => {
    const count = 3 + (i % 5);
    for (let j = 0; j < count; j += 1) {
      const entry = POOL[(i * 3 + j) % POOL.length];
      if (!entry) continue;
      const ignored =
        counter % IGNORED_EVERY === IGNORED_EVERY - 1 &&
        entry.vulnType !== 'Information Gathered';
      add(host, entry.qid, ignored);
    }
  });

  if (hosts.length === 0) return;
  const neverIgnore = new Set(layout.neverIgnore);
  specialQids(layout).forEach((qid, m) => {
    const a = hosts[(2 * m) % hosts.length];
    const b = hosts[(2 * m + 1) % hosts.length];
    add(a, qid, neverIgnore.has(qid));
    if (b !== a) add(b, qid, false);
  });
}
