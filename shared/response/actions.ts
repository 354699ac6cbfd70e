/**
 * Action checklists (行动措施) per plan and response level, item by item with the clause.
 * Texts are quoted from the gazette (punctuation normalised to full width); "……" marks an omission.
 */
import { PLANS, assertChecklistPlan, citationOf, type ChecklistPlanId } from '../plans/plans';
import { ALL_RESPONSE_LEVELS, assertResponseLevel, type ResponseLevel } from './plans';

/** A field working group from the plan's roster whose duties cover the item. */
export interface GroupRef {
  name: string;
  /** 组长 or 组长单位 as the roster names it. */
  leader: string;
  clause: string;
}

export interface ActionItem {
  id: string;
  plan: ChecklistPlanId;
  text: string;
  clause: string;
  document: string;
  citation: string;
  /** Responsible unit as the clause names it. */
  unit?: string;
  group?: GroupRef;
  /** Condition quoted from the clause ("必要时", "视情况"): an officer may mark the item not applicable. */
  when?: string;
  /** Response levels whose checklist includes this item. */
  levels: readonly ResponseLevel[];
  /** True for first-response items (A 4.5, B 4.2, C 5.2), included at every level. */
  firstResponse?: boolean;
}

type Def = Omit<ActionItem, 'plan' | 'document' | 'citation'>;

const ALL = ALL_RESPONSE_LEVELS;
const COMMS_ALL: readonly ResponseLevel[] = ['二级', '一级'];

// Plan A roster: 附件3 现场指挥部 groups.
const A_REPAIR: GroupRef = { name: '现场抢修组', leader: '市工信局', clause: '附件3' };

const COMMS: Def[] = [
  {
    id: 'comms.4.5.1',
    text: '市指挥部办公室接到突发事件信息报告后，立即到现场核实有关情况',
    clause: '4.5',
    unit: '市指挥部办公室',
    levels: COMMS_ALL,
    firstResponse: true,
  },
  {
    id: 'comms.4.5.2',
    text: '及时上报市指挥部并提出启动应急响应建议',
    clause: '4.5',
    unit: '市指挥部办公室',
    levels: COMMS_ALL,
    firstResponse: true,
  },
  {
    id: 'comms.4.5.3',
    text: '各通信企业应在市工信局指导下，先行启动应急响应，为应急处置各关键部门提供基本应急通信保障',
    clause: '4.5',
    unit: '各通信企业（市工信局指导）',
    when: '事发初期，难以确定应急通信保障等级时',
    levels: COMMS_ALL,
    firstResponse: true,
  },
  {
    id: 'comms.4.2',
    text: '启动指挥联动、会商、通信联络、信息报送和发布等工作机制',
    clause: '4.2',
    unit: '各级应急通信保障指挥部',
    levels: COMMS_ALL,
  },
  {
    id: 'comms.4.3.3.1',
    text: '县（市、区）指挥部办公室组织专家对相关信息进行分析、评估，研究提出应急处置对策、方案或建议',
    clause: '4.3.3(1)',
    unit: '县（市、区）指挥部办公室',
    levels: ['二级'],
  },
  {
    id: 'comms.4.3.3.2',
    text: '相关单位接到任务后，立即组织应急通信保障队伍、应急资源展开应急通信保障和恢复工作，并及时向县（市、区）指挥部办公室报告任务执行情况',
    clause: '4.3.3(2)',
    unit: '相关单位',
    levels: ['二级'],
  },
  {
    // 4.3.3(3) and the second paragraph of 4.4.3 are the same duty: one item, kept across a level change.
    id: 'comms.4.3.3.3',
    text: '当地通信企业在先期处置的基础上，根据需要增派应急通信保障队伍，利用应急通信装备开展保障工作',
    clause: '4.3.3(3)、4.4.3',
    unit: '当地通信企业',
    group: A_REPAIR,
    levels: ['二级', '一级'],
  },
  {
    id: 'comms.4.4.3.1',
    text: '了解事件基本情况、造成的损失和影响、应对进展、应急通信网络保障需求等',
    clause: '4.4.3',
    unit: '市指挥部办公室',
    levels: ['一级'],
  },
  {
    id: 'comms.4.4.3.2',
    text: '调度本级应急通信保障队伍承担任务',
    clause: '4.4.3',
    unit: '市指挥部办公室',
    levels: ['一级'],
  },
  {
    id: 'comms.4.4.3.3',
    text: '协调跨县（市、区）、跨企业应急队伍、物资和装备相互支援',
    clause: '4.4.3',
    unit: '市指挥部办公室',
    levels: ['一级'],
  },
  {
    id: 'comms.4.4.3.4',
    text: '安排专家和技术人员为应对和保障工作提供决策建议和技术支持',
    clause: '4.4.3',
    unit: '市指挥部办公室',
    levels: ['一级'],
  },
  {
    // The city field HQ: at 二级 the county HQ leads (4.3.1), so 4.6 belongs to 一级.
    id: 'comms.4.6.1',
    text: '成立现场指挥部，组织、协调现场应急通信保障工作',
    clause: '4.6',
    unit: '市指挥部',
    when: '根据突发事件处置中应急通信保障需要和市指挥部要求',
    levels: ['一级'],
  },
  {
    id: 'comms.4.6.2',
    text: '向相关通信企业和相关成员单位下达应急通信保障和恢复任务，并监督执行',
    clause: '4.6',
    unit: '市指挥部办公室',
    levels: ['一级'],
  },
  {
    id: 'comms.4.7',
    text: '应急通信保障人员要配备必要生活及人身防护物资',
    clause: '4.7',
    unit: '应急通信保障人员所在单位',
    levels: COMMS_ALL,
  },
];

