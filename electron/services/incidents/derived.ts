/**
 * Stored derivations (issue 14): what the rules derive from an incident's rows — its grading and
 * clocks — kept in incident_derived so a page, a day or a year reads them instead of running the
 * rules over every incident. A stored value is used only while current: made on today's basis
 * (the rules' version and the 待初步判定 setting) and not marked stale by a change to its rows
 * (migration 0016's triggers, in the change's own transaction). Anything else is derived from its
 * rows by the caller, exactly as before, and the refresher stores it afterwards.
 */
import { createHash } from 'node:crypto';
import { categoryLabel } from '../../../shared/domain/incident';
import type { Incident } from '../../../shared/domain/incident';
import type { IncidentClock, IncidentGrading } from '../../../shared/domain/incident-view';
import { NO_PLACE, reportKindOf } from '../../../shared/stats/index';
import { parseInstant, shanghaiParts } from '../../../shared/time';
import { deriveIncident, gradingOf } from '../../../shared/incidents/derive';
import { computeObligations } from '../../../shared/incidents/obligations';
import { gradeIncident } from '../../../shared/rules';
import type { Database, Queryable } from '../../db/connection';
import * as derivedRepo from '../../db/derived-repository';
import { selectIncidents } from '../../db/incident-repository';
import type { DerivationToStore, StoredStatClock } from '../../db/derived-repository';

/**
 * Raise when the rules change what they derive from the same rows, or the stored form changes
 * (3: the compact form of db/derived-codec.ts; 4: the first phone and written report counted by how
 * each report was made): every stored value is redone.
 */
const DERIVED_VERSION = 4;

/**
 * The code that derives, hashed: a build whose rules differ gets another basis even if the version
 * above was not raised, so an upgrade never shows values derived by the old rules.
 */
const CODE_HASH = createHash('sha256')
  .update([deriveIncident, gradingOf, computeObligations, gradeIncident].map((f) => sourceAsWritten(f)).join('\n'))
  .digest('hex')
  .slice(0, 16);

/**
 * A function's source whatever module format loaded it: a CommonJS loader (a script run from
 * outside the project, say) rewrites `planOf(x)` to `(0,import_plans.planOf)(x)`, which would
 * otherwise give the same rules another basis and have every stored value derived again.
 */
export function sourceAsWritten(f: { toString(): string }): string {
  return f
    .toString()
    .replace(/\(0,\s*import_\w+\.(\w+)\)/g, '$1')
    .replace(/\bimport_\w+\.(\w+)/g, '$1');
}

/** What a stored derivation was made on; a stored row of another basis is not used. */
export function derivationBasis(pendingLevelMinutes: number): string {
  return `${DERIVED_VERSION}:${CODE_HASH}:${pendingLevelMinutes}`;
}

/** The plan an incident is counted under in the statistics. */
export function statPlanOf(grading: IncidentGrading, category: string): string {
  return grading.planName ?? categoryLabel(category);
}

/** The clocks as the statistics count them: an optional clock nobody recorded was never owed. */
export function statClocksOf(clocks: readonly IncidentClock[]): StoredStatClock[] {
  return clocks
    .filter((c) => !c.optional || c.record)
    .map((c) => ({
      incidentId: c.incidentId,
      clockId: c.clockId,
      channel: c.channel,
      dueAt: c.dueAt,
      completedAt: c.record?.completedAt ?? null,
      completedChannel: c.record?.channel ?? null,
      completedBy: c.record?.officer ?? null,
      notApplicable: c.record?.notApplicableReason != null,
      // 迟报/漏报 of the duty room's own clocks apart from those it monitors (issue 12).
      owner: c.owner?.kind,
      levelChangedAt: c.closure?.kind === 'level_change' ? c.closure.at : null,
    }));
}

/** What the statistics count of one incident, stored beside its derivation (migration 0019). */
export function statFactsOf(
  inc: { receivedAt: string; places: readonly string[]; category: string },
  d: { grading: IncidentGrading; clocks: readonly IncidentClock[] },
): Omit<DerivationToStore, 'incidentId' | 'grading' | 'clocks'> {
  const statClocks = statClocksOf(d.clocks);
  const received = parseInstant(inc.receivedAt, 'receivedAt');
  const p = shanghaiParts(received);
  // As computeStats counts them: blank places left out, each place once, 未填写 when none is left.
  const places = [...new Set(inc.places.filter((x) => x && x.trim()))];
  const first = (channel: 'phone' | 'written'): number | null => {
    let done: number | null = null;
    for (const c of statClocks) {
      // As computeStats counts them: by how the report was made, not what the clock required.
      if (reportKindOf(c.completedChannel, c.channel) !== channel || !c.completedAt || c.notApplicable) continue;
      const at = parseInstant(c.completedAt, 'clocks[].completedAt');
      if (done === null || at < done) done = at;
    }
    return done === null ? null : (done - received) / 60_000;
  };
  return {
    statPlan: statPlanOf(d.grading, inc.category),
    statClocks,
    receivedMonth: `${p.y}-${String(p.m).padStart(2, '0')}`,
    statPlaces: places.length ? places : [NO_PLACE],
    firstPhoneMin: first('phone'),
    firstWrittenMin: first('written'),
  };
}

