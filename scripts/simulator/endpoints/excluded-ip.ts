/**
 * Excluded IPs (`/api/2.0/fo/asset/excluded_ip/`): list (merged ranges,
 * expired entries dropped), add with a required comment and optional
 * expiry_days, remove and remove_all with a required comment.
 */
import { AddressSet } from '../../net/address-set.ts';
import type { EndpointSpec, SimContext } from '../context.ts';
import type { SimExcludedIp } from '../data.ts';
import { invalid } from '../request-error.ts';
import { el, envelope, isoSeconds, simpleReturn } from '../xml-render.ts';

export const PATH = '/api/2.0/fo/asset/excluded_ip/';
const DAY_MS = 86_400_000;

export const excludedIpEndpoint: EndpointSpec = {
  path: PATH,
  actions: {
    list: { write: false, params: ['ips', 'network_id'], handle: list },
    add: {
      write: true,
      params: ['ips', 'comment', 'expiry_days', 'dg_names', 'network_id'],
      required: ['ips', 'comment'],
      handle: add,
    },
    remove: {
      write: true,
      params: ['ips', 'comment', 'network_id'],
      required: ['ips', 'comment'],
      handle: remove,
    },
    remove_all: {
      write: true,
      params: ['comment'],
      required: ['comment'],
      handle: removeAll,
    },
  },
};

function current(ctx: SimContext): SimExcludedIp[] {
  const now = ctx.now.getTime();
  ctx.data.excludedIps = ctx.data.excludedIps.filter(
    (e) => e.expiresOn === undefined || Date.parse(e.expiresOn) > now,
  );
  return ctx.data.excludedIps;
}

function list(ctx: SimContext) {
  const filter = ctx.params.addresses('ips');
  let set = AddressSet.parse(current(ctx).map((e) => e.ip));
  if (filter) set = set.intersect(filter);
  const items = set
    .toQualys()
    .map((ip) => (ip.includes('-') ? el('IP_RANGE', ip) : el('IP', ip)));
  const ipSet = items.length > 0 ? `<IP_SET>${items.join('')}</IP_SET>\n` : '';
  const body = `<RESPONSE>\n${el('DATETIME', isoSeconds(ctx.now))}\n${ipSet}</RESPONSE>\n`;
  const dtd = `${PATH}ip_list_output.dtd`;
  return {
    body: envelope({ baseUrl: ctx.baseUrl, root: 'IP_LIST_OUTPUT', dtd }, [
      body,
    ]),
  };
}

function add(ctx: SimContext) {
  const { params } = ctx;
  const comment = checkedComment(ctx);
  const ips = params.addresses('ips') ?? AddressSet.empty();
  if (ips.ranges(6).length > 0) throw invalid('ips', params.get('ips') ?? '');
  const days = params.int('expiry_days', 1, 3650);
  const expiresOn =
    days === undefined
      ? undefined
      : isoSeconds(new Date(ctx.now.getTime() + days * DAY_MS));
  const entries = current(ctx);
  for (const ip of ips.toQualys()) entries.push({ ip, comment, expiresOn });
  const reply = {
    text: 'IPs added to Excluded IPs list.',
    items: [['Added IPs', ips.toQualys().join(',')]] as [string, string][],
  };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

function remove(ctx: SimContext) {
  checkedComment(ctx);
  const removed = ctx.params.addresses('ips') ?? AddressSet.empty();
  const kept: SimExcludedIp[] = [];
  for (const entry of current(ctx)) {
    const rest = AddressSet.parse([entry.ip]).subtract(removed);
    for (const ip of rest.toQualys()) kept.push({ ...entry, ip });
  }
  ctx.data.excludedIps = kept;
  const reply = {
    text: 'Removed IPs from Excluded IPs list.',
    items: [['Removed IPs', removed.toQualys().join(',')]] as [
      string,
      string,
    ][],
  };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

function removeAll(ctx: SimContext) {
  checkedComment(ctx);
  ctx.data.excludedIps = [];
  const reply = { text: 'Removed all IPs from Excluded IPs list.' };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

/** @throws SimRequestError 1905 for an empty comment or one over 1024 characters. */
function checkedComment(ctx: SimContext): string {
  const comment = ctx.params.get('comment') ?? '';
  if (comment.trim() === '' || comment.length > 1024)
    throw invalid('comment', comment);
  return comment;
}
