import { Checkbox, DatePicker, Form, InputNumber, Select } from 'antd';
import { FACT_FIELDS } from '../../../../shared/rules';
import type { PlanId } from '../../../../shared/rules';

/** The facts a plan grades on, built from the rules engine's field list so the form never drifts from it. */
export function FactsFields({ category }: { category: string }) {
  const fields = (FACT_FIELDS as Record<string, (typeof FACT_FIELDS)[PlanId] | undefined>)[category];
  // Date-time facts have no generic input in the rules' field list.
  if (category === 'forest_fire') {
    return (
      <Form.Item name={['facts', 'orderedAt']} label="扑火指令下达时间" extra="依据 朔政办发〔2021〕44号：接到扑火指令后10分钟内集结">
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" data-fact="orderedAt" />
      </Form.Item>
    );
  }
  if (!fields?.length) return null;
  return (
    <>
      {category === 'radiation' && (
        <Form.Item name={['facts', 'sourceRecovered']} valuePropName="checked" extra="未追回的放射源：响应终止后半年须由公安部门出具阶段性报告（5.1）" style={{ marginBottom: 8 }}>
          <Checkbox data-fact="sourceRecovered">放射源已追回</Checkbox>
        </Form.Item>
      )}
      {fields.map((f) => {
        const name = ['facts', f.key];
        const extra = `${f.help ? `${f.help}　` : ''}依据 ${f.clause}`;
        if (f.type === 'boolean') {
          return (
            <Form.Item key={f.key} name={name} valuePropName="checked" extra={extra} style={{ marginBottom: 8 }}>
              <Checkbox data-fact={f.key}>{f.label}</Checkbox>
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
          <Form.Item key={f.key} name={name} label={f.label} extra={extra}>
            <InputNumber
              min={0}
              precision={0}
              style={{ width: 200 }}
              addonAfter={f.type === 'money' ? '元' : '人'}
              data-fact={f.key}
            />
          </Form.Item>
        );
      })}
    </>
  );
}
