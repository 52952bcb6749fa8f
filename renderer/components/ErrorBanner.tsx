import { describeError, useT } from '../i18n';
import { useUi } from '../store/ui';

export function ErrorBanner() {
  const errors = useUi((state) => state.errors);
  const lang = useUi((state) => state.lang);
  const dismiss = useUi((state) => state.dismissError);
  const t = useT();
  if (!errors.length) return null;
  return (
    <div className="error-stack" role="alert" aria-live="assertive">
      {errors.map(({ id, error }) => {
        const { title, lines } = describeError(lang, error);
        return (
          <div className="error-banner" key={id} data-error-key={error.key}>
            <div>
              <strong>
                {t('errors.title')}
                {lang === 'zh-CN' ? '：' : ': '}
              </strong>
              <span>{title}</span>
              {lines.length > 0 && (
                <ul>
                  {lines.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </div>
            <button type="button" className="ghost" onClick={() => dismiss(id)} aria-label={t('common.dismiss')}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
