import type { Root } from 'mdast';
import { fromMarkdown, type Extension as MdastExtension } from 'mdast-util-from-markdown';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { directive } from 'micromark-extension-directive';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import type { Construct, ConstructRecord, Extension } from 'micromark-util-types';
import { markdownToMdast } from 'satteri';
import type { Plugin, Processor } from 'unified';
import type { VFile } from 'vfile';

/**
 * remark-parse and remark-gfm in one: Markdown to mdast, with GitHub's
 * extensions, and remark-directive's with `directives`. The tree is the one
 * those give, read by the quicker of two parsers that give it.
 *
 * Astro 7's own Markdown parser (Sätteri, native code, the parser of Astro's
 * default Markdown processor and of Starlight) reads an article into the
 * same mdast, positions included, 40-70 times quicker than micromark: 0.06-0.1
 * ms against about 4 ms for a bench article, parsed alone. At 5,000 articles
 * micromark's parse was about 6 s of each of the loader's two threads. The
 * native parser reads a document wherever it is known to give micromark's
 * tree (readsAlike); micromark reads the rest, and every document when
 * another plugin adds syntax.
 *
 * micromark leaves out the GFM constructs that cannot match anywhere in a
 * document: it tries the email autolink literal at the start of every word
 * and the table at the start of every line, and an article of 700 words
 * with no "@" and no "|" (most of them) parsed in half the time without.
 * micromark has no way to skip a construct cheaply (its text tokenizer stops
 * at every character a construct is keyed on and attempts it), so the choice
 * is made before. A construct left out is one that every attempt would undo:
 * each needs a literal in the source ("@", "www.", "http://" or "https://",
 * "|") that a document without it cannot produce, and an undone attempt
 * leaves no trace in the tree.
 *
 * The unit test parses documents of every kind both ways, and those the
 * native parser reads against micromark's tree.
 */
const remarkParseGfm: Plugin<[RemarkParseGfmOptions?], string, Root> = function (this: Processor, options = {}) {
  // Set by plugins after this one, as with remark-parse.
  const data = this.data() as { micromarkExtensions?: Extension[]; fromMarkdownExtensions?: MdastExtension[] };
  const own = options.directives ? { syntax: [directive()], mdast: [gfmFromMarkdown(), directiveFromMarkdown()] } : { syntax: [], mdast: [gfmFromMarkdown()] };
  const micromark = (document: string): Root =>
    fromMarkdown(document, {
      extensions: [...gfmFor(document), ...own.syntax, ...(data.micromarkExtensions ?? [])],
      mdastExtensions: [...own.mdast, ...(data.fromMarkdownExtensions ?? [])],
    });
  this.parser = (document: string, file: VFile): Root => {
    // The native parser knows GFM and directives, and no syntax another plugin adds.
    if (options.directives && (data.micromarkExtensions ?? []).length === 0 && readsAlike(document)) {
      try {
        return markdownToMdast(document, { features: NATIVE_FEATURES, position: true }) as Root;
      } catch {
        // micromark reads any document; the native parser is only the quicker way to the same tree.
      }
    }
    (file.data as ParserData).readByMicromark = true;
    return micromark(document);
  };
};
export default remarkParseGfm;

interface ParserData {
  readByMicromark?: true;
}

/** Whether micromark read this file (the slower way, for a document the native parser reads differently): the loader counts them, so a slow build says why. */
export const readByMicromark = (file: VFile): boolean => (file.data as ParserData).readByMicromark === true;

export interface RemarkParseGfmOptions {
  /** Read directives as remark-directive does (in place of it: remark-directive after this plugin would read them twice). */
  directives?: boolean;
}

/** GFM and directives, as remark-gfm and remark-directive read them; nothing else. */
const NATIVE_FEATURES = { gfm: true, directive: true, frontmatter: false, math: false, headingAttributes: false, smartPunctuation: false };

