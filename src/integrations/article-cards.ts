import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { Resvg } from '@resvg/resvg-js';
import type * as opentype from 'opentype.js';
import { CARD_DESIGN, CARD_HEIGHT, CARD_WIDTH, cardText, layoutCard, rasteriseCard, type CardMetrics, type GlyphMask, type Shaper } from '../lib/article-card';
import { articleRow } from '../lib/exports';
import { encodeIndexedPng } from '../lib/png';
import { articleCardUrl, dataUrl } from '../lib/routes';

/**
 * Draws each article's link-preview card (lib/article-card) as a PNG beside
 * its page, from the article rows the build has just written to
 * /data/articles.json. The type is Source Serif 4, read from its npm package
 * (nothing is fetched, no system font is needed); each glyph is rasterised
 * once per size and position by resvg, and lib/article-card stamps them.
 *
 * Each card is also kept in the cache folder under a hash of exactly what it
 * shows and the design's version, so a rebuild draws only the cards whose
 * title, kind, publisher or date changed.
 */
const FONT_FILE = '@fontsource/source-serif-4/files/source-serif-4-latin-600-normal.woff';
const FALLBACK_FONT_FILE = '@fontsource/source-serif-4/files/source-serif-4-latin-ext-600-normal.woff';
/** A glyph is drawn at four positions within a pixel, so spacing stays true to the font without blurring. */
const SUBPIXELS = 4;

/**
 * Two hooks around the search index: `draw` starts drawing and returns at
 * once, `finish` waits for it. Pagefind indexes in a process of its own, so
 * the cards are drawn on this thread while it works (a card yields to the
 * event loop after each one, so Pagefind's replies get through).
 */
export default function articleCards(): { draw: AstroIntegration; finish: AstroIntegration } {
  let cacheDir = '';
  let drawing: Promise<string> | undefined;
  return {
    draw: {
      name: 'policy-reader:article-cards',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = path.join(fileURLToPath(config.cacheDir), 'article-cards');
        },
        'astro:build:done': ({ dir }) => {
          drawing = drawCards(fileURLToPath(dir), cacheDir);
          // Reported by `finish`; until then a failure must not count as unhandled.
          drawing.catch(() => {});
        },
      },
    },
    finish: {
      name: 'policy-reader:article-cards-done',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (drawing) logger.info(await drawing);
        },
      },
    },
  };
}

async function drawCards(site: string, cacheDir: string): Promise<string> {
  const started = performance.now();
  const rows = articleRow.array().parse(JSON.parse(readFileSync(path.join(site, dataUrl('articles.json')), 'utf8')));
  let draw: ((text: ReturnType<typeof cardText>) => Buffer) | undefined;
  mkdirSync(cacheDir, { recursive: true });
  let drawn = 0;
  for (const row of rows) {
    const text = cardText(row);
    const key = createHash('sha256').update(JSON.stringify([CARD_DESIGN, text])).digest('hex').slice(0, 24);
    const cached = path.join(cacheDir, `${key}.png`);
    if (!existsSync(cached)) {
      draw ??= cardPainter();
      // Written aside and renamed, so an interrupted build never leaves half a card in the cache.
      writeFileSync(`${cached}.tmp`, draw(text));
      renameSync(`${cached}.tmp`, cached);
      drawn++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    const out = path.join(site, articleCardUrl(row.slug));
    mkdirSync(path.dirname(out), { recursive: true });
    copyFileSync(cached, out);
  }
  return `${rows.length} article cards (${drawn} drawn, ${rows.length - drawn} from the cache) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

/** Loads the font and returns a function that draws one card. */
export function cardPainter(): (text: ReturnType<typeof cardText>) => Buffer {
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
  const kerning = new Map<string, number>();
  const kern = (font: opentype.Font, left: opentype.Glyph, right: opentype.Glyph) => {
    const key = `${fonts.indexOf(font)}:${left.index}:${right.index}`;
    let value = kerning.get(key);
    if (value === undefined) kerning.set(key, (value = font.getKerningValue(left, right)));
    return value;
  };
  const placed = (text: string, size: number) => {
    const out: { x: number; font: opentype.Font; glyph: opentype.Glyph }[] = [];
    let x = 0;
    let previous: { font: opentype.Font; glyph: opentype.Glyph } | undefined;
    for (const char of text) {
      const current = glyphOf(char);
      const scale = size / current.font.unitsPerEm;
      if (previous && previous.font === current.font) x += kern(current.font, previous.glyph, current.glyph) * scale;
      out.push({ x, ...current });
      x += current.glyph.advanceWidth * scale;
      previous = current;
    }
    return { glyphs: out, width: x };
  };
  const metrics: CardMetrics = {
    width: (text, size) => placed(text, size).width,
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
      const rgba = new Resvg(svg).render().pixels;
      const alpha = new Uint8Array(width * height);
      for (let i = 0; i < alpha.length; i++) alpha[i] = rgba[i * 4 + 3]!;
      mask = { left, top, width, height, alpha };
    }
    masks.set(key, mask);
    return mask;
  };
  const shape: Shaper = (text, size) =>
    placed(text, size).glyphs.flatMap(({ x, font, glyph }) => {
      const whole = Math.floor(x);
      const mask = maskOf(font, glyph, size, Math.floor((x - whole) * SUBPIXELS));
      return mask ? [{ x: whole, mask }] : [];
    });

  return (text) => {
    const { palette, pixels } = rasteriseCard(layoutCard(text, metrics), shape);
    return encodeIndexedPng(CARD_WIDTH, CARD_HEIGHT, palette, pixels);
  };
}
