import { App, Button, List, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { PostResponseTaskView, ResponseView } from '../../../../shared/ipc/channels/response';
import { taskReminder, type TaskReminder } from '../../../../shared/response';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { useNow } from '../../hooks/useNow';
import { RecordModal, type RecordValues } from './RecordModal';
import { messageOf } from '../../../../shared/errors';

// Same colours as the clock badges: pending blue, due soon orange, overdue red, done green.
const REMINDER: Record<TaskReminder, { color: string; label: string }> = {
  open: { color: 'blue', label: '进行中' },
  dueSoon: { color: 'orange', label: '即将到期' },
  overdue: { color: 'red', label: '已超期' },
  done: { color: 'green', label: '已完成' },
  noDeadline: { color: 'default', label: '无规定期限' },
};

function span(ms: number): string {
  const m = Math.floor(Math.abs(ms) / 60_000);
  const d = Math.floor(m / 1440);
  const h = Math.floor((m % 1440) / 60);
  return d > 0 ? `${d}天${h}小时` : `${h}小时${m % 60}分`;
}

/** Post-response tasks (A 5, B 5, C 6) with their deadlines, reminders and completion. */
export function PostResponseTasks({ view, onChanged }: { view: ResponseView; onChanged: () => void }) {
  const { message } = App.useApp();
  const now = useNow();
  const [pending, setPending] = useState<{ kind: 'deadline' | 'done'; task: PostResponseTaskView } | null>(null);

  const submit = async (v: RecordValues) => {
    if (!pending) return;
    try {
      if (pending.kind === 'deadline') {
        await call('response:task-deadline', {
          incidentId: view.incidentId,
          taskId: pending.task.id,
          dueAt: v.at,
          givenBy: v.text,
        });
      } else {
        await call('response:task-done', {
          incidentId: view.incidentId,
          taskId: pending.task.id,
          at: v.at,
          note: v.text,
        });
      }
      setPending(null);
      onChanged();
    } catch (err) {
      message.error(messageOf(err));
    }
  };

  return (
    <>
      <List
        size="small"
        dataSource={view.tasks}
        locale={{ emptyText: '无善后任务' }}
        renderItem={(t) => {
          const r = taskReminder(t, new Date(now).toISOString(), t.doneAt);
          const left = t.dueAt ? Date.parse(t.dueAt) - now : 0;
          return (
            <List.Item
              data-testid="post-task"
              data-task-id={t.id}
              data-reminder={r}
              actions={
                t.doneAt
                  ? []
                  : [
                      <Button
                        key="d"
                        size="small"
                        onClick={() => setPending({ kind: 'deadline', task: t })}
                        data-testid="task-deadline"
                      >
                        {t.dueAt ? '改时限' : '设定时限'}
                      </Button>,
                      <Button
                        key="f"
                        size="small"
                        type="primary"
                        ghost
                        onClick={() => setPending({ kind: 'done', task: t })}
                        data-testid="task-done"
                      >
                        完成
                      </Button>,
                    ]
              }
            >
              <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                <Space wrap size={4}>
                  <Tag color={REMINDER[r].color}>
                    {REMINDER[r].label}
                    {t.dueAt && !t.doneAt ? ` ${left >= 0 ? '剩余' : '超期'}${span(left)}` : ''}
                  </Tag>
                  <Typography.Text strong>{t.title}</Typography.Text>
                  <Typography.Text type="secondary">责任单位：{t.unit}</Typography.Text>
                </Space>
                <Typography.Text style={{ fontSize: 12 }}>{t.quote}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  自 {fmtDateTime(t.startsAt)} 起；
                  {t.dueAt ? `时限 ${fmtDateTime(t.dueAt)}（${t.givenBy ?? '领导'}批示）` : t.deadlineNote}；
                  {t.citation}
                </Typography.Text>
                {t.doneAt && (
                  <Typography.Text type="success" style={{ fontSize: 12 }}>
                    {fmtDateTime(t.doneAt)} {t.doneBy} 办结{t.doneNote ? `：${t.doneNote}` : ''}
                  </Typography.Text>
                )}
              </Space>
            </List.Item>
          );
        }}
      />
      <RecordModal
        open={pending !== null}
        title={pending?.kind === 'deadline' ? '设定善后任务时限' : '善后任务完成'}
        subject={pending?.task.title}
        timeLabel={pending?.kind === 'deadline' ? '完成时限' : '完成时间'}
        textLabel={pending?.kind === 'deadline' ? '批示领导' : '备注'}
        textRequired={pending?.kind === 'deadline'}
        onCancel={() => setPending(null)}
        onSubmit={submit}
      />
    </>
  );
}
