import { fileURLToPath } from 'node:url';
import { getViteConfig } from 'astro/config';

// Astro components compiled as the build compiles them, rendered with Astro's container API.
export default getViteConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: { name: 'components', include: ['**/*.test.ts'], dir: fileURLToPath(new URL('.', import.meta.url)), testTimeout: 60_000 },
} as never);
