/**
 * Every story: the elements defined as a storefront defines them (src/define.ts), autodocs and
 * controls from the Custom Elements Manifest (`npm run analyze`), Actions for every
 * `vitrine-*` event, and a theme toolbar (light, dark, brand) that only sets `--vitrine-*` tokens.
 * The languages the stories show are loaded before any story renders (every language but English
 * is a chunk of its own), so a German or Arabic story is never drawn in English first.
 */
import { html } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { withActions } from 'storybook/actions/decorator';
import manifest from '../custom-elements.json';
import '../src/define.js';
import { loadLocale } from '../src/index.js';
import './themes.css';

setCustomElementsManifest(manifest);

export const VITRINE_EVENTS = [
  'vitrine-ready',
  'vitrine-status',
  'vitrine-highlight',
  'vitrine-product-view',
  'vitrine-add-to-cart',
  'vitrine-cart-change',
  'vitrine-checkout',
  'vitrine-error',
];

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'fullscreen',
    controls: { expanded: true, sort: 'requiredFirst' },
    actions: { handles: VITRINE_EVENTS },
    docs: { story: { inline: true } },
    options: {
      storySort: { order: ['Introduction', 'Show', 'Player', 'Product card', 'Product detail', 'Carousel', 'Cart', 'Theming'] },
    },
  },
  globalTypes: {
    theme: {
      description: 'Theme (only --vitrine-* tokens on an ancestor)',
      toolbar: { title: 'Theme', icon: 'paintbrush', items: ['light', 'dark', 'brand'], dynamicTitle: true },
    },
  },
  initialGlobals: { theme: 'light' },
  loaders: [() => Promise.all(['de', 'ar', 'ja'].map((locale) => loadLocale(locale)))],
  decorators: [
    withActions,
    (story, context) => {
      const theme = (context.parameters.theme as string | undefined) ?? (context.globals.theme as string) ?? 'light';
      const classes = {
        'vitrine-story': true,
        'vitrine-story--fullscreen': !!context.parameters.bleed,
        [`theme-${theme}`]: true,
      };
      return html`<div class=${classMap(classes)}>${story()}</div>`;
    },
  ],
};

export default preview;
