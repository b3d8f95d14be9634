/**
 * The Qualys simulator: a node:http server on 127.0.0.1 that answers the
 * API v2 functions this project uses with the documented XML, checks
 * Basic auth and the X-Requested-With header, applies rate and concurrency
 * limits, and fails on purpose where a test has planned a fault.
 */
import { randomBytes } from 'node:crypto';
import {
  createServer,
  type IncomingMessage,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

import { emptySimData, type SimData } from './data.ts';
import { ENDPOINTS } from './endpoints/index.ts';
import { faultReply, limitReply } from './fault-replies.ts';
import { FaultPlan } from './faults.ts';
import { DEFAULT_LIMITS, LimitTracker, type LimitSettings } from './limits.ts';
import { Params } from './params.ts';
import { applyPurges } from './purge-queue.ts';
import { writeReply, writeTruncated, type Headers } from './reply-writer.ts';
import { resolveAction } from './resolve-action.ts';
import { SimRequestError } from './request-error.ts';
import { simpleReturn } from './xml-render.ts';

export interface SimulatorOptions {
  port?: number;
  data?: SimData;
  username?: string;
  password?: string;
  limits?: Partial<LimitSettings>;
  /** Default truncation limit of list outputs (Qualys: 1000). */
  pageSize?: number;
  /** Delay added before every answer. */
  latencyMs?: number;
  /** Clock for dates in answers and expiry checks. */
  now?: () => Date;
}

export interface CallRecord {
  method: string;
  path: string;
  action: string | undefined;
  /** HTTP status sent; 0 when the connection was reset. */
  status: number;
  params: Record<string, string>;
}

export interface RunningSimulator {
  url: string;
  username: string;
  password: string;
  data: SimData;
  faults: FaultPlan;
  calls: CallRecord[];
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 20 * 1024 * 1024;

/** Starts a simulator; resolves once it listens. */
export async function startSimulator(
  options: SimulatorOptions = {},
): Promise<RunningSimulator> {
  const username = options.username ?? 'vmgov_sim';
  const password = options.password ?? randomBytes(12).toString('base64url');
  const data = options.data ?? emptySimData();
  const now = options.now ?? (() => new Date());
  const limits = new LimitTracker({ ...DEFAULT_LIMITS, ...options.limits });
  const faults = new FaultPlan();
  const calls: CallRecord[] = [];
  const expected = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  let baseUrl = '';

  const server = createServer((req, res) => {
    void serve(req, res).catch(() => res.destroy());
  });

  async function serve(
    req: IncomingMessage,
    res: ServerResponse,
  ): Promise<void> {
    const url = new URL(req.url ?? '/', baseUrl);
    const body = await readBody(req);
    const params = Params.from(url.searchParams, new URLSearchParams(body));
    const action = params.get('action');
    const record: CallRecord = {
      method: req.method ?? '',
      path: url.pathname,
      action,
      status: 0,
      params: Object.fromEntries(params.entries()),
    };
    calls.push(record);
    res.on('finish', () => {
      record.status = res.statusCode;
    });
    const at = now();
    const fn = `${url.pathname}#${action ?? ''}`;
    applyPurges(data);
    if (options.latencyMs) await sleep(options.latencyMs);

    const refuse = (
      status: number,
      code: number | undefined,
      text: string,
      headers: Headers,
    ) =>
      writeReply(res, status, headers, [
        simpleReturn(baseUrl, { code, text }, at),
      ]);

    if (req.headers.authorization !== expected) {
      return refuse(401, undefined, 'Bad Login/Password', limits.peek(fn));
    }
    // The exact text Qualys sends without the header is not documented.
    if (!req.headers['x-requested-with']) {
      const text = 'The X-Requested-With header is required for API v2 calls.';
      return refuse(400, undefined, text, limits.peek(fn));
    }
    const endpoint = ENDPOINTS.get(url.pathname);
    if (!endpoint)
      return refuse(
        404,
        undefined,
        `No such API function: ${url.pathname}`,
        {},
      );

    const fault = faults.take(url.pathname, action);
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const immediate = fault && faultReply(baseUrl, fault, limits.peek(fn), at);
    if (immediate) {
      const { status, headers, body: text, contentType } = immediate;
      return writeReply(res, status, headers, [text], contentType);
    }

    const admission = limits.admit(fn);
    if (!admission.ok) {
      const reply = limitReply(
        baseUrl,
        admission.code,
        admission.waitSec,
        admission.headers,
        at,
      );
      return writeReply(res, reply.status, reply.headers, [reply.body]);
    }
    try {
      const method = req.method === 'POST' ? 'POST' : 'GET';
      const spec = resolveAction(endpoint, req.method ?? '', params);
      const ctx = {
        method,
        path: url.pathname,
        action: action ?? '',
        params,
        baseUrl,
        data,
        now: at,
        pageSize: options.pageSize ?? 1000,
      } as const;
      const reply = spec.handle(ctx);
      if (fault?.kind === 'slow') await sleep(fault.delayMs ?? 3000);
      if (fault?.kind === 'truncate') {
        writeTruncated(res, reply.status ?? 200, admission.headers, reply.body);
        return;
      }
      await writeReply(res, reply.status ?? 200, admission.headers, reply.body);
    } catch (error) {
      if (!(error instanceof SimRequestError)) throw error;
      await refuse(error.status, error.code, error.message, admission.headers);
    } finally {
      admission.release();
    }
  }

  server.listen(options.port ?? 0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  baseUrl = `http://127.0.0.1:${port}`;

  return {
    url: baseUrl,
    username,
    password,
    data,
    faults,
    calls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) break;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
