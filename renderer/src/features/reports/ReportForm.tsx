/**
 * The form view of a report version: every field of the form and its table rows, edited in antd
 * forms typed by the form's view model. Saving sends the whole form as a new version.
 */
import { Button, Checkbox, Col, Form, Input, InputNumber, Row, Select, Space, Typography } from 'antd';
import { validValues } from '../../lib/form-values';
import { useState } from 'react';
import type { ReactNode } from 'react';
import type {
  FormInput,
  InfoReport,
  RadiationAccidentType,
  RadiationFinalReport,
  RadiationFollowUpReport,
  RadiationInitialReport,
} from '../../../../shared/forms/types';
import {
  COMMS_CONTENT,
  DEPARTMENT_COLUMNS,
  DEVICE_COLUMNS,
  ENVIRONMENT_CONTENT,
  SOURCE_COLUMNS,
} from '../../../../shared/reports/labels';
import { CountInput, IsoDateTime, RowsTable, noNull } from './fields';
import type { TableColumn } from './fields';

export type ReportFormInput = Extract<
  FormInput,
  { kind: 'radiation-initial' | 'radiation-follow-up' | 'radiation-final' | 'info-report' }
>;

export function isReportForm(f: FormInput): f is ReportFormInput {
  return (
    f.kind === 'radiation-initial' ||
    f.kind === 'radiation-follow-up' ||
    f.kind === 'radiation-final' ||
    f.kind === 'info-report'
  );
}

const LEVEL_OPTIONS = ['一般', '较大', '重大', '特别重大'].map((l) => ({ value: l, label: `${l}辐射事故` }));

const columns = (labels: Readonly<Record<string, string>>, multiline: string[] = []): TableColumn[] =>
  Object.entries(labels).map(([key, title]) => ({ key, title, multiline: multiline.includes(key) }));

/** One field: label above, full width of its column. */
function F({
  name,
  label,
  span = 8,
  children,
  extra,
}: {
  name: string | (string | number)[];
  label: string;
  span?: number;
  children?: ReactNode;
  extra?: Record<string, unknown>;
}) {
  return (
    <Col span={span}>
      <Form.Item name={name} label={label} {...extra}>
        {children ?? <Input />}
      </Form.Item>
    </Col>
  );
}

/** The 报送时间 is the one the 报送 records and prints from there: nothing to type in a draft. */
function SentTime({ label, span }: { label: string; span: number }) {
  return (
    <Col span={span}>
      <Form.Item label={label}>
        <Typography.Text type="secondary" data-testid="sent-time-note">
          报送时按实际报送时间填写
        </Typography.Text>
      </Form.Item>
    </Col>
  );
}

const text = (rows = 4) => <Input.TextArea autoSize={{ minRows: rows, maxRows: 16 }} />;

function AccidentTypeFields() {
  const tick = (key: keyof RadiationAccidentType, label: string) => (
    <Form.Item name={['accidentType', key]} valuePropName="checked" style={{ marginBottom: 4 }}>
      <Checkbox>{label}</Checkbox>
    </Form.Item>
  );
  const count = (key: keyof RadiationAccidentType, label: string) => (
    <Col span={6}>
      <Form.Item name={['accidentType', key]} label={label} normalize={noNull}>
        <CountInput />
      </Form.Item>
    </Col>
  );
  return (
    <fieldset style={{ border: '1px solid #f0f0f0', padding: '8px 12px', marginBottom: 16 }}>
      <legend style={{ fontSize: 14, width: 'auto', margin: 0, padding: '0 4px' }}>事故类型</legend>
      <Row gutter={16} align="bottom">
        <Col span={6}>
          <Space>
            {tick('exposure', '人员受照')}
            {tick('contamination', '人员污染')}
          </Space>
        </Col>
        {count('exposedCount', '受照人数')}
        {count('contaminatedCount', '受污染人数')}
      </Row>
      <Row gutter={16} align="bottom">
        <Col span={6}>
          <Space>
            {tick('lost', '丢失')}
            {tick('stolen', '被盗')}
            {tick('outOfControl', '失控')}
          </Space>
        </Col>
        {count('sourceCount', '事故源数量')}
      </Row>
      <Row gutter={16} align="bottom">
        <Col span={6}>{tick('radioactivePollution', '放射性污染')}</Col>
        <Col span={6}>
          <Form.Item name={['accidentType', 'pollutedAreaM2']} label="污染面积(m²)" normalize={noNull}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        </Col>
      </Row>
    </fieldset>
  );
}

