/**
 * KnowledgeBase responses (KNOWLEDGE_BASE_VULN_LIST_OUTPUT) into KbVuln
 * records. Pure: usable on offline files such as a recorded response.
 */
import { expectRoot, nextPageUrl } from './response.ts';
import type { KbVuln } from './types.ts';
import { flag, optionalText, requiredText } from './values.ts';
import { child, list, type XmlNode } from './xml.ts';

export const KB_ROOT = 'KNOWLEDGE_BASE_VULN_LIST_OUTPUT';

/**
 * Reads one KnowledgeBase response.
 * @throws XmlShapeError for a body that is not a KB response or a VULN
 * without QID, VULN_TYPE, SEVERITY_LEVEL or TITLE; QualysApiError for a
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
    qid: Number(requiredText(node, 'QID', 'VULN')),
    vulnType: requiredText(node, 'VULN_TYPE', 'VULN'),
    severity: Number(requiredText(node, 'SEVERITY_LEVEL', 'VULN')),
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
