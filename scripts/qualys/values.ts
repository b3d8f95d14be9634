/**
 * Typed reads of parsed Qualys XML values: text stays text, numbers and
 * flags are converted where the contract asks for them, and a missing
 * required element is a shape error rather than a silent default.
 */
import { isDay } from '../dates.ts';
import { list, text, XmlShapeError, type XmlNode } from './xml.ts';

/** Optional text of a child element. */
export function optionalText(node: XmlNode, name: string): string | undefined {
  const value = text(node[name]);
  return value === undefined || value === '' ? undefined : value;
}

/**
 * Required text of a child element.
 * @throws XmlShapeError naming the element and its parent when absent.
 */
export function requiredText(
  node: XmlNode,
  name: string,
  parent: string,
): string {
  const value = optionalText(node, name);
  if (value === undefined) {
    throw new XmlShapeError(`${parent} without ${name}`, {
      kind: 'unexpected',
    });
  }
  return value;
}

/**
 * Optional integer of a child element.
 * @throws XmlShapeError when the element holds something else.
 */
export function optionalInt(node: XmlNode, name: string): number | undefined {
  const value = optionalText(node, name);
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value)) {
    throw new XmlShapeError(`${name} is "${value}", not a whole number`, {
      kind: 'unexpected',
    });
  }
  return Number(value);
}

/** A Qualys 0/1 flag; absent means false. */
export function flag(node: XmlNode, name: string): boolean {
  const value = optionalText(node, name);
  return value === '1' || value?.toLowerCase() === 'true';
}

/** Texts of a repeated child element (e.g. IP_SET's IP). */
export function texts(node: XmlNode, name: string): string[] {
  return list(node[name]).flatMap((item) => {
    const value = text(item);
    return value === undefined || value === '' ? [] : [value];
  });
}

/** A comma list such as APPLIANCE_IDS "43576, 43575". */
export function commaList(value: string | undefined): string[] {
  if (value === undefined) return [];
  return value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** A Qualys date (YYYY-MM-DD, time optional) that names a real day. */
export function isQualysDate(value: string): boolean {
  const time = value.slice(10);
  return (
    isDay(value.slice(0, 10)) && /^(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(time)
  );
}

/**
 * Optional date-time of a child element.
 * @throws XmlShapeError when the element holds something else: a date that
 * is not one would count its finding as never overdue.
 */
export function optionalDate(node: XmlNode, name: string): string | undefined {
  const value = optionalText(node, name);
  if (value !== undefined && !isQualysDate(value)) {
    throw new XmlShapeError(`${name} is "${value}", not a date`, {
      kind: 'unexpected',
    });
  }
  return value;
}
