/**
 * `<vitrine-chat>`: every state of the show's chat, each on an in-memory backend
 * (`createMemoryInteractions`) feeding a `ChatModel`, as a show would.
 */
import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { createMemoryInteractions, type MemoryInteractions, type MemoryInteractionsOptions } from '../src/adapters/memory/interactions.js';
import '../src/components/chat/define.js';
import { ChatModel } from '../src/core/chat.js';
import type { ChatAuthor, ChatMessage } from '../src/core/types.js';

interface ChatArgs {
  locale: string;
  layout: 'panel' | 'overlay';
  chat: 'on' | 'read-only' | 'off';
  /** Recorded messages at the start. */
  messages: number;
  /** Simulated viewers' messages per second. */
  perSecond: number;
  pinned: boolean;
  backend: Pick<MemoryInteractionsOptions, 'down' | 'blocked' | 'rateLimit' | 'latency'>;
  /** The shopper's name, already given. */
  name: string;
  /** Own messages written at the start (shows "sending" or "failed" with the backend's failure). */
  own: string[];
  replay: boolean;
  dark: boolean;
  /** After the history loaded, the backend answers sends only after 10 minutes (they stay "sending"). */
  slowSends?: boolean;
  /** The backend goes down after the history loaded: own messages fail (with Retry). */
  failSends: boolean;
}

const HOST: ChatAuthor = { id: 'ava', name: 'Ava Lindqvist', role: 'host' };
const MOD: ChatAuthor = { id: 'jonas', name: 'Jonas', role: 'moderator' };
const EN = ['Does it come in navy?', 'Is it true to size?', 'Love this colour ❤️', 'How long is shipping to Germany?', 'Just ordered the beanie in Oat', 'Hi from Oslo 👋', 'Can I machine wash it?'];
const AR = ['هل يتوفر باللون الكحلي؟', 'هل المقاس مطابق؟', 'أحب هذا اللون ❤️', 'كم يستغرق الشحن؟', 'طلبت واحدة للتو'];
const NAMES = ['Mia', 'Liam', 'Sofia K.', 'Noah', 'Emma', 'Lucas', 'Ingrid', 'Mateo'];
const AR_NAMES = ['ليلى', 'عمر', 'سارة', 'يوسف'];

function script(locale: string, count: number, replay: boolean): ChatMessage[] {
  const ar = locale.startsWith('ar');
  const lines = ar ? AR : EN;
  const names = ar ? AR_NAMES : NAMES;
  return Array.from({ length: count }, (_, i) => {
    const fromHost = i % 5 === 4;
    const author = fromHost ? HOST : i % 11 === 7 ? MOD : { id: `v${i % names.length}`, name: names[i % names.length]!, role: 'viewer' as const };
    const text = fromHost ? (ar ? 'نعم، متوفر بثلاثة ألوان!' : 'Yes! It comes in Oat, Forest and Rust.') : lines[i % lines.length]!;
    const message: ChatMessage = { id: `s${i}`, author, text, at: Date.now() - (count - i) * 4000 };
    if (replay) message.offset = i * 1.5;
    return message;
  });
}

