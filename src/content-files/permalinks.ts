import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dump, load } from 'js-yaml';
import { z } from 'astro/zod';
import { emptyRegister, type PermalinkRegister } from '../lib/permalink-register';
import { cacheFolder, contentDir } from './paths';
import { writeWhole } from '../lib/whole-file';
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

// The register as last read, under the file's stamp: a build reads it in several steps (config, loader, pages,
// the checks after Astro), and at 5,000 articles each reading of its YAML took 0.2-0.4 s.
let lastRead: { stamp: string; register: PermalinkRegister } | undefined;

/** The register file's identity: its path, inode, size and times, which any write changes. */
function stampOf(): string {
  const { ino, size, mtimeNs, ctimeNs } = statSync(registerFile, { bigint: true });
  return `${registerFile}:${ino}:${size}:${mtimeNs}:${ctimeNs}`;
}

/**
 * The register as parsed, kept in the cache folder under the file's stamp:
 * the steps of a build that run in other processes or bundles, and the next
 * build, read it as JSON (checked again by the same shape) instead of YAML.
 */
const parsedCopyFile = () => path.join(cacheFolder(), 'permalinks-parsed.json');

function parsedCopy(stamp: string): PermalinkRegister | undefined {
  try {
    const kept = JSON.parse(readFileSync(parsedCopyFile(), 'utf8')) as { stamp?: string; register?: unknown };
    if (kept.stamp !== stamp) return undefined;
    const parsed = schema.safeParse(kept.register);
    return parsed.success ? parsed.data : undefined;
  } catch {
    // None yet, or not whole: the YAML is read.
    return undefined;
  }
}

function keepParsed(stamp: string, register: PermalinkRegister): void {
  lastRead = { stamp, register };
  try {
    mkdirSync(path.dirname(parsedCopyFile()), { recursive: true });
    writeWhole(parsedCopyFile(), JSON.stringify({ stamp, register }));
  } catch {
    // A cache folder that cannot be written: the next step reads the YAML.
  }
}

export function readRegister(): PermalinkRegister {
  if (!existsSync(registerFile)) return emptyRegister();
  const stamp = stampOf();
  if (lastRead?.stamp !== stamp) {
    const copy = parsedCopy(stamp);
    if (copy) {
      lastRead = { stamp, register: copy };
    } else {
      const parsed = schema.safeParse(load(readContentText(registerFile, registerName)));
      if (!parsed.success) {
        const issues = parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top)'}: ${i.message}`).join('\n');
        throw contentError(`${registerName} is not a valid permalink register:\n${issues}`);
      }
      keepParsed(stamp, parsed.data);
    }
  }
  // A copy: a caller may change what it was given.
  return structuredClone(lastRead!.register);
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
  writeFileSync(registerFile, HEADER + registerYaml(register));
  keepParsed(stampOf(), structuredClone(register));
}

/**
 * The register as js-yaml's dump writes it, byte for byte, written here
 * when it holds only mappings, lists and short one-word strings, as a
 * register does: at 5,000 articles dump took 0.3-0.5 s, and every rebuild
 * that adds a paragraph writes the register. Anything else goes to dump.
 */
export function registerYaml(register: PermalinkRegister): string {
  const lines: string[] = [];
  return mappingLines(register as unknown as Record<string, unknown>, '', lines) ? lines.join('') : dump(register, { lineWidth: -1, noRefs: true });
}

// A word js-yaml writes as it is: a letter, then letters, digits and hyphens, and not one YAML reads as a boolean or null.
const PLAIN_WORD = /^[a-z][a-z0-9-]*$/;
const READ_AS_OTHER = new Set(['null', 'true', 'false', 'y', 'n', 'yes', 'no', 'on', 'off']);
// Other words of ids and slugs (a hyphen or a digit first: "-the-transfer", "2016"), as dump writes each alone.
const SLUG_LIKE = /^[a-z0-9-]{1,200}$/;
const written = new Map<string, string>();

function scalar(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  if (PLAIN_WORD.test(value) && value.length < 200 && !READ_AS_OTHER.has(value)) return value;
  if (!SLUG_LIKE.test(value)) return undefined;
  let found = written.get(value);
  if (found === undefined) written.set(value, (found = dump(value).trimEnd()));
  return found;
}

function mappingLines(mapping: Record<string, unknown>, indent: string, lines: string[]): boolean {
  for (const [key, value] of Object.entries(mapping)) {
    const k = scalar(key);
    if (k === undefined) return false;
    if (Array.isArray(value)) {
      if (value.length === 0) {
        lines.push(`${indent}${k}: []\n`);
        continue;
      }
      lines.push(`${indent}${k}:\n`);
      for (const item of value) {
        const v = scalar(item);
        if (v === undefined) return false;
        lines.push(`${indent}  - ${v}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      if (Object.keys(value).length === 0) {
        lines.push(`${indent}${k}: {}\n`);
        continue;
      }
      lines.push(`${indent}${k}:\n`);
      if (!mappingLines(value as Record<string, unknown>, `${indent}  `, lines)) return false;
    } else {
      const v = scalar(value);
      if (v === undefined) return false;
      lines.push(`${indent}${k}: ${v}\n`);
    }
  }
  return true;
}
