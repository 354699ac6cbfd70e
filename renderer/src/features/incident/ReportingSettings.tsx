import { App, Button, Checkbox, InputNumber, Space, Typography } from 'antd';
import { DateTimeField } from '../../components/DateTimeField';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import type { ChannelInput } from '../../../../shared/ipc/contract';
import { reportingOf } from '../../../../shared/incidents/reporting-view';
import { followUpCitation } from '../../../../shared/incidents/obligations';
import { planOf } from '../../../../shared/plans';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { Cite } from '../law/LawPanel';
import { iso } from './form-values';
import { messageOf } from '../../../../shared/errors';
import { nowField } from '../../lib/beijing-fields';

type Patch = Omit<ChannelInput<'incidents:set-reporting'>, 'id'>;

/**
 * The incident's own reporting requirements (issue 12): the 续报 reminder interval the leader
 * sets, 发生时间 不详（以发现时间计）, and, for radiation accidents, when handling ended (the
 * 终结报告 is then owed 即时). Each change is saved at once and written to the timeline.
 */
export function ReportingSettings({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (d: IncidentDetail) => void;
}) {
  const { message } = App.useApp();
  const current = reportingOf(incident.timeline);
  const [minutes, setMinutes] = useState<number | null>(current.followUpMinutes ?? 60);
  const [ended, setEnded] = useState<Dayjs | null>(null);
  const [busy, setBusy] = useState(false);
  const archived = incident.status === '已归档';

  const save = async (patch: Patch) => {
    setBusy(true);
    try {
      onChanged(await call('incidents:set-reporting', { id: incident.id, ...patch }));
    } catch (err) {
      message.error(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space orientation="vertical" size={4} style={{ marginBottom: 8 }} data-testid="reporting-settings">
      <Space wrap size={6}>
        <Typography.Text>续报提醒：</Typography.Text>
        <Typography.Text data-testid="follow-up-current">
          {current.followUpMinutes ? `每${current.followUpMinutes}分钟` : '未设定'}
        </Typography.Text>
        <InputNumber
          min={1}
          max={10080}
          precision={0}
          value={minutes}
          onChange={(v) => setMinutes(v)}
          style={{ width: 100 }}
          disabled={archived}
          data-testid="follow-up-minutes"
          aria-label="续报提醒间隔（分钟）"
        />
        <Typography.Text>分钟</Typography.Text>
        <Button
          size="small"
          disabled={archived || busy || !minutes}
          onClick={() => void save({ followUpMinutes: minutes })}
          data-testid="follow-up-set"
        >
          按带班领导要求设定
        </Button>
        {current.followUpMinutes !== null && (
          <Button
            size="small"
            disabled={archived || busy}
            onClick={() => void save({ followUpMinutes: null })}
            data-testid="follow-up-clear"
          >
            取消提醒
          </Button>
        )}
        <Typography.Text type="secondary">
          <Cite text={followUpCitation(planOf(incident.category))} />
        </Typography.Text>
      </Space>
      <Space wrap size={6}>
        <Checkbox
          checked={current.occurredUnknown}
          disabled={archived || busy}
          onChange={(e) => void save({ occurredUnknown: e.target.checked })}
          data-testid="occurred-unknown"
        >
          发生时间不详（以发现时间计）
        </Checkbox>
        {incident.category === 'radiation' && (
          <>
            <Typography.Text>事故处理完毕：</Typography.Text>
            {current.handlingEndedAt ? (
              <>
                <Typography.Text data-testid="handling-ended-current">
                  {fmtDateTime(current.handlingEndedAt)}
                </Typography.Text>
                <Button size="small" disabled={archived || busy} onClick={() => void save({ handlingEndedAt: null })}>
                  撤销
                </Button>
              </>
            ) : (
              <>
                <DateTimeField
                  value={ended}
                  onChange={setEnded}
                  disabledDate={(d) => d.isAfter(nowField(), 'day')}
                  disabled={archived}
                  data-testid="handling-ended-at"
                />
                <Button
                  size="small"
                  disabled={archived || busy || !ended}
                  onClick={() => void save({ handlingEndedAt: iso(ended) ?? null })}
                  data-testid="handling-ended-set"
                >
                  记录
                </Button>
              </>
            )}
            <Typography.Text type="secondary">
              <Cite text="依据《朔州市辐射事故应急预案》4.1.2：终结报告在事故处理完毕后即时上报" />
            </Typography.Text>
          </>
        )}
      </Space>
    </Space>
  );
}
