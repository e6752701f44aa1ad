import { defineMessages } from '../../core/i18n.js';

export const messages = defineMessages('productCard', {
  en: {
    liveNow: 'Live now',
    viewDetails: 'View details',
    chooseOptions: 'Choose options for {title}',
    shownAt: 'Shown at {time}',
    watchFrom: 'Shown at {time}: watch {title}',
  },
});
