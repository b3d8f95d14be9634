/**
 * Reads a Qualys scan report export (ASSET_DATA_REPORT): hosts with their
 * VULN_INFO entries, and the glossary's VULN_DETAILS as KnowledgeBase facts.
 * VULN_INFO carries no severity, so it is taken from the glossary.
 */
import { readFile } from 'node:fs/promises';

import { InputError } from '../errors.ts';
import { isQualysDate } from '../qualys/values.ts';
import { list, parseXml, text, type XmlNode } from '../qualys/xml.ts';
import type {
  DetectionStatus,
  DetectionType,
  FindingsSource,
  HostDetections,
  ScannedDetection,
  Vulnerability,
} from './model.ts';
import { optionalNumber } from './xml-values.ts';

const TYPES: Record<string, DetectionType> = {
  Vuln: 'confirmed',
  Practice: 'potential',
  Ig: 'info',
};
const STATUSES = new Set(['New', 'Active', 'Re-Opened', 'Fixed']);

/**
 * Opens a scan report export as a findings source.
 * @throws InputError when the file cannot be read, is not XML, is not an
 * ASSET_DATA_REPORT, or holds a finding that cannot be read whole (a QID
 * or TYPE that is not one, a QID the glossary does not describe, a first
 * detection that is not a date): such a finding would otherwise drop out
 * of every report without a word.
 */
export async function openScanReport(file: string): Promise<FindingsSource> {
  const report = await readReport(file);
  const glossary = readGlossary(report, file);
  const hosts = list<XmlNode>(child(report, 'HOST_LIST')['HOST']).map(
    (node, index) => readHost(node, index, glossary, file),
  );
  const produced = text(child(report, 'HEADER')['GENERATION_DATETIME']);
  return {
    name: `scan report ${file}`,
    producedOn: () => produced,
    // eslint-disable-next-line @typescript-eslint/require-await -- the file is parsed whole; one batch
    async *batches() {
      yield hosts;
    },
    vulnerabilities: (qids) =>
      Promise.resolve(
        new Map(
          qids.flatMap((qid) => {
            const vuln = glossary.get(qid);
            return vuln ? [[qid, vuln] as const] : [];
          }),
        ),
      ),
  };
}

async function readReport(file: string): Promise<XmlNode> {
  let body: string;
  try {
    body = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError(`${file}: cannot read the scan report`, {
      hint: 'check the path given to --scan-report',
      cause: error,
    });
  }
  let parsed: { root: string; node: XmlNode };
  try {
    parsed = parseXml(body);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new InputError(`${file}: ${reason}`, {
      hint: 'export the report again from Qualys in XML format',
      cause: error,
    });
  }
  if (parsed.root === 'SIMPLE_RETURN') {
    const response = child(parsed.node, 'RESPONSE');
    const said = [text(response['CODE']), text(response['TEXT'])]
      .filter((part) => part !== undefined)
      .join(': ');
    throw new InputError(
      `${file}: a Qualys error response (${said}), not a scan report`,
      { hint: 'export the scan report again once Qualys allows it' },
    );
  }
  if (parsed.root !== 'ASSET_DATA_REPORT') {
    throw new InputError(
      `${file}: the root element is ${parsed.root}, not ASSET_DATA_REPORT`,
      { hint: 'give --scan-report a scan report exported as XML' },
    );
  }
  return parsed.node;
}

function child(node: XmlNode, name: string): XmlNode {
  const value = node[name];
  return typeof value === 'object' && value !== null ? (value as XmlNode) : {};
}

/**
 * @throws InputError for a SEVERITY that is not 1 to 5: its findings would
 * otherwise vanish from every report without a word.
 */
