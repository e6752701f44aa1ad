import { useCallback, useState } from 'react';
import { formatMoney } from 'vitrine';
import { VitrineShow } from './VitrineShow';

export function App() {
  const [log, setLog] = useState<string[]>([]);
  const [items, setItems] = useState(0);
  const note = useCallback((line: string) => setLog((lines) => [`${new Date().toLocaleTimeString()} ${line}`, ...lines].slice(0, 50)), []);

  return (
    <main className="app">
      <header>
        <h1>Vitrine in React</h1>
        <p>
          Bag: <strong>{items}</strong> {items === 1 ? 'item' : 'items'}
        </p>
      </header>
      <VitrineShow
        src="/api/shows/live"
        cart="/api/cart"
        locale="en"
        onReady={(event) => note(`ready: ${event.detail.show.title}`)}
        onHighlight={(event) => note(`pinned: ${event.detail.product.title}`)}
        onAddToCart={(event) => {
          const { product, variant, quantity } = event.detail;
          note(`add: ${quantity} × ${product.title} (${variant.title}) at ${formatMoney(variant.price, 'en')}`);
        }}
        onCartChange={(event) => setItems(event.detail.cart?.totalQuantity ?? 0)}
        onCheckout={(event) => note(`checkout: ${event.detail.url}`)}
        onError={(event) => note(`error ${event.detail.code}: ${event.detail.message}`)}
      />
      <section>
        <h2>Events</h2>
        <ol>
          {log.map((line, i) => (
            <li key={log.length - i}>{line}</li>
          ))}
        </ol>
      </section>
    </main>
  );
}
