/**
 * Ignoring and restoring detections (`/api/2.0/fo/ignore_vuln/index.php`):
 * per QID and host, at most 10 QIDs a request; Information Gathered QIDs
 * and the four QIDs Qualys protects cannot be ignored.
 */
import type { EndpointSpec, SimContext } from '../context.ts';
import { hostIn } from '../host-source.ts';
import { invalid, missing } from '../request-error.ts';
import { el, envelope } from '../xml-render.ts';

export const PATH = '/api/2.0/fo/ignore_vuln/index.php';
const PROTECTED = new Set([38175, 82043, 38228, 82051]);
const PARAMS = [
  'qids',
  'ips',
  'comments',
  'reopen_ignored_days',
  'reopen_ignored_date',
];

export const ignoreVulnEndpoint: EndpointSpec = {
  path: PATH,
  actions: {
    ignore: {
      write: true,
      params: PARAMS,
      required: ['qids', 'comments'],
      handle: (c) => change(c, true),
    },
    restore: {
      write: true,
      params: PARAMS,
      required: ['qids', 'comments'],
      handle: (c) => change(c, false),
    },
  },
};

function change(ctx: SimContext, ignore: boolean) {
  const { params } = ctx;
  const qidTexts = params.list('qids') ?? [];
  if (qidTexts.length === 0 || qidTexts.length > 10)
    throw invalid('qids', params.get('qids') ?? '');
  const qids = qidTexts.map((q) => {
    if (!/^\d+$/.test(q)) throw invalid('qids', q);
    return Number(q);
  });
  // TODO(#3): other host selectors (asset groups, tags, DNS) are not simulated.
  const ips = params.addresses('ips');
  if (!ips) throw missing(['ips']);

  const changed: string[] = [];
  for (const host of ctx.data.hosts) {
    if (!hostIn(host, ips)) continue;
    for (const d of host.detections) {
      if (!qids.includes(d.qid) || d.type === 'Info' || PROTECTED.has(d.qid))
        continue;
      if (d.isIgnored === ignore) continue;
      d.isIgnored = ignore;
      const tag = ignore ? 'IGNORED' : 'RESTORED';
      changed.push(
        `<${tag}>${el('TICKET_NUMBER', d.uniqueVulnId)}${el('QID', d.qid)}${el('IP', host.ip)}</${tag}>`,
      );
    }
  }

  const listTag = ignore ? 'IGNORED_LIST' : 'RESTORED_LIST';
  const list =
    changed.length > 0 ? `<${listTag}>${changed.join('')}</${listTag}>` : '';
  const message = `${changed.length} detection(s) ${ignore ? 'ignored' : 'restored'}`;
  const body =
    `<RESPONSE status="SUCCESS" number="0">` +
    `${el('MESSAGE', message)}${list}</RESPONSE>\n`;
  const dtd = '/api/2.0/fo/ignore_vuln/ignore_vuln_output.dtd';
  return {
    body: envelope({ baseUrl: ctx.baseUrl, root: 'IGNORE_VULN_OUTPUT', dtd }, [
      body,
    ]),
  };
}
