/**
 * What this page is: the console's main window, the always-on-top strip the main process opens for
 * overdue clocks (#banner), or the wall display (#/wall), which has no log-in of its own.
 */
export type WindowKind = 'console' | 'banner' | 'wall';

export function windowKind(hash: string = window.location.hash): WindowKind {
  if (hash === '#banner') return 'banner';
  if (hash.startsWith('#/wall')) return 'wall';
  return 'console';
}
