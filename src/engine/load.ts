/**
 * Loads the video engine on demand. This module does not import video.js: the engine
 * (`./videojs.ts`, video.js + VHS) is a separate chunk fetched by dynamic `import()` on
 * the first play intent, so a page with a player facade costs nothing until then.
 *
 * video.js has no option to keep three things to itself, so the loader contains them:
 * - `window.VIDEOJS_NO_DYNAMIC_STYLE` must be `true` while video.js is evaluated (else it puts
 *   a `<style>` in `<head>`); the loader sets it only around that import and removes it.
 * - video.js bundles vtt.js, which sets `window.vttjs` and `window.WebVTT` when evaluated. The
 *   engine uses the browser's native text tracks, so the loader removes both again.
 */
import type { EngineFactory } from './types.js';

type EngineModule = typeof import('./videojs.js');

let pending: Promise<EngineModule> | undefined;

const LEAKED_GLOBALS = ['vttjs', 'WebVTT'] as const;

/** Starts fetching the engine chunk without evaluating anything visible; safe to call often. */
export function prefetchEngine(): void {
  void loadEngineModule().catch(() => {
    // A failed prefetch is retried by the real load, which reports it.
    pending = undefined;
  });
}

/** The engine module, imported once. */
export function loadEngineModule(): Promise<EngineModule> {
  pending ??= importContained();
  return pending;
}

/** The engine factory (`createVideoJsEngine`), imported once. */
export async function loadEngine(): Promise<EngineFactory> {
  return (await loadEngineModule()).createVideoJsEngine;
}

/** True once the engine module has been evaluated. */
export function engineLoaded(): boolean {
  return loaded;
}

let loaded = false;

async function importContained(): Promise<EngineModule> {
  const win = window as unknown as Record<string, unknown>;
  const before = new Map(LEAKED_GLOBALS.map((name) => [name, Object.prototype.hasOwnProperty.call(win, name)]));
  const flagBefore = Object.prototype.hasOwnProperty.call(win, 'VIDEOJS_NO_DYNAMIC_STYLE');
  win['VIDEOJS_NO_DYNAMIC_STYLE'] = true;
  try {
    const module = await import('./videojs.js');
    // Keep vtt.js for the engine's own use (HLS WebVTT subtitles) before its globals go.
    module.provideVtt(win['vttjs']);
    loaded = true;
    return module;
  } catch (error) {
    pending = undefined;
    throw error;
  } finally {
    if (!flagBefore) delete win['VIDEOJS_NO_DYNAMIC_STYLE'];
    for (const name of LEAKED_GLOBALS) if (!before.get(name)) delete win[name];
  }
}
