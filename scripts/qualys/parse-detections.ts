/**
 * Host list detection pages (HOST_LIST_VM_DETECTION_OUTPUT) into
 * DetectionHost records. Pure: usable on offline files and on each page
 * the client streams.
 */
import { expectRoot, nextPageUrl } from './response.ts';
import type {
  Detection,
  DetectionHost,
  DetectionStatus,
  DetectionType,
} from './types.ts';
import {
  flag,
  optionalDate,
  optionalInt,
  optionalText,
  requiredText,
} from './values.ts';
import { child, list, XmlShapeError, type XmlNode } from './xml.ts';

export const DETECTION_ROOT = 'HOST_LIST_VM_DETECTION_OUTPUT';

const TYPES: Record<string, DetectionType> = {
  confirmed: 'Confirmed',
  potential: 'Potential',
  info: 'Info',
};
const STATUSES: readonly DetectionStatus[] = [
  'New',
  'Active',
  'Fixed',
  'Re-Opened',
];

/**
 * Reads one detection page.
 * @throws XmlShapeError for a body that is not a detection page (or a
 * detection without QID or TYPE); QualysApiError for a Qualys error body.
 */
export function parseDetectionPage(xml: string): {
  hosts: DetectionHost[];
  nextUrl?: string;
  /** When Qualys produced the page (RESPONSE/DATETIME), if it says. */
  datetime?: string;
} {
  const { node } = expectRoot(xml, [DETECTION_ROOT]);
  const response = child(node, 'RESPONSE');
  const hosts = list<XmlNode>(child(response, 'HOST_LIST')['HOST']).map(
    readHost,
  );
  const nextUrl = nextPageUrl(response);
  const datetime = optionalText(response, 'DATETIME');
  return {
    hosts,
    ...(nextUrl === undefined ? {} : { nextUrl }),
    ...(datetime === undefined ? {} : { datetime }),
  };
}

function readHost(node: XmlNode): DetectionHost {
  const id = requiredText(node, 'ID', 'HOST');
  const detections = list<XmlNode>(
    child(node, 'DETECTION_LIST')['DETECTION'],
  ).map((detection) => {
    try {
      return readDetection(detection);
    } catch (error) {
      if (!(error instanceof XmlShapeError)) throw error;
      // Name the host, so the line to look at can be found in a big page.
      throw new XmlShapeError(`HOST ${id}: ${error.message}`, {
        kind: error.kind,
        cause: error,
      });
    }
  });
  return {
    id,
    ip: optionalText(node, 'IP'),
    ipv6: optionalText(node, 'IPV6'),
    dns: optionalText(node, 'DNS'),
    netbios: optionalText(node, 'NETBIOS'),
    os: optionalText(node, 'OS'),
    lastScanDatetime: optionalText(node, 'LAST_SCAN_DATETIME'),
    lastVmScannedDate: optionalText(node, 'LAST_VM_SCANNED_DATE'),
    detections,
  };
}

function readDetection(node: XmlNode): Detection {
  const rawType = requiredText(node, 'TYPE', 'DETECTION');
  const type = TYPES[rawType.toLowerCase()];
  if (type === undefined) {
    throw new XmlShapeError(`DETECTION TYPE "${rawType}" is not known`, {
      kind: 'unexpected',
    });
  }
  const status = optionalText(node, 'STATUS');
  const ssl = optionalText(node, 'SSL');
  return {
    uniqueVulnId: optionalText(node, 'UNIQUE_VULN_ID'),
    qid: wholeNumber(requiredText(node, 'QID', 'DETECTION'), 'QID'),
    type,
    // TODO(#3): a page without SEVERITY reads as 0, which the report
    // refuses; joining the KB severity would let it through.
    severity: severity(optionalInt(node, 'SEVERITY')),
    port: optionalInt(node, 'PORT'),
    protocol: optionalText(node, 'PROTOCOL'),
    ssl: ssl === undefined ? undefined : flag(node, 'SSL'),
    results: optionalText(node, 'RESULTS'),
    status: STATUSES.find((known) => known === status),
    firstFound: optionalDate(node, 'FIRST_FOUND_DATETIME'),
    lastFound: optionalText(node, 'LAST_FOUND_DATETIME'),
    timesFound: optionalInt(node, 'TIMES_FOUND'),
    isIgnored: flag(node, 'IS_IGNORED'),
    isDisabled: flag(node, 'IS_DISABLED'),
  };
}

function wholeNumber(value: string, name: string): number {
  if (!/^\d+$/.test(value)) {
    throw new XmlShapeError(`DETECTION ${name} is "${value}", not a number`, {
      kind: 'unexpected',
    });
  }
  return Number(value);
}

/** Qualys severities are 1 to 5; another would drop its finding unseen. */
function severity(value: number | undefined): number {
  if (value === undefined) return 0;
  if (value < 1 || value > 5) {
    throw new XmlShapeError(`DETECTION SEVERITY is ${value}, not 1 to 5`, {
      kind: 'unexpected',
    });
  }
  return value;
}
