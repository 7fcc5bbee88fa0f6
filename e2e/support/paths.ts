import path from 'node:path';
import type { Role } from '../../lib/storage/accountStore';

/** Where the signed-in browser state of a role is kept during a run (inside the run's throwaway folder). */
export const storageStatePath = (role: Role): string => path.join(process.env.E2E_DATA_DIR ?? '.', `${role}-state.json`);
