import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Drawer,
  Form,
  Input,
  List,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { useRef, useState } from 'react';
import type { HTMLAttributes } from 'react';
import type { ScheduleMonth } from '../../../../shared/ipc/channels/duty';
import { TABLE_EXPORT_FORMATS } from '../../../../shared/ipc/channels/duty';
import type { ShiftAssignment } from '../../../../shared/schedule/index';
import { dutyDayOf } from '../../../../shared/schedule/index';
import { WEEKDAY_LABELS, weekdayOf } from '../../../../shared/time';
import { call } from '../../api/api';
import { dayjs, fmtDateTime, fmtTime } from '../../lib/format';
import { useLoad } from '../../hooks/useApi';
import { useSettings } from '../../hooks/useSettings';
import { ExportButtons } from '../duty-log/ExportButtons';
import { applyFrameStyles, srcDocUnderCsp } from '../../lib/csp';
import { HolidayNoticeDialog } from './HolidayNoticeDialog';
import { monthSheetHtml } from './month-sheet';
import { errorText } from '../../lib/errors';

const KIND_COLOR: Record<string, string> = { 法定节假日: 'red', 调休上班: 'orange', 周末: 'blue', 工作日: 'default' };

type Change = { mode: '替班' | '换班'; shift: ShiftAssignment };

/** 值班表: plan a month (holidays and 调休 marked), record 替班/换班 with reasons, print the sheet. */
interface GenerateValues {
  leaders: string[];
  officers: string[];
  holidayLeaders?: string[];
  reason?: string;
  fromMonthStart?: boolean;
}

interface ChangeValues {
  field: 'leader' | 'officer';
  newPerson?: string;
  /** The other shift of an exchange, as `date#shift`. */
  with?: string;
  reason: string;
}

