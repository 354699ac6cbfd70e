// Sample data for every form: used by `npm run forms:samples` and the PDF tests.
// Names include rare characters (镕 堃 珺 喆 赟) that common government fonts lack.

import type {
  FormInput,
  RadiationAccidentType,
  RadiationFinalReport,
  RadiationFollowUpReport,
  RadiationInitialReport,
  RadiationSourceRow,
} from './types';

export interface FormSample {
  /** File-name friendly id, e.g. "radiation-initial". */
  id: string;
  /** What the sample shows, in Chinese. */
  description: string;
  input: FormInput;
  drill?: boolean;
}

const lostSourceType: RadiationAccidentType = {
  exposure: true,
  contamination: false,
  exposedCount: 2,
  lost: true,
  stolen: false,
  outOfControl: false,
  sourceCount: 1,
  radioactivePollution: false,
};

const cs137: RadiationSourceRow = {
  nuclide: 'Cs-137',
  factoryActivityBq: '1.11E+10',
  factoryDate: '2015-03-18',
  sourceCode: '0315CS012345',
  activityAtAccidentBq: '9.10E+09',
  unsealedState: '',
};

const initial: RadiationInitialReport = {
  unitName: '山西朔州某某选煤有限公司',
  legalRepresentative: '王镕',
  address: '朔州市朔城区开发北路88号',
  postCode: '036000',
  phone: '0349-2012345',
  fax: '0349-2012346',
  contact: '李堃',
  licenceNumber: '晋环辐证〔F0123〕',
  licenceAuthority: '山西省生态环境厅',
  occurredAt: '2021-09-02T06:05:00Z',
  place: '朔城区开发北路选煤车间3号皮带秤',
  accidentType: lostSourceType,
  sources: [cs137],
  devices: [
    {
      name: 'X射线探伤机',
      model: 'XXG-2505',
      maker: '丹东某某仪器厂',
      serial: 'DD-2019-0456',
      place: '检修车间',
      mainParameters: '5mA / 250kV',
    },
  ],
  narrative:
    '9月2日14时许，该公司检修人员在3号皮带秤检修时发现核子秤放射源铅罐开启、放射源缺失，现场2名检修人员可能受到照射。公司已封锁现场，并电话报告朔城区生态环境分局和公安分局。',
  reporter: '王镕',
  reportedAt: '2021-09-02T07:00:00Z',
};

/**
 * Names with characters of GB 18030-2022 beyond the common fonts: CJK Extension A (䶮 㵘), B (𠮷),
 * C (𫖯) and E (𬌗 𬭎), and an emoji that prints as its name.
 */
export const RARE_CHARACTERS = '𠮷䶮𫖯𬌗𬭎㵘';
export const RARE_NAMES_INITIAL: RadiationInitialReport = {
  ...initial,
  legalRepresentative: '吉𠮷',
  contact: '刘䶮',
  reporter: '赵𫖯',
  licenceAuthority: '山西省生态环境厅（经办人钱𬌗、孙𬭎）',
  place: '朔城区㵘水村选煤车间3号皮带秤',
  narrative: `${initial.narrative}现场照片已发值班群👍。`,
};

function manySources(n: number): RadiationSourceRow[] {
  return Array.from({ length: n }, (_, i) => ({
    nuclide: i % 2 === 0 ? 'Cs-137' : 'Am-241',
    factoryActivityBq: `${(1 + (i % 9) / 10).toFixed(2)}E+09`,
    factoryDate: `20${10 + (i % 10)}-0${1 + (i % 9)}-15`,
    sourceCode: `SRC-${String(i + 1).padStart(3, '0')}`,
    activityAtAccidentBq: `${(0.8 + (i % 9) / 10).toFixed(2)}E+09`,
    unsealedState: '',
  }));
}

const followUp: RadiationFollowUpReport = {
  unitName: initial.unitName,
  address: initial.address,
  licenceNumber: initial.licenceNumber,
  licenceAuthority: initial.licenceAuthority,
  occurredAt: initial.occurredAt,
  reportedAt: '2021-09-02T10:30:00Z',
  place: initial.place,
  accidentType: lostSourceType,
  sources: [cs137],
  devices: [],
  level: '一般',
  narrative:
    '经核实，丢失放射源为IV类源（Cs-137，1枚）。朔城区生态环境分局、公安分局已到场，划定警戒区，开展辐射巡测；2名检修人员已送医学检查，暂未见异常。放射源于9月2日17时在废料堆中找回，已收贮至公司源库。',
  department: '朔州市生态环境局朔城分局',
  departmentContact: '张珺',
  departmentPhone: '0349-2023456',
  departmentFax: '0349-2023457',
};

