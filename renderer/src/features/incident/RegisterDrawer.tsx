import { Alert, App, AutoComplete, Button, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import { checkedBy } from '../../lib/form-values';
import { phoneTextProblem } from '../../../../shared/rosters/phone';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CATEGORIES, LEVELS, PLACES, RECEIVE_CHANNELS } from '../../../../shared/domain/incident';
import type { Category, IncidentLevel, ReceiveChannel } from '../../../../shared/domain/incident';
import { ApiError, call } from '../../api/api';
import { DateTimeField } from '../../components/DateTimeField';
import { FactsFields } from './FactsFields';
import { cleanFacts, iso } from './form-values';
import { GradePreview } from './GradePreview';
import { recentValues, rememberValues } from './recent-values';
import { messageOf } from '../../../../shared/errors';
import { nowField } from '../../lib/beijing-fields';

interface RegisterValues {
  category: Category;
  title: string;
  places: string[];
  occurredAt: Dayjs;
  discoveredAt?: Dayjs | null;
  receivedAt: Dayjs;
  reporterUnit?: string;
  reporterName?: string;
  reporterPhone?: string;
  receiveChannel: ReceiveChannel;
  narrative?: string;
  facts?: Record<string, unknown>;
  drill?: boolean;
  levelOverride?: IncidentLevel | null;
}

/** Field labels for the error summary beside the button, in the order the form shows them. */
const LABELS: Readonly<Record<string, string>> = {
  category: '预案 / 类别',
  title: '事件标题',
  places: '地点',
  occurredAt: '发生时间',
  discoveredAt: '发现时间',
  receivedAt: '接报时间',
  reporterUnit: '报告单位',
  reporterName: '报告人',
  reporterPhone: '联系电话',
  receiveChannel: '接报方式',
  narrative: '事件简要情况',
  facts: '事件要素',
  levelOverride: '人工定级',
};

/**
 * 接报登记: everything the duty room writes down when a report comes in. Laid out in the order a
 * phone report is taken, every field reachable by Tab; Enter in a one-line field (or Ctrl+Enter
 * anywhere) registers; a refused submit scrolls to the first problem and lists them by the button.
 */
