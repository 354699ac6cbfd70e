/**
 * Contact rosters (指挥部通讯录) as transcribed from the 2021 issue 5 gazette.
 *
 * Every entry carries the document and clause it came from, so an officer can check it, and a
 * stable id: the database keys officer-entered phone numbers, liaison officers and deputies to
 * these ids, which lets the seed be re-imported without overwriting what officers entered.
 */

export type RosterKind = '指挥部' | '领导小组' | '联席会议' | '扑火队';

export type PersonRole =
  | '指挥长'
  | '副指挥长'
  | '现场指挥长'
  | '现场副指挥长'
  | '组长'
  | '常务副组长'
  | '副组长'
  | '召集人'
  | '副召集人'
  | '办公室主任'
  | '办公室副主任'
  | '成员';

/** Where an entry comes from: document number and clause, e.g. 朔政办发〔2021〕43号 附件2. */
export interface SourceRef {
  document: string;
  clause: string;
}

export interface SeedPerson extends SourceRef {
  /** Stable id, unique within the roster, e.g. 'commander', 'deputy-2', 'member-wang-yukui'. */
  id: string;
  role: PersonRole;
  /** The gazette names people only in some documents (94号, 105号); elsewhere only the post. */
  name?: string;
  /** 职务 as written, e.g. 市政府分管副市长, 市发展和改革委员会主任. */
  title: string;
  /** Registry id of the person's unit when the title names one (see seed/units.ts). */
  unitId?: string;
}

export interface SeedOffice extends SourceRef {
  /** e.g. 市指挥部办公室. */
  name: string;
  /** Name of the unit the office sits in, e.g. 市工信局. */
  hostUnit: string;
  hostUnitId: string;
  /** The post (and name when given) heading the office, e.g. 市工信局局长. */
  head?: string;
  deputyHead?: string;
  duties?: string;
}

/** Further duties of the same unit stated by another document (e.g. plan B for the shared HQ). */
export interface ExtraDuty extends SourceRef {
  duties: string;
}

export interface SeedUnit extends SourceRef {
  /** Registry id (seed/units.ts): the same unit has the same id in every roster. */
  id: string;
  /** The name as the document writes it. */
  name: string;
  duties?: string;
  extraDuties?: ExtraDuty[];
}

export type GroupKind = '现场工作组' | '工作组' | '现场指挥部工作组';

export interface SeedGroup extends SourceRef {
  /** Stable id, unique within the roster, e.g. 'c-pollution'. */
  id: string;
  name: string;
  kind: GroupKind;
  /** Registry ids of the leading unit(s) (组长单位 / the leader's unit). */
  leadUnits: string[];
  /** Registry ids of member units; may include placeholders such as 事发地政府. */
  memberUnits: string[];
  /** The leader's post when the document names one, e.g. 市生态环境局副局长. */
  leaderTitle?: string;
  duties?: string;
}

export interface Roster extends SourceRef {
  /** Stable slug, e.g. 'comms-hq'. */
  id: string;
  name: string;
  kind: RosterKind;
  /** Short form of the document's title, for citations: 《朔州市通信保障应急预案》. */
  documentTitle: string;
  leaders: SeedPerson[];
  office?: SeedOffice;
  units: SeedUnit[];
  groups: SeedGroup[];
  members?: SeedPerson[];
  /** What the gazette says about liaison officers (联络员), when it says anything. */
  liaisonNote?: string;
}
