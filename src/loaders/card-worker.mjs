// Draws the article cards into the cache folder on a thread of its own,
// started by the articles loader as soon as it knows every article's title,
// kind, publisher and date, so the drawing runs on the core Astro's page
// rendering leaves idle. integrations/article-cards then finds them drawn.
import { register } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

register('./ts-resolve.mjs', import.meta.url);
const { fillCardCache } = await import('../lib/card-painter.ts');
parentPort.postMessage({ drawn: fillCardCache(workerData.cacheDir, workerData.texts) });
