/** Amazon IVS adapters: IVS Chat as the show's chat (docs/recipes/aws-ivs.md). */
export { createIvsChat, type IvsChatOptions } from './chat.js';
