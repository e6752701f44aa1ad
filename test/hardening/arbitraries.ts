/**
 * fast-check arbitraries for hostile backend data: random JSON, valid contract
 * documents, and those documents mutated at random paths with adversarial values
 * (prototype keys, huge strings, deep nesting, NaN/Infinity/-0, unicode tricks,
 * script URLs disguised with whitespace, case and entities, relative URLs).
 */
import fc from 'fast-check';

/** URLs a hostile or sloppy backend might send. Only the http(s) ones may come out of a parser. */
export const HOSTILE_URLS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  '\tjavascript:alert(1)',
  '\u0000javascript:alert(1)',
  '\u0001\u0002javascript:alert(1)',
  'java\nscript:alert(1)',
  'java\tscript:alert(1)',
  'java\rscript:alert(1)',
  'javascript\u0000:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript:alert(1)',
  'javascript&colon;alert(1)',
  'javascript://%0aalert(1)',
  'jAvAsCrIpT:window.__vitrinePwned=1',
  '\u00a0javascript:alert(1)',
  '\u2028javascript:alert(1)',
  '\ufeffjavascript:alert(1)',
  'vbscript:msgbox(1)',
  'VBScript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'DATA:image/svg+xml,<svg onload=alert(1)>',
  'data:image/png;base64,iVBORw0KGgo=',
  'blob:https://evil.example/uuid',
  'file:///etc/passwd',
  'ftp://evil.example/x',
  'about:blank',
  'chrome://settings',
  'mailto:x@example.com',
  'tel:+123',
  'ws://evil.example/',
  'intent://x#Intent;end',
  'livescript:alert(1)',
  'mocha:alert(1)',
  'http://',
  'https://',
  'http:',
  'https:evil.example',
  'https:\\\\evil.example\\x',
  '//evil.example/x',
  '///evil.example/x',
  '/relative/path.jpg',
  '../up.jpg',
  'poster.jpg',
  '?q=1',
  '#frag',
  '',
  ' ',
  'https://ok.example/p?x=<script>',
  'https://ok.example/"><img src=x onerror=alert(1)>',
  'HTTPS://OK.EXAMPLE/UPPER',
  'https://user:pass@ok.example/',
  'https://ok.example:99999/',
  'https://[::1]/',
  'https://xn--80ak6aa92e.com/',
  'https://аррӏе.com/',
  `https://ok.example/${'a'.repeat(2_100)}`,
  `https://ok.example/${'é'.repeat(1_000)}`,
  `https://ok.example/${'\u{1F600}'.repeat(300)}`,
];

/** Strings meant to trip up text handling and rendering. */
export const HOSTILE_STRINGS: readonly string[] = [
  '<img src=x onerror="window.__vitrinePwned=1">',
  '<script>window.__vitrinePwned=1</script>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<!--',
  ']]>',
  '\u0000',
  '\u0000\u0001\u001f\u007f',
  '   ',
  '\t\n\r',
  '\u200b',
  '\u202eevil\u202c',
  '\ud800',
  '\udc00',
  'a\ud800',
  '\u{1F600}'.repeat(200),
  'x'.repeat(100_000),
  ' '.repeat(400) + 'x',
  '\u0001'.repeat(400) + 'x',
  'a'.repeat(299) + '\u{1F600}',
  'é'.normalize('NFD').repeat(500),
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  'null',
  'undefined',
  'true',
  '0x10',
  '٢٩٫٠٠',
  '29,00',
  ' 29.00',
  '29.00 ',
  '+29.00',
  '-29.00',
  '-0.00',
  '.5',
  '5.',
  '29.0000001',
  '9'.repeat(16),
  '9'.repeat(15) + '.999999',
  '0000000000000000000001.00',
  'eur',
  'EURO',
  'XXX',
  'XTS',
  '€',
  'E U',
  'ZZZ',
  'scheduled ',
  'LIVE',
  '2026-13-45T99:99:99Z',
  '+275760-09-13T00:00:00.000Z',
  '-271821-04-20T00:00:00.000Z',
  '2026-11-22T18:03:12.000Z',
  ...HOSTILE_URLS,
];

