/**
 * Texts of the player's control bar (lazy, with player-controls.ts): the same `player` namespace
 * as the facade's texts in player.messages.ts, kept apart so a show's first view does not carry
 * them. "Play" and "Live" are in both (the facade shows them too).
 */
import { defineMessages } from '../../core/i18n.js';

export const controlMessages = defineMessages('player', {
  en: {
    play: 'Play',
    pause: 'Pause',
    live: 'Live',
    goLive: 'Go live',
    behindLive: 'Go live ({seconds} s behind)',
    mute: 'Mute',
    unmute: 'Unmute',
    seek: 'Seek',
    timeOf: '{time} of {duration}',
    jumpTo: 'Jump to {title} at {time}',
    jumpToUntitled: 'Jump to product at {time}',
    captionsOn: 'Turn captions on',
    captionsOff: 'Turn captions off',
    pip: 'Picture in picture',
    fullscreen: 'Full screen',
    exitFullscreen: 'Exit full screen',
    controls: 'Video controls',
  },
});
