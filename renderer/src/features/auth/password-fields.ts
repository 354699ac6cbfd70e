import type { FormRule } from 'antd';

/** A confirmation field's rule: it must repeat the field `field` exactly (a new password typed twice). */
export const repeats =
  (field: string, message: string): FormRule =>
  ({ getFieldValue }) => ({
    validator: (_rule, v) =>
      !v || v === getFieldValue(field) ? Promise.resolve() : Promise.reject(new Error(message)),
  });
