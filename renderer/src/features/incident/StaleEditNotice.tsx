import { Alert, Button, Descriptions, Space } from 'antd';
import { useEffect, useRef } from 'react';
import { FACT_FIELDS, FORM_FACT_FIELDS } from '../../../../shared/rules';
import { planOf } from '../../../../shared/plans';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { STALE_EDIT_MESSAGE } from '../../../../shared/ipc/channels/seats';
import { fmtDateTime } from '../../lib/format';

export { STALE_EDIT_MESSAGE };

const shown = (v: unknown): string => {
  if (v === null || v === undefined || v === '') return '（空）';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v)) return fmtDateTime(v);
  return typeof v === 'number' ? String(v) : typeof v === 'string' ? v : JSON.stringify(v);
};

/**
 * A save refused because another seat changed the incident first (issue 17): the stored version,
 * above the officer's own input, which the form keeps. The officer reloads it into the form, or
 * keeps their input and saves it over the newer version knowingly.
 */
export function StaleEditNotice({
  latest,
  onReload,
  onKeepMine,
}: {
  latest: IncidentDetail;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const top = useRef<HTMLDivElement>(null);
  // The officer was at the dialog's save button, at its foot: bring the refusal and the newer version into view.
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' });
  }, []);
  const plan = planOf(latest.category);
  const labels = new Map((plan ? [...FACT_FIELDS[plan], ...FORM_FACT_FIELDS[plan]] : []).map((f) => [f.key, f.label]));
  const lastEdit = [...latest.timeline].reverse().find((e) => e.kind === 'update' || e.kind === 'level');
  const facts = Object.entries(latest.facts).map(([k, v]) => `${labels.get(k) ?? k}：${shown(v)}`);
  return (
    <div ref={top}>
      <Alert
        type="warning"
        showIcon
        data-testid="stale-edit"
        style={{ marginBottom: 16 }}
        title={STALE_EDIT_MESSAGE}
        description={
          <>
            <div style={{ marginBottom: 8 }}>
              最新内容如下（第{latest.version ?? 1}版，{fmtDateTime(latest.updatedAt)}
              {lastEdit ? `由${lastEdit.seatName ? `${lastEdit.seatName} ` : ''}${lastEdit.officer}修改` : '修改'}
              ）；下方表单仍是您填写的内容，尚未保存。
            </div>
            <Descriptions size="small" column={2} bordered data-testid="stale-edit-latest">
              <Descriptions.Item label="发生时间">{shown(latest.occurredAt)}</Descriptions.Item>
              <Descriptions.Item label="发现时间">{shown(latest.discoveredAt)}</Descriptions.Item>
              <Descriptions.Item label="接报时间">{shown(latest.receivedAt)}</Descriptions.Item>
              <Descriptions.Item label="人工定级">{shown(latest.levelOverride)}</Descriptions.Item>
              <Descriptions.Item label="人工响应级别">{shown(latest.responseOverride)}</Descriptions.Item>
              <Descriptions.Item label="事件级别">{latest.grading.level ?? '未定级'}</Descriptions.Item>
              <Descriptions.Item label="事件要素" span={2}>
                {facts.length ? facts.join('；') : '（无）'}
              </Descriptions.Item>
            </Descriptions>
            <Space style={{ marginTop: 8 }}>
              <Button size="small" onClick={onReload} data-testid="stale-edit-reload">
                载入最新内容（放弃我的输入）
              </Button>
              <Button size="small" type="primary" ghost onClick={onKeepMine} data-testid="stale-edit-keep">
                保留我的输入，在最新内容上保存
              </Button>
            </Space>
          </>
        }
      />
    </div>
  );
}
