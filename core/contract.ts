import type { z } from 'zod';
import type { MethodDef } from './contract/define';
import { systemContract } from './contract/system';
import { dutyContract } from './contract/duty';
import { hazardsContract } from './contract/hazards';
import { evacContract } from './contract/evac';
import { rainContract } from './contract/rain';
import { mapContract } from './contract/map';
import { backupContract } from './contract/backup';
import { accountsContract } from './contract/accounts';
import { damageContract } from './contract/damage';

/**
 * The single list of everything the UI can ask of the backend, over IPC or HTTP.
 * Each domain declares its own map; the merge here is the whole API.
 */
export const contract = {
  ...systemContract,
  ...dutyContract,
  ...hazardsContract,
  ...evacContract,
  ...rainContract,
  ...mapContract,
  ...backupContract,
  ...accountsContract,
  ...damageContract,
} satisfies Record<string, MethodDef>;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
/** The part of a method name before the dot: `duty` for `duty.logCall`. Permissions are granted per area. */
export type Area = AreaOf<MethodName>;
type AreaOf<M extends string> = M extends `${infer A}.${string}` ? A : never;
export type InputOf<M extends MethodName> = z.input<Contract[M]['input']>;
export type ParsedInputOf<M extends MethodName> = z.output<Contract[M]['input']>;
export type OutputOf<M extends MethodName> = Contract[M] extends MethodDef<z.ZodType, infer O> ? O : never;

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name);
}
