import { describe, expect, it } from 'vitest';

import { isDay } from '../scripts/dates.ts';

describe('isDay', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['0050-01-01', true],
    ['2026-02-30', false],
    ['2026-13-45', false],
    ['2026-1-5', false],
    ['2026-02-28T00:00:00Z', false],
    ['', false],
  ])('reads %j as %j', (text, expected) => {
    expect(isDay(text)).toBe(expected);
  });
});
