/**
 * `<vitrine-player>`: the facade (free: video.js is not loaded), then real HLS playback. Live
 * stories play an endless live stream made in the browser by a service worker (with in-band
 * product pins); replay stories play the demo's 30 s recording with chapter markers.
 */
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../src/components/player/define.js';
import type { VitrinePlayer } from '../src/components/player/player.js';
import type { Chapter, ShowStatus } from '../src/core/types.js';
import { inShadow, until } from './mocks/args.js';
import { catalog, chapters, MEDIA, mediaUrl } from './mocks/fixtures.js';
import { liveStreamLoader } from './mocks/live-stream.js';
import { createStoryStore, type StoryStore } from './mocks/store.js';

interface PlayerArgs {
  src: string | undefined;
  poster: string | undefined;
  label: string;
  status: ShowStatus;
  autoplay: boolean;
  aspectRatio: '16:9' | '9:16';
  locale: string;
  viewers: number | null;
  withChapters: boolean;
}

const products = catalog({ count: 6 });
const pins = products.map((p) => p.id).join(',');
const LIVE = `${MEDIA.live}?pins=${pins}`;

const meta: Meta<PlayerArgs> = {
  title: 'Player',
  component: 'vitrine-player',
  args: {
    src: LIVE,
    poster: MEDIA.posterLive,
    label: 'Winter drop, live',
    status: 'live',
    autoplay: false,
    aspectRatio: '16:9',
    locale: 'en',
    viewers: 1284,
    withChapters: false,
  },
  argTypes: {
    src: {
      control: 'select',
      options: [LIVE, MEDIA.replay, MEDIA.broken, MEDIA.stall],
      description: 'HLS playlist: the live loop, the replay, a missing one, one that never answers.',
    },
    status: { control: 'inline-radio', options: ['scheduled', 'live', 'ended'] },
    aspectRatio: { control: 'inline-radio', options: ['16:9', '9:16'] },
    locale: { control: 'select', options: ['en', 'de', 'ar'] },
    viewers: { control: 'number' },
    withChapters: { description: 'Replay chapter markers (one per product).', table: { category: 'Data' } },
  },
  parameters: { layout: 'fullscreen' },
  loaders: [
    liveStreamLoader,
    async () => ({ kit: await createStoryStore({ products, latency: 300 }) }),
  ],
  render: (args, { loaded }) => {
    const { kit } = loaded as { kit: StoryStore };
    const marks: Chapter[] = args.withChapters ? chapters(products) : [];
    return html`<div class=${args.aspectRatio === '9:16' ? 'player-frame portrait' : 'player-frame'}>
      <vitrine-player
        .store=${kit.store}
        src=${ifDefined(args.src ? mediaUrl(args.src) : undefined)}
        poster=${ifDefined(args.poster ? mediaUrl(args.poster) : undefined)}
        label=${args.label}
        status=${args.status}
        ?autoplay=${args.autoplay}
        aspect-ratio=${args.aspectRatio}
        locale=${args.locale}
        .viewers=${args.viewers}
        .chapters=${marks}
        .retryDelays=${[]}
      ></vitrine-player>
    </div>`;
  },
};
export default meta;
type Story = StoryObj<PlayerArgs>;

const player = (root: HTMLElement) => root.querySelector<VitrinePlayer>('vitrine-player')!;

/** Presses Play (as a shopper would) and waits until video is on screen and moving. */
async function playUntilMoving(root: HTMLElement, timeout = 15000): Promise<VitrinePlayer> {
  const element = player(root);
  const button = await until(() => inShadow<HTMLButtonElement>(element, '[part="play-button"]'));
  button.click();
  const start = await until(() => element.currentTime > 0 && element.currentTime, timeout);
  await until(() => element.currentTime > start + 0.3, timeout);
  return element;
}

/** Before play intent: poster, title, live badge, viewers and Play. video.js is not loaded. */
export const Facade: Story = {};

export const FacadeReplay: Story = { args: { src: MEDIA.replay, poster: MEDIA.posterReplay, status: 'ended', label: 'Winter drop (replay)' } };

export const FacadeScheduled: Story = {
  args: { src: undefined, poster: MEDIA.posterScheduled, status: 'scheduled', label: 'Spring preview', viewers: null },
};

/** Play was pressed; the stream has not answered yet (it never will in this story). */
export const Loading: Story = {
  args: { src: MEDIA.stall },
  play: async ({ canvasElement }) => {
    const element = player(canvasElement);
    (await until(() => inShadow<HTMLButtonElement>(element, '[part="play-button"]'))).click();
    await until(() => element.shadowRoot?.querySelector('.spinner'));
  },
};

/** The live stream playing at the live edge, with the viewer count; pins arrive in-band. */
export const LivePlaying: Story = {
  play: async ({ canvasElement }) => {
    await playUntilMoving(canvasElement);
  },
};

/** The shopper went back 15 s: "Go live (15 s behind)" brings them back. */
export const BehindLiveEdge: Story = {
  play: async ({ canvasElement }) => {
    const element = await playUntilMoving(canvasElement);
    element.seek(Math.max(0, element.currentTime - 15));
    await until(() => element.shadowRoot?.querySelector('[part="go-live"]')?.getAttribute('aria-label')?.match(/\d/), 10000);
  },
};

/** The replay, with a marker on the seek bar for each product shown. */
export const ReplayWithChapters: Story = {
  args: { src: MEDIA.replay, poster: MEDIA.posterReplay, status: 'ended', label: 'Winter drop (replay)', withChapters: true, viewers: null },
  play: async ({ canvasElement }) => {
    await playUntilMoving(canvasElement);
    await until(() => player(canvasElement).shadowRoot?.querySelector('[part="marker"]'));
  },
};

/** The playlist is missing (404): after the retries, the player says the video is unavailable. */
export const StreamError: Story = {
  args: { src: MEDIA.broken },
  tags: ['network-error'],
  play: async ({ canvasElement }) => {
    const element = player(canvasElement);
    (await until(() => inShadow<HTMLButtonElement>(element, '[part="play-button"]'))).click();
    await until(() => element.shadowRoot?.querySelector('[part="message"][role="alert"]'), 15000);
  },
};

/** `autoplay`: playback starts muted when visible, and offers "Tap to unmute". */
export const MutedAutoplayPrompt: Story = {
  args: { autoplay: true },
  play: async ({ canvasElement }) => {
    await until(() => player(canvasElement).shadowRoot?.querySelector('[part="unmute"]'), 15000);
  },
};

/** A vertical (9:16) show, as filmed on a phone. */
export const Portrait: Story = { args: { aspectRatio: '9:16' } };

export const German: Story = { args: { locale: 'de', label: 'Winter-Drop, live' } };

export const Arabic: Story = { args: { locale: 'ar', label: 'تشكيلة الشتاء، مباشر' } };
