import { pinyin } from 'pinyin-pro';

/**
 * The key the register sorts by for "名称（拼音）": 重庆路 files under C ("chong qing lu"), not
 * under Z as the first reading of 重 would put it. pinyin-pro reads words in context, so
 * 银行 is "yin hang" and 长沙 "chang sha". Syllables are separated by a space so that the
 * key keeps word boundaries; runs of digits are zero-padded so 2号 sorts before 10号.
 */
export function pinyinSortKey(name: string): string {
  return sortKey(name, false);
}

/** The same key for a person's name, whose surname takes its surname reading: 曾 "zeng", 单 "shan". */
export function personPinyinSortKey(name: string): string {
  return sortKey(name, true);
}

function sortKey(name: string, person: boolean): string {
  const text = name.normalize('NFKC').replace(/\s+/g, '');
  if (!text) return '';
  return pinyin(text, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true, ...(person ? { surname: 'head' as const } : {}) })
    .map((syllable) => syllable.toLowerCase().replace(/\d+/g, (digits) => digits.padStart(10, '0')))
    .join(' ');
}
