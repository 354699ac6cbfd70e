/**
 * Decoded stored derivations, shared between reads. Every seat reads the board again after every
 * change (and the wall with it), and each read used to decode the same stored text of the same 300
 * open incidents into fresh objects: about 1 MB of objects per board page, most of it clocks. Many
 * such pages in flight at once held that many copies of identical values.
 *
 * An entry is the incident's id and the two stored texts themselves, compared in full, so a hit is
 * exactly what decoding those texts gives (decoding depends on nothing else, derived-codec.ts); a
 * derivation stored anew has other texts and replaces the entry. Shared values are frozen, so no
 * reader can change what another reply holds. One entry per incident, the least recently read
 * leaving first, at most `capacity`. Only the open incidents' reads use it (the board's pages and
 * the open clocks, derived-repository.ts), and only for reads of at most half the capacity: a day's,
 * a year's or a scan's many derivations would only push out what those keep, and freezing thousands
 * of values costs more than decoding them.
 */
import type { IncidentClock, IncidentGrading } from '../../shared/domain/incident-view';
import { decodeDerivation } from './derived-codec';
import { deepFreeze } from './shared-reads';

export interface DecodedDerivation {
  readonly grading: IncidentGrading;
  readonly clocks: IncidentClock[];
}

interface Entry {
  grading: string;
  clocks: string;
  value: DecodedDerivation;
}

export class DecodedDerivations {
  private readonly entries = new Map<number, Entry>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** Each row's decoded derivation: shared when the read is at most half the capacity, else decoded as before. */
  decodeAll(rows: readonly { incident_id: number; grading: string; clocks: string }[]): Map<number, DecodedDerivation> {
    const one = (r: { incident_id: number; grading: string; clocks: string }): DecodedDerivation =>
      rows.length > this.capacity / 2 ? decodeDerivation(r.incident_id, r) : this.decode(r.incident_id, r);
    return new Map(rows.map((r) => [r.incident_id, one(r)]));
  }

  /** The decoded derivation of these stored texts, decoded once while it is among the recently read. */
  decode(incidentId: number, stored: { grading: string; clocks: string }): DecodedDerivation {
    const hit = this.entries.get(incidentId);
    if (hit && hit.grading === stored.grading && hit.clocks === stored.clocks) {
      // Read again: it moves to the back of the eviction order.
      this.entries.delete(incidentId);
      this.entries.set(incidentId, hit);
      return hit.value;
    }
    const value = deepFreeze(decodeDerivation(incidentId, stored));
    this.entries.delete(incidentId);
    this.entries.set(incidentId, { grading: stored.grading, clocks: stored.clocks, value });
    while (this.entries.size > this.capacity) {
      // the map is over capacity, so it has a first key
      const oldest = this.entries.keys().next().value as number;
      this.entries.delete(oldest);
    }
    return value;
  }
}
