import type { Migration } from './types';

/**
 * The 接报登记 timeline entry is written by the database in the same statement that inserts the
 * incident, so registering is one atomic statement (one round trip instead of a transaction of
 * several). Its wording must match `registrationText` in shared/domain/incident.ts: the
 * migration's test checks every category.
 */
export const REGISTRATION_TRIGGER = 'incidents_registration_entry';

export const REGISTRATION_TRIGGER_SQL = `
    CREATE TRIGGER incidents_registration_entry AFTER INSERT ON incidents
    BEGIN
      INSERT INTO timeline_entries (incident_id, at, kind, text, data, officer)
      VALUES (
        NEW.id,
        NEW.created_at,
        'created',
        '接报登记：' ||
          CASE NEW.category
            WHEN 'comms' THEN '通信保障'
            WHEN 'radiation' THEN '辐射事故'
            WHEN 'environment' THEN '突发环境事件'
            WHEN 'forest_fire' THEN '森林草原火灾'
            WHEN 'fire' THEN '火灾'
            WHEN 'other' THEN '其他'
            ELSE NEW.category
          END || '「' || NEW.title || '」' || CASE WHEN NEW.drill = 1 THEN '（演练）' ELSE '' END,
        json_object('receivedAt', NEW.received_at, 'leader', (SELECT leader FROM duty_sessions ORDER BY id DESC LIMIT 1)),
        NEW.created_by
      );
    END;
  `;

export const migration0007: Migration = {
  version: 7,
  name: 'registration-entry',
  sql: REGISTRATION_TRIGGER_SQL,
};
