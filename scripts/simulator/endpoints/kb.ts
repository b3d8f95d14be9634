/**
 * KnowledgeBase (`/api/2.0/fo/knowledge_base/vuln/`): list with
 * details Basic/All/None, and the customisation actions edit, reset and
 * custom (Managers only in Qualys; the simulator's user is a Manager).
 */
import type { EndpointSpec, SimContext } from '../context.ts';
import type { SimKbVuln } from '../data.ts';
import { inIdRanges } from '../params.ts';
import { invalid } from '../request-error.ts';
import { el, envelope, isoSeconds, simpleReturn } from '../xml-render.ts';
import { customizationsByQid } from './kb-customization.ts';
import { renderVuln, type KbDetails } from './kb-render.ts';

export const PATH = '/api/2.0/fo/knowledge_base/vuln/';
const DTD = `${PATH}knowledge_base_vuln_list_output.dtd`;

export const kbEndpoint: EndpointSpec = {
  path: PATH,
  actions: {
    list: {
      write: false,
      params: [
        'details',
        'ids',
        'id_min',
        'id_max',
        'is_patchable',
        'show_disabled_flag',
        'last_modified_after',
        'published_after',
      ],
      handle: list,
    },
    custom: { write: false, params: [], handle: custom },
    edit: {
      write: true,
      params: [
        'qid',
        'severity',
        'disable',
        'threat_comment',
        'impact_comment',
        'solution_comment',
      ],
      required: ['qid'],
      handle: edit,
    },
    reset: { write: true, params: ['qid'], required: ['qid'], handle: reset },
  },
};

function list(ctx: SimContext) {
  const { params } = ctx;
  const details =
    params.oneOf('details', ['Basic', 'All', 'None'] as const) ?? 'Basic';
  const ids = params.idRanges('ids');
  const idMin = params.int('id_min') ?? 0;
  const idMax = params.int('id_max');
  const patchable = params.has('is_patchable')
    ? params.flag('is_patchable')
    : undefined;
  const showDisabled = params.flag('show_disabled_flag');
  const modifiedAfter = params.date('last_modified_after');
  const publishedAfter = params.date('published_after');
  const vulns = ctx.data.kb
    .filter((v) => v.qid >= idMin && (idMax === undefined || v.qid <= idMax))
    .filter((v) => !ids || inIdRanges(v.qid, ids))
    .filter((v) => patchable === undefined || v.patchable === patchable)
    .filter(
      (v) =>
        !modifiedAfter ||
        after(v.lastServiceModificationDatetime, modifiedAfter),
    )
    .filter(
      (v) => !publishedAfter || after(v.publishedDatetime, publishedAfter),
    )
    .sort((a, b) => a.qid - b.qid);
  return { body: envelopeFor(ctx, vulns, details, showDisabled) };
}

function custom(ctx: SimContext) {
  const qids = new Set(ctx.data.customizedKb.map((c) => c.qid));
  const vulns = ctx.data.kb
    .filter((v) => qids.has(v.qid))
    .sort((a, b) => a.qid - b.qid);
  return { body: envelopeFor(ctx, vulns, 'Basic', true) };
}

function edit(ctx: SimContext) {
  const { params, data } = ctx;
  const qid = knownQid(ctx);
  const severity = params.int('severity', 1, 5);
  const disable = params.has('disable') ? params.flag('disable') : undefined;
  const existing = data.customizedKb.find((c) => c.qid === qid);
  const entry = existing ?? {
    qid,
    disabled: false,
    datetime: isoSeconds(ctx.now),
  };
  if (severity !== undefined) entry.severity = severity;
  if (disable !== undefined) entry.disabled = disable;
  entry.datetime = isoSeconds(ctx.now);
  if (!existing) data.customizedKb.push(entry);
  const reply = {
    text: 'Vulnerability edited successfully.',
    items: [['QID', String(qid)]] as [string, string][],
  };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

function reset(ctx: SimContext) {
  const qid = knownQid(ctx);
  ctx.data.customizedKb = ctx.data.customizedKb.filter((c) => c.qid !== qid);
  const reply = {
    text: 'Vulnerability reset successfully.',
    items: [['QID', String(qid)]] as [string, string][],
  };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

/** @throws SimRequestError 1905 when the QID is not in the KnowledgeBase. */
function knownQid(ctx: SimContext): number {
  const qid = ctx.params.int('qid', 1) ?? 0;
  if (!ctx.data.kb.some((v) => v.qid === qid))
    throw invalid('qid', String(qid));
  return qid;
}

function* envelopeFor(
  ctx: SimContext,
  vulns: SimKbVuln[],
  details: KbDetails,
  showDisabled: boolean,
): Generator<string> {
  const custom = customizationsByQid(ctx.data);
  const parts = function* (): Generator<string> {
    yield `<RESPONSE>\n${el('DATETIME', isoSeconds(ctx.now))}\n`;
    if (vulns.length > 0 && details === 'None') {
      yield `<ID_SET>${vulns.map((v) => el('ID', v.qid)).join('')}</ID_SET>\n`;
    } else if (vulns.length > 0) {
      yield '<VULN_LIST>\n';
      for (const v of vulns)
        yield renderVuln(v, custom.get(v.qid), details, showDisabled);
      yield '</VULN_LIST>\n';
    }
    yield '</RESPONSE>\n';
  };
  yield* envelope(
    {
      baseUrl: ctx.baseUrl,
      root: 'KNOWLEDGE_BASE_VULN_LIST_OUTPUT',
      dtd: DTD,
      comments: true,
    },
    parts(),
  );
}

function after(value: string | undefined, limit: Date): boolean {
  return value !== undefined && Date.parse(value) > limit.getTime();
}
