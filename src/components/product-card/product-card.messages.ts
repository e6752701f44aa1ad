import { defineMessages } from '../../core/i18n.js';

export const messages = defineMessages('productCard', {
  en: {
    liveNow: 'Live now',
    viewDetails: 'View details',
    chooseOptions: 'Choose options for {title}',
    shownAt: 'Shown at {time}',
    watchFrom: 'Shown at {time}: watch {title}',
  },
  de: {
    liveNow: 'Jetzt live',
    viewDetails: 'Details ansehen',
    chooseOptions: 'Optionen für {title} wählen',
    shownAt: 'Gezeigt bei {time}',
    watchFrom: 'Gezeigt bei {time}: {title} ansehen',
  },
  ar: {
    liveNow: 'مباشر الآن',
    viewDetails: 'عرض التفاصيل',
    chooseOptions: 'اختر خيارات {title}',
    shownAt: 'عُرض عند {time}',
    watchFrom: 'عُرض عند {time}: شاهد {title}',
  },
});
