/**
 * Qualys limits per API function (path and action): never more calls at
 * once than X-Concurrency-Limit-Limit allows, and a reserve of calls per
 * window left for people, read from the X-RateLimit-* headers.
 */
import { QualysLimitError } from './errors.ts';

export interface LimitOptions {
  reserveCalls: number;
  maxConcurrency: number;
  maxWaitSeconds: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

type Headers = Record<string, unknown>;

/** A header as a whole number, when it is one. */
export function headerInt(headers: Headers, name: string): number | undefined {
  const value = headers[name.toLowerCase()];
  const raw = Array.isArray(value) ? (value[0] as unknown) : value;
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined;
  const parsed = Number(raw);
  return Number.isFinite(parsed) ? parsed : undefined;
}

/**
 * The error for a wait longer than allowed, saying when to run again.
 */
export function limitError(
  what: string,
  reason: string,
  waitSec: number,
  now: Date,
  cause?: unknown,
): QualysLimitError {
  const retryAt = new Date(now.getTime() + Math.ceil(waitSec) * 1000);
  return new QualysLimitError(
    `${what}: ${reason}; run again after ${retryAt.toISOString()}`,
    retryAt,
    { cause },
  );
}

/** One API function's slots and last known rate state. */
class FunctionGate {
  // One call at a time until Qualys says how many it allows.
  private allowed = 1;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  remaining: number | undefined;
  toWaitSec: number | undefined;
  windowSec: number | undefined;

  async acquire(): Promise<() => void> {
    if (this.running < this.allowed) {
      this.running += 1;
    } else {
      // wake() counts the slot for the caller it resumes.
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.wake();
    };
  }

  setAllowed(allowed: number): void {
    this.allowed = Math.max(1, allowed);
    this.wake();
  }

  private wake(): void {
    while (this.running < this.allowed) {
      const next = this.waiting.shift();
      if (!next) return;
      this.running += 1;
      next();
    }
  }
}

export class Limits {
  private readonly gates = new Map<string, FunctionGate>();

  constructor(private readonly options: LimitOptions) {}

  /**
   * Waits for a free slot and for the reserve, then returns the release.
   * @throws QualysLimitError when the reserve would need a longer wait
   * than maxWaitSeconds.
   */
  async enter(fn: string): Promise<() => void> {
    const gate = this.gate(fn);
    await this.keepReserve(fn, gate);
    return gate.acquire();
  }

  /** Updates what is known from a response's headers. */
  observe(fn: string, headers: Headers): void {
    const gate = this.gate(fn);
    const allowed = headerInt(headers, 'X-Concurrency-Limit-Limit');
    if (allowed !== undefined) {
      gate.setAllowed(Math.min(allowed, this.options.maxConcurrency));
    }
    gate.remaining = headerInt(headers, 'X-RateLimit-Remaining');
    gate.toWaitSec = headerInt(headers, 'X-RateLimit-ToWait-Sec');
    gate.windowSec = headerInt(headers, 'X-RateLimit-Window-Sec');
  }

  /** After waiting out a 409, the old counts no longer hold. */
  forget(fn: string): void {
    const gate = this.gate(fn);
    gate.remaining = undefined;
    gate.toWaitSec = undefined;
  }

  private async keepReserve(fn: string, gate: FunctionGate): Promise<void> {
    const { remaining } = gate;
    if (remaining === undefined || remaining > this.options.reserveCalls) {
      return;
    }
    const waitSec =
      gate.toWaitSec !== undefined && gate.toWaitSec > 0
        ? gate.toWaitSec
        : (gate.windowSec ?? Number.POSITIVE_INFINITY);
    if (waitSec > this.options.maxWaitSeconds) {
      const known = Number.isFinite(waitSec);
      throw limitError(
        fn,
        `${remaining} calls left in the window and ${this.options.reserveCalls} are kept for people`,
        known ? waitSec : this.options.maxWaitSeconds,
        this.options.now(),
      );
    }
    await this.options.sleep(waitSec * 1000);
    // The next answer tells the new state; until then, do not wait again.
    gate.remaining = undefined;
  }

  private gate(fn: string): FunctionGate {
    let gate = this.gates.get(fn);
    if (!gate) {
      gate = new FunctionGate();
      this.gates.set(fn, gate);
    }
    return gate;
  }
}
