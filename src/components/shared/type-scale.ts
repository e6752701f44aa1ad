/**
 * The widget's font stack and type scale: the elements' styles (styles.ts and each element's)
 * draw their text with them, and the storefront loader (src/cdn.ts) warms them while the
 * elements' code downloads. Both write them out again (an import would cost bytes in the first
 * view, and put this module in a chunk the loader would load on every page);
 * test/cdn/type-scale.test.ts checks that the three agree. A strike (a size and weight) the
 * styles use and the loader does not warm costs a font look-up in the layout of the frame that
 * first draws it.
 */

/** The default `--vitrine-font`. */
export const FONT_STACK = `system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif`;

/**
 * The type scale's strikes, as the weight and size of a CSS `font`: 12px bold (badges, labels,
 * stock), 13px regular (the show's meta line: its status, host and viewers), 14px regular (text)
 * and bold (buttons, names, card titles), 16px bold (titles, prices). The first view draws no other.
 */
export const STRIKES = ['700 12px', '400 13px', '400 14px', '700 14px', '700 16px'] as const;
