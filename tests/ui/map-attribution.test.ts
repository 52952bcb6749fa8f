// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { attributionHtml } from '../../renderer/sections/map/attribution';

/** What the credit line holds once Leaflet has put the HTML into the page. */
function rendered(raw: string): HTMLElement {
  const div = document.createElement('div');
  div.innerHTML = attributionHtml(raw);
  return div;
}

describe('the map credit line from an MBTiles file or an online template', () => {
  it('keeps plain credits as text, Chinese and symbols included', () => {
    expect(rendered('© 天地图 GS(2024)0568号 · <测试>').textContent).toBe('© 天地图 GS(2024)0568号 · <测试>');
    expect(rendered('a & b "c"').textContent).toBe('a & b "c"');
  });

  it('drops scripts, handlers, images and styles, keeping only their text where they have any', () => {
    const div = rendered('<img src=x onerror="alert(1)">Tiles <b onclick="x()">bold</b><script>alert(2)</script><style>*{}</style><iframe src="https://evil.example"></iframe>');
    expect(div.querySelectorAll('*').length).toBe(0);
    expect(div.textContent).toBe('Tiles bold');
  });

  it('keeps a link to a known map provider over https, and only that', () => {
    const div = rendered('<a href="https://www.openstreetmap.org/copyright" onclick="x()" style="color:red">© OpenStreetMap</a> <a href="javascript:alert(1)">click</a> <a href="https://evil.example/">evil</a> <a href="http://www.openstreetmap.org/">plain http</a>');
    const links = Array.from(div.querySelectorAll('a'));
    expect(links.map((a) => a.getAttribute('href'))).toEqual(['https://www.openstreetmap.org/copyright']);
    expect(links[0].getAttributeNames().sort()).toEqual(['href', 'rel', 'target']);
    expect(links[0].rel).toBe('noopener noreferrer');
    expect(div.textContent).toBe('© OpenStreetMap click evil plain http');
  });
});
