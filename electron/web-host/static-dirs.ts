/** Static folders the web host serves besides the renderer (none today: fonts ship inside the build). */
export const staticDirs = (): Record<string, string> => ({});
