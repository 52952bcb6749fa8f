/** Named events (typhoons, rainstorm processes) and their errors. */
export const zh = {
  'errors.events.endBeforeStart': '结束时间不能早于开始时间。',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'errors.events.endBeforeStart': 'The end must not be before the start.',
};
