import { createAppDispatcher, openAppDatabase } from '../../db/handlers';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { LogChannel, LogEntry, RotaProposal } from '../../core/contract/dutyShared';
import { logChannels } from '../../core/contract/dutyShared';
import { generateRota } from '../../core/domain/duty/rota';
import type { PersonRole } from '../../core/domain/duty/types';
import { addDays, daysBetween, zonedToUtc } from '../../core/time';
import type { Actor } from '../../db/platform/context';
import { type Dispatcher } from '../../db/platform/dispatch';
import { dutyLogRepo } from '../../db/duty/log.repo';
import { dutyPeopleRepo } from '../../db/duty/people.repo';
import { Bench, seededRandom, time } from './harness';

const ACTOR: Actor = { id: 'bench', name: 'bench', role: 'admin' };
const PEOPLE = 300;
const LOG_ENTRIES = 200_000;
/** Three flood seasons of 184 days (4/15–10/15): 552 duty days. */
const SEASONS = [2024, 2025, 2026].map((year) => ({ from: `${year}-04-15`, to: `${year}-10-15` }));

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split('');
const GIVEN = '伟芳娜敏静丽强磊洋艳勇军杰娟涛明超秀霞平刚桂英华玉兰萍鹏辉斌飞宇浩凯健俊帆鑫波宁欣悦琳晨阳'.split('');
const PLACES = ['文昌路', '莲花一村', '田面村', '笋岗西路', '黄木岗', '福田河', '笔架山', '华富路', '彩田路', '新洲路', '景田北', '梅林关', '上步中路', '红荔路', '皇岗路', '园岭新村', '百花二路', '八卦岭', '银湖路', '泥岗村'];
const EVENTS = ['下穿通道积水', '树木倒伏压车', '边坡出现裂缝', '围墙局部倒塌', '地下车库进水', '路灯不亮', '排水口被堵塞', '广告牌松动', '危房屋顶漏雨', '河道水位上涨', '工地基坑渗水', '变电箱被淹', '井盖缺失', '居民被困电梯', '老人需要转移'];
const ACTIONS = ['已通知市政抽排', '已联系园林队处理', '已安排执法队现场查看', '已报区三防办', '已通知社区网格员', '已联系物业放置挡水板', '已通知供电局抢修', '已安排转移至安置点', '已设置警戒线', '已通知交警疏导'];
const UNITS = ['区三防办', '市气象台', '社区工作站', '物业公司', '派出所', '市政公司', '供电局', '水务局', '执法队', '居民'];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)];
const name = (random: Random) => pick(random, SURNAMES) + pick(random, GIVEN) + (random() < 0.5 ? pick(random, GIVEN) : '');

