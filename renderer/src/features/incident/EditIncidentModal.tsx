import { App, Form, Input, Modal, Select, Space } from 'antd';
import { checkedBy, validValues } from '../../lib/form-values';
import { phoneTextProblem } from '../../../../shared/rosters/phone';
import { DateTimeField } from '../../components/DateTimeField';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { LEVELS, PLACES, RECEIVE_CHANNELS, RESPONSE_LEVELS } from '../../../../shared/domain/incident';
import type { ReceiveChannel } from '../../../../shared/domain/incident';
import type { IncidentDetail } from '../../../../shared/domain/incident-view';
import { ApiError, call } from '../../api/api';
import { StaleEditNotice, STALE_EDIT_MESSAGE } from './StaleEditNotice';
import { FactsFields } from './FactsFields';
import { cleanFacts, iso } from './form-values';
import { GradePreview } from './GradePreview';
import { Cite } from '../law/LawPanel';
import { messageOf } from '../../../../shared/errors';
import { fieldOf, nowField } from '../../lib/beijing-fields';

interface EditValues {
  title?: string;
  places?: string[];
  reporterUnit?: string;
  reporterName?: string;
  reporterPhone?: string;
  receiveChannel?: ReceiveChannel;
  narrative?: string;
  occurredAt?: Dayjs | null;
  discoveredAt?: Dayjs | null;
  receivedAt?: Dayjs | null;
  facts?: Record<string, unknown>;
  levelOverride?: (typeof LEVELS)[number] | null;
  responseOverride?: (typeof RESPONSE_LEVELS)[number] | null;
  reason?: string;
  effectiveAt?: Dayjs | null;
}

/** The form's values as stored in `incident`. */
function valuesOf(incident: IncidentDetail): EditValues {
  return {
    title: incident.title,
    places: incident.places,
    reporterUnit: incident.reporterUnit,
    reporterName: incident.reporterName,
    reporterPhone: incident.reporterPhone,
    receiveChannel: incident.receiveChannel,
    narrative: incident.narrative,
    occurredAt: fieldOf(incident.occurredAt),
    discoveredAt: incident.discoveredAt ? fieldOf(incident.discoveredAt) : undefined,
    receivedAt: fieldOf(incident.receivedAt),
    facts: {
      ...incident.facts,
      ...(typeof incident.facts.orderedAt === 'string' ? { orderedAt: fieldOf(incident.facts.orderedAt) } : {}),
    },
    levelOverride: incident.levelOverride ?? undefined,
    responseOverride: incident.responseOverride ?? undefined,
    effectiveAt: nowField(),
  };
}

