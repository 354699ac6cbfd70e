/** Channels of the 报告链（初报、续报、终报） feature. Add a channel: its schema here and its result type below. */
export const reportChannels = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ReportOutputs {}
