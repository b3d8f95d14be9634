/**
 * The bodies and headers of the failures the simulator can be told to
 * produce, shaped as Qualys (or the proxy in front of it) sends them.
 */
import type { FaultSpec } from './faults.ts';
import type { Headers } from './reply-writer.ts';
import { simpleReturn } from './xml-render.ts';

export interface FaultReply {
  status: number;
  headers: Headers;
  body: string;
  contentType?: string;
}

let incidents = 0;

export function limitReply(
  baseUrl: string,
  code: 1960 | 1965,
  waitSec: number,
  headers: Headers,
  now: Date,
): FaultReply {
  if (code === 1960) {
    const text =
      'This API cannot be run again until 1 currently running API instance has finished.';
    const items: [string, string][] = [['CALLS_TO_FINISH', '1']];
    return {
      status: 409,
      headers,
      body: simpleReturn(baseUrl, { code, text, items }, now),
    };
  }
  const text = `This API cannot be run again for another ${formatWait(waitSec)}.`;
  const items: [string, string][] = [['SECONDS_TO_WAIT', String(waitSec)]];
  return {
    status: 409,
    headers: { ...headers, 'X-RateLimit-ToWait-Sec': String(waitSec) },
    body: simpleReturn(baseUrl, { code, text, items }, now),
  };
}

/** The reply of an immediate fault; `undefined` for slow and truncate. */
export function faultReply(
  baseUrl: string,
  fault: FaultSpec,
  headers: Headers,
  now: Date,
): FaultReply | undefined {
  const waitSec = fault.waitSec ?? 1;
  switch (fault.kind) {
    case '409-1960':
      return limitReply(baseUrl, 1960, 0, headers, now);
    case '409-1965':
      return limitReply(
        baseUrl,
        1965,
        waitSec,
        { ...headers, 'X-RateLimit-Remaining': '0' },
        now,
      );
    case '429':
      return html(429, 'Too Many Requests', {
        ...headers,
        'X-RateLimit-ToWait-Sec': String(waitSec),
        'Retry-After': String(waitSec),
      });
    case '999': {
      incidents += 1;
      const signature = `SIM-${String(incidents).padStart(6, '0')}`;
      const text = 'Internal error. Please contact customer support.';
      const items: [string, string][] = [['Incident Signature', signature]];
      return {
        status: 500,
        headers,
        body: simpleReturn(baseUrl, { code: 999, text, items }, now),
      };
    }
    case '500':
      return html(500, 'Internal Server Error', headers);
    case '503':
      return html(503, 'Service Temporarily Unavailable', headers);
    default:
      return undefined;
  }
}

function html(status: number, title: string, headers: Headers): FaultReply {
  const body = `<html><head><title>${status} ${title}</title></head><body><h1>${title}</h1></body></html>\n`;
  return { status, headers, body, contentType: 'text/html;charset=UTF-8' };
}

/** `23 hours, 57 minutes and 54 seconds`, as the 1965 text reads. */
export function formatWait(totalSec: number): string {
  const hours = Math.floor(totalSec / 3600);
  const minutes = Math.floor((totalSec % 3600) / 60);
  const seconds = totalSec % 60;
  const parts: string[] = [];
  if (hours > 0) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (minutes > 0) parts.push(`${minutes} minute${minutes === 1 ? '' : 's'}`);
  if (seconds > 0 || parts.length === 0) {
    parts.push(`${seconds} second${seconds === 1 ? '' : 's'}`);
  }
  if (parts.length === 1) return parts[0];
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
