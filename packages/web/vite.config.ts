import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * @tollgate/domain is pure rules without I/O (ARCHITECTURE.md), but its modules
 * build zod schemas at the top level, which the bundler must otherwise assume
 * have effects: importing ErrorCode alone pulled in zod and the CSV parsers
 * (+90 kB). Declared pure, only what the SPA imports is bundled.
 */
const DOMAIN_SOURCE = /[\\/]packages[\\/]domain[\\/]src[\\/]/;

export default defineConfig({
  plugins: [react()],
  build: { rolldownOptions: { treeshake: { moduleSideEffects: (id: string) => !DOMAIN_SOURCE.test(id) } } },
  server: { proxy: { '/graphql': { target: 'http://localhost:4000', ws: true }, '/api': { target: 'http://localhost:4000' } } },
});
