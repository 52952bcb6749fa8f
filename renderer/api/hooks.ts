import { useCallback, useEffect, useRef, useState } from 'react';
import type { InputOf, MethodName, OutputOf } from '../../core/contract';
import { useUi } from '../store/ui';
import { call, CallError } from './client';

/** Runs a method and shows any failure in the error banner; resolves undefined on failure. */
export async function act<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M> | undefined> {
  try {
    return await call(method, input);
  } catch (error) {
    useUi.getState().reportError(
      error instanceof CallError ? error.body : { code: 'internal', key: 'errors.internal', message: String(error) },
      method,
    );
    return undefined;
  }
}

export interface Query<T> {
  data: T | undefined;
  loading: boolean;
  reload(): void;
}

/** Loads a read method, again whenever `key` changes (pass a stable string of the input). */
export function useQuery<M extends MethodName>(method: M, input: InputOf<M>, key = JSON.stringify(input)): Query<OutputOf<M>> {
  const [data, setData] = useState<OutputOf<M>>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const inputRef = useRef(input);
  inputRef.current = input;
  useEffect(() => {
    let live = true;
    setLoading(true);
    act(method, inputRef.current).then((value) => {
      if (!live) return;
      if (value !== undefined) setData(value);
      setLoading(false);
    });
    return () => {
      live = false;
    };
  }, [method, key, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data, loading, reload };
}
