/**
 * What the script-tag loader (cdn.ts) imports for a show's first view: the elements a show shows
 * before any interaction (the show, player facade, rail, cards, cart button). The product detail
 * is defined by the show when it is first needed or when the page is idle (show.detail.ts), or by
 * the loader for a `<vitrine-product-detail>` of the page; the chat by its own loader. (`vitrine/define`,
 * src/define.ts, defines every element at once for npm users.)
 *
 * The elements are defined in a task after the one that evaluates this chunk: defining a tag
 * upgrades the elements of the page and renders them (the show renders its first view in the task
 * after the one that upgrades it, where vitrine.css holds its height: reservePendingShows), and evaluating the chunk is a long task of its own on a slow phone; together
 * they were the longest task of a show's page (issue 19). So are the show's and the player's
 * stylesheets, parsed in a task between the two. Until then the elements are not defined,
 * as while the chunk downloads: the show's reserved height (dist/cdn/vitrine.css) holds. They
 * are also not defined before the texts of the page's language are in (pageTexts, below).
 */
// First: Lit and the core, evaluated in a task before the components' (elements.base.ts).
import './elements.base.js';
import { VitrineCarousel } from './components/carousel/carousel.js';
import { warmUpRail } from './components/carousel/warm-up.js';
import { VitrineCart } from './components/cart/cart.js';
import './components/chat/load.js';
import { buildStyles, defineElement } from './components/define-element.js';
import { VitrinePlayer } from './components/player/player.js';
import { VitrineProductCard } from './components/product-card/product-card.js';
import { reservePendingShows, VitrineShow } from './components/show/show.js';
import { loadLocale, resolveLocale } from './core/i18n.js';
import { yieldToPage } from './core/yield.js';

/**
 * The texts of the page's elements' languages (and of the page's, for elements created later),
 * loaded before the elements are defined: the loader requested them with this chunk, so they are
 * usually in already, and the first render is in the page's language, not English then a
 * re-render. At most 3 s: a chunk that fails or is slow leaves English until it arrives.
 */
function pageTexts(): Promise<unknown> {
  const pending = [loadLocale(resolveLocale(document.documentElement))];
  for (const el of document.querySelectorAll('vitrine-show,vitrine-player,vitrine-carousel,vitrine-product-card,vitrine-cart')) {
    pending.push(loadLocale(resolveLocale(el, el.getAttribute('locale'))));
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise((resolve) => (timer = setTimeout(resolve, 3000)));
  return Promise.race([Promise.all(pending), late]).finally(() => clearTimeout(timer));
}

// The components' modules were evaluated in this task: the texts are looked up in the next one.
await yieldToPage();
await pageTexts();
// The stylesheets of what renders in the upgrade's task (the show's grid, the player's facade),
// then those of the elements that render creates (its cart button, rail and cards), each parsed
// in a task before it (in that render's task, they made it longer by a fifth, issue 19).
buildStyles(VitrineShow, VitrinePlayer);
await yieldToPage();
buildStyles(VitrineCart, VitrineCarousel, VitrineProductCard);
await yieldToPage();
// This chunk's embed links vitrine.css, which reserves a pending show's height: the show's first
// render then runs in a task after the one that defines and upgrades it.
reservePendingShows();
defineElement('vitrine-player', VitrinePlayer);
defineElement('vitrine-product-card', VitrineProductCard);
defineElement('vitrine-carousel', VitrineCarousel);
defineElement('vitrine-cart', VitrineCart);
defineElement('vitrine-show', VitrineShow);
warmUpRail();
