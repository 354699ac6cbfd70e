import { useEffect, useState } from 'react';

/**
 * From this many rows a list is virtualised: only the rows in view are in the page (issue 14, a
 * ten-year history). Shorter lists stay whole, so screen readers read a native table and the
 * browser's find sees every row; every print view is built from the data, never from these lists.
 */
export const LONG_LIST = 50;

/**
 * The height of a virtualised list's scroll box: the window's height less what sits above and
 * below it (`reserve`), never under `min`. Follows the window as it is resized.
 */
export function useListHeight(reserve: number, min = 320): number {
  const measure = () => Math.max(min, window.innerHeight - reserve);
  const [height, setHeight] = useState(measure);
  useEffect(() => {
    const update = () => setHeight(Math.max(min, window.innerHeight - reserve));
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [reserve, min]);
  return height;
}
