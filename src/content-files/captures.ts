import { existsSync } from 'node:fs';
import path from 'node:path';
import { sourcesDir } from './paths';
import { readContentText } from './text-file';

/** What a raw capture says, line by line, or undefined when the file is missing. */
export function readCapture(file: string): string[] | undefined {
  const full = path.join(sourcesDir, file);
  return existsSync(full) ? readContentText(full, path.relative(process.cwd(), full)).split('\n') : undefined;
}
