/** Inputs shared by the report forms: ISO date-times, counts, and editable table rows. */
import { Button, Form, Input, InputNumber, Table } from 'antd';
import type { ReactNode } from 'react';
import { DateTimeField } from '../../components/DateTimeField';
import { fieldOf, instantOf } from '../../lib/beijing-fields';

/** A DatePicker over an ISO 8601 string, so the form's values keep the saved shape. */
export function IsoDateTime({
  value,
  onChange,
  id,
}: {
  value?: string;
  onChange?: (v: string | undefined) => void;
  id?: string;
}) {
  return (
    <DateTimeField
      id={id}
      value={value ? fieldOf(value) : null}
      onChange={(d) => onChange?.(d ? instantOf(d) : undefined)}
      style={{ width: '100%' }}
    />
  );
}

/** A cleared number input means "not given" (undefined), never null. */
export const noNull = (v: unknown) => (v === null ? undefined : v);

export function CountInput(props: { value?: number; onChange?: (v: number | null) => void; id?: string }) {
  return <InputNumber {...props} min={0} precision={0} style={{ width: '100%' }} />;
}

export interface TableColumn {
  key: string;
  title: string;
  width?: number;
  multiline?: boolean;
}

/**
 * Rows of a form table (放射源表, 射线装置表, 参加处置部门表) edited in place, with add and remove.
 * A new row starts with every column empty, so a saved version holds whole rows.
 */
export function RowsTable({
  name,
  columns,
  title,
  addLabel,
}: {
  name: string;
  columns: TableColumn[];
  title: ReactNode;
  addLabel: string;
}) {
  const empty = Object.fromEntries(columns.map((c) => [c.key, '']));
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <div data-testid={`rows-${name}`} style={{ marginBottom: 16 }}>
          <Table
            size="small"
            bordered
            pagination={false}
            title={() => title}
            rowKey="key"
            dataSource={rows}
            locale={{ emptyText: '无' }}
            columns={[
              { title: '序号', width: 52, align: 'center', render: (_: unknown, __: unknown, i: number) => i + 1 },
              ...columns.map((c) => ({
                title: c.title,
                width: c.width,
                render: (_: unknown, row: { name: number }) => (
                  <Form.Item name={[row.name, c.key]} style={{ margin: 0 }}>
                    {c.multiline ? (
                      <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} aria-label={c.title} />
                    ) : (
                      <Input aria-label={c.title} />
                    )}
                  </Form.Item>
                ),
              })),
              {
                title: '',
                width: 60,
                render: (_: unknown, row: { name: number }) => (
                  <Button
                    size="small"
                    type="link"
                    danger
                    aria-label="删除此行"
                    data-testid={`remove-${name}-${row.name}`}
                    onClick={() => remove(row.name)}
                  >
                    删除
                  </Button>
                ),
              },
            ]}
          />
          <Button size="small" style={{ marginTop: 6 }} onClick={() => add(empty)} data-testid={`add-${name}`}>
            ＋ {addLabel}
          </Button>
        </div>
      )}
    </Form.List>
  );
}
