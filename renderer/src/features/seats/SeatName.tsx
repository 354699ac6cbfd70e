import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useEffect, useState } from 'react';
import { SEAT_NAME_MAX } from '../../../../shared/ipc/channels/seats';
import { call } from '../../api/api';
import { errorText } from '../../lib/errors';

/** The names a duty room usually gives its seats; any other name may be typed. */
const USUAL = ['带班席', '值班席一', '值班席二', '值班席三'];
/** This browser (or this desktop install) remembers its seat's name for its next tab or window. */
const KEPT = 'duty-seat-name';

interface Values {
  seatName: string;
}

/**
 * The seat's name in the header (issue 17): every timeline entry, print record and alarm
 * acknowledgement made here carries it. A new tab or window takes the name this machine used last.
 */
export function SeatName() {
  const { message } = App.useApp();
  const [name, setName] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();

  useEffect(() => {
    void (async () => {
      try {
        const info = await call('seats:get', {});
        const kept = localStorage.getItem(KEPT);
        if (info.seatName === null && kept) setName((await call('seats:set-name', { seatName: kept })).seatName);
        else setName(info.seatName);
      } catch {
        // Shown as unnamed; naming it again reports any error.
      }
    })();
  }, []);

  const save = async (v: Values) => {
    try {
      const info = await call('seats:set-name', { seatName: v.seatName });
      setName(info.seatName);
      if (info.seatName) localStorage.setItem(KEPT, info.seatName);
      setOpen(false);
    } catch (err) {
      message.error(errorText(err));
    }
  };

  return (
    <>
      <Button
        size="small"
        onClick={() => {
          form.setFieldsValue({ seatName: name ?? '' });
          setOpen(true);
        }}
        data-testid="seat-name"
        title="本席位的名称：记在本席位的每条记录、打印和告警确认上"
      >
        {name ? `席位：${name}` : '未命名席位'}
      </Button>
      <Modal
        open={open}
        title="席位名称"
        okText="保存"
        cancelText="取消"
        onOk={() => form.submit()}
        onCancel={() => setOpen(false)}
        okButtonProps={{ 'data-testid': 'seat-name-save' }}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
          <Form.Item
            name="seatName"
            label="席位名称"
            extra="记在本席位的每条时间线记录、打印记录和告警确认上，例如 带班席、值班席一"
            rules={[
              { required: true, whitespace: true, message: '请填写席位名称' },
              { max: SEAT_NAME_MAX, message: `席位名称不能超过${SEAT_NAME_MAX}字` },
            ]}
          >
            <Input maxLength={SEAT_NAME_MAX} data-testid="seat-name-input" />
          </Form.Item>
          <Space wrap>
            {USUAL.map((u) => (
              <Button key={u} size="small" onClick={() => form.setFieldsValue({ seatName: u })}>
                {u}
              </Button>
            ))}
          </Space>
        </Form>
      </Modal>
    </>
  );
}
