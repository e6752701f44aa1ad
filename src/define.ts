/**
 * Registers every `vitrine-*` element. Safe to load twice: an element that is
 * already defined is left as it is.
 */