// Plan B roster: 2.3.1–2.3.6 field HQ groups.
const B_SUPPORT: GroupRef = { name: '应急综合保障组', leader: '市生态环境局副局长', clause: '2.3.1' };
const B_SCENE: GroupRef = { name: '现场处置组', leader: '市生态环境局副局长', clause: '2.3.2' };
const B_TECH: GroupRef = { name: '技术组', leader: '市生态环境局分管负责人', clause: '2.3.3' };
const B_MED: GroupRef = { name: '医疗救护组', leader: '市卫健委副主任', clause: '2.3.5' };
const B_PRESS: GroupRef = { name: '新闻报道组', leader: '市委宣传部副部长', clause: '2.3.6' };

const RADIATION: Def[] = [
  {
    id: 'rad.4.2.1',
    text: '事故单位、事发地政府和有关部门要按照属地为主原则立即采取措施，组织处置，防止事故扩大',
    clause: '4.2',
    unit: '事故单位、事发地政府和有关部门',
    levels: ALL,
    firstResponse: true,
  },
  {
    id: 'rad.4.2.2',
    text: '报请上一级政府及相关部门',
    clause: '4.2',
    unit: '事发地政府',
    when: '当事态超出处理能力时',
    levels: ALL,
    firstResponse: true,
  },
  {
    id: 'rad.4.3.1.1',
    text: '市指挥部办公室根据事发地县级政府请求，提供队伍、物资、技术等支持',
    clause: '4.3.1',
    unit: '市指挥部办公室',
    levels: ['四级'],
  },
  {
    id: 'rad.4.3.1.2',
    text: '视情况派出相关工作组，赴现场指导应急处置',
    clause: '4.3.1',
    unit: '市指挥部办公室',
    when: '视情况',
    levels: ['四级'],
  },
  {
    id: 'rad.4.3.1.3',
    text: '市指挥部办公室密切关注事态发展趋势',
    clause: '4.3.1',
    unit: '市指挥部办公室',
    levels: ['四级'],
  },
  {
    id: 'rad.4.3.2.1',
    text: '赶赴事发现场，成立现场指挥部，召集有关部门分析事故状况，组织开展应对工作',
    clause: '4.3.2(1)',
    unit: '市指挥部',
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.2',
    text: '制定现场处置、救援方案，组织开展应急处置、应急监测、应急救援等工作；设置现场警戒区和交通管制区域，确定重点防护区域',
    clause: '4.3.2(2)',
    unit: '市指挥部',
    group: B_SCENE,
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.3',
    text: '组织协调相关专业应急队伍、物资、装备等应急资源，为应急处置提供支援和支持',
    clause: '4.3.2(3)',
    unit: '市指挥部',
    group: B_SUPPORT,
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.4',
    text: '研究决定县级政府和有关部门提出的请求事项',
    clause: '4.3.2(4)',
    unit: '市指挥部',
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.5',
    text: '统一组织事故信息发布、舆论引导',
    clause: '4.3.2(5)',
    unit: '市指挥部',
    group: B_PRESS,
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.6',
    text: '视情况向毗邻和可能波及的其他市级政府通报情况',
    clause: '4.3.2(6)',
    unit: '市指挥部',
    when: '视情况',
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.7',
    text: '配合省生态环境厅开展较大辐射事故调查工作，组织一般辐射事故调查工作',
    clause: '4.3.2(7)',
    unit: '市指挥部',
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.8',
    text: '组织开展较大辐射事故损害评估工作',
    clause: '4.3.2(8)',
    unit: '市指挥部',
    levels: ['三级'],
  },
  {
    id: 'rad.4.3.2.9',
    text: '必要时，市指挥部负责向省政府和省生态环境厅请求应急支援',
    clause: '4.3.2(9)',
    unit: '市指挥部',
    when: '必要时',
    levels: ['三级'],
  },
  {
    // 4.3.3 (二级) and 4.3.4 (一级) give the city the same three duties; the province leads both.
    id: 'rad.4.3.3.1',
    text: '市指挥部在处理能力范围内立即采取措施，组织处置，防止事故扩大',
    clause: '4.3.3、4.3.4',
    unit: '市指挥部',
    levels: ['二级', '一级'],
  },
  {
    id: 'rad.4.3.3.2',
    text: '按照4.1节信息报告与通报的报告程序向本级政府和省级相关部门报告',
    clause: '4.3.3、4.3.4',
    unit: '市指挥部',
    levels: ['二级', '一级'],
  },
  {
    id: 'rad.4.3.3.3',
    text: '市指挥部在上上级辐射事故应急指挥机构的领导下开展应急工作',
    clause: '4.3.3、4.3.4',
    unit: '市指挥部',
    levels: ['二级', '一级'],
  },
  {
    id: 'rad.4.4.1.1',
    text: '事发单位立即启动本单位辐射事故应急响应，采取必要措施，控制或切断污染源。及时主动向事发地现场处置组提供应急救援有关的基础资料',
    clause: '4.4.1(1)',
    unit: '事发单位',
    levels: ALL,
  },
  {
    id: 'rad.4.4.1.2',
    text: '事发地生态环境部门责令停止导致或者可能导致辐射事故作业，组织控制事故现场',
    clause: '4.4.1(2)',
    unit: '事发地生态环境部门',
    group: B_SCENE,
    levels: ALL,
  },
  {
    id: 'rad.4.4.1.3',
    text: '事发地政府组织有关人员和队伍赶赴事发现场……组织有关专家迅速对事故信息进行分析、评估，提出应急处置方案和建议',
    clause: '4.4.1(3)',
    unit: '事发地政府',
    levels: ALL,
  },
  {
    id: 'rad.4.4.1.4',
    text: '全力控制事故态势，严防二次污染和次生、衍生事故发生',
    clause: '4.4.1(3)',
    unit: '事发地政府',
    levels: ALL,
  },
  {
    id: 'rad.4.4.2.1',
    text: '现场应急工作人员应根据不同类型辐射事故的特点，配备相应的专业防护装备，采取安全防护措施',
    clause: '4.4.2(1)',
    unit: '现场应急工作人员所在单位',
    levels: ALL,
  },
  {
    id: 'rad.4.4.2.2.1',
    text: '根据辐射事故的性质、特点，向县级政府提出公众安全防护措施指导意见',
    clause: '4.4.2(2)①',
    unit: '现场处置组',
    group: B_SCENE,
    levels: ALL,
  },
  {
    id: 'rad.4.4.2.2.2',
    text: '提出污染范围控制建议，确定公众疏散的方式，指导有关部门组织群众安全疏散撤离',
    clause: '4.4.2(2)②',
    unit: '现场处置组',
    group: B_SCENE,
    levels: ALL,
  },
  {
    id: 'rad.4.4.2.2.3',
    text: '在事发地安全边界之外，设立紧急避难场所',
    clause: '4.4.2(2)③',
    unit: '现场处置组',
    group: B_SCENE,
    levels: ALL,
  },
  {
    id: 'rad.4.4.2.2.4',
    text: '必要时，对易失控的放射源实施收贮',
    clause: '4.4.2(2)④',
    unit: '现场处置组',
    group: B_SCENE,
    when: '必要时',
    levels: ALL,
  },
  {
    id: 'rad.4.4.3',
    text: '对可能受到辐射损伤的人员，应当立即送至具备救治辐射损伤人员能力及条件的医疗机构进行检查和治疗',
    clause: '4.4.3',
    unit: '事发地政府及卫生健康部门',
    group: B_MED,
    levels: ALL,
  },
  {
    id: 'rad.4.4.4.1',
    text: '应急监测由技术组负责组织实施、协调指导事发地的辐射环境应急监测工作',
    clause: '4.4.4',
    unit: '技术组',
    group: B_TECH,
    levels: ALL,
  },
  {
    id: 'rad.4.4.4.2',
    text: '根据监测结果，确定污染范围，提供监测数据……预测并报告辐射事故的发展趋势和污染物的变化情况',
    clause: '4.4.4',
    unit: '技术组',
    group: B_TECH,
    levels: ALL,
  },
  {
    id: 'rad.4.4.5.1',
    text: '市指挥部负责发布较大辐射事故的信息',
    clause: '4.4.5',
    unit: '市指挥部',
    group: B_PRESS,
    levels: ALL,
  },
  {
    id: 'rad.4.4.5.2',
    text: '发生跨市的辐射事故时，应向邻市通报应急处置情况，同时上报省生态环境厅',
    clause: '4.4.5',
    unit: '市指挥部',
    when: '发生跨市的辐射事故时',
    levels: ALL,
  },
];

