/**
 * Decoded derivations shared between reads give exactly what decoding the stored texts gives: the
 * same values, frozen, decoded anew once the stored texts change, and never more than the capacity;
 * a read of more than half the capacity decodes its own.
 */
import { describe, expect, it } from 'vitest';
import { DecodedDerivations } from '../../../electron/db/decoded-derivations';
import { decodeDerivation, encodeDerivation } from '../../../electron/db/derived-codec';
import { ENV_INPUT, makeServices } from '../../helpers/services';
import { useTempDirs } from '../../helpers/temp-dir';

describe('decoded derivations shared between reads (issue 14)', () => {
  const tempDir = useTempDirs();

  it('a stored derivation read again is the same frozen value; stored anew it is decoded anew; the least recently read leave first', async () => {
    const s = await makeServices(tempDir());
    await s.incidents.setDuty({ leader: '李堃', officer: '赵珺' });
    const base = { ...ENV_INPUT, levelOverride: null, responseOverride: null, discoveredAt: null };
    const first = await s.incidents.create({ ...base, facts: { poisonedOrInjured: 12 } });
    const second = await s.incidents.create({ ...base, title: '第二起', facts: {} });
    const storedFirst = encodeDerivation(first.id, first);
    const storedSecond = encodeDerivation(second.id, second);
    await s.close();

    const memo = new DecodedDerivations(1);
    const a = memo.decode(first.id, storedFirst);
    // Exactly what decoding gives, key for key.
    expect(JSON.stringify(a)).toBe(JSON.stringify(decodeDerivation(first.id, storedFirst)));
    expect(JSON.stringify(a)).toBe(JSON.stringify({ grading: first.grading, clocks: first.clocks }));
    expect(a.clocks.length).toBeGreaterThan(0);
    // The same texts again (a new string from a new read): the same value, not a copy.
    expect(memo.decode(first.id, { grading: `${storedFirst.grading} `.trim(), clocks: storedFirst.clocks })).toBe(a);
    // Frozen through and through: no reader can change what another holds.
    expect(Object.isFrozen(a.grading.reasons)).toBe(true);
    const clock = a.clocks[0]!;
    expect(() => {
      (clock as { dueAt: string }).dueAt = '2000-01-01T00:00:00.000Z';
    }).toThrow(TypeError);
    expect(() => a.clocks.push(clock)).toThrow(TypeError);

    // The incident's derivation stored anew (its clock completed): decoded from the new texts.
    const completed = {
      grading: first.grading,
      clocks: first.clocks.map((c, i) =>
        i === 0
          ? { ...c, record: { ...(c.record ?? emptyRecord(c.clockId)), completedAt: '2026-11-29T02:00:00.000Z' } }
          : c,
      ),
    };
    const storedAgain = encodeDerivation(first.id, completed);
    const b = memo.decode(first.id, storedAgain);
    expect(b).not.toBe(a);
    expect(b.clocks[0]?.record?.completedAt).toBe('2026-11-29T02:00:00.000Z');
    expect(JSON.stringify(b)).toBe(JSON.stringify(decodeDerivation(first.id, storedAgain)));

    // Capacity one: the second incident pushes the first out, so the first is decoded again.
    memo.decode(second.id, storedSecond);
    expect(memo.size).toBe(1);
    const c = memo.decode(first.id, storedAgain);
    expect(c).not.toBe(b);
    expect(JSON.stringify(c)).toBe(JSON.stringify(b));

    // A read of more than half the capacity decodes its own values (neither kept nor frozen).
    const halves = new DecodedDerivations(2);
    const rowOf = (id: number, stored: { grading: string; clocks: string }) => ({ incident_id: id, ...stored });
    const small = halves.decodeAll([rowOf(first.id, storedAgain)]);
    expect(Object.isFrozen(small.get(first.id))).toBe(true);
    const large = halves.decodeAll([rowOf(first.id, storedAgain), rowOf(second.id, storedSecond)]);
    expect(large.get(first.id)).not.toBe(small.get(first.id));
    expect(Object.isFrozen(large.get(first.id))).toBe(false);
    expect(JSON.stringify(large.get(first.id))).toBe(JSON.stringify(b));
    expect(halves.size).toBe(1);
  });
});

function emptyRecord(clockId: string) {
  return {
    clockId,
    completedAt: null,
    channel: null,
    recipientUnit: null,
    recipientName: null,
    notApplicableReason: null,
    officer: '',
    recordedAt: '2026-11-29T02:00:00.000Z',
  };
}
