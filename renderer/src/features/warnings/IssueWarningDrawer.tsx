import { Alert, App, AutoComplete, Button, Drawer, Form, Input, Radio, Select, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { CHECKLIST_PLAN_IDS, PLANS, type ChecklistPlanId } from '../../../../shared/plans';
import {
  ISSUER_KINDS,
  ISSUER_KIND_LABELS,
  WARNING_ISSUERS,
  WARNING_LEVELS,
  WARNING_LEVEL_MEANING,
  checkIssuer,
  type IssuerKind,
  type WarningLevel,
} from '../../../../shared/warnings';
import { OPEN_STATUSES } from '../../../../shared/domain/incident';
import { call } from '../../api/api';
import { DateTimeField } from '../../components/DateTimeField';
import { useLoad } from '../../hooks/useApi';
import { errorText } from '../../lib/errors';
import { instantOf, nowField } from '../../lib/beijing-fields';

interface Values {
  plan: ChecklistPlanId;
  level: WarningLevel;
  direction: 'received' | 'issued';
  issuerKind: IssuerKind;
  issuer: string;
  area: string;
  issuedAt: Dayjs;
  document?: string;
  content?: string;
  incidentIds?: number[];
}

/** Register a warning received or issued; the issuer rule of the plan is shown and checked as the officer types. */
export function IssueWarningDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  // Watched fields are undefined until the form mounts and while the officer has not chosen them.
  const plan = Form.useWatch((v: Partial<Values>) => v.plan, form) ?? 'radiation';
  const level = Form.useWatch((v: Partial<Values>) => v.level, form);
  const kind = Form.useWatch((v: Partial<Values>) => v.issuerKind, form);
  const incidents = useLoad(
    async () => (await call('incidents:list', { statuses: [...OPEN_STATUSES], drills: 'include', limit: 500 })).items,
    [],
  );
  const check = level && kind ? checkIssuer(plan, level, kind) : null;
  // The issuers the plan names for this level and kind, offered as suggestions only: the unit is
  // written as the issuing document names it, so free text stays.
  const known = useLoad(async () => {
    if (!level || !kind) return [];
    const { rules } = await call('warnings:issuers', { plan, level, issuerKind: kind });
    const named = [rules.byLevel[level], ...rules.general].filter((r) => r !== undefined);
    return [...new Set(named.filter((r) => r.kinds.includes(kind)).map((r) => r.issuer))];
  }, [plan, level, kind]);
  const meaning = WARNING_LEVEL_MEANING[plan];

  const save = async (v: Values) => {
    setBusy(true);
    try {
      await call('warnings:issue', {
        plan: v.plan,
        level: v.level,
        direction: v.direction,
        issuerKind: v.issuerKind,
        issuer: v.issuer,
        area: v.area,
        issuedAt: instantOf(v.issuedAt),
        document: v.document ?? '',
        content: v.content ?? '',
        incidentIds: v.incidentIds ?? [],
      });
      message.success('预警已登记');
      form.resetFields();
      onClose();
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} onClose={onClose} title="登记预警" size={560} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) => void save(v)}
        initialValues={{ plan: 'radiation', direction: 'received', issuerKind: 'city', issuedAt: nowField() }}
        data-testid="warning-form"
      >
        <Form.Item name="plan" label="预案" rules={[{ required: true, message: '请选择预案' }]}>
          <Select options={CHECKLIST_PLAN_IDS.map((p) => ({ value: p, label: PLANS[p].name }))} />
        </Form.Item>
        <Form.Item
          name="level"
          label="预警级别"
          rules={[{ required: true, message: '请选择预警级别' }]}
          extra={meaning.note}
        >
          <Radio.Group>
            {WARNING_LEVELS.map((l) => (
              <Radio.Button key={l.level} value={l.level} style={{ borderLeft: `4px solid ${l.hex}` }}>
                {l.level}（{l.colourName}）
              </Radio.Button>
            ))}
          </Radio.Group>
        </Form.Item>
        <Form.Item name="direction" label="来源">
          <Radio.Group
            options={[
              { value: 'received', label: '收到（上级或其他单位发布）' },
              { value: 'issued', label: '本级发布' },
            ]}
          />
        </Form.Item>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
          发布主体：{WARNING_ISSUERS[plan].note}
        </Typography.Paragraph>
        <Form.Item name="issuerKind" label="发布主体类别" rules={[{ required: true }]}>
          <Select options={ISSUER_KINDS.map((k) => ({ value: k, label: ISSUER_KIND_LABELS[k] }))} />
        </Form.Item>
        <Form.Item
          name="issuer"
          label="发布单位（按发布文件）"
          // The input keeps its own id (tests and the issuer check find it by it): the label points there.
          htmlFor="warning-issuer"
          rules={[{ required: true, whitespace: true, message: '请填写发布单位' }]}
        >
          <AutoComplete
            id="warning-issuer"
            maxLength={80}
            options={(known.data ?? []).map((i) => ({ value: i }))}
            // Nothing is picked unless the officer arrows to it: Tab keeps what was typed.
            defaultActiveFirstOption={false}
            data-testid="warning-issuer-suggestions"
          />
        </Form.Item>
        {check && (
          <Alert
            style={{ marginBottom: 12 }}
            type={!check.ok ? 'error' : check.verified ? 'success' : 'warning'}
            title={check.ok ? check.message : check.error}
            data-testid="issuer-check"
          />
        )}
        <Form.Item
          name="area"
          label="预警区域"
          htmlFor="warning-area"
          rules={[{ required: true, whitespace: true, message: '请填写预警区域' }]}
        >
          <Input id="warning-area" maxLength={120} />
        </Form.Item>
        <Form.Item name="issuedAt" label="发布时间" rules={[{ required: true, message: '请填写发布时间' }]}>
          <DateTimeField />
        </Form.Item>
        <Form.Item name="document" label="发布文件">
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="content" label="预警内容">
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item name="incidentIds" label="关联事件">
          <Select
            mode="multiple"
            allowClear
            options={(incidents.data ?? []).map((i) => ({ value: i.id, label: `${i.serial} ${i.title}` }))}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={busy}
          disabled={check !== null && !check.ok}
          id="warning-save"
        >
          登记
        </Button>
      </Form>
    </Drawer>
  );
}
