/** Pure rules for the warning board (预警): levels, issuers, lifting and warning actions. */
export * from './levels';
export * from './issuers';
export * from './actions';
