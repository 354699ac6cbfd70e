import { WarningOutlined } from '@ant-design/icons';
import { useEffect } from 'react';
import type { Officer } from '../../../../shared/domain/incident';
import { call } from '../../api/api';
import { useLoad } from '../../hooks/useApi';

const same = (a: string, b: string): boolean => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/**
 * Beside the header's officers: says so when they are not the pair the 值班表 has for the shift in
 * progress (a 替班 not recorded, or a handover not made), so the disagreement is seen, not guessed.
 * Nothing is shown without a scheduled shift.
 */
export function DutyScheduleFlag({ duty }: { duty: Officer | null }) {
  const planned = useLoad(() => call('schedule:now', {}), []);
  const { reload } = planned;
  // The shift changes with the time of day, not only with the data.
  useEffect(() => {
    const t = setInterval(reload, 60_000);
    return () => clearInterval(t);
  }, [reload]);
  const shift = planned.data?.now;
  if (!duty || !shift || (same(shift.leader, duty.leader) && same(shift.officer, duty.officer))) return null;
  return (
    <span
      data-testid="duty-schedule-mismatch"
      style={{ background: '#fff1b8', color: '#613400', padding: '0 6px', borderRadius: 4, lineHeight: '22px' }}
    >
      <WarningOutlined aria-hidden /> 与值班表不符：当前班次为带班{shift.leader}、值班{shift.officer}
    </span>
  );
}
