/**
 * Asset group and host list outputs into their records. Pure, so the
 * same code reads pages from the API and offline files.
 */
import { expectRoot, nextPageUrl } from './response.ts';
import type { AssetGroup, Host } from './types.ts';
import { commaList, optionalText, requiredText, texts } from './values.ts';
import { child, list, type XmlNode } from './xml.ts';

export const ASSET_GROUP_ROOT = 'ASSET_GROUP_LIST_OUTPUT';
export const HOST_ROOT = 'HOST_LIST_OUTPUT';

/**
 * Reads one asset group list page.
 * @throws XmlShapeError for another root or a group without ID or TITLE;
 * QualysApiError for a Qualys error body.
 */
export function parseAssetGroupPage(xml: string): {
  groups: AssetGroup[];
  nextUrl?: string;
} {
  const { node } = expectRoot(xml, [ASSET_GROUP_ROOT]);
  const response = child(node, 'RESPONSE');
  const groups = list<XmlNode>(
    child(response, 'ASSET_GROUP_LIST')['ASSET_GROUP'],
  ).map(readAssetGroup);
  const nextUrl = nextPageUrl(response);
  return nextUrl === undefined ? { groups } : { groups, nextUrl };
}

function readAssetGroup(node: XmlNode): AssetGroup {
  const ipSet = child(node, 'IP_SET');
  return {
    id: requiredText(node, 'ID', 'ASSET_GROUP'),
    title: requiredText(node, 'TITLE', 'ASSET_GROUP'),
    ips: [...texts(ipSet, 'IP'), ...texts(ipSet, 'IP_RANGE')],
    applianceIds: commaList(optionalText(node, 'APPLIANCE_IDS')),
    defaultApplianceId: optionalText(node, 'DEFAULT_APPLIANCE_ID'),
    businessImpact: optionalText(node, 'BUSINESS_IMPACT'),
    division: optionalText(node, 'DIVISION'),
    comments: optionalText(node, 'COMMENTS'),
    // Qualys renamed the owner element between versions; both are read.
    ownerUserId:
      optionalText(node, 'OWNER_USER_ID') ?? optionalText(node, 'OWNER_ID'),
    lastUpdate: optionalText(node, 'LAST_UPDATE'),
  };
}

/**
 * Reads one host list page (HOST_LIST or, with details=None, ID_SET).
 * @throws XmlShapeError for another root or a host without ID;
 * QualysApiError for a Qualys error body.
 */
export function parseHostPage(xml: string): {
  hosts: Host[];
  nextUrl?: string;
} {
  const { node } = expectRoot(xml, [HOST_ROOT]);
  const response = child(node, 'RESPONSE');
  const listed = list<XmlNode>(child(response, 'HOST_LIST')['HOST']).map(
    readHost,
  );
  const bare = texts(child(response, 'ID_SET'), 'ID').map((id) => ({ id }));
  const nextUrl = nextPageUrl(response);
  const hosts = [...listed, ...bare];
  return nextUrl === undefined ? { hosts } : { hosts, nextUrl };
}

function readHost(node: XmlNode): Host {
  return {
    id: requiredText(node, 'ID', 'HOST'),
    ip: optionalText(node, 'IP'),
    ipv6: optionalText(node, 'IPV6'),
    dns: optionalText(node, 'DNS'),
    netbios: optionalText(node, 'NETBIOS'),
    os: optionalText(node, 'OS'),
    trackingMethod: optionalText(node, 'TRACKING_METHOD'),
    lastVmScannedDate: optionalText(node, 'LAST_VM_SCANNED_DATE'),
    lastScanDatetime: optionalText(node, 'LAST_SCAN_DATETIME'),
  };
}
