import { inputsKey } from './page-reuse';
import type { ArticleNotes } from './quotations';

/** What rendering an article records about its blocks and quotes, for what is built across articles. */
export interface BlockRecord {
  id: string;
  /** heading, paragraph, list-item, pull-quote or blockquote */
  kind: string;
  text: string;
  /** The person whose words the whole block is, when it is a marked quotation. */
  speaker?: string | null;
}

export interface QuoteRecord {
  block: string;
  /** A person id, or null when the source does not say who said it. */
  speaker: string | null;
  text: string;
  /** inline: words inside a paragraph; block: whole paragraphs; pull: a pull quote (a repeat). */
  form: 'inline' | 'block' | 'pull';
}

export interface ArticleRecord {
  slug: string;
  /** Path of the Markdown file, for messages. */
  file: string;
  title: string;
  blocks: BlockRecord[];
  quotes: QuoteRecord[];
}

/**
 * What the articles loader stores beside each article, as the metadata of
 * its rendering (loaders/articles), and what pages and collection-wide
 * derivation read back (data/catalogue): its headings, the files of its HTML,
 * its record and its vocabulary (kept out of Astro's content store) and its
 * blocks' quoted-from notes.
 */
export type StoredRendering = {
  headings: { depth: number; slug: string; text: string }[];
  htmlFile: string;
  /** A file of { blocks, quotes }: the record's own parts. */
  recordFile: string;
  /** A file of the article's words for the search vocabulary (lib/did-you-mean). */
  vocabularyFile: string;
  /** Its blocks' quoted-from notes (lib/quotations). */
  quoted: ArticleNotes;
};

/**
 * The file, beside the articles' vocabulary files, that holds the
 * collection's vocabulary (lib/did-you-mean's rankedVocabulary), named from
 * the names of the files it counts (one an article, named by their
 * digests): the same articles' words, the same file, in any order.
 */
export function vocabularyFileName(vocabularyFiles: readonly string[]): string {
  return `collection-${inputsKey([...vocabularyFiles].sort())}.json`;
}

/**
 * In a build, the stored files the articles loader made this run (HTML,
 * records, vocabularies) are written by a thread of their own while Astro
 * goes on to bundle and render (loaders/render-cache, storeOnThread). Until they are all on
 * disk their texts are kept here, on a global since pages run from a bundle
 * of their own, and a page reads one from here (data/catalogue): waiting for
 * the thread left Astro's main thread idle for 3-7 s of a clean build at
 * 5,000 articles. The promise settles once they are all written, and the
 * build fails at its end if one could not be (integrations/page-reuse).
 */
export const STORED_FILES_WRITTEN = Symbol.for('policy-reader:stored-files-written');
export const STORED_FILES_PENDING = Symbol.for('policy-reader:stored-files-pending');

export function storedFilesWritten(): Promise<unknown> {
  return (globalThis as Record<symbol, Promise<unknown> | undefined>)[STORED_FILES_WRITTEN] ?? Promise.resolve();
}

/** The text of a stored file made this run and perhaps not yet on disk; undefined once it is, or if this run did not make it. */
export function pendingStoredFile(file: string): string | undefined {
  return (globalThis as Record<symbol, ReadonlyMap<string, string> | undefined>)[STORED_FILES_PENDING]?.get(file);
}

/** What an article's record file holds (StoredRendering). */
export type RecordedParts = { blocks: BlockRecord[]; quotes: QuoteRecord[] };
