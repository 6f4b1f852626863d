// Series colours for charts: the primary red first, then colours that stay apart for the
// common kinds of colour blindness and keep ≥ 3:1 against white (WCAG 1.4.11 for graphics).
export const PRIMARY_PALETTE = ['#b7282e', '#1f5fa8', '#2f7d32', '#8a5300', '#6b3fa0', '#00727a'];
