/** JSON export: UTF-8 without BOM, two-space indent, trailing newline. */
export function toJson(value: unknown): Buffer {
  if (value === undefined) throw new Error('value 不能为空');
  let text: string;
  try {
    text = JSON.stringify(value, null, 2);
  } catch (e) {
    throw new Error(`value 无法转换为 JSON：${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  return Buffer.from(`${text}\n`, 'utf8');
}
