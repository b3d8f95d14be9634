/**
 * The live Qualys API as a findings source: host detections streamed page
 * by page (open statuses, the severities the policy needs), then the
 * KnowledgeBase for the QIDs kept, through a cache in the state store.
 */
import type { StateStore } from '../delivery/state-store.ts';
import { log } from '../output/logger.ts';
import type { PolicyModel } from '../policy/model.ts';
import type { QualysClient } from '../qualys/types.ts';
import type { FindingsSource, Vulnerability } from './model.ts';
import { fromDetectionHost, fromKbVuln } from './qualys-records.ts';

const CACHE_KEY = 'kb/cache.json';
/** KB entries change when Qualys revises them; a month old is refetched. */
const CACHE_DAYS = 30;

interface CacheEntry {
  fetchedOn: string;
  vuln: Vulnerability;
}

export interface ApiSourceOptions {
  cache?: StateStore;
  today?: string;
}

/** Builds the source; nothing is called until it is iterated. */
export function openApiSource(
  client: QualysClient,
  model: PolicyModel,
  options: ApiSourceOptions = {},
): FindingsSource {
  const reports = model.program.reports;
  // A reclassification can move a QID into the reported severities, so
  // its original severity is fetched too.
  const severities = new Set<number>([
    ...reports.severities,
    ...model.reclassifications.map((r) => r.from),
  ]);
  return {
    name: 'Qualys API',
    async *batches() {
      const pages = client.streamDetections({
        status: ['New', 'Active', 'Re-Opened'],
        severities: [...severities].sort(),
        showResults: true,
        includeIgnored: false,
        includeDisabled: false,
        includeVulnType: reports.confirmedOnly ? 'confirmed' : undefined,
      });
      for await (const hosts of pages) yield hosts.map(fromDetectionHost);
    },
    vulnerabilities: (qids) => cachedKb(client, qids, options),
  };
}

/**
 * KB facts for the QIDs, fetching only those the cache lacks or holds
 * too long; the cache is rewritten when anything was fetched.
 * @throws the client's errors; a cache that cannot be read is ignored.
 */
async function cachedKb(
  client: QualysClient,
  qids: number[],
  options: ApiSourceOptions,
): Promise<Map<number, Vulnerability>> {
  const today = options.today ?? new Date().toISOString().slice(0, 10);
  const cache = await readCache(options.cache);
  const fresh = (entry: CacheEntry | undefined) =>
    entry !== undefined &&
    (Date.parse(today) - Date.parse(entry.fetchedOn)) / 86_400_000 < CACHE_DAYS;
  const missing = qids.filter((qid) => !fresh(cache[qid]));

  if (missing.length > 0) {
    const fetched = await client.listKb(missing, { details: 'All' });
    for (const vuln of fetched) {
      cache[vuln.qid] = { fetchedOn: today, vuln: fromKbVuln(vuln) };
    }
    await options.cache?.write(
      CACHE_KEY,
      `${JSON.stringify(cache)}\n`,
      `kb cache: ${fetched.length} QIDs fetched`,
    );
  }
  log.debug('knowledgebase ready', {
    qids: qids.length,
    fetched: missing.length,
  });

  return new Map(
    qids.flatMap((qid) => {
      const entry = cache[qid];
      return entry ? [[qid, entry.vuln] as const] : [];
    }),
  );
}

async function readCache(
  store: StateStore | undefined,
): Promise<Record<number, CacheEntry>> {
  const text = await store?.read(CACHE_KEY);
  if (text === undefined) return {};
  try {
    return JSON.parse(text) as Record<number, CacheEntry>;
  } catch {
    log.warn('knowledgebase cache unreadable, fetching again', {
      key: CACHE_KEY,
    });
    return {};
  }
}
