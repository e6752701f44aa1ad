// Vite for the npm example. In your project you `npm install vitrine` and need none of the
// `resolve.alias` below: it points `vitrine` at this repository's build (run `npm run build`).
// The demo backend is mounted on Vite's dev server, so `npx vite` alone serves a working show.
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
      { find: /^vitrine\/adapters\/(.*)$/, replacement: repo('dist/adapters/$1/index.js') },
    ],
  },
  build: {
    outDir: repo('.cache/examples/npm-vite'),
    emptyOutDir: true,
    target: 'es2022',
  },
  plugins: [
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
