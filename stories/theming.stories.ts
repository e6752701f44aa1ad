/**
 * Theming: the live show as merchants and shoppers elsewhere see it. Themes set nothing but
 * `--vitrine-*` tokens on an ancestor (.storybook/themes.css, also in the toolbar's "Theme");
 * languages come from the `locale` attribute (Arabic lays the show out right to left).
 */
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import showMeta, { type ShowArgs } from './show.stories.js';

const meta: Meta<ShowArgs> = {
  ...showMeta,
  title: 'Theming',
  parameters: { ...showMeta.parameters },
};
export default meta;
type Story = StoryObj<ShowArgs>;

/** The dark palette (tokens only). */
export const Dark: Story = { parameters: { theme: 'dark' } };

/** "Atelier Nord": a forest-green, serif, square-cornered brand. */
export const BrandPalette: Story = { parameters: { theme: 'brand' } };

/** Arabic, right to left, prices in dirhams. */
export const ArabicRtl: Story = { args: { locale: 'ar', currency: 'AED' } };

/** German texts, numbers and prices. */
export const German: Story = { args: { locale: 'de', currency: 'EUR' } };

/** Dark and right to left together, on a phone. */
export const DarkArabicPhone: Story = {
  args: { locale: 'ar', currency: 'AED', aspectRatio: '9:16' },
  tags: ['phone'],
  globals: { viewport: { value: 'mobile2', isRotated: false } },
  parameters: { theme: 'dark' },
};
