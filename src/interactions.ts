/**
 * `vitrine/interactions`: the chat and reactions (docs/interactions.md). The `<vitrine-chat>` class
 * (importing it defines nothing; `vitrine/define` defines the tag, lazily), the framework-free
 * `ChatModel` it renders, the parsers of chat data, and the REST and in-memory interaction adapters.
 */
export { VitrineChat } from './components/chat/chat.js';
export { loadChat } from './components/chat/load.js';
export { ChatModel } from './core/chat.js';
export type { ChatEntry, ChatState, ChatModelOptions, ChatListener } from './core/chat.js';
export { parseChatMessage, parseChatHistory, parseInteractionEvent, cleanChatText, chatTextProblem, CHAT_LIMITS } from './core/parse-interactions.js';
export type { InteractionResult } from './core/parse-interactions.js';
export { createRestInteractions, retryAfterSeconds } from './adapters/rest/interactions.js';
export type { RestInteractionsOptions } from './adapters/rest/interactions.js';
export { createMemoryInteractions } from './adapters/memory/interactions.js';
export type { MemoryInteractions, MemoryInteractionsOptions } from './adapters/memory/interactions.js';