function readGlossary(
  report: XmlNode,
  file: string,
): Map<number, Vulnerability> {
  const details = child(child(report, 'GLOSSARY'), 'VULN_DETAILS_LIST');
  const out = new Map<number, Vulnerability>();
  for (const node of list<XmlNode>(details['VULN_DETAILS'])) {
    const qid = optionalNumber(node['QID']);
    if (qid === undefined) continue;
    // Qualys describes each QID once; a second entry would silently
    // replace the first one's severity.
    if (out.has(qid)) {
      throw changed(`${file}: QID ${qid} is described twice in the GLOSSARY`);
    }
    const cves = list<XmlNode>(child(node, 'CVE_ID_LIST')['CVE_ID'])
      .map((cve) => text(list(cve['ID'])[0]) ?? '')
      .filter((id) => id !== '');
    out.set(qid, {
      qid,
      title: text(node['TITLE']) ?? `QID ${qid}`,
      severity: severityOf(node, qid, file),
      category: text(node['CATEGORY']),
      threat: text(node['THREAT']),
      impact: text(node['IMPACT']),
      solution: text(node['SOLUTION']),
      cves,
    });
  }
  return out;
}

function readHost(
  node: XmlNode,
  index: number,
  glossary: Map<number, Vulnerability>,
  file: string,
): HostDetections {
  const ip = text(node['IP']);
  const infos = list<XmlNode>(child(node, 'VULN_INFO_LIST')['VULN_INFO']);
  const where = `${file}: host ${ip ?? `number ${index + 1}`}`;
  // An export names every host by its IP; without one it fits no group.
  if (ip === undefined) throw changed(`${where} has no IP`);
  return {
    // An export has no host IDs; the address (or position) stands in.
    host: {
      id: ip ?? `host-${index + 1}`,
      ip,
      dns: text(list(node['DNS'])[0]),
      os: text(node['OPERATING_SYSTEM']),
      netbios: text(list(node['NETBIOS'])[0]),
    },
    detections: infos.map((info) => readVulnInfo(info, glossary, where)),
  };
}

function readVulnInfo(
  info: XmlNode,
  glossary: Map<number, Vulnerability>,
  where: string,
): ScannedDetection {
  const qid = optionalNumber(info['QID']);
  if (qid === undefined) {
    throw changed(`${where}: VULN_INFO QID "${text(info['QID']) ?? ''}"`);
  }
  const type = TYPES[text(info['TYPE']) ?? ''];
  if (type === undefined) {
    throw changed(
      `${where}: QID ${qid} has TYPE "${text(info['TYPE']) ?? ''}", ` +
        'not Vuln, Practice or Ig',
    );
  }
  const vuln = glossary.get(qid);
  if (vuln === undefined) {
    throw changed(`${where}: QID ${qid} has no VULN_DETAILS in the GLOSSARY`);
  }
  const firstFound = text(info['FIRST_FOUND']);
  if (firstFound !== undefined && !isQualysDate(firstFound)) {
    throw changed(
      `${where}: QID ${qid} has FIRST_FOUND "${firstFound}", not a date`,
    );
  }
  const status = text(info['VULN_STATUS']);
  return {
    qid,
    type,
    severity: vuln.severity,
    port: optionalNumber(info['PORT']),
    protocol: text(info['PROTOCOL']),
    status:
      status && STATUSES.has(status) ? (status as DetectionStatus) : undefined,
    firstFound,
    lastFound: text(info['LAST_FOUND']),
    results: text(info['RESULT']),
    // An export only holds what its template asked for; it says neither.
    isIgnored: false,
    isDisabled: false,
  };
}

function severityOf(node: XmlNode, qid: number, file: string): number {
  const raw = text(node['SEVERITY']) ?? '';
  if (/^[1-5]$/.test(raw.trim())) return Number(raw);
  throw changed(
    `${file}: QID ${qid} has SEVERITY "${raw}" in the glossary, not 1 to 5`,
  );
}

/** What Qualys never writes: the file was changed, or cut short. */
function changed(message: string): InputError {
  return new InputError(message, {
    hint: 'export the report again from Qualys in XML; this file was changed',
  });
}
