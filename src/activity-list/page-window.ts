/** One slot of the page navigation: a page number, or a gap standing for the pages left out. */
export type PageSlot = number | 'gap';

/**
 * The page numbers to offer for `current` out of `count` pages: all of them
 * when they fit in `slots`, otherwise the first, the last, the current one and
 * its neighbours, with gaps between (`1 … 4 5 6 … 20`). The result always has
 * `slots` entries once `count` exceeds it, so the buttons do not move about as
 * the visitor pages through.
 */
export function pageWindow(current: number, count: number, slots = 7): PageSlot[] {
  const last = Math.max(1, Math.trunc(count));
  const width = Math.max(5, Math.trunc(slots));
  const page = Math.min(Math.max(1, Math.trunc(current)), last);
  const range = (from: number, to: number) =>
    Array.from({ length: to - from + 1 }, (_, i) => from + i);
  if (last <= width) return range(1, last);
  // Slots beside the first and last page, and around the current one.
  const inner = width - 4;
  const half = Math.floor(inner / 2);
  if (page <= width - 3) return [...range(1, width - 2), 'gap', last];
  if (page >= last - (width - 4)) return [1, 'gap', ...range(last - (width - 3), last)];
  return [1, 'gap', ...range(page - half, page - half + inner - 1), 'gap', last];
}
