import { useLayoutEffect, useRef } from 'react';
import type { ReactNode } from 'react';

/**
 * The alarm-level banners, stacked at the top of the page and kept in view while scrolling, above
 * drawers and dialogs (antd uses z-index 1000). Drawers and dialogs start below the stack
 * (styles.css reads --alarm-banner-height), so a banner never hides what the officer reads.
 */
export function BannerStack({ children }: { children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const root = document.documentElement;
    const el = box.current;
    if (!el) return;
    // Its bottom edge, not its height: below the app header at the top of the page, at 0 once scrolled.
    const update = () =>
      root.style.setProperty(
        '--alarm-banner-height',
        `${el.offsetHeight > 0 ? Math.max(0, el.getBoundingClientRect().bottom) : 0}px`,
      );
    update();
    const ro = new ResizeObserver(update);
    ro.observe(el);
    window.addEventListener('scroll', update, { passive: true });
    return () => {
      ro.disconnect();
      window.removeEventListener('scroll', update);
      root.style.setProperty('--alarm-banner-height', '0px');
    };
  }, []);
  return (
    <div ref={box} style={{ position: 'sticky', top: 0, zIndex: 2100 }} data-testid="banner-stack">
      {children}
    </div>
  );
}
