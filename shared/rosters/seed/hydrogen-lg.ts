/** 朔州市氢能产业发展工作领导小组 — 朔政办函〔2021〕94号 (named members and titles). */

import type { Roster, SeedPerson } from '../types';
import { sourceOf } from './build';

const DOC = '朔政办函〔2021〕94号';
const s = sourceOf(DOC);
const CLAUSE = '正文“组长、副组长、成员”';

/** [name, title, unit] exactly in the order of the notice. */
const MEMBERS: [string, string, string][] = [
  ['王玉奎', '市发展和改革委员会主任', '市发展和改革委员会'],
  ['黄军', '市工业和信息化局局长', '市工业和信息化局'],
  ['李武魁', '市科学技术局党组书记', '市科学技术局'],
  ['连彩霞', '市科学技术局局长', '市科学技术局'],
  ['王虎', '市司法局局长', '市司法局'],
  ['王晓东', '市财政局局长', '市财政局'],
  ['张祥', '市规划和自然资源局局长', '市规划和自然资源局'],
  ['卢生权', '市生态环境局局长', '市生态环境局'],
  ['王加焕', '市住房和城乡建设局局长', '市住房和城乡建设局'],
  ['何勇儒', '市城市管理局党组书记', '市城市管理局'],
  ['杨东峰', '市交通运输局局长', '市交通运输局'],
  ['兰成龙', '市能源局局长', '市能源局'],
  ['钟启宇', '市行政审批局局长', '市行政审批局'],
  ['王志福', '市促进外来投资局局长', '市促进外来投资局'],
  ['曹桂军', '深圳市氢蓝时代动力科技有限公司副总裁、中央研究院院长', '深圳市氢蓝时代动力科技有限公司'],
  ['谢波', '深圳市氢蓝时代动力科技有限公司战略规划中心总经理', '深圳市氢蓝时代动力科技有限公司'],
  ['史晓平', '深圳市氢蓝时代动力科技有限公司北方大区副总经理', '深圳市氢蓝时代动力科技有限公司'],
  ['强文桥', '深圳能源集团股份有限公司规划部总经理', '深圳能源集团股份有限公司'],
  ['曾小云', '深圳能源集团股份有限公司战略规划高级经理', '深圳能源集团股份有限公司'],
  ['喻志远', '山西德志时代新能源汽车制造股份有限公司总经理', '山西德志时代新能源汽车制造股份有限公司'],
];

const members: SeedPerson[] = MEMBERS.map(([name, title, unit], i) =>
  s.person(CLAUSE, `member-${i + 1}`, '成员', title, { name, unit }),
);

const memberUnitNames = [...new Set(MEMBERS.map(([, , unit]) => unit))];

export const HYDROGEN_LG: Roster = {
  id: 'hydrogen-lg',
  name: '朔州市氢能产业发展工作领导小组',
  kind: '领导小组',
  document: DOC,
  clause: '正文',
  documentTitle: '《朔州市人民政府办公室关于成立朔州市氢能产业发展工作领导小组的通知》',
  leaders: [
    s.person(CLAUSE, 'leader', '组长', '市委副书记、市长', { name: '吴秀玲', unit: '市人民政府' }),
    s.person(CLAUSE, 'deputy-1', '副组长', '市委常委、副市长', { name: '张韬', unit: '市人民政府' }),
    s.person(CLAUSE, 'deputy-2', '副组长', '副市长', { name: '刘亮', unit: '市人民政府' }),
    s.person(CLAUSE, 'deputy-3', '副组长', '深圳市氢蓝时代动力科技有限公司创始人、董事长', {
      name: '金晓辉',
      unit: '深圳市氢蓝时代动力科技有限公司',
    }),
  ],
  members,
  office: {
    name: '领导小组办公室',
    hostUnit: '市发改委',
    hostUnitId: 'ndrc',
    head: '王玉奎（兼）',
    deputyHead: '史晓平（兼）',
    duties: '负责统筹推进氢能产业发展各项工作。',
    document: DOC,
    clause: '正文“领导小组下设办公室”',
  },
  // The notice lists people, not member units: the units are those the members come from.
  units: memberUnitNames.map((name) => s.unit(CLAUSE, name)),
  groups: [],
};
