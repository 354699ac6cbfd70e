/** Channels of the 响应措施、终止条件与预警 feature. Add a channel: its schema here and its result type below. */
export const responseChannels = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ResponseOutputs {}
