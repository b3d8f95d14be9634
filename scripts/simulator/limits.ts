/**
 * Rate and concurrency limits per API function (path and action), as
 * Qualys applies them per subscription: the concurrency check comes first,
 * then the calls counted in a sliding window.
 */

export interface LimitSettings {
  ratePerWindow: number;
  windowSec: number;
  concurrency: number;
}

export const DEFAULT_LIMITS: LimitSettings = {
  ratePerWindow: 300,
  windowSec: 3600,
  concurrency: 2,
};

export type Admission =
  | { ok: true; release: () => void; headers: Record<string, string> }
  | {
      ok: false;
      code: 1960 | 1965;
      headers: Record<string, string>;
      waitSec: number;
    };

interface FunctionState {
  started: number[];
  running: number;
}

export class LimitTracker {
  private readonly settings: LimitSettings;
  private readonly states = new Map<string, FunctionState>();
  private readonly clock: () => number;

  constructor(settings: LimitSettings, clock: () => number = Date.now) {
    this.settings = settings;
    this.clock = clock;
  }

  /** Admits a call or says which limit blocks it; both carry the headers. */
  admit(fn: string): Admission {
    const state = this.state(fn);
    const { concurrency, ratePerWindow } = this.settings;

    if (state.running >= concurrency) {
      return {
        ok: false,
        code: 1960,
        waitSec: 0,
        headers: this.headers(state, 1),
      };
    }
    if (state.started.length >= ratePerWindow) {
      const waitSec = this.waitSec(state);
      return {
        ok: false,
        code: 1965,
        waitSec,
        headers: this.headers(state, 1),
      };
    }

    state.started.push(this.clock());
    state.running += 1;
    const headers = this.headers(state, 0);
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      state.running -= 1;
    };
    return { ok: true, release, headers };
  }

  /** Headers describing the function's state without counting a call. */
  peek(fn: string): Record<string, string> {
    return this.headers(this.state(fn), 1);
  }

  private state(fn: string): FunctionState {
    let state = this.states.get(fn);
    if (!state) {
      state = { started: [], running: 0 };
      this.states.set(fn, state);
    }
    const horizon = this.clock() - this.settings.windowSec * 1000;
    while (state.started.length > 0 && state.started[0] <= horizon) {
      state.started.shift();
    }
    return state;
  }

  private waitSec(state: FunctionState): number {
    const oldest = state.started[0];
    if (oldest === undefined) return 0;
    const until = oldest + this.settings.windowSec * 1000 - this.clock();
    return Math.max(1, Math.ceil(until / 1000));
  }

  private headers(
    state: FunctionState,
    extraRunning: number,
  ): Record<string, string> {
    const { ratePerWindow, windowSec, concurrency } = this.settings;
    const remaining = Math.max(0, ratePerWindow - state.started.length);
    return {
      'X-RateLimit-Limit': String(ratePerWindow),
      'X-RateLimit-Window-Sec': String(windowSec),
      'X-RateLimit-Remaining': String(remaining),
      'X-RateLimit-ToWait-Sec': String(remaining > 0 ? 0 : this.waitSec(state)),
      'X-Concurrency-Limit-Limit': String(concurrency),
      'X-Concurrency-Limit-Running': String(state.running + extraRunning),
    };
  }
}
