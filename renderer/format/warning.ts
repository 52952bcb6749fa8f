import { isTKey, type Translate } from '../i18n';

/** Built from type and colour so it reads in the user's language; the stored (Chinese) title is the fallback. */
export function warningLabel(t: Translate, warning: { type: string; colour: string; title: string }): string {
  const type = `duty.warn.type.${warning.type}`;
  const colour = `duty.warn.colour.${warning.colour}`;
  return isTKey(type) && isTKey(colour) ? t('status.warningLabel', { type: t(type), colour: t(colour) }) : warning.title;
}