export function SchedulePage() {
  const { message, modal } = App.useApp();
  const settings = useSettings();
  // Today's duty day (before the shift start it is still yesterday's), highlighted in the table.
  const today = dutyDayOf(new Date().toISOString(), { startTime: settings.shiftStart, hours: settings.shiftHours });
  // The page opens on the month of today's duty: at 01:00 on the 1st that is still the month before.
  const [month, setMonth] = useState(() => today.slice(0, 7));
  const { data, error } = useLoad(() => call('schedule:get', { month }), [month]);
  const current = useLoad(() => call('schedule:now', {}), []);
  const [generating, setGenerating] = useState(false);
  const [change, setChange] = useState<Change | null>(null);
  const [printing, setPrinting] = useState(false);
  const [editingHolidays, setEditingHolidays] = useState(false);
  const [genForm] = Form.useForm<GenerateValues>();
  const [changeForm] = Form.useForm<ChangeValues>();
  const frame = useRef<HTMLIFrameElement>(null);

  const generate = async () => {
    try {
      const v = await genForm.validateFields();
      await call('schedule:generate', {
        month,
        ...v,
        replace: !!data?.plan,
        reason: v.reason ?? '',
        fromMonthStart: !!v.fromMonthStart,
      });
      setGenerating(false);
      message.success('值班表已生成');
    } catch (err) {
      // A form that does not validate shows its own field messages.
      if (err instanceof Error) message.error(err.message);
    }
  };

  const saveChange = async () => {
    if (!change) return;
    try {
      const v = await changeForm.validateFields();
      if (change.mode === '替班') {
        await call('schedule:swap', {
          date: change.shift.date,
          shift: change.shift.shift,
          field: v.field,
          newPerson: v.newPerson ?? '',
          reason: v.reason,
        });
      } else {
        const [withDate, withShift] = (v.with ?? '').split('#');
        await call('schedule:exchange', {
          date: change.shift.date,
          shift: change.shift.shift,
          withDate: withDate ?? '',
          withShift: Number(withShift ?? 0),
          field: v.field,
          reason: v.reason,
        });
      }
      setChange(null);
    } catch (err) {
      if (err instanceof Error) message.error(err.message);
    }
  };

  const adoptNow = async (s: ShiftAssignment) => {
    try {
      await call('duty:set', { leader: s.leader, officer: s.officer });
      message.success(`已登记当前值班：带班领导${s.leader}，值班员${s.officer}`);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  // Esc, the close button or the mask must not throw typed names away without asking.
  const closeAsking = (form: FormInstance, close: () => void) => {
    if (!form.isFieldsTouched()) {
      close();
      return;
    }
    modal.confirm({
      title: '放弃已填写的内容？',
      content: '关闭后，本次填写的姓名和原因不会保存。',
      okText: '放弃',
      cancelText: '继续填写',
      okButtonProps: { danger: true },
      onOk: close,
    });
  };

  if (error) return <Alert type="error" title={error.message} />;
  const now = current.data?.now ?? null;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space wrap>
        <Typography.Title level={4} style={{ margin: 0 }}>
          值班表
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          data-testid="schedule-month"
        />
        <Button type="primary" onClick={() => setGenerating(true)} data-testid="schedule-generate">
          {data?.plan ? '重新生成' : '生成本月值班表'}
        </Button>
        {data && data.shifts.length > 0 && <Button onClick={() => setPrinting(true)}>打印值班表</Button>}
      </Space>
      <Card size="small" title="当前班次（按值班表）" data-testid="schedule-now">
        {now ? (
          <Space wrap>
            <span>
              {fmtDateTime(now.start)} 至 {fmtDateTime(now.end)}：带班领导 <b>{now.leader}</b>，值班员{' '}
              <b>{now.officer}</b>
            </span>
            <Button size="small" onClick={() => void adoptNow(now)}>
              按值班表登记当前值班
            </Button>
          </Space>
        ) : (
          <Typography.Text type="secondary">值班表中没有当前班次</Typography.Text>
        )}
      </Card>
      {data?.holidayNotice && <Alert type="warning" data-testid="holiday-notice" title={data.holidayNotice} />}
      {data && (
        <Typography.Text data-testid="holiday-source">
          {data.holidaySource}
          <Button type="link" size="small" onClick={() => setEditingHolidays(true)} data-testid="holiday-edit">
            录入或更正节假日安排
          </Button>
        </Typography.Text>
      )}
      {editingHolidays && (
        <HolidayNoticeDialog year={Number(month.slice(0, 4))} open onClose={() => setEditingHolidays(false)} />
      )}
      {data && data.shifts.length > 0 && (
        <ExportButtons
          formats={TABLE_EXPORT_FORMATS}
          rows={data.shifts.length}
          testId="schedule-export"
          run={(format) => call('schedule:export', { month, format })}
        />
      )}
      <Table
        size="small"
        rowKey={(s) => `${s.date}#${s.shift}`}
        loading={!data}
        dataSource={data?.shifts ?? []}
        pagination={false}
        locale={{ emptyText: '本月尚未生成值班表' }}
        data-testid="schedule-table"
        // Today's row stands out by weight, a border and the word 今天, not by colour alone.
        onRow={(s) =>
          s.date === today
            ? ({
                'data-today': 'true',
                style: { background: '#e6f4ff', fontWeight: 600, outline: '2px solid #0958d9', outlineOffset: -2 },
              } as HTMLAttributes<HTMLElement>) // antd's onRow type has no data-* keys; the row renders them as attributes
            : {}
        }
        columns={[
          {
            title: '日期',
            dataIndex: 'date',
            width: 110,
            render: (d: string) => (
              <>
                {`${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`}
                {d === today && <b>（今天）</b>}
              </>
            ),
          },
          { title: '星期', dataIndex: 'date', width: 70, render: (d: string) => WEEKDAY_LABELS[weekdayOf(d)] },
          {
            title: '类别',
            dataIndex: 'dayKind',
            width: 160,
            render: (k: string, s: ShiftAssignment) => (
              <Tag color={KIND_COLOR[k]}>{s.holidayName ? `${k}（${s.holidayName}）` : k}</Tag>
            ),
          },
          {
            title: '值班时间',
            width: 130,
            render: (_: unknown, s: ShiftAssignment) =>
              `${fmtTime(s.start)}—${s.end.slice(0, 10) === s.date ? '' : '次日'}${fmtTime(s.end)}`,
          },
          { title: '带班领导', dataIndex: 'leader', width: 100 },
          { title: '值班员', dataIndex: 'officer', width: 100 },
          {
            title: '调整记录',
            render: (_: unknown, s: ShiftAssignment) =>
              s.overrides.map((o, i) => (
                <div key={i}>
                  {o.kind}：{o.field === 'leader' ? '带班领导' : '值班员'} {o.from} → {o.to}（{o.reason}）
                </div>
              )),
          },
          {
            title: '操作',
            width: 120,
            render: (_: unknown, s: ShiftAssignment) => (
              <Space>
                <Button
                  type="link"
                  size="small"
                  autoInsertSpace={false}
                  onClick={() => {
                    changeForm.resetFields();
                    setChange({ mode: '替班', shift: s });
                  }}
                >
                  替班
                </Button>
                <Button
                  type="link"
                  size="small"
                  autoInsertSpace={false}
                  onClick={() => {
                    changeForm.resetFields();
                    setChange({ mode: '换班', shift: s });
                  }}
                >
                  换班
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {data && data.changes.length > 0 && (
        <Card size="small" title="调整记录">
          <List
            size="small"
            dataSource={data.changes}
            renderItem={(c) => (
              <List.Item>
                {fmtDateTime(c.at)} {c.officer}：{c.text}
                {c.reason ? `（原因：${c.reason}）` : ''}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Modal
        title={data?.plan ? '重新生成值班表' : '生成值班表'}
        open={generating}
        onOk={() => void generate()}
        onCancel={() => closeAsking(genForm, () => setGenerating(false))}
        okText="生成"
        destroyOnHidden
      >
        <GenerateForm
          form={genForm}
          month={data}
          today={today.startsWith(month) ? today : null}
          replace={!!data?.plan}
          shift={`${settings.shiftStart} 起，每班 ${settings.shiftHours} 小时`}
        />
      </Modal>
      <Modal
        title={change ? `${change.mode}：${change.shift.date}` : ''}
        open={!!change}
        onOk={() => void saveChange()}
        onCancel={() => closeAsking(changeForm, () => setChange(null))}
        okText="保存"
        destroyOnHidden
      >
        <Form form={changeForm} layout="vertical" initialValues={{ field: 'officer' }} preserve={false}>
          <Form.Item name="field" label="调整岗位">
            <Radio.Group
              options={[
                { value: 'leader', label: '带班领导' },
                { value: 'officer', label: '值班员' },
              ]}
            />
          </Form.Item>
          {change?.mode === '替班' ? (
            <Form.Item name="newPerson" label="替班人员" rules={[{ required: true, message: '请填写替班人员' }]}>
              <Input />
            </Form.Item>
          ) : (
            <Form.Item name="with" label="与哪一班交换" rules={[{ required: true, message: '请选择交换的班次' }]}>
              <Select
                showSearch
                options={(data?.shifts ?? [])
                  .filter((s) => !(s.date === change?.shift.date && s.shift === change.shift.shift))
                  .map((s) => ({ value: `${s.date}#${s.shift}`, label: `${s.date} 带班${s.leader} 值班${s.officer}` }))}
              />
            </Form.Item>
          )}
          <Form.Item name="reason" label="原因" rules={[{ required: true, message: '调整值班须注明原因' }]}>
            <Input />
          </Form.Item>
        </Form>
      </Modal>
      <Drawer title="打印值班表" size="large" open={printing} onClose={() => setPrinting(false)} destroyOnHidden>
        {data && (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <Button onClick={() => frame.current?.contentWindow?.print()}>打印</Button>
            <iframe
              ref={frame}
              title="值班表"
              srcDoc={srcDocUnderCsp(monthSheetHtml(data, settings.stationName))}
              onLoad={(e) => applyFrameStyles(e.currentTarget)}
              sandbox="allow-same-origin allow-modals"
              style={{ width: '100%', height: 760, border: '1px solid #d9d9d9' }}
            />
          </Space>
        )}
      </Drawer>
    </Space>
  );
}

function GenerateForm({
  form,
  month,
  today,
  replace,
  shift,
}: {
  form: FormInstance<GenerateValues>;
  month: ScheduleMonth | undefined;
  /** Today's duty day when the month shown is the current one. */
  today: string | null;
  replace: boolean;
  shift: string;
}) {
  const tags = (label: string) => (
    <Select
      mode="tags"
      tokenSeparators={[',', '，', '、', ' ']}
      placeholder={`输入${label}姓名，回车分隔`}
      open={false}
    />
  );
  return (
    <Form
      form={form}
      layout="vertical"
      preserve={false}
      initialValues={{
        leaders: month?.plan?.leaders ?? [],
        officers: month?.plan?.officers ?? [],
        holidayLeaders: month?.plan?.holidayLeaders ?? [],
      }}
    >
      <Typography.Paragraph type="secondary">
        班次：{shift}
        （在“设置”中修改）。法定节假日与调休上班按国务院办公厅节假日安排标注；轮班时节假日班次在人员之间均衡分配，并避免连班。
      </Typography.Paragraph>
      <Form.Item
        name="leaders"
        label="带班领导"
        rules={[{ required: true, type: 'array', min: 1, message: '至少需要一名带班领导' }]}
      >
        {tags('带班领导')}
      </Form.Item>
      <Form.Item
        name="officers"
        label="值班员"
        rules={[{ required: true, type: 'array', min: 1, message: '至少需要一名值班员' }]}
      >
        {tags('值班员')}
      </Form.Item>
      <Form.Item name="holidayLeaders" label="节假日带班领导（可选）">
        {tags('节假日带班领导')}
      </Form.Item>
      {today && (
        <Form.Item
          name="fromMonthStart"
          valuePropName="checked"
          extra={`不勾选时从今天（${Number(today.slice(5, 7))}月${Number(today.slice(8, 10))}日）起排班。`}
        >
          <Checkbox data-testid="schedule-from-month-start">从月初开始排班（包括今天以前的日期）</Checkbox>
        </Form.Item>
      )}
      {replace && (
        <Form.Item
          name="reason"
          label="重新生成原因"
          rules={[{ required: true, message: '重新生成须注明原因' }]}
          extra="已经开始的班次保持不变。"
        >
          <Input />
        </Form.Item>
      )}
    </Form>
  );
}
