/**
 * KnowledgeBase text arrives as loose HTML. Reports show it as plain text:
 * scripts and styles dropped, tags removed, paragraphs and list items kept
 * as line breaks, links kept as "label (address)", entities decoded once.
 * The result is text, never markup: HTML renderers still escape it.
 */

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};
const BREAKS = new Set([
  'p',
  'br',
  'div',
  'li',
  'tr',
  'ul',
  'ol',
  'pre',
  'dd',
  'dt',
]);
const TAG =
  /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const HREF = /\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;

/** Plain text of a KnowledgeBase HTML fragment. */
export function kbText(html: string | undefined): string {
  if (!html) return '';
  const withoutCode = html.replace(
    /<(script|style)\b[\s\S]*?(?:<\/\1\s*>|$)/gi,
    '',
  );
  let link: string | undefined;
  const flat = withoutCode.replace(
    TAG,
    (
      _all,
      close: string | undefined,
      name: string | undefined,
      attrs: string | undefined,
    ) => {
      const tag = (name ?? '').toLowerCase();
      if (tag === 'a' && !close) {
        const match = HREF.exec(attrs ?? '');
        link = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
        return '';
      }
      if (tag === 'a' && close) {
        const shown =
          link && /^(https?:|mailto:)/i.test(link) ? ` (${link})` : '';
        link = undefined;
        return shown;
      }
      if (tag === 'li' && !close) return '\n• ';
      return BREAKS.has(tag) ? '\n' : '';
    },
  );
  return tidy(decodeEntities(flat));
}

/** Decodes named and numeric character references, once. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, ref: string) => {
    if (ref.startsWith('#')) {
      const hex = ref[1] === 'x' || ref[1] === 'X';
      const code = parseInt(ref.slice(hex ? 2 : 1), hex ? 16 : 10);
      const valid =
        code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '';
    }
    return NAMED[ref.toLowerCase()] ?? all;
  });
}

function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
