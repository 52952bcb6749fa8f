import { ValidationError } from '../../core/errors';
import { sectionSchema, type Settings } from '../../core/settings';
import type { HandlerMap } from '../platform/context';
import { settingsRepo } from '../platform/settings.repo';
import { assertBackupFolder } from '../backup';
import { redacted } from '../map';

/** Every role may read the settings; the online tile key is a credential, so readers only learn whether one is set. */
function withoutSecrets(settings: Settings): Settings {
  return { ...settings, map: redacted(settings.map) };
}

export const settingsHandlers = {
  'settings.get': (ctx) => withoutSecrets(ctx.settings()),
  'settings.update': (ctx, { section, values }) => {
    const current = ctx.settings();
    // The online tile key changes only through map.saveOnline: a settings form that sends back
    // what settings.get showed it ('(set)') must not overwrite the real key.
    const changes = { ...values };
    if (section === 'map') delete changes.onlineKey;
    const merged = sectionSchema(section).safeParse({ ...current[section], ...changes });
    if (!merged.success) {
      const issues = merged.error.issues.map((issue) => ({ path: [section, ...issue.path.map(String)].join('.'), message: issue.message, messageZh: issue.message }));
      throw new ValidationError('errors.validation', `Invalid settings: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`, undefined, issues);
    }
    if (section === 'general') assertTimeZone((merged.data as typeof current.general).timeZone);
    if (section === 'backup') assertBackupFolder((merged.data as typeof current.backup).folder);
    settingsRepo(ctx.db).write(section, merged.data, ctx.nowIso);
    const audited = (value: unknown) => (section === 'map' ? redacted(value as Settings['map']) : value);
    ctx.audit({ entity: 'settings', entityId: section, before: audited(current[section]), after: audited(merged.data) });
    return withoutSecrets(settingsRepo(ctx.db).read());
  },
} satisfies HandlerMap<'settings'>;

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ValidationError('errors.settings.badTimeZone', `Unknown time zone ${timeZone}`, { timeZone });
  }
}
