/**
 * Host list detection (`/api/2.0/fo/asset/host/vm/detection/`): hosts with
 * their detections, filtered by status (default New, Active, Re-Opened),
 * severity, QID and type; ignored detections and disabled QIDs are left
 * out unless asked for. The truncation limit counts hosts.
 */
import type { EndpointSpec, SimContext } from '../context.ts';
import type { SimDetection, SimHost } from '../data.ts';
import { hostFilter, HOST_FILTER_PARAMS } from '../host-filter.ts';
import { hostsInOrder } from '../host-source.ts';
import { responseWithPage } from '../list-page.ts';
import { inIdRanges } from '../params.ts';
import { invalid } from '../request-error.ts';
import { el, elCdata, envelope } from '../xml-render.ts';
import { customizationsByQid } from './kb-customization.ts';

const STATUSES = ['New', 'Active', 'Re-Opened', 'Fixed'] as const;
const DEFAULT_STATUSES = ['New', 'Active', 'Re-Opened'];

export const PATH = '/api/2.0/fo/asset/host/vm/detection/';

export const detectionEndpoint: EndpointSpec = {
  path: PATH,
  actions: {
    list: {
      write: false,
      params: [
        ...HOST_FILTER_PARAMS,
        'truncation_limit',
        'status',
        'severities',
        'qids',
        'include_ignored',
        'include_disabled',
        'show_results',
        'show_igs',
        'include_vuln_type',
        'output_format',
      ],
      handle: (ctx) => ({
        body: envelope(
          {
            baseUrl: ctx.baseUrl,
            root: 'HOST_LIST_VM_DETECTION_OUTPUT',
            dtd: `${PATH}dtd/output.dtd`,
            comments: true,
          },
          detectionPage(ctx),
        ),
      }),
    },
  },
};

type DetectionPredicate = (d: SimDetection) => boolean;

function detectionPage(ctx: SimContext): Generator<string> {
  const { params } = ctx;
  const format = params.get('output_format');
  if (format !== undefined && format.toUpperCase() !== 'XML') {
    throw invalid('output_format', format);
  }
  const hostOk = hostFilter(ctx);
  const keep = detectionFilter(ctx);
  const showResults = params.flag('show_results', true);
  const custom = customizationsByQid(ctx.data);

  return responseWithPage(ctx, {
    listTag: 'HOST_LIST',
    records: hostsInOrder(ctx.data, params.int('id_min') ?? 0),
    idOf: (host) => host.id,
    render: (host) => {
      if (!hostOk(host)) return undefined;
      const shown: string[] = [];
      for (const raw of host.detections) {
        const c = custom.get(raw.qid);
        const detection = c
          ? {
              ...raw,
              severity: c.severity ?? raw.severity,
              isDisabled: raw.isDisabled || c.disabled,
            }
          : raw;
        if (keep(detection))
          shown.push(renderDetection(detection, showResults));
      }
      if (shown.length === 0) return undefined;
      return renderHost(host, shown.join(''));
    },
  });
}

/** @throws SimRequestError 1905 for a bad status, severity or QID list. */
function detectionFilter(ctx: SimContext): DetectionPredicate {
  const { params } = ctx;
  const statuses = params.list('status') ?? DEFAULT_STATUSES;
  for (const s of statuses) {
    if (!(STATUSES as readonly string[]).includes(s))
      throw invalid('status', s);
  }
  const severities = params.idRanges('severities');
  if (severities?.some(([a, b]) => a < 1 || b > 5)) {
    throw invalid('severities', params.get('severities') ?? '');
  }
  const qids = params.idRanges('qids');
  const ignored = params.flag('include_ignored');
  const disabled = params.flag('include_disabled');
  const showIgs = params.flag('show_igs');
  const vulnType = params.oneOf('include_vuln_type', [
    'confirmed',
    'potential',
  ] as const);

  return (d) => {
    if (d.type === 'Info') return showIgs;
    if (!statuses.includes(d.status)) return false;
    if (severities && !inIdRanges(d.severity, severities)) return false;
    if (qids && !inIdRanges(d.qid, qids)) return false;
    if (d.isIgnored && !ignored) return false;
    if (d.isDisabled && !disabled) return false;
    if (vulnType === 'confirmed' && d.type !== 'Confirmed') return false;
    if (vulnType === 'potential' && d.type !== 'Potential') return false;
    return true;
  };
}

function renderHost(host: SimHost, detections: string): string {
  return (
    `<HOST>${el('ID', host.id)}${el('IP', host.ip)}` +
    `${el('TRACKING_METHOD', host.trackingMethod)}${elCdata('OS', host.os)}` +
    `${elCdata('DNS', host.dns)}${elCdata('NETBIOS', host.netbios)}` +
    `${el('LAST_SCAN_DATETIME', host.lastScanDatetime)}` +
    `${el('LAST_VM_SCANNED_DATE', host.lastVmScannedDate)}` +
    `<DETECTION_LIST>${detections}</DETECTION_LIST></HOST>\n`
  );
}

function renderDetection(d: SimDetection, showResults: boolean): string {
  const info = d.type === 'Info';
  return (
    `<DETECTION>${el('UNIQUE_VULN_ID', d.uniqueVulnId)}${el('QID', d.qid)}` +
    `${el('TYPE', d.type)}${el('SEVERITY', d.severity)}${el('PORT', d.port)}` +
    `${el('PROTOCOL', d.protocol)}${el('SSL', d.ssl ? 1 : 0)}` +
    `${showResults ? elCdata('RESULTS', d.results) : ''}` +
    `${info ? '' : el('STATUS', d.status)}` +
    `${el('FIRST_FOUND_DATETIME', d.firstFound)}` +
    `${el('LAST_FOUND_DATETIME', d.lastFound)}${el('TIMES_FOUND', d.timesFound)}` +
    `${el('LAST_TEST_DATETIME', d.lastFound)}` +
    `${el('IS_IGNORED', d.isIgnored ? 1 : 0)}${el('IS_DISABLED', d.isDisabled ? 1 : 0)}` +
    '</DETECTION>'
  );
}
