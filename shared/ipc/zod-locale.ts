/**
 * zod's messages in Chinese, configured once for every process that validates IPC input (the main
 * process's dispatch and the renderer both import this module). zod's own zh-CN locale is the base;
 * the cases where it still shows English type names, raw patterns or key names are worded here.
 * Field labels are not known at this level: dispatch puts the field's label in front (labels.ts).
 */
import { z } from 'zod';

const TYPE_NAMES: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  bigint: '整数',
  boolean: '是或否',
  array: '列表',
  object: '对象',
  record: '对象',
  date: '日期',
  null: '空值',
  undefined: '空',
  nan: '数字',
  tuple: '列表',
  map: '对象',
  set: '列表',
  literal: '固定值',
};

const typeName = (t: unknown): string => TYPE_NAMES[String(t)] ?? '有效的值';

/** What a value received over IPC looks like, in words. */
function received(input: unknown): string {
  if (input === null) return '空值';
  if (Array.isArray(input)) return '列表';
  if (typeof input === 'number' && Number.isNaN(input)) return '非数字';
  return typeName(typeof input);
}

const showValue = (v: unknown): string => (typeof v === 'string' ? `“${v}”` : String(v));

type Issue = z.core.$ZodRawIssue;

const base = z.locales.zhCN().localeError;

/** The project's Chinese wording; anything not covered falls back to zod's zh-CN locale. */
export function chineseZodError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.input === undefined) return '未填写';
      if (issue.expected === 'int') return '应为整数';
      return `应为${typeName(issue.expected)}，收到的是${received(issue.input)}`;
    }
    case 'invalid_value':
      if (issue.values.length === 1) return `应为${showValue(issue.values[0])}`;
      if (issue.values.length <= 8) return `应为以下之一：${issue.values.map(showValue).join('、')}`;
      return '不是可选的值';
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return `不能超过${max}字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `最多${max}项`;
      return issue.inclusive ? `不能大于${max}` : `应小于${max}`;
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return min <= 1 ? '未填写' : `至少${min}字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `至少${min}项`;
      return issue.inclusive ? `不能小于${min}` : `应大于${min}`;
    }
    case 'invalid_format':
      if (issue.format === 'datetime') return '时间格式应为 ISO 8601（含时区）';
      if (issue.format === 'date') return '日期格式应为 YYYY-MM-DD';
      if (issue.format === 'time') return '时间格式应为 HH:mm';
      return '格式不正确';
    case 'not_multiple_of':
      return `应为${issue.divisor}的整数倍`;
    case 'unrecognized_keys':
      return '含有不认识的项目';
    case 'invalid_key':
      return '含有无效的项目名';
    case 'invalid_element':
      return '含有无效的值';
    case 'invalid_union':
      return '内容不符合要求';
    default: {
      const m = base(issue);
      const text = typeof m === 'string' ? m : m?.message;
      return text && !/[A-Za-z]{3,}/.test(text) ? text : '内容不符合要求';
    }
  }
}

z.config(z.locales.zhCN());
z.config({ localeError: chineseZodError });
