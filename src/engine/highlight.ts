/** The `CLASS` of a product pin's `#EXT-X-DATERANGE` (its own module: the player's first view needs the name, not the scheduler of pins.ts). */
export const HIGHLIGHT_CLASS = 'com.vitrine.highlight';
