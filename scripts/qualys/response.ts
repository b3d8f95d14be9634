/**
 * Reading a Qualys response body: the expected root, or the error that
 * Qualys sent instead (SIMPLE_RETURN and GENERIC_RETURN with a CODE), and
 * the truncation WARNING that points at the next page.
 */
import { QualysApiError } from './errors.ts';
import { child, list, parseXml, text, XmlShapeError } from './xml.ts';
import type { XmlNode } from './xml.ts';
import { optionalText } from './values.ts';

/** Qualys's code for "more records: use the URL for the next batch". */
export const TRUNCATION_CODE = '1980';

export interface ReturnMessage {
  code: string | undefined;
  text: string;
  items: Map<string, string[]>;
}

/** CODE, TEXT and ITEM_LIST of a SIMPLE_RETURN's RESPONSE. */
export function readSimpleReturn(node: XmlNode): ReturnMessage {
  const response = child(node, 'RESPONSE');
  const items = new Map<string, string[]>();
  for (const item of list<XmlNode>(child(response, 'ITEM_LIST')['ITEM'])) {
    const key = optionalText(item, 'KEY');
    if (key === undefined) continue;
    const values = list(item['VALUE']).map((value) => text(value) ?? '');
    items.set(key, [...(items.get(key) ?? []), ...values]);
  }
  return {
    code: optionalText(response, 'CODE'),
    text: optionalText(response, 'TEXT') ?? '',
    items,
  };
}

/** GENERIC_RETURN/API/RETURN(@status, @number), the legacy error form. */
function readGenericReturn(node: XmlNode): ReturnMessage {
  const returned = child(child(node, 'API'), 'RETURN');
  const message = text(returned['MESSAGE']) ?? text(returned) ?? '';
  return {
    code: text(returned['@number']),
    text: message,
    items: new Map(),
  };
}

/** The Qualys message of an error body, when the body is one. */
export function readErrorBody(body: string): ReturnMessage | undefined {
  let parsed: { root: string; node: XmlNode };
  try {
    parsed = parseXml(body);
  } catch {
    return undefined;
  }
  if (parsed.root === 'SIMPLE_RETURN') return readSimpleReturn(parsed.node);
  if (parsed.root === 'GENERIC_RETURN') return readGenericReturn(parsed.node);
  return undefined;
}

/**
 * Parses a body and checks its root.
 * @throws QualysApiError when Qualys sent an error return instead;
 * XmlShapeError when the body is not XML or has another root.
 */
export function expectRoot(
  body: string,
  roots: readonly string[],
  httpStatus = 200,
): { root: string; node: XmlNode } {
  const parsed = parseXml(body);
  if (roots.includes(parsed.root)) return parsed;

  const message =
    parsed.root === 'SIMPLE_RETURN'
      ? readSimpleReturn(parsed.node)
      : parsed.root === 'GENERIC_RETURN'
        ? readGenericReturn(parsed.node)
        : undefined;
  if (message?.code !== undefined) {
    throw apiError(message, httpStatus);
  }
  throw new XmlShapeError(
    `expected ${roots.join(' or ')} but the root element is ${parsed.root}`,
    { kind: 'unexpected' },
  );
}

/** A QualysApiError from a Qualys error message. */
export function apiError(
  message: ReturnMessage,
  httpStatus: number,
  extra: { maybeApplied?: boolean } = {},
): QualysApiError {
  const code = message.code ?? `HTTP ${httpStatus}`;
  const signature = message.items.get('Incident Signature')?.[0];
  const suffix = signature ? ` (incident signature ${signature})` : '';
  return new QualysApiError(
    `Qualys error ${code}: ${message.text || 'no text'}${suffix}`,
    {
      ...(message.code === undefined ? {} : { code: message.code }),
      text: message.text,
      httpStatus,
      ...(signature === undefined ? {} : { incidentSignature: signature }),
      ...extra,
    },
  );
}

/** The next page's URL from RESPONSE/WARNING code 1980, if any. */
export function nextPageUrl(response: XmlNode): string | undefined {
  const warning = child(response, 'WARNING');
  if (optionalText(warning, 'CODE') !== TRUNCATION_CODE) return undefined;
  return optionalText(warning, 'URL');
}
