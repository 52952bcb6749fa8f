import type { HandlerMap } from '../platform/context';
import { damageReadHandlers } from './reads.handlers';
import { damageWriteHandlers } from './records.handlers';
import { statHandlers } from './stat.handlers';

export const damageHandlers = {
  ...damageReadHandlers,
  ...damageWriteHandlers,
  ...statHandlers,
} satisfies HandlerMap<'damage'>;
