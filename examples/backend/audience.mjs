// The demo's simulated audience: viewers asking about the product on screen (sizes, colours,
// shipping), the host answering some of them, and now and then a spammer. Plain data and a
// seeded random generator, so tests and the replay's recorded chat are the same every run.

export const HOST = { id: 'host-ava', name: 'Ava Lindqvist', role: 'host' };
export const MODERATOR = { id: 'mod-jonas', name: 'Jonas (moderator)', role: 'moderator' };

const NAMES = [
  'Mia', 'Liam', 'Sofia K.', 'Noah', 'Emma from Oslo', 'Lucas', 'Olivia', 'Ethan', 'Ingrid', 'Mateo',
  'Amelia', 'Hugo', 'Freja', 'Oscar', 'Chloe', 'Elias', 'Nora', 'Leo B.', 'Astrid', 'Jack', 'Maja',
  'Aiden', 'Saga', 'Finn', 'Grace', 'Theo', 'Ava M.', 'Henrik', 'Zoe', 'Sam', 'Priya', 'Kenji',
];

/** Questions about the product on screen: `{title}`, `{option}` (e.g. Size), `{value}` (e.g. M). */
const QUESTIONS = [
  'Does the {title} come in {value}?',
  'What {optionLower} would you recommend for someone 170 cm?',
  'Is the {title} true to size?',
  'How long does shipping to Germany take?',
  'Do you ship to the UK?',
  'Is the {title} itchy at all?',
  'Can I wash the {title} in the machine?',
  'Which {optionLower} is Ava wearing?',
  'Is {value} still in stock?',
  'Are returns free?',
  'How warm is it, really? I live in Tromsø 😅',
  'What is it made of?',
];

const CHATTER = [
  'Love this! ❤️',
  'Just ordered the {title} in {value} 🛍️',
  'The {value} one is gorgeous',
  'Hi from Stockholm 👋',
  'That colour is perfect for winter',
  'My sister has one, she wears it every day',
  'Adding to cart right now',
  'So cosy 😍',
  'Great price with the discount',
  'First time watching, this is fun',
  'Can’t decide between two colours…',
  'Ordered last week, arrived in 2 days!',
];

/** Host answers, chosen by the question's template index. */
const ANSWERS = {
  0: '{name}, yes! The {title} comes in {values}.',
  1: '{name}, I’d take your usual size; I’m 172 cm and wear an M.',
  2: 'It’s true to size, {name}. Size up for a looser fit.',
  3: '{name}, 2–3 working days to Germany, tracked.',
  4: 'Yes {name}, we ship to the UK; duties are included at checkout.',
  5: 'Not itchy at all, {name}: it’s extra-fine wool.',
  6: 'Wool cycle at 30 °C, {name}, and dry it flat.',
  7: 'I’m wearing {value} today, {name}!',
  8: '{name}, {value} is in stock right now, but going fast.',
  9: 'Returns are free for 30 days, {name}.',
  10: 'Very warm, {name}, I wore it skiing last winter.',
  11: '{name}, it’s all natural fibre: details are in the product page.',
};

const SPAM = [
  'FREE FOLLOWERS!!! visit cheap-likes.example 💰💰💰',
  'Make €5,000 a week from home, DM me',
  'Crypto giveaway 🚀 send 1 coin get 2 back',
];
const SPAMMERS = ['deals4u_bot', 'cash_king99', 'promo-spam'];

/** A deterministic generator (mulberry32). */
export function seeded(seed = 42) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = (random, list) => list[Math.floor(random() * list.length)];
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, key) => values[key] ?? '');

function productWords(random, product) {
  const option = product?.options?.[0];
  return {
    title: product?.title ?? 'beanie',
    option: option?.name ?? 'size',
    optionLower: (option?.name ?? 'size').toLowerCase(),
    value: option ? pick(random, option.values) : 'one size',
    values: option ? option.values.join(', ') : 'one size',
  };
}

export function audience(random = seeded()) {
  let viewer = 0;
  const nextViewer = () => {
    const name = NAMES[(viewer += 1 + Math.floor(random() * 5)) % NAMES.length];
    return { id: `viewer-${name.toLowerCase().replace(/[^a-z]+/g, '-')}`, name, role: 'viewer' };
  };
  return {
    /** A viewer's line about `product`; `question` is set when the host may answer it. */
    line(product) {
      const words = productWords(random, product);
      const author = nextViewer();
      if (random() < 0.45) {
        const index = Math.floor(random() * QUESTIONS.length);
        return { author, text: fill(QUESTIONS[index], words), question: { index, words } };
      }
      return { author, text: fill(pick(random, CHATTER), words) };
    },
    /** The host's answer to a question. */
    answer(question, name) {
      return { author: HOST, text: fill(ANSWERS[question.index] ?? 'Good question, {name}!', { ...question.words, name }) };
    },
    spam() {
      const name = pick(random, SPAMMERS);
      return { author: { id: `spam-${name}`, name, role: 'viewer' }, text: pick(random, SPAM) };
    },
  };
}

/** A replay's recorded chat: messages with `offset` (media seconds) over `duration` seconds. */
export function recordedChat({ lineup, productOf, duration, chapter = 11, startsAt, seed = 7 }) {
  const random = seeded(seed);
  const people = audience(random);
  const messages = [{ id: 'r0', author: HOST, text: 'Welcome back everyone! Autumn knits today 🍂', offset: 0.5 }];
  let offset = 1.5;
  let n = 1;
  while (offset < duration) {
    const product = productOf(lineup[Math.min(lineup.length - 1, Math.floor(Math.max(0, offset - 2) / chapter))]);
    const line = people.line(product);
    messages.push({ id: `r${n++}`, author: line.author, text: line.text, offset: Math.round(offset * 10) / 10 });
    if (line.question && random() < 0.5) {
      const answer = people.answer(line.question, line.author.name);
      messages.push({ id: `r${n++}`, author: answer.author, text: answer.text, offset: Math.round((offset + 2.5) * 10) / 10 });
    }
    offset += 0.6 + random() * 1.8;
  }
  messages.sort((a, b) => a.offset - b.offset);
  return messages.map((m) => ({ ...m, at: new Date(startsAt + m.offset * 1000).toISOString() }));
}
