/** The record chain's state and its verification on demand (issue 18; services/integrity/chain.ts). */
import type { IntegrityOutputs, IntegrityStatus } from '../../../shared/ipc/channels/integrity';
import type { Handlers } from '../../ipc/dispatch';
import type { FeatureContext } from '../feature-context';

const UNAVAILABLE: IntegrityStatus = {
  state: 'unavailable',
  checkedAt: null,
  entries: 0,
  headCode: null,
  findings: [],
  findingCount: 0,
  message: '此处未保存记录链',
};

export function createIntegrityHandlers(ctx: FeatureContext): Pick<Handlers, keyof IntegrityOutputs> {
  return {
    'integrity:status': async () => (ctx.integrity ? ctx.integrity.status() : UNAVAILABLE),
    'integrity:verify': async () => {
      if (!ctx.integrity) return UNAVAILABLE;
      // The run's own result: its count and head code belong together (a later run may have begun).
      return ctx.integrity.verify();
    },
  };
}
