import type { Root } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';
import type { Plugin, Processor } from 'unified';

/**
 * remark-parse and remark-gfm in one: Markdown to mdast, with GitHub's
 * extensions. The tree is the one those two give, but a construct that
 * cannot match anywhere in a document is left out of its parse.
 *
 * Why: micromark tries the email autolink literal at the start of every word
 * and the table at the start of every line. For an article of 700 words that
 * has no "@" and no "|" (most of them), the two were about half of the time
 * spent parsing it: the 5,005 bench and seed articles took 40.7 s to parse
 * with every GFM construct and 20.4 s with only those that can match. micromark has no way to skip
 * a construct cheaply (its text tokenizer stops at every character a
 * construct is keyed on and attempts it), so the choice is made before.
 *
 * A construct left out is one that every attempt would undo: each needs a
 * literal in the source ("@", "www.", "http://" or "https://", "|") that a
 * document without it cannot produce, and an undone attempt leaves no trace
 * in the tree. The unit test parses documents of every kind both ways.
 */
const remarkParseGfm: Plugin<[], string, Root> = function (this: Processor) {
  // Set by plugins such as remark-directive, after this one, as with remark-parse.
  const data = this.data() as { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: MdastExtension[] };
  const mdast = gfmFromMarkdown();
  this.parser = (document: string): Root =>
    fromMarkdown(document, {
      extensions: [...gfmFor(document), ...(data.micromarkExtensions ?? [])],
      mdastExtensions: [mdast, ...(data.fromMarkdownExtensions ?? [])],
    });
};
export default remarkParseGfm;

const autolinks = gfmAutolinkLiteral().text as ConstructRecord;
const footnote = gfmFootnote();
const strikethrough = gfmStrikethrough();
const table = gfmTable();
const taskListItem = gfmTaskListItem();
const variants = new Map<string, Extension[]>();

/** micromark-extension-gfm's extensions, in its order, less those that cannot match in `document`. */
function gfmFor(document: string): Extension[] {
  const wanted = {
    emailAutolink: document.includes('@'),
    wwwAutolink: /www\./i.test(document),
    protocolAutolink: /https?:\/\//i.test(document),
  };
  const hasTable = document.includes('|');
  const key = `${+wanted.emailAutolink}${+wanted.wwwAutolink}${+wanted.protocolAutolink}${+hasTable}`;
  let extensions = variants.get(key);
  if (!extensions) {
    const text: ConstructRecord = {};
    for (const [code, constructs] of Object.entries(autolinks)) {
      const kept = ([] as Construct[]).concat(constructs as Construct | Construct[]).filter((c) => wanted[c.name as keyof typeof wanted]);
      if (kept.length > 0) text[code as unknown as number] = kept;
    }
    extensions = [{ text }, footnote, strikethrough, ...(hasTable ? [table] : []), taskListItem];
    variants.set(key, extensions);
  }
  return extensions;
}