const meta: Meta<ChatArgs> = {
  title: 'Chat',
  component: 'vitrine-chat',
  args: { locale: 'en', layout: 'panel', chat: 'on', messages: 12, perSecond: 0, pinned: false, backend: {}, name: '', own: [], replay: false, dark: false, failSends: false },
  argTypes: {
    layout: { control: 'inline-radio', options: ['panel', 'overlay'] },
    chat: { control: 'inline-radio', options: ['on', 'read-only', 'off'] },
    locale: { control: 'inline-radio', options: ['en', 'de', 'ar'] },
  },
  loaders: [
    async ({ args }) => {
      const a = args as ChatArgs;
      const messages = script(a.locale, a.messages, a.replay);
      const interactions = createMemoryInteractions({ messages, reactions: { heart: 1203 }, ...a.backend });
      const model = new ChatModel({ interactions });
      interactions.subscribe((event) => model.handleEvent(event));
      if (a.replay) model.setStatus('ended');
      await model.start();
      model.handleEvent({ type: 'reactions', counts: { heart: 1203 } });
      if (a.replay) model.setTime(messages.length * 0.75);
      if (a.pinned && messages.length) interactions.pin(messages.find((m) => m.author.role === 'host')?.id ?? messages[0]!.id);
      if (a.name) model.setName(a.name);
      if (a.failSends) interactions.configure({ down: true });
      // After the history: only the shopper's own message hangs, so the story still loads.
      if (a.slowSends) interactions.configure({ latency: 600_000 });
      for (const text of a.own) void model.send(text);
      return { model, interactions };
    },
  ],
  render: (args, { loaded }) => {
    const { model, interactions } = loaded as { model: ChatModel; interactions: MemoryInteractions };
    if (args.perSecond > 0) {
      let i = 0;
      const lines = args.locale.startsWith('ar') ? AR : EN;
      const timer = setInterval(() => {
        // Stops once the story is gone (its element is no longer in the page).
        if (i > 3 && ![...document.querySelectorAll('vitrine-chat')].some((el) => el.model === model)) return clearInterval(timer);
        const name = NAMES[i % NAMES.length]!;
        interactions.post({ id: `live-${i % 40}`, name, role: 'viewer' }, lines[i++ % lines.length]!);
        if (i % 25 === 0) interactions.post(HOST, 'Thanks for all the questions! Navy is back in stock.');
      }, 1000 / args.perSecond);
    }
    const dark = args.dark
      ? 'background:#101114;padding:12px;--vitrine-color-surface:#1b1c21;--vitrine-color-surface-alt:#2a2c33;--vitrine-color-text:#f3f3f5;--vitrine-color-muted:#b4b7c2;--vitrine-color-border:#3a3d46;--vitrine-color-accent:#f3f3f5;--vitrine-color-accent-contrast:#101114;--vitrine-chat-host-color:#ff8fa8'
      : 'padding:12px';
    const overlay = args.layout === 'overlay';
    const element = html`<vitrine-chat
      .model=${model}
      locale=${args.locale}
      layout=${args.layout}
      chat=${args.chat}
      style=${overlay ? 'position:absolute;inset:auto 0 0 0;height:60%' : 'max-width:380px'}
    ></vitrine-chat>`;
    if (!overlay) return html`<div style=${dark}>${element}</div>`;
    // A phone-sized "video" (a gradient) with the chat over its lower part.
    return html`<div style="position:relative;width:360px;height:640px;border-radius:16px;overflow:hidden;background:linear-gradient(160deg,#c9a98a,#6b4f3a 55%,#2b2420)">${element}</div>`;
  },
};
export default meta;
type Story = StoryObj<ChatArgs>;

export const Empty: Story = { args: { messages: 0 } };
/** A busy live chat: 12 messages a second, sampled to a readable rate; the host's always show. */
export const Busy: Story = { args: { messages: 60, perSecond: 12 } };
export const Pinned: Story = { args: { pinned: true } };
export const Sending: Story = { args: { name: 'Mia', own: ['Does the cardigan run large?'], slowSends: true } };
export const Failed: Story = { args: { name: 'Mia', own: ['Is shipping free over €50?'], failSends: true } };
export const RateLimited: Story = { args: { name: 'Mia', own: ['one', 'two'], backend: { rateLimit: 1 } } };
export const Blocked: Story = { args: { name: 'Mia', own: ['hello?'], backend: { blocked: true } } };
export const ReadOnly: Story = { args: { chat: 'read-only' } };
/** An ended show: the recorded chat plays back with the video (here at 0:09). */
export const Replay: Story = { args: { replay: true, messages: 30 } };
export const Arabic: Story = { args: { locale: 'ar', pinned: true } };
export const Dark: Story = { args: { dark: true, pinned: true } };
export const PhoneOverlay: Story = { args: { layout: 'overlay', messages: 20, perSecond: 3, pinned: true } };
