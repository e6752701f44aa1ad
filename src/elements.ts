/**
 * What the script-tag loader (cdn.ts) imports for a show's first view: the elements a show shows
 * before any interaction (the show, player facade, rail, cards, cart button). The product detail
 * is defined by the show when it is first needed or when the page is idle (show.detail.ts), or by
 * the loader for a `<vitrine-product-detail>` of the page; the chat by its own loader. (`vitrine/define`,
 * src/define.ts, defines every element at once for npm users.)
 *
 * The elements are defined in a task after the one that evaluates this chunk: defining a tag
 * upgrades the elements of the page and renders them (the show renders its first view in the task
 * that upgrades it), and evaluating the chunk is a long task of its own on a slow phone; together
 * they were the longest task of a show's page (issue 19). Until then the elements are not defined,
 * as while the chunk downloads: the show's reserved height (dist/cdn/vitrine.css) holds.
 */
import { VitrineCarousel } from './components/carousel/carousel.js';
import { prepareRailWhenIdle } from './components/carousel/prepare.js';
import { warmUpRail } from './components/carousel/warm-up.js';
import { VitrineCart } from './components/cart/cart.js';
import './components/chat/load.js';
import { defineElement } from './components/define-element.js';
import { VitrinePlayer } from './components/player/player.js';
import { VitrineProductCard } from './components/product-card/product-card.js';
import { VitrineShow } from './components/show/show.js';
import { yieldToPage } from './core/yield.js';

await yieldToPage();
defineElement('vitrine-player', VitrinePlayer);
defineElement('vitrine-product-card', VitrineProductCard);
defineElement('vitrine-carousel', VitrineCarousel);
defineElement('vitrine-cart', VitrineCart);
defineElement('vitrine-show', VitrineShow);
warmUpRail();
prepareRailWhenIdle();
