// Renders a share of the articles on a thread of its own (loaders/render-thread.ts),
// so that the loader's rendering uses both cores: stage 1 of the articles it is
// given, keeping their trees, then stage 3 of the same once the collection's
// records and quoted-from notes are known (markdown/render.ts). It reads the
// collection's inputs from the content files itself, since the inputs hold a
// function no message can carry. It may start before the articles are read:
// stage 1 needs only the people and organisations, and the articles' dates,
// which stage 3's speakers' roles need, come in a message of their own.
import { loadTypeScript } from '../lib/load-typescript.mjs';
import { parentPort } from 'node:worker_threads';

loadTypeScript();
const { blockStage, linkStage, parseArticle, renderParsed } = await import('../markdown/render.ts');
const { readByMicromark } = await import('../markdown/remark-parse-gfm.ts');
const { collectionInputs, readYamlFolders } = await import('../content-files/collection-inputs.ts');
const { namesOf } = await import('../content-files/names.ts');

const { folders } = readYamlFolders();
const first = blockStage(namesOf(folders.people, folders.organisations, folders.glossary).names);
let dates;
let inputs;
const sources = new Map();
const trees = new Map();

parentPort.on('message', async (message) => {
  const { parse, render } = message;
  if (message.dates) {
    dates = message.dates;
  } else if (parse) {
    parentPort.postMessage(
      parse.sources.map((source) => {
        try {
          const parsed = parseArticle(first, source);
          sources.set(source.slug, source);
          if (trees.size < parse.keptTrees) trees.set(source.slug, parsed);
          return { record: parsed.record, micromark: readByMicromark(parsed.file) };
        } catch (error) {
          return { problem: error.message };
        }
      }),
    );
  } else {
    inputs ??= collectionInputs(folders, dates).inputs;
    const last = linkStage(inputs, render.collection);
    const out = [];
    for (const slug of render.slugs) {
      try {
        const parsed = trees.get(slug) ?? parseArticle(first, sources.get(slug));
        trees.delete(slug);
        out.push(await renderParsed(last, parsed));
      } catch (error) {
        out.push({ problem: error.message });
      }
    }
    parentPort.postMessage(out);
  }
});
