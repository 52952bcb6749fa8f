import { describe, expect, it } from 'vitest';
import { DAMAGE_TYPE_IDS, DAMAGE_TYPES, INDICATOR_IDS, INDICATORS, QUANTITY_IDS, UNITS } from '../../../core/domain/damage/catalogue';
import { describeQuantities, normalQuantities, quantityIssues } from '../../../core/domain/damage/quantities';

const paths = (...args: Parameters<typeof quantityIssues>) => quantityIssues(...args).map((i) => i.path);

describe('the damage catalogue', () => {
  it('counts houses in 户 and 间, places in 处, trees in 棵, people in 人, crops in 公顷, depth in cm and loss in 万元', () => {
    const unit = (id: keyof typeof INDICATORS) => UNITS[INDICATORS[id].unit].zh;
    expect([unit('houses_collapsed_households'), unit('houses_slight_rooms'), unit('road_bridge_sites'), unit('landslide_sites'), unit('trees_fallen')]).toEqual(['户', '间', '处', '处', '棵']);
    expect([unit('people_dead'), unit('crops_lost_ha'), unit('waterlogging_depth_cm'), unit('vehicles_damaged'), unit('direct_loss_wan')]).toEqual(['人', '公顷', '厘米', '辆', '万元']);
  });

  it('gives every type its own indicators, every indicator to exactly one type (loss to all), and both languages', () => {
    const owners = QUANTITY_IDS.map((id) => DAMAGE_TYPE_IDS.filter((type) => DAMAGE_TYPES[type].quantities.includes(id)));
    expect(owners.every((types) => types.length === 1)).toBe(true);
    for (const type of DAMAGE_TYPE_IDS) {
      expect(DAMAGE_TYPES[type].required.every((id) => DAMAGE_TYPES[type].quantities.includes(id)), type).toBe(true);
      expect(DAMAGE_TYPES[type].zh && DAMAGE_TYPES[type].en, type).toBeTruthy();
    }
    expect(INDICATOR_IDS.filter((id) => INDICATORS[id].aggregate === 'max')).toEqual(['waterlogging_depth_cm']);
  });
});

describe('validating a record’s figures', () => {
  it('accepts a collapsed house of 2 households and 5 rooms with its loss', () => {
    expect(quantityIssues('house_collapsed', { houses_collapsed_households: 2, houses_collapsed_rooms: 5 }, 12.5)).toEqual([]);
    // Rooms not yet counted are fine; the households are what the type requires.
    expect(quantityIssues('house_collapsed', { houses_collapsed_households: 1 }, 0)).toEqual([]);
  });

  it('requires the type’s own figure, and refuses another type’s', () => {
    expect(paths('house_severe', {}, 0)).toEqual(['quantities.houses_severe_households']);
    expect(paths('house_severe', { houses_severe_households: 0 }, 0)).toEqual(['quantities.houses_severe_households']);
    expect(paths('tree_fallen', { trees_fallen: 3, vehicles_damaged: 1 }, 0)).toEqual(['quantities.vehicles_damaged']);
  });

  it('keeps counts whole and areas and money to their unit’s precision', () => {
    expect(paths('tree_fallen', { trees_fallen: 2.5 }, 0)).toEqual(['quantities.trees_fallen']);
    expect(paths('crops', { crops_affected_ha: 1.25 }, 3.1234)).toEqual([]);
    expect(paths('crops', { crops_affected_ha: 1.255 }, 3.12345)).toEqual(['quantities.crops_affected_ha', 'lossWan']);
    expect(paths('vehicle', { vehicles_damaged: -1 }, -0.5)).toEqual(['quantities.vehicles_damaged', 'lossWan']);
    expect(paths('waterlogging', { waterlogging_sites: 1, waterlogging_depth_cm: 1200 }, 0)).toEqual(['quantities.waterlogging_depth_cm']);
    expect(paths('road_bridge', { road_bridge_sites: 2_000_000 }, 0)).toEqual(['quantities.road_bridge_sites']);
  });

  it('keeps figures consistent: no fewer rooms than households, crops lost within crops affected', () => {
    expect(paths('house_slight', { houses_slight_households: 4, houses_slight_rooms: 3 }, 0)).toEqual(['quantities.houses_slight_rooms']);
    expect(paths('house_slight', { houses_slight_households: 4, houses_slight_rooms: 4 }, 0)).toEqual([]);
    expect(paths('crops', { crops_affected_ha: 2, crops_lost_ha: 2.5 }, 0)).toEqual(['quantities.crops_lost_ha']);
  });

  it('wants at least one figure for casualties, and a count or a loss for other damage', () => {
    expect(paths('casualties', {}, 0)).toEqual(['quantities']);
    expect(paths('casualties', { people_missing: 1 }, 0)).toEqual([]);
    expect(paths('other', {}, 0)).toEqual(['quantities']);
    expect(paths('other', {}, 3)).toEqual([]);
  });

  it('says what is wrong in both languages', () => {
    expect(quantityIssues('crops', { crops_affected_ha: 1, crops_lost_ha: 2 }, 0)).toEqual([
      { path: 'quantities.crops_lost_ha', en: 'Crops lost: more than the area affected', zh: '农作物绝收面积不能大于受灾面积' },
    ]);
  });
});

describe('stored figures', () => {
  it('drop zeros and follow the catalogue order', () => {
    expect(normalQuantities('casualties', { people_missing: 1, people_injured: 0, people_dead: 2 })).toEqual({ people_dead: 2, people_missing: 1 });
    expect(Object.keys(normalQuantities('house_collapsed', { houses_collapsed_rooms: 5, houses_collapsed_households: 2 }))).toEqual(['houses_collapsed_households', 'houses_collapsed_rooms']);
  });

  it('read as one line in each language', () => {
    expect(describeQuantities({ waterlogging_sites: 1, waterlogging_depth_cm: 20 }, 'zh')).toBe('1处，20厘米');
    expect(describeQuantities({ crops_affected_ha: 1.5 }, 'en')).toBe('1.5 ha');
  });
});
