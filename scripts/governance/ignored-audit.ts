/**
 * The ignored-vulnerability audit: every detection someone marked ignored
 * in Qualys, by unit, with the ones that must never be ignored (the
 * never-ignore list: weak ciphers and the like) and every ignored severity
 * 4 or 5 flagged for ISO.
 */
import { compareAddresses } from '../net/address-order.ts';
import type { PolicyModel } from '../policy/model.ts';
import type {
  DetectionFilter,
  DetectionHost,
  QualysClient,
} from '../qualys/types.ts';
import { UNASSIGNED, type UnitLookup } from './unit-index.ts';

export type AuditFlag = 'never-ignore' | 'severity-4-5';

export interface IgnoredDetection {
  hostId: string;
  address: string;
  dns?: string;
  unit: string;
  group?: string;
  qid: number;
  title: string;
  severity: number;
  type: string;
  port?: number;
  status?: string;
  lastFound?: string;
  flags: AuditFlag[];
}

/** Open detections, ignored ones included (Qualys leaves them out by default). */
export const IGNORED_FILTER: DetectionFilter = {
  includeIgnored: true,
  status: ['New', 'Active', 'Re-Opened'],
  showResults: false,
};

/**
 * Reads every page and keeps the ignored detections, sorted by unit,
 * address and QID.
 */
export async function collectIgnored(
  pages: AsyncIterable<DetectionHost[]>,
  model: PolicyModel,
  lookup: UnitLookup,
): Promise<IgnoredDetection[]> {
  const neverIgnore = new Set(model.neverIgnore.map((n) => n.qid));
  const found: IgnoredDetection[] = [];
  for await (const page of pages) {
    for (const host of page) {
      const address = host.ip ?? host.ipv6 ?? '';
      const owner = lookup.ownerOf(address);
      for (const d of host.detections) {
        if (!d.isIgnored) continue;
        const flags: AuditFlag[] = [];
        if (neverIgnore.has(d.qid)) flags.push('never-ignore');
        if (d.severity >= 4) flags.push('severity-4-5');
        found.push({
          hostId: host.id,
          address,
          dns: host.dns,
          unit: owner?.unit ?? UNASSIGNED,
          group: owner?.group,
          qid: d.qid,
          title: model.kb.get(d.qid)?.title ?? `QID ${d.qid}`,
          severity: d.severity,
          type: d.type,
          port: d.port,
          status: d.status,
          lastFound: d.lastFound?.slice(0, 10),
          flags,
        });
      }
    }
  }
  return found.sort(
    (a, b) =>
      a.unit.localeCompare(b.unit) ||
      compareAddresses(a.address, b.address) ||
      a.qid - b.qid ||
      (a.port ?? 0) - (b.port ?? 0),
  );
}

/**
 * Titles from the Qualys KnowledgeBase for QIDs the snapshot does not hold,
 * so ISO reads a name rather than a number.
 */
export async function fillTitles(
  found: IgnoredDetection[],
  client: Pick<QualysClient, 'listKb'>,
): Promise<void> {
  const unknown = [
    ...new Set(
      found.filter((f) => f.title === `QID ${f.qid}`).map((f) => f.qid),
    ),
  ];
  if (unknown.length === 0) return;
  const titles = new Map(
    (await client.listKb(unknown)).map((v) => [v.qid, v.title]),
  );
  for (const f of found) f.title = titles.get(f.qid) ?? f.title;
}
