export * from './protocol';
export * from './usage-deltas';
export * from './transport';
