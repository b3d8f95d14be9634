import { describe, expect, it } from 'vitest';

import type { DeliveryResult } from '../../scripts/delivery/mail.ts';
import { formatTable, rowFor } from '../../scripts/reports/delivery-table.ts';

function failed(error: string): DeliveryResult {
  return {
    key: '2026-11/law/executive',
    unit: 'law',
    to: ['sysadmin@law.example.edu'],
    status: 'failed',
    delivered: [],
    skipped: [],
    failed: ['sysadmin@law.example.edu'],
    error,
  };
}

describe('the delivery table', () => {
  it.each([
    ['a trailing line break', 'refused: 550 no such user\n'],
    ['lines inside', 'refused:\n550 no such\r\n  user'],
    ['tabs and runs of spaces', 'refused:\t550   no such user'],
  ])('keeps an error with %s on one line', (_name, error) => {
    expect(rowFor(failed(error), 3).status).toBe(
      'failed: refused: 550 no such user',
    );
  });

  it('prints one line per message even when a cell holds line breaks', () => {
    const rows = [
      rowFor(failed('80FC:error:wrong version number:ssl3_record.c:350:\n'), 3),
      { ...rowFor(failed('x'), 0), unit: 'med\nit', status: 'sent\r\n' },
    ];

    expect(formatTable(rows).split('\n')).toEqual([
      'unit    message    recipients  findings  status',
      'law     executive  1           3         failed: 80FC:error:wrong version number:ssl3_record.c:350:',
      'med it  executive  1           0         sent',
    ]);
  });
});
