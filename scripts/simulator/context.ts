/**
 * What an endpoint handler receives and returns, and how an endpoint
 * declares its actions: allowed parameters, required ones, and whether the
 * action writes (writes are POST-only).
 */
import type { SimData } from './data.ts';
import type { Params } from './params.ts';

export interface SimContext {
  method: 'GET' | 'POST';
  path: string;
  action: string;
  params: Params;
  baseUrl: string;
  data: SimData;
  now: Date;
  /** Default truncation limit of list outputs. */
  pageSize: number;
}

export interface SimReply {
  status?: number;
  /** Body parts, written in order; a generator lets large pages stream. */
  body: Iterable<string>;
}

export interface ActionSpec {
  write: boolean;
  params: readonly string[];
  required?: readonly string[];
  handle: (ctx: SimContext) => SimReply;
}

export interface EndpointSpec {
  path: string;
  actions: Record<string, ActionSpec>;
}

/** Parameters every v2 function accepts. */
export const COMMON_PARAMS = ['action', 'echo_request'] as const;

/** The next free numeric ID after the ones in use. */
export function nextNumericId(ids: Iterable<string>, floor: number): string {
  let max = floor;
  for (const id of ids) {
    const n = Number(id);
    if (Number.isFinite(n) && n > max) max = n;
  }
  return String(max + 1);
}
