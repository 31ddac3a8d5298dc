import { copyFileSync, linkSync, mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';

/**
 * Puts a file that never changes once written (a page of the previous build,
 * a card named by its text) into the site being built: as a hard link where
 * it can, which copies nothing, or else as a copy (another device, or a file
 * system without links). Nothing writes to a site's files once its build has
 * finished, and the card cache replaces a file by renaming, so two sites
 * never disagree through a file they share. Content files are not such
 * files: an editor may change one in place, so they are always copied.
 */
export function placeFile(from: string, to: string): void {
  if (tryLink(from, to)) return;
  // Its folder is made only when missing: a check for each of 20,000 files was a second of a rebuild.
  mkdirSync(path.dirname(to), { recursive: true });
  if (!tryLink(from, to)) copyFileSync(from, to);
}

function tryLink(from: string, to: string): boolean {
  try {
    linkSync(from, to);
    return true;
  } catch {
    return false;
  }
}

/** A file's stat (through a symbolic link), or nothing for a path that leads to no file (also when a part of it is a file: "articles/index.html/index.html"). */
export function statOrNothing(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
