import { App, Button, Card, Descriptions, Form, Input, InputNumber, TimePicker } from 'antd';
import { WallKeyPanel } from '../wall/WallKeyPanel';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import type { AppInfo } from '../../../../shared/ipc/channels/app';
import type { Settings } from '../../../../shared/settings';
import { call } from '../../api/api';
import { useSettings } from '../../hooks/useSettings';
import { RotateToken } from '../connection/RotateToken';

/** The fields of the form below; the shift start is edited as a time of day. */
type SettingsForm = Pick<
  Settings,
  | 'stationName'
  | 'dueSoonMinutes'
  | 'repeatMinutes'
  | 'upcomingMinutes'
  | 'shiftHours'
  | 'backupKeep'
  | 'pendingLevelMinutes'
  | 'idleLockMinutes'
> & {
  shiftStart: Dayjs;
};

/** Alarm timing, the strip's window, shifts and the station's name; where the data lives. */
export function SettingsPage() {
  const settings = useSettings();
  const [form] = Form.useForm<SettingsForm>();
  const { message } = App.useApp();
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    call('app:info', {}).then(setInfo, () => undefined);
  }, []);
  useEffect(() => {
    form.setFieldsValue({ ...settings, shiftStart: dayjs(settings.shiftStart, 'HH:mm') });
  }, [settings, form]);

  const save = async () => {
    try {
      const v = await form.validateFields();
      await call('settings:set', { ...v, shiftStart: v.shiftStart.format('HH:mm') });
      message.success('设置已保存');
    } catch (err) {
      // A form that does not validate shows its own field messages.
      if (err instanceof Error) message.error(err.message);
    }
  };

  return (
    <Card title="设置" style={{ maxWidth: 720 }}>
      <Form form={form} layout="horizontal" labelCol={{ span: 8 }}>
        <Form.Item name="stationName" label="值班单位名称" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="dueSoonMinutes" label="即将到期提前（分钟）" rules={[{ required: true }]}>
          <InputNumber min={1} max={120} data-testid="setting-due-soon" />
        </Form.Item>
        <Form.Item name="repeatMinutes" label="超时未确认重复提醒间隔（分钟）" rules={[{ required: true }]}>
          <InputNumber min={1} max={60} />
        </Form.Item>
        <Form.Item name="upcomingMinutes" label="看板顶部显示多少分钟内到期" rules={[{ required: true }]}>
          <InputNumber min={5} max={240} />
        </Form.Item>
        <Form.Item name="shiftStart" label="交接班时间" rules={[{ required: true }]}>
          <TimePicker format="HH:mm" />
        </Form.Item>
        <Form.Item name="shiftHours" label="每班时长（小时）" rules={[{ required: true }]}>
          <InputNumber min={4} max={24} />
        </Form.Item>
        <Form.Item name="backupKeep" label="保留最近备份份数" rules={[{ required: true }]}>
          <InputNumber min={1} max={365} />
        </Form.Item>
        <Form.Item
          name="idleLockMinutes"
          label="空闲锁屏（分钟）"
          extra="无人操作达到此时长即锁屏；锁屏时告警照常显示和响铃（GB/T 22239-2019 8.1.4.1 b）。"
          rules={[{ required: true, message: '请填写空闲锁屏时间' }]}
        >
          <InputNumber min={1} max={240} data-testid="idle-lock-minutes" />
        </Form.Item>
        <Form.Item
          name="pendingLevelMinutes"
          label="待初步判定提醒（分钟）"
          extra="接报后仍未判定事件级别的，到时提醒尽快初步判定。本值班室规定，非预案条款。"
          rules={[{ required: true, message: '请填写待初步判定提醒时长' }]}
        >
          <InputNumber min={5} max={240} precision={0} data-testid="setting-pending-level" />
        </Form.Item>
        <Button type="primary" onClick={() => void save()} data-testid="settings-save">
          保存
        </Button>
      </Form>
      {info && (
        <Descriptions size="small" column={1} style={{ marginTop: 24 }} title="运行信息">
          <Descriptions.Item label="版本">{info.version}</Descriptions.Item>
          <Descriptions.Item label="运行方式">
            {info.host === 'electron' ? '桌面版（Electron）' : '浏览器模式（本机 127.0.0.1）'}
          </Descriptions.Item>
          <Descriptions.Item label="数据文件夹">{info.dataDir}</Descriptions.Item>
          <Descriptions.Item label="数据库版本">{info.schemaVersion}</Descriptions.Item>
        </Descriptions>
      )}
      <RotateToken />
      <WallKeyPanel />
    </Card>
  );
}
