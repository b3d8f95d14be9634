/**
 * A local HTTP server answering with canned Qualys-format bodies in
 * order, for shapes the simulator never sends (unknown roots, a repeating
 * next-page URL). Real HTTP, no module mocking.
 */
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CannedReply {
  status?: number;
  body: string;
  headers?: Record<string, string>;
}

export interface CannedServer {
  url: string;
  /** Form bodies received, in order. */
  requests: URLSearchParams[];
  /** Request methods and headers, in the same order. */
  received: { method: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** Serves `replies` one per request; the last one repeats. */
export async function startCanned(
  replies: CannedReply[],
): Promise<CannedServer> {
  const requests: URLSearchParams[] = [];
  const received: CannedServer['received'] = [];
  const server = createServer((req, res) => {
    received.push({ method: req.method ?? '', headers: req.headers });
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push(new URLSearchParams(Buffer.concat(chunks).toString()));
      const reply =
        replies[Math.min(requests.length, replies.length) - 1] ??
        ({ status: 500, body: '' } satisfies CannedReply);
      res.writeHead(reply.status ?? 200, {
        'Content-Type': 'text/xml;charset=UTF-8',
        ...reply.headers,
      });
      res.end(reply.body);
    });
  });
  server.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    received,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A detection page with the given host IDs and, optionally, a WARNING. */
export function detectionPage(ids: string[], nextUrl?: string): string {
  const hosts = ids
    .map((id) => `<HOST><ID>${id}</ID><IP>10.0.0.${id}</IP></HOST>`)
    .join('');
  const warning = nextUrl
    ? `<WARNING><CODE>1980</CODE><TEXT>1 record limit exceeded. Use URL to get next batch of results.</TEXT><URL><![CDATA[${nextUrl}]]></URL></WARNING>`
    : '';
  return `<?xml version="1.0" encoding="UTF-8" ?>
<!DOCTYPE HOST_LIST_VM_DETECTION_OUTPUT SYSTEM "https://qualysapi.example/api/2.0/fo/asset/host/vm/detection/dtd/output.dtd">
<HOST_LIST_VM_DETECTION_OUTPUT><RESPONSE><DATETIME>2026-12-01T08:00:00Z</DATETIME>
<HOST_LIST>${hosts}</HOST_LIST>${warning}</RESPONSE></HOST_LIST_VM_DETECTION_OUTPUT>`;
}
