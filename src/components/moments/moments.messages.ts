import { defineMessages } from '../../core/i18n.js';

/**
 * Texts of the live moments: flash deals, announcements and codes, polls. Counts (`left`, `votes`)
 * take their plural form from the number passed as `count`.
 */
export const messages = defineMessages('moments', {
  en: {
    deal: 'Deal',
    dealPrice: 'Deal price',
    regularPrice: 'Regular price',
    endsIn: 'Ends in {time}',
    left: '{count} left',
    dealSoldOut: 'Deal sold out',
    announcement: 'Announcement from the host',
    code: 'Code',
    copy: 'Copy code',
    copied: 'Code copied',
    copyManual: 'The code is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    apply: 'Apply code',
    applying: 'Applying…',
    applied: 'Code applied to your cart',
    invalidCode: 'This code can’t be used on your cart.',
    codeFailed: 'The code couldn’t be applied. Please try again.',
    poll: 'Poll',
    pollClosed: 'Poll closed',
    votes: { one: '{count} vote', other: '{count} votes' },
    yourVote: 'your vote',
    sending: 'Sending your vote…',
    voteFailed: 'Your vote wasn’t sent. Please try again.',
    closedLate: 'Voting closed before your vote arrived.',
    retry: 'Try again',
  },
});

export type MessageKey = Parameters<typeof messages>[1];
