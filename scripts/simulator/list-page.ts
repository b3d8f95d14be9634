/**
 * One page of a truncating list output: up to `truncation_limit` records in
 * ascending ID order, then the 1980 WARNING whose URL repeats the request's
 * parameters with the `id_min` of the next record. An empty page has no list
 * element at all.
 */
import type { SimContext } from './context.ts';
import { el, isoSeconds, truncationWarning } from './xml-render.ts';

export interface PageSpec<T> {
  listTag: string;
  records: Iterable<T>;
  idOf: (record: T) => string;
  /** The record's XML, or undefined to leave it out of the page. */
  render: (record: T) => string | undefined;
}

/** Reads `truncation_limit` (0 = no limit); the default is the page size. */
export function truncationLimit(ctx: SimContext): number {
  return ctx.params.int('truncation_limit', 0, 1_000_000) ?? ctx.pageSize;
}

/**
 * Checks the paging parameters now, so a bad value is refused before the
 * answer starts, and returns the page's parts.
 * @throws SimRequestError 1905 for a bad truncation_limit.
 */
export function responseWithPage<T>(
  ctx: SimContext,
  page: PageSpec<T>,
): Generator<string> {
  return pageParts(ctx, page, truncationLimit(ctx));
}

function* pageParts<T>(
  ctx: SimContext,
  page: PageSpec<T>,
  limit: number,
): Generator<string> {
  yield `<RESPONSE>\n${el('DATETIME', isoSeconds(ctx.now))}\n`;
  let count = 0;
  for (const record of page.records) {
    const xml = page.render(record);
    if (xml === undefined) continue;
    if (limit > 0 && count === limit) {
      yield `</${page.listTag}>\n`;
      yield truncationWarning(limit, nextUrl(ctx, page.idOf(record)));
      yield '</RESPONSE>\n';
      return;
    }
    if (count === 0) yield `<${page.listTag}>\n`;
    count += 1;
    yield xml;
  }
  if (count > 0) yield `</${page.listTag}>\n`;
  yield '</RESPONSE>\n';
}

function nextUrl(ctx: SimContext, idMin: string): string {
  const query = new URLSearchParams();
  for (const [key, value] of ctx.params.entries()) {
    if (key !== 'id_min') query.set(key, value);
  }
  query.set('id_min', idMin);
  return `${ctx.baseUrl}${ctx.path}?${query.toString()}`;
}
