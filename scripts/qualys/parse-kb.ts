/**
 * KnowledgeBase responses (KNOWLEDGE_BASE_VULN_LIST_OUTPUT) into KbVuln
 * records. Pure: usable on offline files such as a recorded response.
 */
import { expectRoot, nextPageUrl } from './response.ts';
import type { KbVuln } from './types.ts';
import { flag, optionalText, requiredText } from './values.ts';
import { child, list, XmlShapeError, type XmlNode } from './xml.ts';

export const KB_ROOT = 'KNOWLEDGE_BASE_VULN_LIST_OUTPUT';

/**
 * Reads one KnowledgeBase response.
 * @throws XmlShapeError for a body that is not a KB response or a VULN
 * without QID, VULN_TYPE, SEVERITY_LEVEL or TITLE, or with a QID that is
 * not a number or a SEVERITY_LEVEL that is not 1 to 5; QualysApiError for a
 * Qualys error body.
 */
export function parseKbResponse(xml: string): {
  vulns: KbVuln[];
  nextUrl?: string;
} {
  const { node } = expectRoot(xml, [KB_ROOT]);
  const response = child(node, 'RESPONSE');
  const vulns = list<XmlNode>(child(response, 'VULN_LIST')['VULN']).map(
    readVuln,
  );
  const nextUrl = nextPageUrl(response);
  return nextUrl === undefined ? { vulns } : { vulns, nextUrl };
}

function readVuln(node: XmlNode): KbVuln {
  const cves = list<XmlNode>(child(node, 'CVE_LIST')['CVE']).flatMap((cve) => {
    const id = optionalText(cve, 'ID');
    return id === undefined ? [] : [id];
  });
  const customization = child(node, 'LAST_CUSTOMIZATION');
  const disabled = optionalText(node, 'IS_DISABLED');
  return {
    qid: matching(
      requiredText(node, 'QID', 'VULN'),
      /^\d+$/,
      'QID',
      'a number',
    ),
    vulnType: requiredText(node, 'VULN_TYPE', 'VULN'),
    severity: matching(
      requiredText(node, 'SEVERITY_LEVEL', 'VULN'),
      /^[1-5]$/,
      'SEVERITY_LEVEL',
      '1 to 5',
    ),
    title: requiredText(node, 'TITLE', 'VULN'),
    category: optionalText(node, 'CATEGORY'),
    patchable: flag(node, 'PATCHABLE'),
    diagnosis: optionalText(node, 'DIAGNOSIS'),
    consequence: optionalText(node, 'CONSEQUENCE'),
    solution: optionalText(node, 'SOLUTION'),
    cves,
    lastCustomization: optionalText(customization, 'DATETIME'),
    isDisabled: disabled === undefined ? undefined : flag(node, 'IS_DISABLED'),
    publishedDatetime: optionalText(node, 'PUBLISHED_DATETIME'),
    lastServiceModificationDatetime: optionalText(
      node,
      'LAST_SERVICE_MODIFICATION_DATETIME',
    ),
  };
}

/** A number as the KnowledgeBase writes it; anything else is refused. */
function matching(
  value: string,
  shape: RegExp,
  name: string,
  expected: string,
): number {
  if (!shape.test(value)) {
    throw new XmlShapeError(`VULN ${name} is "${value}", not ${expected}`, {
      kind: 'unexpected',
    });
  }
  return Number(value);
}
