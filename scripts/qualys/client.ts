/**
 * The Qualys client: every call the project makes, over one transport
 * with its limits, retries and paging. Reads retry transient failures;
 * a write is sent once, and an unclear outcome throws with
 * `maybeApplied: true` so the caller re-reads the state before acting.
 */
import { registerSecret } from '../output/logger.ts';
import { Caller, type CallSpec } from './caller.ts';
import { ENDPOINTS } from './endpoints.ts';
import { Limits } from './limits.ts';
import { pages } from './paging.ts';
import {
  assetGroupAddForm,
  assetGroupEditForm,
  assetGroupListForm,
  detectionForm,
  form,
  hostListForm,
  kbEditForm,
  type Form,
} from './params.ts';
import { parseAssetGroupPage, parseHostPage } from './parse-assets.ts';
import { parseDetectionPage } from './parse-detections.ts';
import { parseKbResponse } from './parse-kb.ts';
import {
  parseAppliances,
  parseBatchIds,
  parseExcludedIps,
  parseOptionProfiles,
} from './parse-setup.ts';
import { apiError, expectRoot, readSimpleReturn } from './response.ts';
import { Transport } from './transport.ts';
import type { KbVuln, QualysClient, QualysConfig } from './types.ts';
import { XmlShapeError } from './xml.ts';

/** QIDs per KnowledgeBase request, to keep each request's form small. */
export const KB_CHUNK = 500;

const realSleep = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Builds a client; nothing is sent until a method is called. */
export function createClient(config: QualysConfig): QualysClient {
  registerSecret(config.password);
  const sleep = config.sleep ?? realSleep;
  const now = config.now ?? (() => new Date());
  const maxWaitSeconds = config.maxWaitSeconds ?? 300;
  const transport = new Transport({
    baseUrl: config.baseUrl,
    username: config.username,
    password: config.password,
    userAgent: config.userAgent ?? 'vmgov',
    timeoutMs: config.timeoutMs ?? 120_000,
  });
  const limits = new Limits({
    reserveCalls: config.reserveCalls ?? 10,
    maxConcurrency: config.maxConcurrency ?? 2,
    maxWaitSeconds,
    sleep,
    now,
  });
  const caller = new Caller(transport, limits, {
    retries: config.retries ?? 3,
    backoffMs: config.backoffMs ?? 1000,
    maxWaitSeconds,
    limitRetries: 10,
    sleep,
    now,
  });

  const read = <T>(
    path: string,
    action: string,
    params: Form,
    parse: (body: string) => T,
  ): Promise<T> => caller.call({ path, action, params, write: false, parse });
  const write = (
    path: string,
    action: string,
    params: Form,
  ): Promise<string[]> =>
    caller.call({ path, action, params, write: true, parse: simpleIds });
  const all = async <P extends { nextUrl?: string }, R>(
    spec: CallSpec<P>,
    pick: (page: P) => R[],
  ): Promise<R[]> => {
    const out: R[] = [];
    for await (const page of pages(caller, spec)) out.push(...pick(page));
    return out;
  };
  const kbPages = (params: Form, action = 'list'): Promise<KbVuln[]> =>
    all(
      {
        path: ENDPOINTS.knowledgeBase,
        action,
        params,
        write: false,
        parse: parseKbResponse,
      },
      (page) => page.vulns,
    );

  return {
    listAssetGroups: (filter) =>
      all(
        {
          path: ENDPOINTS.assetGroup,
          action: 'list',
          params: assetGroupListForm(filter),
          write: false,
          parse: parseAssetGroupPage,
        },
        (page) => page.groups,
      ),
    addAssetGroup: async (fields) => {
      const ids = await write(
        ENDPOINTS.assetGroup,
        'add',
        assetGroupAddForm(fields),
      );
      const [id] = ids;
      if (id === undefined) {
        throw new XmlShapeError('asset group added but Qualys returned no ID', {
          kind: 'unexpected',
        });
      }
      return id;
    },
    editAssetGroup: async (id, changes) => {
      await write(
        ENDPOINTS.assetGroup,
        'edit',
        assetGroupEditForm(id, changes),
      );
    },
    deleteAssetGroup: async (id) => {
      await write(ENDPOINTS.assetGroup, 'delete', form({ id }));
    },
    listHosts: (filter) =>
      all(
        {
          path: ENDPOINTS.host,
          action: 'list',
          params: hostListForm(filter),
          write: false,
          parse: parseHostPage,
        },
        (page) => page.hosts,
      ),
    purgeHosts: (ids) =>
      caller.call({
        path: ENDPOINTS.host,
        action: 'purge',
        params: form({ ids }),
        write: true,
        parse: parseBatchIds,
      }),
    streamDetections: (filter) => streamHosts(caller, detectionForm(filter)),
    listKb: async (qids, options = {}) => {
      const out: KbVuln[] = [];
      for (let start = 0; start < qids.length; start += KB_CHUNK) {
        const chunk = qids.slice(start, start + KB_CHUNK);
        const params = form({
          details: options.details ?? 'All',
          ids: chunk,
          show_disabled_flag: true,
        });
        out.push(...(await kbPages(params)));
      }
      return out;
    },
    editKb: async (qid, changes) => {
      await write(ENDPOINTS.knowledgeBase, 'edit', kbEditForm(qid, changes));
    },
    resetKb: async (qid) => {
      await write(ENDPOINTS.knowledgeBase, 'reset', form({ qid }));
    },
    listCustomizedKb: () => kbPages({}, 'custom'),
    listExcludedIps: () =>
      read(ENDPOINTS.excludedIp, 'list', {}, parseExcludedIps),
    addExcludedIps: async (ips, comment, expiryDays) => {
      await write(
        ENDPOINTS.excludedIp,
        'add',
        form({ ips, comment, expiry_days: expiryDays }),
      );
    },
    removeExcludedIps: async (ips, comment) => {
      await write(ENDPOINTS.excludedIp, 'remove', form({ ips, comment }));
    },
    listAppliances: () =>
      read(
        ENDPOINTS.appliance,
        'list',
        { output_mode: 'brief' },
        parseAppliances,
      ),
    listOptionProfiles: () =>
      read(ENDPOINTS.optionProfile, 'list', {}, parseOptionProfiles),
    stats: () => ({
      calls: caller.stats.calls,
      byEndpoint: { ...caller.stats.byEndpoint },
      retries: caller.stats.retries,
    }),
  };
}

/** Detection pages as they arrive: one page in memory at a time. */
async function* streamHosts(caller: Caller, params: Form) {
  const spec = {
    path: ENDPOINTS.detection,
    action: 'list',
    params,
    write: false,
    parse: parseDetectionPage,
  };
  for await (const page of pages(caller, spec)) yield page.hosts;
}

/**
 * A write's SIMPLE_RETURN: its ITEM ID values (a new group's ID).
 * @throws QualysApiError when the return carries an error CODE.
 */
function simpleIds(body: string): string[] {
  const { node } = expectRoot(body, ['SIMPLE_RETURN']);
  const message = readSimpleReturn(node);
  // Some successes put their message in CODE; only a bare number is an error.
  if (message.code !== undefined && /^\d+$/.test(message.code)) {
    throw apiError(message, 200);
  }
  return message.items.get('ID') ?? [];
}
