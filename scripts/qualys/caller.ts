/**
 * One Qualys call with its waits and retries: limits are waited out for
 * every call (a 409 means nothing ran); 999, 5xx, timeouts, resets and cut
 * bodies are retried with backoff for reads only.
 */
import {
  QualysApiError,
  QualysAuthError,
  QualysTransportError,
} from './errors.ts';
import { limitError, type Limits, headerInt } from './limits.ts';
import { apiError, readErrorBody, type ReturnMessage } from './response.ts';
import type { Answer, Exchange, Transport } from './transport.ts';
import type { ClientStats } from './types.ts';
import { XmlShapeError } from './xml.ts';

export interface CallSpec<T> extends Exchange {
  /** Writes are never re-sent after an unclear outcome. */
  write: boolean;
  parse: (body: string) => T;
}

export interface CallerOptions {
  retries: number;
  backoffMs: number;
  maxWaitSeconds: number;
  limitRetries: number;
  sleep: (ms: number) => Promise<void>;
  now: () => Date;
}

type Verdict<T> =
  | { kind: 'done'; value: T }
  | { kind: 'limit'; waitSec: number; error: Error }
  | { kind: 'transient'; error: Error };

const LIMIT_CODES = new Set(['1960', '1965']);

export class Caller {
  readonly stats: ClientStats = { calls: 0, byEndpoint: {}, retries: 0 };

  constructor(
    private readonly transport: Transport,
    private readonly limits: Limits,
    private readonly options: CallerOptions,
  ) {}

  /**
   * Calls Qualys until an answer parses, a limit asks for too long, or
   * retries run out.
   * @throws QualysAuthError, QualysLimitError, QualysApiError,
   * QualysTransportError (writes: `maybeApplied` when the call may have
   * run), XmlShapeError for an answer of the wrong shape.
   */
  async call<T>(spec: CallSpec<T>): Promise<T> {
    const fn = `${spec.path}?action=${spec.action}`;
    let transient = 0;
    let limited = 0;
    for (;;) {
      const release = await this.limits.enter(fn);
      let answer: Answer;
      try {
        answer = await this.transport.send(spec);
      } finally {
        release();
      }
      this.count(spec.path);

      const verdict = this.judge(fn, spec, answer, limited);
      if (verdict.kind === 'done') return verdict.value;
      if (verdict.kind === 'limit') {
        await this.waitOut(fn, verdict, limited);
        limited += 1;
        continue;
      }
      if (spec.write || transient >= this.options.retries) throw verdict.error;
      await this.options.sleep(this.options.backoffMs * 2 ** transient);
      transient += 1;
      this.stats.retries += 1;
    }
  }

  /**
   * Sleeps what a limit asks, then forgets the stale counts.
   * @throws QualysLimitError when the wait is longer than maxWaitSeconds
   * or the limit persists after limitRetries waits.
   */
  private async waitOut(
    fn: string,
    verdict: { waitSec: number; error: Error },
    limited: number,
  ): Promise<void> {
    const tooLong = verdict.waitSec > this.options.maxWaitSeconds;
    if (tooLong || limited >= this.options.limitRetries) {
      const reason = tooLong
        ? `Qualys asks to wait ${Math.ceil(verdict.waitSec)} s`
        : `still limited after ${limited} waits`;
      const now = this.options.now();
      throw limitError(fn, reason, verdict.waitSec, now, verdict.error);
    }
    this.stats.retries += 1;
    await this.options.sleep(verdict.waitSec * 1000);
    this.limits.forget(fn);
  }

  private judge<T>(
    fn: string,
    spec: CallSpec<T>,
    answer: Answer,
    limited: number,
  ): Verdict<T> {
    const what = `${spec.path} action=${spec.action}`;
    if (answer.kind === 'network') {
      const maybeApplied = spec.write && answer.sent;
      const error = new QualysTransportError(`${what}: ${answer.reason}`, {
        maybeApplied,
        cause: new Error(answer.reason),
      });
      return { kind: 'transient', error };
    }

    const { status, body, headers } = answer;
    this.limits.observe(fn, headers);
    if (status === 401 || body.includes('Bad Login/Password')) {
      throw new QualysAuthError(
        `${what}: Qualys refused the login (Bad Login/Password)`,
      );
    }
    const message = status >= 400 ? readErrorBody(body) : undefined;
    const fallback: ReturnMessage = {
      code: undefined,
      text: `HTTP ${status}`,
      items: new Map(),
    };
    const known = message ?? fallback;

    if (status === 409 || status === 429 || LIMIT_CODES.has(known.code ?? '')) {
      const error = apiError(known, status);
      return {
        kind: 'limit',
        waitSec: this.waitSec(headers, known, limited),
        error,
      };
    }
    if (status >= 500 || known.code === '999') {
      const error = apiError(known, status, { maybeApplied: spec.write });
      return { kind: 'transient', error };
    }
    if (status >= 400) throw apiError(known, status);
    return this.parsed(what, spec, body);
  }

  private parsed<T>(what: string, spec: CallSpec<T>, body: string): Verdict<T> {
    try {
      return { kind: 'done', value: spec.parse(body) };
    } catch (error) {
      if (error instanceof QualysApiError && error.code === '999') {
        return { kind: 'transient', error };
      }
      if (!(error instanceof XmlShapeError) || error.kind !== 'malformed') {
        throw error;
      }
      const cut = new QualysTransportError(
        `${what}: the answer was cut short or broken (${error.message})`,
        { maybeApplied: spec.write, cause: error },
      );
      return { kind: 'transient', error: cut };
    }
  }

  /** What Qualys says to wait, else a growing pause for a busy slot. */
  private waitSec(
    headers: Record<string, unknown>,
    message: ReturnMessage,
    limited: number,
  ): number {
    const header = headerInt(headers, 'X-RateLimit-ToWait-Sec');
    if (header !== undefined && header > 0) return header;
    const stated = Number(message.items.get('SECONDS_TO_WAIT')?.[0]);
    if (Number.isFinite(stated) && stated > 0) return stated;
    return (this.options.backoffMs * 2 ** limited) / 1000;
  }

  private count(path: string): void {
    this.stats.calls += 1;
    this.stats.byEndpoint[path] = (this.stats.byEndpoint[path] ?? 0) + 1;
  }
}