function RadiationTables() {
  return (
    <>
      <RowsTable name="sources" title="放射源" addLabel="添加放射源" columns={columns(SOURCE_COLUMNS)} />
      <RowsTable name="devices" title="射线装置" addLabel="添加射线装置" columns={columns(DEVICE_COLUMNS)} />
    </>
  );
}

function RadiationInitialFields() {
  return (
    <>
      <Row gutter={16}>
        <F name="unitName" label="事故单位名称" span={12} />
        <F name="legalRepresentative" label="法定代表人" span={6} />
        <F name="postCode" label="邮编" span={6} />
        <F name="address" label="地址" span={12} />
        <F name="phone" label="电话" span={4} />
        <F name="fax" label="传真" span={4} />
        <F name="contact" label="联系人" span={4} />
        <F name="licenceNumber" label="许可证号" span={12} />
        <F name="licenceAuthority" label="许可证审批机关" span={12} />
        <F name="occurredAt" label="事故发生时间" span={8}>
          <IsoDateTime />
        </F>
        <F name="place" label="事故发生地点" span={16} />
      </Row>
      <AccidentTypeFields />
      <RadiationTables />
      <Row gutter={16}>
        <F name="narrative" label="事故经过情况" span={24}>
          {text(5)}
        </F>
        <F name="reporter" label="报告人（签字）" span={8} />
        <SentTime label="报告时间" span={8} />
      </Row>
    </>
  );
}

function RadiationFollowUpFields() {
  return (
    <>
      <Row gutter={16}>
        <F name="unitName" label="事故单位名称" span={12} />
        <F name="address" label="地址" span={12} />
        <F name="licenceNumber" label="许可证号" span={12} />
        <F name="licenceAuthority" label="许可证审批机关" span={12} />
        <F name="occurredAt" label="事故发生时间" span={8}>
          <IsoDateTime />
        </F>
        <SentTime label="事故报告时间" span={8} />
        <F name="level" label="事故级别" span={8}>
          <Select allowClear options={LEVEL_OPTIONS} />
        </F>
        <F name="place" label="事故发生地点" span={24} />
      </Row>
      <AccidentTypeFields />
      <RadiationTables />
      <Row gutter={16}>
        <F name="narrative" label="事故经过和处理情况" span={24}>
          {text(5)}
        </F>
        <F name="department" label="事发地生态环境主管部门" span={9} />
        <F name="departmentContact" label="联系人" span={5} />
        <F name="departmentPhone" label="电话" span={5} />
        <F name="departmentFax" label="传真" span={5} />
      </Row>
    </>
  );
}

function RadiationFinalFields() {
  return (
    <>
      <Typography.Paragraph type="secondary">
        依据《朔州市辐射事故应急预案》（朔政办发〔2021〕42号）4.1.2(3)：终结报告在初报和续报的基础上，报告处理事故的措施、过程和结果，事故潜在或间接的危害、社会影响、处理后的遗留问题，参加处置工作的有关部门和工作内容，出具有关危害与损失的证明文件等详细情况。
      </Typography.Paragraph>
      <Row gutter={16}>
        <F name="eventTitle" label="事件名称" span={12} />
        <F name="unit" label="报送单位" span={6} />
        <SentTime label="报送时间" span={6} />
        <F name="unitName" label="事故单位名称" span={8} />
        <F name="occurredAt" label="事故发生时间" span={6}>
          <IsoDateTime />
        </F>
        <F name="place" label="事故发生地点" span={6} />
        <F name="level" label="事故级别" span={4}>
          <Select allowClear options={LEVEL_OPTIONS} />
        </F>
        <F name="summary" label="事故基本情况" span={24}>
          {text(3)}
        </F>
        <F name="measuresProcessResults" label="处理事故的措施、过程和结果" span={24}>
          {text(4)}
        </F>
        <F name="potentialHarm" label="事故潜在或间接的危害" span={12}>
          {text(2)}
        </F>
        <F name="socialImpact" label="社会影响" span={12}>
          {text(2)}
        </F>
        <F name="remainingIssues" label="处理后的遗留问题" span={24}>
          {text(2)}
        </F>
      </Row>
      <RowsTable
        name="departments"
        title="参加处置工作的有关部门和工作内容"
        addLabel="添加部门"
        columns={columns(DEPARTMENT_COLUMNS, ['work'])}
      />
      <Row gutter={16}>
        <F name="evidenceDocuments" label="有关危害与损失的证明文件" span={24}>
          {text(2)}
        </F>
        <F name="contact" label="联系人" span={8} />
        <F name="contactPhone" label="联系电话" span={8} />
      </Row>
    </>
  );
}

