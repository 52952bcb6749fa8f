export { accountsHandlers } from './accounts.handlers';
export { assertActiveAdmin, LOCAL_ACTOR, SIGNED_OUT_ACTOR, nextHeldSession, resolveCaller, sessionActor, signInRequired, type HeldSession, type SessionActor } from './gate';
