import { formatPartialDate, isPartialDate, parsePartialDate } from './dates';
import { plainFact } from './fact';
import { upperFirst } from './text';
import type { ArticleRow } from './exports';

/**
 * The picture a link to an article shows in a chat, a post or a feed reader
 * (og:image): the article's title, its publisher and its date, as the page
 * states them, with inferences marked and nothing unstated filled in. Drawn
 * at build time (integrations/article-cards) from the same row as the
 * article's data export, so the card and the data never disagree.
 *
 * Drawn by a small compositor rather than a general SVG renderer: a card is
 * flat colour and a few lines of text, and at thousands of articles a
 * general renderer's ~45 ms a card would be minutes of every clean build.
 * Here each glyph is rasterised once per size (by the integration) and a
 * card is laid out (layoutCard) and its glyphs stamped into an indexed-colour
 * image (rasteriseCard): a few milliseconds.
 */
export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
/** Part of every card's cache key: change it when the drawing changes. */
export const CARD_DESIGN = 2;

const MAX_TITLE = 140;

export interface CardText {
  title: string;
  /** "Blog post · Nuffield Trust (inferred) · 30 September 2015": what is known, in that order. */
  byline: string;
}

export type CardFacts = Pick<ArticleRow, 'title' | 'kind' | 'kindStatus' | 'publisher' | 'publisherStatus' | 'date' | 'dateStatus'>;

export function cardText(row: CardFacts): CardText {
  const mark = (value: string | null, status: CardFacts['kindStatus']) => (value === null ? [] : [plainFact(value, status)]);
  // "press release" as a label: the same whether it comes from the content files or the data export.
  const kind = row.kind && upperFirst(row.kind);
  const parsed = row.date === null ? undefined : parsePartialDate(row.date);
  const date = parsed && isPartialDate(parsed) ? formatPartialDate(parsed) : null;
  return {
    title: shorten(row.title, MAX_TITLE),
    byline: [...mark(kind, row.kindStatus), ...mark(row.publisher, row.publisherStatus), ...mark(date, row.dateStatus)].join(' · '),
  };
}

/** A long stated title is cut at a word on the card only, with an ellipsis; the page keeps it whole. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const at = cut.lastIndexOf(' ');
  return `${(at > max / 2 ? cut.slice(0, at) : cut).replace(/[\s,;:.–—-]+$/, '')}…`;
}

// --- Layout.

/** The site's light colours (src/styles/global.css). */
export const CARD_COLOURS = {
  background: [0xfd, 0xfc, 0xf9],
  accent: [0x1d, 0x35, 0x57],
  muted: [0x55, 0x50, 0x49],
  rule: [0xd6, 0xd1, 0xc4],
} as const satisfies Record<string, readonly [number, number, number]>;
export type CardColour = keyof typeof CARD_COLOURS;

/** A line of text: where its baseline starts, its size in pixels and its colour. */
export interface CardLine {
  text: string;
  x: number;
  baseline: number;
  size: number;
  colour: CardColour;
}

export interface CardLayout {
  boxes: { x: number; y: number; width: number; height: number; colour: CardColour }[];
  lines: CardLine[];
}

/** What layout needs of the font: a string's width at a size (kerning included), and the ascent and descent as fractions of the size. */
export interface CardMetrics {
  width(text: string, size: number): number;
  ascent: number;
  descent: number;
}

const BAR = 24;
const PAD_X = 80;
const PAD_Y = 64;
const TEXT_X = BAR + PAD_X;
const TEXT_WIDTH = CARD_WIDTH - TEXT_X - PAD_X;
const SMALL = 30;
/** Title sizes, largest first: the largest at which the title fits in MAX_LINES. */
const TITLE_SIZES = [68, 60, 52, 46, 40];
const MAX_LINES = 4;
const LEADING = 1.15;

