import { describe, expect, it } from 'vitest';
import { followUpCitation } from '../../../shared/incidents/obligations';

describe('the 续报 reminder cites the incident’s own plan', () => {
  it('radiation rests on 42号 4.1.2, communications on 40号 4.1', () => {
    expect(followUpCitation('radiation')).toBe('依据《朔州市辐射事故应急预案》4.1.2；间隔由带班领导设定');
    expect(followUpCitation('comms')).toBe('依据《朔州市通信保障应急预案》4.1；间隔由带班领导设定');
  });

  it('an environmental incident names no other plan: its cadence is the room’s own rule', () => {
    for (const plan of ['environment', null] as const) {
      const text = followUpCitation(plan);
      expect(text).toBe('带班领导设定的续报间隔（本值班室规定）');
      expect(text).not.toContain('辐射');
      expect(text).not.toContain('通信');
    }
  });
});
