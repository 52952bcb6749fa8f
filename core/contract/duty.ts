import type { MethodDef } from './define';

export const dutyContract = {} satisfies Record<string, MethodDef>;
