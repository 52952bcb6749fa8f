export { accountsHandlers } from './accounts.handlers';
export { assertActiveAdmin, LOCAL_ACTOR, LOCAL_ACTOR_NAME_EN, SIGNED_OUT_ACTOR, nextHeldSession, resolveCaller, sessionActor, signInRequired, type HeldSession, type SessionActor } from './gate';
