import type { MethodDef } from './define';

export const hazardsContract = {} satisfies Record<string, MethodDef>;
