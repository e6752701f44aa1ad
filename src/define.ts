/**
 * Registers every `vitrine-*` element. Safe to load twice: an element that is
 * already defined is left as it is.
 */
import './components/player/define.js';
import './components/product-card/define.js';
import './components/product-detail/define.js';
import './components/carousel/define.js';
import './components/cart/define.js';
import './components/show/define.js';
import './components/chat/load.js';
