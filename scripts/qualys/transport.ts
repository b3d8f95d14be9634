/**
 * One HTTP exchange with Qualys: Basic auth, the X-Requested-With header,
 * a form-encoded POST with `action` in the body. Failures come back as a
 * classified outcome; nothing here retries.
 */
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';

import axios, { type AxiosInstance } from 'axios';

import { log } from '../output/logger.ts';

export interface Exchange {
  path: string;
  action: string;
  params: Record<string, string>;
}

export type Answer =
  | {
      kind: 'http';
      status: number;
      body: string;
      headers: Record<string, unknown>;
    }
  | {
      kind: 'network';
      reason: string;
      code: string | undefined;
      sent: boolean;
    };

export interface TransportOptions {
  baseUrl: string;
  username: string;
  password: string;
  userAgent: string;
  timeoutMs: number;
}

// Failures where the request cannot have reached Qualys.
const NOT_SENT = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);

export class Transport {
  private readonly http: AxiosInstance;

  constructor(options: TransportOptions) {
    this.http = axios.create({
      baseURL: options.baseUrl.replace(/\/+$/, ''),
      auth: { username: options.username, password: options.password },
      headers: {
        'X-Requested-With': options.userAgent,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      timeout: options.timeoutMs,
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      validateStatus: () => true,
      maxRedirects: 0,
      // A kept-alive socket the server closed while a page was processed
      // fails the next request, and a write would then look maybe-applied.
      httpAgent: new HttpAgent({ keepAlive: false }),
      httpsAgent: new HttpsAgent({ keepAlive: false }),
    });
  }

  /** Sends one request; never throws for HTTP or network failures. */
  async send(exchange: Exchange): Promise<Answer> {
    const form = new URLSearchParams({
      action: exchange.action,
      ...exchange.params,
    });
    const started = performance.now();
    try {
      const response = await this.http.post<string>(exchange.path, form);
      const ms = Math.round(performance.now() - started);
      log.debug('qualys call', {
        endpoint: exchange.path,
        action: exchange.action,
        status: response.status,
        ms,
      });
      return {
        kind: 'http',
        status: response.status,
        body: typeof response.data === 'string' ? response.data : '',
        headers: { ...response.headers },
      };
    } catch (error) {
      const ms = Math.round(performance.now() - started);
      const { reason, code } = describe(error);
      log.debug('qualys call failed', {
        endpoint: exchange.path,
        action: exchange.action,
        reason,
        ms,
      });
      return { kind: 'network', reason, code, sent: !NOT_SENT.has(code ?? '') };
    }
  }
}

/**
 * The failure's message and code only: axios errors hold the request
 * config (with the credentials), so they are never kept as a cause.
 */
function describe(error: unknown): {
  reason: string;
  code: string | undefined;
} {
  if (axios.isAxiosError(error)) {
    const code = error.code;
    const reason =
      code === 'ECONNABORTED' || code === 'ETIMEDOUT'
        ? 'timed out'
        : error.message || (code ?? 'network failure');
    return { reason, code };
  }
  return {
    reason: error instanceof Error ? error.message : String(error),
    code: undefined,
  };
}
