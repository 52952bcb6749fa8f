import type { z } from 'zod';
import type { Role } from '../permissions';

export type MethodKind = 'read' | 'write';

export interface MethodDef<I extends z.ZodType = z.ZodType, O = unknown> {
  readonly input: I;
  readonly kind: MethodKind;
  readonly summary: string;
  /** Larger request bodies for uploads (photos, map files); the HTTP default is 1 MiB. */
  readonly maxBodyBytes?: number;
  /** Roles allowed to call, when not the default for the area (see core/permissions.ts). */
  readonly access?: readonly Role[];
  /** Phantom field carrying the output type; never present at run time. */
  readonly __output?: O;
}

interface MethodOptions {
  maxBodyBytes?: number;
  access?: readonly Role[];
}

function define<O>(kind: MethodKind) {
  return <I extends z.ZodType>(input: I, summary: string, options: MethodOptions = {}): MethodDef<I, O> => ({
    input,
    kind,
    summary,
    ...options,
  });
}

/** A method that only reads: `read<Out>()(inputSchema, 'what it returns')`. */
export const read = <O>() => define<O>('read');

/** A method that changes records; its handler must audit every change. */
export const write = <O>() => define<O>('write');