/** Numbers JSON cannot carry but a careless adapter can. */
export const HOSTILE_NUMBERS: readonly number[] = [
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  -1,
  0.1 + 0.2,
  29.999999999,
  1e21,
  1e300,
  -1e300,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_VALUE,
  Number.EPSILON,
  2 ** 53,
  1.5,
  29,
  29.5,
];

/** Deeply nested arrays and objects, to look for recursion and stack overflows. */
function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value, __proto__: null };
  return value;
}

/** An object whose getters throw: not JSON, but a merchant's adapter might hand one over. */
function booby(): unknown {
  const trap = {};
  for (const key of ['id', 'title', 'price', 'amount', 'currencyCode', 'variants', 'lines', 'status', 'productId', 'count', 'options', 'name', 'values']) {
    Object.defineProperty(trap, key, { enumerable: true, get: () => { throw new Error(`getter ${key} exploded`); } });
  }
  return trap;
}

const anythingDeep = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBoxedValues: true,
  withSet: true,
  withMap: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: 'binary',
});

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) },
  // Objects are made afresh for every case: mutations must not accumulate in shared constants.
  { weight: 1, arbitrary: fc.constantFrom(null, undefined, true, false) },
  { weight: 1, arbitrary: fc.constantFrom(() => [], () => ({}), () => [[]], () => [{}]).map((make) => make()) },
  { weight: 1, arbitrary: fc.constantFrom<'array' | 'object'>('array', 'object').map((kind) => nested(kind === 'array' ? 5_000 : 1_000, kind)) },
  { weight: 1, arbitrary: fc.constant(null).map(() => booby()) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 2, arbitrary: anythingDeep },
);

const currency = fc.constantFrom('EUR', 'USD', 'JPY', 'KWD', 'GBP', 'CHF', 'BHD', 'eur');
const amount = fc.oneof(
  fc.tuple(fc.nat(99_999), fc.nat(99)).map(([w, f]) => `${w}.${String(f).padStart(2, '0')}`),
  fc.constantFrom('0', '0.00', '29', '1500', '2.125', '0.5'),
  fc.integer({ min: 0, max: 100_000 }),
);
const moneyIn = (code: string) => fc.record({ amount, currencyCode: fc.constant(code) });
const idArb = fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.nat(10_000));
const titleArb = fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), fc.constantFrom(...HOSTILE_STRINGS));
const urlArb = fc.oneof(fc.webUrl(), fc.constantFrom(...HOSTILE_URLS));

export const validishProduct = currency.chain((code) =>
  fc.record(
    {
      id: idArb,
      title: titleArb,
      url: urlArb,
      image: urlArb,
      description: fc.string({ maxLength: 200 }),
      price: moneyIn(code),
      compareAtPrice: moneyIn(code),
      available: fc.boolean(),
      inventory: fc.nat(20),
      options: fc.array(fc.record({ name: fc.constantFrom('Color', 'Size', 'Fit'), values: fc.array(titleArb, { maxLength: 4 }) }), { maxLength: 3 }),
      variants: fc.array(
        fc.record(
          {
            id: idArb,
            title: titleArb,
            options: fc.dictionary(fc.constantFrom('Color', 'Size', '__proto__', 'constructor'), titleArb, { maxKeys: 3 }),
            price: moneyIn(code),
            compareAtPrice: moneyIn(code),
            available: fc.boolean(),
            inventory: fc.nat(5),
            image: urlArb,
          },
          { requiredKeys: ['id', 'price'] },
        ),
        { maxLength: 4 },
      ),
    },
    { requiredKeys: ['id', 'title', 'price'] },
  ),
);

export const validishShow = fc.record(
  {
    id: idArb,
    title: titleArb,
    status: fc.constantFrom('scheduled', 'live', 'ended'),
    startsAt: fc.oneof(fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.constantFrom(...HOSTILE_STRINGS)),
    poster: urlArb,
    host: fc.record({ name: titleArb, avatar: urlArb }),
    stream: fc.record({ src: urlArb, type: fc.constantFrom('application/x-mpegURL', 'video/mp4') }),
    events: urlArb,
    aspectRatio: fc.constantFrom('16:9', '9:16', '4:3'),
    products: fc.array(validishProduct, { maxLength: 4 }),
    chapters: fc.array(fc.record({ productId: idArb, start: fc.double({ min: -5, max: 1e4 }) }), { maxLength: 4 }),
  },
  { requiredKeys: ['id', 'title', 'status'] },
);

