import type { HandlerMap } from '../platform/context';
import { auditRepo } from './audit.repo';
import { verifyAuditChain } from './verify';

export const auditHandlers = {
  'audit.list': (ctx, filter) => auditRepo(ctx.db).list(filter),
  'audit.verify': (ctx) => verifyAuditChain(ctx.db),
} satisfies HandlerMap<'audit'>;
