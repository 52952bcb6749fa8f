import L from 'leaflet';
import { drawSymbol, type Shape } from './style';

/** A point as drawn: display coordinates (already shifted for a GCJ-02 base map). */
export interface DrawPoint {
  id: string;
  label: string;
  lat: number;
  lng: number;
  colour: string;
  shape: Shape;
  alert: boolean;
}

export interface Cluster {
  lat: number;
  lng: number;
  count: number;
  alert: boolean;
}

type Hit = { x: number; y: number; r: number; point?: DrawPoint; cluster?: Cluster };

export interface PointsLayerOptions {
  /** More points than this on screen are grouped into clusters. */
  clusterAbove: number;
  onPick(point: DrawPoint): void;
  onHover(point: DrawPoint | null, at: L.LatLng | null): void;
}

const MAX_LAT = 85.0511287798;

/**
 * Web Mercator at zoom 0 (256 px world), as plain numbers: the same as
 * L.CRS.EPSG3857.latLngToPoint(…, 0) without two objects per point (50k points: ~10× faster).
 * Screen pixels at zoom z are these times 2^z minus an offset, so directions and nearness agree.
 */
export function worldX(lng: number): number {
  return 256 * (0.5 + lng / 360);
}

export function worldY(lat: number): number {
  const sin = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 256 * (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI));
}

const CELL_PX = 56;
const PAD = 0.25;
const POINT_R = 7;
/** Beyond this zoom every point is a street address: never cluster. */
const NO_CLUSTER_ZOOM = 18;

