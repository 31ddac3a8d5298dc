import { describe, expect, it } from 'vitest';
import { crc32, inflateSync } from 'node:zlib';
import { CARD_COLOURS, CARD_HEIGHT, CARD_WIDTH, cardText, layoutCard, rasteriseCard, wrap } from '../../src/lib/article-card';
import { cardPainter } from '../../src/lib/card-painter';
import { encodeIndexedPng } from '../../src/lib/png';

const stated = {
  title: 'What do leaders want from NHS Improvement? The view from Westminster',
  kind: 'Blog post',
  kindStatus: 'stated',
  publisher: 'Nuffield Trust',
  publisherStatus: 'stated',
  date: '2015-09-30',
  dateStatus: 'stated',
} as const;

describe('the link-preview card of an article', () => {
  it('shows the kind, publisher and date as stated, as precise as the date is', () => {
    expect(cardText(stated)).toEqual({ title: stated.title, byline: 'Blog post · Nuffield Trust · 30 September 2015' });
    expect(cardText({ ...stated, date: '2018-05', dateStatus: 'stated' }).byline).toBe('Blog post · Nuffield Trust · May 2018');
  });

  it('marks what the editors inferred, and leaves out what nobody states', () => {
    const card = cardText({ ...stated, kind: null, kindStatus: 'not stated', publisherStatus: 'inferred', date: '2016', dateStatus: 'inferred' });
    expect(card.byline).toBe('Nuffield Trust (inferred) · 2016 (inferred)');
    expect(cardText({ ...stated, kind: null, kindStatus: 'not stated', publisher: null, publisherStatus: 'not stated', date: null, dateStatus: 'not stated' }).byline).toBe('');
  });

  it('cuts a very long stated title at a word on the card only', () => {
    const long = `${'A very long stated title of a consultation response '.repeat(4)}end`;
    const { title } = cardText({ ...stated, title: long });
    expect(title.length).toBeLessThanOrEqual(141);
    expect(title.endsWith('…')).toBe(true);
    expect(long.startsWith(title.slice(0, -1))).toBe(true);
  });

  // A monospaced stand-in for the font: every character half as wide as the type is high.
  const metrics = { width: (text: string, size: number) => text.length * size * 0.5, ascent: 0.9, descent: 0.25 };

  it('lays out the site name, the title within the card’s margins, and the byline at the foot', () => {
    const layout = layoutCard(cardText(stated), metrics);
    const texts = layout.lines.map((l) => l.text);
    expect(texts[0]).toBe('Policy Reader');
    expect(texts.at(-1)).toBe('Blog post · Nuffield Trust · 30 September 2015');
    expect(texts.slice(1, -1).join(' ')).toBe(stated.title);
    for (const line of layout.lines) {
      expect(line.x + metrics.width(line.text, line.size)).toBeLessThanOrEqual(CARD_WIDTH - 80);
      expect(line.baseline).toBeLessThan(CARD_HEIGHT);
    }
    const baselines = layout.lines.map((l) => l.baseline);
    expect([...baselines].sort((a, b) => a - b)).toEqual(baselines);
  });

  it('sets a longer title in smaller type, and ends one too long for four lines with an ellipsis', () => {
    const sizeOf = (title: string) => layoutCard({ title, byline: '' }, metrics).lines[1]!.size;
    expect(sizeOf('word '.repeat(30))).toBeLessThan(sizeOf('Short'));
    const lines = layoutCard({ title: 'word '.repeat(200), byline: '' }, metrics).lines.slice(1);
    expect(lines).toHaveLength(4);
    expect(lines.at(-1)!.text.endsWith('…')).toBe(true);
    // A word wider than the card is cut, not left to run off it.
    expect(wrap('x'.repeat(300), 40, 1000, metrics).every((l) => metrics.width(l, 40) <= 1000)).toBe(true);
  });

  it('stamps each glyph in its text colour, blended by its coverage, over the flat background', () => {
    const solid = { left: 0, top: -10, width: 10, height: 10, alpha: new Uint8Array(100).fill(255) };
    const faint = { ...solid, alpha: new Uint8Array(100).fill(128) };
    const layout = { boxes: [], lines: [{ text: 'ab', x: 200, baseline: 300, size: 30, colour: 'muted' as const }] };
    const { palette, pixels } = rasteriseCard(layout, () => [
      { x: 0, mask: solid },
      { x: 20, mask: faint },
    ]);
    const colourAt = (x: number, y: number) => palette[pixels[y * CARD_WIDTH + x]!];
    expect(colourAt(205, 295)).toEqual([0x55, 0x50, 0x49]);
    expect(colourAt(100, 100)).toEqual([0xfd, 0xfc, 0xf9]);
    const half = colourAt(225, 295)!;
    expect(half[0]).toBeGreaterThan(0x55);
    expect(half[0]).toBeLessThan(0xfd);
    expect(palette.length).toBeLessThanOrEqual(256);
  });

  it('draws a card over the pixels it is given as on a blank one, none of the earlier card left', () => {
    const mask = { left: 0, top: -10, width: 10, height: 10, alpha: new Uint8Array(100).fill(255) };
    const layout = { boxes: [{ x: 0, y: 0, width: 40, height: 630, colour: 'accent' as const }], lines: [{ text: 'a', x: 200, baseline: 300, size: 30, colour: 'muted' as const }] };
    const blank = rasteriseCard(layout, () => [{ x: 0, mask }]);
    const used = new Uint8Array(CARD_WIDTH * CARD_HEIGHT).fill(7);
    const drawn = rasteriseCard(layout, () => [{ x: 0, mask }], used);
    expect(drawn.pixels).toBe(used);
    expect(drawn.palette).toEqual(blank.palette);
    expect(Buffer.from(drawn.pixels).equals(Buffer.from(blank.pixels))).toBe(true);
  });
});

