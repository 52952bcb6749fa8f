import * as records from './dutyRecords';
import * as desk from './dutyDesk';
import * as edits from './dutyEdits';

/** The duty desk, in three tables to keep each file readable; each is typed zh-first. */
export const zh = { ...records.zh, ...desk.zh, ...edits.zh } as const;

export const en: Record<keyof typeof zh, string> = { ...records.en, ...desk.en, ...edits.en };
