import { Button, DatePicker } from 'antd';
import type { DatePickerProps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useRef } from 'react';
import { nowField } from '../lib/beijing-fields';

export const DATE_TIME_FORMAT = 'YYYY-MM-DD HH:mm';

/** Takes the picker's clear button out of the Tab order, now and whenever it is drawn again. */
function useUntabbableClear(root: React.RefObject<HTMLSpanElement | null>): void {
  useEffect(() => {
    const el = root.current;
    if (!el) return;
    const fix = () => {
      for (const b of el.querySelectorAll<HTMLElement>('.ant-picker-clear')) b.tabIndex = -1;
    };
    fix();
    const observer = new MutationObserver(fix);
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root]);
}

/**
 * A date and time typed with the keyboard while on the phone: digits fill a mask
 * (202611301405 → 2026-11-30 14:05), the value counts as soon as it is whole (no 确定 step), and
 * Tab moves on to the next field (the clear button stays with the mouse). The calendar stays
 * available to the mouse. Its 此刻 is now in Beijing, like the field (the picker's own takes the
 * workstation's zone).
 */
export function DateTimeField({
  onChange,
  ...props
}: Omit<DatePickerProps, 'onChange'> & { onChange?: (value: Dayjs | null) => void }) {
  const root = useRef<HTMLSpanElement>(null);
  useUntabbableClear(root);
  return (
    <span ref={root} style={{ display: 'inline-block' }}>
      <DatePicker
        showTime={{ format: 'HH:mm' }}
        format={{ format: DATE_TIME_FORMAT, type: 'mask' }}
        needConfirm={false}
        showNow={false}
        renderExtraFooter={() => (
          <Button
            type="link"
            size="small"
            data-testid="date-time-now"
            onClick={() => {
              onChange?.(nowField());
            }}
          >
            此刻
          </Button>
        )}
        // A single picker: the value is one date or none.
        onChange={(v) => onChange?.(Array.isArray(v) ? (v[0] ?? null) : v)}
        {...props}
      />
    </span>
  );
}
