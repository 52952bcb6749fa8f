// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../../renderer/App';
import { ErrorBoundary, StoredRow, withDialogBoundary } from '../../renderer/components/ErrorBoundary';
import { useUi } from '../../renderer/store/ui';
import { drawFailures, serve } from './fake-backend';

// The real sections load Leaflet, echarts and friends; the shell only needs something to mount.
const broken = vi.hoisted(() => ({ rain: true }));
vi.mock('../../renderer/sections/rain/RainSection', () => ({
  default: function RainSection() {
    if (broken.rain) throw new RangeError('Invalid time value');
    return <p>rain is back</p>;
  },
}));
for (const path of ['duty/DutySection', 'hazards/HazardsSection', 'evac/EvacSection', 'map/MapSection', 'reports/ReportsSection', 'settings/SettingsSection']) {
  vi.doMock(`../../renderer/sections/${path}`, () => ({ default: () => <p>{path}</p> }));
}

// React reports every error a boundary catches on the console; here they are the point of the test.
beforeEach(() => void vi.spyOn(console, 'error').mockImplementation(() => undefined));
afterEach(() => {
  vi.restoreAllMocks();
  cleanup();
  drawFailures.length = 0;
  broken.rain = true;
  useUi.setState({ errors: [], lang: 'zh-CN', section: 'duty' });
});

function Bomb({ when }: { when: () => boolean }): ReactNode {
  if (when()) throw new RangeError('Invalid time value');
  return <p>drawn</p>;
}

describe('a part that fails to draw', () => {
  it('says so in the user language, offers a reload that remounts it, and logs the component stack', async () => {
    serve({});
    let fail = true;
    render(
      <ErrorBoundary area="rain" title="boundary.section" name="nav.rain">
        <Bomb when={() => fail} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('“雨水情”出现错误，暂时无法显示。');
    const reload = screen.getByRole('button', { name: '重新加载' });
    // Focus was in the part that vanished; the keyboard user lands on the way back.
    expect(document.activeElement).toBe(reload);
    act(() => useUi.setState({ lang: 'en' }));
    expect(screen.getByRole('alert').textContent).toContain('Rain & water ran into an error');
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(screen.getByText('drawn')).toBeTruthy();
    await waitFor(() => expect(drawFailures).toHaveLength(1));
    expect(drawFailures[0]).toMatchObject({ section: 'rain', message: 'RangeError: Invalid time value', stack: expect.stringContaining('Bomb') });
    expect(drawFailures[0]).not.toHaveProperty('method');
  });

  it('costs one stored row only, even for markup written inline in the list, and the log names the method and the row', async () => {
    serve({});
    const rows: { id: string; supplies: unknown }[] = [
      { id: 'ok-1', supplies: ['beds'] },
      { id: 'bad', supplies: { beds: 3 } },
      { id: 'ok-2', supplies: ['water'] },
    ];
    render(
      <ErrorBoundary area="evac" title="boundary.section" name="nav.evac">
        <table>
          <tbody>
            {rows.map((row) => (
              <StoredRow key={row.id} method="evac.listShelters" rowId={row.id} name={`安置点 ${row.id}`} as="tr" colSpan={2}>
                {() => (
                  <tr>
                    <td>drawn {(row.supplies as string[]).map((s) => s).join()}</td>
                  </tr>
                )}
              </StoredRow>
            ))}
          </tbody>
        </table>
      </ErrorBoundary>,
    );
    expect(screen.getAllByText(/^drawn/)).toHaveLength(2);
    expect(screen.getByTestId('row-boundary').textContent).toBe('“安置点 bad”无法显示（已记入日志）。');
    expect(screen.queryByTestId('error-boundary')).toBeNull();
    await waitFor(() => expect(drawFailures).toHaveLength(1));
    expect(drawFailures[0]).toMatchObject({ section: 'evac', message: expect.stringContaining('TypeError'), method: 'evac.listShelters', rowId: 'bad' });
  });

  it('closes a dialog that failed, and names the dialog inside its section in the log', async () => {
    serve({});
    const onClose = vi.fn();
    const Dialog = withDialogBoundary('photo-viewer', () => <Bomb when={() => true} />, (props: { onClose(): void }) => props.onClose);
    render(
      <ErrorBoundary area="hazards" title="boundary.section" name="nav.hazards">
        <p>register</p>
        <Dialog onClose={onClose} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('此对话框出现错误');
    expect(screen.getByText('register')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '关闭' }));
    expect(onClose).toHaveBeenCalledOnce();
    await waitFor(() => expect(drawFailures).toHaveLength(1));
    expect(drawFailures[0]).toMatchObject({ section: 'hazards/photo-viewer' });
  });

  it('sends the same failure once, however many rows share it', async () => {
    serve({});
    render(
      <ul>
        {[1, 2, 3].map((n) => (
          <StoredRow key={n} method="duty.listLog" rowId="same" as="li">
            {() => <Bomb when={() => true} />}
          </StoredRow>
        ))}
      </ul>,
    );
    expect(screen.getAllByTestId('row-boundary').map((row) => row.textContent)).toEqual(Array(3).fill('此条记录无法显示（已记入日志）。'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(drawFailures).toHaveLength(1);
  });
});

describe('the shell around a section that fails', () => {
  it('keeps the navigation and status bar, and a visit elsewhere and back starts the section afresh', async () => {
    serve({});
    useUi.setState({ section: 'rain' });
    render(<App />);
    await waitFor(() => expect(screen.getByTestId('error-boundary').textContent).toContain('“雨水情”出现错误'));
    expect(screen.getByRole('navigation')).toBeTruthy();
    expect(document.querySelector('.status-bar')).toBeTruthy();

    fireEvent.click(screen.getByRole('link', { name: '值班' }));
    expect(await screen.findByText('duty/DutySection')).toBeTruthy();
    expect(screen.queryByTestId('error-boundary')).toBeNull();

    broken.rain = false;
    fireEvent.click(screen.getByRole('link', { name: '雨水情' }));
    expect(await screen.findByText('rain is back')).toBeTruthy();
  });
});
