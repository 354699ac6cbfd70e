import { Checkbox, Form, Input, InputNumber, Select } from 'antd';
import { DateTimeField } from '../../components/DateTimeField';
import { FACT_FIELDS, FORM_FACT_FIELDS } from '../../../../shared/rules';
import type { FactField } from '../../../../shared/rules';
import { PLANS, planOf } from '../../../../shared/plans';
import { Cite } from '../law/LawPanel';

/** The unit shown after a number: money in 元, counties as 个, everything else counts people. */
function unitOf(f: FactField): string {
  if (f.type === 'money') return '元';
  return f.key === 'countiesAffected' ? '个' : '人';
}

/**
 * Thresholds that need judgement: the plan's own wording and what counts, shown under the field so the
 * officer does not have to guess (e.g. whether a 县城's water intake is a 县级城市's, 附件5 重大⑤).
 */
const JUDGEMENT_NOTES: Readonly<Record<string, string>> = {
  waterSourceIntakeStopped:
    '原文：“造成设区的市级以上城市／县级城市／乡镇集中式饮用水水源地取水中断”（附件5 特别重大⑤、重大⑤、较大⑤）。朔州市区的水源地属“设区的市级以上城市”；怀仁市属“县级城市”。县城（县人民政府驻地）是否按“县级城市”，预案未作界定：请报带班领导决定，必要时人工定级并在修改原因中写明。',
  waterProtectionZoneTier:
    '原文：“对设区的市级以上城市／县级城市／乡镇集中式饮用水水源保护区造成或者可能造成影响”（附件4 一级⑥、二级⑥、三级⑥）。县城水源保护区的归类同上，由带班领导决定。',
  crossBoundary:
    '“跨县级行政区域”指影响已涉及本市两个以上县（市、区）或朔州经济开发区；“跨设区的市级”指已涉及朔州市以外的市。',
};

/** The facts a plan grades on, built from the rules engine's field list so the form never drifts from it. */
export function FactsFields({ category }: { category: string }) {
  const plan = planOf(category);
  // Then the facts only the report forms print (42号 附件4), so the 初报 is prefilled from them.
  const fields = plan && [...FACT_FIELDS[plan], ...FORM_FACT_FIELDS[plan]];
  // Date-time facts have no generic input in the rules' field list.
  if (category === 'forest_fire') {
    return (
      <Form.Item
        name={['facts', 'orderedAt']}
        label="扑火指令下达时间"
        extra={<Cite text="依据 朔政办发〔2021〕44号：接到扑火指令后10分钟内集结" />}
      >
        <DateTimeField data-fact="orderedAt" />
      </Form.Item>
    );
  }
  if (!plan || !fields?.length) return null;
  return (
    <>
      {category === 'radiation' && (
        <Form.Item
          name={['facts', 'sourceRecovered']}
          valuePropName="checked"
          extra="未追回的放射源：响应终止后半年须由公安部门出具阶段性报告（5.1）"
          style={{ marginBottom: 8 }}
        >
          <Checkbox data-fact="sourceRecovered">放射源已追回</Checkbox>
        </Form.Item>
      )}
      {fields.map((f) => {
        const name = ['facts', f.key];
        const planName = PLANS[plan].name;
        const extra = (
          <>
            {f.help ? `${f.help}　` : ''}
            <Cite text={`依据《${planName}》${f.clause}`} />
            {JUDGEMENT_NOTES[f.key] && <div data-testid={`judgement-${f.key}`}>{JUDGEMENT_NOTES[f.key]}</div>}
          </>
        );
        if (f.type === 'boolean') {
          return (
            <Form.Item key={f.key} name={name} valuePropName="checked" extra={extra} style={{ marginBottom: 8 }}>
              <Checkbox data-fact={f.key}>{f.label}</Checkbox>
            </Form.Item>
          );
        }
        if (f.type === 'text') {
          return (
            <Form.Item key={f.key} name={name} label={f.label} extra={extra}>
              <Input data-fact={f.key} style={{ maxWidth: 320 }} />
            </Form.Item>
          );
        }
        if (f.type === 'enum') {
          return (
            <Form.Item key={f.key} name={name} label={f.label} extra={extra}>
              <Select allowClear options={f.options} data-fact={f.key} style={{ maxWidth: 320 }} />
            </Form.Item>
          );
        }
        return (
          <Form.Item
            key={f.key}
            name={name}
            label={f.label}
            extra={extra}
            // The services refuse negative counts; say so here instead of silently clamping to 0.
            rules={[{ type: 'number', min: 0, message: `${f.label}不能为负数` }]}
          >
            {/* eslint-disable-next-line @typescript-eslint/no-deprecated -- antd 6 still renders addonAfter; Space.Compact would need a nested Form.Item to keep the field bound */}
            <InputNumber precision={0} style={{ width: 200 }} addonAfter={unitOf(f)} data-fact={f.key} />
          </Form.Item>
        );
      })}
    </>
  );
}
