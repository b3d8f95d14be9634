/**
 * How a plan counts and words addresses. IPv4 is counted in addresses;
 * IPv6 in /64 networks, the size of one IPv6 subnet, because a single /64
 * holds 2^64 addresses and a raw count means nothing to the people who
 * read a plan. A /64 that a range covers only in part counts as one.
 */
import type { AddressSet } from '../net/address-set.ts';

/** Decimal strings: an IPv6 /64 count can outgrow a JS number. */
export interface AddressCount {
  ipv4: string;
  ipv6Networks64: string;
}

const HOST_BITS_64 = 64n;

export function countOf(set: AddressSet): AddressCount {
  return {
    ipv4: set.size(4).toString(),
    ipv6Networks64: networks64(set).toString(),
  };
}

export const NO_ADDRESSES: AddressCount = { ipv4: '0', ipv6Networks64: '0' };

/** Distinct /64 networks the set's IPv6 ranges touch. */
function networks64(set: AddressSet): bigint {
  let total = 0n;
  let lastCounted = -1n;
  for (const r of set.ranges(6)) {
    const first = r.first >> HOST_BITS_64;
    const last = r.last >> HOST_BITS_64;
    // Disjoint ranges may still share a /64; count each network once.
    const from = first > lastCounted ? first : lastCounted + 1n;
    if (last >= from) total += last - from + 1n;
    if (last > lastCounted) lastCounted = last;
  }
  return total;
}

export function addCounts(a: AddressCount, b: AddressCount): AddressCount {
  return {
    ipv4: (BigInt(a.ipv4) + BigInt(b.ipv4)).toString(),
    ipv6Networks64: (
      BigInt(a.ipv6Networks64) + BigInt(b.ipv6Networks64)
    ).toString(),
  };
}

/**
 * The number the removal limits compare: IPv4 addresses plus IPv6 /64
 * networks, so one /64 weighs like one IPv4 address, not like 2^64.
 */
export function limitMeasure(count: AddressCount): bigint {
  return BigInt(count.ipv4) + BigInt(count.ipv6Networks64);
}

export function isZero(count: AddressCount): boolean {
  return limitMeasure(count) === 0n;
}

/** 69703 -> "69,703". */
export function thousands(value: bigint | string | number): string {
  const digits = BigInt(value).toString();
  const negative = digits.startsWith('-');
  const body = negative ? digits.slice(1) : digits;
  const grouped = body.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return negative ? `-${grouped}` : grouped;
}

/**
 * "69,703 IPv4 addresses", "2 IPv6 /64 networks", both joined by "and",
 * or "no addresses" when the count is zero.
 */
export function describeCount(count: AddressCount): string {
  const parts: string[] = [];
  const v4 = BigInt(count.ipv4);
  const v6 = BigInt(count.ipv6Networks64);
  if (v4 > 0n)
    parts.push(`${thousands(v4)} IPv4 ${v4 === 1n ? 'address' : 'addresses'}`);
  if (v6 > 0n)
    parts.push(
      `${thousands(v6)} IPv6 /64 ${v6 === 1n ? 'network' : 'networks'}`,
    );
  return parts.length > 0 ? parts.join(' and ') : 'no addresses';
}
