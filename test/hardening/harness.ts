/**
 * Helpers of the hardening tests (not a test file): fault scenarios on the test server
 * (test/servers/hardening.mjs), a `<vitrine-show>` mounted with a recorder of everything
 * the page would see (vitrine-* events, window errors, unhandled rejections), and queries
 * that pierce shadow roots the way a shopper's eyes do.
 */
import { waitUntil } from '@open-wc/testing';

export interface CartRule {
  method?: string;
  /** A regular expression over the path below the cart base, such as `/lines$`. */
  path?: string;
  times?: number;
  /** Let this many matching requests through before the fault applies. */
  skip?: number;
  fault: '500' | '503' | 'hang' | 'slow' | 'lost' | 'oos' | 'garbage' | 'wrong-shape' | 'unsafe-checkout' | 'rewrite';
  ms?: number;
  patch?: unknown;
  linePatch?: unknown;
  url?: string;
}

export type SseStep =
  | { event: string; data: unknown; id?: string }
  | { raw: string }
  | { wait: number }
  | { repeat: number; event: string; data: unknown; id?: string }
  | { close: true }
  | { destroy: true };

export interface ScenarioSpec {
  cart?: CartRule[];
  show?: {
    rules?: { fault: '404' | '500' | 'hang' | 'slow' | 'notjson' | 'html'; times?: number; ms?: number }[];
    base?: 'live' | 'replay' | 'scheduled';
    doc?: unknown;
    patch?: unknown;
  };
  events?: { connections: SseStep[][] };
  /** Serve the demo's live HLS through the scenario (faults via POST .../stream-fault). */
  stream?: boolean;
}

export interface ScenarioLog {
  requests: { method: string; path: string; key: string | null; fault: string | null; status: number | string | null }[];
  /** `closedAt`: when the client's connection closed (null while open). */
  connections: { lastEventId: string | null; at: number; closedAt: number | null }[];
}

export interface Scenario {
  id: string;
  show: string;
  cart: string;
  events: string;
  log(): Promise<ScenarioLog>;
}

export async function scenario(spec: ScenarioSpec = {}): Promise<Scenario> {
  const response = await fetch('/__hardening/scenario', { method: 'POST', body: JSON.stringify(spec) });
  const { id } = (await response.json()) as { id: string };
  const base = `${location.origin}/__hardening/s/${id}`;
  return {
    id,
    show: `${base}/show`,
    cart: `${base}/cart`,
    events: `${base}/events`,
    log: async () => (await (await fetch(`${base}/log`)).json()) as ScenarioLog,
  };
}

/** The demo backend's own view of a cart (what really is in it). */
export async function backendCart(cartId: string): Promise<{ lines: { variantId: string; quantity: number }[]; totalQuantity: number } | null> {
  const response = await fetch(`/__hardening/demo-cart/${encodeURIComponent(cartId)}`);
  return response.ok ? response.json() : null;
}

/** Everything the host page can observe while a test runs. */
export class PageRecorder {
  readonly events: CustomEvent[] = [];
  readonly windowErrors: unknown[] = [];
  readonly rejections: unknown[] = [];
  readonly violations: SecurityPolicyViolationEvent[] = [];
  #stop: (() => void)[] = [];

  constructor(names: string[] = ['vitrine-ready', 'vitrine-status', 'vitrine-highlight', 'vitrine-product-view', 'vitrine-add-to-cart', 'vitrine-cart-change', 'vitrine-checkout', 'vitrine-error']) {
    const onEvent = (e: Event) => this.events.push(e as CustomEvent);
    for (const name of names) {
      document.addEventListener(name, onEvent, true);
      this.#stop.push(() => document.removeEventListener(name, onEvent, true));
    }
    const onError = (e: ErrorEvent) => this.windowErrors.push(e.error ?? e.message);
    const onRejection = (e: PromiseRejectionEvent) => this.rejections.push(e.reason);
    const onViolation = (e: SecurityPolicyViolationEvent) => this.violations.push(e);
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
    document.addEventListener('securitypolicyviolation', onViolation);
    this.#stop.push(() => {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('securitypolicyviolation', onViolation);
    });
  }

  errors(code?: string): { code: string; message: string; recoverable: boolean }[] {
    return this.events
      .filter((e) => e.type === 'vitrine-error')
      .map((e) => e.detail as { code: string; message: string; recoverable: boolean })
      .filter((d) => !code || d.code === code);
  }

  of(type: string): CustomEvent[] {
    return this.events.filter((e) => e.type === type);
  }

  stop(): void {
    for (const stop of this.#stop) stop();
  }
}

/** Every element in `root` and the shadow roots below it. */
export function deepAll(root: Document | ShadowRoot | Element = document): Element[] {
  const out: Element[] = [];
  const walk = (node: Document | ShadowRoot | Element) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(root);
  // (Duck-typed: elements of another frame are not `instanceof Element` here.)
  const own = (root as Element).shadowRoot;
  if (own) walk(own);
  return out;
}

/** Every shadow root under `root`. */
export function shadowRoots(root: Document | ShadowRoot | Element = document): ShadowRoot[] {
  const roots = deepAll(root)
    .map((el) => el.shadowRoot)
    .filter((r): r is ShadowRoot => Boolean(r));
  const own = (root as Element).shadowRoot;
  if (own && !roots.includes(own)) roots.unshift(own);
  return roots;
}

function isVisible(el: Element): boolean {
  const rect = el.getBoundingClientRect();
  if (rect.width === 0 && rect.height === 0) return false;
  const style = getComputedStyle(el);
  return style.visibility !== 'hidden' && style.display !== 'none';
}

/** An approximation of the accessible name, enough for our own controls. */
export function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby');
  if (labelledBy) {
    const root = el.getRootNode() as Document | ShadowRoot;
    return labelledBy
      .split(/\s+/)
      .map((id) => root.getElementById?.(id)?.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
  }
  return (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** Visible buttons anywhere below `root` whose accessible name matches. */
export function buttons(root: Element | Document, name: RegExp): HTMLButtonElement[] {
  return deepAll(root).filter(
    (el): el is HTMLButtonElement => (el.tagName === 'BUTTON' || el.getAttribute('role') === 'button') && name.test(accessibleName(el)) && isVisible(el),
  );
}

export async function button(root: Element | Document, name: RegExp, timeout = 8000): Promise<HTMLButtonElement> {
  await waitUntil(() => buttons(root, name).some((b) => !b.disabled), `no enabled button named ${name}`, { timeout });
  return buttons(root, name).find((b) => !b.disabled)!;
}

/** All text the shopper can read below `root` (shadow roots included). */
export function visibleText(root: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement;
      if (parent && isVisible(parent) && !parent.closest('style,script,template')) parts.push(node.textContent ?? '');
      return;
    }
    if (node instanceof Element && node.shadowRoot) walk(node.shadowRoot);
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return parts.join(' ').replace(/\s+/g, ' ');
}

export const until = (predicate: () => unknown, message = 'timed out', timeout = 8000) => waitUntil(predicate, message, { timeout, interval: 25 });

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The product ids of the demo catalog (examples/backend/catalog.mjs). */
export const DEMO = { lowStock: 'p6', soldOut: 'p7' };
