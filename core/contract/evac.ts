import type { MethodDef } from './define';

export const evacContract = {} satisfies Record<string, MethodDef>;
