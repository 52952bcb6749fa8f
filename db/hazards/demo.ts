import type { HazardPoint, PointInput, RouteRecord } from '../../core/contract/hazards-types';
import type { HazardTypeId } from '../../core/domain/hazards/templates';
import { defaultTemplateFor } from '../../core/domain/hazards/templates';
import type { RiskLevel } from '../../core/domain/hazards/points';
import type { SeedContext } from '../platform/seed';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type Spec = [name: string, type: HazardTypeId, community: string, address: string, dLat: number, dLng: number, risk: RiskLevel, unit: string, person: string, phone: string, residents?: number, vulnerable?: number];

/** Points around 华富街道 (centre 22.5533, 114.0719), offsets in degrees. */
const POINTS: Spec[] = [
  ['华富村东区地下车库', 'basement', '华富村社区', '华富路华富村东区', 0.0012, 0.0008, 'high', '华富村物业服务中心', '陈志强', '13602581234'],
  ['黄木岗地下停车场', 'basement', '黄木岗社区', '泥岗西路黄木岗', 0.0061, 0.0035, 'high', '深圳市黄木岗物业管理有限公司', '刘洁', '13823456701'],
  ['田面城市大厦地下室', 'basement', '田面社区', '深南中路田面城市大厦', -0.0042, -0.0021, 'medium', '田面城市大厦管理处', '郑伟', '13510987654'],
  ['彩田路下穿通道', 'underpass', '新田社区', '彩田路与笋岗西路交汇处', 0.0035, -0.0042, 'critical', '福田区城市管理和综合执法局', '黄海', '0755-82918800'],
  ['华强北路人行隧道', 'underpass', '莲花北社区', '华强北路北段', 0.0021, 0.0102, 'medium', '福田区城市管理和综合执法局', '黄海', '0755-82918800'],
  ['笔架山公园东侧边坡', 'slope', '笔架山社区', '笔架山公园东门', 0.0105, -0.0015, 'critical', '笔架山公园管理处', '林国栋', '13760011223'],
  ['莲花一村后山挡土墙', 'slope', '莲花一村社区', '莲花一村12栋后', -0.0011, -0.0085, 'high', '莲花一村股份合作公司', '吴秀英', '13922334455'],
  ['梅林路渣土临时堆场', 'spoil', '梅林社区', '梅林路与北环大道交汇处', 0.0123, -0.0061, 'high', '深圳市建安渣土运输有限公司', '孙建', '13699887766'],
  ['华富村旧楼12栋', 'dilapidated', '华富村社区', '华富村西区12栋', 0.0007, -0.0011, 'critical', '华富村社区工作站', '王丽华', '13302165432', 36, 9],
  ['新田村城中村民房', 'dilapidated', '新田社区', '新田村二坊8号', 0.0042, -0.0031, 'high', '新田股份合作公司', '李振东', '13715243698', 14, 4],
  ['福田中学旧实验楼', 'dilapidated', '华富村社区', '华富路福田中学内', -0.0018, 0.0016, 'medium', '福田中学', '赵敏', '0755-83243021', 0, 0],
  ['华富街道保障房工地', 'construction', '黄木岗社区', '泥岗西路与华富路交汇处', 0.0049, 0.0021, 'high', '中建二局华富项目部', '杨帆', '13418765432'],
  ['莲花北地铁上盖工地', 'construction', '莲花北社区', '红荔路莲花北站', 0.0015, 0.0069, 'medium', '中铁十四局深圳项目部', '周凯', '13534567890'],
  ['华强北商业广告牌', 'billboard', '莲花北社区', '红荔路华强北段', 0.0002, 0.0095, 'medium', '深圳市华广传媒有限公司', '钱锋', '13866554433'],
  ['田面村楼顶广告牌', 'billboard', '田面社区', '田面村五坊楼顶', -0.0051, -0.0012, 'high', '深圳市田面实业有限公司', '冯亮', '13977665544'],
  ['笋岗西路排水口', 'drainage', '新田社区', '笋岗西路华富段', 0.0051, -0.0008, 'medium', '福田区水务局', '许文博', '0755-82916666'],
  ['福田河华富段', 'drainage', '华富村社区', '福田河华富桥下', -0.0009, 0.0041, 'high', '福田区水务局', '许文博', '0755-82916666'],
  ['华富村小吃一条街', 'small_venue', '华富村社区', '华富村东区商业街', 0.0011, 0.0024, 'low', '华富村社区工作站', '王丽华', '13302165432'],
  ['新田村家庭旅馆', 'small_venue', '新田社区', '新田村三坊15号', 0.0039, -0.0027, 'medium', '新田村家庭旅馆', '何美玲', '13554321987'],
  ['黄木岗菜市场', 'small_venue', '黄木岗社区', '黄木岗路菜市场', 0.0066, 0.0041, 'low', '黄木岗市场管理处', '马强', '13644556677'],
];

