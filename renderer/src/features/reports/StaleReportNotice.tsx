import { Alert, Button, Descriptions, Space } from 'antd';
import { useEffect, useRef } from 'react';
import type { Report, ReportVersion } from '../../../../shared/domain/report';
import { STALE_REPORT_MESSAGE } from '../../../../shared/ipc/channels/seats';
import { diffContent } from '../../../../shared/reports/prefill';
import { fmtDateTime } from '../../lib/format';

export { STALE_REPORT_MESSAGE };

/**
 * A draft save refused because another seat saved a newer draft first (issue 17): the newer draft
 * (which fields it changed from the draft this officer started from), above the officer's own
 * input, which the form keeps. The officer loads the newer draft, or keeps their input and saves
 * it over the newer draft knowingly.
 */
export function StaleReportNotice({
  latest,
  from,
  onReload,
  onKeepMine,
}: {
  latest: Report;
  /** The draft version this officer's input started from. */
  from: ReportVersion;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    top.current?.scrollIntoView({ block: 'start' });
  }, []);
  const newest = latest.versions.at(-1);
  if (!newest) return null;
  const plan = newest.content.kind === 'info-report' ? newest.content.data.plan : undefined;
  const changes = diffContent(from.content.data, newest.content.data, newest.content.kind, plan);
  return (
    <div ref={top}>
      <Alert
        type="warning"
        showIcon
        data-testid="stale-report"
        style={{ marginBottom: 16 }}
        title={STALE_REPORT_MESSAGE}
        description={
          <>
            <div style={{ marginBottom: 8 }}>
              最新为第{newest.version}稿（{fmtDateTime(newest.savedAt)}由{newest.savedBy}保存），与您开始填写时的第
              {from.version}稿相比改动如下；下方表单仍是您填写的内容，尚未保存。
            </div>
            <Descriptions size="small" column={1} bordered data-testid="stale-report-latest">
              {changes.length === 0 ? (
                <Descriptions.Item label="改动">（无字段改动）</Descriptions.Item>
              ) : (
                changes.map((c) => (
                  <Descriptions.Item key={c.path} label={c.label}>
                    {c.before || '（空）'} → {c.after || '（空）'}
                  </Descriptions.Item>
                ))
              )}
            </Descriptions>
            <Space style={{ marginTop: 8 }}>
              <Button size="small" onClick={onReload} data-testid="stale-report-reload">
                载入最新稿（放弃我的输入）
              </Button>
              <Button size="small" type="primary" ghost onClick={onKeepMine} data-testid="stale-report-keep">
                保留我的输入，在最新稿上保存
              </Button>
            </Space>
          </>
        }
      />
    </div>
  );
}
