/**
 * The tamper-evident record (issue 18; GB/T 22239-2019 8.1.4.3 安全审计, 8.1.4.7 数据完整性): the
 * chain's state as last verified, and verifying it again on demand.
 */
import { z } from 'zod';

/** One place where the chain broke, in the words the officer reads. */
export interface IntegrityFinding {
  /** The covered table ('chain' for the chain itself) and the row's id there (0 when none). */
  table: string;
  rowId: number;
  /** 事件 2026-0003 的时间线第5条（表 timeline_entries，编号 17，记于 2026-11-29 10:20）在值班台之外被改动… */
  message: string;
  /** When the row was recorded, as stored; null when not known. */
  at: string | null;
}

export interface IntegrityStatus {
  /**
   * unverified: not checked yet since start; verifying: a check runs in the background; ok: every
   * entry matched; broken: at least one finding; unavailable: the chain cannot be kept here.
   */
  state: 'unverified' | 'verifying' | 'ok' | 'broken' | 'unavailable';
  /** When the last check finished. */
  checkedAt: string | null;
  /** Entries of the chain the last check went through. */
  entries: number;
  /** The chain's head as a short code (3F9A-21C7): printed on every form, so a paper can be matched. */
  headCode: string | null;
  /** The first findings (at most 50) and how many there were in all. */
  findings: IntegrityFinding[];
  findingCount: number;
  /** A one-line summary in Chinese. */
  message: string;
}

export const integrityChannels = {
  'integrity:status': z.object({}).strict().default({}),
  'integrity:verify': z.object({}).strict().default({}),
} as const;

export interface IntegrityOutputs {
  'integrity:status': IntegrityStatus;
  'integrity:verify': IntegrityStatus;
}
