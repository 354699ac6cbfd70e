import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AnchorStore, anchorFileFor } from '../../../../electron/services/integrity/chain-anchor';
import { useTempDirs } from '../../../helpers/temp-dir';

describe('chain anchor file', () => {
  const tempDir = useTempDirs();

  it('makes its folder once, and again when the folder was removed since', async () => {
    const file = anchorFileFor(join(tempDir(), 'data'));
    const store = new AnchorStore(file, randomBytes(32));
    const anchor = (seq: number) => ({ genesis: 'g', seq, mac: `m${seq}`, lost: [], at: '2026-11-29T02:00:00.000Z' });
    await store.write(anchor(1));
    await store.write(anchor(2));
    expect(store.read()).toEqual({ state: 'ok', anchor: anchor(2) });
    rmSync(dirname(file), { recursive: true, force: true });
    expect(store.read()).toEqual({ state: 'none' });
    await store.write(anchor(3));
    expect(store.read()).toEqual({ state: 'ok', anchor: anchor(3) });
  });
});
