/**
 * The source's words in an article body, one entry per paragraph, list item
 * or heading, with the editors' markup taken away: quotation and pull-quote
 * markers, links, emphasis, escapes, section breaks, and the editors' own
 * notes (which are not source text). A pull quote's attribution follows its
 * words, where the source has it. For comparing a drafted body with a
 * published one, whatever markup each has.
 */
export function sourceLines(markdown: string): string[] {
  const lines: string[] = [];
  let inNote = false;
  let attribution: string | undefined;
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (inNote) {
      if (line === ':::') inNote = false;
      continue;
    }
    if (line.startsWith(':::editorial-note')) {
      inNote = true;
      continue;
    }
    if (line.startsWith(':::pullquote')) {
      attribution = /attribution="([^"]*)"/.exec(line)?.[1]?.replace(/&quot;/g, '"');
      continue;
    }
    if (line === ':::') {
      if (attribution) lines.push(attribution);
      attribution = undefined;
      continue;
    }
    if (line.startsWith(':::') || line === '' || line === '---') continue;
    const text = line
      .replace(/^(#{1,6}|-|\*|\d+\.)\s+/, '')
      .replace(/:quote\[((?:\\.|[^\]])*)\]\{[^}]*\}/g, '$1')
      .replace(/\[((?:\\.|[^\]])*)\]\([^)]*\)/g, '$1')
      .replace(/(?<!\\)\*([^*]+)(?<!\\)\*/g, '$1')
      .replace(/\\(.)/g, '$1')
      .replace(/\s+/g, ' ')
      .trim();
    lines.push(text);
  }
  return lines;
}
