import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentError } from '../lib/content-error';
import { draftArticle, draftMarkdown, organisationStub, personStub, type ArticleDraft, type DraftInput } from '../lib/draft-article';
import { readArticleFiles } from './articles';
import { readYamlFolders } from './collection-inputs';
import { readFurniture } from './config-files';
import { contentDir } from './paths';
import { ARTICLE_KINDS } from './schemas/article';
import { ORGANISATION_KINDS } from './schemas/organisation';
import { readContentText } from './text-file';

/**
 * `npm run new -- <capture> [--url <address>]`: everything the drafter
 * (lib/draft-article) needs from the collection, read here, and the draft
 * written: the capture copied unchanged into content/sources/, the article
 * (a draft) and a stub file for each person found without one. Nothing that
 * exists is overwritten.
 */
export function draftInputs(capturePath: string, url: string | undefined, dir = contentDir): DraftInput {
  const { folders, problems } = readYamlFolders(dir);
  const { patterns, problems: furnitureProblems } = readFurniture(dir);
  const { articles, problems: articleProblems } = readArticleFiles(dir);
  const all = [...problems, ...furnitureProblems, ...articleProblems];
  if (all.length > 0) throw contentError(`The collection has problems to fix before a new article can be drafted:\n${all.join('\n')}`);
  const lines = readContentText(capturePath, capturePath).split('\n');
  const organisationName = new Map(folders.organisations.map((o) => [o.id, o.data.name]));
  // Where the collection's articles are published: a site whose articles state their publisher suggests the publisher of a new page on it.
  const hosts = new Map<string, { publisher: string; publisherName: string; article: string }>();
  for (const a of articles) {
    const fm = a.frontmatter as { slug?: string; publisher?: string; source?: { url?: string } };
    if (!fm.publisher || !fm.source?.url || !organisationName.has(fm.publisher)) continue;
    try {
      const host = new URL(fm.source.url).host;
      if (!hosts.has(host)) hosts.set(host, { publisher: fm.publisher, publisherName: organisationName.get(fm.publisher)!, article: fm.slug ?? a.name });
    } catch {
      // An article with a malformed URL has its own problem, reported by npm run check.
    }
  }
  return {
    capture: path.basename(capturePath),
    lines,
    url,
    furniture: patterns,
    kinds: ARTICLE_KINDS,
    people: folders.people.map((p) => ({ id: p.id, names: [p.data.name, ...p.data.aliases] })),
    organisations: folders.organisations.map((o) => ({ id: o.id, names: [o.data.name, ...o.data.aliases, ...(o.data.acronym ? [o.data.acronym] : [])] })),
    slugs: new Set(articles.map((a) => ((a.frontmatter as { slug?: string }).slug ?? a.name))),
    hosts,
  };
}

export interface Written {
  draft: ArticleDraft;
  /** Files written, relative to the working directory. */
  files: string[];
  /** Organisation files the editor must write (their kind is theirs to choose), with the text to start from. */
  organisations: { file: string; text: string }[];
}

export function writeDraft(capturePath: string, url: string | undefined, dir = contentDir, today = new Date().toISOString().slice(0, 10)): Written {
  const input = draftInputs(capturePath, url, dir);
  const sources = path.join(dir, 'sources');
  const target = path.join(sources, input.capture);
  const shown = (file: string) => path.relative(process.cwd(), file);
  if (existsSync(target) && path.resolve(target) !== path.resolve(capturePath) && !readFileSync(target).equals(readFileSync(capturePath))) {
    throw contentError(`${shown(target)} already exists and differs from ${capturePath}. Rename the capture (any name ending .txt) and run npm run new again.`);
  }
  const draft = draftArticle(input);
  const files: string[] = [];
  mkdirSync(sources, { recursive: true });
  if (!existsSync(target)) {
    copyFileSync(capturePath, target);
    files.push(shown(target));
  }
  const article = path.join(dir, 'articles', `${draft.slug}.md`);
  writeFileSync(article, draftMarkdown(draft, today));
  files.push(shown(article));
  for (const person of draft.newPeople) {
    const file = path.join(dir, 'people', `${person.id}.yaml`);
    if (existsSync(file)) continue;
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, personStub(person, draft.slug));
    files.push(shown(file));
  }
  const organisations = draft.newOrganisations.map((o) => ({ file: shown(path.join(dir, 'organisations', `${o.id}.yaml`)), text: organisationStub(o, ORGANISATION_KINDS) }));
  return { draft, files, organisations };
}
