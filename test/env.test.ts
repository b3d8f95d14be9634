import { describe, expect, it } from 'vitest';

import { setting } from '../scripts/env.ts';

describe('setting', () => {
  it.each([
    [{ SMTP_URL: 'smtp://mail.example.edu' }, 'smtp://mail.example.edu'],
    [{ SMTP_URL: '' }, undefined],
    [{ SMTP_URL: '  \n' }, undefined],
    [{}, undefined],
  ])('reads %j as %j', (env, expected) => {
    expect(setting(env, 'SMTP_URL')).toBe(expected);
  });
});
