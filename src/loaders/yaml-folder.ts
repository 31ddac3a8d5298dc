import path from 'node:path';
import type { Loader } from 'astro/loaders';
import type { z } from 'astro/zod';
import { readYamlFolder, type YamlFolder } from '../content-files/entries';
import { contentDir } from '../content-files/paths';

/**
 * A folder of YAML entries (people, organisations, …), read by the same
 * reader as everything else (content-files/entries) and stored as validated.
 *
 * It stores the valid entries and reports nothing: Astro runs the loaders
 * together and shows only the first that throws, so the articles loader,
 * which reads every folder anyway, reports every problem of every file in
 * one list. A build with any problem fails there, so an entry left out here
 * is never published.
 */
export function yamlFolderLoader(folder: YamlFolder, schema: z.ZodType): Loader {
  return {
    name: `policy-reader:${folder}`,
    load: async ({ store, generateDigest, watcher }) => {
      const load = () => {
        const { entries } = readYamlFolder(folder, schema);
        store.clear();
        for (const { id, file, raw, data } of entries) {
          store.set({ id, data: data as Record<string, unknown>, filePath: file, digest: generateDigest(raw) });
        }
      };
      load();
      const dir = path.join(contentDir, folder);
      watcher?.add(dir);
      watcher?.on('all', (_event, changed) => {
        if (path.resolve(changed).startsWith(dir + path.sep)) load();
      });
    },
  };
}