const validishLine = currency.chain((code) =>
  fc.record(
    {
      id: idArb,
      productId: idArb,
      variantId: idArb,
      title: titleArb,
      variantTitle: titleArb,
      image: urlArb,
      quantity: fc.integer({ min: 1, max: 9 }),
      unitPrice: moneyIn(code),
      total: moneyIn(code),
    },
    { requiredKeys: ['id', 'productId', 'title', 'quantity', 'unitPrice', 'total'] },
  ),
);

export const validishCart = fc.record(
  {
    id: idArb,
    lines: fc.array(validishLine, { maxLength: 4 }),
    subtotal: moneyIn('EUR'),
    totalQuantity: fc.nat(50),
    checkoutUrl: urlArb,
  },
  { requiredKeys: ['id', 'lines', 'subtotal'] },
);

/** One mutation: where (an index into the document's paths) and what. */
type Mutation =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'own-key'; at: number; key: string; value: unknown };

const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('own-key' as const),
      at: fc.nat(),
      key: fc.constantFrom(...PROTO_KEYS),
      value: fc.oneof(fc.constant(null).map(() => ({ polluted: 'yes', id: 'x', title: 'x' })), hostileValue),
    }),
  },
);

/** Paths of the document's data properties (getters are not followed), at most 24 deep. */
function pathsOf(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(prefix);
  if (prefix.length >= 24 || typeof value !== 'object' || value === null) return out;
  for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(value))) {
    if (!('value' in descriptor) || (Array.isArray(value) && key === 'length')) continue;
    pathsOf(descriptor.value, [...prefix, Array.isArray(value) ? Number(key) : key], out);
  }
  return out;
}

function defineOwn(target: object, key: string | number, value: unknown): void {
  // Like JSON.parse: an own data property, even for `__proto__`.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Applies mutations to a deep copy of a JSON document. */
export function applyMutations(doc: unknown, mutations: Mutation[]): unknown {
  let root: unknown = JSON.parse(JSON.stringify(doc));
  for (const m of mutations) {
    try {
      root = mutateOnce(root, m);
    } catch {
      // A frozen, boxed or typed value that cannot take this mutation: skip it.
    }
  }
  return root;
}

function mutateOnce(root: unknown, m: Mutation): unknown {
  const paths = pathsOf(root);
    const path = paths[m.at % paths.length];
    if (path.length === 0) {
      if (m.kind === 'set') return m.value;
      if (m.kind === 'own-key' && typeof root === 'object' && root !== null && !Array.isArray(root)) defineOwn(root, m.key, m.value);
      return root;
    }
    let parent = root as Record<string | number, unknown>;
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
    const key = path[path.length - 1];
    if (m.kind === 'set') defineOwn(parent, key, m.value);
    else if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else {
      // Own keys on objects only: JSON cannot give an array a `constructor` of its own.
      const target = parent[key];
      if (typeof target === 'object' && target !== null && !Array.isArray(target)) defineOwn(target, m.key, m.value);
      else if (!Array.isArray(parent)) defineOwn(parent, m.key, m.value);
    }
  return root;
}

/** A document from `base`, mutated 0 to 4 times. */
export function mutated(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(base, fc.array(mutation, { maxLength: 4 })).map(([doc, ms]) => applyMutations(doc, ms));
}

/** Any input at all: random values, random JSON (parsed), valid-ish and mutated documents. */
export function hostileInput(base: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.oneof(
    { weight: 2, arbitrary: anythingDeep },
    { weight: 2, arbitrary: fc.json({ maxDepth: 4 }).map((text) => JSON.parse(text) as unknown) },
    { weight: 1, arbitrary: hostileValue },
    { weight: 3, arbitrary: base },
    { weight: 6, arbitrary: mutated(base) },
  );
}
