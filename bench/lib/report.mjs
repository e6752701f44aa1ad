// Statistics and the printed table.

export const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const percentile = (xs, p) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
export const ms = (x) => (Number.isFinite(x) ? `${Math.round(x)} ms` : '—');
export const sec = (x) => (Number.isFinite(x) ? `${x.toFixed(2)} s` : '—');
export const mb = (x) => (Number.isFinite(x) ? `${(x / 1e6).toFixed(2)} MB` : '—');
export const num = (x, digits = 0) => (Number.isFinite(x) ? x.toFixed(digits) : '—');
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}x` : '—');

/**
 * A table row. `pass`: true / false / undefined (no goal). `na`: the reason a metric could not
 * be measured (the other columns are then empty).
 */
export function row(metric, { vitrine = '—', baseline = '—', ratio: r = '—', goal = '—', pass, na, samples } = {}) {
  return { metric, vitrine, baseline, ratio: r, goal, pass, na, samples };
}

export function renderTable(sections) {
  const header = ['metric', 'vitrine', 'baseline', 'ratio', 'goal', 'pass'];
  const lines = [];
  for (const section of sections) {
    for (const r of section.rows ?? []) {
      if (r.na) lines.push([r.metric, `n/a: ${r.na}`, '', '', '', '']);
      else lines.push([r.metric, r.vitrine, r.baseline, r.ratio, r.goal, r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL']);
    }
  }
  // Long "n/a" reasons span the value columns instead of widening them.
  const widths = header.map((h, i) => Math.max(h.length, ...lines.filter((l) => !String(l[1]).startsWith('n/a') || i === 0).map((l) => String(l[i]).length)));
  const fmt = (cells) => {
    if (String(cells[1]).startsWith('n/a')) return `| ${String(cells[0]).padEnd(widths[0])} | ${cells[1]}`;
    return `| ${cells.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  };
  const rule = `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`;
  return [fmt(header), rule, ...lines.map(fmt)].join('\n');
}
