import { z } from 'zod';
import { isLocalDate } from '../time';
import { COORD_SYSTEMS, type CoordSystem } from '../domain/geo/coords';

/**
 * Field schemas every contract shares, defined once so that a limit or a message cannot differ
 * between two areas by accident. Where areas did differ, the difference is a parameter.
 */

export const zId = z.uuid();

/** Trimmed, so that a name typed with a trailing space is the same name. */
export const zText = (max: number) => z.string().trim().max(max);

export const zName = zText(50).min(1);

/** UTC epoch ms; the upper bound is the largest time a JavaScript Date can hold. */
export const zInstant = z.number().int().min(0).max(8_640_000_000_000);

/**
 * A calendar day with no zone (`YYYY-MM-DD`). Rain and settings say only 'YYYY-MM-DD' when it is
 * wrong, and their users already see that message, so it stays theirs.
 */
export const localDate = (message = 'Expected a date YYYY-MM-DD') => z.string().refine(isLocalDate, { message });

export const zDate = localDate();

export const zMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Expected a month YYYY-MM');

export const zLat = z.number().min(-90).max(90);

export const zLng = z.number().min(-180).max(180);

export const zCoordSystem = z.enum(COORD_SYSTEMS as [CoordSystem, ...CoordSystem[]]);
