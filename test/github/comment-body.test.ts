import { describe, expect, it } from 'vitest';

import {
  hasMarker,
  markedBody,
  markerLine,
} from '../../scripts/github/comment-body.ts';

describe('markedBody', () => {
  it('puts the hidden marker on the first line of a short body', () => {
    expect(markedBody('vmgov-plan', 'No changes.')).toEqual({
      body: '<!-- vmgov-plan -->\nNo changes.',
      truncated: false,
    });
  });

  it('cuts a long body at a line end and says where the rest is', () => {
    const body = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);

    const result = markedBody('m', body.join('\n'), 'https://run', 200);

    expect(result.truncated).toBe(true);
    expect(result.body).toBe(
      ['<!-- m -->', ...body.slice(0, 10)].join('\n') +
        '\n\n> **Truncated**: GitHub allows 200 characters; the full text' +
        ' is in the artifacts of [this run](https://run).\n',
    );
  });

  it('closes a code fence left open by the cut', () => {
    const body = [
      'intro',
      '```diff',
      ...Array.from({ length: 40 }, (_, i) => `+ 10.0.${i}.0/24`),
    ].join('\n');

    const result = markedBody('m', body, undefined, 300);

    expect(result.body.length).toBeLessThanOrEqual(300);
    expect(result.body).toMatch(
      /\+ 10\.0\.\d+\.0\/24\n```\n\n> \*\*Truncated\*\*/,
    );
    expect(result.body).toContain(
      "the full text is in the workflow run's artifacts.",
    );
  });
});

describe('markers', () => {
  it.each([
    ['vmgov-plan', '<!-- vmgov-plan -->'],
    ['drift:med-it', '<!-- drift:med-it -->'],
  ])('renders %s as a hidden line', (marker, line) => {
    expect(markerLine(marker)).toBe(line);
  });

  it.each(['a -->b', 'two words', ''])('refuses the marker %j', (marker) => {
    expect(() => markerLine(marker)).toThrow(`invalid marker "${marker}"`);
  });

  it.each([
    ['<!-- plan -->\nbody', true],
    ['<!-- planner -->\nbody', false],
    [null, false],
  ])('finds the marker in %j: %s', (body, expected) => {
    expect(hasMarker(body, 'plan')).toBe(expected);
  });
});
