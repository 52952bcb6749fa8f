import { responseLevelLabel } from '../../../core/domain/duty/warnings';
import { STAT_STAGE_LABELS } from '../../../core/domain/damage/statReport';
import { statSentence } from '../../../core/domain/damage/statText';
import { formatLocal } from '../../../core/time';
import { plain, safeNumber } from '../../format/safe';
import { translate, type Lang, type TKey, type TParams } from '../../i18n';
import type { Bilingual, ReportFacts, ReportScope } from './gather';

export type DraftLang = 'zh' | 'en' | 'both';
export const SECTION_IDS = ['rain', 'prep', 'duty', 'response', 'problems', 'next'] as const;
export type SectionId = (typeof SECTION_IDS)[number];

/** One figure beside a section; null value shows as "no record" (or "incomplete"), never as 0. */
export interface Figure {
  label: TKey;
  value: string | number | null;
  /** Records exist but do not cover the whole period, so no total is claimed. */
  incomplete?: boolean;
}

/** How a figure reads in a table: a missing value says why it is missing. */
export function figureText(f: Figure, t: (key: TKey) => string): string {
  if (f.value !== null) return String(f.value);
  return t(f.incomplete ? 'reports.incomplete' : 'reports.noRecord');
}

const UI: Record<'zh' | 'en', Lang> = { zh: 'zh-CN', en: 'en' };

export function pick(text: Bilingual, lang: 'zh' | 'en'): string {
  return lang === 'zh' ? text.zh : text.en || text.zh;
}

/** The figures the draft sentences are built from, so the reader can check each one. */
export function figuresOf(id: SectionId, facts: ReportFacts): Figure[] | null {
  switch (id) {
    case 'rain': {
      const r = facts.rain;
      if (!r) return null;
      return [
        { label: 'reports.fig.days', value: r.days },
        { label: 'reports.fig.rainDays', value: r.hasData ? r.rainDays : null },
        // The area mean needs every gauge's full period; with gaps the readings exist but no total is claimed.
        { label: 'reports.fig.areaTotal', value: r.areaTotalMm === null ? null : plain(safeNumber(r.areaTotalMm, 1)), incomplete: r.hasData && r.areaTotalMm === null },
        { label: 'reports.fig.wettestDay', value: r.wettestDay },
        { label: 'reports.fig.wettestStation', value: r.wettestStation },
        { label: 'reports.fig.peak', value: r.peakM === null ? null : plain(safeNumber(r.peakM, 2)) },
        { label: 'reports.fig.aboveWarning', value: r.peakM === null ? null : r.daysAboveWarning },
        // A period still under way: every figure above is what is known so far, not the day's total.
        ...(r.lastDayUntil ? [{ label: 'reports.fig.rainUntil' as const, value: r.lastDayUntil }] : []),
      ];
    }
    case 'prep': {
      const p = facts.prep;
      if (!p) return null;
      return [
        { label: 'reports.fig.pointsInspected', value: p.pointsInspected },
        { label: 'reports.fig.inspections', value: p.inspections },
        { label: 'reports.fig.inspectionsFailed', value: p.inspectionsFailed },
        { label: 'reports.fig.patrolRuns', value: p.patrolRuns },
        { label: 'reports.fig.rectOpened', value: p.rectOpened },
        { label: 'reports.fig.rectClosed', value: p.rectClosed },
        { label: 'reports.fig.rectStillOpen', value: p.rectStillOpen },
      ];
    }
    case 'duty': {
      const d = facts.duty;
      if (!d) return null;
      return [
        { label: 'reports.fig.days', value: d.days },
        { label: 'reports.fig.rotaDays', value: d.rotaDays },
        { label: 'reports.fig.leaderDays', value: d.leaderDays },
        { label: 'reports.fig.logEntries', value: d.logEntries },
        { label: 'reports.fig.calls', value: d.calls },
        { label: 'reports.fig.warnings', value: d.warnings.length },
        { label: 'reports.fig.warningsLifted', value: d.warningsLifted },
        { label: 'reports.fig.incidents', value: d.incidents.length },
      ];
    }
    case 'response': {
      const e = facts.response;
      if (!e) return null;
      return [
        { label: 'reports.fig.movedPeople', value: e.movedPeople },
        { label: 'reports.fig.movedHouseholds', value: e.movedHouseholds },
        { label: 'reports.fig.vulnerable', value: e.vulnerablePeople },
        { label: 'reports.fig.stillOut', value: e.stillOut },
        { label: 'reports.fig.sheltersUsed', value: e.shelters.length },
      ];
    }
    default:
      return [];
  }
}

/**
 * The damage paragraph: the figures of the statistics quick report, said with the version they
 * come from (or that they are the unsent draft), so the summary and the report never disagree.
 */
