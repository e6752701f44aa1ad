/**
 * Storybook for Vitrine: every element in every state a shopper can meet, without a backend.
 * `npm run storybook` (dev server on :6006) and `npm run build-storybook` (storybook-static/).
 */
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import type { StorybookConfig } from '@storybook/web-components-vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * The library imports stylesheets as text (the rollup `css-text` plugin) to adopt them into
 * shadow roots; never into <head>. Vite's own equivalent is the `?inline` query.
 */
function cssAsText(): Plugin {
  return {
    name: 'vitrine-css-as-text',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (!source.endsWith('.css') || !importer || !/[\\/]src[\\/]/.test(importer)) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? `${resolved.id}?inline` : null;
    },
  };
}

/**
 * package.json's `sideEffects` names the built `dist/**\/define.js` files, so a bundler drops a
 * bare `import './define.js'` of the sources; in Storybook, the sources' define modules do
 * register elements.
 */
function defineModulesHaveSideEffects(): Plugin {
  const define = /[\\/]src[\\/](define|components[\\/][^\\/]+[\\/]define)\.ts$/;
  return {
    name: 'vitrine-define-side-effects',
    transform(code, id) {
      return define.test(id) ? { code, map: null, moduleSideEffects: true } : null;
    },
  };
}

const config: StorybookConfig = {
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Video: the demo's committed 30 s HLS loop and posters (examples/backend/media, see
  // make-demo-media.sh) at /media, and the service worker that turns it into a live stream.
  staticDirs: [{ from: '../examples/backend/media', to: '/media' }, { from: './public', to: '/' }],
  async viteFinal(viteConfig) {
    return {
      ...viteConfig,
      plugins: [...(viteConfig.plugins ?? []), cssAsText(), defineModulesHaveSideEffects()],
      esbuild: {
        ...(typeof viteConfig.esbuild === 'object' ? viteConfig.esbuild : {}),
        // Lit's decorators are TypeScript's experimental ones (tsconfig.json), for src and stories alike.
        tsconfigRaw: {
          compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false, target: 'ES2022' },
        },
      },
      build: { ...viteConfig.build, chunkSizeWarningLimit: 2048 },
      server: { ...viteConfig.server, fs: { ...viteConfig.server?.fs, allow: [here('..')] } },
    };
  },
};

export default config;
