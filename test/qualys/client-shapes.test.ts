import { afterEach, describe, expect, it } from 'vitest';

import { createClient } from '../../scripts/qualys/client.ts';
import { QualysApiError } from '../../scripts/qualys/errors.ts';
import type { QualysClient } from '../../scripts/qualys/types.ts';
import { XmlShapeError } from '../../scripts/qualys/xml.ts';
import {
  detectionPage,
  startCanned,
  type CannedReply,
  type CannedServer,
} from './support/canned-server.ts';

let server: CannedServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function against(replies: CannedReply[]): Promise<QualysClient> {
  server = await startCanned(replies);
  return createClient({
    baseUrl: server.url,
    username: 'api_user',
    password: 'canned-password',
    backoffMs: 1,
  });
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the call to fail');
}

const APPLIANCES =
  '<APPLIANCE_LIST_OUTPUT><RESPONSE><APPLIANCE_LIST><APPLIANCE><ID>1</ID><NAME>a</NAME></APPLIANCE></APPLIANCE_LIST></RESPONSE></APPLIANCE_LIST_OUTPUT>';

describe('answers of the wrong shape', () => {
  it('refuses an unknown root instead of reading no records', async () => {
    const client = await against([
      {
        body: '<?xml version="1.0"?><SOMETHING_ELSE><RESPONSE/></SOMETHING_ELSE>',
      },
    ]);

    const error = await failure(client.listAppliances());

    expect(error).toBeInstanceOf(XmlShapeError);
    expect(error.message).toBe(
      'expected APPLIANCE_LIST_OUTPUT but the root element is SOMETHING_ELSE',
    );
    expect(server!.requests).toHaveLength(1);
  });

  it('reads a SIMPLE_RETURN error sent with status 200 as an API error', async () => {
    const client = await against([
      {
        body: '<SIMPLE_RETURN><RESPONSE><DATETIME>2026-12-01T08:00:00Z</DATETIME><CODE>1901</CODE><TEXT>Unrecognized parameter(s): bogus</TEXT></RESPONSE></SIMPLE_RETURN>',
      },
    ]);

    const error = await failure(client.listExcludedIps());

    expect(error).toBeInstanceOf(QualysApiError);
    expect(error.message).toBe(
      'Qualys error 1901: Unrecognized parameter(s): bogus',
    );
  });

  it('retries a legacy GENERIC_RETURN 999 on a read', async () => {
    const client = await against([
      {
        body: '<GENERIC_RETURN><API name="appliance" username="api_user" at="2026-12-01T08:00:00Z"><RETURN status="FAILED" number="999">Internal error</RETURN></API></GENERIC_RETURN>',
      },
      { body: APPLIANCES },
    ]);

    expect(await client.listAppliances()).toEqual([
      { id: '1', name: 'a', status: undefined },
    ]);
    expect(client.stats().retries).toBe(1);
  });
});

describe('paging guard', () => {
  it('stops when the next-page URL repeats', async () => {
    const next =
      'https://qualysapi.example/api/2.0/fo/asset/host/vm/detection/?action=list&id_min=5';
    const client = await against([
      { body: detectionPage(['1', '2'], next) },
      { body: detectionPage(['5', '6'], next) },
    ]);
    const seen: string[][] = [];

    const error = await failure(
      (async () => {
        for await (const page of client.streamDetections({
          truncationLimit: 2,
        })) {
          seen.push(page.map((h) => h.id));
        }
      })(),
    );

    expect(error).toBeInstanceOf(QualysApiError);
    expect(error.message).toBe(
      '/api/2.0/fo/asset/host/vm/detection/ action=list: the next-page URL repeats id_min=5; stopped to avoid a loop',
    );
    expect(seen).toEqual([
      ['1', '2'],
      ['5', '6'],
    ]);
    expect(server!.requests.map((r) => r.get('id_min'))).toEqual([null, '5']);
    expect(server!.requests[1].get('truncation_limit')).toBe('2');
  });

  it('stops when the next-page URL has no id_min', async () => {
    const client = await against([
      {
        body: detectionPage(
          ['1'],
          'https://qualysapi.example/api/2.0/fo/asset/host/vm/detection/?action=list',
        ),
      },
    ]);

    const error = await failure(collect(client));
    expect(error.message).toBe(
      '/api/2.0/fo/asset/host/vm/detection/ action=list: the next-page URL has no id_min; stopped to avoid a loop',
    );
  });

  it('sends Basic auth, X-Requested-With and the action in a form body', async () => {
    const client = await against([{ body: APPLIANCES }]);
    await client.listAppliances();
    const { method, headers } = server!.received[0];
    const basic = Buffer.from('api_user:canned-password').toString('base64');

    expect(method).toBe('POST');
    expect(headers['authorization']).toBe(`Basic ${basic}`);
    expect(headers['x-requested-with']).toBe('vmgov');
    expect(headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(server!.requests[0])).toEqual({
      action: 'list',
      output_mode: 'brief',
    });
  });
});

async function collect(client: QualysClient): Promise<void> {
  for await (const page of client.streamDetections({})) void page;
}
