import type { FormKind } from './types';

export interface FormCatalogueEntry {
  kind: FormKind;
  /** Chinese title as printed. */
  title: string;
  /** Where the form or its content list comes from. */
  source: string;
}

/** Every printable form, with the clause it follows (shown in the UI beside the print button). */
export const FORM_CATALOGUE: readonly FormCatalogueEntry[] = [
  {
    kind: 'radiation-initial',
    title: '辐射事故初始报告表',
    source: '《朔州市辐射事故应急预案》（朔政办发〔2021〕42号）4.1.2(1)、附件4',
  },
  {
    kind: 'radiation-follow-up',
    title: '辐射事故后续报告表',
    source: '《朔州市辐射事故应急预案》（朔政办发〔2021〕42号）4.1.2(2)、附件5',
  },
  {
    kind: 'radiation-final',
    title: '辐射事故终结报告',
    source: '《朔州市辐射事故应急预案》（朔政办发〔2021〕42号）4.1.2(3)',
  },
  {
    kind: 'info-report',
    title: '突发事件信息报告（初报、续报、终报）',
    source:
      '《朔州市通信保障应急预案》（朔政办发〔2021〕40号）4.1；《朔州市突发环境事件应急预案》（朔政办发〔2021〕43号）5.1.1',
  },
  { kind: 'duty-log', title: '值班日志', source: '值班室日常工作制度' },
  { kind: 'handover', title: '交接班记录', source: '值班室交接班制度' },
  { kind: 'roster', title: '通讯录', source: '各专项应急预案组织指挥体系（如朔政办发〔2021〕42号 2.3、附件2）' },
];
