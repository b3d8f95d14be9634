/**
 * Parsing and printing of addresses and ranges as units write them: a CIDR
 * block, a single address, or `first-last`. Addresses are held as bigint so
 * IPv4 and IPv6 share one arithmetic.
 */
import ipaddr from 'ipaddr.js';

export type Family = 4 | 6;

export interface AddressRange {
  family: Family;
  first: bigint;
  last: bigint;
}

export interface ParsedRange extends AddressRange {
  text: string;
  kind: 'cidr' | 'single' | 'range';
}

/** A range a person wrote that cannot be read; `hint` says how to fix it. */
export class RangeSyntaxError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string) {
    super(message);
    this.name = 'RangeSyntaxError';
    this.hint = hint;
  }
}

const BITS: Record<Family, number> = { 4: 32, 6: 128 };
const IPV4_LOOSE = /^\d+(\.\d+){3}$/;

export function familyBits(family: Family): number {
  return BITS[family];
}

/** Parses one address; throws RangeSyntaxError with a hint. */
export function parseAddress(text: string): { family: Family; value: bigint } {
  const fast = plainIpv4(text);
  if (fast !== undefined) return { family: 4, value: BigInt(fast) };
  const trimmed = text.trim();
  if (IPV4_LOOSE.test(trimmed)) {
    const parts = trimmed.split('.');
    if (parts.some((o) => /^0\d/.test(o))) {
      // Leading zeros read as octal in some tools and decimal in others.
      throw new RangeSyntaxError(
        `"${trimmed}" has an octet with a leading zero`,
        `write it without leading zeros, e.g. "${stripZeros(trimmed)}"`,
      );
    }
    const octets = parts.map(Number);
    if (octets.some((o) => o > 255)) {
      throw new RangeSyntaxError(
        `"${trimmed}" has an octet above 255`,
        'each of the four numbers must be between 0 and 255',
      );
    }
    // Number arithmetic, one bigint at the end: parsing runs per range.
    const value = octets.reduce((sum, octet) => sum * 256 + octet, 0);
    return { family: 4, value: BigInt(value) };
  }
  const parsed = trimmed.includes(':') ? ipv6(trimmed) : undefined;
  if (parsed) {
    if (parsed.zoneId) {
      throw new RangeSyntaxError(
        `"${trimmed}" carries a zone id`,
        'remove the %zone part',
      );
    }
    return { family: 6, value: fromBytes(parsed.toByteArray()) };
  }
  throw new RangeSyntaxError(
    `"${trimmed}" is not an IPv4 or IPv6 address`,
    'write an address such as 171.64.10.5 or 2607:f6d0::1',
  );
}

/**
 * The value of a well-formed dotted quad (no spaces, no leading zeros, each
 * octet at most 255), read without regexes or arrays since it runs for every
 * range; undefined for anything else, which the checked path then explains.
 */
