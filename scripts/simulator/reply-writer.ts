/**
 * Writing a reply to the socket: parts are batched into chunks and written
 * with backpressure so a page of thousands of hosts never sits in memory
 * whole; a planned truncation cuts the body inside an element instead.
 */
import type { ServerResponse } from 'node:http';

const CHUNK = 64 * 1024;

export type Headers = Record<string, string>;

export async function writeReply(
  res: ServerResponse,
  status: number,
  headers: Headers,
  body: Iterable<string>,
  contentType = 'text/xml;charset=UTF-8',
): Promise<void> {
  res.writeHead(status, { ...headers, 'Content-Type': contentType });
  let pending = '';
  for (const part of body) {
    if (res.destroyed) return;
    pending += part;
    if (pending.length < CHUNK) continue;
    const chunk = pending;
    pending = '';
    if (!res.write(chunk)) await drained(res);
  }
  if (res.destroyed) return;
  res.end(pending);
}

/** Sends only the first part of the body, cut in the middle of an element. */
export function writeTruncated(
  res: ServerResponse,
  status: number,
  headers: Headers,
  body: Iterable<string>,
): void {
  const whole = [...body].join('');
  const cut = cutInsideElement(whole);
  res.writeHead(status, {
    ...headers,
    'Content-Type': 'text/xml;charset=UTF-8',
    'Content-Length': String(Buffer.byteLength(cut)),
  });
  res.end(cut);
}

/** Cuts just after the `<` and two characters of an element past the middle. */
export function cutInsideElement(whole: string): string {
  const middle = Math.floor(whole.length / 2);
  const open = whole.indexOf('<', middle);
  const at = open === -1 ? middle : open + 3;
  return whole.slice(0, Math.min(at, whole.length - 1));
}

/** Waits for the socket to take more, or to close; leaves no listener behind. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}
