import path from 'node:path';
import { glob } from 'astro/loaders';
import { slugProblem } from '../lib/slugs';
import { contentDir } from './paths';
import { contentError } from '../lib/content-error';

/**
 * Astro's glob loader over one YAML folder (articles have their own loader).
 * An entry's id is its file name, which is the slug in its public URL, so it
 * is checked here, where the file is known. (File names in one folder are
 * unique, so no two entries can claim one id.)
 */
export function contentFolder(folder: string, pattern: string) {
  return glob({
    base: path.join(contentDir, folder),
    pattern,
    generateId: ({ entry }) => {
      const id = entry.replace(/\.[^.]+$/, '');
      const problem = slugProblem(id);
      if (problem) throw contentError(`${path.relative(process.cwd(), contentDir)}/${folder}/${entry}: file name: ${problem}`);
      return id;
    },
  });
}
