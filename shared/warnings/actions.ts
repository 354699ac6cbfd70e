/** Actions once a warning is in force (A 3.3, B 3.2, C 4.2.3), as checklist items. */
import { PLANS, assertChecklistPlan, citationOf, type ChecklistPlanId } from '../plans/plans';
import type { ActionItem } from '../response';
import { WARNING_LEVEL_IDS, assertWarningLevel, type WarningLevel } from './levels';

type Def = Omit<ActionItem, 'plan' | 'document' | 'citation' | 'levels'>;

/** The sentence that introduces the list: all three plans make the actions "视情况" / "一项或者多项". */
export const WARNING_ACTIONS_PREAMBLE: Record<ChecklistPlanId, { text: string; clause: string }> = {
  comms: { text: '市指挥部办公室依据突发事件发展趋势判定，采取下列一项或者多项预警行动', clause: '3.3' },
  radiation: { text: '进入预警状态后，市、县级应急指挥机构与有关部门视情况采取以下措施', clause: '3.2' },
  environment: { text: '预警信息发布后，当地人民政府及其有关部门视情况采取以下措施', clause: '4.2.3' },
};

const B_TECH = { name: '技术组', leader: '市生态环境局分管负责人', clause: '2.3.3' };

const DEFS: Record<ChecklistPlanId, Def[]> = {
  comms: [
    {
      id: 'comms.w.3.3.1',
      text: '立即发出预警指令，跟踪通信企业应急准备工作，指导通信企业应急通信保障力量进入临战状态，动员后备人员做好应急通信保障工作准备',
      clause: '3.3(1)',
      unit: '市指挥部办公室',
    },
    {
      id: 'comms.w.3.3.2.1',
      text: '加强网络和应急装备力量监测，指导通信企业及时向重要用户通报有关情况',
      clause: '3.3(2)',
      unit: '市指挥部办公室',
    },
    {
      id: 'comms.w.3.3.2.2',
      text: '组织有关单位专业技术人员、专家，密切关注事态发展，根据分析评估结论调整预警级别',
      clause: '3.3(2)',
      unit: '市指挥部办公室',
    },
    {
      id: 'comms.w.3.3.3',
      text: '市指挥部办公室通知相关单位及时做好应急准备工作',
      clause: '3.3(3)',
      unit: '市指挥部办公室',
      when: '当预警升级',
    },
  ],
  radiation: [
    {
      id: 'rad.w.3.2.1',
      text: '赶赴现场，协调各级、各专业力量实施应急支援行动，提出现场应急行动原则要求',
      clause: '3.2(1)',
      unit: '市、县级应急指挥机构与有关部门',
    },
    {
      id: 'rad.w.3.2.2',
      text: '转移、撤离或者疏散可能受到危害的人员，并进行妥善安置',
      clause: '3.2(2)',
      unit: '市、县级应急指挥机构与有关部门',
    },
    {
      id: 'rad.w.3.2.3.1',
      text: '指令各应急救援队伍进入应急状态，技术组立即开展应急监测，随时掌握并报告事态进展情况',
      clause: '3.2(3)',
      unit: '市、县级应急指挥机构与有关部门',
      group: B_TECH,
    },
    {
      id: 'rad.w.3.2.3.2',
      text: '请求山西省生态环境监测和应急保障中心等部门提供应急监测技术支持',
      clause: '3.2(3)',
      unit: '市、县级应急指挥机构与有关部门',
      when: '必要时',
    },
    {
      id: 'rad.w.3.2.4',
      text: '针对辐射事故可能造成的危害，封闭、隔离或者限制使用有关场所，中止可能导致危害扩大的行为和活动',
      clause: '3.2(4)',
      unit: '市、县级应急指挥机构与有关部门',
    },
    {
      id: 'rad.w.3.2.5',
      text: '调集环境应急所需物资和设备，保障应急处置工作',
      clause: '3.2(5)',
      unit: '市、县级应急指挥机构与有关部门',
    },
  ],
  environment: [
    {
      id: 'env.w.4.2.2',
      text: '通报可能影响到的相关地区',
      clause: '4.2.2',
      unit: '市指挥部或其授权的相关部门',
    },
    {
      id: 'env.w.4.2.3.1',
      text: '分析研判。组织有关部门和机构、专业技术人员及专家，及时对预警信息进行分析研判，预估可能的影响范围和危害程度',
      clause: '4.2.3(1)',
      unit: '当地人民政府及其有关部门',
    },
    {
      id: 'env.w.4.2.3.2.1',
      text: '防范处置。迅速采取有效处置措施，控制事件苗头。在涉险区域设置注意事项提示或事件危害警告标志，利用各种渠道增加宣传频次，告知公众避险和减轻危害的常识、需采取的必要的健康防护措施',
      clause: '4.2.3(2)',
      unit: '当地人民政府及其有关部门',
    },
    {
      id: 'env.w.4.2.3.2.2',
      text: '应及时启动饮用水水源地应急预案，做好启用备用水源的准备工作',
      clause: '4.2.3(2)',
      unit: '当地人民政府及其有关部门',
      when: '可能威胁饮用水安全时',
    },
    {
      id: 'env.w.4.2.3.3.1',
      text: '应急准备。提前疏散、转移可能受到危害的人员，并进行妥善安置',
      clause: '4.2.3(3)',
      unit: '当地人民政府及其有关部门',
    },
    {
      id: 'env.w.4.2.3.3.2',
      text: '指令应急救援队伍、负有应急监测等特定职责的人员进入待命状态，动员后备人员做好参加应急救援和处置工作的准备，调集应急所需物资和设备，做好应急保障工作',
      clause: '4.2.3(3)',
      unit: '当地人民政府及其有关部门',
    },
    {
      id: 'env.w.4.2.3.3.3',
      text: '对可能导致突发环境事件发生的相关企事业单位和其他生产经营者加强环境监管',
      clause: '4.2.3(3)',
      unit: '当地人民政府及其有关部门',
    },
    {
      id: 'env.w.4.2.3.4',
      text: '舆论引导。及时准确发布事态最新情况，公布咨询电话，组织专家解读。加强相关舆情监测，做好舆论引导工作',
      clause: '4.2.3(4)',
      unit: '当地人民政府及其有关部门',
    },
  ],
};

/**
 * Checklist once a warning is in force: A 3.3, B 3.2, C 4.2.3 (with C 4.2.2's notice to areas
 * affected). No plan varies the actions by level, so every item applies at every level.
 */
export function warningActions(plan: ChecklistPlanId, level?: WarningLevel): ActionItem[] {
  assertChecklistPlan(plan);
  if (level !== undefined) assertWarningLevel(level);
  return DEFS[plan].map((d) => ({
    ...d,
    plan,
    document: PLANS[plan].document,
    citation: citationOf(plan, d.clause),
    levels: WARNING_LEVEL_IDS,
  }));
}
