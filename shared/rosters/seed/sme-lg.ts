/** 朔州市促进中小企业发展工作领导小组 — 朔政办函〔2021〕102号. */

import type { Roster } from '../types';
import { sourceOf } from './build';

const DOC = '朔政办函〔2021〕102号';
const s = sourceOf(DOC);

export const SME_LG: Roster = {
  id: 'sme-lg',
  name: '朔州市促进中小企业发展工作领导小组',
  kind: '领导小组',
  document: DOC,
  clause: '二、组成人员',
  documentTitle: '《朔州市人民政府办公室关于成立朔州市促进中小企业发展工作领导小组的通知》',
  leaders: [
    s.person('二', 'leader', '组长', '市委副书记、市长', { unit: '市人民政府' }),
    s.person('二', 'executive-deputy', '常务副组长', '市政府分管副市长', { unit: '市人民政府' }),
    s.person('二', 'deputy-1', '副组长', '市政府分管副秘书长', { unit: '市政府办公室' }),
    s.person('二', 'deputy-2', '副组长', '市小微企业发展服务中心主任', { unit: '市小微企业发展服务中心' }),
  ],
  members: [s.person('二', 'members', '成员', '各成员单位主要负责人')],
  office: {
    name: '领导小组办公室',
    hostUnit: '市小微企业发展服务中心',
    hostUnitId: 'sme-center',
    head: '市小微企业发展服务中心主任（兼）',
    duties:
      '承担领导小组日常工作，负责牵头研究提出促进中小企业发展的政策建议；协调、督促成员单位履行工作职责和落实领导小组决定事项；承办领导小组交办的其他事项。',
    document: DOC,
    clause: '三、工作机构及职责',
  },
  units: s.unitList(
    '二',
    '市发改委、市工信局、市科技局、市财政局、市人社局、市规划和自然资源局、市生态环境局、市农业农村局、市商务局、市文旅局、市市场监管局、市统计局、市政府金融办、市小微企业发展服务中心、市促投局、市工商联、人行朔州市中心支行、朔州银保监分局、市税务局',
  ),
  groups: [],
  liaisonNote: '领导小组成员因工作调整或职务变动的，由其继任者履行职责，不再另行行文（三）。',
};
