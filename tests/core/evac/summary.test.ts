import { describe, expect, it } from 'vitest';
import { zonedToUtc } from '../../../core/time';
import type { Movement, Person, Shelter } from '../../../core/domain/evac/model';
import { evacSummary, type SummaryTotals } from '../../../core/domain/evac/summary';
import { emptyStatusCounts, evacTotals } from '../../../core/domain/evac/totals';

const t = (time: string, date = '2023-09-02') => zonedToUtc(date, time);
const shelters: Pick<Shelter, 'id' | 'name' | 'nameEn' | 'type'>[] = [
  { id: 'hotel', name: '就近宾馆', nameEn: 'the nearby hotel', type: 'hotel' },
  { id: 'school', name: '文昌路小学', nameEn: 'Wenchang Road Primary School', type: 'school' },
];

function totals(partial: Partial<SummaryTotals>): SummaryTotals {
  return {
    atMs: t('18:00'),
    movedPeople: 0,
    movedHouseholds: 0,
    vulnerablePeople: 0,
    byStatus: emptyStatusCounts(),
    byDestination: { shelters: {}, dispersed: 0, elsewhere: 0, unplaced: 0 },
    currentByShelter: {},
    ...partial,
  };
}

describe('evacSummary', () => {
  it('writes the leader\'s line from records', () => {
    // 126 people: 46 to the hotel, 80 to the school; 31 vulnerable; all but 16 at the school back home.
    const persons: Person[] = [];
    const movements: Movement[] = [];
    for (let i = 0; i < 126; i++) {
      const id = `p${i}`;
      const shelterId = i < 46 ? 'hotel' : 'school';
      persons.push({ id, name: `居民${i}`, householdId: `h${Math.floor(i / 3)}`, vulnerable: i % 4 === 0 ? { elderly: true, sick: i % 8 === 0 } : {} });
      movements.push({ eventId: 'saola', personId: id, kind: 'moved', at: t('09:00'), from: { kind: 'hazard_point', hazardPointId: 'hp' } });
      movements.push({ eventId: 'saola', personId: id, kind: 'check_in', at: t('10:00'), shelterId });
      if (i < 110) movements.push({ eventId: 'saola', personId: id, kind: 'returned', at: t('16:00') });
    }
    const result = evacSummary(evacTotals({ persons, movements }, { eventIds: ['saola'] }, t('18:00')), { shelters });
    expect(result.zh).toBe('共转移 126 人（其中老幼病残孕 32 人），就近宾馆安置 46 人，文昌路小学安置 80 人；目前已返回 110 人，仍在安置点 16 人。');
    expect(result.en).toBe(
      '126 people were evacuated (32 of them elderly, children, sick, disabled or pregnant): 46 sheltered at the nearby hotel, ' +
        '80 sheltered at Wenchang Road Primary School; now 110 have returned home and 16 are still in shelters.',
    );
  });

  it('says so when no one was moved', () => {
    expect(evacSummary(totals({}))).toEqual({ zh: '未转移人员。', en: 'No one has been evacuated.' });
    expect(evacSummary(totals({
        movedPeople: 2,
        movedHouseholds: 1,
        byStatus: { ...emptyStatusCounts(), returned: 2 },
        byDestination: { shelters: {}, dispersed: 0, elsewhere: 0, unplaced: 2 },
      }), { asOf: true }).en).toBe(
      'As of 2023-09-02 18:00, 2 people were evacuated: 2 with no placement recorded; all have now returned home.',
    );
    expect(evacSummary(totals({}), { asOf: true })).toEqual({
      zh: '截至 9月2日 18:00，未转移人员。',
      en: 'As of 2023-09-02 18:00, no one has been evacuated.',
    });
  });

  it('names households, dispersed people and everyone back home', () => {
    const result = evacSummary(
      totals({
        movedPeople: 12,
        movedHouseholds: 5,
        byStatus: { ...emptyStatusCounts(), returned: 12 },
        byDestination: { shelters: { school: 9 }, dispersed: 3, elsewhere: 0, unplaced: 0 },
      }),
      { shelters, households: true },
    );
    expect(result.zh).toBe('共转移 5 户 12 人，文昌路小学安置 9 人，投亲靠友 3 人；目前已全部返回。');
    expect(result.en).toBe(
      '12 people from 5 households were evacuated: 9 sheltered at Wenchang Road Primary School, 3 stayed with relatives or friends; all have now returned home.',
    );
  });

  it('lists every kind of whereabouts that is not zero, and each occupied shelter when several are', () => {
    const result = evacSummary(
      totals({
        movedPeople: 10,
        vulnerablePeople: 1,
        byStatus: { moved: 1, in_shelter: 5, dispersed: 1, returned: 0, elsewhere: 2, unknown: 1 },
        byDestination: { shelters: { school: 3, 'gym-7': 2 }, dispersed: 2, elsewhere: 2, unplaced: 1 },
        currentByShelter: { school: 3, 'gym-7': 2 },
      }),
      { shelters },
    );
    expect(result.zh).toBe(
      '共转移 10 人（其中老幼病残孕 1 人），文昌路小学安置 3 人，安置点 gym-7安置 2 人，投亲靠友 2 人，自行转移他处 2 人，未登记安置去向 1 人；' +
        '目前仍在安置点 5 人（文昌路小学 3 人，安置点 gym-7 2 人），仍投亲靠友 1 人，在他处 2 人，已转出待安置 1 人，去向不明 1 人。',
    );
    expect(result.en).toBe(
      '10 people were evacuated (1 of them elderly, children, sick, disabled or pregnant): 3 sheltered at Wenchang Road Primary School, ' +
        '2 sheltered at shelter gym-7, 2 stayed with relatives or friends, 2 went elsewhere, 1 with no placement recorded; ' +
        'now 5 are still in shelters (3 at Wenchang Road Primary School, 2 at shelter gym-7), 1 is still with relatives or friends, ' +
        '2 are elsewhere, 1 is moved out and awaiting placement and 1 is unaccounted for.',
    );
  });

  it('uses the shelter type when a shelter has no name, and singular English', () => {
    const result = evacSummary(
      totals({
        movedPeople: 1,
        movedHouseholds: 1,
        byStatus: { ...emptyStatusCounts(), in_shelter: 1 },
        byDestination: { shelters: { g: 1 }, dispersed: 0, elsewhere: 0, unplaced: 0 },
        currentByShelter: { g: 1 },
      }),
      { shelters: [{ id: 'g', name: ' ', type: 'gym' }], households: true },
    );
    expect(result.zh).toBe('共转移 1 户 1 人，体育馆安置 1 人；目前仍在安置点 1 人。');
    expect(result.en).toBe('1 person from 1 household was evacuated: 1 sheltered at gym; now 1 is still in shelters.');
  });
});
