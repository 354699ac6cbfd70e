import { Alert, Button, Descriptions, Space } from 'antd';
import type { RosterContact } from '../../../../shared/domain/roster';
import { STALE_CONTACT_MESSAGE } from '../../../../shared/ipc/channels/seats';
import { fmtDateTime } from '../../lib/format';

export { STALE_CONTACT_MESSAGE };

const shown = (v: string | null | undefined): string => (v ? v : '（空）');

/**
 * A contact edit refused because another seat changed the contact first (issue 17): the stored
 * version, above the officer's own input, which the form keeps. The officer loads it into the
 * form, or keeps their input and saves it over the newer version knowingly.
 */
export function StaleContactNotice({
  latest,
  onReload,
  onKeepMine,
}: {
  latest: RosterContact;
  onReload: () => void;
  onKeepMine: () => void;
}) {
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="stale-contact"
      style={{ marginBottom: 16 }}
      title={STALE_CONTACT_MESSAGE}
      description={
        <>
          <div style={{ marginBottom: 8 }}>
            最新内容如下（第{latest.version}版，{fmtDateTime(latest.updatedAt)}由{latest.updatedBy}
            修改）；下方表单仍是您填写的内容，尚未保存。
          </div>
          <Descriptions size="small" column={2} bordered data-testid="stale-contact-latest">
            <Descriptions.Item label="类别">{latest.role}</Descriptions.Item>
            <Descriptions.Item label="姓名">{latest.name}</Descriptions.Item>
            <Descriptions.Item label="职务">{shown(latest.title)}</Descriptions.Item>
            <Descriptions.Item label="办公电话">{shown(latest.officePhone)}</Descriptions.Item>
            <Descriptions.Item label="手机">{shown(latest.mobile)}</Descriptions.Item>
            <Descriptions.Item label="红机">{shown(latest.redPhone)}</Descriptions.Item>
            <Descriptions.Item label="传真">{shown(latest.fax)}</Descriptions.Item>
            <Descriptions.Item label="备注">{shown(latest.note)}</Descriptions.Item>
          </Descriptions>
          <Space style={{ marginTop: 8 }}>
            <Button size="small" onClick={onReload} data-testid="stale-contact-reload">
              载入最新内容（放弃我的输入）
            </Button>
            <Button size="small" type="primary" ghost onClick={onKeepMine} data-testid="stale-contact-keep">
              保留我的输入，在最新内容上保存
            </Button>
          </Space>
        </>
      }
    />
  );
}
