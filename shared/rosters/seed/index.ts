/** Every roster the gazette (2021 issue 5) supports, in the order the duty room lists them. */

import type { Roster } from '../types';
import { COMMS_HQ } from './comms-hq';
import { ECO_HQ } from './eco-hq';
import { FOREST_FIRE_BRIGADES, FOREST_FIRE_HQ } from './forest-fire';
import { HOUSING_LG } from './housing-lg';
import { HYDROGEN_LG } from './hydrogen-lg';
import { RIVER_CHIEF_JM } from './river-chief-jm';
import { SME_LG } from './sme-lg';

export const SEED_ROSTERS: Roster[] = [
  COMMS_HQ,
  ECO_HQ,
  FOREST_FIRE_HQ,
  FOREST_FIRE_BRIGADES,
  HYDROGEN_LG,
  SME_LG,
  RIVER_CHIEF_JM,
  HOUSING_LG,
];

export function findRoster(id: string): Roster | undefined {
  return SEED_ROSTERS.find((r) => r.id === id);
}

/** The roster with this id; throws naming the id when it does not exist. */
export function getRoster(id: string): Roster {
  const roster = findRoster(id);
  if (!roster) throw new Error(`通讯录不存在：${id}`);
  return roster;
}

export { COMMS_HQ, ECO_HQ, FOREST_FIRE_BRIGADES, FOREST_FIRE_HQ, HOUSING_LG, HYDROGEN_LG, RIVER_CHIEF_JM, SME_LG };
export * from './units';
