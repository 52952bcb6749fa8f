export { auditHandlers } from './audit.handlers';
export { auditRepo, sealUnchainedAudit } from './audit.repo';
export { verifyAuditChain } from './verify';
