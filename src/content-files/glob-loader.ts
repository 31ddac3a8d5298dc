import { existsSync } from 'node:fs';
import path from 'node:path';
import { glob } from 'astro/loaders';
import { slugProblem } from '../lib/slugs';
import { contentDir } from './paths';
import { contentError } from '../lib/content-error';

/**
 * Astro's glob loader over one content folder. Ids are the slugs in every
 * public URL, so they are checked here, where the file is known: the file
 * name (or an article's `slug:`) must be a valid slug and no two files may
 * claim the same one.
 */
export function contentFolder(folder: string, pattern: string) {
  const claimedBy = new Map<string, string>();
  return glob({
    base: path.join(contentDir, folder),
    pattern,
    generateId: ({ entry, data }) => {
      const file = `${path.relative(process.cwd(), contentDir)}/${folder}/${entry}`;
      const id = typeof data.slug === 'string' ? data.slug : entry.replace(/\.[^.]+$/, '');
      const problem = slugProblem(id);
      if (problem) {
        throw contentError(`${file}: ${typeof data.slug === 'string' ? 'slug' : 'file name'}: ${problem}`);
      }
      const other = claimedBy.get(id);
      if (other && other !== file && existsSync(path.resolve(other))) {
        throw contentError(
          `${file}: slug "${id}" is already used by ${other}. Slugs are permanent public URLs and must be unique: give one of them another slug.`,
        );
      }
      claimedBy.set(id, file);
      return id;
    },
  });
}
