import { defineMessages } from '../../core/i18n.js';

// `tooLong` and `count` stay single texts: their noun goes with `{max}`, while plural forms are
// chosen by `{count}` (the draft's length).
export const messages = defineMessages('chat', {
  en: {
    chat: 'Chat',
    empty: 'No messages yet. Say hello!',
    emptyReplay: 'Messages from the show appear here as the video plays.',
    loading: 'Loading the chat…',
    unavailable: 'The chat is unavailable right now. The show and shopping still work.',
    message: 'Message',
    placeholder: 'Say something…',
    send: 'Send',
    sending: 'Sending…',
    retry: 'Retry',
    discard: 'Remove',
    failed: 'Not sent.',
    host: 'Host',
    moderator: 'Moderator',
    you: 'You',
    pinned: 'Pinned',
    options: 'More for the message from {name}',
    report: 'Report',
    reported: 'Reported. Thank you.',
    hide: 'Hide messages from {name}',
    hidden: 'Messages from {name} are hidden.',
    undoHide: 'Show them again',
    like: 'Like',
    likes: { one: '{count} like', other: '{count} likes' },
    nameTitle: 'Choose a name for the chat',
    name: 'Your name',
    nameSubmit: 'Join the chat',
    nameHint: 'Others see this name beside your messages.',
    cancel: 'Cancel',
    tooLong: 'At most {max} characters ({count} now).',
    count: '{count} of {max} characters',
    rateLimited: 'You’re writing too fast. You can write again in {seconds} s.',
    blocked: 'You can’t write in this chat.',
    readOnly: 'This chat is read-only.',
    replay: 'Chat replay',
    said: '{name}: {text}',
    saidHost: '{name} (host): {text}',
  },
});

export type ChatMessageKey = Parameters<typeof messages>[1];
