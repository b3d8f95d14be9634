/**
 * Asset groups (`/api/2.0/fo/asset/group/`): list with `show_attributes`,
 * add, edit with the set_/add_/remove_ triads and set-only scalars, delete.
 */
import { AddressSet } from '../../net/address-set.ts';
import {
  nextNumericId,
  type EndpointSpec,
  type SimContext,
} from '../context.ts';
import type { SimAssetGroup } from '../data.ts';
import { responseWithPage } from '../list-page.ts';
import { inIdRanges } from '../params.ts';
import { invalid } from '../request-error.ts';
import { envelope, isoSeconds, simpleReturn } from '../xml-render.ts';
import { renderAssetGroup, showAttributes } from './asset-group-render.ts';
import {
  applyEdit,
  EDIT_PARAMS,
  checkAppliances,
  IMPACTS,
} from './asset-group-edit.ts';

export const PATH = '/api/2.0/fo/asset/group/';
const SIM_OWNER_ID = '1001';

export const assetGroupEndpoint: EndpointSpec = {
  path: PATH,
  actions: {
    list: {
      write: false,
      params: [
        'ids',
        'id_min',
        'id_max',
        'truncation_limit',
        'title',
        'show_attributes',
        'network_ids',
        'unit_id',
        'user_id',
        'output_format',
      ],
      handle: list,
    },
    add: {
      write: true,
      params: [
        'title',
        'comments',
        'division',
        'function',
        'location',
        'business_impact',
        'ips',
        'appliance_ids',
        'default_appliance_id',
      ],
      required: ['title'],
      handle: add,
    },
    edit: {
      write: true,
      params: ['id', ...EDIT_PARAMS],
      required: ['id'],
      handle: edit,
    },
    delete: { write: true, params: ['id'], required: ['id'], handle: remove },
  },
};

function list(ctx: SimContext) {
  const { params } = ctx;
  const ids = params.idRanges('ids');
  const idMin = params.int('id_min') ?? 0;
  const idMax = params.int('id_max');
  const title = params.get('title');
  const attributes = showAttributes(params.get('show_attributes'));
  const groups = ctx.data.assetGroups
    .filter(
      (g) =>
        Number(g.id) >= idMin && (idMax === undefined || Number(g.id) <= idMax),
    )
    .filter((g) => !ids || inIdRanges(Number(g.id), ids))
    .filter((g) => title === undefined || g.title === title)
    .sort((a, b) => Number(a.id) - Number(b.id));

  const page = responseWithPage(ctx, {
    listTag: 'ASSET_GROUP_LIST',
    records: groups,
    idOf: (g) => g.id,
    render: (g) => renderAssetGroup(g, attributes),
  });
  const dtd = `${PATH}asset_group_list_output.dtd`;
  return {
    body: envelope(
      { baseUrl: ctx.baseUrl, root: 'ASSET_GROUP_LIST_OUTPUT', dtd },
      page,
    ),
  };
}

function add(ctx: SimContext) {
  const { params, data } = ctx;
  const title = params.get('title') ?? '';
  if (title.trim() === '' || title.length > 256) throw invalid('title', title);
  if (data.assetGroups.some((g) => g.title === title))
    throw invalid('title', title);
  const ips = params.addresses('ips') ?? AddressSet.empty();
  const applianceIds = params.list('appliance_ids') ?? [];
  const defaultApplianceId = params.get('default_appliance_id');
  checkAppliances(data, 'appliance_ids', applianceIds);
  if (defaultApplianceId)
    checkAppliances(data, 'default_appliance_id', [defaultApplianceId]);
  const impact = params.oneOf('business_impact', IMPACTS);

  const group: SimAssetGroup = {
    id: nextNumericId(
      data.assetGroups.map((g) => g.id),
      4_000_000,
    ),
    title,
    ips: ips.toQualys(),
    applianceIds,
    defaultApplianceId,
    businessImpact: impact,
    division: params.get('division'),
    comments: params.get('comments'),
    ownerUserId: SIM_OWNER_ID,
    lastUpdate: isoSeconds(ctx.now),
  };
  data.assetGroups.push(group);
  const reply = {
    text: 'Asset Group Added Successfully.',
    items: [['ID', group.id]] as [string, string][],
  };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

function edit(ctx: SimContext) {
  const group = findGroup(ctx);
  applyEdit(ctx, group);
  group.lastUpdate = isoSeconds(ctx.now);
  const reply = {
    text: 'Asset Group Updated Successfully.',
    items: [['ID', group.id]] as [string, string][],
  };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

function remove(ctx: SimContext) {
  const group = findGroup(ctx);
  ctx.data.assetGroups = ctx.data.assetGroups.filter((g) => g !== group);
  const reply = {
    text: 'Asset Group Deleted Successfully.',
    items: [['ID', group.id]] as [string, string][],
  };
  return { body: [simpleReturn(ctx.baseUrl, reply, ctx.now)] };
}

/** @throws SimRequestError 1905 when no group has the ID. */
function findGroup(ctx: SimContext): SimAssetGroup {
  const id = ctx.params.get('id') ?? '';
  const group = ctx.data.assetGroups.find((g) => g.id === id);
  if (!group) throw invalid('id', id);
  return group;
}
