/**
 * What the script-tag loader (cdn.ts) imports for a show's first view: the elements a show shows
 * before any interaction (the show, player facade, rail, cards, cart button). The product detail
 * is defined by the show when it is first needed or when the page is idle (show.detail.ts), or by
 * the loader for a `<vitrine-product-detail>` of the page; the chat by its own loader. (`vitrine/define`,
 * src/define.ts, defines every element at once for npm users.)
 */
import './components/player/define.js';
import './components/product-card/define.js';
import './components/carousel/define.js';
import './components/cart/define.js';
import './components/show/define.js';
import './components/chat/load.js';
