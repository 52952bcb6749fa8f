import type { HandlerMap } from '../context';

export const mapHandlers = {} satisfies HandlerMap<'map'>;
