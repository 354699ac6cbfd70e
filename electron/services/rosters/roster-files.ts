/**
 * Roster files: export of the contacts in force, and import with a preview. An import is
 * validated row by row (shared/rosters/import-rows.ts plus the roster's own units) and writes
 * nothing unless every row is valid and the officer confirmed the preview.
 */
import type {
  ImportApplied,
  ImportPreview,
  ImportPreviewRow,
  RosterContact,
  RosterFile,
} from '../../../shared/domain/roster';
import type { ChannelArgs } from '../../../shared/ipc/contract';
import { MAX_ROSTER_FILE_BYTES } from '../../../shared/ipc/channels/rosters';
import { DomainError } from '../../../shared/ipc/result';
import { chineseDate, chineseDateTime, shanghaiDate, shanghaiTime } from '../../../shared/time';
import {
  validateImportRows,
  type ImportError,
  type ParsedRow,
  type RosterRow,
} from '../../../shared/rosters/import-rows';
import { readRosterFile, writeRosterCsv, writeRosterXlsx } from '../../rosters/roster-io';
import type { Queryable } from '../../db/connection';
import * as repo from '../../db/roster-repository';
import type { FeatureContext } from '../feature-context';
import { ALL_ROSTERS, entryForUnit, entryUnitLabel, findView, unitKey, unitLabels } from './catalog';
import { diffContact, type RosterService } from './roster-service';
import { messageOf } from '../../../shared/errors';

type FileArgs = ChannelArgs<'rosters:import-preview'>;

interface PlannedRow {
  preview: ImportPreviewRow;
  existing?: RosterContact;
  target?: { rosterId: string; kind: RosterContact['entryKind']; id: string };
  fields: Partial<repo.ContactFields>;
}

const MIME = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv;charset=utf-8',
} as const;

function decode(args: FileArgs): Buffer {
  const data = Buffer.from(args.contentBase64, 'base64');
  if (data.length === 0) throw new DomainError('invalid_input', '文件为空');
  if (data.length > MAX_ROSTER_FILE_BYTES) throw new DomainError('invalid_input', '文件过大（最大5 MB）');
  return data;
}

/** Role of a contact created from a file row, guessed from its 职务 (the file has no role column). */
function roleFromTitle(title: string): repo.ContactFields['role'] {
  if (title.includes('联络员')) return '联络员';
  if (title.includes('值班')) return '值班电话';
  if (/副(局长|主任|组长|总|经理|部长|书记|司令|支队长)/.test(title)) return '副职';
  return '工作人员';
}

/** The cells of a file's rows, by header; read before any transaction is opened. */
export type FileRows = Record<string, string>[];

/**
 * The handlers read the file (`read`), then hand its rows and the transaction to `preview` or
 * `apply`; they commit and then tell the UI. No transaction is held while a file is parsed.
 */
export class RosterFiles {
  constructor(
    private readonly ctx: FeatureContext,
    private readonly rosters: RosterService,
  ) {}

  /** The file's rows; throws only when the file itself cannot be read. */
  async read(args: FileArgs): Promise<FileRows> {
    this.rosters.view(args.rosterId);
    let rows: FileRows;
    try {
      rows = await readRosterFile(decode(args), args.format);
    } catch (err) {
      if (err instanceof DomainError) throw err;
      throw new DomainError(
        'invalid_input',
        `无法读取文件${args.fileName ? `“${args.fileName}”` : ''}：${messageOf(err)}`,
      );
    }
    return rows;
  }

  /** Validates and matches every row against the contacts as they are in `q`. */
  private async plan(
    q: Queryable,
    args: FileArgs,
    rows: FileRows,
  ): Promise<{ planned: PlannedRow[]; errors: ImportError[] }> {
    const defaultView = this.rosters.view(args.rosterId);
    if (rows.length === 0)
      throw new DomainError('invalid_input', '文件中没有数据行（第1行应为表头：指挥部、单位、姓名……）');
    const known = ALL_ROSTERS.flatMap(unitLabels);
    const { valid, errors } = validateImportRows(rows, known, {
      rosters: ALL_ROSTERS.map((r) => ({ id: r.id, name: r.name })),
    });
    const contacts = await repo.listContacts(q);
    const planned: PlannedRow[] = [];
    for (const row of valid) {
      const view = row.rosterId ? findView(row.rosterId) : defaultView;
      if (!view) throw new DomainError('invalid_input', `名册 ${row.rosterId ?? ''} 不存在`);
      const fields: Partial<repo.ContactFields> = {
        name: row.name,
        ...(row.title ? { title: row.title } : {}),
        ...(row.note ? { note: row.note } : {}),
        // An empty cell keeps the stored number: a file never erases what officers entered.
        ...(row.officePhones.length ? { officePhone: row.officePhones.join('；') } : {}),
        ...(row.mobiles.length ? { mobile: row.mobiles.join('；') } : {}),
        ...(row.redPhones.length ? { redPhone: row.redPhones.join('；') } : {}),
        ...(row.faxes.length ? { fax: row.faxes.join('；') } : {}),
      };
      const key = unitKey(row.unit);
      const existing = contacts.find(
        (c) =>
          c.rosterId === view.id &&
          c.name === row.name &&
          unitKey(entryUnitLabel(view, c.entryKind, c.entryId)) === key,
      );
      const base = {
        row: row.row,
        rosterId: view.id,
        rosterName: view.name,
        unit: row.unit,
        name: row.name,
        title: row.title ?? '',
      };
      if (existing) {
        const changes = diffContact(existing, fields);
        planned.push({ existing, fields, preview: { ...base, action: changes.length ? '更新' : '无变化', changes } });
        continue;
      }
      const entry = entryForUnit(view, row.unit);
      if (!entry) {
        errors.push(unitNotInRoster(row, view.name));
        continue;
      }
      const all = {
        role: roleFromTitle(row.title ?? ''),
        title: '',
        officePhone: '',
        mobile: '',
        redPhone: '',
        fax: '',
        note: '',
        ...fields,
      };
      planned.push({
        fields: all,
        target: { rosterId: view.id, ...entry },
        preview: { ...base, action: '新增', changes: diffContact(null, all) },
      });
    }
    errors.sort((a, b) => a.row - b.row);
    return { planned, errors };
  }

