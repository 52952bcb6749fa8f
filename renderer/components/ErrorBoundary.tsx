import { Component, createContext, Fragment, useEffect, useId, useRef, type ComponentType, type ErrorInfo, type ReactNode } from 'react';
import type { MethodName } from '../../core/contract';
import { logDrawFailure } from '../api/errorLog';
import { useT, type TKey } from '../i18n';
import './boundary.css';

/** The part of the screen being drawn (`rain`, `evac/override-dialog`), for the log. */
const AreaContext = createContext('app');

interface BoundaryProps {
  /** Appended to the enclosing area: `rain`, then `override-dialog` inside it. */
  area: string;
  title: TKey;
  /** The section's label, filling `{name}` in the title. */
  name?: TKey;
  /** A bar, such as the status bar, keeps its one line; everything else gets a card. */
  compact?: boolean;
  onClose?(): void;
  children: ReactNode;
}

interface BoundaryState {
  failed: boolean;
  /** Bumped by "reload", so the part is mounted afresh rather than re-rendered with the state that failed. */
  attempt: number;
}

/**
 * Whatever goes wrong while drawing a part stays in that part: it is replaced by a message and a
 * reload button, and the navigation, the status bar and the other sections keep working.
 */
export class ErrorBoundary extends Component<BoundaryProps, BoundaryState> {
  static override contextType = AreaContext;
  declare context: string;
  override state: BoundaryState = { failed: false, attempt: 0 };

  static getDerivedStateFromError(): Partial<BoundaryState> {
    return { failed: true };
  }

  private get area(): string {
    return this.context === 'app' ? this.props.area : `${this.context}/${this.props.area}`;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    logDrawFailure({ section: this.area, error, componentStack: info.componentStack });
  }

  private readonly reload = () => this.setState((state) => ({ failed: false, attempt: state.attempt + 1 }));

  override render() {
    const { title, name, compact, onClose, children } = this.props;
    if (this.state.failed) return <Fallback title={title} name={name} compact={compact} onReload={this.reload} onClose={onClose} />;
    return (
      <AreaContext.Provider value={this.area}>
        <Fragment key={this.state.attempt}>{children}</Fragment>
      </AreaContext.Provider>
    );
  }
}

function Fallback({ title, name, compact, onReload, onClose }: Pick<BoundaryProps, 'title' | 'name' | 'compact' | 'onClose'> & { onReload(): void }) {
  const t = useT();
  const id = useId();
  const reload = useRef<HTMLButtonElement>(null);
  // Focus that was inside the part that failed is gone with it; keyboard users get the way back.
  useEffect(() => {
    if (!document.activeElement || document.activeElement === document.body) reload.current?.focus();
  }, []);
  const message = t(title, name ? { name: t(name) } : undefined);
  const buttons = (
    <>
      <button type="button" ref={reload} className="primary" onClick={onReload} aria-describedby={id} data-testid="boundary-reload">
        {t('boundary.reload')}
      </button>
      {onClose && (
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      )}
    </>
  );
  if (compact) {
    return (
      <div className="boundary-status" data-testid="error-boundary">
        <span role="alert" id={id}>
          {message} {t('boundary.text')}
        </span>
        {buttons}
      </div>
    );
  }
  return (
    <div className="boundary card" data-testid="error-boundary">
      <div role="alert" id={id}>
        <h2>{message}</h2>
        <p>{t('boundary.text')}</p>
      </div>
      <div className="form-actions">{buttons}</div>
    </div>
  );
}

/** A dialog that fails to draw shows the message where it was, with a way to close it. */
export function withDialogBoundary<P extends object>(area: string, Dialog: ComponentType<P>, closeOf: (props: P) => () => void) {
  function BoundedDialog(props: P) {
    return (
      <ErrorBoundary area={area} title="boundary.dialog" onClose={closeOf(props)}>
        <Dialog {...props} />
      </ErrorBoundary>
    );
  }
  return BoundedDialog;
}

interface StoredRowProps {
  /** The method that loaded the row, and its id: what the log needs to find the record. */
  method: MethodName;
  rowId?: string;
  /** What people call the row (a shelter's name), so the message says which record it is. */
  name?: unknown;
  /** The element the fallback takes, so a table or list stays valid markup. */
  as: 'tr' | 'li' | 'div';
  colSpan?: number;
  /**
   * Draws the row. A function, called by a component inside the boundary: markup written inline
   * in the list's own render would run in the list's render, where no boundary of the row sees it.
   */
  children: () => ReactNode;
}

/**
 * One stored row that cannot be drawn costs only that row: it says so in its place, and the log
 * names the method and the row.
 */
export class StoredRow extends Component<StoredRowProps, { failed: boolean }> {
  static override contextType = AreaContext;
  declare context: string;
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    logDrawFailure({ section: this.context, error, componentStack: info.componentStack, method: this.props.method, rowId: this.props.rowId });
  }

  override render() {
    if (!this.state.failed) return <RowContent draw={this.props.children} />;
    const { as, colSpan, name } = this.props;
    if (as === 'tr') {
      return (
        <tr className="boundary-row" data-testid="row-boundary">
          <td colSpan={colSpan}>
            <RowMessage name={name} />
          </td>
        </tr>
      );
    }
    const Tag = as;
    return (
      <Tag className="boundary-row" data-testid="row-boundary">
        <RowMessage name={name} />
      </Tag>
    );
  }
}

function RowContent({ draw }: { draw: () => ReactNode }) {
  return draw();
}

function RowMessage({ name }: { name: unknown }) {
  const t = useT();
  // The name is stored data too: only a plain string is trusted to say which record it is.
  return <>{typeof name === 'string' && name ? t('boundary.rowNamed', { name }) : t('boundary.row')}</>;
}
