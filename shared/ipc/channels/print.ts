/** Channels of the 打印与PDF feature. Add a channel: its schema here and its result type below. */
export const printChannels = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PrintOutputs {}
