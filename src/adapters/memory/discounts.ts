/**
 * The in-memory cart's discount codes: what each applied code takes off the subtotal, in order,
 * and the total after them. Loaded with the first code applied (most pages never apply one).
 */
import { compare, money, percentOf, subtract } from '../../core/money.js';
import type { CartDiscount, Money } from '../../core/types.js';
import type { MemoryDiscount } from './cart.js';

export function discountsOf(codes: string[], rules: Record<string, MemoryDiscount>, subtotal: Money): { discounts: CartDiscount[]; total: Money } {
  let left = subtotal;
  const discounts = codes.map((code) => {
    const rule = rules[code]!;
    let amount = 'percent' in rule ? percentOf(subtotal, rule.percent) : money(rule.amount, subtotal.currencyCode);
    // Never more than what is left.
    if (compare(amount, left) > 0) amount = left;
    left = subtract(left, amount);
    return { code, amount };
  });
  return { discounts, total: left };
}
