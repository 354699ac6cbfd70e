import type { FormInstance } from 'antd';

/**
 * The form's values once every field is valid, or null when one is not: the fields then show their
 * own messages. antd rejects with `errorFields` then; any other failure is a real error and is thrown.
 * Awaiting validateFields bare leaves that rejection unhandled in click handlers started with `void`.
 */
export async function validValues<T>(form: FormInstance<T>): Promise<T | null> {
  try {
    return await form.validateFields();
  } catch (err) {
    // antd's validation failure carries errorFields; anything else is not a validation outcome
    if (typeof err === 'object' && err !== null && 'errorFields' in err) return null;
    throw err;
  }
}

/** A form rule from a shared check that names what is wrong (or null): an empty field passes. */
export const checkedBy = (problemOf: (text: string) => string | null) => ({
  validator: (_rule: unknown, v?: string): Promise<void> => {
    const problem = v?.trim() ? problemOf(v.trim()) : null;
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
});
