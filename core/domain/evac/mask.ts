/**
 * Masks personal numbers for lists, prints and exports, where evacuee rosters leave
 * the duty room. The full value stays in the record; only what is shown is masked.
 *   110101199003071234 → 110101********1234
 *   13812345678        → 138****5678
 */

function fold(value: string | null | undefined): string {
  return (value ?? '').normalize('NFKC').replace(/\s+/g, '');
}

function keepEnds(value: string, head: number, tail: number): string {
  return value.slice(0, head) + '*'.repeat(value.length - head - tail) + value.slice(value.length - tail);
}

/**
 * ID numbers (18 or legacy 15 characters) keep the 6-digit region code and the last 4.
 * Shorter identifiers keep less, so that most of the value is always hidden.
 */
export function maskIdNumber(value: string | null | undefined): string {
  const id = fold(value).toUpperCase();
  if (id.length >= 11) return keepEnds(id, 6, 4);
  if (id.length >= 7) return keepEnds(id, 2, 2);
  return '*'.repeat(id.length);
}

/** Mobile numbers keep the first 3 and last 4 digits; landlines keep the area code and last 4. */
export function maskPhone(value: string | null | undefined): string {
  const raw = fold(value);
  if (raw === '') return '';
  const digits = raw.replace(/\D/g, '');

  const mobile = /^(?:0086|86)?(1\d{10})$/.exec(digits);
  if (mobile) {
    const prefix = digits.length > 11 ? '+86 ' : '';
    return prefix + keepEnds(mobile[1], 3, 4);
  }

  // Landline with an area code: 010 and 02x are three digits, the rest four.
  const dashed = /^(0\d{2,3})-(\d{5,8})$/.exec(raw.replace(/[()（）]/g, (c) => (c === ')' || c === '）' ? '-' : '')).replace(/--+/g, '-'));
  if (dashed) return `${dashed[1]}-${keepEnds(dashed[2], 0, 4)}`;
  if (/^0\d{9,11}$/.test(digits)) {
    const area = /^0[12]/.test(digits) ? 3 : 4;
    return `${digits.slice(0, area)}-${keepEnds(digits.slice(area), 0, 4)}`;
  }

  if (digits.length >= 7) return keepEnds(digits, 0, 4);
  if (digits.length >= 3) return keepEnds(digits, 0, 2);
  return '*'.repeat(digits.length);
}
