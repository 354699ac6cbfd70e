import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { HolidayNoticeView } from '../../../../shared/ipc/channels/holidays';
import { FESTIVALS, statutoryPeriods } from '../../../../shared/schedule/holiday-notice';
import { packagedPeriods } from '../../../../shared/schedule/index';
import type { Festival, HolidayPeriod } from '../../../../shared/schedule/holiday-notice';
import { call } from '../../api/api';
import { dayjs, fmtDateTime } from '../../lib/format';
import { errorText } from '../../lib/errors';

const DATE = 'YYYY-MM-DD';

interface PeriodValues {
  festival: Festival;
  from: Dayjs | null;
  to: Dayjs | null;
  workdays: string[];
}

interface NoticeValues {
  year: number;
  title: string;
  docNo: string;
  periods: PeriodValues[];
}

const titleOf = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

/** A year not entered starts from what the schedule already marks: the packaged notice, else the statutory days. */
const toValues = (year: number, n: HolidayNoticeView | undefined): NoticeValues => {
  const periods: HolidayPeriod[] = n?.periods ?? packagedPeriods(year) ?? statutoryPeriods(year);
  return {
    year,
    title: n?.title ?? titleOf(year),
    docNo: n?.docNo ?? '',
    periods: periods.map((p) => ({ festival: p.festival, from: dayjs(p.from), to: dayjs(p.to), workdays: p.workdays })),
  };
};

/** A date typed with the keyboard (20270205 → 2027-02-05), counting as soon as it is whole. */
function DateInput(props: { value?: Dayjs | null; onChange?: (v: Dayjs | null) => void; 'aria-label': string }) {
  return (
    <DatePicker
      format={{ format: DATE, type: 'mask' }}
      needConfirm={false}
      style={{ width: 130 }}
      {...props}
      onChange={(v: Dayjs | null) => props.onChange?.(v)}
    />
  );
}

/**
 * 节假日安排: the administrator (or 带班领导) enters the State Council's notice for a year — each
 * festival's days off and its 调休 workdays — where the packaged data lacks the year or is wrong.
 * A year without an entry opens with the packaged arrangement the schedule already marks, or, for a
 * year the package lacks, its statutory days (放假办法 第二条) filled in.
 */
