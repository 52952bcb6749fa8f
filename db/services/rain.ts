import type { HandlerMap } from '../context';

export const rainHandlers = {} satisfies HandlerMap<'rain'>;
