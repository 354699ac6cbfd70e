import { App, Button, Card, DatePicker, Input, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { AUDIT_KIND_LABELS, AUDIT_KINDS } from '../../../../shared/ipc/channels/accounts';
import type { AuditEvent, AuditKind } from '../../../../shared/ipc/channels/accounts';
import { call } from '../../api/api';
import { fmtDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';
import { instantOf } from '../../lib/beijing-fields';

interface Filter {
  kind?: AuditKind;
  name?: string;
  from?: string;
  to?: string;
}

/** The administrator's audit record (GB/T 22239-2019 8.1.4.3): every log-in, failure, lock, refusal and export. */
/** `refreshKey`: changed by the page after an act the audit records, to read the list again. */
export function AuditPanel({ refreshKey = 0 }: { refreshKey?: number }) {
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({});
  const [rows, setRows] = useState<AuditEvent[]>([]);
  const load = useCallback(
    (f: Filter) =>
      call('audit:list', { ...f, limit: 500 }).then(setRows, (err: unknown) => message.error(errorText(err))),
    [message],
  );
  useEffect(() => {
    void load(filter);
  }, [filter, load, refreshKey]);

  const exportCsv = async () => {
    try {
      const f = await call('audit:export', filter);
      const url = URL.createObjectURL(new Blob([f.content], { type: f.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = f.fileName;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      void load(filter);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <Card
      title="安全审计记录"
      data-testid="audit-panel"
      extra={
        <Button onClick={() => void exportCsv()} data-testid="audit-export">
          导出 CSV
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <Select<AuditKind>
          allowClear
          placeholder="事件类型"
          aria-label="事件类型"
          style={{ width: 160 }}
          value={filter.kind}
          options={AUDIT_KINDS.map((k) => ({ value: k, label: AUDIT_KIND_LABELS[k] }))}
          onChange={(kind) => setFilter((f) => ({ ...f, kind }))}
          data-testid="audit-kind"
        />
        <Input.Search
          allowClear
          placeholder="姓名"
          style={{ width: 160 }}
          onSearch={(name) => setFilter((f) => ({ ...f, name: name || undefined }))}
          data-testid="audit-name"
        />
        <DatePicker.RangePicker
          showTime
          onChange={(v: [Dayjs | null, Dayjs | null] | null) =>
            setFilter((f) => ({
              ...f,
              from: v?.[0] ? instantOf(v[0]) : undefined,
              to: v?.[1] ? instantOf(v[1]) : undefined,
            }))
          }
        />
      </Space>
      <Table<AuditEvent>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 50 }}
        data-testid="audit-table"
        columns={[
          { title: '时间', dataIndex: 'at', render: (v: string) => fmtDateTime(v), width: 170 },
          { title: '事件', dataIndex: 'kind', render: (k: AuditKind) => AUDIT_KIND_LABELS[k], width: 130 },
          { title: '姓名', dataIndex: 'name', width: 120 },
          { title: '详情', dataIndex: 'detail' },
        ]}
      />
    </Card>
  );
}
