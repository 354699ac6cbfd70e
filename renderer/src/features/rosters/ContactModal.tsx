import { App, Form, Input, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { CONTACT_ROLES, type EntryKind, type RosterContact } from '../../../../shared/domain/roster';
import { ApiError, call } from '../../api/api';
import { StaleContactNotice, STALE_CONTACT_MESSAGE } from './StaleContactNotice';

export type ContactTarget =
  | { mode: 'new'; rosterId: string; entryKind: EntryKind; entryId: string; entryLabel: string }
  | { mode: 'edit'; contact: RosterContact; entryLabel: string };

/** What the form holds: fields never touched are undefined. */
interface Values {
  role: RosterContact['role'];
  name: string;
  title?: string;
  officePhone?: string;
  mobile?: string;
  redPhone?: string;
  fax?: string;
  note?: string;
  reason?: string;
}

/** Adds a contact under a roster entry or edits one; the main process keeps the history. */
export function ContactModal({ target, onClose }: { target: ContactTarget | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const { message } = App.useApp();
  // A newer version another seat saved (issue 17), shown once a save was refused; and its version
  // once the officer has seen it (loaded it, or keeps their input over it).
  const [newer, setNewer] = useState<RosterContact | null>(null);
  const [over, setOver] = useState<number | null>(null);
  const close = () => {
    setNewer(null);
    setOver(null);
    onClose();
  };

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target.mode === 'edit') form.setFieldsValue({ ...target.contact, reason: '' });
    else form.setFieldsValue({ role: target.entryKind === 'person' ? '负责人' : '联络员' });
  }, [target, form]);

  const save = async (t: ContactTarget) => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows its own field messages
    }
    const fields = {
      role: v.role,
      name: v.name,
      title: v.title ?? '',
      officePhone: v.officePhone ?? '',
      mobile: v.mobile ?? '',
      redPhone: v.redPhone ?? '',
      fax: v.fax ?? '',
      note: v.note ?? '',
      reason: v.reason ?? '',
    };
    try {
      if (t.mode === 'edit')
        await call('rosters:save-contact', { id: t.contact.id, version: over ?? t.contact.version, ...fields });
      else
        await call('rosters:save-contact', {
          rosterId: t.rosterId,
          entryKind: t.entryKind,
          entryId: t.entryId,
          ...fields,
        });
      message.success('已保存');
      close();
    } catch (err) {
      if (t.mode === 'edit' && err instanceof ApiError && err.error.message === STALE_CONTACT_MESSAGE) {
        // Nothing typed is lost: the form keeps it, and the stored version is shown above it.
        const view = await call('rosters:get', { rosterId: t.contact.rosterId, includeEnded: true }).catch(() => null);
        setNewer(view?.contacts.find((c) => c.id === t.contact.id) ?? null);
      }
      const issues = err instanceof ApiError ? err.error.issues : undefined;
      // The main process names the fields by the keys it was sent, which are these.
      if (issues?.length) form.setFields(issues.map((i) => ({ name: i.path as keyof Values, errors: [i.message] })));
      if (err instanceof Error) message.error(err.message);
    }
  };

  return (
    <Modal
      open={!!target}
      title={target ? `${target.mode === 'edit' ? '修改联系人' : '添加联系人'}：${target.entryLabel}` : ''}
      onOk={() => {
        if (target) void save(target);
      }}
      onCancel={close}
      okText="保存"
      okButtonProps={{ id: 'contact-save' }}
      destroyOnHidden
    >
      {newer && (
        <StaleContactNotice
          latest={newer}
          onReload={() => {
            // getFieldValue is typed any; reason is a text field
            form.setFieldsValue({ ...newer, reason: form.getFieldValue('reason') as string | undefined });
            setOver(newer.version);
            setNewer(null);
          }}
          onKeepMine={() => {
            // The officer has seen the newer version and saves their input over it knowingly.
            setOver(newer.version);
            setNewer(null);
          }}
        />
      )}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="role" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
          <Select options={CONTACT_ROLES.map((r) => ({ value: r, label: r }))} data-testid="contact-role" />
        </Form.Item>
        <Form.Item
          name="name"
          label="姓名（或值班室名称）"
          rules={[{ required: true, whitespace: true, message: '请填写姓名' }]}
        >
          <Input maxLength={30} data-testid="contact-name" />
        </Form.Item>
        <Form.Item name="title" label="职务">
          <Input maxLength={80} />
        </Form.Item>
        <Form.Item name="officePhone" label="办公电话（多个用；分隔，可省略区号0349）">
          <Input maxLength={120} data-testid="contact-office" />
        </Form.Item>
        <Form.Item name="mobile" label="手机">
          <Input maxLength={120} data-testid="contact-mobile" />
        </Form.Item>
        <Form.Item name="redPhone" label="红机">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="fax" label="传真">
          <Input maxLength={120} />
        </Form.Item>
        <Form.Item name="note" label="备注">
          <Input maxLength={200} />
        </Form.Item>
        {target?.mode === 'edit' && (
          <Form.Item name="reason" label="修改说明">
            <Input maxLength={200} placeholder="如：换号、职务调整" />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}
