/**
 * The plan's checksum: sha256 of its canonical JSON (keys sorted, no
 * spaces). A reviewed plan's checksum binds the apply to what was
 * reviewed: a fresh plan that hashes differently is refused.
 */
import { createHash } from 'node:crypto';

import type { Plan } from './types.ts';

export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

export function planChecksum(plan: Plan): string {
  return createHash('sha256').update(canonicalJson(plan)).digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