function InfoReportFields({ plan }: { plan: InfoReport['plan'] }) {
  const content = plan === 'comms' ? COMMS_CONTENT : ENVIRONMENT_CONTENT;
  return (
    <Row gutter={16}>
      <F name="eventTitle" label="事件名称" span={12} />
      <F name="unit" label="报送单位" span={6} />
      <SentTime label="报送时间" span={6} />
      <F name="issuer" label="签发人" span={6} />
      <F name="copyNumber" label="份号" span={4} />
      <F name="classification" label="密级" span={4}>
        <Select allowClear options={['绝密', '机密', '秘密'].map((v) => ({ value: v, label: v }))} />
      </F>
      <F name="urgency" label="紧急程度" span={4}>
        <Select allowClear options={['特急', '加急'].map((v) => ({ value: v, label: v }))} />
      </F>
      <F name="contact" label="联系人" span={3} />
      <F name="contactPhone" label="联系电话" span={3} />
      {Object.entries(content).map(([key, label]) =>
        plan === 'environment' && key === 'occurredAt' ? (
          <F key={key} name={['content', key]} label={label} span={8}>
            <IsoDateTime />
          </F>
        ) : (
          <F key={key} name={['content', key]} label={label} span={24}>
            {text(2)}
          </F>
        ),
      )}
    </Row>
  );
}

/** A typed antd form over one view model; saving merges the form's store over the saved data. */
function TypedForm<T extends object>({
  name,
  data,
  children,
  onSave,
  onEdited,
}: {
  name: string;
  data: T;
  children: ReactNode;
  onSave: (values: T) => Promise<void>;
  onEdited?: () => void;
}) {
  const [form] = Form.useForm<T>();
  const [saving, setSaving] = useState(false);
  const save = async () => {
    if (!(await validValues(form))) return;
    setSaving(true);
    try {
      // The whole store (true): fields not shown in this view stay as saved.
      // getFieldsValue(true) is the whole store, typed `any` by antd; the store holds a T.
      const store = form.getFieldsValue(true) as T;
      await onSave({ ...data, ...store });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form<T>
      form={form}
      name={name}
      layout="vertical"
      initialValues={data}
      size="small"
      data-testid="report-form"
      onValuesChange={() => onEdited?.()}
    >
      {children}
      <Button
        type="primary"
        loading={saving}
        onClick={() => void save().catch(() => undefined)}
        data-testid="save-version"
      >
        保存为新稿
      </Button>
    </Form>
  );
}

/** The form view for a report version; onSave receives the whole form to save as a new version. */
export function ReportForm({
  content,
  onSave,
  onEdited,
}: {
  content: ReportFormInput;
  onSave: (content: ReportFormInput) => Promise<void>;
  /** Called on the first and every later edit not yet saved. */
  onEdited?: () => void;
}) {
  switch (content.kind) {
    case 'radiation-initial':
      return (
        <TypedForm<RadiationInitialReport>
          name={content.kind}
          data={content.data}
          onEdited={onEdited}
          onSave={(data) => onSave({ kind: 'radiation-initial', data })}
        >
          <RadiationInitialFields />
        </TypedForm>
      );
    case 'radiation-follow-up':
      return (
        <TypedForm<RadiationFollowUpReport>
          name={content.kind}
          data={content.data}
          onEdited={onEdited}
          onSave={(data) => onSave({ kind: 'radiation-follow-up', data })}
        >
          <RadiationFollowUpFields />
        </TypedForm>
      );
    case 'radiation-final':
      return (
        <TypedForm<RadiationFinalReport>
          name={content.kind}
          data={content.data}
          onEdited={onEdited}
          onSave={(data) => onSave({ kind: 'radiation-final', data })}
        >
          <RadiationFinalFields />
        </TypedForm>
      );
    case 'info-report':
      return (
        <TypedForm<InfoReport>
          name={content.kind}
          data={content.data}
          onEdited={onEdited}
          onSave={(data) => onSave({ kind: 'info-report', data })}
        >
          <InfoReportFields plan={content.data.plan} />
        </TypedForm>
      );
  }
}
