import path from 'node:path';

/**
 * Where the content lives. Tests build small fixture content sets by pointing
 * POLICY_READER_CONTENT at them; everything else reads the real `content/`.
 */
export const contentDir = path.resolve(process.env.POLICY_READER_CONTENT ?? 'content');
export const sourcesDir = path.join(contentDir, 'sources');

/** Where a build keeps what it may reuse: Astro's cache, and the integrations' own (POLICY_READER_CACHE names another). */
export const cacheFolder = (root: string = process.cwd()): string => path.resolve(root, process.env.POLICY_READER_CACHE ?? 'node_modules/.astro');
