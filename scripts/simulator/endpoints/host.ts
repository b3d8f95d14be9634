/**
 * Host list and purge (`/api/2.0/fo/asset/host/`). The list pages by
 * host ID like every truncating list; details=None answers an ID_SET.
 * A purge answers BATCH_RETURN and the hosts go at the next request.
 */
import type { EndpointSpec, SimContext } from '../context.ts';
import type { SimHost } from '../data.ts';
import { hostFilter, HOST_FILTER_PARAMS } from '../host-filter.ts';
import { hostsInOrder } from '../host-source.ts';
import { responseWithPage } from '../list-page.ts';
import { atLeastOneOf } from '../request-error.ts';
import {
  batchReturn,
  el,
  elCdata,
  envelope,
  simpleReturn,
} from '../xml-render.ts';

export const PATH = '/api/2.0/fo/asset/host/';
const DETAILS = ['Basic', 'Basic/AGs', 'All', 'All/AGs', 'None'] as const;
const PURGE_SELECTORS = [
  'ids',
  'ips',
  'ag_ids',
  'ag_titles',
  'no_vm_scan_since',
];

export const hostEndpoint: EndpointSpec = {
  path: PATH,
  actions: {
    list: {
      write: false,
      params: [
        ...HOST_FILTER_PARAMS,
        'details',
        'truncation_limit',
        'show_tags',
      ],
      handle: list,
    },
    purge: {
      write: true,
      params: [...HOST_FILTER_PARAMS, 'data_scope', 'compliance_enabled'],
      handle: purge,
    },
  },
};

function list(ctx: SimContext) {
  const details = ctx.params.oneOf('details', DETAILS) ?? 'Basic';
  const keep = hostFilter(ctx);
  const idsOnly = details === 'None';
  const page = responseWithPage(ctx, {
    listTag: idsOnly ? 'ID_SET' : 'HOST_LIST',
    records: hostsInOrder(ctx.data, ctx.params.int('id_min') ?? 0),
    idOf: (host) => host.id,
    render: (host) => {
      if (!keep(host)) return undefined;
      return idsOnly ? el('ID', host.id) : renderHost(host);
    },
  });
  const dtd = `${PATH}dtd/list/output.dtd`;
  return {
    body: envelope(
      { baseUrl: ctx.baseUrl, root: 'HOST_LIST_OUTPUT', dtd, comments: true },
      page,
    ),
  };
}

function purge(ctx: SimContext) {
  if (!PURGE_SELECTORS.some((name) => ctx.params.has(name))) {
    throw atLeastOneOf(PURGE_SELECTORS);
  }
  const keep = hostFilter(ctx);
  const ids = ctx.data.hosts
    .filter(keep)
    .map((host) => host.id)
    .sort((a, b) => Number(a) - Number(b));
  if (ids.length === 0) {
    // TODO(#3): the answer to a purge that matches nothing is not documented.
    return {
      body: [
        simpleReturn(
          ctx.baseUrl,
          { text: 'No hosts found to purge.' },
          ctx.now,
        ),
      ],
    };
  }
  ctx.data.purgeQueue.push(...ids);
  return {
    body: [batchReturn(ctx.baseUrl, 'Hosts Queued for Purging', ids, ctx.now)],
  };
}

function renderHost(host: SimHost): string {
  return (
    `<HOST>${el('ID', host.id)}${el('IP', host.ip)}` +
    `${el('TRACKING_METHOD', host.trackingMethod)}${elCdata('DNS', host.dns)}` +
    `${elCdata('NETBIOS', host.netbios)}${elCdata('OS', host.os)}` +
    `${el('LAST_VULN_SCAN_DATETIME', host.lastScanDatetime)}` +
    `${el('LAST_VM_SCANNED_DATE', host.lastVmScannedDate)}</HOST>\n`
  );
}