const finalReport: RadiationFinalReport = {
  eventTitle: '朔城区某选煤公司核子秤放射源丢失',
  unit: '朔州市生态环境局',
  reportedAt: '2021-09-06T02:00:00Z',
  unitName: initial.unitName,
  occurredAt: initial.occurredAt,
  place: initial.place,
  level: '一般',
  summary:
    '9月2日14时许，该公司3号皮带秤核子秤Cs-137放射源（IV类）丢失，2名检修人员可能受到照射；当日17时在废料堆中找回。',
  measuresProcessResults:
    '接报后市、区两级生态环境部门和公安部门到场，划定警戒区，开展辐射巡测和废料堆排查；17时找回放射源并收贮至公司源库，经检测源完好、无泄漏；9月3日解除警戒。',
  potentialHarm: '2名检修人员受照剂量估算均低于年剂量限值，医学检查未见异常；周边环境辐射水平已恢复本底。',
  socialImpact: '未引起群众恐慌，无负面舆情。',
  remainingIssues: '该公司放射源安全管理制度落实不到位，已责令限期整改；整改完成前暂停使用核子秤。',
  departments: [
    { department: '朔州市生态环境局', work: '现场指挥、辐射监测、收贮监管' },
    { department: '朔城区公安分局', work: '现场警戒、排查放射源去向' },
    { department: '朔州市卫生健康委员会', work: '受照人员医学检查' },
  ],
  evidenceDocuments: '《辐射环境监测报告》（朔环监字〔2021〕58号）；《受照人员医学检查报告》（朔州市人民医院）。',
  contact: '张珺',
  contactPhone: '0349-2023456',
  signOff: { issuer: '王镕', issuedAt: '2021-09-06T01:30:00Z' },
};

