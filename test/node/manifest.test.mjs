// The Custom Elements Manifest (custom-elements.json, written by `npm run build`) documents what a
// merchant can put in the show's slots and which elements fire the analytics events (issue 18):
// it is what IDEs, Storybook and framework wrappers read. Skipped with a message without the build.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const file = fileURLToPath(new URL('../../custom-elements.json', import.meta.url));
const skip = !existsSync(file) && 'no custom-elements.json: run npm run build';

function element(tag) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  const found = manifest.modules.flatMap((m) => m.declarations ?? []).find((d) => d.tagName === tag || d.name === tag);
  assert.ok(found, `${tag} is in the manifest`);
  return found;
}

test('manifest: <vitrine-show> slots, with their defaults described', { skip }, () => {
  const show = element('VitrineShow');
  const slots = Object.fromEntries((show.slots ?? []).map((s) => [s.name, s.description]));
  for (const name of ['pinned', 'no-products', 'ended', 'unavailable']) {
    assert.match(slots[name] ?? '', /Default:/, `slot ${name} and its default`);
  }
});

test('manifest: the analytics events of the show, the player and the product card', { skip }, () => {
  const events = (name) => (element(name).events ?? []).map((e) => e.name);
  for (const name of ['vitrine-play', 'vitrine-pause', 'vitrine-progress', 'vitrine-product-click', 'vitrine-share']) {
    assert.ok(events('VitrineShow').includes(name), `<vitrine-show> fires ${name}`);
  }
  for (const name of ['vitrine-play', 'vitrine-pause', 'vitrine-progress']) assert.ok(events('VitrinePlayer').includes(name), `<vitrine-player> fires ${name}`);
  assert.ok(events('VitrineProductCard').includes('vitrine-product-click'), '<vitrine-product-card> fires vitrine-product-click');
});
