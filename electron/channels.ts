/** The one IPC channel: contract calls from the preload's bridge to the main process. */
export const CALL_CHANNEL = 'flooddesk:call';
