import { useEffect, useState } from 'react';

/** Whether a dialog or a drawer is open on the page (antd's open drawer, a modal wrap being shown). */
function dialogOpen(): boolean {
  if (document.querySelector('.ant-drawer-open')) return true;
  return [...document.querySelectorAll<HTMLElement>('.ant-modal-wrap')].some((w) => w.style.display !== 'none');
}

/**
 * True while the officer works in a dialog or drawer. antd renders them into the body, outside any
 * provider a page could hold, so the page's own DOM is watched (class and style changes, additions).
 */
export function useDialogOpen(): boolean {
  const [open, setOpen] = useState(dialogOpen);
  useEffect(() => {
    const check = () => setOpen(dialogOpen());
    const observer = new MutationObserver(check);
    observer.observe(document.body, {
      subtree: true,
      childList: true,
      attributes: true,
      attributeFilter: ['class', 'style'],
    });
    check();
    return () => observer.disconnect();
  }, []);
  return open;
}
