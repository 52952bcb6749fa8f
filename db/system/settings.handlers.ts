import { ValidationError } from '../../core/errors';
import { sectionSchema, type Settings } from '../../core/settings';
import type { HandlerMap, Role } from '../platform/context';
import { settingsRepo } from '../platform/settings.repo';
import { assertBackupFolder } from '../backup';
import { redacted } from '../map';

/**
 * Every role may read the settings, since every screen follows them. The online tile key is a
 * credential and the backup folder says where copies of everyone's data are: readers other than
 * an administrator only learn whether each is set.
 */
function withoutSecrets(settings: Settings, role: Role): Settings {
  const backup = role === 'admin' || settings.backup.folder === '' ? settings.backup : { ...settings.backup, folder: '(set)' };
  return { ...settings, map: redacted(settings.map), backup };
}

export const settingsHandlers = {
  'settings.get': (ctx) => withoutSecrets(ctx.settings(), ctx.actor.role),
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
    return withoutSecrets(settingsRepo(ctx.db).read(), ctx.actor.role);
  },
} satisfies HandlerMap<'settings'>;

function assertTimeZone(timeZone: string): void {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new ValidationError('errors.settings.badTimeZone', `Unknown time zone ${timeZone}`, { timeZone });
  }
}
