import { resolve } from 'node:path';

/** Static folders the web host serves besides the renderer: the bundled fonts for printed forms. */
export const staticDirs = (): Record<string, string> => ({
  '/fonts/noto-serif-sc/': resolve('node_modules/@fontsource/noto-serif-sc/files'),
});
