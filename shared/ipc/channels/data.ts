/** Channels of exports, backup and restore, full JSON export/import, and statistics. */
export const dataChannels = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DataOutputs {}
