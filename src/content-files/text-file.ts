import { readFileSync } from 'node:fs';
import { contentError } from '../lib/content-error';

/**
 * Reads a content file as UTF-8 text, which every content file must be (a
 * UTF-8 byte-order mark is allowed and dropped). Anything else fails before
 * anything is built, naming the file and the encoding it looks like, instead
 * of publishing "caf� it�s".
 */
export function readContentText(full: string, shownAs: string): string {
  const bytes = readFileSync(full);
  const fail = (what: string) => {
    throw contentError(`${shownAs}: ${what} Content files must be UTF-8: open it in an editor and save it as UTF-8.`);
  };
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) fail('the file is UTF-16 (it starts with a UTF-16 byte-order mark).');
  if (bytes.includes(0)) fail('the file looks like UTF-16 (it has NUL bytes between its letters).');
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const at = firstInvalid(bytes);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    const byte = bytes[at]!;
    // 0x80–0x9F are curly quotes, dashes and the like in Windows-1252; 0xA0–0xFF letters in both it and Latin-1.
    const guess = byte >= 0x80 && byte <= 0x9f ? 'Windows-1252' : 'Windows-1252 or Latin-1';
    return fail(`line ${line} has the byte 0x${byte.toString(16).toUpperCase()}, which is not UTF-8: the file looks like ${guess} ("${new TextDecoder('windows-1252').decode(bytes.subarray(at, at + 1))}").`);
  }
}

/** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
function firstInvalid(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += length;
  }
  return 0;
}
