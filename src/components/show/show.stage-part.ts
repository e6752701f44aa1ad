/**
 * The phone stage's lazy part (show.stage.ts loads it at the first open): its styles and the few
 * controls only the stage has (Close, the product sheet's handle and its "Hide products").
 *
 * The layout, full-viewport in the top layer (`.layout.on-stage`):
 * - a vertical (9:16) show: the video fills the screen; the header (host, LIVE, viewers, then the
 *   cart and Close) over its top; the pinned product as a chip, with the sheet's handle beside
 *   it, over the bottom above the player's control bar; the chat's messages between the middle
 *   (Play) and the chip;
 * - a 16:9 show: the header, the video below it, then the chat, the chip and the handle;
 * - a phone in landscape (height < 500px): the video on the left, the header, the chat and the
 *   chip in a column on the right.
 * The rail is a sheet from the bottom (the handle, or a swipe up on the chip, opens it). Every
 * edge keeps the safe-area insets (`env(safe-area-inset-*)`).
 */
import { css, html } from 'lit';
import type { Translate } from './show.parts.js';

/**
 * Keeps `--_chip-lift` on the open stage's layout: how far the chip is taller than its row. The
 * chat rises by that much with a transform, so no message hides behind a taller chip and nothing
 * moves by layout. Measured when the chip's size changes (after layout, before paint).
 */
export class ChipLift {
  #chip: Element | null = null;
  #observer: ResizeObserver | undefined;

  /** Watches the chip of `layout` (the open stage's), or nothing (`null`: the stage closed). */
  watch(root: HTMLElement | DocumentFragment, layout: HTMLElement | null): void {
    const chip = layout?.querySelector(':scope > .pinned vitrine-product-card') ?? null;
    if (chip === this.#chip) return;
    this.#observer?.disconnect();
    this.#chip = chip;
    if (!layout || !chip) {
      root.querySelector<HTMLElement>('.layout')?.style.removeProperty('--_chip-lift');
      return;
    }
    if (typeof ResizeObserver !== 'function') return;
    const row = chip.closest('.pinned')!;
    this.#observer ??= new ResizeObserver(() => {
      const card = this.#chip as HTMLElement | null;
      const area = card?.closest('.pinned');
      if (!card || !area) return;
      const lift = Math.max(0, Math.round(card.offsetHeight - area.clientHeight));
      area.closest<HTMLElement>('.layout')?.style.setProperty('--_chip-lift', `${lift}px`);
    });
    this.#observer.observe(chip);
    this.#observer.observe(row);
  }
}

/** How far (px) a vertical swipe must go to count. */
const SWIPE = 36;

/** Pointer handlers that call `up()` / `down()` on a vertical swipe. */
export function swipe(up: () => void, down: () => void) {
  let start: number | undefined;
  return {
    down: (e: PointerEvent) => {
      start = e.clientY;
    },
    up: (e: PointerEvent) => {
      if (start === undefined) return;
      const dy = e.clientY - start;
      start = undefined;
      if (dy < -SWIPE) up();
      else if (dy > SWIPE) down();
    },
  };
}

export function closeButton(t: Translate, close: () => void) {
  return html`<button class="stage-close icon" part="stage-close" type="button" aria-label=${t('closeStage')} @click=${close}>
    <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18" /></svg>
  </button>`;
}

/** The handle that opens the product sheet: "Products (8)". */
export function sheetHandle(t: Translate, count: number, open: boolean, toggle: (open?: boolean) => void) {
  const gesture = swipe(() => toggle(true), () => toggle(false));
  return html`<button
    class="sheet-handle"
    part="sheet-handle"
    type="button"
    aria-expanded=${open ? 'true' : 'false'}
    @click=${() => toggle()}
    @pointerdown=${gesture.down}
    @pointerup=${gesture.up}
  >
    <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5 15l7-7 7 7" /></svg>
    <span class="visually-hidden">${t('products', { count })}</span><span aria-hidden="true">${count}</span>
  </button>`;
}

/** The top of the open sheet: a grip (swipe down) and "Hide products". */
export function sheetTop(t: Translate, toggle: (open?: boolean) => void) {
  const gesture = swipe(() => undefined, () => toggle(false));
  return html`<div class="sheet-top" @pointerdown=${gesture.down} @pointerup=${gesture.up}>
    <span class="grip" aria-hidden="true"></span>
    <button class="secondary sheet-hide" type="button" @click=${() => toggle(false)}>${t('hideProducts')}</button>
  </div>`;
}

