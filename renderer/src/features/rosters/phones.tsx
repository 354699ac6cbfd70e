import { App, Button, Space, Tooltip, Typography } from 'antd';
import type { RosterContact } from '../../../../shared/domain/roster';
import { errorText } from '../../lib/errors';

const FIELDS: [keyof Pick<RosterContact, 'officePhone' | 'mobile' | 'redPhone' | 'fax'>, string][] = [
  ['officePhone', '办'],
  ['mobile', '手'],
  ['redPhone', '红'],
  ['fax', '传'],
];

/** Every number of a contact, one per entry, as [label, number]. */
export function numbersOf(c: RosterContact): { label: string; number: string }[] {
  const full: Record<(typeof FIELDS)[number][0], string> = {
    officePhone: '办公电话',
    mobile: '手机',
    redPhone: '红机',
    fax: '传真',
  };
  return FIELDS.flatMap(([f]) =>
    c[f]
      .split('；')
      .filter(Boolean)
      .map((number) => ({ label: full[f], number })),
  );
}

/** Copies text; falls back to a hidden textarea where the Clipboard API is not offered. */
export async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.style.position = 'fixed';
    ta.style.opacity = '0';
    document.body.appendChild(ta);
    ta.select();
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- the one way to copy where the Clipboard API is not offered (plain http)
    const ok = document.execCommand('copy');
    ta.remove();
    if (!ok) throw new Error('无法访问剪贴板');
  }
}

/** A contact's numbers, each with a one-click copy. */
export function Phones({ contact }: { contact: RosterContact }) {
  const { message } = App.useApp();
  const copy = (n: string) =>
    copyText(n).then(
      () => message.success(`已复制：${n}`),
      (e: unknown) => message.error(`复制失败：${errorText(e)}`),
    );
  return (
    <Space size={4} wrap>
      {FIELDS.flatMap(([f, short]) =>
        contact[f]
          .split('；')
          .filter(Boolean)
          .map((n) => (
            <Tooltip key={`${f}-${n}`} title="点击复制">
              <Button size="small" onClick={() => void copy(n)} data-testid="copy-phone">
                <Typography.Text type="secondary">{short}</Typography.Text> {n}
              </Button>
            </Tooltip>
          )),
      )}
    </Space>
  );
}
