import { useSyncExternalStore } from 'react';
import { connection } from '../api/api';
import type { ConnectionState } from '../api/api';

const subscribe = (fn: () => void) => connection.subscribe(fn);
const snapshot = () => connection.get();

/** The connection to the services (always online under Electron); re-renders on every change. */
export function useConnection(): ConnectionState {
  return useSyncExternalStore(subscribe, snapshot);
}