export function RegisterDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (id: number) => void;
}) {
  const [form] = Form.useForm<RegisterValues>();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [placesOpen, setPlacesOpen] = useState(false);
  // Widened: the watch reads undefined until the form has mounted.
  const category = Form.useWatch('category', form) as Category | undefined;
  const facts = Form.useWatch('facts', form);
  const recentPlaces = recentValues('places');
  const recentUnits = recentValues('reporterUnit');

  const showProblems = (fields: { name: (string | number)[]; errors: string[] }[]) => {
    const bad = fields.filter((f) => f.errors.length > 0);
    setProblems(bad.map((f) => `${LABELS[String(f.name[0])] ?? '事件要素'}：${f.errors[0]}`));
    const first = bad[0];
    if (first) form.scrollToField(first.name, { behavior: 'smooth', block: 'center', focus: true });
  };

  const submit = async () => {
    let v: RegisterValues;
    try {
      v = await form.validateFields();
    } catch (err) {
      // antd's validateFields rejects with errorFields; anything else reads as none
      showProblems((err as { errorFields?: { name: (string | number)[]; errors: string[] }[] }).errorFields ?? []);
      return;
    }
    // A required field: validation has already refused an empty one.
    const occurredAt = iso(v.occurredAt);
    if (!occurredAt) return;
    setProblems([]);
    setSaving(true);
    try {
      const created = await call('incidents:create', {
        category: v.category,
        title: v.title,
        places: v.places,
        occurredAt,
        discoveredAt: iso(v.discoveredAt) ?? null,
        receivedAt: iso(v.receivedAt),
        reporterUnit: v.reporterUnit ?? '',
        reporterName: v.reporterName ?? '',
        reporterPhone: v.reporterPhone ?? '',
        receiveChannel: v.receiveChannel,
        narrative: v.narrative ?? '',
        facts: cleanFacts(v.facts),
        drill: v.drill ?? false,
        levelOverride: v.levelOverride ?? null,
      });
      rememberValues('places', v.places);
      if (v.reporterUnit) rememberValues('reporterUnit', [v.reporterUnit]);
      message.success(`已登记：${created.serial}`);
      form.resetFields();
      onCreated(created.id);
    } catch (err) {
      if (err instanceof ApiError && err.error.issues?.length) {
        const fields = err.error.issues.map((i) => ({ name: i.path.split('.'), errors: [i.message] }));
        form.setFields(fields);
        showProblems(fields);
      } else {
        setProblems([messageOf(err)]);
      }
      message.error(messageOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer
      title="接报登记"
      open={open}
      onClose={onClose}
      size={720}
      destroyOnHidden
      extra={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={saving} onClick={() => void submit()} data-testid="register-submit">
            登记
          </Button>
        </Space>
      }
      footer={
        problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="register-problems"
            title={`未能登记，请先处理以下 ${problems.length} 项：`}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            }
          />
        ) : null
      }
    >
      <Form<RegisterValues>
        form={form}
        layout="vertical"
        initialValues={{ receiveChannel: '电话', receivedAt: nowField(), drill: false, category: 'environment' }}
        data-testid="register-form"
        onKeyDown={(e) => {
          // Enter in a one-line text field registers; pickers and selects keep Enter for themselves
          // (it confirms a typed time or picks an option), and Ctrl+Enter registers from anywhere.
          if (e.key !== 'Enter' || e.nativeEvent.isComposing) return;
          // a keydown inside the form comes from an element
          const target = e.target as HTMLElement;
          const plainField =
            target.tagName === 'INPUT' && !target.closest('.ant-picker, .ant-select, .ant-input-number');
          if (e.ctrlKey || e.metaKey || plainField) {
            e.preventDefault();
            void submit();
          }
        }}
      >
        <Form.Item name="category" label="预案 / 类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select
            autoFocus
            options={CATEGORIES.map((c) => ({ value: c.id, label: c.label }))}
            data-testid="category-select"
          />
        </Form.Item>
        <Form.Item name="title" label="事件标题" rules={[{ required: true, message: '请填写事件标题' }]}>
          <Input maxLength={120} data-testid="title-input" />
        </Form.Item>
        <Form.Item
          name="places"
          label="地点（可多选，也可直接输入）"
          rules={[{ required: true, message: '请至少选择一个地点' }]}
        >
          <Select
            mode="tags"
            // Closed after each pick, so Tab moves on to the next field instead of picking again.
            open={placesOpen}
            onOpenChange={setPlacesOpen}
            onSelect={() => setPlacesOpen(false)}
            showSearch={{ onSearch: () => setPlacesOpen(true) }}
            // Places used recently come first: the same county calls again during an incident.
            options={[...new Set([...recentPlaces, ...PLACES])].map((p) => ({ value: p, label: p }))}
            data-testid="places-select"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true, message: '请填写发生时间' }]}>
            <DateTimeField data-testid="occurred-at" />
          </Form.Item>
          <Form.Item name="discoveredAt" label="发现时间（可选）">
            <DateTimeField data-testid="discovered-at" />
          </Form.Item>
          <Form.Item name="receivedAt" label="接报时间" rules={[{ required: true, message: '请填写接报时间' }]}>
            <DateTimeField data-testid="received-at" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="reporterUnit" label="报告单位">
            <AutoComplete
              style={{ width: 220 }}
              options={recentUnits.map((u) => ({ value: u }))}
              // Nothing is picked unless the officer arrows to it: Tab keeps what was typed.
              defaultActiveFirstOption={false}
              showSearch={{ filterOption: (input, option) => (option?.value ?? '').includes(input) }}
              data-testid="reporter-unit"
            />
          </Form.Item>
          <Form.Item name="reporterName" label="报告人">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="reporterPhone" label="联系电话" rules={[checkedBy(phoneTextProblem)]}>
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="receiveChannel" label="接报方式">
            <Select style={{ width: 100 }} options={RECEIVE_CHANNELS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Space>
        <Form.Item name="narrative" label="事件简要情况" extra="Ctrl+Enter 登记">
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        {category && <FactsFields category={category} />}
        {category && <GradePreview category={category} facts={facts} />}
        <Space wrap style={{ marginTop: 12 }}>
          <Form.Item name="levelOverride" label="人工定级（不填则按预案判定）">
            <Select allowClear style={{ width: 160 }} options={LEVELS.map((l) => ({ value: l, label: l }))} />
          </Form.Item>
          <Form.Item name="drill" label="演练" valuePropName="checked">
            <Switch checkedChildren="演练" unCheckedChildren="真实事件" data-testid="drill-switch" />
          </Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