  async preview(q: Queryable, args: FileArgs, file: FileRows): Promise<ImportPreview> {
    const { planned, errors } = await this.plan(q, args, file);
    const rows = planned.map((p) => p.preview);
    return {
      rows,
      errors,
      counts: {
        added: rows.filter((r) => r.action === '新增').length,
        updated: rows.filter((r) => r.action === '更新').length,
        unchanged: rows.filter((r) => r.action === '无变化').length,
      },
    };
  }

  /** Re-checks the file's rows in the transaction that writes them: all rows are written, or none. */
  async apply(q: Queryable, args: FileArgs, file: FileRows): Promise<ImportApplied> {
    const { planned, errors } = await this.plan(q, args, file);
    if (errors.length > 0) {
      throw new DomainError(
        'invalid_input',
        `文件有${errors.length}处错误，未导入任何数据：${errors
          .slice(0, 3)
          .map((e) => e.message)
          .join('；')}`,
      );
    }
    const at = this.ctx.now().toISOString();
    const reason = `导入文件${args.fileName ? `“${args.fileName}”` : ''}`;
    const officer = await this.rosters.officer(q);
    for (const p of planned) {
      if (p.existing && p.preview.action === '更新') {
        const now = await repo.findContact(q, p.existing.id);
        if (!now || now.endedAt || now.updatedAt !== p.existing.updatedAt) {
          throw new DomainError(
            'conflict',
            `第${p.preview.row}行：${p.preview.name}的记录刚被修改，请重新预览后再导入`,
          );
        }
        await repo.updateContact(q, p.existing.id, p.fields, at, officer);
        await repo.insertHistory(q, {
          contactId: p.existing.id,
          at,
          officer,
          action: '导入',
          changes: p.preview.changes,
          reason,
        });
      } else if (p.target) {
        const f = p.fields as repo.ContactFields; // a new row's fields are complete: plan() fills each one
        const id = await repo.insertContact(
          q,
          { ...f, validFrom: at, rosterId: p.target.rosterId, entryKind: p.target.kind, entryId: p.target.id },
          at,
          officer,
        );
        await repo.insertHistory(q, {
          contactId: id,
          at,
          officer,
          action: '导入',
          changes: p.preview.changes,
          reason,
        });
      }
    }
    const count = (a: ImportPreviewRow['action']) => planned.filter((p) => p.preview.action === a).length;
    return { added: count('新增'), updated: count('更新'), unchanged: count('无变化') };
  }

  /**
   * The contacts in force (`RosterService.contacts`, read by the handler) of one roster (or all) as
   * XLSX or CSV (UTF-8 with BOM, CRLF).
   */
  async export(contacts: readonly RosterContact[], args: ChannelArgs<'rosters:export'>): Promise<RosterFile> {
    const picked = args.rosterId ? this.rosters.view(args.rosterId) : null;
    const views = picked ? [picked] : ALL_ROSTERS;
    const rows: RosterRow[] = [];
    for (const v of views) {
      for (const c of contacts.filter((x) => x.rosterId === v.id)) {
        rows.push({
          指挥部: v.name,
          单位: entryUnitLabel(v, c.entryKind, c.entryId),
          姓名: c.name,
          职务: c.title,
          办公电话: c.officePhone,
          手机: c.mobile,
          红机: c.redPhone,
          传真: c.fax,
          备注: c.note,
        });
      }
    }
    const name = picked ? picked.name : '全部通讯录';
    const asOf = chineseDateTime(this.ctx.now().getTime());
    const data =
      args.format === 'xlsx' ? await writeRosterXlsx(rows, '通讯录', { title: name, asOf }) : writeRosterCsv(rows);
    // Beijing time, readable: 朔州市…指挥部-2026年11月30日-0959.xlsx.
    const now = this.ctx.now().getTime();
    const stamp = `${chineseDate(shanghaiDate(now))}-${shanghaiTime(now).replace(':', '')}`;
    return {
      fileName: `${name}-${stamp}.${args.format}`,
      mime: MIME[args.format],
      contentBase64: data.toString('base64'),
    };
  }
}

function unitNotInRoster(row: ParsedRow, rosterName: string): ImportError {
  return {
    row: row.row,
    field: '单位',
    message: `第${row.row}行：单位“${row.unit}”不是${rosterName}的成员单位（领导职务、工作组的联系人请在通讯录页面中添加）`,
  };
}
