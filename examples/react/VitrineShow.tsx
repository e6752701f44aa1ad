// A React component around <vitrine-show>, with typed event props.
//
// React 19 can pass `on<event>` props to custom elements itself, but a small wrapper keeps the
// types exact (each handler gets the event's typed `detail`), works on React 18 as well, and
// re-binds listeners when a handler changes. Attributes go through as attributes; the adapter
// properties (`cart`, `stream`, `catalog`) are set on the element.
import { useEffect, useRef, type CSSProperties } from 'react';
import 'vitrine/define';
import type { CartAdapter, CatalogAdapter, StreamAdapter, VitrineEventMap, VitrineShow as VitrineShowElement } from 'vitrine';

/** `onReady`, `onAddToCart`, ...: one typed handler prop per `vitrine-*` event. */
const EVENTS = {
  onReady: 'vitrine-ready',
  onStatus: 'vitrine-status',
  onHighlight: 'vitrine-highlight',
  onProductView: 'vitrine-product-view',
  onAddToCart: 'vitrine-add-to-cart',
  onCartChange: 'vitrine-cart-change',
  onCheckout: 'vitrine-checkout',
  onError: 'vitrine-error',
} as const satisfies Record<string, keyof VitrineEventMap>;

type Handlers = {
  [Prop in keyof typeof EVENTS]?: (event: CustomEvent<VitrineEventMap[(typeof EVENTS)[Prop]]>) => void;
};

export interface VitrineShowProps extends Handlers {
  /** URL of the show document. */
  src: string;
  /** Base URL of a REST cart backend, or a cart adapter object. */
  cart?: string | CartAdapter;
  stream?: StreamAdapter;
  catalog?: CatalogAdapter;
  checkoutUrl?: string;
  locale?: string;
  autoplay?: boolean;
  floating?: boolean;
  consent?: 'granted' | 'denied';
  className?: string;
  style?: CSSProperties;
  /** Receives the element, for its methods (`play()`, `openCart()`, ...). */
  elementRef?: (element: VitrineShowElement | null) => void;
}

// <vitrine-show> in JSX (React 19 reads custom elements from React.JSX.IntrinsicElements).
declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'vitrine-show': React.DetailedHTMLProps<React.HTMLAttributes<VitrineShowElement>, VitrineShowElement> & {
        src?: string;
        cart?: string;
        'checkout-url'?: string;
        locale?: string;
        autoplay?: boolean;
        floating?: boolean;
        consent?: string;
        class?: string;
      };
    }
  }
}

export function VitrineShow({ src, cart, stream, catalog, checkoutUrl, locale, autoplay, floating, consent, className, style, elementRef, ...handlers }: VitrineShowProps) {
  const ref = useRef<VitrineShowElement>(null);

  // Adapter objects are properties, not attributes.
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (typeof cart === 'object') element.cart = cart;
    if (stream) element.stream = stream;
    if (catalog) element.catalog = catalog;
  }, [cart, stream, catalog]);

  // One listener per event, re-bound when its handler changes.
  const bound = Object.entries(EVENTS).map(([prop, type]) => [type, handlers[prop as keyof Handlers]] as const);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const listeners = bound.filter(([, handler]) => handler).map(([type, handler]) => [type, (event: Event) => (handler as (e: Event) => void)(event)] as const);
    for (const [type, listener] of listeners) element.addEventListener(type, listener);
    return () => {
      for (const [type, listener] of listeners) element.removeEventListener(type, listener);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, bound.map(([, handler]) => handler));

  useEffect(() => {
    elementRef?.(ref.current);
    return () => elementRef?.(null);
  }, [elementRef]);

  return (
    <vitrine-show
      ref={ref}
      src={src}
      cart={typeof cart === 'string' ? cart : undefined}
      checkout-url={checkoutUrl}
      locale={locale}
      autoplay={autoplay || undefined}
      floating={floating || undefined}
      consent={consent}
      class={className}
      style={style}
    />
  );
}
