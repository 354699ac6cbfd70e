import { Select } from 'antd';
import { useState } from 'react';

/**
 * 报送单位: several recipients, chosen from the open clocks or typed. The list closes after each
 * choice, so it does not cover 报送方式 below it; typing, Enter, Space or ↓ opens it again.
 */
export function RecipientSelect({
  id,
  value,
  onChange,
  options,
}: {
  id?: string;
  value?: string[];
  onChange?: (to: string[]) => void;
  options: string[];
}) {
  const [open, setOpen] = useState(false);
  return (
    <Select
      id={id}
      mode="tags"
      data-testid="sent-to"
      value={value}
      onChange={onChange}
      open={open}
      onOpenChange={setOpen}
      onSelect={() => setOpen(false)}
      options={options.map((to) => ({ value: to, label: to }))}
    />
  );
}
