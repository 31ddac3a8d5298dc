import { renameSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/**
 * Writes a file aside and renames it into place, so a reader (another build
 * step, a page, the next build) finds the old file or the new one, never half
 * of one. The aside name is the process's and thread's own, so two writers
 * never share one.
 *
 * Node-only: the build's caches are files.
 */
export function writeWhole(file: string, contents: string | Uint8Array): void {
  const aside = `${file}.${process.pid}.${threadId}.tmp`;
  writeFileSync(aside, contents);
  renameSync(aside, file);
}
