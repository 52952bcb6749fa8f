import type { DutyPersonRecord } from '../../../core/contract/dutyShared';
import type { PersonRole } from '../../../core/domain/duty/types';
import { useT } from '../../i18n';
import { useSession } from '../../store/session';
import { useOperatorName, useStatus } from '../../store/status';

/**
 * Who the desk's forms name as the writer unless changed, as the server does: the signed-in
 * person; on a one-PC desk without sign-in, the officer the rota has on duty now, since
 * "本机值班员" names nobody.
 */
export function useDefaultRecorder(): string {
  const local = useSession((s) => s.status !== null && s.status.account === null);
  const operator = useOperatorName();
  const officer = useStatus((s) => s.status?.officersOnDuty[0]?.name);
  return local ? (officer ?? operator) : operator;
}

interface PersonSelectProps {
  label: string;
  name: string;
  value: string;
  onChange(name: string): void;
  /** Active people, in register (pinyin) order. */
  people: DutyPersonRecord[] | undefined;
  role?: PersonRole;
  testId?: string;
}

/** A signature is picked from the people register, so it always names a real person. */
export function PersonSelect({ label, name, value, onChange, people, role, testId }: PersonSelectProps) {
  const t = useT();
  const choices = (people ?? []).filter((p) => p.active && (!role || p.roles.includes(role)));
  return (
    <label>
      {label}
      <select name={name} required value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('duty.hand.pickPerson')}</option>
        {choices.map((p) => (
          <option key={p.id} value={p.name}>
            {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