// Plan C roster: 附件3 working groups.
const C_POLLUTION: GroupRef = { name: '污染处置组', leader: '市生态环境局副局长', clause: '附件3' };
const C_MONITOR: GroupRef = { name: '应急监测组', leader: '市生态环境局副局长', clause: '附件3' };
const C_MED: GroupRef = { name: '医学救援组', leader: '市卫健委副主任', clause: '附件3' };
const C_SUPPORT: GroupRef = { name: '应急保障组', leader: '市应急管理局副局长', clause: '附件3' };
const C_PRESS: GroupRef = { name: '新闻宣传组', leader: '市委宣传部副部长', clause: '附件3' };
const C_STABLE: GroupRef = { name: '社会稳定组', leader: '市公安局副局长', clause: '附件3' };
const C_INVEST: GroupRef = { name: '调查评估组', leader: '市生态环境局副局长', clause: '附件3' };
const C_EXPERT: GroupRef = { name: '专家组', leader: '市生态环境局副局长', clause: '附件3' };

const ENVIRONMENT: Def[] = [
  {
    id: 'env.5.2.1',
    text: '事发地人民政府及其有关部门和事发单位要立即采取措施，组织处置，防止事件扩大',
    clause: '5.2',
    unit: '事发地人民政府及其有关部门和事发单位',
    levels: ALL,
    firstResponse: true,
  },
  {
    id: 'env.5.2.2',
    text: '报请上一级人民政府及相关部门',
    clause: '5.2',
    unit: '事发地人民政府',
    when: '当事件态势超出处理能力时',
    levels: ALL,
    firstResponse: true,
  },
  {
    id: 'env.5.3.1.1',
    text: '市指挥部办公室根据事发地县（市、区）人民政府请求，提供队伍、物资、技术等支持',
    clause: '5.3.1',
    unit: '市指挥部办公室',
    levels: ['四级'],
  },
  {
    id: 'env.5.3.1.2',
    text: '视情况派出相关工作组，赴现场指导应急处置',
    clause: '5.3.1',
    unit: '市指挥部办公室',
    when: '视情况',
    levels: ['四级'],
  },
  {
    id: 'env.5.3.2.1',
    text: '赶赴事发现场，成立现场指挥部，组织开展应对工作',
    clause: '5.3.2(1)',
    unit: '市指挥部',
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.2',
    text: '组织市指挥部成员单位、专家组会商，研判事态，制定现场处置方案',
    clause: '5.3.2(2)',
    unit: '市指挥部',
    group: C_EXPERT,
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.3',
    text: '组织开展应急处置、应急监测、污染源调查等工作',
    clause: '5.3.2(3)',
    unit: '市指挥部',
    group: C_POLLUTION,
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.4',
    text: '组织协调相关应急队伍、物资、装备等应急资源，为应急处置提供支援和技术支持',
    clause: '5.3.2(4)',
    unit: '市指挥部',
    group: C_SUPPORT,
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.5',
    text: '研究决定县（市、区）人民政府和有关部门提出的请求事项',
    clause: '5.3.2(5)',
    unit: '市指挥部',
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.6',
    text: '统一组织事件信息发布、舆论引导和信息通报',
    clause: '5.3.2(6)',
    unit: '市指挥部',
    group: C_PRESS,
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.7',
    text: '配合省生态环境厅开展事件调查',
    clause: '5.3.2(7)',
    unit: '市指挥部',
    group: C_INVEST,
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.8',
    text: '组织开展事件损害评估和善后处置等工作',
    clause: '5.3.2(8)',
    unit: '市指挥部',
    group: C_INVEST,
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.9',
    text: '配合省工作组开展应急处置相关工作，并及时报告工作进展情况',
    clause: '5.3.2(9)',
    unit: '市指挥部',
    levels: ['三级'],
  },
  {
    id: 'env.5.3.2.10',
    text: '必要时，市指挥部负责向省政府及省生态环境厅提出物资、技术、设备等支援请求',
    clause: '5.3.2(10)',
    unit: '市指挥部',
    when: '必要时',
    levels: ['三级'],
  },
  {
    id: 'env.5.3.3.0',
    text: '市指挥部指挥长向市应急救援总指挥部总指挥报告，提出启动二级响应建议，并立即向省政府报告事件信息',
    clause: '5.3.3',
    unit: '市指挥部指挥长',
    levels: ['二级'],
  },
  {
    id: 'env.5.3.3.1',
    text: '立即赴事发现场，开展先期处置，配合省现场指挥部开展应急处置相关工作',
    clause: '5.3.3(1)',
    unit: '市指挥部',
    levels: ['二级'],
  },
  {
    id: 'env.5.3.4.0',
    text: '市指挥部指挥长向市应急救援总指挥部总指挥报告，提出启动一级响应建议，并立即向省政府报告事件信息',
    clause: '5.3.4',
    unit: '市指挥部指挥长',
    levels: ['一级'],
  },
  {
    id: 'env.5.3.4.1',
    text: '立即赴事发现场，开展先期处置，配合国家工作组、省现场指挥部开展应急处置相关工作',
    clause: '5.3.4(1)',
    unit: '市指挥部',
    levels: ['一级'],
  },
  {
    // 5.3.3(2)/(3) and 5.3.4(2)/(3) are word for word the same: one item each across 二级 and 一级.
    id: 'env.5.3.3.2',
    text: '配合生态环境部开展事件调查',
    clause: '5.3.3(2)、5.3.4(2)',
    unit: '市指挥部',
    group: C_INVEST,
    levels: ['二级', '一级'],
  },
  {
    id: 'env.5.3.3.3',
    text: '配合省生态环境厅开展事件损害评估和善后处置工作',
    clause: '5.3.3(3)、5.3.4(3)',
    unit: '市指挥部',
    group: C_INVEST,
    levels: ['二级', '一级'],
  },
  {
    id: 'env.5.4.1.1',
    text: '涉事企事业单位或其他生产经营者要立即采取关闭、停产、封堵、围挡、喷淋、导流、拦截、收容、转移等措施，切断和控制污染源，防止污染蔓延扩散',
    clause: '5.4.1',
    unit: '涉事企事业单位或其他生产经营者',
    group: C_POLLUTION,
    levels: ALL,
  },
  {
    id: 'env.5.4.1.2',
    text: '做好有毒有害物质和消防废水、废液等的收集、清理和安全处置工作',
    clause: '5.4.1',
    unit: '涉事企事业单位或其他生产经营者',
    group: C_POLLUTION,
    levels: ALL,
  },
  {
    id: 'env.5.4.1.3',
    text: '当地生态环境部门立即组织力量对污染来源开展调查，查明涉事单位，确定污染物种类和污染范围，协调应急处置队伍切断污染源',
    clause: '5.4.1',
    unit: '当地生态环境部门',
    group: C_POLLUTION,
    when: '当涉事企事业单位或其他生产经营者不明时',
    levels: ALL,
  },
  {
    id: 'env.5.4.1.4',
    text: '事发地人民政府应组织制定综合治污方案',
    clause: '5.4.1',
    unit: '事发地人民政府',
    group: C_POLLUTION,
    levels: ALL,
  },
  {
    id: 'env.5.4.1.5',
    text: '必要时，要求其他排污单位停产、限产、限排，减轻环境污染负荷',
    clause: '5.4.1',
    unit: '事发地人民政府',
    when: '必要时',
    levels: ALL,
  },
  {
    id: 'env.5.4.2.1',
    text: '划定现场警戒、交通管制和重点防护区域，确定受威胁人员疏散的方式和途径',
    clause: '5.4.2',
    unit: '事发地人民政府及相关部门',
    group: C_POLLUTION,
    levels: ALL,
  },
  {
    id: 'env.5.4.2.2',
    text: '有组织、有秩序及时疏散转移受威胁人员和可能受影响地区居民，确保生命安全',
    clause: '5.4.2',
    unit: '事发地人民政府及相关部门',
    levels: ALL,
  },
  {
    id: 'env.5.4.2.3',
    text: '妥善做好转移人员安置工作，保障受事件影响人员的基本生活需求与必要医疗条件',
    clause: '5.4.2',
    unit: '事发地人民政府及相关部门',
    group: C_SUPPORT,
    levels: ALL,
  },
  {
    id: 'env.5.4.3.1',
    text: '迅速组织当地医疗资源和力量，对伤病员进行诊断治疗，根据需要及时、安全地将重症伤病员转运到有条件的医疗机构加强救治',
    clause: '5.4.3',
    unit: '事发地人民政府及相关部门',
    group: C_MED,
    levels: ALL,
  },
  {
    id: 'env.5.4.3.2',
    text: '指导和协助开展受污染人员的去污洗消工作，提出保护公众健康的措施建议',
    clause: '5.4.3',
    unit: '事发地人民政府及相关部门',
    group: C_MED,
    levels: ALL,
  },
  {
    id: 'env.5.4.3.3',
    text: '做好受影响人员的心理援助及安抚工作',
    clause: '5.4.3',
    unit: '事发地人民政府及相关部门',
    group: C_MED,
    levels: ALL,
  },
  {
    id: 'env.5.4.4',
    text: '制定科学有效的应急监测方案，确定监测方法、点位和频次，调配应急监测设备、车辆，及时准确监测',
    clause: '5.4.4',
    unit: '事发地人民政府及相关部门',
    group: C_MONITOR,
    levels: ALL,
  },
  {
    id: 'env.5.4.5.1',
    text: '加强对重要生活必需品等商品的市场监管和调控',
    clause: '5.4.5',
    unit: '事发地人民政府及相关部门',
    group: C_STABLE,
    levels: ALL,
  },
  {
    id: 'env.5.4.5.2',
    text: '禁止或限制受污染食品和饮用水的生产、加工、流通和食用，防范因突发环境事件造成的集体中毒等',
    clause: '5.4.5',
    unit: '事发地人民政府及相关部门',
    levels: ALL,
  },
  {
    id: 'env.5.4.6.1',
    text: '市指挥部负责发布较大突发环境事件的信息',
    clause: '5.4.6',
    unit: '市指挥部',
    group: C_PRESS,
    levels: ALL,
  },
  {
    id: 'env.5.4.6.2',
    text: '发生跨市突发环境事件时，应向邻市通报应急处置情况，同时上报省生态环境厅',
    clause: '5.4.6',
    unit: '市指挥部',
    when: '发生跨市突发环境事件时',
    levels: ALL,
  },
  {
    id: 'env.5.4.7',
    text: '加强受影响地区社会治安管理……防止出现群体性事件，维护社会稳定',
    clause: '5.4.7',
    unit: '事发地人民政府及相关部门',
    group: C_STABLE,
    levels: ALL,
  },
];

