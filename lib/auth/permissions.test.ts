import { describe, expect, it } from 'vitest';
import { can, landingPath } from './permissions';

describe('roles', () => {
  it('lets analysts and admins change datasets, only admins manage users, every role read', () => {
    expect(['admin', 'analyst', 'strategist', 'executive'].map((r) => can(r as never, 'datasets.write'))).toEqual([true, true, false, false]);
    expect(['admin', 'analyst', 'strategist', 'executive'].map((r) => can(r as never, 'users.manage'))).toEqual([true, false, false, false]);
    expect(['admin', 'analyst', 'strategist', 'executive'].every((r) => can(r as never, 'datasets.read'))).toBe(true);
  });

  it('grants nothing to a signed-out visitor', () => {
    expect(can(null, 'datasets.read')).toBe(false);
    expect(can(undefined, 'datasets.write')).toBe(false);
  });

  it('lands each role on its own work after signing in', () => {
    expect(['admin', 'analyst', 'strategist', 'executive'].map((r) => landingPath(r as never))).toEqual(['/admin/users', '/datasets', '/', '/']);
  });
});
