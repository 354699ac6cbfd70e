import { App, Button, DatePicker, Drawer, Form, Input, Select, Space, Switch } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { CATEGORIES, LEVELS, PLACES, RECEIVE_CHANNELS } from '../../../../shared/domain/incident';
import { ApiError, call } from '../../api/api';
import { FactsFields } from './FactsFields';
import { cleanFacts, iso } from './form-values';
import { GradePreview } from './GradePreview';

const DATE_FORMAT = 'YYYY-MM-DD HH:mm';

/** 接报登记: everything the duty room writes down when a report comes in. */
export function RegisterDrawer({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (id: number) => void }) {
  const [form] = Form.useForm();
  const { message } = App.useApp();
  const [saving, setSaving] = useState(false);
  const category = Form.useWatch('category', form) as string | undefined;
  const facts = Form.useWatch('facts', form) as Record<string, unknown> | undefined;

  const submit = async () => {
    const v = await form.validateFields();
    setSaving(true);
    try {
      const created = await call('incidents:create', {
        category: v.category,
        title: v.title,
        places: v.places,
        occurredAt: iso(v.occurredAt)!,
        discoveredAt: iso(v.discoveredAt) ?? null,
        receivedAt: iso(v.receivedAt),
        reporterUnit: v.reporterUnit ?? '',
        reporterName: v.reporterName ?? '',
        reporterPhone: v.reporterPhone ?? '',
        receiveChannel: v.receiveChannel,
        narrative: v.narrative ?? '',
        facts: cleanFacts(v.facts),
        drill: Boolean(v.drill),
        levelOverride: v.levelOverride ?? null,
      });
      message.success(`已登记：${created.serial}`);
      form.resetFields();
      onCreated(created.id);
    } catch (err) {
      if (err instanceof ApiError && err.error.issues?.length) {
        form.setFields(err.error.issues.map((i) => ({ name: i.path.split('.'), errors: [i.message] })));
      }
      message.error((err as Error).message);
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
          <Button type="primary" loading={saving} onClick={submit} data-testid="register-submit">
            登记
          </Button>
        </Space>
      }
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ receiveChannel: '电话', receivedAt: dayjs(), drill: false, category: 'environment' }}
        data-testid="register-form"
      >
        <Form.Item name="drill" label="演练" valuePropName="checked">
          <Switch checkedChildren="演练" unCheckedChildren="真实事件" data-testid="drill-switch" />
        </Form.Item>
        <Form.Item name="category" label="预案 / 类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={CATEGORIES.map((c) => ({ value: c.id, label: c.label }))} data-testid="category-select" />
        </Form.Item>
        <Form.Item name="title" label="事件标题" rules={[{ required: true, message: '请填写事件标题' }]}>
          <Input maxLength={120} data-testid="title-input" />
        </Form.Item>
        <Form.Item name="places" label="地点（可多选，也可直接输入）" rules={[{ required: true, message: '请至少选择一个地点' }]}>
          <Select mode="tags" options={PLACES.map((p) => ({ value: p, label: p }))} data-testid="places-select" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true, message: '请填写发生时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_FORMAT} data-testid="occurred-at" />
          </Form.Item>
          <Form.Item name="discoveredAt" label="发现时间（可选）">
            <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_FORMAT} data-testid="discovered-at" />
          </Form.Item>
          <Form.Item name="receivedAt" label="接报时间" rules={[{ required: true, message: '请填写接报时间' }]}>
            <DatePicker showTime={{ format: 'HH:mm' }} format={DATE_FORMAT} data-testid="received-at" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item name="reporterUnit" label="报告单位">
            <Input style={{ width: 220 }} data-testid="reporter-unit" />
          </Form.Item>
          <Form.Item name="reporterName" label="报告人">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item name="reporterPhone" label="联系电话">
            <Input style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="receiveChannel" label="接报方式">
            <Select style={{ width: 100 }} options={RECEIVE_CHANNELS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Space>
        <Form.Item name="narrative" label="事件简要情况">
          <Input.TextArea rows={4} maxLength={20000} />
        </Form.Item>
        {category && <FactsFields category={category} />}
        {category && <GradePreview category={category} facts={facts} />}
        <Form.Item name="levelOverride" label="人工定级（不填则按预案判定）" style={{ marginTop: 12 }}>
          <Select allowClear style={{ width: 160 }} options={LEVELS.map((l) => ({ value: l, label: l }))} />
        </Form.Item>
      </Form>
    </Drawer>
  );
}
