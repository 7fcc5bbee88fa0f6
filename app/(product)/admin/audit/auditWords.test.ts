import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '@/lib/storage/accountStore';
import { hasMessage } from '@/lib/i18n/catalog';
import { actionKey, actionWords, detailLines } from './auditWords';

describe('the audit log in words (messages/*.json, namespace audit)', () => {
  it('has words for every action the server records, in both languages, never the bare code', () => {
    for (const action of AUDIT_ACTIONS) {
      expect(hasMessage('audit', actionKey(action)), action).toBe(true);
      expect(actionWords('en', action)).not.toBe(action);
      expect(actionWords('nl', action)).not.toBe(actionWords('en', action));
    }
    expect(actionWords('en', 'user.create')).toBe('Account created');
    expect(actionWords('nl', 'dataset.weight.default')).toBe('Standaardweging gekozen');
  });

  it('labels detail keys and words stored values in the reader language; unknown ones stay readable', () => {
    const detail = { reason: 'wrong password', role: 'analyst', otherSessionsEnded: true, files: [{ name: 'wave2.csv', rows: 1200 }], someNewField: 'x', efficiency: 0.8123 };
    expect(detailLines('nl', detail)).toEqual([
      { key: 'reason', label: 'Reden', value: 'verkeerd wachtwoord' },
      { key: 'role', label: 'Rol', value: 'Analist' },
      { key: 'otherSessionsEnded', label: 'Andere sessies uitgelogd', value: 'ja' },
      { key: 'files', label: 'Bestanden', value: 'wave2.csv (1.200 rijen)' },
      { key: 'someNewField', label: 'Some new field', value: 'x' },
      { key: 'efficiency', label: 'Efficiëntie van de weging', value: '81,2%' },
    ]);
    expect(detailLines('en', { reason: 'changed by the user' })).toEqual([{ key: 'reason', label: 'Reason', value: 'changed by the user' }]);
  });
});
