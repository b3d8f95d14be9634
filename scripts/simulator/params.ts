/**
 * Reading request parameters the way Qualys does: query string and form
 * body together, the last value of a repeated name wins, and a bad value is
 * refused with code 1905 naming the parameter.
 */
import { AddressSet } from '../net/address-set.ts';
import { invalid } from './request-error.ts';

export class Params {
  private readonly values: Map<string, string>;

  constructor(values: Map<string, string>) {
    this.values = values;
  }

  static from(query: URLSearchParams, body: URLSearchParams): Params {
    const values = new Map<string, string>();
    for (const [key, value] of query) values.set(key, value);
    for (const [key, value] of body) values.set(key, value);
    return new Params(values);
  }

  names(): string[] {
    return [...this.values.keys()];
  }

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): string | undefined {
    return this.values.get(name);
  }

  entries(): [string, string][] {
    return [...this.values.entries()];
  }

  /** A 0/1 flag. @throws SimRequestError 1905 for any other value. */
  flag(name: string, fallback = false): boolean {
    const value = this.values.get(name);
    if (value === undefined) return fallback;
    if (value !== '0' && value !== '1') throw invalid(name, value);
    return value === '1';
  }

  /** A whole number in [min, max]. @throws SimRequestError 1905. */
  int(
    name: string,
    min = 0,
    max = Number.MAX_SAFE_INTEGER,
  ): number | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    const parsed = Number(value);
    const ok = /^\d+$/.test(value) && parsed >= min && parsed <= max;
    if (!ok) throw invalid(name, value);
    return parsed;
  }

  /** Comma list, blanks dropped. */
  list(name: string): string[] | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    return value
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  /** One of the allowed values (case-insensitive). @throws SimRequestError 1905. */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    const found = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
    if (found === undefined) throw invalid(name, value);
    return found;
  }

  /**
   * Numeric IDs and ranges such as `12,15-20` as [first, last] pairs.
   * @throws SimRequestError 1905 when an item is not a number or range.
   */
  idRanges(name: string): [number, number][] | undefined {
    const items = this.list(name);
    if (items === undefined) return undefined;
    return items.map((item) => {
      const match = /^(\d+)(?:-(\d+))?$/.exec(item);
      if (!match) throw invalid(name, item);
      const first = Number(match[1]);
      const last = match[2] === undefined ? first : Number(match[2]);
      if (last < first) throw invalid(name, item);
      return [first, last];
    });
  }

  /** `YYYY-MM-DD[THH:MM:SSZ]` as a Date. @throws SimRequestError 1905. */
  date(name: string): Date | undefined {
    const value = this.values.get(name);
    if (value === undefined) return undefined;
    const ok = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2}Z)?$/.test(value);
    const parsed = new Date(value);
    if (!ok || Number.isNaN(parsed.getTime())) throw invalid(name, value);
    return parsed;
  }

  /** IPs and ranges (single, a-b, CIDR). @throws SimRequestError 1905. */
  addresses(name: string): AddressSet | undefined {
    const items = this.list(name);
    if (items === undefined) return undefined;
    try {
      return AddressSet.parse(items);
    } catch {
      throw invalid(name, this.values.get(name) ?? '');
    }
  }
}

export function inIdRanges(id: number, ranges: [number, number][]): boolean {
  return ranges.some(([first, last]) => id >= first && id <= last);
}
