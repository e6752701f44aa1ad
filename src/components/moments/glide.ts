/**
 * The live moments' list (the banner and the poll, one under the other) keeps what is on screen
 * from jumping. When a moment ends while one below it stays (a banner ends during a poll), or
 * changes height (a poll turning to its results, a new poll in the old one's place), the moments
 * below it glide to their new place: each is drawn where it was, then moved there by a transform.
 * A jump is a layout shift, which the page's CLS counts (a banner ending over a poll on a phone:
 * 0.03) and which can put another button under the shopper's finger; a glide is neither, and the
 * eye can follow where the poll went. With `prefers-reduced-motion`, a moment fades out where it
 * was and in where it is, instead of moving.
 *
 * What the shopper does is not followed: scrolling the list moves nothing here, and where the
 * browser keeps a scrolled list's content in place (scroll anchoring), there is nothing to glide.
 */
const GLIDE_MS = 250;
const FADE_MS = 200;

/** Follows `list`'s children; returns the function that stops following. */
export function glideMoves(list: HTMLElement): () => void {
  /** Each moment's top in the list's layout (its `offsetTop`: scrolling does not change it). */
  const tops = new WeakMap<HTMLElement, number>();
  const glides = new WeakMap<HTMLElement, { animation: Animation; from: number; fade: boolean }>();
  let scrolled = list.scrollTop;

  /** Where a running glide draws `child` now, relative to its layout place. */
  const drawnAt = (child: HTMLElement): number => {
    const glide = glides.get(child);
    const progress = glide?.animation.playState === 'running' ? glide.animation.effect?.getComputedTiming().progress : null;
    if (!glide || progress == null) return 0;
    return glide.fade ? (progress < 0.5 ? glide.from : 0) : glide.from * (1 - progress);
  };

  /** Compares each moment's place with the last one seen and glides those that moved (a layout, if one is due). */
  const check = (changed = false) => {
    // After a change, only a moment whose place is known can have moved: the first moments'
    // places are taken by the ResizeObserver, after the frame's layout, and reading them here
    // would force that layout in the render's task (the show's first moments, issue 19).
    if (changed && ![...list.children].some((child) => child instanceof HTMLElement && tops.has(child))) return;
    // Not laid out (display: none): nothing is drawn to move, and the last places are kept.
    if (list.offsetParent === null) return;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    for (const child of list.children) {
      if (!(child instanceof HTMLElement)) continue;
      const before = tops.get(child);
      const top = child.offsetTop;
      tops.set(child, top);
      if (before === undefined || before === top || typeof child.animate !== 'function') continue;
      // Where it was on screen (a running glide's offset and the list's scroll since then
      // included), less where it is now.
      const from = Math.round(before - scrolled + drawnAt(child) - (top - list.scrollTop));
      if (Math.abs(from) < 1) continue;
      glides.get(child)?.animation.cancel();
      const at = `translateY(${from}px)`;
      const animation = reduced
        ? child.animate(
            [
              { transform: at, opacity: 1 },
              { transform: at, opacity: 0, offset: 0.5 },
              { transform: 'none', opacity: 0, offset: 0.5 },
              { transform: 'none', opacity: 1 },
            ],
            { duration: FADE_MS },
          )
        : child.animate([{ transform: at }, { transform: 'none' }], { duration: GLIDE_MS, easing: 'cubic-bezier(0.2, 0, 0, 1)' });
      glides.set(child, { animation, from, fade: reduced });
    }
    scrolled = list.scrollTop;
  };

  // A moment came or went, or one rendered (its shadow root changed): the places are checked at
  // once, before the frame's layout. A glide has to start before that layout, or the frame shows
  // the jump and the browser counts the shift: a ResizeObserver reports after it, and a check in
  // the next animation frame would come a frame late for a change made in an animation frame.
  const watched = new WeakSet<Node>();
  const changes = new MutationObserver(() => {
    watch();
    check(true);
  });
  // A moment's size changed some other way (its element defined and drawn the first time): its
  // place is taken, and what moved glides from the next frame on.
  const resizes = new ResizeObserver(() => {
    watch();
    check();
  });
  const watch = () => {
    for (const child of list.children) {
      const root = child.shadowRoot;
      if (!watched.has(child)) {
        watched.add(child);
        resizes.observe(child);
      }
      if (root && !watched.has(root)) {
        watched.add(root);
        changes.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
      }
    }
  };
  const onScroll = () => {
    scrolled = list.scrollTop;
  };
  watch();
  changes.observe(list, { childList: true });
  list.addEventListener('scroll', onScroll, { passive: true });
  return () => {
    changes.disconnect();
    resizes.disconnect();
    list.removeEventListener('scroll', onScroll);
  };
}

/**
 * `<vitrine-show>`'s follower: called after each of its renders with its list of moments (`null`
 * while there is none), it follows that list and stops following the last.
 */
export function glider(): (list: Element | null) => void {
  let current: Element | null = null;
  let stop: (() => void) | undefined;
  return (list) => {
    if (list === current) return;
    stop?.();
    current = list;
    stop = list instanceof HTMLElement ? glideMoves(list) : undefined;
  };
}
