import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

// The bench copies the corpus's articles into src/content/articles/.
export const collections = { articles: defineCollection({ loader: glob({ base: './src/content/articles', pattern: '*.md' }) }) };