function plainIpv4(text: string): number | undefined {
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots += 1;
    } else if (code >= 48 && code <= 57) {
      if (digits > 0 && octet === 0) return undefined;
      octet = octet * 10 + (code - 48);
      digits += 1;
      if (octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + octet;
}

/** One parse instead of isValid followed by parse; undefined when invalid. */
function ipv6(text: string): ipaddr.IPv6 | undefined {
  try {
    return ipaddr.IPv6.parse(text);
  } catch {
    return undefined;
  }
}

/** Parses a CIDR block, a single address or an `a-b` range. */
export function parseRange(text: string): ParsedRange {
  const trimmed = String(text).trim();
  if (trimmed.includes('/')) return parseCidr(trimmed);
  if (trimmed.includes('-')) return parseDashRange(trimmed);
  const { family, value } = parseAddress(trimmed);
  return { family, first: value, last: value, text: trimmed, kind: 'single' };
}

function parseCidr(text: string): ParsedRange {
  const [addressText = '', prefixText = '', extra] = text.split('/');
  if (extra !== undefined || !/^\d{1,3}$/.test(prefixText)) {
    throw new RangeSyntaxError(
      `"${text}" is not a CIDR block`,
      'write address/prefix, e.g. 171.64.12.0/24',
    );
  }
  const { family, value } = parseAddress(addressText);
  const bits = BITS[family];
  const prefix = Number(prefixText);
  if (prefix > bits || (prefixText.length > 1 && prefixText.startsWith('0'))) {
    throw new RangeSyntaxError(
      `"${text}" has prefix /${prefixText}, outside 0-${bits} for IPv${family}`,
      `use a prefix between 0 and ${bits}`,
    );
  }
  // Block sizes are cached per prefix length: fewer bigints per range.
  const size = blockSize(family, bits - prefix);
  const network = value - (value % size);
  if (network !== value) {
    const meant = `${formatAddress(family, network)}/${prefix}`;
    throw new RangeSyntaxError(
      `"${text}" has host bits set`,
      `did you mean ${meant}? A CIDR block must start at its network address`,
    );
  }
  const last = network + size - 1n;
  return { family, first: network, last, text, kind: 'cidr' };
}

const BLOCK_SIZES: Record<Family, bigint[]> = { 4: [], 6: [] };

function blockSize(family: Family, hostBits: number): bigint {
  const sizes = BLOCK_SIZES[family];
  return (sizes[hostBits] ??= 1n << BigInt(hostBits));
}

function parseDashRange(text: string): ParsedRange {
  const parts = text.split('-');
  if (parts.length !== 2) {
    throw new RangeSyntaxError(
      `"${text}" is not a range`,
      'write first-last, e.g. 171.64.12.10-171.64.12.20',
    );
  }
  const first = parseAddress(parts[0] ?? '');
  const last = parseAddress(parts[1] ?? '');
  if (first.family !== last.family) {
    throw new RangeSyntaxError(
      `"${text}" mixes IPv4 and IPv6`,
      'both ends of a range must be of the same family',
    );
  }
  if (first.value > last.value) {
    throw new RangeSyntaxError(
      `"${text}" is reversed: its first address is after its last`,
      `write ${parts[1]?.trim()}-${parts[0]?.trim()}`,
    );
  }
  return {
    family: first.family,
    first: first.value,
    last: last.value,
    text,
    kind: 'range',
  };
}

export function formatAddress(family: Family, value: bigint): string {
  const bytes = toBytes(value, family === 4 ? 4 : 16);
  if (family === 4) return bytes.join('.');
  return ipaddr.fromByteArray(bytes).toString();
}

/** Qualys style: a single address, or `first-last`. */
export function formatRange(range: AddressRange): string {
  const first = formatAddress(range.family, range.first);
  if (range.first === range.last) return first;
  return `${first}-${formatAddress(range.family, range.last)}`;
}

/** The shortest CIDR list covering exactly the range, for people. */
export function rangeToCidrs(range: AddressRange): string[] {
  const bits = BITS[range.family];
  const out: string[] = [];
  let cursor = range.first;
  while (cursor <= range.last) {
    let size = 0;
    while (
      size < bits &&
      (cursor & ((1n << BigInt(size + 1)) - 1n)) === 0n &&
      cursor + (1n << BigInt(size + 1)) - 1n <= range.last
    ) {
      size += 1;
    }
    out.push(`${formatAddress(range.family, cursor)}/${bits - size}`);
    cursor += 1n << BigInt(size);
  }
  return out;
}

export function rangeSize(range: AddressRange): bigint {
  return range.last - range.first + 1n;
}

function fromBytes(bytes: number[]): bigint {
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  return value;
}

function toBytes(value: bigint, length: number): number[] {
  const bytes: number[] = new Array<number>(length).fill(0);
  let rest = value;
  for (let i = length - 1; i >= 0; i -= 1) {
    bytes[i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  return bytes;
}

function stripZeros(text: string): string {
  return text
    .split('.')
    .map((octet) => String(Number(octet)))
    .join('.');
}