export function seedHazards(ctx: SeedContext): void {
  const points = POINTS.map(([name, hazardType, community, address, dLat, dLng, riskLevel, responsibleUnit, responsiblePerson, personPhone, residents = 0, vulnerable = 0], i) => {
    const input: Partial<PointInput> = {
      name, hazardType, community, address, lat: 22.5533 + dLat, lng: 114.0719 + dLng, riskLevel, responsibleUnit, responsiblePerson, personPhone, residents, vulnerable,
      letterSigned: i % 4 !== 3,
      letterDate: i % 4 !== 3 ? '2026-04-20' : null,
      frequency: riskLevel === 'critical' ? { kind: 'days', every: 1 } : riskLevel === 'high' ? { kind: 'days', every: 3 } : { kind: 'days', every: 7 },
    };
    return ctx.call<{ point: HazardPoint }>('hazards.createPoint', input).point;
  });

  // A week of inspections; two found problems whose orders are now past their deadline.
  points.forEach((p, i) => {
    if (i % 5 === 4) return;
    const template = defaultTemplateFor(p.hazardType);
    const failKey = i === 3 || i === 8 ? template.items.find((it) => it.kind === 'check')?.key : i === 5 ? 'cordon_signs' : undefined;
    const answers = template.items.map((item) =>
      item.kind === 'count' ? { itemKey: item.key, count: item.key === 'residents' ? p.residents : item.key === 'households' ? Math.ceil(p.residents / 3) : 1 }
        : item.kind === 'grade' ? { itemKey: item.key, grade: i === 8 ? 'C' : 'B' }
        : { itemKey: item.key, result: item.key === failKey ? 'fail' : 'pass', ...(item.key === failKey ? { note: i === 3 ? '水泵无法启动，需检修' : '警示牌被风吹倒' } : {}) },
    );
    ctx.call('hazards.recordInspection', { pointId: p.id, inspectors: [i % 2 ? '张伟' : '李梅'], atMs: ctx.nowMs - (i % 7 === 0 ? 6 : (i % 5) + 1) * DAY, answers });
  });

  const open = ctx.call<{ rows: { id: string; status: string }[] }>('hazards.listRectifications', { status: 'open' }).rows;
  if (open[0]) ctx.call('hazards.actOnRectification', { id: open[0].id, action: 'start', actor: '陈志强', note: '已联系维修单位' });

  const route = ctx.call<RouteRecord>('hazards.saveRoute', {
    name: '华富北片汛期巡查线',
    pointIds: [points[5].id, points[7].id, points[3].id, points[15].id, points[9].id],
    assignees: ['张伟', '王丽华'],
    frequency: { kind: 'days', every: 1 },
    warningFrequency: { kind: 'hours', every: 2 },
  });
  ctx.call('hazards.saveRoute', {
    name: '华富南片地下空间巡查线',
    pointIds: [points[0].id, points[2].id, points[16].id, points[10].id],
    assignees: ['李梅'],
    frequency: { kind: 'days', every: 3 },
  });
  const start = ctx.nowMs - 20 * HOUR;
  ctx.call('hazards.recordRun', {
    routeId: route.id,
    patroller: '张伟',
    startedAtMs: start,
    endedAtMs: start + 2 * HOUR,
    visits: [
      { pointId: points[5].id, atMs: start + 15 * 60_000, finding: '坡脚有少量渗水' },
      { pointId: points[7].id, atMs: start + 40 * 60_000 },
      { pointId: points[3].id, atMs: start + 70 * 60_000 },
      { pointId: points[9].id, atMs: start + 110 * 60_000 },
    ],
  });
}
