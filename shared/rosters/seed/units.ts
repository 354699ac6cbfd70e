/**
 * One registry of every unit the rosters name, with a stable id and the spellings the gazette
 * uses for it (the same bureau is 市工信局 in one clause and 市工业和信息化局 in the next).
 * Ids never change once released: the database keys officer-entered phone numbers to them.
 */

export type UnitCategory = '市直单位' | '县级政府' | '企业' | '驻朔部队' | '金融监管' | '扑火队' | '泛指';

export interface RegistryUnit {
  id: string;
  /** The fullest name the gazette uses. */
  name: string;
  aliases: string[];
  category: UnitCategory;
}

const u = (id: string, name: string, category: UnitCategory, ...aliases: string[]): RegistryUnit => ({
  id,
  name,
  aliases,
  category,
});

export const UNIT_REGISTRY: readonly RegistryUnit[] = [
  u('city-gov', '朔州市人民政府', '市直单位', '市人民政府', '市政府'),
  u('gov-office', '朔州市人民政府办公室', '市直单位', '市政府办公室', '市政府办'),
  u('propaganda', '市委宣传部', '市直单位'),
  u('ndrc', '市发展和改革委员会', '市直单位', '市发改委'),
  u('education', '市教育局', '市直单位'),
  u('industry-it', '市工业和信息化局', '市直单位', '市工信局'),
  u('science', '市科学技术局', '市直单位', '市科技局'),
  u('public-security', '市公安局', '市直单位'),
  u('traffic-police', '市公安局交警支队', '市直单位'),
  u('civil-affairs', '市民政局', '市直单位'),
  u('justice', '市司法局', '市直单位'),
  u('finance', '市财政局', '市直单位'),
  u('hr-social', '市人力资源和社会保障局', '市直单位', '市人社局'),
  u('natural-resources', '市规划和自然资源局', '市直单位'),
  u('ecology', '市生态环境局', '市直单位'),
  u('housing', '市住房和城乡建设局', '市直单位', '市住建局'),
  u('urban-management', '市城市管理局', '市直单位', '市城管局'),
  u('transport', '市交通运输局', '市直单位', '市交通局'),
  u('water', '市水利局', '市直单位'),
  u('agriculture', '市农业农村局', '市直单位'),
  u('health', '市卫生健康委员会', '市直单位', '市卫健委'),
  u('emergency', '市应急管理局', '市直单位', '市应急局'),
  u('market', '市市场监督管理局', '市直单位', '市市场监管局'),
  u('commerce', '市商务局', '市直单位'),
  u('media', '朔州市融媒体中心', '市直单位', '市融媒体中心'),
  u('energy', '市能源局', '市直单位'),
  u('culture-tourism', '市文化和旅游局', '市直单位', '市文旅局'),
  u('weather', '市气象局', '市直单位'),
  u('statistics', '市统计局', '市直单位'),
  u('finance-office', '市政府金融办', '市直单位'),
  u('sme-center', '市小微企业发展服务中心', '市直单位'),
  u('investment', '市促进外来投资局', '市直单位', '市促投局'),
  u('approval', '市行政审批局', '市直单位'),
  u('commerce-federation', '市工商业联合会', '市直单位', '市工商联'),
  u('rural-revitalization', '朔州市乡村振兴局', '市直单位', '市乡村振兴局'),
  u('disabled-federation', '市残疾人联合会', '市直单位', '市残联'),
  u('grassland', '市草牧业发展中心', '市直单位'),
  u('tax', '市税务局', '金融监管'),
  u('pboc', '人行朔州市中心支行', '金融监管', '人行朔州中心支行'),
  u('cbirc', '朔州银保监分局', '金融监管'),
  u('military', '朔州军分区', '驻朔部队'),
  u('armed-police', '武警朔州市支队', '驻朔部队', '武警朔州支队'),
  u('grid', '国网朔州供电公司', '企业'),
  u('mobile', '中国移动朔州分公司', '企业', '中国移动通信集团山西有限公司朔州分公司'),
  u('unicom', '中国联通朔州分公司', '企业', '中国联合网络通信有限公司朔州市分公司'),
  u('telecom', '中国电信朔州分公司', '企业', '中国电信集团有限公司山西省朔州市分公司'),
  u('tower', '中国铁塔朔州分公司', '企业'),
  // 40号 2.1 and 附件2 write 线务, 1.5 writes 线路: one company.
  u('long-line', '山西长途电信线务有限公司朔州分公司', '企业', '山西长途电信线路有限公司朔州分公司'),
  u('hydrogen-blue', '深圳市氢蓝时代动力科技有限公司', '企业'),
  u('shenzhen-energy', '深圳能源集团股份有限公司', '企业'),
  u('dezhi', '山西德志时代新能源汽车制造股份有限公司', '企业'),
  u('gov-shuocheng', '朔城区人民政府', '县级政府'),
  u('gov-pinglu', '平鲁区人民政府', '县级政府'),
  u('gov-shanyin', '山阴县人民政府', '县级政府'),
  u('gov-yingxian', '应县人民政府', '县级政府'),
  u('gov-youyu', '右玉县人民政府', '县级政府'),
  u('gov-huairen', '怀仁市人民政府', '县级政府'),
  u('dev-zone', '朔州经济开发区管委会', '县级政府', '朔州经济开发区管理委员会'),
  u('brigade-shuocheng', '朔城区森林草原防火专业队伍', '扑火队'),
  u('brigade-pinglu', '平鲁区森林草原防火专业队伍', '扑火队'),
  u('brigade-shanyin', '山阴县森林草原防火专业队伍', '扑火队'),
  u('brigade-yingxian', '应县森林草原防火专业队伍', '扑火队'),
  u('brigade-youyu', '右玉县森林草原防火专业队伍', '扑火队'),
  u('brigade-huairen', '怀仁市森林草原防火专业队伍', '扑火队'),
  // Placeholders the documents name without naming a unit: filled per incident.
  u('incident-county-gov', '事发地政府', '泛指', '事发地县(市、区)政府', '事发地人民政府'),
  u('county-departments', '县(市、区)政府相关部门', '泛指'),
  u('incident-unit', '事发单位', '泛指'),
  u('hospitals', '医院', '泛指'),
  u('related-departments', '相关部门', '泛指'),
  u('hq-experts', '市指挥部聘请的省内外相关专家', '泛指'),
  u('expert-pool', '应急专家库相关专家', '泛指', '应急专家库'),
  u('env-expert-pool', '环境应急专家库相关专家', '泛指'),
];

