/**
 * Fixture data for stories: an illustrated catalog (SVG data: URLs, so stories need no network),
 * in English, German and Arabic, priced in any ISO 4217 currency, and show documents for every
 * status. Every value has the shape the parsers in src/core/parse.ts produce.
 */
import { currencyDigits } from '../../src/core/money.js';
import type { Chapter, Money, Product, ProductOption, Show, ShowStatus, Variant } from '../../src/core/types.js';

export type FixtureLocale = 'en' | 'de' | 'ar';

/** A rough EUR rate per currency, so prices look plausible in each (stories only). */
const RATES: Record<string, number> = { EUR: 1, USD: 1.08, GBP: 0.85, CHF: 0.95, JPY: 162, KWD: 0.33, SEK: 11.4, AED: 3.97 };

/** `cents` euro cents as a `Money` in `currencyCode`, rounded to that currency's digits. */
export function price(cents: number, currencyCode = 'EUR'): Money {
  const digits = currencyDigits(currencyCode);
  const value = (cents / 100) * (RATES[currencyCode] ?? 1);
  return { amount: value.toFixed(digits), currencyCode };
}

const escape = (text: string) => text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A product illustration: a soft background, a shape and a label. Plain SVG presentation
 * attributes (no `style`), as a data: URL.
 */
