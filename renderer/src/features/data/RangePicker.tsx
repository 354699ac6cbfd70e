import { Checkbox, DatePicker, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { dayEndOf, dayStartOf } from '../../lib/beijing-fields';

export interface RangeValue {
  from?: string;
  to?: string;
  includeDrills: boolean;
}

/** Whole Beijing days from the first to the last chosen date, as ISO instants. */
export function rangeOf(days: [Dayjs | null, Dayjs | null] | null, includeDrills: boolean): RangeValue {
  const [a, b] = days ?? [null, null];
  return {
    ...(a ? { from: dayStartOf(a) } : {}),
    ...(b ? { to: dayEndOf(b) } : {}),
    includeDrills,
  };
}

/** Date range (接报 time) and whether drills count. */
export function RangePicker(props: {
  days: [Dayjs | null, Dayjs | null] | null;
  onDays: (d: [Dayjs | null, Dayjs | null] | null) => void;
  includeDrills: boolean;
  onIncludeDrills: (v: boolean) => void;
  testid: string;
}) {
  return (
    <Space wrap>
      <span>接报日期</span>
      <DatePicker.RangePicker
        data-testid={`${props.testid}-range`}
        aria-label="接报日期"
        value={props.days}
        onChange={(v) => props.onDays(v)}
        allowEmpty={[true, true]}
      />
      <Checkbox
        data-testid={`${props.testid}-drills`}
        checked={props.includeDrills}
        onChange={(e) => props.onIncludeDrills(e.target.checked)}
      >
        包含演练
      </Checkbox>
    </Space>
  );
}
