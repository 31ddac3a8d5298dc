// The smallest Astro site: the baseline that the real build time is compared with.
import { defineConfig } from 'astro/config';

export default defineConfig({});
