import { useLabel } from './labels';

/** The `<option>`s of a fixed list whose labels come in both languages (types, risk levels, coordinate systems). */
export function LabelledOptions<K extends string>({ values, labels }: { values: readonly K[]; labels: Record<K, { zh: string; en: string }> }) {
  const label = useLabel();
  return (
    <>
      {values.map((value) => (
        <option key={value} value={value}>
          {label(labels[value])}
        </option>
      ))}
    </>
  );
}
