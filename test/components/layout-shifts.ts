/** The layout shifts the page records from now on (the values CLS adds up), until `stop()`. */
export function layoutShifts(): { values: number[]; stop: () => void } {
  const values: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries() as (PerformanceEntry & { value: number })[]) values.push(entry.value);
  });
  observer.observe({ type: 'layout-shift' });
  return { values, stop: () => observer.disconnect() };
}
