import type { HandlerMap } from '../context';

export const evacHandlers = {} satisfies HandlerMap<'evac'>;
