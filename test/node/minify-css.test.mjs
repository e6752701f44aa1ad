// The build's minifier of Lit `css` literals (rollup.config.mjs): what every page downloads as
// style text. It once kept a whole stylesheet's tail as written, because an apostrophe in a comment
// ("the card's") opened a quoted string that ran to the next apostrophe.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SourceMap } from 'node:module';
import { minifyCssLiterals } from '../../rollup.config.mjs';

const minify = (css) => minifyCssLiterals().transform(`export const styles = css \`${css}\`;`, '/repo/src/x.styles.ts').code;

test('minify-css: comments, indentation, line breaks and the last semicolon of a block go', () => {
  const out = minify('\n  .a {\n    /* one\n       two */\n    color: red;\n  }\n  .b  .c {\n    margin: 0 auto;\n    width: calc( 100% - 2px );\n    aspect-ratio: 16 / 9;\n  }\n  @media (min-width: 1px) and (hover) {\n    :host * {\n      gap: 1px;\n    }\n  }\n');
  assert.equal(out, 'export const styles = css ` .a{color:red}.b .c{margin:0 auto;width:calc(100% - 2px);aspect-ratio:16/9}@media (min-width:1px) and (hover){:host *{gap:1px}}`;');
});

test('minify-css: the code after a literal keeps its place in the source map', () => {
  const source = 'const s = css `\n  .a {\n    color: red;\n  }\n`;\nexport const after = 1;\n';
  const { code, map } = minifyCssLiterals().transform(source, '/repo/src/x.ts');
  assert.equal(code.split('\n').length, 3, code);
  // Node's own source map reader: lines and columns from 0.
  const line = code.split('\n').findIndex((l) => l.includes('after'));
  const entry = new SourceMap(JSON.parse(map.toString())).findEntry(line, code.split('\n')[line].indexOf('after'));
  assert.equal(entry.originalLine, 5, JSON.stringify(entry));
});

test('minify-css: an apostrophe in a comment opens no string', () => {
  const out = minify(".a {\n  /* the card's width */\n  color: red;\n}\n.b {\n  margin: 0 ;\n}\n/* the show's height */\n.c {\n  gap: 1px;\n}");
  assert.ok(!out.includes('card') && !out.includes('show'), out);
  assert.ok(out.includes('.a{color:red}.b{margin:0}.c{gap:1px}'), out);
});

test('minify-css: quoted strings are kept as written, with what looks like a comment in them', () => {
  const out = minify(`.a::after {\n  content: "/* it's */  x";\n  font-family: 'A  B';\n}`);
  assert.ok(out.includes(`content:"/* it's */  x";`), out);
  assert.ok(out.includes(`font-family:'A  B'}`), out);
});

test('minify-css: interpolations are kept', () => {
  const out = minifyCssLiterals().transform('const s = css `.a {  color: ${red} ; }`;', '/repo/src/x.ts').code;
  assert.equal(out, 'const s = css `.a{color:${red}}`;');
});
