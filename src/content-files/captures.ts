import { statSync } from 'node:fs';
import path from 'node:path';
import { fileIdentity } from '../lib/file-identity';
import { sourcesDir } from './paths';
import { readContentText } from './text-file';

/** What a raw capture says, line by line, or undefined when the file is missing. */
export function readCapture(file: string): string[] | undefined {
  return readCaptureText(file)?.split('\n');
}

/** A raw capture's text, or undefined when the file is missing. */
export function readCaptureText(file: string): string | undefined {
  const full = path.join(sourcesDir, file);
  try {
    return readContentText(full, path.relative(process.cwd(), full));
  } catch (error) {
    // Read without asking first whether it is there (a stat for each of 5,000 captures was 0.1 s of a rebuild).
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/**
 * Which file a capture's path holds now (lib/file-identity), or undefined
 * when there is none: what a rebuild compares to know a capture unchanged
 * without reading it (5,000 captures read for their digests were 0.3 s of a
 * rebuild). A capture saved again is a later time or another inode.
 */
export function captureIdentity(file: string): string | undefined {
  const stats = statSync(path.join(sourcesDir, file), { throwIfNoEntry: false });
  return stats?.isFile() ? fileIdentity(stats) : undefined;
}
