/** 朔州市保障性安居工程建设和稳定房地产市场领导小组 — 朔政办函〔2021〕110号. */

import type { Roster } from '../types';
import { sourceOf } from './build';

const DOC = '朔政办函〔2021〕110号';
const s = sourceOf(DOC);

export const HOUSING_LG: Roster = {
  id: 'housing-lg',
  name: '朔州市保障性安居工程建设和稳定房地产市场领导小组',
  kind: '领导小组',
  document: DOC,
  clause: '二、组成人员',
  documentTitle: '《朔州市人民政府办公室关于合并朔州市保障性安居工程领导组和朔州市化解房地产库存工作领导小组的通知》',
  leaders: [
    s.person('二', 'leader', '组长', '分管住房和城乡建设工作的副市长', { unit: '市人民政府' }),
    s.person('二', 'deputy-1', '副组长', '市政府协管副秘书长', { unit: '市政府办公室' }),
    s.person('二', 'deputy-2', '副组长', '市住建局主要负责人', { unit: '市住建局' }),
    s.person('二', 'deputy-3', '副组长', '市发改委主要负责人', { unit: '市发改委' }),
    s.person('二', 'deputy-4', '副组长', '市财政局主要负责人', { unit: '市财政局' }),
    s.person('二', 'deputy-5', '副组长', '市规划和自然资源局主要负责人', { unit: '市规划和自然资源局' }),
    s.person('二', 'deputy-6', '副组长', '市政府金融办主要负责人', { unit: '市政府金融办' }),
  ],
  members: [s.person('二', 'members', '成员', '各成员单位负责人')],
  office: {
    name: '领导小组办公室',
    hostUnit: '市住建局',
    hostUnitId: 'housing',
    document: DOC,
    clause: '二',
  },
  units: s.unitList(
    '二',
    '市发改委、市公安局、市民政局、市财政局、市规划和自然资源局、市生态环境局、市住建局、市农业农村局、市市场监管局、市统计局、市政府金融办、市乡村振兴局、市残联、市税务局、人行朔州中心支行',
  ),
  groups: [],
  liaisonNote: '根据需要转化为化解房地产市场风险应急领导小组，制定并实施应急预案（一）。',
};
