import { defineMessages } from '../../core/i18n.js';

export const messages = defineMessages('player', {
  en: {
    play: 'Play',
    video: 'Video: {title}',
    videoUntitled: 'Video',
    live: 'Live',
    replay: 'Replay',
    scheduled: 'Starts soon',
    viewers: '{count} watching',
    tapToUnmute: 'Tap to unmute',
    loading: 'Loading video…',
    reconnecting: 'Reconnecting…',
    unavailable: 'This video is not available right now.',
    offline: 'You are offline. The video resumes when you are back online.',
    retry: 'Try again',
  },
});