/** Changing facts, level or times re-derives the clocks; the change and its reason go in the timeline. */
export function EditIncidentModal({
  incident,
  open,
  onClose,
  onChanged,
}: {
  incident: IncidentDetail;
  open: boolean;
  onClose: () => void;
  onChanged: (d: IncidentDetail) => void;
}) {
  const [form] = Form.useForm<EditValues>();
  const { message } = App.useApp();
  const facts = Form.useWatch<Record<string, unknown> | undefined>('facts', form);
  // The version this edit started from (issue 17), fixed when the dialog opens: the drawer behind it
  // may reload with another seat's change, and that must not silently become the edit's base.
  const [base, setBase] = useState(incident.version);
  // Another seat's newer version, shown above the officer's own input after a refused save.
  const [newer, setNewer] = useState<IncidentDetail | null>(null);
  // Reset only on opening (React's "adjust state when a prop changes" pattern): later reloads of
  // `incident` are another seat's changes, not this edit's base.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setBase(incident.version);
      setNewer(null);
    }
  }
  const save = async () => {
    const v = await validValues(form);
    if (!v) return;
    try {
      const cleaned = cleanFacts(v.facts);
      // Facts the officer cleared must be sent as removed, not merely omitted.
      const removed = Object.fromEntries(
        Object.keys(incident.facts)
          .filter((k) => !(k in cleaned))
          .map((k) => [k, null]),
      );
      onChanged(
        await call('incidents:update', {
          id: incident.id,
          version: base,
          patch: {
            // Every field is sent as the form holds it: the service records only what changed.
            title: v.title ?? incident.title,
            places: v.places ?? incident.places,
            reporterUnit: v.reporterUnit ?? '',
            reporterName: v.reporterName ?? '',
            reporterPhone: v.reporterPhone ?? '',
            receiveChannel: v.receiveChannel ?? incident.receiveChannel,
            narrative: v.narrative ?? '',
            occurredAt: iso(v.occurredAt),
            discoveredAt: iso(v.discoveredAt) ?? null,
            receivedAt: iso(v.receivedAt),
            facts: { ...removed, ...cleaned },
            levelOverride: v.levelOverride ?? null,
            responseOverride: v.responseOverride ?? null,
            reason: v.reason ?? '',
            // The new level's clocks count from when it became known (43号 5.1.1(6)).
            effectiveAt: iso(v.effectiveAt),
          },
        }),
      );
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.error.message === STALE_EDIT_MESSAGE) {
        // Nothing typed is lost: the form keeps it, and the stored version is shown above it.
        try {
          setNewer(await call('incidents:get', { id: incident.id }));
        } catch {
          // The refusal itself is still shown below.
        }
      }
      message.error(messageOf(err));
    }
  };
  const reload = (latest: IncidentDetail) => {
    form.setFieldsValue(valuesOf(latest));
    setBase(latest.version);
    setNewer(null);
  };
  return (
    <Modal
      title="修改事件要素 / 定级"
      open={open}
      onOk={() => void save()}
      onCancel={onClose}
      okText="保存"
      width={720}
      destroyOnHidden
    >
      {newer && (
        <StaleEditNotice
          latest={newer}
          onReload={() => reload(newer)}
          onKeepMine={() => {
            // The officer has seen the newer version and saves their input over it knowingly.
            setBase(newer.version);
            setNewer(null);
          }}
        />
      )}
      <Form form={form} layout="vertical" preserve={false} initialValues={valuesOf(incident)}>
        <Form.Item name="title" label="事件标题" rules={[{ required: true, message: '请填写事件标题' }]}>
          <Input maxLength={120} data-testid="edit-title" />
        </Form.Item>
        <Form.Item name="places" label="地点" rules={[{ required: true, message: '请至少选择一个地点' }]}>
          <Select
            mode="tags"
            options={[...new Set([...incident.places, ...PLACES])].map((p) => ({ value: p, label: p }))}
            data-testid="edit-places"
          />
        </Form.Item>
        <Space wrap>
          <Form.Item name="reporterUnit" label="报告单位">
            <Input style={{ width: 220 }} data-testid="edit-reporter-unit" />
          </Form.Item>
          <Form.Item name="reporterName" label="报告人">
            <Input style={{ width: 120 }} data-testid="edit-reporter-name" />
          </Form.Item>
          <Form.Item name="reporterPhone" label="联系电话" rules={[checkedBy(phoneTextProblem)]}>
            <Input style={{ width: 160 }} data-testid="edit-reporter-phone" />
          </Form.Item>
          <Form.Item name="receiveChannel" label="接报方式">
            <Select style={{ width: 100 }} options={RECEIVE_CHANNELS.map((c) => ({ value: c, label: c }))} />
          </Form.Item>
        </Space>
        <Form.Item name="narrative" label="事件简要情况">
          <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} maxLength={20000} data-testid="edit-narrative" />
        </Form.Item>
        <Form.Item name="occurredAt" label="发生时间" rules={[{ required: true }]}>
          <DateTimeField />
        </Form.Item>
        <Form.Item name="discoveredAt" label="发现时间">
          <DateTimeField />
        </Form.Item>
        <Form.Item name="receivedAt" label="接报时间" rules={[{ required: true }]}>
          <DateTimeField />
        </Form.Item>
        <FactsFields category={incident.category} />
        <GradePreview category={incident.category} facts={facts} />
        <Form.Item name="levelOverride" label="人工定级" style={{ marginTop: 12 }}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={LEVELS.map((l) => ({ value: l, label: l }))}
            data-testid="edit-level"
          />
        </Form.Item>
        <Form.Item name="responseOverride" label="人工响应级别">
          <Select allowClear style={{ width: 160 }} options={RESPONSE_LEVELS.map((l) => ({ value: l, label: l }))} />
        </Form.Item>
        <Form.Item
          name="effectiveAt"
          label="变化知悉时间"
          extra={
            <Cite text="新级别的报告时限从此时起算，不早于接报时间、不晚于现在（依据《朔州市突发环境事件应急预案》5.1.1(6)）" />
          }
        >
          <DateTimeField data-testid="edit-effective-at" />
        </Form.Item>
        <Form.Item name="reason" label="修改原因">
          <Input data-testid="edit-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