export function damageText(facts: ReportFacts, lang: 'zh' | 'en', timeZone: string): string | null {
  const tr = (key: TKey, params?: TParams) => translate(UI[lang], key, params);
  const d = facts.damage;
  if (d === undefined) return null;
  if (d === null) return tr('reports.draft.damageUnreadable');
  const asOf = formatLocal(d.asOfMs, 'yyyy-MM-dd HH:mm', timeZone);
  const source = d.sent
    ? tr('reports.draft.damageSent', { seq: d.sent.seq, stage: STAT_STAGE_LABELS[d.sent.stage][lang], asOf })
    : tr('reports.draft.damageDraft', { asOf });
  return `${source}${statSentence(d.values, lang)}`;
}

/** The paragraph of one section in one language, from the records only. */
export function sectionText(id: SectionId, facts: ReportFacts, lang: 'zh' | 'en'): string {
  const tr = (key: TKey, params?: TParams) => translate(UI[lang], key, params);
  const sep = lang === 'zh' ? '、' : ', ';
  switch (id) {
    case 'rain': {
      const r = facts.rain;
      if (!r) return tr('reports.draft.unreadable');
      return r.hasData && pick(r.sentence, lang) ? pick(r.sentence, lang) : tr('reports.draft.rainNone');
    }
    case 'prep': {
      const p = facts.prep;
      if (!p) return tr('reports.draft.unreadable');
      if (p.inspections + p.patrolRuns + p.rectOpened + p.rectClosed === 0) return tr('reports.draft.prepNone');
      const parts = [
        p.inspections ? tr('reports.draft.prepInspections', { points: p.pointsInspected, n: p.inspections, failed: p.inspectionsFailed }) : tr('reports.draft.prepNoInspections'),
        p.patrolRuns ? tr('reports.draft.prepPatrols', { n: p.patrolRuns }) : '',
        tr('reports.draft.prepRect', { opened: p.rectOpened, closed: p.rectClosed, open: p.rectStillOpen }),
      ];
      return join(parts, lang);
    }
    case 'duty': {
      const d = facts.duty;
      if (!d) return tr('reports.draft.unreadable');
      if (d.rotaDays + d.logEntries + d.warnings.length + d.incidents.length === 0) return tr('reports.draft.dutyNone', { days: d.days });
      const highest = d.responseLevels.length ? (Math.min(...d.responseLevels) as 1 | 2 | 3 | 4) : null;
      const parts = [
        tr('reports.draft.dutyDays', { days: d.days, rota: d.rotaDays, leader: d.leaderDays }),
        tr('reports.draft.dutyLog', { n: d.logEntries, calls: d.calls }),
        d.warnings.length ? tr('reports.draft.dutyWarnings', { n: d.warnings.length, list: d.warnings.map((w) => pick(w, lang)).join(sep), lifted: d.warningsLifted }) : tr('reports.draft.dutyNoWarnings'),
        highest ? tr('reports.draft.dutyResponse', { level: responseLevelLabel(highest)[lang] }) : '',
      ];
      return join(parts, lang);
    }
    case 'response': {
      const e = facts.response;
      const incidents = facts.duty?.incidents ?? [];
      if (!e) return tr('reports.draft.unreadable');
      const parts = [
        e.movedPeople > 0 ? stripEnd(pick(e.sentence, lang)) : tr('reports.draft.evacNone'),
        e.shelters.length ? tr('reports.draft.shelters', { n: e.shelters.length, list: e.shelters.map((x) => pick(x, lang)).join(sep) }) : '',
        incidents.length ? tr('reports.draft.incidents', { n: incidents.length, list: incidents.join(sep) }) : '',
      ];
      return join(parts, lang);
    }
    default:
      return tr('reports.draft.toFill');
  }
}

function stripEnd(text: string): string {
  return text.replace(/[。.]\s*$/, '');
}

/** Clauses joined into one paragraph: '；' in Chinese, '; ' in English, with a full stop. */
function join(parts: string[], lang: 'zh' | 'en'): string {
  const kept = parts.filter(Boolean).map(stripEnd);
  if (lang === 'zh') return `${kept.join('；')}。`;
  const text = kept.join('; ');
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

function draftIn(facts: ReportFacts, scope: ReportScope, lang: 'zh' | 'en'): string {
  const tr = (key: TKey, params?: TParams) => translate(UI[lang], key, params);
  // The unit and title head the printed page, so the draft starts with what it covers.
  const lines = [tr('reports.draft.scope', { name: pick(scope.name, lang), from: scope.fromDay, to: scope.toDay }), ''];
  for (const id of SECTION_IDS) {
    lines.push(tr(`reports.section.${id}`), sectionText(id, facts, lang));
    // The damage belongs with the response: what happened to the street beside what the desk did about it.
    const damage = id === 'response' ? damageText(facts, lang, scope.timeZone) : null;
    if (damage) lines.push(damage);
    lines.push('');
  }
  return lines.join('\n').trimEnd();
}

/** The whole editable draft; Chinese first when both are wanted, as the report is filed in Chinese. */
export function draftText(facts: ReportFacts, scope: ReportScope, lang: DraftLang): string {
  if (lang === 'both') return `${draftIn(facts, scope, 'zh')}\n\n${'—'.repeat(12)}\n\n${draftIn(facts, scope, 'en')}`;
  return draftIn(facts, scope, lang);
}
