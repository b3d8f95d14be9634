/**
 * Scanner appliances (`/api/2.0/fo/appliance/`) and VM option profiles
 * (`/api/2.0/fo/subscription/option_profile/vm/`): read-only lists.
 */
import type { EndpointSpec, SimContext } from '../context.ts';
import { el, elCdata, envelope, isoSeconds } from '../xml-render.ts';

export const APPLIANCE_PATH = '/api/2.0/fo/appliance/';
export const OPTION_PROFILE_PATH =
  '/api/2.0/fo/subscription/option_profile/vm/';

export const applianceEndpoint: EndpointSpec = {
  path: APPLIANCE_PATH,
  actions: {
    list: {
      write: false,
      params: [
        'output_mode',
        'scan_detail',
        'show_tags',
        'busy',
        'name',
        'ids',
        'type',
      ],
      handle: listAppliances,
    },
  },
};

export const optionProfileEndpoint: EndpointSpec = {
  path: OPTION_PROFILE_PATH,
  actions: {
    list: { write: false, params: ['id', 'title'], handle: listOptionProfiles },
  },
};

function listAppliances(ctx: SimContext) {
  ctx.params.oneOf('output_mode', ['brief', 'full'] as const);
  const name = ctx.params.get('name');
  const ids = ctx.params.list('ids');
  const appliances = ctx.data.appliances
    .filter((a) => name === undefined || a.name.includes(name))
    .filter((a) => !ids || ids.includes(a.id));
  const items = appliances.map(
    (a) =>
      `<APPLIANCE>${el('ID', a.id)}${el('NAME', a.name)}${el('SOFTWARE_VERSION', '2.6')}` +
      `${el('RUNNING_SLICES_COUNT', 0)}${el('RUNNING_SCAN_COUNT', 0)}${el('STATUS', a.status)}</APPLIANCE>\n`,
  );
  const list =
    items.length > 0
      ? `<APPLIANCE_LIST>\n${items.join('')}</APPLIANCE_LIST>\n`
      : '';
  const body = `<RESPONSE>\n${el('DATETIME', isoSeconds(ctx.now))}\n${list}</RESPONSE>\n`;
  const dtd = `${APPLIANCE_PATH}appliance_list_output.dtd`;
  return {
    body: envelope(
      { baseUrl: ctx.baseUrl, root: 'APPLIANCE_LIST_OUTPUT', dtd },
      [body],
    ),
  };
}

function listOptionProfiles(ctx: SimContext) {
  const id = ctx.params.get('id');
  const title = ctx.params.get('title');
  const profiles = ctx.data.optionProfiles
    .filter((p) => id === undefined || p.id === id)
    .filter((p) => title === undefined || p.title === title);
  const items = profiles.map(
    (p) =>
      `<OPTION_PROFILE><BASIC_INFO>${el('ID', p.id)}${elCdata('GROUP_NAME', p.title)}` +
      `${el('GROUP_TYPE', 'user')}${el('USER_ID', 'vmgov_sim')}${el('UNIT_ID', 0)}` +
      `${el('SUBSCRIPTION_ID', 1)}${el('IS_DEFAULT', p.isDefault ? 1 : 0)}` +
      `${el('IS_GLOBAL', 1)}${el('IS_OFFLINE_SYNCABLE', 0)}` +
      `${el('UPDATE_DATE', 'N/A')}</BASIC_INFO></OPTION_PROFILE>\n`,
  );
  const dtd = '/api/2.0/fo/subscription/option_profile/option_profile_info.dtd';
  return {
    body: envelope(
      { baseUrl: ctx.baseUrl, root: 'OPTION_PROFILES', dtd },
      items,
    ),
  };
}
