/**
 * Leaflet puts attribution into the page as HTML, and ours comes from places the desk does not
 * control: an MBTiles file's metadata and the online template's credit line. So it is rebuilt
 * from text: every tag is dropped except a link to a known map provider, which keeps only its
 * text and a checked https address.
 */
const PROVIDER_HOSTS = ['openstreetmap.org', 'tianditu.gov.cn', 'openmaptiles.org', 'maptiler.com', 'mapbox.com', 'amap.com', 'map.baidu.com'];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function providerLink(href: string | null): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    const known = PROVIDER_HOSTS.some((host) => url.hostname === host || url.hostname.endsWith(`.${host}`));
    return url.protocol === 'https:' && known && !url.username && !url.password ? url.href : null;
  } catch {
    return null;
  }
}

export function attributionHtml(raw: string): string {
  const body = new DOMParser().parseFromString(raw, 'text/html').body;
  let html = '';
  const walk = (node: Node) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) html += escapeHtml(child.textContent ?? '');
      else if (child instanceof HTMLAnchorElement) {
        const href = providerLink(child.getAttribute('href'));
        const text = escapeHtml(child.textContent ?? '');
        html += href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${text}</a>` : text;
      } else if (child instanceof HTMLElement && !['SCRIPT', 'STYLE', 'TEMPLATE'].includes(child.tagName)) walk(child);
    }
  };
  walk(body);
  return html;
}
