/**
 * The console's pages, in menu order. Add a page: a component under features/<feature>/ and one
 * entry here.
 */
import type { ReactNode } from 'react';

export interface PageDef {
  key: string;
  label: string;
  render: (nav: { openIncident: (id: number) => void }) => ReactNode;
}

export const EXTRA_PAGES: PageDef[] = [];
