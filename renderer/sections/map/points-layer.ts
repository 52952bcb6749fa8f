import L from 'leaflet';
import { EMPTY_DRAW_SET, idOf, indexOfId, type DrawSet } from './model';
import { drawSymbol } from './style';

export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  alert: boolean;
}

/** `k` is the point's index in the draw set, −1 for a cluster. */
type Hit = { x: number; y: number; r: number; k: number; cluster?: Cluster };

export interface PointsLayerOptions {
  /** More points than this on screen are grouped into clusters. */
  clusterAbove: number;
  /** `k`: the point's index in the draw set. */
  onPick(k: number): void;
  onHover(k: number | null, at: L.LatLng | null): void;
}


const CELL_PX = 56;
const PAD = 0.25;
const POINT_R = 7;
/** Beyond this zoom every point is a street address: never cluster. */
const NO_CLUSTER_ZOOM = 18;

/** Places a canvas over the padded view; assigning a size reallocates the bitmap even when unchanged, so only on a resize. */
function fitCanvas(c: HTMLCanvasElement, topLeft: L.Point, width: number, height: number, ratio: number): void {
  L.DomUtil.setPosition(c, topLeft);
  if (c.width === Math.round(width * ratio) && c.height === Math.round(height * ratio)) return;
  c.width = Math.round(width * ratio);
  c.height = Math.round(height * ratio);
  c.style.width = `${width}px`;
  c.style.height = `${height}px`;
}

/**
 * 50k points on one canvas instead of 50k Leaflet layers: projected once per data change
 * (zoom-0 pixel space, in the draw set), redrawn only after a move or zoom ends; while panning the canvas
 * rides the map pane, and during the zoom animation it is hidden (leaflet-zoom-hide).
 * Dense views are grouped on a screen grid, so clusters split as the user zooms in.
 */
export class PointsLayer extends L.Layer {
  private canvas: HTMLCanvasElement | null = null;
  /**
   * The keyboard's focus ring on a canvas of its own, in the marker pane: moving focus redraws
   * one ring, not 50k points, and the PNG export (overlay pane only) leaves it out.
   */
  private ring: HTMLCanvasElement | null = null;
  /** Where the last redraw put the canvases, so the ring can be redrawn alone. */
  private frameGeometry: { origin: L.Point; scale: number; ratio: number; topLeft: L.Point; width: number; height: number } | null = null;
  private points: DrawSet = EMPTY_DRAW_SET;
  /** Scratch for each redraw, three numbers per point on the canvas (index, x, y): allocated per data change, not per frame. */
  private visible = new Float64Array(0);
  private hits: Hit[] = [];
  private hovered = -1;
  /** The keyboard's point (index): ringed even inside a cluster, so the user always sees where focus is. */
  private focused = -1;
  private frame = 0;
  /** The number drawn after the last redraw (points and clusters), for tests and the status line. */
  stats = { points: 0, clusters: 0, drawMs: 0 };

  constructor(private readonly config: PointsLayerOptions) {
    super();
  }

  setPoints(points: DrawSet): void {
    if (points === this.points) return;
    const focusedId = this.focused < 0 ? null : idOf(this.points, this.focused);
    const hoveredId = this.hovered < 0 ? null : idOf(this.points, this.hovered);
    this.points = points;
    this.visible = new Float64Array(points.size * 3);
    this.focused = focusedId === null ? -1 : indexOfId(points, focusedId);
    this.hovered = hoveredId === null ? -1 : indexOfId(points, hoveredId);
    this.redraw();
  }

  setFocused(id: string | null): void {
    this.focused = id === null ? -1 : indexOfId(this.points, id);
    this.drawRing();
  }

  setClusterAbove(value: number): void {
    if (value === this.config.clusterAbove) return;
    this.config.clusterAbove = value;
    this.redraw();
  }

  override onAdd(map: L.Map): this {
    const canvas = L.DomUtil.create('canvas', 'fd-points leaflet-zoom-hide') as HTMLCanvasElement;
    canvas.setAttribute('aria-hidden', 'true');
    map.getPane('overlayPane')!.appendChild(canvas);
    this.canvas = canvas;
    const ring = L.DomUtil.create('canvas', 'fd-focus-ring leaflet-zoom-hide') as HTMLCanvasElement;
    ring.setAttribute('aria-hidden', 'true');
    ring.width = 0;
    ring.height = 0;
    map.getPane('markerPane')!.appendChild(ring);
    this.ring = ring;
    map.on('moveend zoomend resize viewreset', this.redraw, this);
    map.on('click', this.onClick, this);
    map.on('mousemove', this.onMove, this);
    this.redraw();
    return this;
  }

