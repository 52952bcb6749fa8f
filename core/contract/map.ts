import type { MethodDef } from './define';

export const mapContract = {} satisfies Record<string, MethodDef>;