export function productImage(label: string, hue: number, shape: 'circle' | 'square' | 'triangle' | 'drop' = 'circle'): string {
  const bg = `hsl(${hue} 45% 90%)`;
  const fg = `hsl(${hue} 50% 38%)`;
  const shapes = {
    circle: `<circle cx="200" cy="210" r="110" fill="${fg}"/>`,
    square: `<rect x="100" y="110" width="200" height="200" rx="24" fill="${fg}"/>`,
    triangle: `<path d="M200 90 L320 320 L80 320 Z" fill="${fg}"/>`,
    drop: `<path d="M200 80 C260 170 300 220 300 270 A100 100 0 0 1 100 270 C100 220 140 170 200 80 Z" fill="${fg}"/>`,
  };
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="400" height="500" viewBox="0 0 400 500">` +
    `<rect width="400" height="500" fill="${bg}"/>${shapes[shape]}` +
    `<text x="200" y="440" font-family="system-ui, sans-serif" font-size="30" font-weight="600" text-anchor="middle" fill="${fg}">${escape(label)}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

/** A poster for the player facade, as an SVG data: URL (16:9 or 9:16). */
export function posterImage(title: string, aspect: '16:9' | '9:16' = '16:9'): string {
  const [w, h] = aspect === '16:9' ? [1280, 720] : [720, 1280];
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
    `<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="#2b2d42"/><stop offset="1" stop-color="#8d5b4c"/></linearGradient></defs>` +
    `<rect width="${w}" height="${h}" fill="url(#g)"/>` +
    `<circle cx="${w * 0.72}" cy="${h * 0.4}" r="${Math.min(w, h) * 0.22}" fill="#f2c6a0" opacity="0.85"/>` +
    `<text x="${w * 0.08}" y="${h * 0.82}" font-family="system-ui, sans-serif" font-size="${Math.round(Math.min(w, h) / 12)}" font-weight="700" fill="#ffffff">${escape(title)}</text>` +
    `</svg>`;
  return `data:image/svg+xml,${encodeURIComponent(svg)}`;
}

interface Base {
  id: string;
  title: Record<FixtureLocale, string>;
  description: Record<FixtureLocale, string>;
  cents: number;
  compareAtCents?: number;
  inventory?: number;
  available?: boolean;
  hue: number;
  shape: 'circle' | 'square' | 'triangle' | 'drop';
  options?: { name: Record<FixtureLocale, string>; values: Record<FixtureLocale, string[]> }[];
  /** Option value index combinations (by position) that are sold out. */
  soldOut?: number[][];
  /** Combinations that do not exist at all. */
  missing?: number[][];
}

const SIZES = { en: ['S', 'M', 'L', 'XL'], de: ['S', 'M', 'L', 'XL'], ar: ['S', 'M', 'L', 'XL'] };
const SIZE = { en: 'Size', de: 'Größe', ar: 'المقاس' };
const COLOR = { en: 'Color', de: 'Farbe', ar: 'اللون' };

const CATALOG: Base[] = [
  {
    id: 'p1', hue: 8, shape: 'circle', cents: 2900, compareAtCents: 3900,
    title: { en: 'Merino beanie', de: 'Merino-Mütze', ar: 'قبعة صوف ميرينو' },
    description: { en: 'Soft, warm and breathable, knitted from fine merino wool.', de: 'Weich, warm und atmungsaktiv, aus feiner Merinowolle gestrickt.', ar: 'ناعمة ودافئة ومريحة، محبوكة من صوف الميرينو الفاخر.' },
    options: [{ name: COLOR, values: { en: ['Red', 'Navy', 'Oat'], de: ['Rot', 'Marine', 'Hafer'], ar: ['أحمر', 'كحلي', 'بيج'] } }],
    soldOut: [[2]],
  },
  {
    id: 'p2', hue: 210, shape: 'square', cents: 8900,
    title: { en: 'Fisherman sweater', de: 'Fischerpullover', ar: 'كنزة الصيادين' },
    description: { en: 'A chunky cable knit that lasts for decades.', de: 'Ein kräftiger Zopfstrick, der Jahrzehnte hält.', ar: 'حياكة مضفرة متينة تدوم لعقود.' },
    options: [
      { name: SIZE, values: SIZES },
      { name: COLOR, values: { en: ['Ecru', 'Charcoal'], de: ['Ecru', 'Anthrazit'], ar: ['عاجي', 'فحمي'] } },
    ],
    soldOut: [[0, 1], [3, 0]],
    missing: [[3, 1]],
  },
  {
    id: 'p3', hue: 140, shape: 'drop', cents: 3400,
    title: { en: 'Linen tea towel set', de: 'Leinen-Geschirrtücher, 3er-Set', ar: 'طقم مناشف مطبخ من الكتان' },
    description: { en: 'Three stonewashed linen towels.', de: 'Drei stonewashed Leinentücher.', ar: 'ثلاث مناشف من الكتان المغسول.' },
  },
  {
    id: 'p4', hue: 35, shape: 'triangle', cents: 12900, inventory: 3,
    title: { en: 'Oak serving board', de: 'Servierbrett aus Eiche', ar: 'لوح تقديم من خشب البلوط' },
    description: { en: 'Solid oak, oiled by hand.', de: 'Massive Eiche, von Hand geölt.', ar: 'خشب بلوط صلب مزيت يدويًا.' },
  },
  {
    id: 'p5', hue: 280, shape: 'circle', cents: 1900, available: false, inventory: 0,
    title: { en: 'Wool socks', de: 'Wollsocken', ar: 'جوارب صوفية' },
    description: { en: 'Ribbed wool socks.', de: 'Gerippte Wollsocken.', ar: 'جوارب صوفية مضلعة.' },
  },
  {
    id: 'p6', hue: 20, shape: 'drop', cents: 2400, compareAtCents: 3200, inventory: 2,
    title: { en: 'Cedar candle', de: 'Zedernholz-Kerze', ar: 'شمعة خشب الأرز' },
    description: { en: 'Hand-poured soy wax, 40 hours.', de: 'Handgegossenes Sojawachs, 40 Stunden.', ar: 'شمع صويا مصبوب يدويًا، 40 ساعة.' },
  },
  {
    id: 'p7', hue: 190, shape: 'square', cents: 15900,
    title: { en: 'Alpaca throw', de: 'Alpaka-Decke', ar: 'بطانية ألبكة' },
    description: { en: 'Light and warm, 130 × 180 cm.', de: 'Leicht und warm, 130 × 180 cm.', ar: 'خفيفة ودافئة، 130 × 180 سم.' },
  },
  {
    id: 'p8', hue: 330, shape: 'triangle', cents: 4500,
    title: { en: 'Ceramic mug', de: 'Keramikbecher', ar: 'كوب خزفي' },
    description: { en: 'Glazed stoneware, 350 ml.', de: 'Glasiertes Steinzeug, 350 ml.', ar: 'فخار مزجج، 350 مل.' },
    options: [{ name: COLOR, values: { en: ['Sand', 'Moss', 'Ink'], de: ['Sand', 'Moos', 'Tinte'], ar: ['رملي', 'طحلبي', 'حبري'] } }],
  },
  {
    id: 'p9', hue: 100, shape: 'circle', cents: 6900,
    title: { en: 'Felted slippers', de: 'Filzpantoffeln', ar: 'خف من اللباد' },
    description: { en: 'Boiled wool with a leather sole.', de: 'Gewalkte Wolle mit Ledersohle.', ar: 'صوف مكثف بنعل جلدي.' },
    options: [{ name: SIZE, values: { en: ['38', '40', '42', '44'], de: ['38', '40', '42', '44'], ar: ['38', '40', '42', '44'] } }],
    soldOut: [[0]],
  },
  {
    id: 'p10', hue: 50, shape: 'drop', cents: 2200, compareAtCents: 2900,
    title: { en: 'Beeswax wraps', de: 'Bienenwachstücher', ar: 'أغلفة شمع العسل' },
    description: { en: 'A set of three reusable wraps.', de: 'Drei wiederverwendbare Tücher.', ar: 'ثلاث أغلفة قابلة لإعادة الاستخدام.' },
  },
  {
    id: 'p11', hue: 240, shape: 'square', cents: 3900,
    title: { en: 'Cashmere gloves', de: 'Kaschmir-Handschuhe', ar: 'قفازات كشمير' },
    description: { en: 'Touchscreen fingertips.', de: 'Mit Touchscreen-Fingerkuppen.', ar: 'أطراف أصابع تعمل مع الشاشات.' },
  },
  {
    id: 'p12', hue: 160, shape: 'triangle', cents: 9900,
    title: { en: 'Walnut bookends', de: 'Buchstützen aus Nussbaum', ar: 'مساند كتب من خشب الجوز' },
    description: { en: 'A pair, solid walnut.', de: 'Ein Paar, massiver Nussbaum.', ar: 'زوج من خشب الجوز الصلب.' },
  },
];

export interface CatalogOptions {
  /** How many products (the first 12 are hand-made; more are generated). @default 12 */
  count?: number;
  locale?: string;
  currency?: string;
}

function lang(locale: string | undefined): FixtureLocale {
  const l = (locale ?? 'en').slice(0, 2).toLowerCase();
  return l === 'de' || l === 'ar' ? l : 'en';
}

function build(base: Base, l: FixtureLocale, currency: string): Product {
  const productPrice = price(base.cents, currency);
  const compareAt = base.compareAtCents ? price(base.compareAtCents, currency) : undefined;
  const options: ProductOption[] = (base.options ?? []).map((o) => ({ name: o.name[l], values: o.values[l] }));
  const available = base.available ?? true;
  let variants: Variant[];
  if (!options.length) {
    variants = [{ id: base.id, title: base.title[l], options: {}, price: productPrice, available }];
    if (compareAt) variants[0].compareAtPrice = compareAt;
    if (base.inventory !== undefined) variants[0].inventory = base.inventory;
  } else {
    const combos: number[][] = options.reduce<number[][]>(
      (acc, o) => acc.flatMap((c) => o.values.map((_, i) => [...c, i])),
      [[]],
    );
    const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => x === b[i]);
    variants = combos
      .filter((c) => !(base.missing ?? []).some((m) => same(m, c)))
      .map((c) => {
        const values = c.map((i, k) => options[k].values[i]);
        const variant: Variant = {
          id: `${base.id}-${c.join('-')}`,
          title: values.join(' / '),
          options: Object.fromEntries(options.map((o, k) => [o.name, values[k]])),
          price: productPrice,
          available: available && !(base.soldOut ?? []).some((s) => same(s, c)),
        };
        if (compareAt) variant.compareAtPrice = compareAt;
        return variant;
      });
  }
  const product: Product = {
    id: base.id,
    title: base.title[l],
    url: `https://shop.example.com/products/${base.id}`,
    image: productImage(base.title[l], base.hue, base.shape),
    description: base.description[l],
    price: productPrice,
    available,
    options,
    variants,
  };
  if (compareAt) product.compareAtPrice = compareAt;
  if (base.inventory !== undefined) product.inventory = base.inventory;
  return product;
}

