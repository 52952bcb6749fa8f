// @vitest-environment jsdom
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, waitFor } from '@testing-library/react';
import type { Result } from '../../core/errors';
import { RecordForm } from '../../renderer/sections/damage/RecordForm';
import { useDamageEvent } from '../../renderer/sections/damage/EventSelect';
import { useUi } from '../../renderer/store/ui';
import { drawView, giveElementsASize, serve } from './fake-backend';

const EVENT = { id: '3f0e8a52-5f7e-4b63-9c1d-2a4e6b8d0f11', name: '7·20 暴雨', nameEn: 'July 20 rainstorm', kind: 'rainstorm', startedAtMs: 0, endedAtMs: null, notes: '', version: 1, createdAt: '', updatedAt: '' };

const ANSWERS = {
  'events.list': () => [EVENT],
  'hazards.listPoints': () => ({ rows: [], total: 0 }),
  'settings.get': () => ({ hazards: { photoMaxMb: 10 } }),
};

beforeAll(giveElementsASize);
afterEach(() => {
  cleanup();
  useUi.setState({ errors: [], lang: 'zh-CN' });
  useDamageEvent.setState({ eventId: null });
});

const figureNames = (root: HTMLElement) => Array.from(root.querySelectorAll('[data-testid="dmg-figures"] input')).map((input) => input.getAttribute('name'));
/** Each figure's label and the unit beside its input. */
const figureLabels = (root: HTMLElement) =>
  Array.from(root.querySelectorAll('[data-testid="dmg-figures"] label')).map((label) => `${label.firstChild?.textContent} [${label.querySelector('.dmg-unit')?.textContent}]`);

async function drawForm() {
  serve(ANSWERS);
  return drawView(<RecordForm entryId={null} />, (root) => root.querySelector('select[name="eventId"] option') !== null);
}

describe('the damage form', () => {
  it('shows the figures the chosen type counts, each with its unit', async () => {
    const { container } = await drawForm();
    const type = container.querySelector('select[name="type"]')!;

    fireEvent.change(type, { target: { value: 'house_collapsed' } });
    expect(figureNames(container)).toEqual(['quantities.houses_collapsed_households', 'quantities.houses_collapsed_rooms']);
    expect(figureLabels(container)).toEqual(['倒塌房屋（户） [户]', '倒塌房屋（间） [间]']);
    expect(container.querySelector<HTMLInputElement>('input[name="quantities.houses_collapsed_households"]')!.required).toBe(true);

    fireEvent.change(type, { target: { value: 'casualties' } });
    expect(figureNames(container)).toEqual(['quantities.people_injured', 'quantities.people_dead', 'quantities.people_missing']);
    expect(figureLabels(container)).toEqual(['受伤人口 [人]', '因灾死亡人口 [人]', '因灾失踪人口 [人]']);
    // No single figure is required of casualties; at least one is, which the backend says in words.
    expect(Array.from(container.querySelectorAll<HTMLInputElement>('[data-testid="dmg-figures"] input')).some((i) => i.required)).toBe(false);

    fireEvent.change(type, { target: { value: 'waterlogging' } });
    expect(figureNames(container)).toEqual(['quantities.waterlogging_sites', 'quantities.waterlogging_depth_cm']);
    expect(figureLabels(container)).toEqual(['内涝积水点 [处]', '最大积水深度 [厘米]']);
    // The loss belongs to every type.
    expect(container.querySelector('input[name="lossWan"]')).not.toBeNull();
  });

  it('labels the figures in English too', async () => {
    useUi.setState({ lang: 'en' });
    const { container } = await drawForm();
    fireEvent.change(container.querySelector('select[name="type"]')!, { target: { value: 'waterlogging' } });
    expect(figureLabels(container)).toEqual(['Waterlogged places [sites]', 'Deepest water [cm]']);
  });

  it('puts each problem next to its field in plain words, and no field path in the banner', async () => {
    const { container } = await drawForm();
    const answer = window.flooddesk!.call;
    let sent: Record<string, unknown> = {};
    window.flooddesk = {
      call: async (method: string, input: unknown): Promise<Result<unknown>> => {
        if (method !== 'damage.record') return answer(method, input);
        sent = input as Record<string, unknown>;
        const issues = [
          { path: 'quantities.houses_severe_households', message: 'Houses severely damaged (households): required for "House severely damaged"', messageZh: '“房屋严重损坏”须填写严重损坏房屋（户）' },
          { path: 'place.lng', message: 'Latitude and longitude go together', messageZh: '纬度和经度须同时填写' },
        ];
        return { ok: false, error: { code: 'validation', key: 'errors.damage.figures', message: 'bad', params: { count: 2 }, issues } };
      },
    };
    fireEvent.change(container.querySelector('input[name="lat"]')!, { target: { value: '22.55' } });
    fireEvent.submit(container.querySelector('form')!);
    await waitFor(() => expect(container.querySelectorAll('[data-testid="dmg-field-error"]')).toHaveLength(2));
    const households = container.querySelector('input[name="quantities.houses_severe_households"]')!;
    expect(households.getAttribute('aria-invalid')).toBe('true');
    expect(households.closest('label')!.textContent).toContain('须填写严重损坏房屋（户）');
    expect(container.querySelector('input[name="lng"]')!.closest('label')!.textContent).toContain('纬度和经度须同时填写');
    expect(container.textContent).not.toMatch(/quantities\.|place\./);
    expect(useUi.getState().errors.map((e) => [e.error.key, e.error.issues])).toEqual([['errors.damage.figures', undefined]]);
    expect(sent).toMatchObject({ eventId: EVENT.id, type: 'house_severe', quantities: {}, place: { lat: 22.55, lng: null } });
  });
});
