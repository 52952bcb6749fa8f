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

  it('gives each area of the contract its writers', () => {
    const areas = [...new Set(Object.keys(contract).map((name) => name.slice(0, name.indexOf('.'))))];
    const writers = Object.fromEntries(areas.map((area) => [area, ROLES.filter((role) => mayCall(role, `${area}.anything`, { kind: 'write' }))]));
    const onDuty = ['admin', 'leader', 'duty_officer'];
    expect(writers).toEqual({
      system: ['admin'],
      settings: ['admin'],
      events: onDuty,
      audit: ['admin'],
      duty: onDuty,
      hazards: [...onDuty, 'safety_staff'],
      evac: onDuty,
      damage: [...onDuty, 'safety_staff'],
      rain: onDuty,
      map: [...onDuty, 'safety_staff'],
      backup: ['admin'],
      accounts: ['admin'],
    });
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
