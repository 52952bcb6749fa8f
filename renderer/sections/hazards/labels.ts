import { useUi } from '../../store/ui';
import { formatLocal } from '../../../core/time';
import { useStatus } from '../../store/status';

/** Domain label tables carry both languages; this picks the user's. */
export function useLabel(): (pair: { zh: string; en: string }) => string {
  const lang = useUi((s) => s.lang);
  return (pair) => (lang === 'zh-CN' ? pair.zh : pair.en);
}

/** Local time in the office's zone, e.g. `2026-07-01 12:00`. */
export function useFormatTime(): (ms: number | null | undefined, pattern?: string) => string {
  const zone = useStatus((s) => s.status?.timeZone ?? 'Asia/Shanghai');
  return (ms, pattern = 'yyyy-MM-dd HH:mm') => (ms == null ? '—' : formatLocal(ms, pattern, zone));
}
