/**
 * The ids and the link targets of a page as the build writes it, read with
 * patterns instead of a parser (a 5,000-article site has 5,000 pages to
 * read). Astro and hast-util-to-html quote every attribute value and escape
 * quotes and ampersands in it, so a value runs to the next quote.
 */
const TAG = /<(a|link|script|img|area)\b([^>]*)>/gi;
const ID = /\sid="([^"]*)"/g;
const TARGET = /\s(?:href|src)="([^"]*)"/i;

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
const decode = (value: string) =>
  value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code: string) =>
    code.startsWith('#x') || code.startsWith('#X')
      ? String.fromCodePoint(parseInt(code.slice(2), 16))
      : code.startsWith('#')
        ? String.fromCodePoint(Number(code.slice(1)))
        : (ENTITIES[code.toLowerCase()] ?? whole),
  );

export function htmlLinks(html: string): { ids: Set<string>; links: string[] } {
  // Script and style bodies hold no elements; a JSON island may hold text that looks like one.
  const markup = html.replace(/<(script|style)\b([^>]*)>[\s\S]*?<\/\1>/gi, '<$1$2></$1>');
  const ids = new Set([...markup.matchAll(ID)].map((m) => decode(m[1]!)));
  const links = [...markup.matchAll(TAG)].flatMap((m) => {
    const target = TARGET.exec(m[2]!)?.[1];
    return target === undefined ? [] : [decode(target)];
  });
  return { ids, links };
}
