// The one theme of the app (Ant Design tokens), chosen for older eyes and small screens:
// one primary colour used for buttons, links, progress and info; text contrast ≥ 4.5:1 on white
// and on the grey page background; body text 16 px on phones and 14 px at a desk (18/16 in the
// large-text mode); controls 44 px tall on phones, so every touch target is at least 44 px.
import type { ThemeConfig } from 'antd';

/** 6.3:1 on white. */
export const PRIMARY = '#b7282e';
/** Hover and press are darker, never lighter (Ant Design's default): a link under the pointer,
 * or white text on a hovered button, keeps its contrast (8.5:1 on white). */
export const PRIMARY_DARK = '#8f1d22';
/** Secondary text (labels, hints, statistic titles): 7:1 on white, 6.4:1 on the page grey. */
export const SECONDARY_TEXT = '#595959';

export function makeTheme({ phone, largeText, reducedMotion = false }: { phone: boolean; largeText: boolean; reducedMotion?: boolean }): ThemeConfig {
  const fontSize = (phone ? 16 : 14) + (largeText ? 2 : 0);
  return {
    token: {
      // Who asked their system for less motion (vestibular disorders, or just older eyes) gets
      // dialogs and menus that appear at once.
      motion: !reducedMotion,
      colorPrimary: PRIMARY,
      colorLink: PRIMARY,
      colorLinkHover: PRIMARY_DARK,
      colorLinkActive: PRIMARY_DARK,
      colorPrimaryHover: PRIMARY_DARK,
      colorPrimaryActive: PRIMARY_DARK,
      colorInfo: PRIMARY,
      colorError: '#a8071a',
      colorSuccess: '#237804',
      colorWarning: '#ad4e00',
      colorTextSecondary: SECONDARY_TEXT,
      colorTextTertiary: SECONDARY_TEXT,
      colorTextDescription: SECONDARY_TEXT,
      colorTextPlaceholder: '#6b6b6b',
      colorTextLabel: '#434343',
      fontSize,
      fontSizeSM: Math.max(14, fontSize - 2),
      controlHeight: phone ? 44 : largeText ? 36 : 32,
      controlHeightSM: phone ? 44 : 28,
      controlHeightLG: phone ? 48 : 40,
      borderRadius: 6,
    },
    components: {
      Menu: { itemHeight: phone ? 48 : 40 },
      Table: { cellPaddingBlockSM: 10 },
      Segmented: { itemColor: '#434343' },
    },
  };
}