const CATALOG: Record<ChecklistPlanId, readonly Def[]> = {
  comms: COMMS,
  radiation: RADIATION,
  environment: ENVIRONMENT,
};

function complete(plan: ChecklistPlanId, d: Def): ActionItem {
  return { ...d, plan, document: PLANS[plan].document, citation: citationOf(plan, d.clause) };
}

/** Every action item of a plan, whatever the level (for lookup by id). */
export function allActionItems(plan: ChecklistPlanId): ActionItem[] {
  assertChecklistPlan(plan);
  return CATALOG[plan].map((d) => complete(plan, d));
}

/** The action checklist for a response level: A 4.3.3/4.4.3 (+4.5), B 4.3.1–4.3.4 and 4.4 (+4.2), C 5.3.1–5.3.4 and 5.4 (+5.2). */
export function actionChecklist(plan: ChecklistPlanId, responseLevel: ResponseLevel): ActionItem[] {
  assertChecklistPlan(plan);
  assertResponseLevel(plan, responseLevel);
  return allActionItems(plan).filter((i) => i.levels.includes(responseLevel));
}

/** Who leads and who starts each response level (A 4.3.1/4.4.1, B 4.3.1–4.3.4, C 5.3.1–5.3.4). */
export interface ResponseLevelInfo {
  level: ResponseLevel;
  lead: string;
  startedBy: string;
  clause: string;
  citation: string;
}

