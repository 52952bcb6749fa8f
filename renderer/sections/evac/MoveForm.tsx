import { useState, type FormEvent } from 'react';
import type { InputOf } from '../../../core/contract';
import type { MoveResult } from '../../../core/contract/evac';
import { VULNERABLE_FLAGS, type VulnerableFlag } from '../../../core/domain/evac/model';
import { useQuery } from '../../api/hooks';
import { useT, type TKey } from '../../i18n';
import { useStatus } from '../../store/status';
import { callOrAsk, fromLocalInput, OverrideDialog, toLocalInput, useZone, type OverrideAsk } from './shared';

interface Member {
  name: string;
  idNumber: string;
  phone: string;
  flags: VulnerableFlag[];
}

const blank = (): Member => ({ name: '', idNumber: '', phone: '', flags: [] });
type Dest = 'none' | 'shelter' | 'dispersed' | 'elsewhere';

export function MoveForm({ eventId, version, onChange }: { eventId: string; version: number; onChange(): void }) {
  const t = useT();
  const zone = useZone();
  const nowMs = useStatus((s) => s.status?.nowMs) ?? Date.now();
  const shelters = useQuery('evac.listShelters', { includeClosed: false }, String(version));
  const sources = useQuery('evac.listSources', { eventId }, `${eventId}|${version}`);
  const [kind, setKind] = useState<'hazard_point' | 'address'>('hazard_point');
  const [srcName, setSrcName] = useState('');
  const [srcId, setSrcId] = useState('');
  const [community, setCommunity] = useState('');
  const [at, setAt] = useState(() => toLocalInput(nowMs, zone));
  const [by, setBy] = useState('');
  const [head, setHead] = useState({ headName: '', address: '', phone: '' });
  const [each, setEach] = useState(false);
  const [members, setMembers] = useState<Member[]>([blank()]);
  const [dest, setDest] = useState<Dest>('none');
  const [shelterId, setShelterId] = useState('');
  const [where, setWhere] = useState('');
  const [ask, setAsk] = useState<OverrideAsk | null>(null);
  const [done, setDone] = useState<MoveResult | null>(null);

  const setMember = (i: number, patch: Partial<Member>) => setMembers((list) => list.map((m, j) => (j === i ? { ...m, ...patch } : m)));
  const toggleFlag = (i: number, flag: VulnerableFlag) =>
    setMember(i, { flags: members[i].flags.includes(flag) ? members[i].flags.filter((f) => f !== flag) : [...members[i].flags, flag] });

  function build(reason: string | null): InputOf<'evac.moveGroup'> {
    const people = members.filter((m) => m.name.trim());
    const source =
      kind === 'hazard_point'
        ? { kind, hazardPointId: srcId.trim() || srcName.trim(), name: srcName.trim() }
        : { kind, address: srcName.trim(), community: community.trim() };
    const destination =
      dest === 'none' ? null : dest === 'shelter' ? { kind: dest, shelterId, override: reason ? { reason } : null } : { kind: dest, where };
    return {
      eventId,
      source,
      atMs: fromLocalInput(at, zone) ?? -1,
      by,
      households: each ? people.map((m) => ({ headName: m.name, members: [m] })) : [{ ...head, members: people }],
      destination,
    };
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    setDone(null);
    void callOrAsk('evac.moveGroup', build(null), setAsk, build, (result) => {
      setDone(result);
      setMembers([blank()]);
      setHead({ headName: '', address: '', phone: '' });
      onChange();
    });
  }

  return (
    <>
    <form className="card stack" onSubmit={submit} aria-labelledby="evac-move-title" data-testid="move-form">
      <h2 id="evac-move-title">{t('evac.move.title')}</h2>
      <div className="form-grid">
        <label>
          {t('evac.move.sourceKind')}
          <select value={kind} onChange={(e) => setKind(e.target.value as typeof kind)} name="sourceKind">
            <option value="hazard_point">{t('evac.move.hazardPoint')}</option>
            <option value="address">{t('evac.move.address')}</option>
          </select>
        </label>
        <label>
          {t(kind === 'hazard_point' ? 'evac.move.hazardName' : 'evac.move.addressText')}
          <input name="sourceName" required list="evac-sources" value={srcName} onChange={(e) => setSrcName(e.target.value)} maxLength={200} />
          <datalist id="evac-sources">
            {sources.data?.filter((s) => s.kind === kind).map((s) => <option key={s.key} value={s.name} />)}
          </datalist>
        </label>
        {kind === 'hazard_point' ? (
          <label>
            {t('evac.move.hazardId')}
            <input name="sourceId" value={srcId} onChange={(e) => setSrcId(e.target.value)} maxLength={100} />
          </label>
        ) : (
          <label>
            {t('evac.move.community')}
            <input name="community" value={community} onChange={(e) => setCommunity(e.target.value)} maxLength={100} />
          </label>
        )}
        <label>
          {t('evac.move.at')}
          <input name="at" type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
        </label>
        <label>
          {t('evac.move.by')}
          <input name="by" value={by} onChange={(e) => setBy(e.target.value)} maxLength={50} />
        </label>
      </div>
      <label className="inline">
        <input type="checkbox" checked={each} onChange={(e) => setEach(e.target.checked)} name="each" />
        {t('evac.move.eachOwnHousehold')}
      </label>
      {!each && (
        <div className="form-grid">
          <label>
            {t('evac.move.headName')}
            <input name="headName" value={head.headName} onChange={(e) => setHead({ ...head, headName: e.target.value })} maxLength={50} />
          </label>
          <label>
            {t('evac.move.householdAddress')}
            <input name="householdAddress" value={head.address} onChange={(e) => setHead({ ...head, address: e.target.value })} maxLength={300} />
          </label>
          <label>
            {t('evac.move.householdPhone')}
            <input name="householdPhone" value={head.phone} onChange={(e) => setHead({ ...head, phone: e.target.value })} maxLength={30} />
          </label>
        </div>
      )}
      <fieldset className="evac-members">
        <legend>{t('evac.move.members')}</legend>
        {members.map((m, i) => (
          <div className="evac-member" key={i} data-testid="member-row">
            <input aria-label={t('evac.move.name')} placeholder={t('evac.move.name')} name={`name-${i}`} value={m.name} onChange={(e) => setMember(i, { name: e.target.value })} maxLength={50} />
            <input aria-label={t('evac.move.idNumber')} placeholder={t('evac.move.idNumber')} value={m.idNumber} onChange={(e) => setMember(i, { idNumber: e.target.value })} maxLength={30} />
            <input aria-label={t('evac.move.phone')} placeholder={t('evac.move.phone')} value={m.phone} onChange={(e) => setMember(i, { phone: e.target.value })} maxLength={30} />
            <span className="evac-flags">
              {VULNERABLE_FLAGS.map((f) => (
                <label key={f} className="inline">
                  <input type="checkbox" checked={m.flags.includes(f)} onChange={() => toggleFlag(i, f)} />
                  {t(`evac.flag.${f}` as TKey)}
                </label>
              ))}
            </span>
            <button type="button" className="ghost" onClick={() => setMembers((list) => (list.length > 1 ? list.filter((_, j) => j !== i) : list))}>
              {t('evac.move.remove')}
            </button>
          </div>
        ))}
        <button type="button" onClick={() => setMembers((list) => [...list, blank()])} data-testid="add-member">
          {t('evac.move.addMember')}
        </button>
      </fieldset>
      <div className="form-grid">
        <label>
          {t('evac.move.destination')}
          <select name="destination" value={dest} onChange={(e) => setDest(e.target.value as Dest)}>
            <option value="none">{t('evac.move.destNone')}</option>
            <option value="shelter">{t('evac.move.destShelter')}</option>
            <option value="dispersed">{t('evac.move.destDispersed')}</option>
            <option value="elsewhere">{t('evac.move.destElsewhere')}</option>
          </select>
        </label>
        {dest === 'shelter' && (
          <label>
            {t('evac.people.chooseShelter')}
            <select name="shelter" required value={shelterId} onChange={(e) => setShelterId(e.target.value)}>
              <option value="" />
              {shelters.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.occupancy}/{s.capacity ?? '—'})
                </option>
              ))}
            </select>
          </label>
        )}
        {(dest === 'dispersed' || dest === 'elsewhere') && (
          <label>
            {t('evac.move.where')}
            <input name="where" value={where} onChange={(e) => setWhere(e.target.value)} maxLength={300} />
          </label>
        )}
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="move-submit">
          {t('evac.move.submit')}
        </button>
        {done && (
          <span role="status" data-testid="move-done">
            {t('evac.move.done', { moved: done.moved.length, again: done.movedAgain.length, dup: done.duplicates.length })}
          </span>
        )}
      </div>
    </form>
    {ask && <OverrideDialog ask={ask} onClose={() => setAsk(null)} />}
    </>
  );
}
