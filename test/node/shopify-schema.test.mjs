// The Shopify adapters' GraphQL documents are valid against Shopify's published Storefront API
// schema (the one @shopify/hydrogen-react ships). documents.ts has no imports: it is transpiled
// here with TypeScript and imported as a module.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import ts from 'typescript';
import { buildClientSchema, parse, validate, getOperationAST } from 'graphql';

const require = createRequire(import.meta.url);
const schemaPath = require.resolve('@shopify/hydrogen-react/storefront.schema.json');
const introspection = JSON.parse(readFileSync(schemaPath, 'utf8'));
const schema = buildClientSchema(introspection.data ?? introspection);

const source = readFileSync(new URL('../../src/adapters/shopify/documents.ts', import.meta.url), 'utf8');
const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
const documents = await import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);

test('every document is listed by its operation name', () => {
  const names = Object.keys(documents.DOCUMENTS);
  assert.deepEqual(names.sort(), ['VitrineCart', 'VitrineCartCreate', 'VitrineCartDiscountCodesUpdate', 'VitrineCartLinesAdd', 'VitrineCartLinesRemove', 'VitrineCartLinesUpdate', 'VitrineProducts']);
  for (const [name, text] of Object.entries(documents.DOCUMENTS)) {
    assert.equal(getOperationAST(parse(text))?.name?.value, name);
  }
});

for (const [name, text] of Object.entries(documents.DOCUMENTS)) {
  test(`${name} is valid against the Storefront API schema`, () => {
    const errors = validate(schema, parse(text));
    assert.deepEqual(errors.map((e) => e.message), []);
  });
}

test('the validation would catch a wrong field (the check is real)', () => {
  const broken = documents.CART_QUERY.replace('checkoutUrl', 'checkoutURL');
  assert.ok(validate(schema, parse(broken)).length > 0);
});