const LEVEL_INFO: Record<
  ChecklistPlanId,
  Partial<Record<ResponseLevel, Omit<ResponseLevelInfo, 'level' | 'citation'>>>
> = {
  comms: {
    二级: { lead: '县（市、区）指挥部组织应对', startedBy: '县（市、区）指挥部确认后启动', clause: '4.3.1、4.3.2' },
    一级: { lead: '市指挥部组织应对', startedBy: '市指挥部确认后启动', clause: '4.4.1、4.4.2' },
  },
  radiation: {
    四级: { lead: '事发地县级政府负责应对工作', startedBy: '事发地县级政府', clause: '4.3.1' },
    三级: { lead: '市指挥部', startedBy: '市指挥部办公室向指挥长报告，由指挥长启动', clause: '4.3.2' },
    二级: { lead: '省指挥部（市指挥部在其领导下开展应急工作）', startedBy: '省指挥部组织启动', clause: '4.3.3' },
    一级: { lead: '省指挥部（市指挥部在其领导下开展应急工作）', startedBy: '省指挥部组织启动', clause: '4.3.4' },
  },
  environment: {
    四级: { lead: '事发地县（市、区）人民政府负责应对工作', startedBy: '事发地县（市、区）人民政府', clause: '5.3.1' },
    三级: { lead: '市指挥部', startedBy: '市指挥部办公室向指挥长报告，由指挥长启动', clause: '5.3.2' },
    二级: {
      lead: '省级（市指挥部配合省现场指挥部）',
      startedBy: '市指挥部指挥长向市应急救援总指挥部总指挥报告，提出启动建议',
      clause: '5.3.3',
    },
    一级: {
      lead: '国家工作组、省现场指挥部（市指挥部配合）',
      startedBy: '市指挥部指挥长向市应急救援总指挥部总指挥报告，提出启动建议',
      clause: '5.3.4',
    },
  },
};

/** Lead and starting authority of a response level (A 4.3–4.4, B 4.3, C 5.3). */
export function responseLevelInfo(plan: ChecklistPlanId, level: ResponseLevel): ResponseLevelInfo {
  assertChecklistPlan(plan);
  assertResponseLevel(plan, level);
  const info = LEVEL_INFO[plan][level];
  if (!info) throw new Error(`responseLevel 无效：${level}`);
  return { ...info, level, citation: citationOf(plan, info.clause) };
}
