/** Small formatting helpers shared by the shop elements. */
import { formatNumber } from '../../core/i18n.js';

/** A media time as `m:ss` or `h:mm:ss`, digits for the locale (`12:30`). */
export function formatMediaTime(seconds: number, locale: string): string {
  const total = Math.max(0, Math.floor(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (n: number) => formatNumber(n, locale).padStart(2, formatNumber(0, locale));
  return h > 0 ? `${formatNumber(h, locale)}:${two(m)}:${two(s)}` : `${formatNumber(m, locale)}:${two(s)}`;
}
