import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { z } from 'astro/zod';
import { emptyRegister, type PermalinkRegister } from '../lib/permalink-register';
import { contentDir } from './paths';
import { readContentText } from './text-file';
import { contentError } from '../lib/content-error';

/** The committed register of published anchors (see src/lib/permalink-register.ts). */
export const registerFile = path.join(contentDir, 'permalinks.yaml');
export const registerName = path.relative(process.cwd(), registerFile);

const idMap = z.record(z.string(), z.string());
const schema = z
  .object({
    articles: z.record(z.string(), z.object({ ids: z.array(z.string()), moved: idMap.optional() }).strict()),
    movedArticles: idMap.optional(),
  })
  .strict();

// The register as last read, under the file's size and modification time: a build reads it in several steps
// (config, loader, integrations), and at 5,000 articles each reading of its YAML took a quarter of a second.
let lastRead: { stamp: string; register: PermalinkRegister } | undefined;

export function readRegister(): PermalinkRegister {
  if (!existsSync(registerFile)) return emptyRegister();
  const { size, mtimeNs } = statSync(registerFile, { bigint: true });
  const stamp = `${size}:${mtimeNs}`;
  if (lastRead?.stamp !== stamp) {
    const parsed = schema.safeParse(load(readContentText(registerFile, registerName)));
    if (!parsed.success) {
      const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
      throw contentError(`${registerName} is not a valid permalink register:\n${issues}`);
    }
    lastRead = { stamp, register: parsed.data };
  }
  // A copy: a caller may change what it was given.
  return structuredClone(lastRead.register);
}

/**
 * The old addresses of renamed articles ("/articles/<old slug>/"): pages that
 * only send readers on, so not pages of their own in the sitemap. A register
 * that cannot be read gives none here; the articles loader reports it.
 */
export function movedArticlePaths(): Set<string> {
  try {
    return new Set(Object.keys(readRegister().movedArticles ?? {}).map((slug) => `/articles/${slug}/`));
  } catch {
    return new Set();
  }
}

const HEADER = `# Published anchors: every article URL and block id the site has published.
# The build adds new ones. If a published id disappears (a paragraph edited or
# removed), the build fails until it is mapped to its successor:
#   articles:
#     <slug>:
#       moved:
#         <old id>: <new id>
# and a changed slug is mapped under movedArticles: { <old slug>: <new slug> }.
`;

export function writeRegister(register: PermalinkRegister): void {
  writeFileSync(registerFile, HEADER + dump(register, { lineWidth: -1, noRefs: true }));
}
