/**
 * Every Qualys API path the project calls, with its version prefix. Qualys
 * versions each endpoint on its own timeline, so a move to a newer version
 * is a one-line change here.
 */
export const ENDPOINTS = {
  assetGroup: '/api/2.0/fo/asset/group/',
  host: '/api/2.0/fo/asset/host/',
  detection: '/api/2.0/fo/asset/host/vm/detection/',
  knowledgeBase: '/api/2.0/fo/knowledge_base/vuln/',
  excludedIp: '/api/2.0/fo/asset/excluded_ip/',
  appliance: '/api/2.0/fo/appliance/',
  optionProfile: '/api/2.0/fo/subscription/option_profile/vm/',
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
export type EndpointPath = (typeof ENDPOINTS)[EndpointName];
