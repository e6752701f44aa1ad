import { expect } from '@open-wc/testing';
import { createMemoryInteractions } from '../../src/adapters/memory/index.js';
import type { ChatModel } from '../../src/core/chat.js';
import { SessionChat } from '../../src/core/session-chat.js';
import { ShowStore } from '../../src/core/store.js';
import { until } from '../adapters/helpers.js';

describe('SessionChat (the show chat, in tasks of its own)', () => {
  it('builds the model, hands it over, and requests the history in three tasks', async () => {
    const log: string[] = [];
    const memory = createMemoryInteractions();
    const history = memory.history.bind(memory);
    const adapter = { ...memory, history: (signal: AbortSignal) => (log.push('history'), history(signal)) };
    let model: ChatModel | null = null;
    const chat = new SessionChat(
      new ShowStore(),
      (m) => {
        model = m;
        log.push('changed');
        queueMicrotask(() => log.push('same task'));
      },
      false,
    );
    try {
      chat.open(adapter);
      await until(() => log.includes('history'), 'the history request');
      expect(model).to.not.equal(null);
      // Not in the task that handed the model over (the show's chat part renders there).
      expect(log).to.deep.equal(['changed', 'same task', 'history']);
    } finally {
      chat.close();
    }
  });

  it('a chat closed before its history is requested does not request it', async () => {
    let asked = 0;
    const memory = createMemoryInteractions();
    const history = memory.history.bind(memory);
    const adapter = { ...memory, history: (signal: AbortSignal) => (asked++, history(signal)) };
    const chat = new SessionChat(new ShowStore(), (m) => m && queueMicrotask(() => chat.close()), false);
    chat.open(adapter);
    await new Promise((r) => setTimeout(r, 200));
    expect(asked).to.equal(0);
  });
});
