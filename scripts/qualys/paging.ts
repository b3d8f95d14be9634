/**
 * Truncated lists: Qualys ends a page with WARNING code 1980 and a URL;
 * the next page is the same request with that URL's id_min. A URL that
 * comes back twice would loop forever, so it stops the listing.
 */
import type { CallSpec, Caller } from './caller.ts';
import { QualysApiError } from './errors.ts';

/**
 * Yields each page in order, one request at a time.
 * @throws QualysApiError when a WARNING URL has no id_min or repeats; and
 * whatever Caller.call throws.
 */
export async function* pages<T extends { nextUrl?: string }>(
  caller: Caller,
  spec: CallSpec<T>,
): AsyncGenerator<T> {
  const seen = new Set<string>();
  let params = spec.params;
  for (;;) {
    const page = await caller.call({ ...spec, params });
    yield page;
    if (page.nextUrl === undefined) return;

    const idMin = idMinOf(page.nextUrl);
    if (idMin === undefined || seen.has(idMin)) {
      const problem =
        idMin === undefined ? 'has no id_min' : `repeats id_min=${idMin}`;
      throw new QualysApiError(
        `${spec.path} action=${spec.action}: the next-page URL ${problem}; stopped to avoid a loop`,
        { code: '1980', text: 'truncation URL not usable', httpStatus: 200 },
      );
    }
    seen.add(idMin);
    params = { ...spec.params, id_min: idMin };
  }
}

function idMinOf(url: string): string | undefined {
  try {
    return new URL(url).searchParams.get('id_min') ?? undefined;
  } catch {
    return undefined;
  }
}
