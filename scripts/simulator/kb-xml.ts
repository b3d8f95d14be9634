/**
 * Loads the simulator's KnowledgeBase from a real KnowledgeBase response
 * (KNOWLEDGE_BASE_VULN_LIST_OUTPUT), so the simulator can answer with
 * Qualys's own titles, texts and CVEs.
 */
import { readFile } from 'node:fs/promises';

import { InputError } from '../errors.ts';
import { list, parseXml, text, type XmlNode } from '../qualys/xml.ts';
import type { SimKbVuln } from './data.ts';

/**
 * @throws InputError when the file is unreadable, not XML, or not a
 * KnowledgeBase response.
 */
export async function loadKbFromXml(file: string): Promise<SimKbVuln[]> {
  let root: string;
  let node: XmlNode;
  try {
    ({ root, node } = parseXml(await readFile(file, 'utf8')));
  } catch (error) {
    throw new InputError(`${file}: cannot read a KnowledgeBase response`, {
      cause: error,
    });
  }
  if (root !== 'KNOWLEDGE_BASE_VULN_LIST_OUTPUT') {
    throw new InputError(
      `${file}: root is ${root}, not KNOWLEDGE_BASE_VULN_LIST_OUTPUT`,
      {
        hint: 'give a response of /api/2.0/fo/knowledge_base/vuln/?action=list',
      },
    );
  }
  const response = asNode(node['RESPONSE']);
  return list<XmlNode>(asNode(response['VULN_LIST'])['VULN']).map(toVuln);
}

function toVuln(vuln: XmlNode): SimKbVuln {
  const cves = list<XmlNode>(asNode(vuln['CVE_LIST'])['CVE'])
    .map((cve) => text(cve['ID']))
    .filter((id): id is string => id !== undefined);
  return {
    qid: Number(text(vuln['QID'])),
    vulnType: text(vuln['VULN_TYPE']) ?? 'Vulnerability',
    severity: Number(text(vuln['SEVERITY_LEVEL'])),
    title: text(vuln['TITLE']) ?? '',
    category: text(vuln['CATEGORY']),
    patchable: text(vuln['PATCHABLE']) === '1',
    diagnosis: text(vuln['DIAGNOSIS']),
    consequence: text(vuln['CONSEQUENCE']),
    solution: text(vuln['SOLUTION']),
    cves,
    publishedDatetime: text(vuln['PUBLISHED_DATETIME']),
    lastServiceModificationDatetime: text(
      vuln['LAST_SERVICE_MODIFICATION_DATETIME'],
    ),
  };
}

function asNode(value: unknown): XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as XmlNode)
    : {};
}
