import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import type * as opentype from 'opentype.js';
import { CARD_DESIGN, CARD_HEIGHT, CARD_WIDTH, layoutCard, rasteriseCard, type CardMetrics, type CardText, type GlyphMask, type Shaper } from './article-card';
import { encodeIndexedPng } from './png';
import { writeWhole } from './whole-file';

/**
 * Draws article cards (lib/article-card) as PNG files into a cache folder,
 * each under a hash of exactly what it shows and the design's version, so a
 * card is drawn once and a rebuild draws only the cards that changed. The
 * type is Source Serif 4, read from its npm package (nothing is fetched, no
 * system font is needed); each glyph is rasterised once per size and
 * position by resvg, and lib/article-card stamps them.
 *
 * Node-only: it reads the font and writes the files. Used by the build's
 * card worker (loaders/card-worker.mjs) and integrations/article-cards.
 */
const FONT_FILE = '@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff';
const FALLBACK_FONT_FILE = '@fontsource/source-serif-4/files/source-serif-4-latin-ext-600-normal.woff';
/** A glyph is drawn at four positions within a pixel, so spacing stays true to the font without blurring. */
const SUBPIXELS = 4;

/** Where cards are kept under Astro's cache folder. */
export const cardCacheDir = (astroCacheDir: string) => path.join(astroCacheDir, 'article-cards');

/** The card worker's promise (of how many cards it drew), between the articles loader that starts it and the integration that waits for it: one build, one process. */
export const CARD_WORKER = Symbol.for('policy-reader:card-worker');

/** The card's file in the cache folder. */
export function cardFile(cacheDir: string, text: CardText): string {
  return path.join(cacheDir, `${createHash('sha256').update(JSON.stringify([CARD_DESIGN, text])).digest('hex').slice(0, 24)}.png`);
}

/** Draws every card the cache folder does not have yet; returns how many it drew. */
export function fillCardCache(cacheDir: string, texts: readonly CardText[]): number {
  mkdirSync(cacheDir, { recursive: true });
  // The cards there, listed once: a stat for each of 5,000 was most of a rebuild's look at the cache.
  const present = new Set(readdirSync(cacheDir));
  let draw: ((text: CardText) => Buffer) | undefined;
  let drawn = 0;
  for (const text of texts) {
    const file = cardFile(cacheDir, text);
    if (present.has(path.basename(file))) continue;
    draw ??= cardPainter();
    // Written aside and renamed, so a reader never finds half a card.
    writeWhole(file, draw(text));
    present.add(path.basename(file));
    drawn++;
  }
  return drawn;
}

/** Loads the font and returns a function that draws one card. */
export function cardPainter(): (text: CardText) => Buffer {
  const require = createRequire(import.meta.url);
  // Required, not imported: the package's main file is UMD, whose exports an ES import cannot see.
  const { parse } = require('opentype.js') as typeof opentype;
  const load = (file: string) => {
    const data = readFileSync(require.resolve(file));
    return parse(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer);
  };
  const fonts = [load(FONT_FILE), load(FALLBACK_FONT_FILE)];
  const main = fonts[0]!;
  // Each character from the first font that has it (latin, then latin-ext), looked up once.
  const glyphs = new Map<string, { font: opentype.Font; glyph: opentype.Glyph }>();
  const glyphOf = (char: string) => {
    let found = glyphs.get(char);
    if (!found) {
      found = { font: main, glyph: main.stringToGlyphs(char)[0]! };
      for (const font of fonts) {
        const [glyph] = font.stringToGlyphs(char);
        if (glyph && glyph.index !== 0) {
          found = { font, glyph };
          break;
        }
      }
      glyphs.set(char, found);
    }
    return found;
  };
  // Keyed by a number (font, then the two glyphs' indices, each under 2^16), not a string made for each pair: a
  // layout measures each line word by word, so a card looks up hundreds of pairs.
  const kerning = new Map<number, number>();
  const kern = (font: opentype.Font, left: opentype.Glyph, right: opentype.Glyph) => {
    const key = (fonts.indexOf(font) * 65536 + left.index) * 65536 + right.index;
    let value = kerning.get(key);
    if (value === undefined) kerning.set(key, (value = font.getKerningValue(left, right)));
    return value;
  };
  /** Each glyph of `text` at its pen position, given to `at` (if any), and the width of them all. */
  const pen = (text: string, size: number, at?: (x: number, font: opentype.Font, glyph: opentype.Glyph) => void) => {
    let x = 0;
    let previous: { font: opentype.Font; glyph: opentype.Glyph } | undefined;
    for (const char of text) {
      const current = glyphOf(char);
      const scale = size / current.font.unitsPerEm;
      if (previous && previous.font === current.font) x += kern(current.font, previous.glyph, current.glyph) * scale;
      at?.(x, current.font, current.glyph);
      x += current.glyph.advanceWidth * scale;
      previous = current;
    }
    return x;
  };
  const metrics: CardMetrics = {
    width: (text, size) => pen(text, size),
    ascent: main.ascender / main.unitsPerEm,
    descent: -main.descender / main.unitsPerEm,
  };

  const masks = new Map<string, GlyphMask | null>();
  const maskOf = (font: opentype.Font, glyph: opentype.Glyph, size: number, subpixel: number): GlyphMask | null => {
    const key = `${fonts.indexOf(font)}:${glyph.index}:${size}:${subpixel}`;
    if (masks.has(key)) return masks.get(key)!;
    const shift = subpixel / SUBPIXELS;
    const box = glyph.getPath(shift, 0, size).getBoundingBox();
    let mask: GlyphMask | null = null;
    if (Number.isFinite(box.x1) && box.x2 > box.x1 && box.y2 > box.y1) {
      const left = Math.floor(box.x1) - 1;
      const top = Math.floor(box.y1) - 1;
      const width = Math.ceil(box.x2) - left + 1;
      const height = Math.ceil(box.y2) - top + 1;
      const d = glyph.getPath(shift - left, -top, size).toPathData(3);
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><path d="${d}" fill="#000"/></svg>`;
      // A path needs no font: without loadSystemFonts false, resvg reads every system font for each glyph drawn
      // (3-4 ms a glyph with this machine's 38 fonts, more where more are installed; 0.025 ms without).
      const rgba = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
      const alpha = new Uint8Array(width * height);
      for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
      mask = { left, top, width, height, alpha };
    }
    masks.set(key, mask);
    return mask;
  };
  const shape: Shaper = (text, size) => {
    const out: { x: number; mask: GlyphMask }[] = [];
    pen(text, size, (x, font, glyph) => {
      const whole = Math.floor(x);
      const mask = maskOf(font, glyph, size, Math.floor((x - whole) * SUBPIXELS));
      if (mask) out.push({ x: whole, mask });
    });
    return out;
  };

  // One card's pixels, cleared and drawn over for each card: allocating 756 kB a card was a tenth of its time.
  const canvas = new Uint8Array(CARD_WIDTH * CARD_HEIGHT);
  return (text) => {
    const { palette, pixels } = rasteriseCard(layoutCard(text, metrics), shape, canvas);
    return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, palette, pixels);
  };
}
