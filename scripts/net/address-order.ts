/**
 * The order people read addresses in: 10.1.0.9 before 10.1.0.10. A numeric
 * collation does this for dotted IPv4 and for IPv6 text alike, which is
 * all a report's listing needs; it is not a sort by address value.
 */

// One collator for all comparisons: building one per call is slow.
const COLLATOR = new Intl.Collator('en', { numeric: true });

export function compareAddresses(a: string, b: string): number {
  return COLLATOR.compare(a, b);
}
