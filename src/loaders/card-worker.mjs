// Draws the article cards into the cache folder on a thread of its own,
// started by the articles loader as soon as it knows every article's title,
// kind, publisher and date, so the drawing runs on the core Astro's page
// rendering leaves idle. integrations/article-cards then finds them drawn.
import { loadTypeScript } from '../lib/load-typescript.mjs';
import { parentPort, workerData } from 'node:worker_threads';

loadTypeScript();
const { fillCardCache } = await import('../lib/card-painter.ts');
parentPort.postMessage({ drawn: fillCardCache(workerData.cacheDir, workerData.texts) });
