// Vite for the Svelte 5 example (@sveltejs/vite-plugin-svelte). In your project you
// `npm install vitrine` and need none of the `resolve.alias` below: it points `vitrine` at this
// repository's build (run `npm run build` first). The demo backend is mounted on Vite's dev
// server, so `npx vite` alone serves a working show.
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { createBackend } from '../backend/index.mjs';

const repo = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  resolve: {
    alias: [
      { find: /^vitrine$/, replacement: repo('dist/index.js') },
      { find: /^vitrine\/define$/, replacement: repo('dist/define.js') },
    ],
  },
  build: { outDir: repo('.cache/examples/svelte'), emptyOutDir: true, target: 'es2022' },
  plugins: [
    svelte(),
    {
      name: 'vitrine-demo-backend',
      configureServer(server) {
        const backend = createBackend({ basePath: '/api' });
        server.middlewares.use(async (req, res, next) => ((await backend.handle(req, res)) ? undefined : next()));
        server.httpServer?.once('close', () => backend.close());
      },
    },
  ],
});
