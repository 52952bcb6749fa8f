import { useCallback } from 'react';
import { useQuery } from '../../api/hooks';
import { useT } from '../../i18n';
import { useUi } from '../../store/ui';

interface RectLike {
  itemKey: string | null;
  description: string;
}

/**
 * The issue an order is about, in the reader's language. An order opened from a failed
 * item is stored as rectificationDrafts (core/domain/hazards/inspection.ts) wrote it, in
 * Chinese: "<item label>：<grade> 级，<note>" or "<item label>不合格". The item label and
 * grade are the app's words, so they are shown from the checklist in the reader's
 * language; the note is the inspector's and stays as typed. Anything else is shown as stored.
 */
export function useRectText(): (r: RectLike) => string {
  const t = useT();
  const lang = useUi((s) => s.lang);
  const templates = useQuery('hazards.templates', {});
  return useCallback(
    (r: RectLike) => {
      if (lang === 'zh-CN' || !r.itemKey) return r.description;
      const item = templates.data?.flatMap((tpl) => tpl.items).find((i) => i.key === r.itemKey);
      if (!item) return r.description;
      if (r.description === `${item.labelZh}不合格`) return t('hazards.rect.itemFailed', { item: item.labelEn });
      const prefix = `${item.labelZh}：`;
      if (!r.description.startsWith(prefix)) return r.description;
      const detail = r.description.slice(prefix.length);
      const graded = /^([A-D]) 级(?:，(.*))?$/s.exec(detail);
      const note = graded ? [t('hazards.rect.grade', { grade: graded[1] }), graded[2] ?? ''].filter(Boolean).join('; ') : detail;
      return t('hazards.rect.itemNote', { item: item.labelEn, note });
    },
    [lang, t, templates.data],
  );
}