/**
 * Whether the native parser gives this document micromark's tree. The two
 * agree on every seed and bench article and on hundreds of thousands of
 * documents put together at random from Markdown's constructs (the unit test
 * keeps a sample), except where a document holds one of these, which
 * micromark reads instead:
 * - an autolink literal (an address anywhere but a link's destination), a
 *   tab, a carriage return, or a character outside Unicode's first plane
 *   (micromark classes an emoji beside "*" by half of it);
 * - a character outside ASCII where a colon would start a directive's name
 *   (micromark's names take any letter: ":é", ":30😀");
 * - white space before a "]" (the native parser trims a label's), or a
 *   task's "[x]" (where the task ends its line, its paragraph starts elsewhere);
 * - "_" beside "*" (the native parser does not take "_" for punctuation when
 *   it decides whether a run of "*" opens or closes), or an escaped "*", "_"
 *   or "~" (with another after it, the native parser escapes both);
 * - something that might be raw HTML (which an article may not hold: both
 *   fail it, in their own words), a code fence, or a code span left open at
 *   the end of its line;
 * - braces other than a directive's attributes as articles write them
 *   (micromark ends a directive where they stop being attributes), or a "}"
 *   outside them;
 * - a definition (a footnote's or a link's), a "[" ending its line, an empty
 *   line of a block quote, an empty list item, indented code, or a hard break
 *   made of spaces or a backslash (block structure the two build differently:
 *   a backslash ending a container's last line is a break to the native parser);
 * - a run of colons other than a container's fence at the start of a line, a
 *   fence that closes nothing or is not as long as the one it closes, or a
 *   container left open (lazy lines and a container's end are read differently);
 * - a directive's label that does not end on its line, or that holds both a
 *   bracket and emphasis.
 * The list was found by differential testing with bench/random.mjs's
 * generator, on fragments of every construct and on fragments the rule lets
 * through (so that most documents reach the native parser). An earlier
 * generator repeated itself after a few thousand documents and hid every
 * item from "_" beside "*" on.
 */
function readsAlike(document: string): boolean {
  if (/@|www\.|:\/\//i.test(document.replace(LINK_DESTINATION, '$1(#)'))) return false;
  if (/[\t\r\ud800-\udfff]|:[\w-]*[^\x00-\x7f]|\s\]|\[x\]|_\*|\*_|\\[*_~]|<[A-Za-z/!?]|```|~~~/i.test(document)) return false;
  // Definitions, a "[" ending its line, an empty line of a block quote, indented code, a hard break of spaces or a backslash, an empty
  // list item. A line of spaces alone is a blank line to both: the loader blanks every article's front matter to spaces
  // (content-files/articles), so a rule that took it for a hard break sent every article to micromark.
  if (/\]:|\[ *$|^ *>[> ]*$|^ {4,}\S|[^ \n] {2,}$|\\$|^ *(?:[-+*]|\d+[.)]) *$/m.test(document)) return false;
  for (const line of document.split('\n')) if ((line.match(/`/g)?.length ?? 0) % 2 === 1) return false;
  for (const brace of document.matchAll(/\{[^}]*\}?/g)) if (!ATTRIBUTES.test(brace[0])) return false;
  if (document.replace(/\{[^}]*\}/g, '').includes('}')) return false;
  for (const run of document.matchAll(/:{2,}/g)) {
    const lineStart = document.lastIndexOf('\n', run.index - 1) + 1;
    if (run[0].length < 3 || !/^ {0,3}$/.test(document.slice(lineStart, run.index))) return false;
  }
  for (const label of document.matchAll(/:[\w-]*\[/g)) {
    let depth = 0;
    let nested = false;
    let emphasis = false;
    for (let i = label.index + label[0].length - 1; i < document.length && document[i] !== '\n'; i++) {
      if (document[i] === '[') nested = ++depth > 1 || nested;
      else if (document[i] === ']' && --depth === 0) break;
      else if (document[i] === '*' || document[i] === '_') emphasis = true;
    }
    if (depth !== 0 || (nested && emphasis)) return false;
  }
  // Each container's fence, by its length: a fence closes the last one open, and only one as long.
  const open: number[] = [];
  for (const fence of document.matchAll(/^ {0,3}(:{3,})(.*)$/gm)) {
    if (fence[2]!.trim() !== '') open.push(fence[1]!.length);
    else if (open.pop() !== fence[1]!.length) return false;
  }
  return open.length === 0;
}

/**
 * A link's or an image's destination as articles write an address: after a
 * label with no bracket, escape, code or tag in it, not after a word (where
 * the label may be a directive's), and with no character that could end or
 * escape it early. Both parsers take an address there for the destination,
 * never for an autolink literal, so it does not decide the parser.
 */
const LINK_DESTINATION = /(?<![\\\w-])(!?\[[^[\]\n\\`<]*\])\([\w\-.~:/?#@!$&'*+,;=%]*\)/g;

/** A directive's attributes as articles write them: names, quoted values without character references, ids and classes, one space or more apart. */
const ATTRIBUTE = String.raw`(?:[A-Za-z_:][\w:.-]*(?:="[^"&\n]*")?|[#.][\w-]+)`;
const ATTRIBUTES = new RegExp(String.raw`^\{ *(?:${ATTRIBUTE}(?: +${ATTRIBUTE})*)? *\}$`);

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
