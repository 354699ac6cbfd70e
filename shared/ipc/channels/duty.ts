/** Channels of the 值班表、值班日志、交接班、导出、备份与统计 feature. Add a channel: its schema here and its result type below. */
export const dutyChannels = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface DutyOutputs {}
