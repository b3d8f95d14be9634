/** Small readers for numbers in Qualys XML text. */
import { text } from '../qualys/xml.ts';

/** The element's text as an integer, or undefined when absent or not one. */
export function optionalNumber(value: unknown): number | undefined {
  const raw = text(value);
  if (raw === undefined || !/^-?\d+$/.test(raw.trim())) return undefined;
  return Number(raw);
}
