import * as records from './dutyRecords';
import * as desk from './dutyDesk';
import * as settings from './dutySettings';

/** The duty desk, in tables by subject to keep each file readable; each is typed zh-first. */
export const zh = { ...records.zh, ...desk.zh, ...settings.zh } as const;

export const en: Record<keyof typeof zh, string> = { ...records.en, ...desk.en, ...settings.en };
