import { readFileSync } from 'node:fs';
import path from 'node:path';
import { phraseSourceOver } from '../../src/lib/search-engine';
import { dist } from './built-site';

/** The built site's index of adjacent words, read from disk as a browser fetches it, with the URLs read. */
export function builtPhrases() {
  const read: string[] = [];
  const source = phraseSourceOver(async (url) => (read.push(url), new Uint8Array(readFileSync(path.join(dist, url)))));
  return { source, read };
}
