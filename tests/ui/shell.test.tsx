// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { act, cleanup, render, screen } from '@testing-library/react';
import { ErrorBanner } from '../../renderer/components/ErrorBanner';
import { describeError, translate } from '../../renderer/i18n';
import { useUi } from '../../renderer/store/ui';
import * as core from '../../renderer/i18n/core';

afterEach(() => {
  cleanup();
  useUi.setState({ errors: [], lang: 'zh-CN' });
});

describe('translations', () => {
  it('fill parameters and leave unknown ones visible', () => {
    expect(translate('zh-CN', 'errors.notFound', { entity: '事件' })).toBe('找不到该记录（事件）。');
    expect(translate('en', 'errors.notFound', {})).toBe('That record ({entity}) was not found.');
  });

  it('have no empty strings in either language', () => {
    for (const table of [core.zh, core.en]) {
      expect(Object.entries(table).filter(([, text]) => !text.trim())).toEqual([]);
    }
  });

  it('describe a validation error field by field in the chosen language', () => {
    const body = { code: 'validation' as const, key: 'errors.validation', message: 'Invalid', issues: [{ path: 'name', message: 'Too short', messageZh: '太短' }] };
    expect(describeError('zh-CN', body)).toEqual({ title: '输入有误，未保存任何内容。', lines: ['太短'] });
    expect(describeError('en', body).lines).toEqual(['Too short']);
    expect(describeError('en', { code: 'internal', key: 'errors.fromTheFuture', message: 'Raw message' }).title).toBe('Raw message');
  });
});

describe('error banner', () => {
  it('shows reported errors translated, and dismisses them', () => {
    render(<ErrorBanner />);
    act(() => useUi.getState().reportError({ code: 'storage', key: 'errors.diskFull', message: 'The disk is full' }));
    expect(screen.getByRole('alert').textContent).toContain('磁盘或数据库已满');
    act(() => useUi.getState().setLang('en'));
    expect(screen.getByRole('alert').textContent).toContain('The disk or database is full');
    act(() => screen.getByRole('button', { name: 'Dismiss' }).click());
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('keeps only a few errors and never repeats the same one', () => {
    render(<ErrorBanner />);
    act(() => {
      for (let i = 0; i < 5; i++) useUi.getState().reportError({ code: 'storage', key: 'errors.dbBusy', message: 'busy' });
      useUi.getState().reportError({ code: 'internal', key: 'errors.internal', message: 'x' });
    });
    expect(document.querySelectorAll('.error-banner')).toHaveLength(2);
  });

  it("replaces a form's error when it saves again, and drops every error on leaving the section", () => {
    render(<ErrorBanner />);
    act(() => {
      useUi.setState({ section: 'hazards' });
      useUi.getState().reportError({ code: 'validation', key: 'errors.validation', message: 'lat' }, 'hazards.createPoint');
      useUi.getState().reportError({ code: 'conflict', key: 'errors.hazards.duplicate', message: 'dup' }, 'hazards.createPoint');
      useUi.getState().reportError({ code: 'storage', key: 'errors.dbBusy', message: 'busy' }, 'hazards.listPoints');
    });
    expect(Array.from(document.querySelectorAll('.error-banner')).map((b) => b.getAttribute('data-error-key'))).toEqual(['errors.hazards.duplicate', 'errors.dbBusy']);
    act(() => useUi.getState().clearErrorsOf('hazards.createPoint'));
    expect(Array.from(document.querySelectorAll('.error-banner')).map((b) => b.getAttribute('data-error-key'))).toEqual(['errors.dbBusy']);
    act(() => useUi.getState().go('hazards'));
    expect(document.querySelectorAll('.error-banner')).toHaveLength(1);
    act(() => useUi.getState().go('duty'));
    expect(document.querySelectorAll('.error-banner')).toHaveLength(0);
  });
});