export function HolidayNoticeDialog({ year, open, onClose }: { year: number; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<NoticeValues>();
  const [notices, setNotices] = useState<HolidayNoticeView[] | null>(null);
  const [shown, setShown] = useState(year);
  const [problem, setProblem] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);

  // Mounted for one opening (the page renders it only while open): the year starts as the page's.
  useEffect(() => {
    call('holidays:list', {}).then(setNotices, (err: unknown) => setProblem(errorText(err)));
  }, []);

  const entered = notices?.find((n) => n.year === shown);
  useEffect(() => {
    if (open && notices)
      form.setFieldsValue(
        toValues(
          shown,
          notices.find((n) => n.year === shown),
        ),
      );
  }, [open, notices, shown, form]);

  const save = async () => {
    setProblem(null);
    let v: NoticeValues;
    try {
      v = await form.validateFields();
    } catch {
      return; // The fields show their own messages.
    }
    setSaving(true);
    try {
      const saved = await call('holidays:save', {
        year: v.year,
        title: v.title,
        docNo: v.docNo,
        periods: v.periods.map((p) => ({
          festival: p.festival,
          from: p.from?.format(DATE) ?? '',
          to: p.to?.format(DATE) ?? '',
          workdays: p.workdays,
        })),
      });
      message.success(`${saved.year}年节假日安排已保存，值班表${saved.shiftsUpdated}个班次的类别已更新`);
      onClose();
    } catch (err) {
      setProblem(errorText(err));
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    setProblem(null);
    try {
      const r = await call('holidays:delete', { year: shown, reason });
      message.success(`已删除${r.year}年录入的节假日安排`);
      onClose();
    } catch (err) {
      setProblem(errorText(err));
    }
  };

  return (
    <Modal
      title="节假日安排（国务院办公厅通知）"
      open={open}
      onCancel={onClose}
      onOk={() => void save()}
      okText="保存"
      okButtonProps={{ loading: saving, 'data-testid': 'holiday-save' }}
      width={860}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" data-testid="holiday-form" initialValues={toValues(year, undefined)}>
        <Typography.Paragraph type="secondary">
          按国务院办公厅当年发布的《关于××××年部分节假日安排的通知》逐项录入放假日期与调休上班日。录入后本年以此为准（优先于随软件提供的数据），值班表中本年已排班次的类别随之更新；轮班人员不变，如需重新轮换请重新生成值班表。法定假日（《全国年节及纪念日放假办法》第二条）须在放假日期之内（国庆节、中秋节同在十月初时可录为一段）。
        </Typography.Paragraph>
        <Space wrap align="start">
          <Form.Item name="year" label="年份" rules={[{ required: true, message: '请填写年份' }]}>
            <InputNumber
              min={2000}
              max={2100}
              precision={0}
              onChange={(y) => {
                if (typeof y === 'number' && y >= 2000 && y <= 2100) setShown(y);
              }}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label="通知标题"
            rules={[{ required: true, whitespace: true, message: '请填写通知标题' }]}
            style={{ width: 420 }}
          >
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="docNo" label="文号" style={{ width: 220 }}>
            <Input maxLength={50} placeholder="如 国办发明电〔2026〕7号" />
          </Form.Item>
        </Space>
        <Typography.Paragraph data-testid="holiday-entered">
          {entered
            ? `${entered.year}年已录入：${entered.enteredBy}于${fmtDateTime(entered.enteredAt)}录入${entered.packaged ? '（更正随软件提供的数据）' : ''}`
            : packagedPeriods(shown)
              ? `${shown}年尚未录入，以下为随软件提供的${shown}年安排（放假与调休上班），请对照通知核对；保存后本年以录入为准。`
              : `${shown}年尚未录入，以下按《全国年节及纪念日放假办法》预填法定假日，请按通知补全放假与调休。`}
        </Typography.Paragraph>
        <Form.List name="periods">
          {(fields, { add, remove: drop }) => (
            <div role="group" aria-label="放假安排" style={{ marginTop: 12 }}>
              {fields.map(({ key, name }) => (
                <Space key={key} align="start" wrap data-testid="holiday-period">
                  <Form.Item name={[name, 'festival']} rules={[{ required: true, message: '请选择节日' }]}>
                    <Select
                      aria-label="节日"
                      style={{ width: 100 }}
                      options={FESTIVALS.map((f) => ({ value: f, label: f }))}
                    />
                  </Form.Item>
                  <Form.Item name={[name, 'from']} rules={[{ required: true, message: '请填写放假起始日期' }]}>
                    <DateInput aria-label="放假起始日期" />
                  </Form.Item>
                  <span style={{ lineHeight: '32px' }}>至</span>
                  <Form.Item name={[name, 'to']} rules={[{ required: true, message: '请填写放假结束日期' }]}>
                    <DateInput aria-label="放假结束日期" />
                  </Form.Item>
                  <Form.Item name={[name, 'workdays']}>
                    <Select
                      mode="tags"
                      aria-label="调休上班日期"
                      tokenSeparators={[',', '，', '、', ' ']}
                      placeholder="调休上班日期，如 2027-02-20，回车分隔"
                      open={false}
                      style={{ width: 300 }}
                    />
                  </Form.Item>
                  <Button onClick={() => drop(name)}>删除此节日</Button>
                </Space>
              ))}
              <Button onClick={() => add({ festival: undefined, from: null, to: null, workdays: [] })}>添加节日</Button>
            </div>
          )}
        </Form.List>
      </Form>
      {problem && <Alert type="error" showIcon data-testid="holiday-error" title={problem} style={{ marginTop: 12 }} />}
      {entered && (
        <Space style={{ marginTop: 12 }} wrap>
          <Input
            aria-label="删除原因"
            placeholder="删除原因（删除后本年改用随软件提供的数据或法定假日）"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            style={{ width: 420 }}
          />
          <Button danger onClick={() => void remove()} data-testid="holiday-delete">
            删除本年录入
          </Button>
        </Space>
      )}
      <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
        已录入：{notices && notices.length > 0 ? notices.map((n) => `${n.year}年`).join('、') : '无'}
      </Typography.Paragraph>
    </Modal>
  );
}
