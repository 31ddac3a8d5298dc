import { replace, write, type Delta } from './fixture-build';

/*
 * Named changes to the base content set that more than one test builds. Each
 * is a small delta, so what it changes is read here, not found in a diff.
 */
export const ARTICLE = 'articles/sample.md';
export const REGISTER = 'permalinks.yaml';
export const SECOND_PARAGRAPH = 'The second paragraph quotes [someone](/people/sam-author/).';
const EDITED_SECOND_PARAGRAPH = 'The second paragraph, edited, quotes [someone](/people/sam-author/).';

/** The register as it was when the sample's first two paragraphs were published. */
export const publishedRegister = (extra = '') => write(`articles:\n  sample:\n    ids:\n      - p-a5a2c9d7\n      - p-1ad41925\n${extra}`);

/** The source corrected after publication: its second paragraph, recaptured and edited to match. */
const EDITED_SOURCE = { 'sources/sample.txt': replace('The second paragraph quotes someone.', 'The second paragraph, edited, quotes someone.') };

/** The second paragraph edited after publication, without a mapping for its old id. */
export const editedParagraph: Delta = {
  ...EDITED_SOURCE,
  [ARTICLE]: replace(SECOND_PARAGRAPH, EDITED_SECOND_PARAGRAPH),
  [REGISTER]: publishedRegister(),
};

/** The same edit, with the old id mapped to the new block. */
export const movedParagraph: Delta = {
  ...EDITED_SOURCE,
  [ARTICLE]: replace(SECOND_PARAGRAPH, EDITED_SECOND_PARAGRAPH),
  [REGISTER]: publishedRegister('    moved:\n      p-1ad41925: p-edcfd2c8\n'),
};

/** The sample given a new slug, everything that points at it following. */
export const renamed: Delta = {
  [ARTICLE]: replace('titleSource: source\n', 'slug: sample-renamed\ntitleSource: source\n'),
  'events/sample-event.yaml': replace('article: sample,', 'article: sample-renamed,'),
  'people/sam-author.yaml': replace('statedIn: sample', 'statedIn: sample-renamed'),
};
