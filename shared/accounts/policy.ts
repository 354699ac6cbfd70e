/**
 * The policy map: channel → what it requires. One table for every channel; a channel not listed
 * needs an officer on duty (the default: "any other act defaults to any logged-in officer
 * on duty"). dispatch checks it before any handler runs, so no feature can forget it.
 */
import type { Requirement } from './roles';

const POLICY: Readonly<Record<string, Requirement>> = {
  // Start-up and health work before anyone logs in (and in the recovery state).
  'app:info': 'public',
  'startup:status': 'public',
  'startup:restore-latest': 'public',
  'storage:status': 'public',
  'auth:status': 'public',
  'auth:login': 'public',
  'auth:logout': 'public',
  'auth:unlock': 'public',
  'auth:lock': 'public',
  'auth:setup': 'public',

  // The wall display (issue 17): the display role reaches this board and nothing else.
  'wall:board': 'wall',
  'seats:get': 'view',

  // Seen above the lock screen: alarms are never hidden.
  'alarms:state': 'view',
  'clocks:upcoming': 'view',
  'settings:get': 'view',
  'duty:get': 'view',
  'incidents:list': 'view',
  'warnings:list': 'view',
  'auth:verify-leader': 'view',
  // One's own password, with the current one: any account on duty, the seat unlocked.
  'auth:change-password': 'duty',

  // The leader's own acts (issue 18): each asks for the leader's password at that moment.
  'reports:sign': 'leader',
  'response:start': 'leader',
  'response:change-level': 'leader',
  'response:end': 'leader',
  'response:confirm-condition': 'leader',
  'warnings:issue': 'leader',
  'warnings:change': 'leader',
  'warnings:lift': 'leader',
  'data:restore': 'leader',
  'data:import-all': 'leader',
  'rosters:import-apply': 'leader',
  // 续报 cadence is set by the leader (issue 12: "The leader sets a 续报 reminder interval per incident").
  'incidents:set-reporting': 'leader',

  // Settings, the schedule and accounts: a 带班领导 or an administrator.
  'settings:set': 'manage',
  'app:rotate-token': 'manage',
  'schedule:generate': 'manage',
  'schedule:swap': 'manage',
  'schedule:exchange': 'manage',
  'holidays:save': 'manage',
  'holidays:delete': 'manage',
  'wall:key-status': 'manage',
  'wall:rotate-key': 'manage',
  'wall:revoke-key': 'manage',
  'accounts:list': 'manage',
  // Who holds which role and password: never on the strength of a leader merely logged in beside
  // the officer at the seat (a 值班员 could then make himself 带班领导), but on the password of the
  // 带班领导 or 管理员 given for this very act, and recorded under that account.
  'accounts:create': 'leader',
  'accounts:update': 'leader',
  'accounts:reset-password': 'leader',

  // The record chain (issue 18): every logged-in user sees its state (the banner); verifying again
  // reads the whole chain, so it is an officer's act on duty.
  'integrity:status': 'view',
  'integrity:verify': 'duty',

  'audit:list': 'admin',
  'audit:export': 'admin',
};

export function requirementOf(channel: string): Requirement {
  return Object.prototype.hasOwnProperty.call(POLICY, channel) ? (POLICY[channel] ?? 'duty') : 'duty';
}

/**
 * Channels that hand the console's data out as a file: each one made from a seat is recorded in
 * the audit (issue 18: "an administrator sees every … export"; GB/T 22239-2019 8.1.4.3 b). The
 * audit's own export records itself, in its transaction.
 */
export const EXPORT_CHANNELS = [
  'data:export-all',
  'data:export-incident',
  'data:export-incidents',
  'data:export-stats',
  'duty-log:export',
  'print:pdf',
  'rosters:export',
  'schedule:export',
] as const;

/** Leader-only channels: the UI asks for the leader's password before calling them. */
export const LEADER_CHANNELS: readonly string[] = Object.keys(POLICY).filter((c) => POLICY[c] === 'leader');
