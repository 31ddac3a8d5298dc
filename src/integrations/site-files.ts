import { copyFileSync, linkSync, mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileIdentity } from '../lib/file-identity';

/**
 * Puts a file that never changes once written (a page of the previous build,
 * a card named by its text) into the site being built: as a hard link where
 * it can, which copies nothing, or else as a copy (another device, or a file
 * system without links). Nothing writes to a site's files once its build has
 * finished, and the card cache replaces a file by renaming, so two sites
 * never disagree through a file they share. Content files are not such
 * files: an editor may change one in place, so they are copied
 * (placeContentFile).
 */
export function placeFile(from: string, to: string): void {
  if (tryLink(from, to)) return;
  // Its folder is made only when missing: a check for each of 20,000 files was a second of a rebuild.
  mkdirSync(path.dirname(to), { recursive: true });
  if (!tryLink(from, to)) copyFileSync(from, to);
}

/**
 * Puts a content file (a capture) into the site being built, and answers
 * which file it was (lib/file-identity). A copy, since an editor may change
 * a content file in place; but where the previous build copied this very
 * file (`previous`: its copy, and the identity the file had then), that copy
 * is linked instead, which copies nothing: a site's files never change, so
 * it still holds what the file held. A rebuild at 5,000 articles copied
 * 5,000 unchanged captures, 2 s of the placing thread's time, which the
 * pages waited for at their end. (A file saved twice within the clock's
 * tick, at the same size, would read as unchanged: the articles loader's
 * validation trusts the same identity.)
 */
export function placeContentFile(from: string, to: string, previous?: { copy: string; identity: string }): { identity: string; linked: boolean } {
  // Its identity before its bytes: a file saved after this is another identity next time, and copied again.
  const identity = fileIdentity(statSync(from));
  const unchanged = previous?.identity === identity;
  if (unchanged && tryLink(previous.copy, to)) return { identity, linked: true };
  try {
    copyFileSync(from, to);
  } catch {
    // Its folder is made only when missing, as for placeFile.
    mkdirSync(path.dirname(to), { recursive: true });
    if (unchanged && tryLink(previous.copy, to)) return { identity, linked: true };
    copyFileSync(from, to);
  }
  return { identity, linked: false };
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
