// Vite for the Vue 3 example (@vitejs/plugin-vue). Vue is told that <vitrine-*> tags are custom
// elements, so it leaves them to the browser. In your project you `npm install vitrine` and need
// none of the `resolve.alias` below: it points `vitrine` at this repository's build (run
// `npm run build` first). The demo backend is mounted on Vite's dev server, so `npx vite` alone
// serves a working show.
import vue from '@vitejs/plugin-vue';
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
  build: { outDir: repo('.cache/examples/vue'), emptyOutDir: true, target: 'es2022' },
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('vitrine-') } } }),
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
