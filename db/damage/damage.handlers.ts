import type { HandlerMap } from '../platform/context';
import { damageReadHandlers } from './reads.handlers';
import { damageWriteHandlers } from './records.handlers';

export const damageHandlers = {
  ...damageReadHandlers,
  ...damageWriteHandlers,
} satisfies HandlerMap<'damage'>;