/** Folds the spelling differences that do not change a name: spaces and full-width brackets. */
export function normalizeUnitName(name: string): string {
  return name.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
}

const BY_NAME = new Map<string, RegistryUnit>();
for (const unit of UNIT_REGISTRY) {
  for (const n of [unit.name, ...unit.aliases]) BY_NAME.set(normalizeUnitName(n), unit);
}
const BY_ID = new Map(UNIT_REGISTRY.map((unit) => [unit.id, unit]));

/** The registry entry for a name or alias, or undefined. */
export function findUnitByName(name: string): RegistryUnit | undefined {
  return BY_NAME.get(normalizeUnitName(name));
}

export function findUnitById(id: string): RegistryUnit | undefined {
  return BY_ID.get(id);
}

/** The registry id for a name the gazette uses; throws on a name the registry does not know. */
export function unitIdOf(name: string): string {
  const unit = findUnitByName(name);
  if (!unit) throw new Error(`单位名称未登记：${name}（请在 shared/rosters/seed/units.ts 中登记）`);
  return unit.id;
}

/** The display name for a registry id; throws on an unknown id. */
export function unitNameOf(id: string): string {
  const unit = BY_ID.get(id);
  if (!unit) throw new Error(`单位编号未登记：${id}`);
  return unit.name;
}