/** Derives incidents from their own rows: the rules' derivation, as the services define it. */
export type DeriveFromRows = (
  q: Queryable,
  incidents: readonly Incident[],
) => Promise<Map<number, { grading: IncidentGrading; clocks: IncidentClock[] }>>;

/**
 * Brings the store up to date in the background, a batch per write transaction, so a write of the
 * officer's never waits long behind it: the incidents marked stale, then (once per start) every
 * incident without a derivation on today's basis. A read never depends on it having run.
 */
export class DerivedRefresher {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** The basis every incident was last checked against (a changed setting sweeps again). */
  private sweptBasis: string | null = null;

  constructor(
    private readonly db: Database,
    private readonly basis: () => string,
    private readonly derive: DeriveFromRows,
    private readonly batch = 250,
    private readonly log: (message: string, err: unknown) => void = (m, e) => console.error(m, e),
  ) {}

  /** Told which incidents were stored again, after their write committed (the alarms re-read those). */
  onStored: (ids: readonly number[]) => void = () => undefined;

  /** Asks for a refresh; one runs at a time, and a request meanwhile runs another after it. */
  request(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.run().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        this.request();
      }
    });
  }

  /** Resolves once nothing is left to refresh (the seed and the tests wait for it). */
  async settle(): Promise<void> {
    this.request();
    while (this.running) await this.running;
  }

  /** Stops after the batch in progress; the next start carries on. */
  async stop(): Promise<void> {
    this.stopped = true;
    await this.running;
  }

  private async run(): Promise<void> {
    try {
      // Cursors: each incident is looked at once per run; one whose rows the rules refuse stays
      // stale (its readers derive it and meet the same refusal) and is tried again next run.
      let staleFrom = 0;
      let sweepFrom = 0;
      while (!this.stopped) {
        if (!this.db.storageStatus().ok) return;
        const basis = this.basis();
        const { ids, sweep } = await this.db.read(async (q) => {
          const stale = await derivedRepo.staleIncidents(q, staleFrom, this.batch);
          if (stale.length > 0 || this.sweptBasis === basis) return { ids: stale, sweep: false };
          return { ids: await derivedRepo.underivedIncidents(q, basis, sweepFrom, this.batch), sweep: true };
        });
        if (ids.length === 0) {
          if (sweep) this.sweptBasis = basis;
          return;
        }
        if (sweep) sweepFrom = Math.max(...ids);
        else staleFrom = Math.max(...ids);
        await this.db.write(async (q) => {
          const incidents = await selectIncidents(q, { ids });
          const made = await this.deriveEach(q, incidents);
          await derivedRepo.storeDerivations(
            q,
            basis,
            made.map(([inc, d]) => ({ ...d, ...statFactsOf(inc, d), incidentId: inc.id })),
          );
          // An id marked stale whose incident is gone (a row deleted by hand) is not kept.
          for (const id of ids) if (!incidents.some((i) => i.id === id)) await derivedRepo.clearStale(q, id);
        });
        if (!sweep) this.onStored(ids);
        // Other work (a registration, a list) runs between batches.
        await new Promise((r) => setImmediate(r));
      }
    } catch (err) {
      // The reads derive what is not stored, so a failed refresh costs time, never a wrong value.
      this.log('[derived] 更新派生数据失败', err);
    }
  }

  /** The batch derived at once; if the rules refuse one of them, each on its own, leaving those out. */
  private async deriveEach(
    q: Queryable,
    incidents: readonly Incident[],
  ): Promise<[Incident, { grading: IncidentGrading; clocks: IncidentClock[] }][]> {
    try {
      const all = await this.derive(q, incidents);
      return incidents.flatMap((i) => {
        const d = all.get(i.id);
        // an array literal is inferred as an array, not the pair the return type names
        return d ? [[i, d] as [Incident, typeof d]] : [];
      });
    } catch {
      const out: [Incident, { grading: IncidentGrading; clocks: IncidentClock[] }][] = [];
      for (const inc of incidents) {
        const d = await this.derive(q, [inc]).catch(() => null);
        const one = d?.get(inc.id);
        if (one) out.push([inc, one]);
      }
      return out;
    }
  }
}
