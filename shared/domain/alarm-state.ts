/** What the renderer is told after every alarm evaluation: enough to draw the banner and play the sound. */
export interface AlarmState {
  status: {
    running: boolean;
    activeKeys: string[];
    overdueKeys: string[];
    soundOn: boolean;
    flashing: boolean;
    bannerShown: boolean;
    nextWakeAt: string | null;
    lastEvaluatedAt: string | null;
  };
  overdue: { key: string; title: string; incidentTitle: string; dueAt: string; citation: string }[];
  lastAlarm: { title: string; body: string; kind: 'due_soon' | 'due' | 'overdue_repeat'; at: string } | null;
}
