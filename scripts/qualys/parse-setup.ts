/**
 * Subscription setup outputs: excluded IPs, scanner appliances, VM option
 * profiles, and the BATCH_RETURN of a purge.
 */
import { expectRoot } from './response.ts';
import type { Appliance, OptionProfile } from './types.ts';
import { flag, optionalText, requiredText, texts } from './values.ts';
import { child, list, type XmlNode } from './xml.ts';

/**
 * Excluded IPs and ranges, as Qualys writes them.
 * @throws XmlShapeError for another root; QualysApiError for an error body.
 */
export function parseExcludedIps(xml: string): string[] {
  const { node } = expectRoot(xml, ['IP_LIST_OUTPUT']);
  const ipSet = child(child(node, 'RESPONSE'), 'IP_SET');
  return [...texts(ipSet, 'IP'), ...texts(ipSet, 'IP_RANGE')];
}

/**
 * Scanner appliances.
 * @throws XmlShapeError for another root or an appliance without ID or
 * NAME; QualysApiError for an error body.
 */
export function parseAppliances(xml: string): Appliance[] {
  const { node } = expectRoot(xml, ['APPLIANCE_LIST_OUTPUT']);
  const appliances = child(child(node, 'RESPONSE'), 'APPLIANCE_LIST');
  return list<XmlNode>(appliances['APPLIANCE']).map((appliance) => ({
    id: requiredText(appliance, 'ID', 'APPLIANCE'),
    name: requiredText(appliance, 'NAME', 'APPLIANCE'),
    status: optionalText(appliance, 'STATUS'),
  }));
}

/**
 * VM option profiles (no RESPONSE wrapper in this output).
 * @throws XmlShapeError for another root or a profile without ID or
 * GROUP_NAME; QualysApiError for an error body.
 */
export function parseOptionProfiles(xml: string): OptionProfile[] {
  const { node } = expectRoot(xml, ['OPTION_PROFILES']);
  return list<XmlNode>(node['OPTION_PROFILE']).map((profile) => {
    const basic = child(profile, 'BASIC_INFO');
    return {
      id: requiredText(basic, 'ID', 'OPTION_PROFILE'),
      title: requiredText(basic, 'GROUP_NAME', 'OPTION_PROFILE'),
      isDefault: flag(basic, 'IS_DEFAULT'),
    };
  });
}

/**
 * IDs a BATCH_RETURN lists (e.g. hosts queued for purging).
 * @throws XmlShapeError for another root; QualysApiError for an error body.
 */
export function parseBatchIds(xml: string): string[] {
  const { node } = expectRoot(xml, ['BATCH_RETURN']);
  const batches = child(child(node, 'RESPONSE'), 'BATCH_LIST');
  return list<XmlNode>(batches['BATCH']).flatMap((batch) =>
    texts(child(batch, 'ID_SET'), 'ID'),
  );
}
