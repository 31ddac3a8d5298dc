// A bare Starlight site: the bench copies a generated corpus into
// src/content/docs/ and builds it beside ours (npm run bench). By default
// Starlight's sidebar lists every page on every page, which grows with the
// square of the collection; BENCH_SIDEBAR=none measures it without that, the
// harder peer to beat.
import starlight from '@astrojs/starlight';
import { defineConfig } from 'astro/config';

const sidebar = process.env.BENCH_SIDEBAR === 'none' ? { sidebar: [] } : {};

export default defineConfig({
  integrations: [starlight({ title: 'Bench peer', pagefind: true, ...sidebar })],
});
