// For test/cdn/loader.test.ts: the built loader (dist/cdn/vitrine.js) served from a folder that has
// no chunks, as when the CDN fails or the device is offline after the loader was cached:
//   GET /__loader/broken/vitrine.js   dist/cdn/vitrine.js; every chunk it imports answers 404
// and over a slow connection, where the elements' code takes a while to arrive:
//   GET /__loader/slow/<file>         dist/cdn/<file>; chunks answer after 800 ms
import { readFileSync } from 'node:fs';

export const middleware = [
  async function loaderFixtures(context, next) {
    if (context.path === '/__loader/broken/vitrine.js') {
      context.type = 'text/javascript';
      context.body = readFileSync('dist/cdn/vitrine.js', 'utf8');
      return undefined;
    }
    const slow = /^\/__loader\/slow\/([\w./-]+\.js)$/.exec(context.path);
    if (slow && !slow[1].includes('..')) {
      if (slow[1] !== 'vitrine.js') await new Promise((resolve) => setTimeout(resolve, 800));
      context.type = 'text/javascript';
      context.body = readFileSync(`dist/cdn/${slow[1]}`, 'utf8');
      return undefined;
    }
    if (context.path.startsWith('/__loader/broken/')) {
      context.status = 404;
      return undefined;
    }
    return next();
  },
];
