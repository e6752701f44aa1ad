// Browser tests: @web/test-runner in real Chromium (see scripts/chromium.mjs).
// Test servers under test/servers/*.mjs are mounted as middleware on the test
// server itself, so components are tested against real HTTP on localhost.
import { readdirSync } from 'node:fs';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { chromeArgs, chromePath } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { defaultReporter } from '@web/test-runner';

const serverFiles = readdirSync(new URL('./test/servers/', import.meta.url)).filter((f) => f.endsWith('.mjs'));
const servers = await Promise.all(serverFiles.map((f) => import(`./test/servers/${f}`)));

export default {
  files: ['test/**/*.test.ts', '!test/node/**', '!test/e2e/**'],
  nodeResolve: { exportConditions: ['browser'] },
  // One page at a time: focus events and visibility-dependent code (IntersectionObserver, rAF)
  // only behave as for a shopper in the foreground tab.
  concurrency: 1,
  concurrentBrowsers: 1,
  testsFinishTimeout: 240_000,
  browserStartTimeout: 60_000,
  testFramework: { config: { timeout: 20_000 } },
  middleware: servers.flatMap((m) => m.middleware ?? []),
  plugins: [
    esbuildPlugin({ ts: true, tsconfig: new URL('./tsconfig.json', import.meta.url).pathname, target: 'es2022' }),
    ...servers.flatMap((m) => m.plugins ?? []),
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: chromePath, headless: true, args: chromeArgs },
      // Pages are reused from file to file, and one can lose the window focus to another (then
      // element.focus() fires no focus event and document.hasFocus() is false). Emulating a
      // focused page makes every test file run as in the shopper's foreground tab.
      async createPage({ context }) {
        const page = await context.newPage();
        await page.emulateFocusedPage(true);
        return page;
      },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
