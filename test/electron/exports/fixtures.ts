import type { ExportTable } from '../../../electron/exports/types';

export const SAMPLE: ExportTable = {
  title: '突发事件登记表',
  subtitle: '2025年10月1日至2025年10月7日',
  columns: [
    { key: 'no', header: '序号', width: 6 },
    { key: 'title', header: '事件', width: 30 },
    { key: 'place', header: '地点', width: 12 },
    { key: 'note', header: '备注', width: 40 },
  ],
  rows: [
    { no: 1, title: '应县某化工厂泄漏', place: '应县', note: '已电话报告，书面报告迟报' },
    { no: 2, title: '平鲁区通信光缆中断, 影响"两镇"', place: '平鲁区', note: '第一行\n第二行' },
    { no: 3, title: '=SUM(A1)', place: null, note: '' },
  ],
};
