import { useState, type FormEvent } from 'react';
import type { CoordSystem, OnlineConfig } from '../../../core/contract/map';
import { act } from '../../api/hooks';
import { useT } from '../../i18n';
import { useIsAdmin } from '../../store/session';

/**
 * The optional online base map: a tile URL template the user brings (Tianditu with their own
 * key, a city's service). Folded away by default: most duty rooms work offline.
 */
export function OnlinePanel({ online, onChanged }: { online: OnlineConfig | undefined; onChanged(): void }) {
  const t = useT();
  const [open, setOpen] = useState(false);
  // The desk fetches from this URL, so only an administrator sets it (the backend refuses anyone else too).
  const mayEdit = useIsAdmin();
  if (!online) return null;

  async function save(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const key = String(data.get('key') ?? '');
    const saved = await act('map.saveOnline', {
      url: String(data.get('url') ?? ''),
      subdomains: String(data.get('subdomains') ?? ''),
      // An empty key field keeps the stored key; the key is never sent back to fill the field.
      ...(key ? { key } : {}),
      attribution: String(data.get('attribution') ?? ''),
      maxZoom: Number(data.get('maxZoom')),
      coordSystem: String(data.get('coordSystem')) as CoordSystem,
      tileCacheMb: Number(data.get('tileCacheMb')),
      intranetHosts: String(data.get('intranetHosts') ?? '')
        .split(/[\s,，]+/)
        .filter(Boolean),
    });
    if (saved) onChanged();
  }

  async function clear() {
    if (await act('map.saveOnline', { url: '', subdomains: '', key: '', attribution: '', maxZoom: online!.maxZoom, coordSystem: 'wgs84', tileCacheMb: online!.tileCacheMb })) onChanged();
  }

  return (
    <section className="map-block" aria-labelledby="map-online-title">
      <h2 id="map-online-title">
        <button type="button" className="ghost map-fold" aria-expanded={open} onClick={() => setOpen(!open)} data-testid="online-toggle">
          {t('map.online.title')} <small className="muted">{online.url ? t('map.online.on') : t('map.online.off')}</small>
        </button>
      </h2>
      {open && (
        <form className="map-online" onSubmit={save} onKeyDown={(e) => e.key === 'Escape' && (e.stopPropagation(), setOpen(false))} data-testid="online-form">
          <p className="muted small">{t('map.online.intro')}</p>
          {!mayEdit && (
            <p className="small" role="note" data-testid="online-admin-only">
              {t('map.online.adminOnly')}
            </p>
          )}
          <fieldset disabled={!mayEdit} className="map-online-fields">
            <label>
              {t('map.online.url')}
              <input name="url" defaultValue={online.url} maxLength={1000} placeholder="https://t{s}.tianditu.gov.cn/vec_w/wmts?…&tk={key}" spellCheck={false} autoFocus />
            </label>
            <label>
              {t('map.online.subdomains')}
              <input name="subdomains" defaultValue={online.subdomains} maxLength={40} placeholder="01234567" spellCheck={false} />
            </label>
            <label>
              {t('map.online.key')}
              <input name="key" type="password" autoComplete="off" maxLength={200} placeholder={online.keySet ? t('map.online.keyKept') : ''} />
            </label>
            <label>
              {t('map.online.attribution')}
              <input name="attribution" defaultValue={online.attribution} maxLength={300} placeholder="© 天地图 GS(2024)0568号" />
            </label>
            <div className="map-online-row">
              <label>
                {t('map.online.maxZoom')}
                <input name="maxZoom" type="number" min={1} max={22} defaultValue={online.maxZoom} />
              </label>
              <label>
                {t('map.tiles.coordSystem')}
                <select name="coordSystem" defaultValue={online.coordSystem}>
                  <option value="wgs84">WGS-84</option>
                  <option value="gcj02">GCJ-02</option>
                  <option value="bd09">BD-09</option>
                </select>
              </label>
              <label>
                {t('map.online.cacheMb')}
                <input name="tileCacheMb" type="number" min={0} max={10000} defaultValue={online.tileCacheMb} />
              </label>
            </div>
            <label>
              {t('map.online.intranetHosts')}
              <input name="intranetHosts" defaultValue={online.intranetHosts.join(', ')} maxLength={2000} placeholder="gis.district.lan, 10.1.2.3" spellCheck={false} aria-describedby="map-online-intranet-help" />
            </label>
            <p id="map-online-intranet-help" className="muted small">
              {t('map.online.intranetHelp')}
            </p>
            <p className="map-online-note small" role="note">
              {t('map.online.noBulk')}
            </p>
            <div className="map-tool-row">
              <button type="submit" className="primary" data-testid="online-save">
                {t('common.save')}
              </button>
              {online.url && (
                <button type="button" onClick={clear}>
                  {t('map.online.clear')}
                </button>
              )}
            </div>
          </fieldset>
        </form>
      )}
    </section>
  );
}

/** A short, stable token of the template, so the browser's tile cache never mixes two providers. */
export function templateToken(template: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < template.length; i++) hash = Math.imul(hash ^ template.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/** Where the renderer asks for online tiles: through the backend, which holds the key and the cache. */
export function onlineTileUrl(template: string): string {
  const path = `online/{z}/{x}/{y}?p=${templateToken(template)}`;
  return window.flooddesk ? `tiles://${path}` : `/tiles/${path}`;
}

/** The provider's host, shown as attribution when the user gave none. */
export function templateHost(template: string): string {
  try {
    return new URL(template.replace(/\{[^}]*\}/g, '0')).host;
  } catch {
    return '';
  }
}