/**
 * 50k points on one canvas instead of 50k Leaflet layers: projected once per data change
 * (zoom-0 pixel space), redrawn only after a move or zoom ends; while panning the canvas
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
  private frameGeometry: { origin: L.Point; scale: number; ratio: number } | null = null;
  private points: DrawPoint[] = [];
  private projected = new Float64Array(0);
  private hits: Hit[] = [];
  private hovered: string | null = null;
  /** The keyboard's point (index): ringed even inside a cluster, so the user always sees where focus is. */
  private focused = -1;
  private frame = 0;
  /** The number drawn after the last redraw (points and clusters), for tests and the status line. */
  stats = { points: 0, clusters: 0, drawMs: 0 };

  constructor(private readonly config: PointsLayerOptions) {
    super();
  }

  setPoints(points: DrawPoint[]): void {
    const focusedId = this.points[this.focused]?.id ?? null;
    this.points = points;
    this.focused = focusedId === null ? -1 : points.findIndex((p) => p.id === focusedId);
    this.projected = new Float64Array(points.length * 2);
    for (let i = 0; i < points.length; i++) {
      this.projected[i * 2] = worldX(points[i].lng);
      this.projected[i * 2 + 1] = worldY(points[i].lat);
    }
    this.redraw();
  }

  setFocused(id: string | null): void {
    this.focused = id === null ? -1 : this.points.findIndex((p) => p.id === id);
    this.drawRing();
  }

  setClusterAbove(value: number): void {
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
    for (const c of [canvas, this.ring]) {
      if (!c) continue;
      L.DomUtil.setPosition(c, topLeft);
      c.width = Math.round(width * ratio);
      c.height = Math.round(height * ratio);
      c.style.width = `${width}px`;
      c.style.height = `${height}px`;
    }
    const ctx = canvas.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);

    const scale = 2 ** map.getZoom();
    // Container pixel of zoom-0 point p: p * scale − origin, where origin is the pixel of the container's top-left.
    const origin = map.getPixelBounds().min!.subtract(pad);
    const visible: number[] = [];
    for (let i = 0; i < this.points.length; i++) {
      const x = this.projected[i * 2] * scale - origin.x;
      const y = this.projected[i * 2 + 1] * scale - origin.y;
      if (x >= -POINT_R && y >= -POINT_R && x <= width + POINT_R && y <= height + POINT_R) visible.push(i, x, y);
    }
    const count = visible.length / 3;
    this.hits = [];
    const offset = { x: pad.x, y: pad.y };
    if (count > this.config.clusterAbove && map.getZoom() < NO_CLUSTER_ZOOM) this.drawClusters(ctx, visible, map, origin, offset);
    else this.drawPoints(ctx, visible, offset);
    this.frameGeometry = { origin, scale, ratio };
    this.drawRing();
    this.stats = { points: this.hits.filter((h) => h.point).length, clusters: this.hits.filter((h) => h.cluster).length, drawMs: performance.now() - started };
    canvas.dataset.points = String(this.stats.points);
    canvas.dataset.clusters = String(this.stats.clusters);
    performance.mark('map-points-drawn', { detail: this.stats });
  }

  private drawPoints(ctx: CanvasRenderingContext2D, visible: number[], offset: { x: number; y: number }): void {
    ctx.lineWidth = 1.5;
    for (let k = 0; k < visible.length; k += 3) {
      const p = this.points[visible[k]];
      const x = visible[k + 1];
      const y = visible[k + 2];
      const r = p.id === this.hovered ? POINT_R + 3 : POINT_R;
      if (p.alert) {
        ctx.strokeStyle = '#ef4444';
        ctx.lineWidth = 3;
        ctx.beginPath();
        ctx.arc(x, y, r + 5, 0, Math.PI * 2);
        ctx.stroke();
        ctx.lineWidth = 1.5;
      }
      ctx.fillStyle = p.colour;
      ctx.strokeStyle = '#0b1118';
      drawSymbol(ctx, p.shape, x, y, r);
      ctx.fill();
      ctx.stroke();
      this.hits.push({ x: x - offset.x, y: y - offset.y, r: r + 3, point: p });
    }
  }

  private drawRing(): void {
    const ring = this.ring;
    const geometry = this.frameGeometry;
    const map = this._map as L.Map | undefined;
    if (!ring || !geometry || !map) return;
    const ctx = ring.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, ring.width, ring.height);
    ring.dataset.focused = this.points[this.focused]?.id ?? '';
    if (this.focused < 0) return;
    const { origin, scale, ratio } = geometry;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const x = this.projected[this.focused * 2] * scale - origin.x;
    const y = this.projected[this.focused * 2 + 1] * scale - origin.y;
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

  private drawClusters(ctx: CanvasRenderingContext2D, visible: number[], map: L.Map, origin: L.Point, offset: { x: number; y: number }): void {
    const cells = new Map<number, { sx: number; sy: number; n: number; alert: boolean; only: number }>();
    for (let k = 0; k < visible.length; k += 3) {
      const x = visible[k + 1];
      const y = visible[k + 2];
      // Cells are fixed in world pixels, so a cluster does not jump as the map pans.
      // A number, not a string: no allocation per point. Cells per axis stay below 2^26 up to zoom 22.
      const key = Math.floor((x + origin.x) / CELL_PX) * 67_108_864 + Math.floor((y + origin.y) / CELL_PX);
      const cell = cells.get(key);
      const alert = this.points[visible[k]].alert;
      if (cell) {
        cell.sx += x;
        cell.sy += y;
        cell.n += 1;
        cell.alert ||= alert;
      } else cells.set(key, { sx: x, sy: y, n: 1, alert, only: k });
    }
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.font = 'bold 12px system-ui, sans-serif';
    const single: number[] = [];
    for (const cell of cells.values()) {
      if (cell.n === 1) {
        single.push(...visible.slice(cell.only, cell.only + 3));
        continue;
      }
      const x = cell.sx / cell.n;
      const y = cell.sy / cell.n;
      const r = Math.min(30, 12 + Math.log2(cell.n) * 2.5);
      ctx.fillStyle = cell.alert ? 'rgba(239, 68, 68, 0.85)' : 'rgba(59, 130, 246, 0.85)';
      ctx.strokeStyle = '#ffffff';
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
      ctx.fillStyle = '#ffffff';
      ctx.fillText(cell.n > 9999 ? `${Math.round(cell.n / 1000)}k` : String(cell.n), x, y);
      const at = map.containerPointToLatLng([x - offset.x, y - offset.y]);
      this.hits.push({ x: x - offset.x, y: y - offset.y, r, cluster: { lat: at.lat, lng: at.lng, count: cell.n, alert: cell.alert } });
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
    else if (hit.point) this.config.onPick(hit.point);
  }

  private onMove(e: L.LeafletMouseEvent): void {
    if (this.frame) return;
    // One hit test per frame, however fast the mouse moves.
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      const hit = this.hitAt(e.containerPoint);
      const container = this._map?.getContainer();
      if (container) container.style.cursor = hit ? 'pointer' : '';
      const id = hit?.point?.id ?? null;
      if (id === this.hovered) return;
      this.hovered = id;
      this.config.onHover(hit?.point ?? null, hit?.point ? L.latLng(hit.point.lat, hit.point.lng) : null);
      this.redraw();
    });
  }
}