describe('the card painter (the font, drawn)', () => {
  it('draws the title in the font, its edges smoothed, and a longer title with more ink', () => {
    const draw = cardPainter();
    // Pixels neither background nor a flat colour: the blends at glyph edges, found only where glyphs were drawn.
    const edges = (title: string) => {
      const { IDAT } = pngChunks(draw({ title, byline: '' }));
      const rows = inflateSync(IDAT!.data);
      const solid = Object.keys(CARD_COLOURS).length;
      let count = 0;
      for (let y = 0; y < CARD_HEIGHT; y++) for (let x = 1; x <= CARD_WIDTH; x++) if (rows[y * (CARD_WIDTH + 1) + x]! >= solid) count++;
      return count;
    };
    const short = edges('Short');
    expect(short).toBeGreaterThan(500);
    expect(edges('A considerably longer title, set over two lines of the card')).toBeGreaterThan(short * 2);
  });

  it('draws a card the same whatever cards it drew before', () => {
    const card = { title: 'AV Wa “To” ﬁnance — 2017/18, Yes', byline: 'Press release · NHS Providers (inferred) · 4 May 2017' };
    const fresh = cardPainter()(card);
    const draw = cardPainter();
    for (const title of ['Another title: its own glyphs and pairs', 'Ünïcödé ﬁrst, quoted “Lately”', 'PAWTY kerning vowels xyz']) draw({ title, byline: '' });
    expect(draw(card).equals(fresh)).toBe(true);
    expect(draw(card).equals(fresh)).toBe(true);
  });
});

/** A PNG's chunks after its signature, by type, each with its CRC as written and as computed. */
function pngChunks(png: Buffer): Record<string, { data: Buffer; crc: number; computed: number }> {
  const chunks: Record<string, { data: Buffer; crc: number; computed: number }> = {};
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.subarray(at + 4, at + 8).toString('latin1');
    chunks[type] = { data: png.subarray(at + 8, at + 8 + length), crc: png.readUInt32BE(at + 8 + length), computed: crc32(png.subarray(at + 4, at + 8 + length)) };
    at += 12 + length;
  }
  return chunks;
}

describe('an indexed-colour PNG', () => {
  it('is what the PNG specification lays out, with valid checksums, and holds the pixels given', () => {
    const pixels = Uint8Array.from({ length: 6 * 4 }, (_, i) => i % 3);
    const png = encodeIndexedPng(6, 4, [[255, 0, 0], [0, 255, 0], [0, 0, 255]], pixels);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const found = pngChunks(png);
    for (const [type, { crc, computed }] of Object.entries(found)) expect(crc, type).toBe(computed);
    const chunks = Object.fromEntries(Object.entries(found).map(([type, { data }]) => [type, data]));
    expect(Object.keys(chunks)).toEqual(['IHDR', 'PLTE', 'IDAT', 'IEND']);
    expect([chunks.IHDR!.readUInt32BE(0), chunks.IHDR!.readUInt32BE(4), chunks.IHDR![8], chunks.IHDR![9]]).toEqual([6, 4, 8, 3]);
    expect([...chunks.PLTE!]).toEqual([255, 0, 0, 0, 255, 0, 0, 0, 255]);
    const rows = inflateSync(chunks.IDAT!);
    const back = [0, 1, 2, 3].flatMap((y) => {
      expect(rows[y * 7]).toBe(0);
      return [...rows.subarray(y * 7 + 1, y * 7 + 7)];
    });
    expect(back).toEqual([...pixels]);
  });

  it('holds its own pixels when images are encoded one after another', () => {
    const idat = (png: Buffer) => pngChunks(png).IDAT!.data;
    const first = Uint8Array.from({ length: 6 * 4 }, (_, i) => i % 2);
    const second = Uint8Array.from({ length: 6 * 4 }, (_, i) => 1 - (i % 2));
    const palette = [[0, 0, 0], [255, 255, 255]];
    const a = encodeIndexedPng(6, 4, palette, first);
    const b = encodeIndexedPng(6, 4, palette, second);
    const rowsOf = (pixels: Uint8Array) => Buffer.concat([0, 1, 2, 3].map((y) => Buffer.from([0, ...pixels.subarray(y * 6, y * 6 + 6)])));
    expect(inflateSync(idat(a)).equals(rowsOf(first))).toBe(true);
    expect(inflateSync(idat(b)).equals(rowsOf(second))).toBe(true);
    expect(a.equals(encodeIndexedPng(6, 4, palette, first))).toBe(true);
  });
});