  override onRemove(map: L.Map): this {
    map.off('moveend zoomend resize viewreset', this.redraw, this);
    map.off('click', this.onClick, this);
    map.off('mousemove', this.onMove, this);
    this.canvas?.remove();
    this.canvas = null;
    this.ring?.remove();
    this.ring = null;
    return this;
  }

  /** The canvas as drawn, with its offset from the map's top-left corner (for the PNG export). */
  snapshot(): HTMLCanvasElement | null {
    return this.canvas;
  }

  redraw(): void {
    const map = this._map as L.Map | undefined;
    const canvas = this.canvas;
    if (!map || !canvas) return;
    const started = performance.now();
    const size = map.getSize();
    const pad = size.multiplyBy(PAD).round();
    const topLeft = map.containerPointToLayerPoint([-pad.x, -pad.y]);
    const width = size.x + pad.x * 2;
    const height = size.y + pad.y * 2;
    const ratio = window.devicePixelRatio || 1;
    fitCanvas(canvas, topLeft, width, height, ratio);
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);

    const scale = 2 ** map.getZoom();
    // Container pixel of zoom-0 point p: p * scale − origin, where origin is the pixel of the container's top-left.
    const origin = map.getPixelBounds().min!.subtract(pad);
    const visible = this.visible;
    const { x: worldXs, y: worldYs } = this.points;
    let end = 0;
    for (let i = 0; i < this.points.size; i++) {
      const x = worldXs[i] * scale - origin.x;
      const y = worldYs[i] * scale - origin.y;
      if (x >= -POINT_R && y >= -POINT_R && x <= width + POINT_R && y <= height + POINT_R) {
        visible[end] = i;
        visible[end + 1] = x;
        visible[end + 2] = y;
        end += 3;
      }
    }
    this.hits = [];
    const offset = { x: pad.x, y: pad.y };
    if (end / 3 > this.config.clusterAbove && map.getZoom() < NO_CLUSTER_ZOOM) this.drawClusters(ctx, visible.subarray(0, end), map, origin, offset, { width, height });
    else this.drawPoints(ctx, visible.subarray(0, end), offset);
    this.frameGeometry = { origin, scale, ratio, topLeft, width, height };
    this.drawRing();
    const clusters = this.hits.filter((h) => h.cluster).length;
    this.stats = { points: this.hits.length - clusters, clusters, drawMs: performance.now() - started };
    canvas.dataset.points = String(this.stats.points);
    canvas.dataset.clusters = String(this.stats.clusters);
    performance.mark('map-points-drawn', { detail: this.stats });
  }

  private drawPoints(ctx: CanvasRenderingContext2D, visible: ArrayLike<number>, offset: { x: number; y: number }): void {
    ctx.lineWidth = 1.5;
    const { look, looks, alert } = this.points;
    for (let v = 0; v < visible.length; v += 3) {
      const k = visible[v];
      const x = visible[v + 1];
      const y = visible[v + 2];
      const r = k === this.hovered ? POINT_R + 3 : POINT_R;
      if (alert[k]) {
        ctx.strokeStyle = '#ef4444';
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.arc(x, y, r + 5, 0, Math.PI * 2);
        ctx.stroke();
        ctx.lineWidth = 1.5;
      }
      const { colour, shape } = looks[look[k]];
      ctx.fillStyle = colour;
      ctx.strokeStyle = '#0b1118';
      drawSymbol(ctx, shape, x, y, r);
      ctx.fill();
      ctx.stroke();
      this.hits.push({ x: x - offset.x, y: y - offset.y, r: r + 3, k });
    }
  }

  private drawRing(): void {
    const ring = this.ring;
    const geometry = this.frameGeometry;
    const map = this._map as L.Map | undefined;
    if (!ring || !geometry || !map) return;
    ring.dataset.focused = this.focused < 0 ? '' : idOf(this.points, this.focused);
    // Until something is focused the ring has no bitmap: one canvas less to allocate before the first draw.
    if (this.focused < 0 && ring.width === 0) return;
    const { origin, scale, ratio, topLeft, width, height } = geometry;
    fitCanvas(ring, topLeft, width, height, ratio);
    const ctx = ring.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ring.width, ring.height);
    if (this.focused < 0) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const x = this.points.x[this.focused] * scale - origin.x;
    const y = this.points.y[this.focused] * scale - origin.y;
    // The theme's focus colour on a dark halo: visible on the dark map, the light one and on tiles.
    const colour = getComputedStyle(map.getContainer()).getPropertyValue('--focus').trim() || '#ffd34d';
    const r = POINT_R + 8;
    ctx.lineWidth = 7;
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.75)';
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.stroke();
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = colour;
    ctx.stroke();
  }

  private drawClusters(ctx: CanvasRenderingContext2D, visible: Float64Array, map: L.Map, origin: L.Point, offset: { x: number; y: number }, canvas: { width: number; height: number }): void {
    // Cells are fixed in world pixels, so a cluster does not jump as the map pans; numbered from
    // the first one the canvas touches, so a few hundred typed-array slots hold them, not a Map.
    const col0 = Math.floor((origin.x - POINT_R) / CELL_PX);
    const row0 = Math.floor((origin.y - POINT_R) / CELL_PX);
    const cols = Math.floor((origin.x + canvas.width + POINT_R) / CELL_PX) - col0 + 1;
    const rows = Math.floor((origin.y + canvas.height + POINT_R) / CELL_PX) - row0 + 1;
    const sx = new Float64Array(cols * rows);
    const sy = new Float64Array(cols * rows);
    const n = new Uint32Array(cols * rows);
    const alert = new Uint8Array(cols * rows);
    const only = new Uint32Array(cols * rows);
    for (let v = 0; v < visible.length; v += 3) {
      const x = visible[v + 1];
      const y = visible[v + 2];
      const cell = (Math.floor((y + origin.y) / CELL_PX) - row0) * cols + Math.floor((x + origin.x) / CELL_PX) - col0;
      if (n[cell] === 0) only[cell] = v;
      n[cell] += 1;
      sx[cell] += x;
      sy[cell] += y;
      alert[cell] |= this.points.alert[visible[v]];
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = 'bold 12px system-ui, sans-serif';
    const single: number[] = [];
    for (let cell = 0; cell < n.length; cell++) {
      const count = n[cell];
      if (count === 0) continue;
      if (count === 1) {
        single.push(visible[only[cell]], visible[only[cell] + 1], visible[only[cell] + 2]);
        continue;
      }
      const x = sx[cell] / count;
      const y = sy[cell] / count;
      const r = Math.min(30, 12 + Math.log2(count) * 2.5);
      ctx.fillStyle = alert[cell] ? 'rgba(239, 68, 68, 0.85)' : 'rgba(59, 130, 246, 0.85)';
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = '#ffffff';
      ctx.fillText(count > 9999 ? `${Math.round(count / 1000)}k` : String(count), x, y);
      const at = map.containerPointToLatLng([x - offset.x, y - offset.y]);
      this.hits.push({ x: x - offset.x, y: y - offset.y, r, k: -1, cluster: { lat: at.lat, lng: at.lng, count, alert: alert[cell] === 1 } });
    }
    this.drawPoints(ctx, single, offset);
  }

  private hitAt(point: L.Point): Hit | undefined {
    let best: Hit | undefined;
    let bestD = Infinity;
    for (const hit of this.hits) {
      const d = (hit.x - point.x) ** 2 + (hit.y - point.y) ** 2;
      if (d <= hit.r * hit.r && d < bestD) {
        best = hit;
        bestD = d;
      }
    }
    return best;
  }

  private onClick(e: L.LeafletMouseEvent): void {
    const hit = this.hitAt(e.containerPoint);
    if (!hit) return;
    if (hit.cluster) this._map.setView([hit.cluster.lat, hit.cluster.lng], Math.min(this._map.getZoom() + 2, NO_CLUSTER_ZOOM));
    else this.config.onPick(hit.k);
  }

  private onMove(e: L.LeafletMouseEvent): void {
    if (this.frame) return;
    // One hit test per frame, however fast the mouse moves.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const hit = this.hitAt(e.containerPoint);
      const container = this._map?.getContainer();
      if (container) container.style.cursor = hit ? 'pointer' : '';
      const k = hit && !hit.cluster ? hit.k : -1;
      if (k === this.hovered) return;
      this.hovered = k;
      // The drawn place (zoom-0 pixels back to latitude/longitude), so the tooltip sits on the symbol over a shifted base map too.
      this.config.onHover(k < 0 ? null : k, k < 0 ? null : this._map.unproject([this.points.x[k], this.points.y[k]], 0));
      this.redraw();
    });
  }
}