/** `count` products (12 hand-made ones, then generated ones), in `locale` and `currency`. */
export function catalog({ count = 12, locale = 'en', currency = 'EUR' }: CatalogOptions = {}): Product[] {
  const l = lang(locale);
  const products: Product[] = [];
  for (let i = 0; i < count; i++) {
    const base = CATALOG[i % CATALOG.length];
    if (i < CATALOG.length) {
      products.push(build(base, l, currency));
      continue;
    }
    const n = i + 1;
    const shapes = ['circle', 'square', 'triangle', 'drop'] as const;
    const generated: Base = {
      ...base,
      id: `p${n}`,
      hue: (n * 47) % 360,
      shape: shapes[n % 4],
      cents: 900 + ((n * 731) % 19000),
      compareAtCents: n % 7 === 0 ? 900 + ((n * 731) % 19000) + 1000 : undefined,
      title: { en: `${base.title.en} No. ${n}`, de: `${base.title.de} Nr. ${n}`, ar: `${base.title.ar} رقم ${n}` },
    };
    products.push(build(generated, l, currency));
  }
  return products;
}

/** One product by id from the 12 hand-made ones. */
export function product(id: string, options: Omit<CatalogOptions, 'count'> = {}): Product {
  const found = catalog({ ...options, count: CATALOG.length }).find((p) => p.id === id);
  if (!found) throw new Error(`no fixture product ${id}`);
  return found;
}

