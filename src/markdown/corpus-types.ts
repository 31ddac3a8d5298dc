/** What the Markdown pre-pass knows about each article's blocks and quotes. */
export interface CorpusBlock {
  id: string;
  /** heading, paragraph, list-item, pull-quote or blockquote */
  kind: string;
  text: string;
  /** The person whose words the whole block is, when it is a marked quotation. */
  speaker?: string | null;
}

export interface CorpusQuote {
  block: string;
  /** A person id, or null when the source does not say who said it. */
  speaker: string | null;
  text: string;
  /** inline: words inside a paragraph; block: whole paragraphs; pull: a pull quote (a repeat). */
  form: 'inline' | 'block' | 'pull';
}

export interface CorpusArticle {
  slug: string;
  /** Path of the Markdown file, for messages. */
  file: string;
  title: string;
  blocks: CorpusBlock[];
  quotes: CorpusQuote[];
}