export const stageStyles = css`
  .stage-placeholder {
    display: block;
  }
  .layout.on-stage {
    /* A chip with one price line: its title a target (44px on touch screens), the price, its padding. */
    --_chip-height: calc(var(--_target) + 28px);
    position: fixed;
    inset: 0;
    box-sizing: border-box;
    width: 100%;
    height: 100%;
    max-width: none;
    max-height: none;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: 0;
    overflow: hidden;
    background: #000;
    color: #fff;
    display: grid;
    gap: 0;
    grid-template-columns: minmax(0, 1fr) auto;
    grid-template-rows:
      calc(env(safe-area-inset-top, 0px) + 60px)
      minmax(0, 1fr) auto calc(72px + env(safe-area-inset-bottom, 0px));
    grid-template-areas: 'top top' 'middle middle' 'chip handle' 'bar bar';
  }
  .layout.on-stage::backdrop {
    background: #000;
  }
  .on-stage > .stage-slot {
    grid-area: 1 / 1 / -1 / -1;
    z-index: 0;
    aspect-ratio: auto;
    width: auto;
    height: auto;
    inline-size: auto;
    justify-self: stretch;
    border-radius: 0;
    margin-block-end: env(safe-area-inset-bottom, 0px);
  }
  /* The player fills its area (the video letterboxed inside it), so its control bar is at the
     bottom of the screen, under the chip, not over the chat or behind it. */
  .on-stage .stage > vitrine-player::part(frame) {
    aspect-ratio: auto;
    height: 100%;
  }
  .layout.on-stage > .header {
    grid-area: top;
    z-index: 2;
    align-self: stretch;
    justify-self: stretch;
    inline-size: auto;
    margin: 0;
    padding: calc(env(safe-area-inset-top, 0px) + 8px) calc(env(safe-area-inset-right, 0px) + 8px) 8px
      calc(env(safe-area-inset-left, 0px) + 12px);
    border-radius: 0;
    background: linear-gradient(rgb(0 0 0 / 65%), rgb(0 0 0 / 0%));
    color: #fff;
    --_muted: #f0f0f3;
    align-items: center;
  }
  .on-stage vitrine-cart::part(button) {
    min-height: 44px;
  }
  .on-stage .title-block {
    min-block-size: 0;
  }
  /* The title stays for assistive tech; the page around the stage has it. */
  .on-stage .title {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .on-stage .meta {
    font-size: 14px;
    text-shadow: 0 1px 2px rgb(0 0 0 / 60%);
  }
  .stage-close {
    flex: none;
    width: 44px;
    min-height: 44px;
    background: rgb(0 0 0 / 55%);
    color: #fff;
    box-shadow: inset 0 0 0 1px rgb(255 255 255 / 35%);
  }
  .on-stage > .moments {
    grid-area: middle;
    z-index: 2;
    align-self: start;
    margin: 8px;
    max-block-size: 40%;
    overflow: auto;
    color: var(--_text);
  }
  /* Messages between the middle of the screen (Play) and the chip, never over either. */
  .on-stage .chat.overlay {
    position: relative;
    inset: auto;
    grid-area: middle;
    z-index: 1;
    align-self: stretch;
    margin-block-start: max(0px, calc(50dvh + 44px - env(safe-area-inset-top, 0px) - 60px));
    min-block-size: 0;
    height: auto;
    transform: translateY(calc(-1 * var(--_chip-lift, 0px)));
    clip-path: inset(var(--_chip-lift, 0px) 0 0);
  }
  /* The chip's row has a fixed height, that of a chip with one price line: nothing in the stage
     moves when a pin, a sale price or a deal makes the chip taller. The chip is laid out from the
     row's bottom edge (it grows downwards in layout, moving nothing) and drawn up from there by its
     own height (a transform: no layout shift); the chat above rises with it (--_chip-lift, set
     by show.stage.ts), also by a transform, clipped at its top. */
  .on-stage > .pinned {
    grid-area: chip;
    z-index: 2;
    position: relative;
    margin: 0 8px 8px calc(env(safe-area-inset-left, 0px) + 8px);
    block-size: var(--_chip-height);
    min-block-size: 0;
    contain: none;
    overflow: visible;
    color: var(--_text);
  }
  .on-stage > .pinned vitrine-product-card {
    position: absolute;
    inset-inline: 0;
    top: 100%;
    transform: translateY(-100%);
  }
  /* Add to cart on the title's line: it stays there when the price under them takes more lines. */
  .on-stage > .pinned vitrine-product-card::part(body) {
    align-items: start;
  }
  .on-stage > .pinned .label {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
  }
  .sheet-handle {
    grid-area: handle;
    z-index: 2;
    align-self: center;
    flex-direction: column;
    gap: 0;
    min-width: 56px;
    max-width: 72px;
    min-height: 56px;
    justify-self: end;
    margin: 0 calc(env(safe-area-inset-right, 0px) + 8px) 8px 0;
    padding: 4px 8px;
    border-radius: 14px;
    background: rgb(0 0 0 / 60%);
    color: #fff;
    font-size: 12px;
    box-shadow: inset 0 0 0 1px rgb(255 255 255 / 35%);
    touch-action: none;
  }
  .sheet-handle span {
    max-width: 72px;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  /* The rail as a sheet from the bottom. */
  .on-stage > .rail {
    position: absolute;
    inset: auto 0 0 0;
    z-index: 4;
    min-height: 0;
    max-block-size: min(78dvh, 640px);
    overflow: auto;
    overscroll-behavior: contain;
    padding: 0 calc(env(safe-area-inset-right, 0px) + 8px) calc(env(safe-area-inset-bottom, 0px) + 8px)
      calc(env(safe-area-inset-left, 0px) + 8px);
    background: var(--_surface);
    color: var(--_text);
    border-radius: 16px 16px 0 0;
    box-shadow: 0 -8px 32px rgb(0 0 0 / 40%);
    transform: translateY(100%);
    visibility: hidden;
  }
  .on-stage.sheet-open > .rail {
    transform: none;
    visibility: visible;
  }
  @media (prefers-reduced-motion: no-preference) {
    .on-stage > .rail {
      transition:
        transform 220ms ease-out,
        visibility 0s 220ms;
    }
    .on-stage.sheet-open > .rail {
      transition: transform 220ms ease-out;
    }
  }
  .sheet-top {
    position: sticky;
    top: 0;
    z-index: 1;
    display: flex;
    align-items: center;
    justify-content: flex-end;
    padding: 8px 0;
    background: var(--_surface);
    touch-action: none;
  }
  .grip {
    position: absolute;
    inset: 6px auto auto 50%;
    width: 40px;
    height: 4px;
    margin-inline-start: -20px;
    border-radius: 2px;
    background: var(--_border);
  }

  /* 16:9: the video under the header, then the chat, the chip and the handle. */
  .layout.on-stage:not(.portrait) {
    grid-template-rows:
      calc(env(safe-area-inset-top, 0px) + 60px)
      auto minmax(0, 1fr) auto calc(env(safe-area-inset-bottom, 0px) + 4px);
    grid-template-areas: 'top top' 'stage stage' 'middle middle' 'chip handle' '. .';
  }
  .on-stage:not(.portrait) > .stage-slot {
    grid-area: stage;
    aspect-ratio: 16 / 9;
    margin: 0;
  }
  .on-stage:not(.portrait) .chat.overlay {
    margin-block-start: 8px;
  }

  /* A phone on its side: the video on the left, the rest in a column on the right. */
  @media (orientation: landscape) and (max-height: 500px) {
    .layout.on-stage,
    .layout.on-stage:not(.portrait) {
      grid-template-columns: minmax(0, 1fr) minmax(0, min(40%, 340px)) auto;
      grid-template-rows: calc(env(safe-area-inset-top, 0px) + 60px) minmax(0, 1fr) auto;
      grid-template-areas: 'stage top top' 'stage middle middle' 'stage chip handle';
    }
    .on-stage > .stage-slot,
    .on-stage:not(.portrait) > .stage-slot {
      grid-area: stage;
      aspect-ratio: auto;
      margin: 0;
      margin-inline-start: env(safe-area-inset-left, 0px);
    }
    .layout.on-stage > .header {
      padding-inline-start: 12px;
    }
    .on-stage .chat.overlay,
    .on-stage:not(.portrait) .chat.overlay {
      margin-block-start: 8px;
    }
    .on-stage > .pinned {
      margin-inline-start: 8px;
      margin-block-end: calc(env(safe-area-inset-bottom, 0px) + 8px);
    }
    .sheet-handle {
      margin-block-end: calc(env(safe-area-inset-bottom, 0px) + 8px);
    }
    .on-stage > .rail {
      inset-inline-start: auto;
      inline-size: min(100%, 480px);
      max-block-size: 100dvh;
    }
  }
`;