/** The hand-made products for the card states. */
export const PRODUCT_IDS = {
  /** Variants (colors), on sale, one color sold out. */
  beanie: 'p1',
  /** Size × color, with sold-out and missing combinations. */
  sweater: 'p2',
  simple: 'p3',
  lowStock: 'p4',
  soldOut: 'p5',
  onSale: 'p10',
} as const;

/** A long-titled product, to see wrapping and clamping. */
export function longTitleProduct(options: Omit<CatalogOptions, 'count'> = {}): Product {
  const base = product('p7', options);
  const long =
    lang(options.locale) === 'de'
      ? 'Handgewebte Alpaka-Wolldecke mit Fransen, besonders groß, in Naturtönen, limitierte Winteredition aus Peru'
      : 'Hand-woven oversized alpaca wool throw blanket with fringes in natural undyed tones, limited winter edition from Peru';
  return { ...base, title: long, variants: base.variants.map((v) => ({ ...v, title: long })) };
}

/** A product with no image (the card shows its placeholder). */
export function noImageProduct(options: Omit<CatalogOptions, 'count'> = {}): Product {
  const { image: _image, ...rest } = product('p3', options);
  return rest;
}

export interface ShowOptions extends CatalogOptions {
  status?: ShowStatus;
  /** `live`: the service worker's looping live stream; `replay`: the 30 s VOD; `none`: no video. */
  stream?: 'live' | 'replay' | 'none' | 'broken';
  /** ISO date-time; for scheduled shows. @default 2 hours from now */
  startsAt?: string;
  aspectRatio?: '16:9' | '9:16';
  title?: string;
}

/** The media served by Storybook's `staticDirs` (examples/backend/media), relative to iframe.html. */
export const MEDIA = {
  live: 'media/live.m3u8',
  replay: 'media/replay.m3u8',
  broken: 'media/does-not-exist.m3u8',
  /** Never answers (the service worker holds it): a loading state that stays. */
  stall: 'media/stall.m3u8',
  posterLive: 'media/poster-live.jpg',
  posterReplay: 'media/poster-replay.jpg',
  posterScheduled: 'media/poster-scheduled.jpg',
} as const;

/** An absolute URL of a static file (the player and parsers want absolute URLs). */
export function mediaUrl(path: string): string {
  return new URL(path, document.baseURI).href;
}

/** Chapters for the 30 s replay: one product every 6 seconds. */
export function chapters(products: readonly Product[]): Chapter[] {
  return products.slice(0, 5).map((p, i) => ({ productId: p.id, start: i * 6 }));
}

/** A show document for `status`. */
export function show(options: ShowOptions = {}): Show {
  const status = options.status ?? 'live';
  const products = catalog(options);
  const stream = options.stream ?? (status === 'live' ? 'live' : status === 'ended' ? 'replay' : 'none');
  const l = lang(options.locale);
  const titles = {
    scheduled: { en: 'The spring linen edit', de: 'Die Leinen-Kollektion für den Frühling', ar: 'تشكيلة الكتان للربيع' },
    live: { en: 'Winter drop, live', de: 'Winter-Drop, live', ar: 'تشكيلة الشتاء، مباشر' },
    ended: { en: 'Winter drop', de: 'Winter-Drop', ar: 'تشكيلة الشتاء' },
  };
  const result: Show = {
    id: `show-${status}`,
    title: options.title ?? titles[status][l],
    status,
    poster: mediaUrl(status === 'live' ? MEDIA.posterLive : status === 'ended' ? MEDIA.posterReplay : MEDIA.posterScheduled),
    host: { name: 'Ava', avatar: productImage('Ava', 200, 'circle') },
    products,
    chapters: status === 'ended' && stream === 'replay' ? chapters(products) : [],
  };
  if (options.aspectRatio) result.aspectRatio = options.aspectRatio;
  if (status === 'scheduled') result.startsAt = options.startsAt ?? new Date(Date.now() + 2 * 3600_000 + 14 * 60_000).toISOString();
  else result.startsAt = new Date(Date.now() - 20 * 60_000).toISOString();
  if (stream === 'live') {
    const pins = products.slice(0, 6).map((p) => p.id).join(',');
    result.stream = { src: mediaUrl(`${MEDIA.live}?pins=${pins}`), type: 'application/x-mpegURL' };
  } else if (stream === 'replay') {
    result.stream = { src: mediaUrl(MEDIA.replay), type: 'application/x-mpegURL' };
  } else if (stream === 'broken') {
    result.stream = { src: mediaUrl(MEDIA.broken), type: 'application/x-mpegURL' };
  }
  return result;
}
