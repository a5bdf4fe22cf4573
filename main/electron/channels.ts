export const INVOKE_CHANNEL = 'hws:invoke';
export const EVENT_CHANNEL = 'hws:event';
