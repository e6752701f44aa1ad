/**
 * Variant resolution for option pickers, framework-free. Options are chosen in order
 * (Color, then Size): a value is selectable when some available variant has it together
 * with the values chosen for the options before it. After a change, later options that
 * became unavailable move to their first available value, so a shopper is never stuck.
 */
import type { Product, ProductOption, Variant } from '../../core/types.js';

/** The most a shopper can add in one go when the backend gives no stock. */
export const MAX_QUANTITY = 99;

/** Option axes; a product with several variants but no options gets one axis of variant titles. */
export function optionsOf(product: Product, variantLabel = 'Variant'): ProductOption[] {
  if (product.options.length) return product.options;
  if (product.variants.length > 1) return [{ name: variantLabel, values: product.variants.map((v) => v.title) }];
  return [];
}

function valueOf(variant: Variant, option: ProductOption, synthetic: boolean): string | undefined {
  return synthetic ? variant.title : variant.options[option.name];
}

export type Selection = Record<string, string>;

export class VariantPicker {
  readonly options: ProductOption[];
  readonly #synthetic: boolean;

  constructor(
    readonly product: Product,
    variantLabel?: string,
  ) {
    this.options = optionsOf(product, variantLabel);
    this.#synthetic = !product.options.length && product.variants.length > 1;
  }

  #matches(variant: Variant, selection: Selection, upTo = this.options.length): boolean {
    return this.options.slice(0, upTo).every((o) => valueOf(variant, o, this.#synthetic) === selection[o.name]);
  }

  /** The variant the selection names, if any (available or not). */
  resolve(selection: Selection): Variant | undefined {
    if (!this.options.length) return this.product.variants[0];
    return this.product.variants.find((v) => this.#matches(v, selection));
  }

  /** The selection of the first available variant (else the first variant). */
  initial(): Selection {
    const variant = this.product.variants.find((v) => v.available) ?? this.product.variants[0];
    return variant ? this.#selectionOf(variant) : {};
  }

  #selectionOf(variant: Variant): Selection {
    return Object.fromEntries(this.options.map((o) => [o.name, valueOf(variant, o, this.#synthetic) ?? o.values[0] ?? '']));
  }

  /**
   * The state of `value` for option `index`, given the values chosen before it:
   * `available`, `sold-out` (a variant exists, none available) or `missing` (no such variant).
   */
  state(selection: Selection, index: number, value: string): 'available' | 'sold-out' | 'missing' {
    const option = this.options[index];
    const candidates = this.product.variants.filter(
      (v) => this.#matches(v, selection, index) && valueOf(v, option, this.#synthetic) === value,
    );
    if (!candidates.length) return 'missing';
    return this.product.available && candidates.some((v) => v.available) ? 'available' : 'sold-out';
  }

  /** Chooses `value` for option `index`; later options move to an available value if needed. */
  choose(selection: Selection, index: number, value: string): Selection {
    const next = { ...selection, [this.options[index].name]: value };
    for (let k = index + 1; k < this.options.length; k++) {
      const option = this.options[k];
      if (this.state(next, k, next[option.name]) === 'available') continue;
      const first = option.values.find((v) => this.state(next, k, v) === 'available');
      if (first !== undefined) next[option.name] = first;
    }
    return next;
  }

  /** A human label of the combination up to and including option `index` with `value` ("Navy / L"). */
  combo(selection: Selection, index: number, value: string): string {
    return [...this.options.slice(0, index).map((o) => selection[o.name]), value].join(' / ');
  }
}
