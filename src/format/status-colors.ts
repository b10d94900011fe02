import type { Status } from '../view/evaluation';

/**
 * Each status word's colours, one place for the report's outline and every drawing: the word is
 * written in `text` on `background` (with a border in `text`), so the colour never stands alone.
 * Every pair is above WCAG AA's 4.5:1 (8.1:1 at the least; test/format/status-colors.test.ts
 * computes them).
 */
export const STATUS_COLORS: Record<Status, { text: string; background: string }> = {
  in: { text: '#14532d', background: '#dcfce7' },
  unsupported: { text: '#7c2d12', background: '#ffedd5' },
  defeated: { text: '#7f1d1d', background: '#fee2e2' },
  undercut: { text: '#581c87', background: '#f3e8ff' },
  undecided: { text: '#713f12', background: '#fef9c3' },
};
