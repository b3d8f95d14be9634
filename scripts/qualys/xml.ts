/**
 * The one XML reader for Qualys outputs (API responses, scan report
 * exports). Repeatable elements always come back as arrays, text stays
 * text (IDs are never turned into numbers), CDATA is trimmed, and DTDs are
 * never fetched.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

/** Elements that may appear 0, 1 or n times in the Qualys DTDs. */
export const REPEATABLE = new Set([
  'HOST',
  'DETECTION',
  'VULN',
  'ASSET_GROUP',
  'IP',
  'IP_RANGE',
  'ITEM',
  'CVE',
  'APPLIANCE',
  'REPORT',
  'QDS_FACTOR',
  'ID',
  'ID_RANGE',
  'BATCH',
  'OPTION_PROFILE',
  'VULN_INFO',
  'VULN_DETAILS',
  'CVE_ID',
  'BUGTRAQ_ID',
  'BUGTRAQ',
  'ASSET_GROUP_TITLE',
  'RANGE',
  'SOFTWARE',
  'VENDOR_REFERENCE',
  'DOMAIN',
  'DNS',
  'NETBIOS',
  'TAG',
  'IGNORED',
  'RESTORED',
]);

/** An XML body that is not well-formed or not what was expected. */
export class XmlShapeError extends Error {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'XmlShapeError';
  }
}

export type XmlNode = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Only XML's own entities (&amp; &lt; …) and character references are
  // decoded; entities a DOCTYPE declares are not expanded beyond tight caps.
  processEntities: {
    enabled: true,
    maxEntityCount: 1,
    maxEntitySize: 64,
    maxExpansionDepth: 1,
    maxTotalExpansions: 1,
    maxExpandedLength: 64,
  },
  htmlEntities: false,
  isArray: (name, _jpath, _isLeaf, isAttribute) =>
    !isAttribute && REPEATABLE.has(name),
});

/**
 * Parses a Qualys XML body and returns its root element's name and node.
 * @throws XmlShapeError when the body is not well-formed XML or has no root.
 */
export function parseXml(text: string): { root: string; node: XmlNode } {
  const checked = XMLValidator.validate(text);
  if (checked !== true) {
    const { msg, line } = checked.err;
    throw new XmlShapeError(`not well-formed XML at line ${line}: ${msg}`);
  }
  let parsed: XmlNode;
  try {
    parsed = parser.parse(text) as XmlNode;
  } catch (error) {
    throw new XmlShapeError('XML could not be parsed', { cause: error });
  }
  const roots = Object.keys(parsed).filter((key) => !key.startsWith('?'));
  const [root] = roots;
  if (root === undefined || roots.length !== 1) {
    throw new XmlShapeError('XML has no single root element');
  }
  const node = parsed[root];
  return { root, node: typeof node === 'object' && node ? (node as XmlNode) : {} };
}

/** Text content of an element that may carry attributes. */
export function text(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
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
