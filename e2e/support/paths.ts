import path from 'node:path';
import type { Role } from '../../lib/storage/accountStore';

/** Where a role's signed-in browser state for the server kept in `dir` lives during a run. */
export const stateFile = (dir: string, role: Role): string => path.join(dir, `${role}-state.json`);

/** This worker's state for a role: its own server's folder (playwright.config.ts sets E2E_DATA_DIR per worker). */
export const storageStatePath = (role: Role): string => stateFile(process.env.E2E_DATA_DIR ?? '.', role);
