/** Channels of the 通讯录与呼叫清单 feature. Add a channel: its schema here and its result type below. */
export const rosterChannels = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RosterOutputs {}
