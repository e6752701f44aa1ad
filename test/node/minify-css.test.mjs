// The build's minifier of Lit `css` literals (rollup.config.mjs): what every page downloads as
// style text. It once kept a whole stylesheet's tail as written, because an apostrophe in a comment
// ("the card's") opened a quoted string that ran to the next apostrophe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCssLiterals } from '../../rollup.config.mjs';

const minify = (css) => minifyCssLiterals().transform(`export const styles = css \`${css}\`;`, '/repo/src/x.styles.ts').code;

test('minify-css: comments and indentation go, the line count stays', () => {
  const out = minify('\n  .a {\n    /* one\n       two */\n    color: red;\n  }\n');
  assert.equal(out, 'export const styles = css `\n.a{\n\n\ncolor:red;\n}\n`;');
});

test('minify-css: an apostrophe in a comment opens no string', () => {
  const out = minify(".a {\n  /* the card's width */\n  color: red;\n}\n.b {\n  margin: 0 ;\n}\n/* the show's height */\n.c {\n  gap: 1px;\n}");
  assert.ok(!out.includes('card') && !out.includes('show'), out);
  assert.ok(out.includes('.a{\n\ncolor:red;\n}\n.b{\nmargin:0;\n}\n\n.c{\ngap:1px;\n}'), out);
});

test('minify-css: quoted strings are kept as written, with what looks like a comment in them', () => {
  const out = minify(`.a::after {\n  content: "/* it's */  x";\n  font-family: 'A  B';\n}`);
  assert.ok(out.includes(`content:"/* it's */  x";`), out);
  assert.ok(out.includes(`font-family:'A  B';`), out);
});

test('minify-css: interpolations are kept', () => {
  const out = minifyCssLiterals().transform('const s = css `.a {  color: ${red} ; }`;', '/repo/src/x.ts').code;
  assert.equal(out, 'const s = css `.a{color:${red};}`;');
});