/** One sample of every form kind, plus a 40-row source table and a drill. */
export function sampleForms(): FormSample[] {
  return [
    {
      id: 'radiation-initial',
      description: '辐射事故初始报告表（丢失放射源）',
      input: { kind: 'radiation-initial', data: initial },
    },
    {
      id: 'radiation-initial-rare-names',
      description: '辐射事故初始报告表（生僻字姓名、表情符号）',
      input: { kind: 'radiation-initial', data: RARE_NAMES_INITIAL },
    },
    {
      id: 'radiation-initial-40-sources',
      description: '辐射事故初始报告表（40行放射源表，跨页续表）',
      input: {
        kind: 'radiation-initial',
        data: { ...initial, sources: manySources(40), accidentType: { ...lostSourceType, sourceCount: 40 } },
      },
    },
    {
      id: 'radiation-follow-up',
      description: '辐射事故后续报告表',
      input: { kind: 'radiation-follow-up', data: followUp },
    },
    {
      id: 'radiation-follow-up-correction',
      description: '辐射事故后续报告表的更正报告（已签发）',
      input: {
        kind: 'radiation-follow-up',
        data: {
          ...followUp,
          reportedAt: '2021-09-02T12:10:00Z',
          sources: [{ ...cs137, activityAtAccidentBq: '9.05E+09' }],
          correction: {
            correctsLabel: '续报一',
            correctsTitle: '辐射事故后续报告表',
            correctsSentAt: '2021-09-02T10:30:00Z',
            reportedAt: '2021-09-02T12:10:00Z',
            items: ['放射源表第1行 事故时活度(Bq)：9.10E+09 → 9.05E+09'],
          },
          signOff: { issuer: '王镕', issuedAt: '2021-09-02T12:00:00Z' },
        },
      },
    },
    {
      id: 'radiation-final',
      description: '辐射事故终结报告（朔政办发〔2021〕42号 4.1.2(3)，已签发）',
      input: { kind: 'radiation-final', data: finalReport },
    },
    {
      id: 'info-report-comms-initial',
      description: '通信突发事件信息报告（初报，标注密级和紧急程度）',
      input: {
        kind: 'info-report',
        data: {
          plan: 'comms',
          kind: '初报',
          eventTitle: '朔城区、平鲁区移动通信基站大面积退服',
          unit: '朔州市工业和信息化局',
          issuer: '赵喆',
          reportedAt: '2021-09-02T06:40:00Z',
          copyNumber: '000012',
          classification: '秘密',
          urgency: '特急',
          contact: '孙赟',
          contactPhone: '0349-2034567',
          content: {
            basicSituation:
              '9月2日13时50分，受强降雨引发的山体滑坡影响，朔城区、平鲁区交界处一条干线光缆中断，两区共312个移动通信基站退服。',
            level:
              '初步判断为较大通信突发事件，涉及两个县（区），建议启动一级应急通信保障响应（朔政办发〔2021〕40号 4.3）。',
            harm: '约4.6万户移动用户通信中断，平鲁区2个乡镇固定电话和宽带业务受影响。',
            scope: '朔城区北部3个乡镇、平鲁区南部2个乡镇。',
            measures: '各通信企业已派出抢修队伍8支，调用应急通信车2台；建议协调公安、交通部门保障抢修车辆通行。',
          },
        },
      },
    },
    {
      id: 'info-report-environment-follow-up',
      description: '突发环境事件信息报告（第2次续报）',
      input: {
        kind: 'info-report',
        data: {
          plan: 'environment',
          kind: '续报',
          seq: 2,
          eventTitle: '怀仁市某化工企业储罐泄漏',
          unit: '朔州市生态环境局',
          issuer: '王镕',
          reportedAt: '2021-09-03T02:00:00Z',
          content: {
            occurredAt: '2021-09-02T22:15:00Z',
            place: '怀仁市金沙滩镇工业园区',
            unitName: '怀仁市某某化工有限公司',
            infoSource: '企业报告、12369环保举报热线',
            category: '水污染（危险化学品泄漏）',
            pollutants: '液碱约20吨，已截留约18吨。',
            casualtiesAndLoss: '无人员伤亡，直接经济损失初步估计约60万元。',
            sensitiveTargets: '下游5公里内无饮用水水源地，未涉及敏感区域。',
            scope: '厂区雨水沟及下游约800米排洪渠。',
            trendAndHandling: '泄漏点已封堵，排洪渠已筑坝截流，应急监测每2小时一次，pH值呈下降趋势。',
          },
        },
      },
    },
    {
      id: 'info-report-comms-final',
      description: '通信突发事件信息报告（终报）',
      input: {
        kind: 'info-report',
        data: {
          plan: 'comms',
          kind: '终报',
          eventTitle: '朔城区、平鲁区移动通信基站大面积退服',
          unit: '朔州市工业和信息化局',
          issuer: '赵喆',
          reportedAt: '2021-09-04T01:00:00Z',
          content: {
            basicSituation: '干线光缆已于9月3日6时全部恢复，312个退服基站全部恢复运行。',
            level: '较大通信突发事件，一级响应已于9月3日10时终止（朔政办发〔2021〕40号 4.8）。',
            harm: '通信中断最长约16小时，无次生事件。',
            scope: '朔城区、平鲁区5个乡镇。',
            measures: '建议对易受滑坡影响的光缆路由实施迁改，增设备用路由。',
          },
        },
      },
    },
    {
      id: 'duty-log',
      description: '值班日志',
      input: {
        kind: 'duty-log',
        data: {
          date: '2021-09-02',
          dutyUnit: '朔州市人民政府总值班室',
          leader: '刘喆',
          officers: ['张珺', '孙赟'],
          entries: [
            {
              at: '2021-09-02T06:12:00Z',
              category: '接报',
              content: '朔城区生态环境分局电话报告：某选煤公司核子秤放射源丢失。',
              handling: '已登记，报告带班领导，通知市生态环境局。',
              handler: '张珺',
            },
            {
              at: '2021-09-02T06:40:00Z',
              category: '报告',
              content: '向市政府分管领导电话报告放射源丢失情况。',
              handling: '领导要求全力查找，做好人员防护。',
              handler: '孙赟',
            },
            {
              at: '2021-09-02T09:20:00Z',
              category: '批示',
              content: '市长批示：尽快找回放射源，妥善处置。',
              handling: '已传达市生态环境局、市公安局。',
              handler: '张珺',
            },
          ],
          notes: '18时起全市强降雨，已提醒各县（市、区）值班室加强值守。',
        },
      },
    },
    {
      id: 'duty-log-drill',
      description: '值班日志（演练，多页，每页水印）',
      drill: true,
      input: {
        kind: 'duty-log',
        data: {
          date: '2021-09-08',
          dutyUnit: '朔州市人民政府总值班室',
          leader: '刘喆',
          officers: ['张珺', '孙赟'],
          entries: Array.from({ length: 30 }, (_, i) => ({
            at: `2021-09-08T${String(1 + Math.floor(i / 3)).padStart(2, '0')}:${String((i % 3) * 20).padStart(2, '0')}:00Z`,
            category: i % 3 === 0 ? '接报' : i % 3 === 1 ? '报告' : '交办',
            content: `科目${i + 1}：模拟突发环境事件信息接报与报送。`,
            handling: '按预案流程处置完毕。',
            handler: i % 2 === 0 ? '张珺' : '孙赟',
          })),
          notes: '本日组织辐射事故应急综合科目（朔政办发〔2021〕42号 6.5.3）。',
        },
      },
    },
    {
      id: 'handover',
      description: '交接班记录',
      input: {
        kind: 'handover',
        data: {
          handoverAt: '2021-09-02T00:30:00Z',
          dutyUnit: '朔州市人民政府总值班室',
          fromOfficers: ['张珺'],
          toOfficers: ['孙赟'],
          leader: '刘喆',
          openIncidents: [
            {
              title: '朔城区某选煤公司放射源丢失',
              level: '一般',
              status: '放射源已找回，待终结报告',
              nextStep: '督促市生态环境局报送终结报告',
            },
            {
              title: '朔城区、平鲁区通信基站大面积退服',
              level: '较大',
              status: '抢修中，已恢复60%',
              nextStep: '每2小时续报一次',
            },
          ],
          runningClocks: [
            {
              incident: '通信基站大面积退服',
              label: '书面报告',
              dueAt: '2021-09-02T07:30:00Z',
              basis: '朔政办发〔2021〕40号 4.1',
            },
          ],
          pendingInstructions: '市长批示“尽快恢复通信”，已传达市工信局，待反馈落实情况。',
          equipment: '值班电话、传真、红机运行正常。',
          notes: '',
        },
      },
    },
    {
      id: 'roster',
      description: '市较大生态环境事件应急指挥部通讯录',
      input: {
        kind: 'roster',
        data: {
          title: '市较大生态环境事件应急指挥部通讯录',
          basis: '《朔州市辐射事故应急预案》（朔政办发〔2021〕42号 2.3）',
          asOf: '2021-09-08',
          sections: [
            {
              heading: '指挥部',
              rows: [
                {
                  role: '指挥长',
                  name: '王镕',
                  unitTitle: '市政府副市长',
                  officePhone: '0349-2011001',
                  mobile: '139****0001',
                  redPhone: '8001',
                  fax: '0349-2011101',
                },
                {
                  role: '副指挥长',
                  name: '李堃',
                  unitTitle: '市生态环境局局长',
                  officePhone: '0349-2011002',
                  mobile: '139****0002',
                  redPhone: '8002',
                  fax: '0349-2011102',
                },
              ],
            },
            {
              heading: '现场处置组',
              rows: [
                {
                  role: '组长',
                  name: '张珺',
                  unitTitle: '市生态环境局副局长',
                  officePhone: '0349-2011003',
                  mobile: '139****0003',
                  redPhone: '',
                },
                {
                  role: '成员',
                  name: '赵喆',
                  unitTitle: '市公安局治安支队副支队长',
                  officePhone: '0349-2011004',
                  mobile: '139****0004',
                  redPhone: '',
                },
                {
                  role: '成员',
                  name: '孙赟',
                  unitTitle: '市卫生健康委员会科长',
                  officePhone: '0349-2011005',
                  mobile: '139****0005',
                  redPhone: '',
                },
              ],
            },
          ],
        },
      },
    },
  ];
}
