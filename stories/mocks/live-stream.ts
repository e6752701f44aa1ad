/**
 * Live video without a server: registers .storybook/public/vitrine-live-sw.js, the service
 * worker that answers `media/live.m3u8` with a sliding-window live playlist looping the demo's
 * HLS segments (with PROGRAM-DATE-TIME and in-band DATERANGE pins). Use as a story loader.
 */
export async function liveStreamLoader(): Promise<Record<string, never>> {
  const sw = navigator.serviceWorker;
  if (!sw) throw new Error('Live stories need service workers (a secure context: https or localhost).');
  const url = new URL('vitrine-live-sw.js', document.baseURI);
  await sw.register(url, { scope: new URL('./', document.baseURI).pathname });
  await sw.ready;
  if (!sw.controller) {
    // The worker claims open pages when it activates; wait for this one to be claimed.
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 5000);
      sw.addEventListener(
        'controllerchange',
        () => {
          clearTimeout(timer);
          resolve();
        },
        { once: true },
      );
    });
  }
  return {};
}
