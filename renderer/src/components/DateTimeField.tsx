import { DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/**
 * A date and time typed with the keyboard while on the phone: digits fill a mask
 * (202611301405 → 2026-11-30 14:05), the value counts as soon as it is whole (no 确定 step), and
 * Tab moves on to the next field. The calendar stays available to the mouse.
 */
export function DateTimeField({
  onChange,
  ...props
}: Omit<DatePickerProps, 'onChange'> & { onChange?: (value: Dayjs | null) => void }) {
  return (
    <DatePicker
      showTime={{ format: 'HH:mm' }}
      format={{ format: DATE_TIME_FORMAT, type: 'mask' }}
      needConfirm={false}
      // A single picker: the value is one date or none.
      onChange={(v) => onChange?.(Array.isArray(v) ? (v[0] ?? null) : v)}
      {...props}
    />
  );
}
