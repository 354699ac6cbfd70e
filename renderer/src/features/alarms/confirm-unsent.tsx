import type { HookAPI } from 'antd/es/modal/useModal';
import type { IncidentClock } from '../../../../shared/domain/incident-view';
import { fmtDateTime } from '../../lib/format';

/** The incident's reports not yet sent (clocks with nothing recorded). */
export const unsentClocks = (clocks: readonly IncidentClock[]): IncidentClock[] => clocks.filter((c) => !c.record);

/**
 * Asks before an action that takes an incident off the open list while reports are unsent, naming
 * each one with its deadline and clause. Resolves true only on an explicit confirmation; the service
 * refuses the action unless the call carries that confirmation (confirmUnsent).
 */
export function confirmUnsent(modal: HookAPI, action: string, unsent: readonly IncidentClock[]): Promise<boolean> {
  return new Promise((resolve) => {
    modal.confirm({
      title: `仍有 ${unsent.length} 项报告未报送，确定${action}？`,
      width: 640,
      content: (
        <div data-testid="unsent-confirm">
          <p>
            以下报告尚未报送，也未标记为不适用。{action}后，这些时限仍在顶部时限栏和告警中显示，直到报送或标记不适用：
          </p>
          <ul>
            {unsent.map((c) => (
              <li key={c.key} data-testid="unsent-item">
                {c.title}（报{c.to}，截止 {fmtDateTime(c.dueAt)}，{c.citation}）
              </li>
            ))}
          </ul>
        </div>
      ),
      okText: `确认仍要${action}`,
      okButtonProps: { danger: true, id: 'unsent-confirm-ok' },
      cancelText: '返回，先报送',
      onOk: () => resolve(true),
      onCancel: () => resolve(false),
    });
  });
}
