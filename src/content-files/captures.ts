import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { sourcesDir } from './paths';

/** What a raw capture says, line by line, or undefined when the file is missing. */
export function readCapture(file: string): string[] | undefined {
  const full = path.join(sourcesDir, file);
  return existsSync(full) ? readFileSync(full, 'utf8').split('\n') : undefined;
}
