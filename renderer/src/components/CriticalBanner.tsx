import { Alert } from 'antd';
import type { ReactNode } from 'react';

/**
 * An alarm-level banner: red, full width, with no close button, so it stays until its cause is gone.
 * Overdue clocks, a lost connection and a lost data folder all use it, so they look alike.
 */
export function CriticalBanner({
  title,
  description,
  action,
  testId,
}: {
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  testId: string;
}) {
  return (
    <Alert
      type="error"
      banner
      showIcon
      role="alert"
      data-testid={testId}
      title={title}
      description={description}
      action={action}
    />
  );
}
