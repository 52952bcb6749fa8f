import { useCallback, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../../core/contract';
import type { ErrorBody } from '../../../core/errors';
import { call, CallError } from '../../api/client';
import { describeIssue } from '../../i18n';
import { useUi } from '../../store/ui';

/** Field problems by the form's field name (`lossWan`, `quantities.people_dead`, `place.lat`, `reason`). */
export type FieldErrors = Record<string, string>;

/** `patch.lossWan` in a correction is the same field as `lossWan` in a new record. */
const fieldOf = (path: string) => path.replace(/^patch\./, '');

/**
 * Sends a form. Field problems go next to their fields in the reader's language, and the shared
 * banner gets only the headline, never a field path; any other failure (a stale version, a
 * refusal) goes to the banner as everywhere else. Nothing typed is cleared on failure.
 */
export function useFormSubmit() {
  const lang = useUi((s) => s.lang);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);
  const submit = useCallback(
    async <M extends MethodName>(method: M, input: InputOf<M>, quiet?: (body: ErrorBody) => boolean): Promise<OutputOf<M> | undefined> => {
      setBusy(true);
      setErrors({});
      try {
        return await call(method, input);
      } catch (error) {
        const body: ErrorBody = error instanceof CallError ? error.body : { code: 'internal', key: 'errors.internal', message: String(error) };
        if (quiet?.(body)) return undefined;
        const { issues = [], ...headline } = body;
        const found: FieldErrors = {};
        for (const issue of issues) {
          const field = fieldOf(issue.path);
          const text = describeIssue(lang, 'damage', issue);
          found[field] = found[field] ? `${found[field]}；${text}` : text;
        }
        setErrors(found);
        useUi.getState().reportError(headline, method);
        return undefined;
      } finally {
        setBusy(false);
      }
    },
    [lang],
  );
  return { errors, busy, submit };
}

/** A field's problem, said next to it; the id lets the input point at it with aria-describedby. */
export function errorId(field: string): string {
  return `dmg-err-${field.replace(/\W/g, '-')}`;
}
