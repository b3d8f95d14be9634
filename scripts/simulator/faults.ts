/**
 * Faults a test plans ahead: which call of which API function fails, and
 * how. Each fault skips `afterCalls` matching calls, then fires `times`
 * times.
 */

export type FaultKind =
  | '409-1960'
  | '409-1965'
  | '429'
  | '999'
  | '500'
  | '503'
  | 'reset'
  | 'truncate'
  | 'slow';

export interface FaultSpec {
  /** Endpoint path, e.g. `/api/2.0/fo/asset/group/`. */
  path: string;
  action?: string;
  kind: FaultKind;
  times?: number;
  afterCalls?: number;
  /** Seconds announced to wait (409-1965, 429). */
  waitSec?: number;
  /** Delay before a slow answer, in milliseconds. */
  delayMs?: number;
}

interface PlannedFault {
  spec: FaultSpec;
  toSkip: number;
  left: number;
}

export class FaultPlan {
  private readonly planned: PlannedFault[] = [];

  add(spec: FaultSpec): void {
    this.planned.push({
      spec,
      toSkip: spec.afterCalls ?? 0,
      left: spec.times ?? 1,
    });
  }

  clear(): void {
    this.planned.length = 0;
  }

  /** Number of planned faults that have not fired yet. */
  pending(): number {
    return this.planned.filter((p) => p.left > 0).length;
  }

  /** The fault for this call, if one is due; counts the call either way. */
  take(path: string, action: string | undefined): FaultSpec | undefined {
    let due: FaultSpec | undefined;
    for (const fault of this.planned) {
      if (fault.left <= 0 || !matches(fault.spec, path, action)) continue;
      if (fault.toSkip > 0) {
        fault.toSkip -= 1;
        continue;
      }
      if (due) continue;
      fault.left -= 1;
      due = fault.spec;
    }
    return due;
  }
}

function matches(
  spec: FaultSpec,
  path: string,
  action: string | undefined,
): boolean {
  const wanted =
    spec.path.endsWith('/') || spec.path.endsWith('.php')
      ? spec.path
      : `${spec.path}/`;
  if (wanted !== path) return false;
  return spec.action === undefined || spec.action === action;
}
