import type { MethodDef } from './define';

export const rainContract = {} satisfies Record<string, MethodDef>;
