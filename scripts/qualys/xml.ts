/**
 * The one XML reader for Qualys outputs (API responses, scan report
 * exports). Repeatable elements always come back as arrays, text stays
 * text (IDs are never turned into numbers), CDATA is trimmed, DTDs are
 * never fetched and a DOCTYPE that declares entities is refused.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * Elements that may appear 0, 1 or n times, as `PARENT/CHILD` pairs from
 * the Qualys DTDs. Keyed by parent so that HOST/ID stays a single value
 * while ID_SET/ID is always a list.
 */
export const REPEATABLE_PATHS: ReadonlySet<string> = new Set([
  'HOST_LIST/HOST',
  'DETECTION_LIST/DETECTION',
  'VULN_LIST/VULN',
  'ASSET_GROUP_LIST/ASSET_GROUP',
  'IP_SET/IP',
  'IP_SET/IP_RANGE',
  'ID_SET/ID',
  'ID_SET/ID_RANGE',
  'ITEM_LIST/ITEM',
  'ITEM/VALUE',
  'CVE_LIST/CVE',
  'APPLIANCE_LIST/APPLIANCE',
  'REPORT_LIST/REPORT',
  'QDS_FACTORS/QDS_FACTOR',
  'BATCH_LIST/BATCH',
  'OPTION_PROFILES/OPTION_PROFILE',
  'VULN_INFO_LIST/VULN_INFO',
  'VULN_DETAILS_LIST/VULN_DETAILS',
  'CVE_ID_LIST/CVE_ID',
  'BUGTRAQ_ID_LIST/BUGTRAQ_ID',
  'BUGTRAQ_LIST/BUGTRAQ',
  'ASSET_GROUPS/ASSET_GROUP_TITLE',
  'USER_ASSET_GROUPS/ASSET_GROUP_TITLE',
  'COMBINED_IP_LIST/RANGE',
  'SOFTWARE_LIST/SOFTWARE',
  'VENDOR_REFERENCE_LIST/VENDOR_REFERENCE',
  'DOMAIN_LIST/DOMAIN',
  'DNS_LIST/DNS',
  'NETBIOS_LIST/NETBIOS',
  'TAGS/TAG',
  'IGNORED_LIST/IGNORED',
  'RESTORED_LIST/RESTORED',
  'RISK_SCORE_PER_HOST/HOSTS',
  'COMPLIANCE_LIST/COMPLIANCE',
  'CHANGE_LOG_LIST/CHANGE_LOG_INFO',
  'EXPLOITS/EXPLT_SRC',
  'EXPLT_LIST/EXPLT',
  'MALWARE/MW_SRC',
  'MW_LIST/MW_INFO',
  'AUTH_TYPE_LIST/AUTH_TYPE',
  'PCI_REASONS/PCI_REASON',
  'THREAT_INTELLIGENCE/THREAT_INTEL',
  'CLOUD_PROVIDER_TAGS/CLOUD_TAG',
]);

/** An XML body that is not well-formed or not what was expected. */
export class XmlShapeError extends Error {
  /** `malformed`: cut short or broken; `unexpected`: valid XML, wrong shape. */
  readonly kind: 'malformed' | 'unexpected';

  constructor(
    message: string,
    options: { kind?: 'malformed' | 'unexpected'; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'XmlShapeError';
    this.kind = options.kind ?? 'malformed';
  }
}

export type XmlNode = Record<string, unknown>;

/** True when `jpath` (dot-separated, as the parser gives it) ends in a list. */
function isRepeatable(jpath: string): boolean {
  const parts = jpath.split('.');
  const pair = parts.slice(-2).join('/');
  return REPEATABLE_PATHS.has(pair);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // The parser leaves CDATA untouched; Qualys wraps it in newlines.
  tagValueProcessor: (_name, value) => value.trim(),
  // Only XML's own entities (&amp; &lt; ...) are decoded: DOCTYPEs that
  // declare entities are refused before parsing, the caps are a backstop.
  processEntities: {
    enabled: true,
    maxEntityCount: 1,
    maxEntitySize: 64,
    maxExpansionDepth: 1,
  },
  // TODO(#3): numeric character references (&#65;) stay undecoded; Qualys
  // puts free text in CDATA, so none has been seen outside it yet.
  htmlEntities: false,
  isArray: (_name, jpath, _isLeaf, isAttribute) =>
    !isAttribute && typeof jpath === 'string' && isRepeatable(jpath),
});

/** Text before the root element: declaration, DOCTYPE, comments. */
function prolog(body: string): string {
  const start = body.search(/<[A-Za-z_]/);
  return start < 0 ? body : body.slice(0, start);
}

/**
 * Parses a Qualys XML body and returns its root element's name and node.
 * @throws XmlShapeError when the body is empty, not well-formed (a
 * truncated body included), declares entities, or has no single root.
 */
export function parseXml(body: string): { root: string; node: XmlNode } {
  if (body.trim() === '') throw new XmlShapeError('the XML body is empty');
  if (/<!ENTITY/i.test(prolog(body))) {
    throw new XmlShapeError(
      'the XML DOCTYPE declares entities; refused (entities are never expanded)',
      { kind: 'unexpected' },
    );
  }
  const checked = XMLValidator.validate(body);
  if (checked !== true) {
    const { msg, line } = checked.err;
    // The validator reports elements left open at the end as a JSON list,
    // placed on the first of them; the place to look is the end.
    if (msg.startsWith("Invalid '[")) {
      const last = body.trimEnd().split('\n').length;
      throw new XmlShapeError(
        `not well-formed XML at line ${last}: the body ends before its ` +
          'elements are closed (truncated)',
      );
    }
    throw new XmlShapeError(`not well-formed XML at line ${line}: ${msg}`);
  }

  let parsed: XmlNode;
  try {
    parsed = parser.parse(body) as XmlNode;
  } catch (error) {
    throw new XmlShapeError('XML could not be parsed', { cause: error });
  }
  const roots = Object.keys(parsed).filter((key) => !key.startsWith('?'));
  const [root] = roots;
  if (root === undefined || roots.length !== 1) {
    throw new XmlShapeError('XML has no single root element');
  }
  const node = parsed[root];
  return {
    root,
    node: typeof node === 'object' && node ? (node as XmlNode) : {},
  };
}

/** Text content of an element that may carry attributes. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  if (typeof value === 'object' && '#text' in value) {
    return text((value as XmlNode)['#text']);
  }
  return undefined;
}

/** The element as a list, whatever the parser made of it. */
export function list<T = XmlNode>(value: unknown): T[] {
  if (value === undefined || value === null || value === '') return [];
  return (Array.isArray(value) ? value : [value]) as T[];
}

/** The child element as a node; an empty element is an empty node. */
export function child(node: XmlNode, name: string): XmlNode {
  const value = node[name];
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as XmlNode)
    : {};
}
