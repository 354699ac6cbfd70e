/**
 * 市森林草原防灭火指挥部 and the county forest and grassland fire brigades —
 * 朔政办发〔2021〕44号. The document is addressed to the HQ's member units but names neither
 * its leaders nor its members, so that roster starts empty for officers to fill in.
 */

import type { Roster, SeedUnit } from '../types';
import { sourceOf } from './build';

const DOC = '朔政办发〔2021〕44号';
const s = sourceOf(DOC);

export const FOREST_FIRE_HQ: Roster = {
  id: 'forest-fire-hq',
  name: '朔州市森林草原防灭火指挥部',
  kind: '指挥部',
  document: DOC,
  clause: '主送机关；四、(三)',
  documentTitle: '《朔州市全面加强森林草原防火专业队伍建设实施方案》',
  leaders: [],
  units: [],
  groups: [],
  liaisonNote:
    '公报未列出指挥部组成人员和成员单位，由值班室据实补录。县级专业队伍跨区域执行扑救任务，由上一级森林草原防火指挥机构指挥调度（四、(三)）。',
};

/** 三、(一)1: key counties 应县 and 右玉县 keep at least 100, the others at least 50. */
function brigade(county: string, minimum: number): SeedUnit {
  return s.unit(
    '三、(一)1–2',
    `${county}森林草原防火专业队伍`,
    `不少于${minimum}人；坚持24小时值班制度，有火扑火、无火巡查；接到扑火指令后10分钟内集结，出勤率不低于90%；统一划归林业部门管理（四、(二)）。`,
  );
}

export const FOREST_FIRE_BRIGADES: Roster = {
  id: 'forest-fire-brigades',
  name: '县级森林草原防火专业队伍',
  kind: '扑火队',
  document: DOC,
  clause: '三、(一)',
  documentTitle: '《朔州市全面加强森林草原防火专业队伍建设实施方案》',
  leaders: [],
  units: [
    brigade('朔城区', 50),
    brigade('平鲁区', 50),
    brigade('山阴县', 50),
    brigade('应县', 100),
    brigade('右玉县', 100),
    brigade('怀仁市', 50),
  ],
  groups: [],
  liaisonNote: '各县(市、区)政府负责组建（三、(一)）；队长、值班电话由值班室据实补录。',
};
