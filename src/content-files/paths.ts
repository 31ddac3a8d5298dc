import path from 'node:path';

/**
 * Where the content lives. Tests build small fixture content sets by pointing
 * POLICY_READER_CONTENT at them; everything else reads the real `content/`.
 */
export const contentDir = path.resolve(process.env.POLICY_READER_CONTENT ?? 'content');
export const sourcesDir = path.join(contentDir, 'sources');
