/** Pure rules for response actions, termination and post-response duties (plans A, B, C). */
export * from './plans';
export * from './actions';
export * from './checklist';
export * from './termination';
export * from './post-response';