/** Words into lines no wider than `width`; a word wider than a line is cut where it must be. */
export function wrap(text: string, size: number, width: number, metrics: Pick<CardMetrics, 'width'>): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (metrics.width(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (metrics.width(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && metrics.width(line.slice(0, cut), size) > width) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The card: a bar in the accent colour, the site's name, the title as large as fits, a rule and the byline at the foot. */
export function layoutCard({ title, byline }: CardText, metrics: CardMetrics): CardLayout {
  const size = TITLE_SIZES.find((s) => wrap(title, s, TEXT_WIDTH, metrics).length <= MAX_LINES) ?? TITLE_SIZES.at(-1)!;
  let titleLines = wrap(title, size, TEXT_WIDTH, metrics);
  if (titleLines.length > MAX_LINES) {
    titleLines = titleLines.slice(0, MAX_LINES);
    titleLines[MAX_LINES - 1] = `${titleLines[MAX_LINES - 1]!.replace(/\s*\S*$/, '')}…`;
  }
  const step = Math.round(size * LEADING);
  const bylineBaseline = CARD_HEIGHT - PAD_Y - Math.round(SMALL * metrics.descent);
  const ruleY = bylineBaseline - Math.round(SMALL * metrics.ascent) - 24;
  const nameBaseline = PAD_Y + Math.round(SMALL * metrics.ascent);
  // The title centred between the name and the rule.
  const top = nameBaseline + Math.round(SMALL * metrics.descent);
  const block = step * (titleLines.length - 1) + Math.round(size * (metrics.ascent + metrics.descent));
  const firstBaseline = Math.round(top + (ruleY - top - block) / 2 + size * metrics.ascent);
  return {
    boxes: [
      { x: 0, y: 0, width: BAR, height: CARD_HEIGHT, colour: 'accent' },
      { x: TEXT_X, y: ruleY, width: TEXT_WIDTH, height: 2, colour: 'rule' },
    ],
    lines: [
      { text: 'Policy Reader', x: TEXT_X, baseline: nameBaseline, size: SMALL, colour: 'accent' },
      ...titleLines.map((text, i) => ({ text, x: TEXT_X, baseline: firstBaseline + i * step, size, colour: 'accent' as const })),
      ...(byline ? [{ text: wrap(byline, SMALL, TEXT_WIDTH, metrics)[0]!, x: TEXT_X, baseline: bylineBaseline, size: SMALL, colour: 'muted' as const }] : []),
    ],
  };
}

// --- Pixels.

/** A glyph's coverage, rasterised once: `alpha` is width × height, 0–255; (left, top) is its offset from the pen on the baseline. */
export interface GlyphMask {
  left: number;
  top: number;
  width: number;
  height: number;
  alpha: Uint8Array;
}

/** The glyphs of a line of text, each at its pen position (fractional x from the line's start). */
export type Shaper = (text: string, size: number) => { x: number; mask: GlyphMask }[];

/** Levels of anti-aliasing per text colour in the palette. */
const LEVELS = 16;
const TEXT_COLOURS: CardColour[] = ['accent', 'muted'];

/**
 * The card as an indexed-colour image: the palette (background, solid
 * colours, then LEVELS blends of each text colour over the background) and
 * one palette index a pixel. Text never overlaps text, so a pixel's colour
 * is the background blended with one text colour at the glyph's coverage.
 * `into`, a card's worth of pixels, is cleared and drawn on instead of a
 * new one: a painter of thousands of cards keeps one (lib/card-painter).
 */
export function rasteriseCard(layout: CardLayout, shape: Shaper, into?: Uint8Array): { palette: number[][]; pixels: Uint8Array } {
  const solid = Object.keys(CARD_COLOURS) as CardColour[];
  const palette: number[][] = solid.map((c) => [...CARD_COLOURS[c]]);
  const bg = CARD_COLOURS.background;
  const blendBase = new Map<CardColour, number>();
  for (const colour of TEXT_COLOURS) {
    blendBase.set(colour, palette.length);
    const c = CARD_COLOURS[colour];
    for (let level = 0; level < LEVELS; level++) {
      const t = level / (LEVELS - 1);
      palette.push([0, 1, 2].map((i) => Math.round(bg[i]! + (c[i]! - bg[i]!) * t)));
    }
  }
  if (into && into.length !== CARD_WIDTH * CARD_HEIGHT) throw new Error(`A card is ${CARD_WIDTH * CARD_HEIGHT} pixels, not ${into.length}.`);
  const pixels = into ? into.fill(0) : new Uint8Array(CARD_WIDTH * CARD_HEIGHT); // 0: the background
  for (const box of layout.boxes) {
    const index = solid.indexOf(box.colour);
    for (let y = Math.max(0, box.y); y < Math.min(CARD_HEIGHT, box.y + box.height); y++) {
      pixels.fill(index, y * CARD_WIDTH + Math.max(0, box.x), y * CARD_WIDTH + Math.min(CARD_WIDTH, box.x + box.width));
    }
  }
  for (const line of layout.lines) {
    const base = blendBase.get(line.colour)!;
    for (const { x, mask } of shape(line.text, line.size)) {
      const left = Math.round(line.x + x) + mask.left;
      const top = line.baseline + mask.top;
      const [x0, x1] = [Math.max(0, -left), Math.min(mask.width, CARD_WIDTH - left)];
      const [y0, y1] = [Math.max(0, -top), Math.min(mask.height, CARD_HEIGHT - top)];
      const levels = levelsOf(mask);
      for (let my = y0; my < y1; my++) {
        const row = (top + my) * CARD_WIDTH + left;
        const from = my * mask.width;
        for (let mx = x0; mx < x1; mx++) {
          const level = levels[from + mx]!;
          if (level === 0) continue;
          // Where glyphs touch, the stronger coverage wins.
          const current = pixels[row + mx]! - base;
          if (current < 0 || current >= LEVELS || level > current) pixels[row + mx] = base + level;
        }
      }
    }
  }
  return { palette, pixels };
}

/** Coverage 0–255 to a level of the blend. */
const LEVEL_OF = Uint8Array.from({ length: 256 }, (_, a) => Math.round((a * (LEVELS - 1)) / 255));
const maskLevels = new WeakMap<GlyphMask, Uint8Array>();
/**
 * A glyph's coverage as levels of the blend, worked out once a glyph rather
 * than for each pixel of each card: a painter stamps the same few hundred
 * glyphs into thousands of cards (with the kerning keys and line measuring
 * of lib/card-painter, 1.0 ms a card against 1.11 ms; the same PNGs).
 */
function levelsOf(mask: GlyphMask): Uint8Array {
  let levels = maskLevels.get(mask);
  if (!levels) maskLevels.set(mask, (levels = mask.alpha.map((a) => LEVEL_OF[a]!)));
  return levels;
}
