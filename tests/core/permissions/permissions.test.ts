import { describe, expect, it } from 'vitest';
import { mayCall, maySeePersonalData, ROLES } from '../../../core/permissions';
import { contract } from '../../../core/contract';

describe('permissions', () => {
  it('lets every role read, and only admins change settings', () => {
    for (const role of ROLES) expect(mayCall(role, 'settings.get', contract['settings.get'])).toBe(true);
    expect(ROLES.filter((role) => mayCall(role, 'settings.update', contract['settings.update']))).toEqual(['admin']);
  });

  it('keeps viewers read-only across the whole contract', () => {
    const writes = Object.entries(contract).filter(([, def]) => def.kind === 'write');
    expect(writes.length).toBeGreaterThan(0);
    for (const [name, def] of writes) expect(mayCall('viewer', name, def), name).toBe(false);
  });

  it('lets safety staff record hazards but not move people', () => {
    expect(mayCall('safety_staff', 'hazards.anything', { kind: 'write' })).toBe(true);
    expect(mayCall('safety_staff', 'evac.anything', { kind: 'write' })).toBe(false);
  });

  it('falls back to admin-only for an area nobody listed', () => {
    expect(mayCall('leader', 'mystery.write', { kind: 'write' })).toBe(false);
    expect(mayCall('admin', 'mystery.write', { kind: 'write' })).toBe(true);
  });

  it('honours a per-method access list, e.g. personal data', () => {
    expect(mayCall('viewer', 'evac.people', { kind: 'read', access: ['admin', 'leader'] })).toBe(false);
    expect(maySeePersonalData('safety_staff')).toBe(false);
    expect(maySeePersonalData('duty_officer')).toBe(true);
  });
});
