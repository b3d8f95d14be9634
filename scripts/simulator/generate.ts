/**
 * A deterministic dataset for a policy repository: the same layout and
 * seed always give the same hosts, detections and KnowledgeBase. Counts
 * that tests rely on come from fixed rules (every seventh host stale, QIDs
 * taken from the pool in turn), the seed only varies addresses and details.
 */
import type { SimData, SimHost } from './data.ts';
import { emptySimData } from './data.ts';
import { makeDetections, specialQids } from './generate-detections.ts';
import {
  DISABLED_QID,
  kbForUnknown,
  kbFromFact,
  kbFromPool,
  POOL,
} from './kb-pool.ts';
import type { SeedLayout } from './layout.ts';
import { placeHosts } from './placement.ts';
import { Rng } from './prng.ts';
import { isoSeconds } from './xml-render.ts';

export interface GenerateOptions {
  /** The day the data is "as of"; scan and detection dates count back from it. */
  now?: Date;
  hostsPerGroup?: number;
  ungroupedHosts?: number;
  /** Adds hosts generated on demand (benchmarks): count and detections each. */
  bulk?: { hostCount: number; detectionsPerHost: number };
}

const DAY_MS = 86_400_000;
const FIRST_HOST_ID = 1_000_001;
const OS_NAMES = [
  'Ubuntu 22.04',
  'Windows Server 2019',
  'Red Hat Enterprise Linux 8',
  'macOS 14',
  'Cisco IOS 15',
];
/** Every seventh host has not been scanned for over 90 days. */
export const STALE_EVERY = 7;

export function generateSimData(
  layout: SeedLayout,
  seed = 1,
  options: GenerateOptions = {},
): SimData {
  const rng = new Rng(seed);
  const now = options.now ?? new Date();
  const data = emptySimData();

  data.appliances = layout.appliances.map((a, i) => ({
    id: String(100_001 + i),
    name: a.name,
    status: 'Online',
  }));
  data.optionProfiles = [
    { id: '500001', title: layout.optionProfiles.default, isDefault: true },
    {
      id: '500002',
      title: layout.optionProfiles.lowIntensity,
      isDefault: false,
    },
  ];
  data.kb = buildKb(layout);
  data.customizedKb = [
    {
      qid: DISABLED_QID,
      disabled: true,
      datetime: isoSeconds(new Date(now.getTime() - 30 * DAY_MS)),
    },
  ];

  const placements = placeHosts(
    layout,
    rng,
    options.hostsPerGroup ?? 6,
    options.ungroupedHosts ?? 4,
  );
  const kbByQid = new Map(data.kb.map((v) => [v.qid, v]));
  data.hosts = placements.map((p, i): SimHost => {
    const stale = i % STALE_EVERY === STALE_EVERY - 1;
    const daysAgo = stale ? 100 + (i % 60) : rng.int(1, 20);
    const scanned = isoSeconds(new Date(now.getTime() - daysAgo * DAY_MS));
    const id = String(FIRST_HOST_ID + i);
    const name = `${p.unit ?? 'unassigned'}-${i + 1}`;
    return {
      id,
      ip: p.ip,
      trackingMethod: 'IP',
      dns: `${name}.example.edu`,
      netbios: name.toUpperCase().slice(0, 15),
      os: rng.pick(OS_NAMES),
      lastScanDatetime: scanned,
      lastVmScannedDate: scanned,
      detections: [],
    };
  });
  makeDetections(data.hosts, layout, kbByQid, rng, now);

  data.assetGroups = handMadeGroups(data.hosts, now);
  const firstExclusion = layout.excludeFromScan[0];
  if (firstExclusion)
    data.excludedIps = [
      { ip: firstExclusion, comment: 'Added in the Qualys UI' },
    ];
  if (options.bulk) {
    data.bulk = {
      seed,
      hostCount: options.bulk.hostCount,
      detectionsPerHost: options.bulk.detectionsPerHost,
      firstId: 50_000_001,
      firstIp: '100.64.0.0',
      qids: data.kb
        .filter((v) => v.vulnType !== 'Information Gathered')
        .map((v) => v.qid),
      now: isoSeconds(now),
    };
  }
  return data;
}

function buildKb(layout: SeedLayout) {
  const kb = new Map(POOL.map((entry) => [entry.qid, kbFromPool(entry)]));
  for (const fact of layout.kbFacts) kb.set(fact.qid, kbFromFact(fact));
  for (const qid of specialQids(layout))
    if (!kb.has(qid)) kb.set(qid, kbForUnknown(qid));
  return [...kb.values()].sort((a, b) => a.qid - b.qid);
}

/** Two groups someone made by hand in the Qualys UI: sync must leave them alone. */
function handMadeGroups(hosts: SimHost[], now: Date): SimData['assetGroups'] {
  const lastUpdate = isoSeconds(new Date(now.getTime() - 200 * DAY_MS));
  const ips = (from: number, count: number) =>
    hosts.slice(from, from + count).map((h) => h.ip);
  return [
    {
      id: '3000001',
      title: 'Lab printers',
      ips: ips(0, 2),
      applianceIds: [],
      comments: 'Made by hand for the print lab',
      ownerUserId: '1002',
      lastUpdate,
    },
    {
      id: '3000002',
      title: 'Old web servers',
      ips: ips(hosts.length - 1, 1),
      applianceIds: [],
      ownerUserId: '1003',
      lastUpdate,
    },
  ];
}
