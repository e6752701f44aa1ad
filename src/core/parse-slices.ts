/**
 * `parseShow` for big documents, without a long task: the document's fields are parsed at once,
 * its products (already capped at `LIMITS.products`, so nothing past the cap is read) in slices
 * of about `budget` ms, yielding to the page between slices. The result is the one `parseShow`
 * gives (same products, same issues and paths).
 */
import { LIMITS, parseProducts, parseShow, type ParseIssue, type ParseResult } from './parse.js';
import type { Product, Show } from './types.js';
import { yieldToPage } from './yield.js';

const now = () => globalThis.performance?.now() ?? Date.now();

export async function parseShowInSlices(
  input: unknown,
  documentUrl?: string,
  options: { signal?: AbortSignal; budget?: number } = {},
): Promise<ParseResult<Show>> {
  const budget = options.budget ?? 8;
  const raw = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>).products : undefined;
  if (!Array.isArray(raw) || raw.length <= 50) return parseShow(input, documentUrl);
  const head = parseShow({ ...(input as object), products: [] }, documentUrl);
  if (!head.ok) return head;
  const issues: ParseIssue[] = [...head.issues];
  if (raw.length > LIMITS.products) issues.push({ path: 'products', reason: `more than ${LIMITS.products} entries, the rest ignored` });
  const count = Math.min(raw.length, LIMITS.products);
  const products: Product[] = [];
  const ids = new Set<string>();
  let began = now();
  for (let i = 0; i < count; i++) {
    const one = parseProducts([raw[i]], documentUrl);
    const at = (path: string) => path.replace(/^products\[0\]/, `products[${i}]`);
    for (const issue of one.issues) issues.push({ path: at(issue.path), reason: issue.reason });
    const product = one.value[0];
    if (product && ids.has(product.id)) issues.push({ path: `products[${i}].id`, reason: 'duplicate id, product dropped' });
    else if (product) {
      ids.add(product.id);
      products.push(product);
    }
    if (i % 25 === 24 && now() - began > budget) {
      await yieldToPage();
      if (options.signal?.aborted) throw options.signal.reason ?? new DOMException('Aborted', 'AbortError');
      began = now();
    }
  }
  head.value.products = products;
  return { ok: true, value: head.value, issues };
}