function call<T>(dispatcher: Dispatcher, method: string, input: unknown): T {
  const result = dispatcher.call(method, input, ACTOR);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/** The people register and three seasons of rota, through the contract as an office would build them. */
function seedRota(dispatcher: Dispatcher, random: Random): void {
  for (let i = 0; i < PEOPLE; i++) {
    const roles: PersonRole[] = i < 30 ? ['leader'] : i < 270 ? (i % 8 === 0 ? ['officer', 'backup'] : ['officer']) : ['backup'];
    call(dispatcher, 'duty.savePerson', { name: name(random), roles, unit: pick(random, UNITS), phone: `139${String(10_000_000 + i).slice(-8)}` });
  }
  for (const season of SEASONS) {
    const proposal = call<RotaProposal>(dispatcher, 'duty.generateRota', season);
    call(dispatcher, 'duty.saveRota', { days: proposal.days, source: 'generated', reason: 'bench', allowIncomplete: true });
  }
}

/**
 * 200k log entries straight through the repository in large transactions: through the contract
 * each would be its own fsync'd transaction, which measures the disk, not the search.
 */
function seedLog(db: ReturnType<typeof openAppDatabase>, random: Random): void {
  const repo = dutyLogRepo(db);
  const starts = SEASONS.map((s) => zonedToUtc(s.from, '08:00'));
  const spanMs = (daysBetween(SEASONS[0].from, SEASONS[0].to) + 1) * 86_400_000;
  const batch = db.transaction((count: number) => {
    for (let i = 0; i < count; i++) {
      const receivedAtMs = pick(random, starts) + Math.floor(random() * spanMs);
      const id = randomUUID();
      const entry: LogEntry = {
        id,
        entryId: id,
        version: 1,
        receivedAtMs,
        // 08:00 in UTC+8 is 00:00 UTC, so the duty day is the UTC date; dutyDayOf would cost 14 s here.
        dutyDay: new Date(receivedAtMs).toISOString().slice(0, 10),
        channel: pick(random, logChannels) as LogChannel,
        fromName: name(random),
        fromUnit: pick(random, UNITS),
        content: `${pick(random, PLACES)}${pick(random, EVENTS)}，约${Math.floor(random() * 90) + 10}${random() < 0.5 ? '厘米' : '米'}，请求处置`,
        actionTaken: pick(random, ACTIONS),
        forwardedTo: pick(random, UNITS),
        result: random() < 0.9 ? '已处置完毕' : '',
        recordedBy: name(random),
        status: random() < 0.9 ? 'closed' : 'open',
        followUpOf: null,
        eventId: null,
        correctionReason: '',
        createdAt: new Date(receivedAtMs).toISOString(),
      };
      repo.insert(entry);
    }
  });
  for (let done = 0; done < LOG_ENTRIES; done += 20_000) batch(Math.min(20_000, LOG_ENTRIES - done));
}

/** Log search, the month view and rota generation over three seasons, each beside bare SQL or the bare rule. */
export async function benchDuty(bench: Bench, dir: string): Promise<void> {
  const db = openAppDatabase(join(dir, 'duty.sqlite'));
  const dispatcher = createAppDispatcher({ db, dataDir: dir, clock: () => zonedToUtc('2026-10-16', '09:00') });
  const random = seededRandom(4);
  const seedStart = performance.now();
  seedRota(dispatcher, random);
  seedLog(db, random);
  db.pragma('optimize');
  const note = `seeded ${PEOPLE} people, ${SEASONS.length * 184} days, ${LOG_ENTRIES} log entries in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`;

  const terms = [...PLACES.slice(0, 10), ...EVENTS.slice(0, 10)].map((t) => t.slice(0, 4));
  let n = 0;
  const nextTerm = () => terms[n++ % terms.length];
  const bareSearch = db.prepare(
    `SELECT * FROM duty_log_entries WHERE rowid IN (SELECT rowid FROM duty_log_fts WHERE duty_log_fts MATCH ?) AND is_current = 1
     ORDER BY received_at_ms DESC LIMIT 200`,
  );
  const bare = await time(() => bareSearch.all(`"${nextTerm()}"`), 60);
  const search = await time(() => call(dispatcher, 'duty.listLog', { query: nextTerm(), limit: 200 }), 60);
  bench.add('duty', 'log search, 3–4-char Chinese term (FTS5 trigram), first page of 200 + total', search, {
    baseline: ['bare FTS5 join + sort, same page', bare],
    target: '≤ 100 ms median',
    note,
  });

  // Before migration 0011, 1–2-character terms were one LIKE pass over six columns that stopped
  // at 1001 matches; that pass, run on the same data, is the baseline for each short-term case.
  const anyColumnLike = ['from_name', 'from_unit', 'content', 'action_taken', 'forwarded_to', 'result'].map((column) => `${column} LIKE @like`).join(' OR ');
  const likePass = db.prepare(`SELECT * FROM duty_log_entries NOT INDEXED WHERE is_current = 1 AND (${anyColumnLike}) LIMIT 1001`);
  const likePassOpen = db.prepare(`SELECT * FROM duty_log_entries NOT INDEXED WHERE is_current = 1 AND status = 'open' AND (${anyColumnLike}) LIMIT 1001`);
  const shortCases: [string, string[], number][] = [
    ['common 2-char term', ['积水', '倒塌', '车库', '漏雨', '井盖'], 30],
    ['2-char term found nowhere', ['台风', '山洪', '停电', '塌方'], 10],
    ['common 1-char term', ['水', '路', '树', '村'], 30],
    ['1-char term found nowhere', ['雪', '冰', '沙', '火'], 10],
  ];
  for (const [label, shortTerms, runs] of shortCases) {
    const previous = await time(() => likePass.all({ like: `%${pick(random, shortTerms)}%` }), runs);
    const indexed = await time(() => call(dispatcher, 'duty.listLog', { query: pick(random, shortTerms), limit: 200 }), runs);
    bench.add('duty', `log search, ${label} (character-pair index), first page of 200 + exact total`, indexed, {
      baseline: ['previous search: LIKE pass over six columns, ≤ 1001 matches', previous],
      target: '≤ 100 ms median',
    });
  }
  const filtered = await time(() => call(dispatcher, 'duty.listLog', { query: pick(random, ['水', '路']), status: 'open', limit: 200 }), 10);
  const previousFiltered = await time(() => likePassOpen.all({ like: `%${pick(random, ['水', '路'])}%` }), 10);
  bench.add('duty', 'log search, common 1-char term and "open" only (status token in the same index), first page + exact total', filtered, {
    baseline: ['previous search: LIKE pass over six columns, ≤ 1001 matches', previousFiltered],
    target: '≤ 100 ms median',
  });

  const days = SEASONS.flatMap((s) => Array.from({ length: 184 }, (_, i) => addDays(s.from, i)));
  const bareDay = db.prepare('SELECT * FROM duty_log_entries WHERE is_current = 1 AND duty_day = ? ORDER BY received_at_ms DESC LIMIT 200');
  const bareDayTiming = await time(() => bareDay.all(pick(random, days)), 60);
  const dayTiming = await time(() => {
    const day = pick(random, days);
    return call(dispatcher, 'duty.listLog', { fromDay: day, toDay: day, limit: 200 });
  }, 60);
  bench.add('duty', 'log of one duty day', dayTiming, { baseline: ['bare SQL', bareDayTiming], target: '≤ 100 ms median' });

  const months = SEASONS.flatMap((s) => ['05', '06', '07', '08', '09'].map((m) => `${s.from.slice(0, 4)}-${m}`));
  const bareMonth = db.prepare(
    `SELECT a.*, p.name, p.phone FROM duty_assignments a JOIN duty_people p ON p.id = a.person_id
     WHERE a.date BETWEEN ? AND ? AND a.superseded_at_ms IS NULL ORDER BY a.date, a.slot, a.position`,
  );
  const bareMonthTiming = await time(() => {
    const month = pick(random, months);
    return bareMonth.all(`${month}-01`, `${month}-31`);
  }, 60);
  const monthTiming = await time(() => call(dispatcher, 'duty.rotaMonth', { month: pick(random, months) }), 60);
  bench.add('duty', 'rota month view (names, phones, fairness, year totals, conflicts)', monthTiming, {
    baseline: ['bare SQL of the month’s assignments', bareMonthTiming],
    target: '≤ 100 ms median',
  });

  const roster = dutyPeopleRepo(db).roster();
  const range = { from: '2026-05-01', to: addDays('2026-05-01', 149) };
  const bareRule = await time(() => generateRota({ roster, ...range }), 10);
  const generation = await time(() => call(dispatcher, 'duty.generateRota', range), 10);
  bench.add('duty', 'rota generation, 150 days, 300 people (proposal with fairness and conflicts)', generation, {
    baseline: ['generateRota alone, roster in memory', bareRule],
    target: '< 1 s',
  });
  db.close();
}
