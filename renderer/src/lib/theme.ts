import type { ThemeConfig } from 'antd';

/**
 * The console's antd theme, for the app and for the static message/modal holders alike.
 *
 * zeroRuntime: the components' styles come from antd's prebuilt stylesheet (imported once in
 * main.tsx) instead of being generated in the page as each kind of component first renders; that
 * generation made the console's first render take half a second on the duty room's machines
 * (issue 14). The tokens below still apply: antd writes them as CSS variables, which the
 * stylesheet reads.
 */
export const THEME: ThemeConfig = {
  zeroRuntime: true,
  token: {
    fontFamily: "'Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', sans-serif",
    // WCAG 2.1 AA 1.4.3 (issue 16): text at least 4.5:1. antd's default blue (#1677ff, 4.1:1
    // under white text) and its grey secondary/placeholder text fall short on white and #f5f5f5.
    colorPrimary: '#0958d9',
    colorError: '#cf1322',
    colorLink: '#0958d9',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};
